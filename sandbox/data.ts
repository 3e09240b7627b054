/**
 * Sandbox data: three fictional LinkedIn accounts and their Social Selling Index.
 *
 * Everything is deterministic: the SSI of an account on a given UTC calendar day is
 * seeded from `accountId + date`, so the same day always gives the same numbers and
 * consecutive days differ a little, like LinkedIn's once-a-day update.
 *
 * Every score is a multiple of 2^-16 (an unrounded-looking float such as
 * 67.4123687744140625), so the overall score is the exact floating-point sum of the
 * four pillars, whatever order a client adds them in.
 */

/** The four SSI pillars, in LinkedIn's dashboard order (clients must match by enum). */
export const PILLARS = [
  'PROFESSIONAL_BRAND',
  'FIND_RIGHT_PEOPLE',
  'INSIGHT_ENGAGEMENT',
  'STRONG_RELATIONSHIP',
] as const;

/** One of the four SSI pillar enums. */
export type Pillar = (typeof PILLARS)[number];

/** Four numbers in `PILLARS` order. */
type PillarTuple = readonly [number, number, number, number];

/** A pillar score as the documented API returns it. */
export interface PillarScore {
  pillar: Pillar;
  score: number;
}

/** The `linkedinPlan` object of `/linkedin/account/status`. */
export interface LinkedinPlan {
  premiumType: string | null;
  isPremium: boolean;
  hasSalesNavigator: boolean;
}

/** The fixed part of a comparison group (industry or network) of an account. */
export interface GroupProfile {
  /** The industry's name; null for the network group. */
  industryName: string | null;
  groupSize: number;
  /** The group's average pillar scores around which each day's values vary. */
  averagePillars: PillarTuple;
}

/** A sandbox LinkedIn account: the light list fields plus what the SSI is built from. */
export interface SandboxAccount {
  /** 24 lowercase hex characters. */
  id: string;
  firstName: string;
  lastName: string;
  /** The `/in/<publicId>/` slug of the profile URL. */
  publicId: string;
  picture: string | null;
  status: 'AVAILABLE';
  apiSeatAllocated: true;
  /** `urn:li:fsd_profile:<ID>`. */
  profileUrn: string;
  /** Whether the account has an active Sales Navigator seat. */
  activeSeat: boolean;
  linkedinPlan: LinkedinPlan;
  /** How long before "now" the account was last used (for `lastUsed`). */
  lastUsedMinutesAgo: number;
  /** The member's typical pillar scores around which each day's values vary. */
  basePillars: PillarTuple;
  industry: GroupProfile;
  network: GroupProfile;
}

/** The light account entry of `GET /linkedin/accounts`. */
export interface AccountSummary {
  id: string;
  firstName: string;
  lastName: string;
  publicId: string;
  picture: string | null;
  status: 'AVAILABLE';
  apiSeatAllocated: true;
}

/** The body of `GET /linkedin/account/status`. */
export interface AccountStatusBody {
  success: true;
  id: string;
  firstName: string;
  lastName: string;
  publicId: string;
  platform: 'LINKEDIN';
  status: 'AVAILABLE';
  enabled: true;
  lastUsed: string;
  hasTokens: true;
  linkedinPlan: LinkedinPlan;
}

/** A comparison group in the documented shape (`industry`, `network`, `groupScore[]`). */
export interface SsiGroup {
  group: 'INDUSTRY' | 'NETWORK';
  industryName: string | null;
  /** "Top X%": lower is better, 1-100. */
  rank: number;
  averageScore: number;
  groupSize: number;
  /** Change over the last week, a small integer. */
  change: number;
  pillars: PillarScore[];
}

/** LinkedIn's raw reply, as `rawJson` holds it and as the 'raw-shape' scenario returns it. */
export interface RawSsi {
  activeSeat: boolean;
  memberScore: { overall: number; subScores: RawSubScore[] };
  groupScore: RawGroupScore[];
}

/** A raw sub-score: `score` before `pillar`, as LinkedIn sends it. */
export interface RawSubScore {
  score: number;
  pillar: Pillar;
}

/** A raw group entry: `groupType` and a nested `score` object. */
export interface RawGroupScore {
  groupType: 'INDUSTRY' | 'NETWORK';
  rank: number;
  score: { overall: number; subScores: RawSubScore[] };
}

/** The documented 200 body of `GET /linkedin/ssi`. */
export interface SsiBody {
  success: true;
  accountId: string;
  memberScore: { overall: number; subScores: PillarScore[] };
  industry: SsiGroup;
  network: SsiGroup;
  groupScore: SsiGroup[];
  profileUrn: string;
  activeSeat: boolean;
  rawJson?: RawSsi;
}

/** The three accounts held by every valid sandbox key; the first is the default one. */
export const SANDBOX_ACCOUNTS: readonly SandboxAccount[] = [
  {
    id: '6650a1f3c2e4b5d6a7980b1c',
    firstName: 'Ada',
    lastName: 'Lovelace',
    publicId: 'ada-lovelace-sales',
    picture:
      'https://media.licdn.com/dms/image/v2/D4E03AQGsandbox01/profile-displayphoto-shrink_200_200/0/1716400000000?e=1767225600&v=beta&t=sandbox',
    status: 'AVAILABLE',
    apiSeatAllocated: true,
    profileUrn: 'urn:li:fsd_profile:ACoAAB1x2y3z4QmK7vTn9pRsWqE5yZ8aHcL',
    activeSeat: true,
    linkedinPlan: { premiumType: 'SALES_NAVIGATOR_CORE', isPremium: true, hasSalesNavigator: true },
    lastUsedMinutesAgo: 7,
    basePillars: [18.35, 15.2, 14.6, 19.25],
    industry: {
      industryName: 'Computer Software',
      groupSize: 184233,
      averagePillars: [8.6, 7.4, 6.1, 8.9],
    },
    network: { industryName: null, groupSize: 812, averagePillars: [10.2, 9.1, 8.0, 11.3] },
  },
  {
    id: '6650a1f3c2e4b5d6a7980b2d',
    firstName: 'Grace',
    lastName: 'Hopper',
    publicId: 'grace-hopper-42',
    picture: null,
    status: 'AVAILABLE',
    apiSeatAllocated: true,
    profileUrn: 'urn:li:fsd_profile:ACoAAC9hGr4cEHoP7pQ2wXk3Lm8nVb5sTa1',
    activeSeat: false,
    linkedinPlan: { premiumType: 'BUSINESS', isPremium: true, hasSalesNavigator: false },
    lastUsedMinutesAgo: 42,
    basePillars: [14.1, 10.8, 9.7, 13.6],
    industry: {
      industryName: 'Information Technology & Services',
      groupSize: 301877,
      averagePillars: [8.1, 7.0, 5.9, 8.4],
    },
    network: { industryName: null, groupSize: 1264, averagePillars: [9.5, 8.2, 7.1, 10.4] },
  },
  {
    id: '66a2f0e9d41b3c5a7e8f9012',
    firstName: 'Alan',
    lastName: 'Turing',
    publicId: 'alan-turing-b2b',
    picture:
      'https://media.licdn.com/dms/image/v2/C5603AQFsandbox03/profile-displayphoto-shrink_100_100/0/1620000000000?e=1767225600&v=beta&t=sandbox',
    status: 'AVAILABLE',
    apiSeatAllocated: true,
    profileUrn: 'urn:li:fsd_profile:ACoAAD7tUr1nG0bQ4kZ6yJw2Xe9Pc3Mv5Rf',
    activeSeat: false,
    linkedinPlan: { premiumType: null, isPremium: false, hasSalesNavigator: false },
    lastUsedMinutesAgo: 180,
    basePillars: [11.2, 4.1, 1.3, 4.9],
    industry: {
      industryName: 'Financial Services',
      groupSize: 97412,
      averagePillars: [8.8, 6.9, 5.2, 9.0],
    },
    network: { industryName: null, groupSize: 143, averagePillars: [9.0, 7.4, 6.3, 9.9] },
  },
];

/** The account a key answers for when no `accountId` is given. */
export const DEFAULT_ACCOUNT: SandboxAccount = firstAccount();

function firstAccount(): SandboxAccount {
  const account = SANDBOX_ACCOUNTS[0];
  if (!account) throw new Error('The sandbox needs at least one account');
  return account;
}

/** True when `value` has the documented account id format: 24 hex characters. */
export function isWellFormedAccountId(value: string): boolean {
  return /^[0-9a-f]{24}$/i.test(value);
}

/** The sandbox account with this id (case-insensitive), or undefined. */
export function findAccount(id: string): SandboxAccount | undefined {
  const wanted = id.toLowerCase();
  return SANDBOX_ACCOUNTS.find((account) => account.id === wanted);
}

/** The light list entry of an account, as `GET /linkedin/accounts` returns it. */
export function toAccountSummary(account: SandboxAccount): AccountSummary {
  const { id, firstName, lastName, publicId, picture, status, apiSeatAllocated } = account;
  return { id, firstName, lastName, publicId, picture, status, apiSeatAllocated };
}

/**
 * The accounts matching `q`, case-insensitively: a part of the full name or publicId,
 * a part of the id, or a profile URL holding `/in/<publicId>`. An empty `q` matches all.
 */
export function filterAccounts(q: string): SandboxAccount[] {
  const needle = q.trim().toLowerCase();
  if (needle === '') return [...SANDBOX_ACCOUNTS];
  return SANDBOX_ACCOUNTS.filter((account) => accountMatches(account, needle));
}

function accountMatches(account: SandboxAccount, needle: string): boolean {
  const fullName = `${account.firstName} ${account.lastName}`.toLowerCase();
  const publicId = account.publicId.toLowerCase();
  const profileUrl = new RegExp(`/in/${escapeRegExp(publicId)}(?:[/?#]|$)`);
  return (
    fullName.includes(needle) ||
    publicId.includes(needle) ||
    account.id.includes(needle) ||
    profileUrl.test(needle)
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The body of `GET /linkedin/account/status` for an account at instant `now`. */
export function buildAccountStatus(account: SandboxAccount, now: Date): AccountStatusBody {
  const lastUsed = new Date(now.getTime() - account.lastUsedMinutesAgo * 60_000);
  return {
    success: true,
    id: account.id,
    firstName: account.firstName,
    lastName: account.lastName,
    publicId: account.publicId,
    platform: 'LINKEDIN',
    status: account.status,
    enabled: true,
    lastUsed: lastUsed.toISOString(),
    hasTokens: true,
    linkedinPlan: { ...account.linkedinPlan },
  };
}

/** The numbers of one day's SSI, before they are put into either response shape. */
interface SsiSnapshot {
  member: PillarTuple;
  industry: GroupSnapshot;
  network: GroupSnapshot;
}

interface GroupSnapshot {
  kind: 'INDUSTRY' | 'NETWORK';
  profile: GroupProfile;
  pillars: PillarTuple;
  rank: number;
  change: number;
}

/**
 * The documented `GET /linkedin/ssi` body of `account` on the UTC day of `date`.
 * With `debug`, adds `rawJson`: LinkedIn's raw shape of the same numbers.
 */
export function buildSsiBody(account: SandboxAccount, date: Date, debug = false): SsiBody {
  const snapshot = ssiSnapshot(account, date);
  const industry = toSsiGroup(snapshot.industry);
  const network = toSsiGroup(snapshot.network);
  const body: SsiBody = {
    success: true,
    accountId: account.id,
    memberScore: { overall: sum(snapshot.member), subScores: toPillarScores(snapshot.member) },
    industry,
    network,
    groupScore: [industry, network],
    profileUrn: account.profileUrn,
    activeSeat: account.activeSeat,
  };
  if (debug) body.rawJson = toRawSsi(account, snapshot);
  return body;
}

/** LinkedIn's raw reply for `account` on the UTC day of `date` (same numbers as buildSsiBody). */
export function buildRawSsi(account: SandboxAccount, date: Date): RawSsi {
  return toRawSsi(account, ssiSnapshot(account, date));
}

/** `YYYY-MM-DD` of the UTC calendar day of `date`. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function ssiSnapshot(account: SandboxAccount, date: Date): SsiSnapshot {
  const random = seededRandom(`${account.id}:${utcDay(date)}`);
  const member = jitterPillars(account.basePillars, 0.45, random);
  const overall = sum(member);
  return {
    member,
    industry: groupSnapshot('INDUSTRY', account.industry, overall, random),
    network: groupSnapshot('NETWORK', account.network, overall, random),
  };
}

function groupSnapshot(
  kind: GroupSnapshot['kind'],
  profile: GroupProfile,
  memberOverall: number,
  random: () => number,
): GroupSnapshot {
  const pillars = jitterPillars(profile.averagePillars, 0.15, random);
  return {
    kind,
    profile,
    pillars,
    rank: rankInGroup(memberOverall, sum(pillars), random),
    change: Math.floor(random() * 6) - 2,
  };
}

/** "Top X%": a logistic curve of the distance to the group average, plus a little noise. */
function rankInGroup(memberOverall: number, groupAverage: number, random: () => number): number {
  const percentile = 100 / (1 + Math.exp((memberOverall - groupAverage) / 12));
  return clamp(Math.round(percentile + (random() - 0.5) * 2), 1, 100);
}

function jitterPillars(base: PillarTuple, spread: number, random: () => number): PillarTuple {
  const vary = (value: number): number => quantize(clamp(value + (random() * 2 - 1) * spread, 0, 25));
  return [vary(base[0]), vary(base[1]), vary(base[2]), vary(base[3])];
}

function toSsiGroup(group: GroupSnapshot): SsiGroup {
  return {
    group: group.kind,
    industryName: group.profile.industryName,
    rank: group.rank,
    averageScore: sum(group.pillars),
    groupSize: group.profile.groupSize,
    change: group.change,
    pillars: toPillarScores(group.pillars),
  };
}

function toRawSsi(account: SandboxAccount, snapshot: SsiSnapshot): RawSsi {
  return {
    activeSeat: account.activeSeat,
    memberScore: { overall: sum(snapshot.member), subScores: toRawSubScores(snapshot.member) },
    groupScore: [snapshot.industry, snapshot.network].map((group) => ({
      groupType: group.kind,
      rank: group.rank,
      score: { overall: sum(group.pillars), subScores: toRawSubScores(group.pillars) },
    })),
  };
}

function toPillarScores(values: PillarTuple): PillarScore[] {
  return PILLARS.map((pillar, index) => ({ pillar, score: values[index] ?? 0 }));
}

function toRawSubScores(values: PillarTuple): RawSubScore[] {
  return PILLARS.map((pillar, index) => ({ score: values[index] ?? 0, pillar }));
}

/** Sum of dyadic values: exact, in any order. */
function sum(values: PillarTuple): number {
  return values[0] + values[1] + values[2] + values[3];
}

/** Rounds to a multiple of 2^-16 so that sums of a few scores are exact. */
function quantize(value: number): number {
  return Math.round(value * 65_536) / 65_536;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** A deterministic pseudo-random generator in [0, 1) (FNV-1a seed, mulberry32 steps). */
export function seededRandom(seed: string): () => number {
  let state = fnv1a(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

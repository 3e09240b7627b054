/**
 * The SSI domain model: what the extension knows about one account's Social Selling Index
 * once an API response has been validated. Every context (service worker, popup, badge)
 * speaks in these types; nothing outside `utils/ssi/parse.ts` sees the API's raw shapes.
 */
import { t } from '../i18n';

/** LinkedIn's four pillar enums. Always matched by enum, never by array position. */
export const PILLAR_IDS = [
  'PROFESSIONAL_BRAND',
  'FIND_RIGHT_PEOPLE',
  'INSIGHT_ENGAGEMENT',
  'STRONG_RELATIONSHIP',
] as const;

export type PillarId = (typeof PILLAR_IDS)[number];

/** The labels LinkedIn's own SSI dashboard uses for the pillars, in the UI language when read. */
export const PILLAR_LABELS: Readonly<Record<PillarId, string>> = {
  get PROFESSIONAL_BRAND() {
    return t('pillar_professional_brand');
  },
  get FIND_RIGHT_PEOPLE() {
    return t('pillar_find_right_people');
  },
  get INSIGHT_ENGAGEMENT() {
    return t('pillar_insight_engagement');
  },
  get STRONG_RELATIONSHIP() {
    return t('pillar_strong_relationship');
  },
};

/** Bounds of the scores, as LinkedIn defines them. */
export const MAX_OVERALL = 100;
export const MAX_PILLAR = 25;

/** One pillar: the member's own score and the group averages, each 0-25 or null when not given. */
export interface PillarScore {
  id: PillarId;
  score: number | null;
  industryAverage: number | null;
  networkAverage: number | null;
}

/** The member compared with one group (their industry, or their 1st-degree network). */
export interface GroupComparison {
  /** "Top X%" within the group: lower is better (4 means top 4%). */
  rank: number | null;
  /** The group's average overall score, 0-100. */
  averageScore: number | null;
  /** How many members the group has. */
  groupSize: number | null;
  /** The change of the rank over the last week, in percentage points, as the API reports it. */
  change: number | null;
  /** The industry's name (industry group only). */
  industryName: string | null;
}

/** One validated SSI reading for one account, at one time. */
export interface SsiSnapshot {
  /** The account the score belongs to, when the API said. */
  accountId: string | null;
  /** Overall score, 0-100, unrounded as the API gave it. */
  overall: number;
  /** Always the four pillars, in {@link PILLAR_IDS} order. */
  pillars: PillarScore[];
  industry: GroupComparison | null;
  network: GroupComparison | null;
  /** `urn:li:fsd_profile:<ID>`: the LinkedIn identity of the account. */
  profileUrn: string | null;
  /** Whether the account has an active Sales Navigator seat. */
  activeSeat: boolean | null;
  /** When the extension received this reading (epoch ms). */
  fetchedAt: number;
}

/** The score bands the UI colours by, matching how LinkedIn users talk about SSI. */
export type ScoreBand = 'low' | 'mid' | 'high';

/**
 * Band of an overall score, judged on the whole number the user sees (39.6 shows as "40" and is
 * mid): under 40 low, 40 to 69 mid, 70 and up high.
 */
export function scoreBand(overall: number): ScoreBand {
  const shown = Math.round(overall);
  if (shown >= 70) return 'high';
  if (shown >= 40) return 'mid';
  return 'low';
}

/** The bands' colours (and an error's), each with white text on it at AA contrast. */
export const BAND_COLORS: Readonly<Record<ScoreBand | 'error', string>> = {
  low: '#b42318',
  mid: '#a15c07',
  high: '#067647',
  error: '#b42318',
};

/**
 * One day of one account's SSI, as history keeps it: the reading the API gave, reduced to what
 * a trend needs. Every value but the day, the account and the overall score may be missing.
 */
import { MAX_OVERALL, MAX_PILLAR, PILLAR_IDS, type PillarId, type SsiSnapshot } from '../ssi/model';
import { localDay, type DayKey } from './day';

export interface DailyReading {
  /** The local calendar day the reading was taken on. */
  day: DayKey;
  /** The account the score belongs to: the `accountId` the API answered with. */
  accountId: string;
  /**
   * When the reading was taken (epoch ms); of several on one day, the latest is kept. Null for a
   * day imported from a file, whose time is unknown: any reading taken that day replaces it.
   */
  at: number | null;
  overall: number;
  pillars: Record<PillarId, number | null>;
  /** "Top X%" in the industry / the network, as the API gives it: lower is better. */
  industryRank: number | null;
  networkRank: number | null;
  /** The groups' average overall scores. */
  industryAverage: number | null;
  networkAverage: number | null;
  industryGroupSize: number | null;
  networkGroupSize: number | null;
  industryName: string | null;
}

/** Bounds every stored or imported reading is held to. */
export const READING_BOUNDS = {
  overall: MAX_OVERALL,
  pillar: MAX_PILLAR,
  rank: 100,
  average: MAX_OVERALL,
  /** LinkedIn's largest groups are in the hundreds of millions. */
  groupSize: 10_000_000_000,
  /** Industry names are short; anything longer is not one. */
  textLength: 200,
  accountId: /^[A-Za-z0-9_-]{1,64}$/,
} as const;

/**
 * Whose history a reading goes to: the account the API answered for (`answered`, the
 * snapshot's `accountId`), else the one asked for (`asked`: the settings' account ID, empty for
 * the key's default account, which is then called `default`).
 */
export function historyAccountOf(answered: string | null, asked: string): string {
  if (answered !== null && READING_BOUNDS.accountId.test(answered)) return answered;
  return asked || 'default';
}

/**
 * Text as history keeps it: control characters (line breaks and tabs included) become single
 * spaces, the ends are trimmed, and nothing is left of an all-blank value. Idempotent, so a
 * value kept, exported and imported back is the same value.
 */
export function cleanText(value: string | null): string | null {
  // eslint-disable-next-line no-control-regex -- replacing control characters is the point
  const clean = value?.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean ? clean : null;
}

/**
 * The day's reading of `snapshot`, for `accountId` (the API's own, else the one asked for).
 * The day is the local day of `snapshot.fetchedAt` in `timeZone` (default: the runtime's).
 */
export function readingOf(snapshot: SsiSnapshot, accountId: string, timeZone?: string): DailyReading {
  const pillars = Object.fromEntries(PILLAR_IDS.map((id) => [id, null])) as Record<PillarId, number | null>;
  for (const pillar of snapshot.pillars) pillars[pillar.id] = pillar.score;
  return {
    day: localDay(snapshot.fetchedAt, timeZone),
    accountId,
    at: snapshot.fetchedAt,
    overall: snapshot.overall,
    pillars,
    industryRank: snapshot.industry?.rank ?? null,
    networkRank: snapshot.network?.rank ?? null,
    industryAverage: snapshot.industry?.averageScore ?? null,
    networkAverage: snapshot.network?.averageScore ?? null,
    industryGroupSize: snapshot.industry?.groupSize ?? null,
    networkGroupSize: snapshot.network?.groupSize ?? null,
    industryName: cleanText(snapshot.industry?.industryName ?? null),
  };
}

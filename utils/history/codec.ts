/**
 * How one account's history is laid out in extension storage: a versioned envelope holding one
 * array per day, in a fixed field order (about 110 bytes a day, so two years of one account
 * take about 80 KB). Read back field by field like any other input: a day that does not match
 * its shape is dropped, never spread into the others.
 */
import { isJsonObject } from '../json';
import { PILLAR_IDS } from '../ssi/model';
import { isDayKey } from './day';
import { READING_BOUNDS, type DailyReading } from './reading';

/** The layout this build writes. Bump it with a step in {@link decodeHistory}. */
export const HISTORY_LAYOUT_VERSION = 1;

/** One day, stored: `[day, at, overall, ...4 pillars, industryRank, networkRank, industryAverage,
 * networkAverage, industryGroupSize, networkGroupSize, industryName]`. */
type StoredDay = [string, number | null, number, ...(number | null)[]];

export interface StoredHistory {
  v: number;
  accountId: string;
  days: StoredDay[];
}

const FIELDS = 14;

/** The stored form of one account's `days` (oldest first). */
export function encodeHistory(accountId: string, days: readonly DailyReading[]): StoredHistory {
  return {
    v: HISTORY_LAYOUT_VERSION,
    accountId,
    days: days.map(
      (reading) =>
        [
          reading.day,
          reading.at,
          reading.overall,
          ...PILLAR_IDS.map((id) => reading.pillars[id]),
          reading.industryRank,
          reading.networkRank,
          reading.industryAverage,
          reading.networkAverage,
          reading.industryGroupSize,
          reading.networkGroupSize,
          reading.industryName,
        ] as StoredDay,
    ),
  };
}

function numberIn(value: unknown, max: number): value is number | null {
  return (
    value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max)
  );
}

function decodeDay(value: unknown, accountId: string): DailyReading | null {
  if (!Array.isArray(value) || value.length !== FIELDS) return null;
  const [day, at, overall, p1, p2, p3, p4, ir, nr, ia, na, igs, ngs, name] = value as unknown[];
  const { pillar, rank, average, groupSize, textLength } = READING_BOUNDS;
  const valid =
    typeof day === 'string' &&
    isDayKey(day) &&
    (at === null || (typeof at === 'number' && Number.isFinite(at))) &&
    typeof overall === 'number' &&
    numberIn(overall, READING_BOUNDS.overall) &&
    [p1, p2, p3, p4].every((score) => numberIn(score, pillar)) &&
    numberIn(ir, rank) &&
    numberIn(nr, rank) &&
    numberIn(ia, average) &&
    numberIn(na, average) &&
    numberIn(igs, groupSize) &&
    numberIn(ngs, groupSize) &&
    (name === null || (typeof name === 'string' && name.length <= textLength));
  if (!valid) return null;
  const scores = [p1, p2, p3, p4] as (number | null)[];
  return {
    day,
    accountId,
    at: at as number | null,
    overall,
    pillars: Object.fromEntries(
      PILLAR_IDS.map((id, index) => [id, scores[index]!]),
    ) as DailyReading['pillars'],
    industryRank: ir as number | null,
    networkRank: nr as number | null,
    industryAverage: ia as number | null,
    networkAverage: na as number | null,
    industryGroupSize: igs as number | null,
    networkGroupSize: ngs as number | null,
    industryName: name as string | null,
  };
}

/**
 * The days of a stored history, oldest first, one per day; unreadable days are left out, and
 * a value that is no history of this layout (or of an unknown, newer one) reads as empty.
 * `dropped` counts what was left out, for the storage repair's log.
 */
export function decodeHistory(
  stored: unknown,
): { accountId: string; days: DailyReading[]; dropped: number } | null {
  if (!isJsonObject(stored) || stored.v !== HISTORY_LAYOUT_VERSION || !Array.isArray(stored.days))
    return null;
  const accountId = stored.accountId;
  if (typeof accountId !== 'string' || !READING_BOUNDS.accountId.test(accountId)) return null;
  const byDay = new Map<string, DailyReading>();
  let dropped = 0;
  for (const value of stored.days as unknown[]) {
    const reading = decodeDay(value, accountId);
    if (!reading || byDay.has(reading.day)) dropped++;
    else byDay.set(reading.day, reading);
  }
  const days = [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
  return { accountId, days, dropped };
}

/** The `storage.local` key of one account's history. */
export function historyStorageKey(accountId: string): string {
  return `${HISTORY_KEY_PREFIX}${accountId}`;
}

/** Every history key starts with this; nothing else in storage does. */
export const HISTORY_KEY_PREFIX = 'history:';

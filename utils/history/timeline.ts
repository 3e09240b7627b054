/**
 * One account's history as an ordered list of days, and the only ways it changes: a new
 * reading (the latest of its day wins), an import (days already recorded keep theirs), and
 * retention. Pure: every function returns a new list, oldest day first, one entry per day.
 */
import { addDays, type DayKey } from './day';
import type { DailyReading } from './reading';

/**
 * How many days of history are kept per account: three years. Two years of one account take
 * about 80 KB of storage in the stored layout (`codec.ts`), well within `storage.local`.
 */
export const RETENTION_DAYS = 3 * 366;

/** Drops days older than {@link RETENTION_DAYS} before the newest one. */
export function withinRetention(days: readonly DailyReading[]): DailyReading[] {
  const newest = days.at(-1);
  if (!newest) return [];
  const oldestKept = addDays(newest.day, -(RETENTION_DAYS - 1));
  return days.filter((reading) => reading.day >= oldestKept);
}

/** Whether `kept` was taken after `candidate` (a reading of unknown time is the earliest). */
function isLater(kept: DailyReading, candidate: DailyReading): boolean {
  return (kept.at ?? -Infinity) > (candidate.at ?? -Infinity);
}

/**
 * `days` with `reading` recorded: a day not yet recorded is added in order; a day already
 * recorded takes the reading when it is at least as late (the latest of the day wins), and
 * keeps its own otherwise (an answer that arrives late never replaces a newer one).
 */
export function recordReading(days: readonly DailyReading[], reading: DailyReading): DailyReading[] {
  const index = days.findIndex((day) => day.day >= reading.day);
  if (index === -1) return withinRetention([...days, reading]);
  const found = days[index]!;
  if (found.day === reading.day) {
    if (isLater(found, reading)) return [...days];
    return days.map((day, at) => (at === index ? reading : day));
  }
  return withinRetention([...days.slice(0, index), reading, ...days.slice(index)]);
}

/**
 * Merges imported readings of one account into its history: days already recorded keep their
 * own reading, new days are added. Resolves with the merged list and how many days were added.
 */
export function mergeImported(
  days: readonly DailyReading[],
  imported: readonly DailyReading[],
): { days: DailyReading[]; added: number } {
  const known = new Set(days.map((reading) => reading.day));
  const fresh = imported.filter((reading) => !known.has(reading.day));
  const merged = withinRetention([...days, ...fresh].sort((a, b) => (a.day < b.day ? -1 : 1)));
  const kept = new Set(merged.map((reading) => reading.day));
  return { days: merged, added: fresh.filter((reading) => kept.has(reading.day)).length };
}

/** The ranges the dashboard offers. */
export const HISTORY_RANGES = ['7d', '30d', '90d', '1y', 'all'] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];

const RANGE_DAYS: Record<Exclude<HistoryRange, 'all'>, number> = { '7d': 7, '30d': 30, '90d': 90, '1y': 365 };

/** The days of `range` ending `today` (today included: "7 days" is today and the six before). */
export function daysInRange(
  days: readonly DailyReading[],
  range: HistoryRange,
  today: DayKey,
): DailyReading[] {
  if (range === 'all') return [...days];
  const first = addDays(today, -(RANGE_DAYS[range] - 1));
  return days.filter((reading) => reading.day >= first && reading.day <= today);
}

/** What a history says beyond its numbers: changes over time and LinkedIn-wide recalculations. */
import { PILLAR_IDS } from '../ssi/model';
import { addDays, daysBetween, type DayKey } from './day';
import type { DailyReading } from './reading';

/** A pillar moving by less than this is noise of the API's rounding, not a move. */
const PILLAR_MOVE = 0.01;

/**
 * Whether `reading` looks like a LinkedIn-wide recalculation against `previous`: the reading of
 * the calendar day before, with all four pillars moved the same way at once (a member's own
 * activity rarely moves all four in one day).
 */
export function isLikelyRecalculation(previous: DailyReading | undefined, reading: DailyReading): boolean {
  if (!previous || daysBetween(previous.day, reading.day) !== 1) return false;
  const moves = PILLAR_IDS.map((id) => {
    const before = previous.pillars[id];
    const after = reading.pillars[id];
    if (before === null || after === null) return 0;
    const delta = after - before;
    return Math.abs(delta) < PILLAR_MOVE ? 0 : Math.sign(delta);
  });
  return moves.every((move) => move === 1) || moves.every((move) => move === -1);
}

/** One row of the history table: a day, its change since the day recorded before, and its mark. */
export interface HistoryRow {
  reading: DailyReading;
  /** Overall change since the previous recorded day; null for the first. */
  change: number | null;
  /** All four pillars moved the same way since the day before: likely LinkedIn's doing. */
  recalculation: boolean;
}

/**
 * The table's rows for `days` (oldest first, as history keeps them), newest first. `before` is
 * the day recorded just before the first of `days`, if any, so the first row of a range still
 * has its change.
 */
export function historyRows(days: readonly DailyReading[], before?: DailyReading): HistoryRow[] {
  const rows = days.map((reading, index) => {
    const previous = index > 0 ? days[index - 1] : before;
    return {
      reading,
      change: previous ? reading.overall - previous.overall : null,
      recalculation: isLikelyRecalculation(previous, reading),
    };
  });
  return rows.reverse();
}

/** How far back a reading may lie from the day asked for and still stand for it. */
const STAND_IN_DAYS = 6;

/**
 * The reading that stands for the day `ago` days before the newest one: that day's, else the
 * closest earlier one within a week of it. Null when history does not reach that far.
 */
export function readingDaysAgo(days: readonly DailyReading[], ago: number): DailyReading | null {
  const newest = days.at(-1);
  if (!newest) return null;
  const target = addDays(newest.day, -ago);
  const earliest = addDays(target, -STAND_IN_DAYS);
  for (let index = days.length - 1; index >= 0; index--) {
    const reading = days[index]!;
    if (reading.day > target) continue;
    return reading.day >= earliest ? reading : null;
  }
  return null;
}

/** The overall change of the newest reading against `ago` days before it; null when unknown. */
export function changeOver(days: readonly DailyReading[], ago: number): number | null {
  const newest = days.at(-1);
  const then = readingDaysAgo(days, ago);
  return newest && then && then !== newest ? newest.overall - then.overall : null;
}

/**
 * The overall score's trend in points per day over the `window` days up to `today`: the
 * least-squares slope of the readings in it. Null with fewer than two readings or one day.
 */
export function dailyPace(days: readonly DailyReading[], today: DayKey, window = 30): number | null {
  const first = addDays(today, -(window - 1));
  const points = days
    .filter((reading) => reading.day >= first && reading.day <= today)
    .map((reading) => ({ x: daysBetween(first, reading.day), y: reading.overall }));
  if (points.length < 2) return null;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  const spread = points.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  if (spread === 0) return null;
  return points.reduce((sum, p) => sum + (p.x - meanX) * (p.y - meanY), 0) / spread;
}

/**
 * Calendar days as the user lives them: `YYYY-MM-DD` in a time zone (the browser's own unless
 * one is given). History keeps one reading per account per such day, so "today" must follow the
 * user's clock across time zones and daylight-saving changes, not UTC's.
 */

/** A calendar day, `YYYY-MM-DD`. */
export type DayKey = string;

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const name = timeZone ?? '';
  let formatter = formatters.get(name);
  if (!formatter) {
    // A machine key, not words: fixed digits and order whatever the UI language (format.ts
    // writes days for people).
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formatters.set(name, formatter);
  }
  return formatter;
}

/** The calendar day `epochMs` falls on in `timeZone` (default: the runtime's own). */
export function localDay(epochMs: number, timeZone?: string): DayKey {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** Whether `text` is a real calendar day in `YYYY-MM-DD` form (no 2026-02-30). */
export function isDayKey(text: string): text is DayKey {
  const match = DAY_KEY.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = utcDate(year, month, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Midnight UTC of a calendar date; `Date.UTC` would read years 0-99 as 1900-1999. */
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** Days are compared as calendar dates: this is the day's midnight in UTC, a plain counter. */
function dayNumber(day: DayKey): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return utcDate(year, month, date).getTime() / DAY_MS;
}

/** The day `count` calendar days after `day` (before, for a negative count). */
export function addDays(day: DayKey, count: number): DayKey {
  return new Date((dayNumber(day) + count) * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DayKey, to: DayKey): number {
  return dayNumber(to) - dayNumber(from);
}

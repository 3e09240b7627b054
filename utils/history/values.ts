/**
 * Reads one imported row's values, whatever the file's format: every value is checked against
 * its column's bounds, and the first problem refuses the row (and with it the file).
 */
import type { Result } from '../result';
import { err, ok } from '../result';
import { emptyReading, type NumberColumn, type ValueColumn } from './columns';
import { isDayKey, type DayKey } from './day';
import type { ImportProblem, ProblemPlace } from './import-problem';
import { cleanText, READING_BOUNDS, type DailyReading } from './reading';

/** A value as a file gives it: CSV cells are text (empty for missing), JSON values are typed. */
export type RawValue = string | number | null;

const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;

function readNumber(
  column: NumberColumn,
  raw: RawValue,
  where: ProblemPlace,
): Result<number | null, ImportProblem> {
  if (raw === null || raw === '') {
    return column.required ? err({ code: 'missing-value', column: column.name, ...where }) : ok(null);
  }
  const value = typeof raw === 'number' ? raw : PLAIN_DECIMAL.test(raw) ? Number(raw) : NaN;
  const text = String(raw);
  if (!Number.isFinite(value) || (column.integer && !Number.isInteger(value))) {
    return err({ code: 'not-a-number', column: column.name, value: text, ...where });
  }
  if (value < 0 || value > column.max || (column.positive && value === 0)) {
    return err({ code: 'out-of-range', column: column.name, value: text, max: column.max, ...where });
  }
  return ok(value);
}

/** Text as history keeps it (see `cleanText`), within its length. */
function readText(
  column: ValueColumn,
  raw: RawValue,
  where: ProblemPlace,
): Result<string | null, ImportProblem> {
  const text = typeof raw === 'string' ? cleanText(raw) : null;
  if (text !== null && text.length > READING_BOUNDS.textLength) {
    return err({ code: 'bad-text', column: column.name, ...where });
  }
  return ok(text);
}

/**
 * The reading a row describes, or its first problem. `values` are by column name; `today` is
 * the importing user's local day (a reading cannot come from the future).
 */
export function readRow(
  day: RawValue,
  accountId: RawValue,
  values: ReadonlyMap<string, RawValue>,
  columns: readonly ValueColumn[],
  today: DayKey,
  where: ProblemPlace,
): Result<DailyReading, ImportProblem> {
  const dayText = typeof day === 'string' ? day : String(day ?? '');
  if (!isDayKey(dayText)) return err({ code: 'bad-date', value: dayText, ...where });
  if (dayText > today) return err({ code: 'future-date', value: dayText, ...where });
  const account = typeof accountId === 'string' ? accountId : String(accountId ?? '');
  if (!READING_BOUNDS.accountId.test(account)) return err({ code: 'bad-account', value: account, ...where });
  const reading = emptyReading(dayText, account);
  for (const column of columns) {
    const raw = values.get(column.name) ?? null;
    if (column.kind === 'number') {
      const value = readNumber(column, raw, where);
      if (!value.ok) return value;
      column.set(reading, value.value);
    } else {
      const value = readText(column, raw, where);
      if (!value.ok) return value;
      column.set(reading, value.value);
    }
  }
  return ok(reading);
}

/** Refuses a second reading of one account for one day within a file. */
export function createDuplicateCheck() {
  const seen = new Set<string>();
  return (reading: DailyReading, where: ProblemPlace): ImportProblem | null => {
    const key = `${reading.accountId}|${reading.day}`;
    if (seen.has(key))
      return { code: 'duplicate-day', day: reading.day, accountId: reading.accountId, ...where };
    seen.add(key);
    return null;
  };
}

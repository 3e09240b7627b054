/**
 * The history as JSON: the CSV's columns by the same names, plus the group sizes and the time
 * each reading was taken, inside an envelope that names the format and its version.
 */
import { isJsonObject } from '../json';
import { err, ok, type Result } from '../result';
import { JSON_ONLY_COLUMNS, VALUE_COLUMNS } from './columns';
import type { DayKey } from './day';
import type { ImportProblem } from './import-problem';
import type { DailyReading } from './reading';
import { createDuplicateCheck, readRow, type RawValue } from './values';

export const HISTORY_FORMAT = 'ssi-companion-history';
export const HISTORY_FORMAT_VERSION = 1;

const COLUMNS = [...VALUE_COLUMNS, ...JSON_ONLY_COLUMNS];
const FIELDS = new Set(['date', 'account_id', 'taken_at', ...COLUMNS.map((column) => column.name)]);

/** The readings as a JSON file's text. */
export function historyToJson(readings: readonly DailyReading[], exportedAt: number): string {
  return `${JSON.stringify(
    {
      format: HISTORY_FORMAT,
      version: HISTORY_FORMAT_VERSION,
      exported_at: new Date(exportedAt).toISOString(),
      readings: readings.map((reading) => ({
        date: reading.day,
        account_id: reading.accountId,
        taken_at: reading.at === null ? null : new Date(reading.at).toISOString(),
        ...Object.fromEntries(COLUMNS.map((column) => [column.name, column.get(reading)])),
      })),
    },
    null,
    2,
  )}\n`;
}

/** Whether the decoded JSON claims to be a history export (of any version). */
export function isHistoryJson(data: unknown): boolean {
  return isJsonObject(data) && data.format === HISTORY_FORMAT;
}

/** When a reading was taken, from an ISO time; unknown (null) for anything else. */
function takenAt(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isFinite(time) ? time : null;
}

/** Reads a decoded JSON history; every reading is validated, the first problem refuses the file. */
export function parseHistoryJson(data: unknown, today: DayKey): Result<DailyReading[], ImportProblem> {
  if (!isJsonObject(data) || data.format !== HISTORY_FORMAT || !Array.isArray(data.readings)) {
    return err({ code: 'unknown-format' });
  }
  if (data.version !== HISTORY_FORMAT_VERSION) {
    return err({ code: 'unsupported-version', version: String(data.version) });
  }
  const readings: DailyReading[] = [];
  const isDuplicate = createDuplicateCheck();
  for (const [index, item] of (data.readings as unknown[]).entries()) {
    const where = { format: 'json', line: index + 1 } as const;
    if (!isJsonObject(item)) return err({ code: 'not-a-reading', ...where });
    const unknown = Object.keys(item).find((name) => !FIELDS.has(name));
    if (unknown !== undefined) return err({ code: 'unknown-field', field: unknown, ...where });
    const values = new Map<string, RawValue>();
    for (const column of COLUMNS) {
      const value = item[column.name] ?? null;
      // JSON types its values: a number column holding text (or anything else) is refused.
      if (value !== null && typeof value !== (column.kind === 'number' ? 'number' : 'string')) {
        const name = column.name;
        return err(
          column.kind === 'number'
            ? { code: 'not-a-number', column: name, value: JSON.stringify(value), ...where }
            : { code: 'bad-text', column: name, ...where },
        );
      }
      values.set(column.name, value as RawValue);
    }
    const reading = readRow(
      item.date as RawValue,
      item.account_id as RawValue,
      values,
      COLUMNS,
      today,
      where,
    );
    if (!reading.ok) return reading;
    const duplicate = isDuplicate(reading.value, where);
    if (duplicate) return err(duplicate);
    readings.push({ ...reading.value, at: takenAt(item.taken_at) });
  }
  return ok(readings);
}

/**
 * History files: what "Export CSV" and "Export JSON" write and "Import" reads. Import takes
 * either format whatever the file is called, checks it whole, and refuses it at the first
 * problem, so a bad file changes nothing.
 */
import { err, type Result } from '../result';
import { historyToCsv, parseHistoryCsv } from './csv';
import type { DayKey } from './day';
import type { ImportProblem } from './import-problem';
import { historyToJson, isHistoryJson, parseHistoryJson } from './json-file';
import type { DailyReading } from './reading';

/** Files larger than this are refused unread: years of a whole team's history fit in far less. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type HistoryFormat = 'csv' | 'json';

/** `ssi-history-2026-12-02.csv`: the day is the user's local day of the export. */
export function exportFileName(format: HistoryFormat, today: DayKey): string {
  return `ssi-history-${today}.${format}`;
}

/** The text of an export of `readings` in `format`. */
export function exportHistory(readings: readonly DailyReading[], format: HistoryFormat, now: number): string {
  return format === 'csv' ? historyToCsv(readings) : historyToJson(readings, now);
}

/**
 * The readings of an imported file's text, validated; or why the file is refused. JSON is
 * recognised by its envelope, anything else is read as CSV (whose header then decides).
 * `byteSize` is the file's size, checked before anything is read.
 */
export function importHistory(
  text: string,
  byteSize: number,
  today: DayKey,
): Result<DailyReading[], ImportProblem> {
  if (byteSize > MAX_IMPORT_BYTES || text.length > MAX_IMPORT_BYTES) return err({ code: 'too-large' });
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return err({ code: 'empty' });
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch {
      return err({ code: 'unknown-format' });
    }
    return isHistoryJson(data) ? parseHistoryJson(data, today) : err({ code: 'unknown-format' });
  }
  return parseHistoryCsv(text, today);
}

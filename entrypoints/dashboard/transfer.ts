/**
 * Export and import, minus the words: the file an export writes, and what an imported file
 * becomes before the worker sees it. The page reads and checks the file whole
 * (`importHistory`, line by line); the worker gets the readings in their stored layout, one
 * history per account, and merges all of them or none.
 */
import { encodeHistory, type StoredHistory } from '@/utils/history/codec';
import type { DayKey } from '@/utils/history/day';
import {
  exportFileName,
  exportHistory,
  importHistory,
  MAX_IMPORT_BYTES,
  type HistoryFormat,
} from '@/utils/history/history-file';
import type { ImportProblem } from '@/utils/history/import-problem';
import type { DailyReading } from '@/utils/history/reading';
import { err, ok, type Result } from '@/utils/result';
import type { DownloadFile } from './port';

const MIME: Record<HistoryFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
};

/** The file "Export CSV" / "Export JSON" saves: `days` of the current account. */
export function exportFile(
  days: readonly DailyReading[],
  format: HistoryFormat,
  now: number,
  today: DayKey,
): DownloadFile {
  return { name: exportFileName(format, today), type: MIME[format], text: exportHistory(days, format, now) };
}

/**
 * How many accounts one import may hold: what `history:import`'s payload schema accepts in one
 * message (a unit test holds the two equal; the schema's valibot stays out of the page).
 */
export const MAX_IMPORT_ACCOUNTS = 500;

/** Why a file was refused before the worker saw it. */
export type ImportRefusal = ImportProblem | { code: 'too-many-accounts'; accounts: number };

export interface PreparedImport {
  /** One history per account, in the stored layout (`encodeHistory`), oldest day first. */
  histories: StoredHistory[];
  /** How many days the file holds, all accounts together. */
  days: number;
}

/** The part of a picked `File` the import reads. */
export interface ImportedFile {
  size: number;
  text(): Promise<string>;
}

/**
 * Reads and checks a picked file as of `today`: a file over {@link MAX_IMPORT_BYTES} is
 * refused before a byte of it is read; any problem refuses the whole file.
 */
export async function prepareImport(
  file: ImportedFile,
  today: DayKey,
): Promise<Result<PreparedImport, ImportRefusal>> {
  if (file.size > MAX_IMPORT_BYTES) return err({ code: 'too-large' });
  const parsed = importHistory(await file.text(), file.size, today);
  if (!parsed.ok) return parsed;
  const byAccount = new Map<string, DailyReading[]>();
  for (const reading of parsed.value) {
    const days = byAccount.get(reading.accountId);
    if (days) days.push(reading);
    else byAccount.set(reading.accountId, [reading]);
  }
  if (byAccount.size > MAX_IMPORT_ACCOUNTS) {
    return err({ code: 'too-many-accounts', accounts: byAccount.size });
  }
  const histories = [...byAccount].map(([accountId, days]) =>
    encodeHistory(
      accountId,
      days.sort((a, b) => (a.day < b.day ? -1 : 1)),
    ),
  );
  return ok({ histories, days: parsed.value.length });
}

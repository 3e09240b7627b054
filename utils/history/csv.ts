/**
 * The history as CSV (RFC 4180): the header of `columns.ts`, one row per account and day,
 * CRLF line ends. Text cells a spreadsheet would run as a formula are neutralised on the way
 * out, and restored on the way in, so an export imports back unchanged.
 */
import { err, ok, type Result } from '../result';
import { CSV_HEADER, VALUE_COLUMNS } from './columns';
import type { DayKey } from './day';
import type { ImportProblem } from './import-problem';
import type { DailyReading } from './reading';
import { createDuplicateCheck, readRow, type RawValue } from './values';

/** What a spreadsheet reads as the start of a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe for spreadsheets: formula starts get a leading `'`. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The reverse of {@link neutraliseCell}, for cells read back. */
function restoreCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** A cell quoted when RFC 4180 needs it (a comma, a quote or a line break inside). */
function quoteCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A text cell as written: neutralised, then quoted when RFC 4180 needs it. */
export function textCell(text: string): string {
  return quoteCell(neutraliseCell(text));
}

/** A number as a plain decimal with a dot, never in exponent form. */
export function plainDecimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/** The readings as a CSV file's text, in the order given. */
export function historyToCsv(readings: readonly DailyReading[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const reading of readings) {
    const cells = [reading.day, textCell(reading.accountId)];
    for (const column of VALUE_COLUMNS) {
      const value = column.get(reading);
      cells.push(value === null ? '' : typeof value === 'number' ? plainDecimal(value) : textCell(value));
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

interface CsvRecord {
  /** The line the record starts on, counted from 1. */
  line: number;
  cells: string[];
}

/** Splits CSV text into records (any of CRLF, LF, CR ends a line); fails on an open quote. */
function splitRecords(text: string): Result<CsvRecord[], ImportProblem> {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let index = 0;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (index < text.length) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else {
        if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) line++;
        cell += char;
      }
      index++;
      continue;
    }
    if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\r' || char === '\n') {
      endRecord();
      if (char === '\r' && text[index + 1] === '\n') index++;
      line++;
      recordLine = line;
    } else cell += char;
    index++;
  }
  if (quoted) return err({ code: 'unclosed-quote', format: 'csv', line: recordLine });
  if (cell !== '' || cells.length) endRecord();
  return ok(records);
}

/**
 * Reads a CSV history. The header must be exactly {@link CSV_HEADER}; blank lines at the end
 * are ignored; every row is validated and the first problem refuses the whole file.
 */
export function parseHistoryCsv(text: string, today: DayKey): Result<DailyReading[], ImportProblem> {
  const split = splitRecords(text.replace(/^\uFEFF/, ''));
  if (!split.ok) return split;
  const records = split.value;
  while (records.length && records.at(-1)!.cells.every((cell) => cell === '')) records.pop();
  const [header, ...rows] = records;
  if (!header) return err({ code: 'empty' });
  if (header.cells.join(',') !== CSV_HEADER.join(',')) {
    return err({ code: 'wrong-header', found: header.cells.join(',') });
  }
  const readings: DailyReading[] = [];
  const isDuplicate = createDuplicateCheck();
  for (const { line, cells } of rows) {
    const where = { format: 'csv', line } as const;
    if (cells.length !== CSV_HEADER.length) {
      return err({ code: 'wrong-cell-count', expected: CSV_HEADER.length, found: cells.length, ...where });
    }
    const values = new Map<string, RawValue>(
      VALUE_COLUMNS.map((column, index) => {
        const cell = cells[index + 2]!;
        return [column.name, column.kind === 'text' ? restoreCell(cell) : cell];
      }),
    );
    const reading = readRow(cells[0]!, restoreCell(cells[1]!), values, VALUE_COLUMNS, today, where);
    if (!reading.ok) return reading;
    const duplicate = isDuplicate(reading.value, where);
    if (duplicate) return err(duplicate);
    readings.push(reading.value);
  }
  return ok(readings);
}

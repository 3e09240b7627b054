import { describe, expect, it } from 'vitest';
import { readingsUntil } from '../testing/readings';
import { historyToCsv } from './csv';
import { exportFileName, exportHistory, importHistory, MAX_IMPORT_BYTES } from './history-file';
import { describeImportProblem } from './import-problem';

const TODAY = '2026-12-02';
const NOW = Date.parse('2026-12-02T10:00:00Z');

describe('history files', () => {
  it('are named by the local day of the export', () => {
    expect(exportFileName('csv', TODAY)).toBe('ssi-history-2026-12-02.csv');
    expect(exportFileName('json', TODAY)).toBe('ssi-history-2026-12-02.json');
  });

  it.each(['csv', 'json'] as const)('an export in %s imports back to the same days', (format) => {
    const readings = readingsUntil('2026-12-01', 30, (index) => 40 + index / 3);
    const imported = importHistory(exportHistory(readings, format, NOW), 1_000, TODAY);
    expect(imported.ok && imported.value.map((reading) => [reading.day, reading.overall])).toEqual(
      readings.map((reading) => [reading.day, reading.overall]),
    );
  });

  it('refuses a file over 5 MB before reading it', () => {
    const problem = importHistory('', MAX_IMPORT_BYTES + 1, TODAY);
    expect(problem).toEqual({ ok: false, error: { code: 'too-large' } });
    expect(!problem.ok && describeImportProblem(problem.error)).toMatch(/larger than 5 MB/);
  });

  it.each([
    ['an empty file', '', 'empty'],
    ['blank lines only', '\r\n\r\n  ', 'empty'],
    ['JSON of something else', '{"name":"my-app","version":"1.0.0"}', 'unknown-format'],
    ['broken JSON', '{"format":"ssi-companion-history",', 'unknown-format'],
    ['a JSON array', '[1,2,3]', 'unknown-format'],
    ['another CSV', 'name,email\r\nAda,ada@example.com\r\n', 'wrong-header'],
    ['a binary file', '\u0089PNG\r\n\u001a\n\u0000\u0000', 'wrong-header'],
  ])('refuses %s as not a history', (_, text, code) => {
    expect(importHistory(text, text.length, TODAY)).toMatchObject({ ok: false, error: { code } });
  });

  it('takes a CSV whatever the file is called, by its header', () => {
    const text = historyToCsv(readingsUntil('2026-12-01', 2));
    expect(importHistory(text, text.length, TODAY).ok).toBe(true);
  });
});

import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { decodeHistory } from '@/utils/history/codec';
import { exportHistory, MAX_IMPORT_BYTES } from '@/utils/history/history-file';
import { MESSAGES } from '@/utils/messaging/protocol';
import { readingOn, readingsUntil } from '@/utils/testing/readings';
import { exportFile, MAX_IMPORT_ACCOUNTS, prepareImport, type ImportedFile } from './transfer';

const TODAY = '2026-12-02';
const NOW = Date.parse('2026-12-02T10:00:00Z');

function file(
  text: string,
  size = new TextEncoder().encode(text).length,
): ImportedFile & { text: ReturnType<typeof vi.fn> } {
  return { size, text: vi.fn(async () => text) };
}

describe('exportFile', () => {
  const days = readingsUntil('2026-12-01', 3);

  it('is the CSV or JSON export of the days, named by today', () => {
    expect(exportFile(days, 'csv', NOW, TODAY)).toEqual({
      name: 'ssi-history-2026-12-02.csv',
      type: 'text/csv;charset=utf-8',
      text: exportHistory(days, 'csv', NOW),
    });
    expect(exportFile(days, 'json', NOW, TODAY)).toEqual({
      name: 'ssi-history-2026-12-02.json',
      type: 'application/json',
      text: exportHistory(days, 'json', NOW),
    });
  });
});

describe('prepareImport', () => {
  it('refuses a file over 5 MB without reading it', async () => {
    const big = file('', MAX_IMPORT_BYTES + 1);
    await expect(prepareImport(big, TODAY)).resolves.toEqual({ ok: false, error: { code: 'too-large' } });
    expect(big.text).not.toHaveBeenCalled();
  });

  it('groups the readings by account, each in the stored layout, oldest day first', async () => {
    const readings = [
      readingOn('2026-11-30', 61, { accountId: 'acc-2' }),
      readingOn('2026-12-01', 62),
      readingOn('2026-11-29', 59, { accountId: 'acc-2' }),
      readingOn('2026-11-30', 60),
    ];
    const prepared = await prepareImport(file(exportHistory(readings, 'csv', NOW)), TODAY);
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    expect(prepared.value.days).toBe(4);
    // The worker reads them by the layout's own rules: every day must survive that.
    const decoded = prepared.value.histories.map((history) => decodeHistory(history));
    expect(
      decoded.map((history) => [history?.accountId, history?.dropped, history?.days.map((day) => day.day)]),
    ).toEqual([
      ['acc-2', 0, ['2026-11-29', '2026-11-30']],
      ['acc-1', 0, ['2026-11-30', '2026-12-01']],
    ]);
  });

  it("passes the file's problem on, with its line", async () => {
    const text = exportHistory([readingOn('2026-12-01'), readingOn('2026-12-03')], 'csv', NOW);
    await expect(prepareImport(file(text), TODAY)).resolves.toMatchObject({
      ok: false,
      error: { code: 'future-date', line: 3 },
    });
  });

  it('refuses more accounts than one message to the worker may carry', async () => {
    const many = Array.from({ length: MAX_IMPORT_ACCOUNTS + 1 }, (_, index) =>
      readingOn('2026-12-01', 60, { accountId: `acc-${index}` }),
    );
    await expect(prepareImport(file(exportHistory(many, 'csv', NOW)), TODAY)).resolves.toEqual({
      ok: false,
      error: { code: 'too-many-accounts', accounts: MAX_IMPORT_ACCOUNTS + 1 },
    });
    const fit = await prepareImport(file(exportHistory(many.slice(1), 'csv', NOW)), TODAY);
    expect(fit.ok).toBe(true);
  });

  it('holds as many accounts as `history:import` accepts, and no more', () => {
    const payload = (count: number) => ({ histories: Array.from({ length: count }, () => ({})) });
    const schema = MESSAGES['history:import'].payload;
    expect(v.safeParse(schema, payload(MAX_IMPORT_ACCOUNTS)).success).toBe(true);
    expect(v.safeParse(schema, payload(MAX_IMPORT_ACCOUNTS + 1)).success).toBe(false);
  });
});

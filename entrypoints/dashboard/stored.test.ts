import { describe, expect, it } from 'vitest';
import { encodeHistory, historyStorageKey } from '@/utils/history/codec';
import { targetKey, DEFAULT_SETTINGS } from '@/utils/settings';
import { readingsUntil } from '@/utils/testing/readings';
import { makeSnapshot } from '@/utils/testing/snapshot';
import { readStored, storedChangeOf, type ReadableArea } from './stored';

/** A storage area holding `items`, recording every key asked for. */
function areaWith(items: Record<string, unknown>) {
  const asked: string[] = [];
  const area: ReadableArea = {
    async get(keys) {
      asked.push(...keys);
      return Object.fromEntries(keys.filter((key) => key in items).map((key) => [key, items[key]]));
    },
  };
  return { area, asked };
}

const DEFAULT_SLOT = targetKey(DEFAULT_SETTINGS);
const DAYS = readingsUntil('2026-12-01', 3).map((reading) => ({ ...reading, accountId: 'acc-1' }));

describe('readStored', () => {
  it("shows the history of the account the cached reading answered for, with that account's goal", async () => {
    const { area, asked } = areaWith({
      settings: { ...DEFAULT_SETTINGS },
      ssiCache: { [DEFAULT_SLOT]: { snapshot: makeSnapshot({ accountId: 'acc-1' }), lastError: null } },
      goals: { 'acc-1': { target: 70, by: '2027-03-01' }, other: { target: 50, by: '2027-01-01' } },
      [historyStorageKey('acc-1')]: encodeHistory('acc-1', DAYS),
      [historyStorageKey('other')]: encodeHistory('other', DAYS),
      apiKey: 'never-read',
    });

    const stored = await readStored(area);

    expect(stored.accountId).toBe('acc-1');
    expect(stored.entry?.snapshot?.accountId).toBe('acc-1');
    expect(stored.days.map((day) => day.day)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(stored.goal).toEqual({ target: 70, by: '2027-03-01' });
    // Only what it shows: never the key, never another account's history.
    expect(asked).not.toContain('apiKey');
    expect(asked).not.toContain(historyStorageKey('other'));
  });

  it("falls back to the settings' account ID, or `default`, with nothing cached", async () => {
    const configured = areaWith({ settings: { ...DEFAULT_SETTINGS, accountId: 'acc-2' } });
    await expect(readStored(configured.area)).resolves.toMatchObject({ accountId: 'acc-2', entry: null });

    const bare = areaWith({});
    await expect(readStored(bare.area)).resolves.toEqual({
      accountId: 'default',
      accountName: null,
      entry: null,
      days: [],
      goal: null,
    });
  });

  it('reads garbage as nothing: a broken cache, a history of another account, a goal out of range', async () => {
    const { area } = areaWith({
      settings: 'not settings',
      ssiCache: { [DEFAULT_SLOT]: { snapshot: { overall: 'high' }, lastError: null } },
      goals: { default: { target: 400, by: 'soon' } },
      [historyStorageKey('default')]: encodeHistory('someone-else', DAYS),
    });

    await expect(readStored(area)).resolves.toEqual({
      accountId: 'default',
      accountName: null,
      entry: null,
      days: [],
      goal: null,
    });
  });
});

describe('storedChangeOf', () => {
  it('says a change of the settings or the cache touches the reading; history and goals do not', () => {
    expect(storedChangeOf(['ssiCache'])).toEqual({ reading: true });
    expect(storedChangeOf(['settings', 'apiKey'])).toEqual({ reading: true });
    expect(storedChangeOf(['history:acc-1'])).toEqual({ reading: false });
    expect(storedChangeOf(['goals'])).toEqual({ reading: false });
    // The key's accounts name the account in the header.
    expect(storedChangeOf(['accounts'])).toEqual({ reading: false });
    expect(storedChangeOf(['notifiedAlerts', 'apiKey'])).toBeNull();
  });
});

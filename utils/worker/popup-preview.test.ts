import { describe, expect, it, vi } from 'vitest';
import type { CacheEntry } from '../api-cache';
import { readPopupPreview } from '../popup-preview';
import { DEFAULT_SETTINGS, targetKey, type Settings } from '../settings';
import { PILLAR_IDS, type SsiSnapshot } from '../ssi/model';
import { createPopupPreviewKeeper, type PopupPreviewDeps } from './popup-preview';

const snapshot = (overall: number): SsiSnapshot => ({
  accountId: 'acc_1',
  overall,
  pillars: PILLAR_IDS.map((id) => ({ id, score: 10, industryAverage: null, networkAverage: null })),
  industry: null,
  network: null,
  profileUrn: null,
  activeSeat: false,
  fetchedAt: 0,
});

const settings: Settings = { ...DEFAULT_SETTINGS, accountId: 'acc_1' };

function setUp(overrides: Partial<PopupPreviewDeps> = {}) {
  const paths: string[] = [];
  const entries = new Map<string, CacheEntry>([
    [targetKey(settings), { snapshot: snapshot(61.5), lastError: null }],
    [targetKey({ ...settings, accountId: '' }), { snapshot: snapshot(12), lastError: null }],
  ]);
  const deps: PopupPreviewDeps = {
    readSettings: async () => settings,
    readEntry: async (key) => entries.get(key) ?? null,
    readAccounts: async () => ({ accounts: null, defaultAccountId: null }),
    setPopupPath: async (path) => void paths.push(path),
    ...overrides,
  };
  return { keeper: createPopupPreviewKeeper(deps), paths, entries };
}

const previewIn = (path: string | undefined) => readPopupPreview(path?.split('?')[1] ?? '');

describe('popup preview keeper', () => {
  it("puts the configured account's cached score in the popup's URL", async () => {
    const { keeper, paths } = setUp();
    await keeper.update();
    expect(paths).toHaveLength(1);
    expect(previewIn(paths[0])).toEqual({
      overall: 61.5,
      activeSeat: false,
      accountId: 'acc_1',
      accountName: null,
    });
  });

  it("names the account once the key's accounts are known, the default one by its reading", async () => {
    const accounts = [
      { id: 'acc_1', name: 'Grace Hopper', publicId: null, status: null, apiSeat: null },
      { id: 'acc_0', name: 'Ada Lovelace', publicId: null, status: null, apiSeat: null },
    ];
    let current = settings;
    const { keeper, paths } = setUp({
      readSettings: async () => current,
      readAccounts: async () => ({ accounts, defaultAccountId: 'acc_0' }),
    });
    await keeper.update();
    expect(previewIn(paths.at(-1))?.accountName).toBe('Grace Hopper');

    current = { ...settings, accountId: '' };
    await keeper.update();
    expect(previewIn(paths.at(-1))).toMatchObject({ overall: 12, accountName: 'Ada Lovelace' });
  });

  it('follows a change of account and a cache with nothing for it', async () => {
    let current = settings;
    const { keeper, paths, entries } = setUp({ readSettings: async () => current });
    current = { ...settings, accountId: '' };
    await keeper.update();
    expect(previewIn(paths.at(-1))).toEqual({
      overall: 12,
      activeSeat: false,
      accountId: '',
      accountName: null,
    });

    entries.clear();
    await keeper.update();
    expect(paths.at(-1)).toBe('popup.html');
  });

  it('falls back to the bare page when storage cannot be read, and never rejects', async () => {
    const { keeper, paths } = setUp({ readEntry: () => Promise.reject(new Error('IO error')) });
    await expect(keeper.update()).resolves.toBeUndefined();
    expect(paths).toEqual(['popup.html']);

    const refused = createPopupPreviewKeeper({
      readSettings: async () => settings,
      readEntry: async () => null,
      readAccounts: async () => ({ accounts: null, defaultAccountId: null }),
      setPopupPath: () => Promise.reject(new Error('No action')),
    });
    await expect(refused.update()).resolves.toBeUndefined();
  });

  it('applies updates in call order, so the latest reading wins over a slower earlier one', async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const readings = [snapshot(40), snapshot(45)];
    const readEntry = vi.fn(async () => {
      const entry = { snapshot: readings.shift()!, lastError: null };
      if (readEntry.mock.calls.length === 1) await slow;
      return entry;
    });
    const { keeper, paths } = setUp({ readEntry });
    const first = keeper.update();
    const second = keeper.update();
    release();
    await Promise.all([first, second]);
    expect(paths.map((path) => previewIn(path)?.overall)).toEqual([40, 45]);
  });
});

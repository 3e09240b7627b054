import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../settings';
import { migrateStorage, STORAGE_KEYS, STORAGE_SCHEMA_VERSION } from './storage-schema';
import { readAccountsEntry, type AccountsEntry } from '../api-cache';
import { encodeHistory } from '../history/codec';
import { READABLE_CACHE_ENTRY } from '../testing/cache-entry';
import { readingsUntil } from '../testing/readings';

const KEY = 'sk_live_0123456789abcdef';
const GOOD_ENTRY = READABLE_CACHE_ENTRY;
const ORIGIN = 'https://api.connectsafely.ai';
const GOOD_ACCOUNTS: AccountsEntry = {
  slugs: { acc_1: 'ada', acc_2: null },
  list: null,
  lastError: {
    error: { code: 'rate-limited', status: 429, retryAt: 1_700_000_600_000 },
    at: 1_700_000_000_000,
  },
};
const SETTINGS = { ...DEFAULT_SETTINGS, apiBaseUrl: 'http://127.0.0.1:8787', freshnessMinutes: 30 };
/** The same settings as versions 1 and 2 saved them: the profile badge's switch was `showBadge`. */
const { showProfileBadge: _renamed, ...SETTINGS_BEFORE_V3 } = { ...SETTINGS, showBadge: false };
const SETTINGS_AFTER_V3 = { ...SETTINGS, showProfileBadge: false };

const local = () => fakeBrowser.storage.local;
const stored = () => local().get(null);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('Platform faults', () => {
  describe('storage from an older, unknown or broken version', () => {
    it('stamps a fresh install with the current version and invents no settings', async () => {
      await migrateStorage(local());
      expect(await stored()).toEqual({
        [STORAGE_KEYS.schema]: STORAGE_SCHEMA_VERSION,
        ssiCache: {},
        accounts: {},
      });
    });

    it('keeps valid data of the current version untouched', async () => {
      const data = {
        schemaVersion: STORAGE_SCHEMA_VERSION,
        settings: SETTINGS,
        apiKey: KEY,
        ssiCache: { a: GOOD_ENTRY },
        accounts: { [ORIGIN]: GOOD_ACCOUNTS },
      };
      await local().set(data);
      const repair = await migrateStorage(local());
      expect(repair.changes).toEqual([]);
      expect(await stored()).toEqual(data);
    });

    it('adopts data saved before versioning (no version stored) and keeps all of it', async () => {
      await local().set({ settings: SETTINGS, apiKey: KEY, ssiCache: { a: GOOD_ENTRY } });
      const repair = await migrateStorage(local());
      expect(repair.from).toBe(0);
      expect(await stored()).toMatchObject({
        schemaVersion: STORAGE_SCHEMA_VERSION,
        settings: SETTINGS,
        apiKey: KEY,
        ssiCache: { a: GOOD_ENTRY },
      });
    });

    it('from an unknown newer version drops the cache but keeps the key and the settings', async () => {
      await local().set({
        schemaVersion: 99,
        settings: SETTINGS,
        apiKey: KEY,
        ssiCache: { a: GOOD_ENTRY },
        accounts: { [ORIGIN]: GOOD_ACCOUNTS },
      });
      const repair = await migrateStorage(local());
      expect(repair.changes[0]).toMatch(/unknown storage version 99/);
      expect(await stored()).toEqual({
        schemaVersion: STORAGE_SCHEMA_VERSION,
        settings: SETTINGS,
        apiKey: KEY,
        ssiCache: {},
        accounts: {},
      });
    });

    it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
      ['settings as a string', { settings: 'garbage' }, { settings: DEFAULT_SETTINGS }],
      [
        'settings with bad fields',
        { settings: { ...SETTINGS, apiBaseUrl: 'javascript:alert(1)', freshnessMinutes: -4, debug: 'yes' } },
        {
          settings: {
            ...SETTINGS,
            apiBaseUrl: DEFAULT_SETTINGS.apiBaseUrl,
            freshnessMinutes: 60,
            debug: false,
          },
        },
      ],
      ['a cache that is an array', { ssiCache: [1, 2] }, { ssiCache: {} }],
      [
        'a cache entry of the wrong shape',
        { ssiCache: { a: GOOD_ENTRY, b: { snapshot: 'junk' } } },
        { ssiCache: { a: GOOD_ENTRY } },
      ],
      [
        'a snapshot with an out-of-range score',
        { ssiCache: { b: { ...GOOD_ENTRY, snapshot: { ...GOOD_ENTRY.snapshot, overall: 250 } } } },
        { ssiCache: {} },
      ],
      ['accounts that are an array', { accounts: [GOOD_ACCOUNTS] }, { accounts: {} }],
      [
        'an accounts entry of the wrong shape',
        { accounts: { [ORIGIN]: GOOD_ACCOUNTS, b: { slugs: { acc_1: 42 }, lastError: null } } },
        { accounts: { [ORIGIN]: GOOD_ACCOUNTS } },
      ],
      [
        'an accounts entry with a failure of an unknown code',
        { accounts: { b: { slugs: {}, lastError: { error: { code: 'weird' }, at: 1 } } } },
        { accounts: {} },
      ],
    ])('repairs %s', async (_name, data, expected) => {
      await local().set({ schemaVersion: STORAGE_SCHEMA_VERSION, apiKey: KEY, ...data });
      await migrateStorage(local());
      expect(await stored()).toMatchObject({ ...expected, apiKey: KEY });
    });

    it('brings version 1 up to date, its account slugs kept as the accounts of each API origin', async () => {
      const v1 = {
        schemaVersion: 1,
        settings: SETTINGS_BEFORE_V3,
        apiKey: KEY,
        ssiCache: { a: GOOD_ENTRY },
        accountSlugs: {
          [`${ORIGIN}|default|acc_1`]: 'ada',
          [`${ORIGIN}|acc_2|acc_2`]: null,
          'http://127.0.0.1:8787|default|acc_3': 'grace',
          'not a slug key': 'x',
          [`${ORIGIN}|default|acc_4`]: 42,
        },
      };
      await local().set(v1);

      const repair = await migrateStorage(local());

      expect(repair).toEqual({
        from: 1,
        changes: ['migrated to version 2', 'migrated to version 3', 'settings repaired'],
      });
      expect(await stored()).toEqual({
        schemaVersion: STORAGE_SCHEMA_VERSION,
        settings: SETTINGS_AFTER_V3,
        apiKey: KEY,
        ssiCache: { a: GOOD_ENTRY },
        accounts: {
          // Read back by today's reader: no list of accounts yet (asked on the next Save or ask).
          [ORIGIN]: { slugs: { acc_1: 'ada', acc_2: null }, list: null, lastError: null },
          'http://127.0.0.1:8787': { slugs: { acc_3: 'grace' }, list: null, lastError: null },
        },
      });
      // What the migration kept reads as the product reads it.
      expect(readAccountsEntry((await stored()).accounts, ORIGIN)?.slugs).toEqual({
        acc_1: 'ada',
        acc_2: null,
      });
    });

    it('brings version 2 up to date: the profile badge switch keeps its value under its new name', async () => {
      const v2 = { schemaVersion: 2, settings: SETTINGS_BEFORE_V3, apiKey: KEY, ssiCache: { a: GOOD_ENTRY } };
      await local().set(v2);

      const repair = await migrateStorage(local());

      expect(repair).toEqual({ from: 2, changes: ['migrated to version 3', 'settings repaired'] });
      const after = await stored();
      expect(after).toMatchObject({
        schemaVersion: STORAGE_SCHEMA_VERSION,
        apiKey: KEY,
        ssiCache: { a: GOOD_ENTRY },
      });
      expect(after.settings).toEqual(SETTINGS_AFTER_V3);
      expect(after.settings).not.toHaveProperty('showBadge');
    });

    it.each([
      ['a number', 12345678],
      ['an object', { key: KEY }],
      ['text with spaces', 'not a key at all'],
    ])('removes an API key that is %s, keeping everything else', async (_name, apiKey) => {
      await local().set({ schemaVersion: 1, apiKey, settings: SETTINGS });
      const repair = await migrateStorage(local());
      expect(repair.changes).toContain('an unreadable API key was removed');
      const after = await stored();
      expect(after).not.toHaveProperty('apiKey');
      expect(after.settings).toEqual(SETTINGS);
    });

    it('is idempotent: a second run finds nothing to change and writes nothing', async () => {
      await local().set({
        schemaVersion: 7,
        settings: { freshnessMinutes: 'x' },
        apiKey: KEY,
        ssiCache: { a: 'junk' },
      });
      await migrateStorage(local());
      const once = await stored();
      const set = vi.spyOn(local(), 'set');
      const repair = await migrateStorage(local());
      expect(repair.changes).toEqual([]);
      expect(set).not.toHaveBeenCalled();
      expect(await stored()).toEqual(once);
    });

    it('reports a storage failure instead of swallowing it', async () => {
      await local().set({ schemaVersion: 99 });
      vi.spyOn(local(), 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
      await expect(migrateStorage(local())).rejects.toThrow(/quota/i);
    });
  });

  describe('the history, the goals and the notifications shown', () => {
    const history = encodeHistory('acc_1', readingsUntil('2026-12-01', 30));
    const GOALS = { acc_1: { target: 70, by: '2027-03-01' } };

    beforeEach(() => {
      vi.restoreAllMocks();
    });

    it('are kept as they are by an update (the repair of each new version)', async () => {
      const data = {
        schemaVersion: STORAGE_SCHEMA_VERSION,
        settings: SETTINGS,
        apiKey: KEY,
        ssiCache: {},
        accounts: {},
        'history:acc_1': history,
        goals: GOALS,
        notifiedAlerts: ['score:acc_1:2026-12-01'],
      };
      await local().set(data);
      expect((await migrateStorage(local())).changes).toEqual([]);
      expect(await stored()).toEqual(data);
    });

    it('come through an update from version 3, and from before versioning', async () => {
      for (const schemaVersion of [3, undefined]) {
        fakeBrowser.reset();
        await local().set({ schemaVersion, settings: SETTINGS, 'history:acc_1': history, goals: GOALS });
        await migrateStorage(local());
        expect(await stored()).toMatchObject({ 'history:acc_1': history, goals: GOALS });
      }
    });

    it('are kept, with the key and the settings, when a newer version left storage behind', async () => {
      const newerLayout = { v: 2, accountId: 'acc_2', columns: ['whatever', 'a newer version keeps'] };
      await local().set({
        schemaVersion: 99,
        settings: SETTINGS,
        apiKey: KEY,
        'history:acc_1': history,
        'history:acc_2': newerLayout,
        goals: GOALS,
      });
      await migrateStorage(local());
      expect(await stored()).toMatchObject({
        apiKey: KEY,
        'history:acc_1': history,
        'history:acc_2': newerLayout,
        goals: GOALS,
      });
    });

    it('lose only what cannot be read: a bad day, a bad goal, garbage under a history key', async () => {
      await local().set({
        schemaVersion: STORAGE_SCHEMA_VERSION,
        'history:acc_1': { ...history, days: [...history.days, ['2026-12-02', null, 500]] },
        'history:acc_3': 'garbage',
        'history:acc_4': { ...history },
        goals: { ...GOALS, acc_2: { target: 900, by: 'soon' } },
        notifiedAlerts: ['a', 7, 'b'],
      });
      const repair = await migrateStorage(local());
      const after = await stored();
      expect(after['history:acc_1']).toEqual(history);
      expect(after).not.toHaveProperty('history:acc_3');
      // Under another account's key: not this account's history.
      expect(after).not.toHaveProperty('history:acc_4');
      expect(after.goals).toEqual(GOALS);
      expect(after.notifiedAlerts).toEqual(['a', 'b']);
      expect(repair.changes).toEqual(
        expect.arrayContaining(['a history: 1 unreadable days dropped', 'an unreadable history was removed']),
      );
    });
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AccountsEntry } from '../api-cache';
import { apiKeyItem } from './secrets';
import { STORAGE_SCHEMA_VERSION } from './storage-schema';
import { DEFAULT_SETTINGS } from '../settings';
import { READABLE_CACHE_ENTRY } from '../testing/cache-entry';
import { readSavedConfig } from './saved-config';
import { createStorageWriters } from './storage-writers';
import { MAX_CACHE_ENTRIES } from './entry-store';

const KEY = 'sk_live_0123456789abcdef';
const SLOT = 'https://api.connectsafely.ai|acc_1';
const ENTRY = READABLE_CACHE_ENTRY;
const ORIGIN = 'https://api.connectsafely.ai';
const ACCOUNTS: AccountsEntry = { slugs: { acc_1: 'ada', acc_2: null }, list: null, lastError: null };

const stored = () => fakeBrowser.storage.local.get(null);

beforeEach(async () => {
  fakeBrowser.reset();
  // What the repair has work to do on: a broken cache entry, a settings field out of shape and
  // a key that is not a key. Each of those keys is read, then written back by the repair.
  await fakeBrowser.storage.local.set({
    schemaVersion: 1,
    ssiCache: { broken: { snapshot: 'not a snapshot' } },
    settings: { ...DEFAULT_SETTINGS, freshnessMinutes: -5 },
    apiKey: 'not a key',
  });
});

/**
 * Makes the repair's read (all keys at once, the only read with a list) take a while, as on a
 * busy disk. Resolves once that read has happened: a write made from then on, if it did not
 * wait for the repair, would land between the repair's read and its write, and be undone.
 */
function slowRepairRead(): Promise<void> {
  const local = fakeBrowser.storage.local;
  const get = local.get.bind(local);
  let hasRead: () => void;
  const read = new Promise<void>((done) => (hasRead = done));
  vi.spyOn(local, 'get').mockImplementation(async (keys?: unknown) => {
    const found = await get(keys as string[]);
    // The repair reads all of storage (the history has a key per account).
    if (keys === null) {
      hasRead();
      await new Promise((done) => setTimeout(done, 20));
    }
    return found;
  });
  return read;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createStorageWriters', () => {
  it('lets no write be undone by a storage repair running at the same moment', async () => {
    const repairHasRead = slowRepairRead();
    const writers = createStorageWriters();
    const settings = { ...DEFAULT_SETTINGS, accountId: 'acc_1' };

    const repair = writers.repair();
    await repairHasRead;
    await Promise.all([
      repair,
      writers.saveConfig(settings, KEY),
      writers.cache.write(SLOT, ENTRY),
      writers.accounts.write(ORIGIN, ACCOUNTS),
    ]);

    expect(await stored()).toEqual({
      schemaVersion: STORAGE_SCHEMA_VERSION,
      ssiCache: { [SLOT]: ENTRY },
      settings,
      apiKey: KEY,
      accounts: { [ORIGIN]: ACCOUNTS },
    });
  });

  it('saves settings and a new key in one write, with the readings and accounts cleared', async () => {
    const writers = createStorageWriters();
    await writers.saveConfig(DEFAULT_SETTINGS, KEY);
    await writers.cache.write(SLOT, ENTRY);
    await writers.accounts.write(ORIGIN, ACCOUNTS);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const settings = { ...DEFAULT_SETTINGS, apiBaseUrl: 'http://127.0.0.1:8787' };

    await writers.saveConfig(settings, 'sk_live_fedcba9876543210');

    expect(set).toHaveBeenCalledExactlyOnceWith({
      settings,
      apiKey: 'sk_live_fedcba9876543210',
      ssiCache: {},
      accounts: {},
    });
  });

  it('saves settings alone, keeping the key and the readings, without a key', async () => {
    const writers = createStorageWriters();
    await writers.saveConfig(DEFAULT_SETTINGS, KEY);
    await writers.cache.write(SLOT, ENTRY);
    const settings = { ...DEFAULT_SETTINGS, freshnessMinutes: 15 };

    await writers.saveConfig(settings);

    expect(await stored()).toMatchObject({ settings, apiKey: KEY, ssiCache: { [SLOT]: ENTRY } });
  });

  it("writes a reading only if its key is still the saved one when the reading's turn comes", async () => {
    const writers = createStorageWriters();
    await writers.saveConfig(DEFAULT_SETTINGS, KEY);
    const stillOldKey = async () => (await apiKeyItem.getValue()) === KEY;

    // A new key is saved (the caches cleared with it) while a reading of the old key waits its turn.
    const [, written] = await Promise.all([
      writers.saveConfig(DEFAULT_SETTINGS, 'sk_live_fedcba9876543210'),
      writers.cache.write(SLOT, ENTRY, stillOldKey),
    ]);

    expect(written).toBe(false);
    expect((await stored()).ssiCache).toEqual({});
    // With its key still saved, the same reading is written.
    await expect(writers.cache.write(SLOT, ENTRY, async () => true)).resolves.toBe(true);
    expect((await stored()).ssiCache).toEqual({ [SLOT]: ENTRY });
  });

  it('keeps the accounts of each origin next to the others, read back validated', async () => {
    const writers = createStorageWriters();
    const failed = { slugs: {}, list: null, lastError: { error: { code: 'network' as const }, at: 1 } };

    await Promise.all([writers.accounts.write(ORIGIN, ACCOUNTS), writers.accounts.write('b', failed)]);

    expect((await stored()).accounts).toEqual({ [ORIGIN]: ACCOUNTS, b: failed });
    expect(await writers.accounts.read('b')).toEqual(failed);
  });

  it('saves no key for null, which readers read as none', async () => {
    const writers = createStorageWriters();
    await writers.saveConfig(DEFAULT_SETTINGS, KEY);

    await writers.saveConfig(DEFAULT_SETTINGS, null);

    expect((await stored()).apiKey ?? null).toBeNull();
    expect((await readSavedConfig()).apiKey).toBeNull();
  });

  it('selects an account, keeping the other settings as stored and the key', async () => {
    const writers = createStorageWriters();
    await writers.saveConfig({ ...DEFAULT_SETTINGS, freshnessMinutes: 15 }, 'sk_live_selected_0123');

    await writers.selectAccount('acc_2');

    const all = await stored();
    expect(all.settings).toEqual({ ...DEFAULT_SETTINGS, freshnessMinutes: 15, accountId: 'acc_2' });
    expect(all.apiKey).toBe('sk_live_selected_0123');
  });

  it("never drops the selected account's or the default account's reading to make room", async () => {
    const writers = createStorageWriters();
    await writers.saveConfig({ ...DEFAULT_SETTINGS, accountId: 'acc_sel' });
    const origin = DEFAULT_SETTINGS.apiBaseUrl;
    await writers.cache.write(`${origin}|acc_sel`, ENTRY);
    await writers.cache.write(`${origin}|default`, ENTRY);
    for (let index = 0; index < MAX_CACHE_ENTRIES + 5; index++)
      await writers.cache.write(`${origin}|acc_${index}`, ENTRY);

    expect(await writers.cache.read(`${origin}|acc_sel`)).not.toBeNull();
    expect(await writers.cache.read(`${origin}|default`)).not.toBeNull();
    expect(await writers.cache.read(`${origin}|acc_0`)).toBeNull();
  });
});

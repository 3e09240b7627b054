import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildSsiBody, SANDBOX_ACCOUNTS, toAccountSummary } from '../../sandbox/data';
import { createSsiClient } from './api/client';
import { DEFAULT_SETTINGS } from '../settings';
import { createSsiService } from './ssi-service';
import { createKeyAccountsService } from './key-accounts-service';
import { readSavedConfig } from './saved-config';
import { createSettingsHandlers } from './settings-handlers';
import { createStorageWriters } from './storage-writers';

/** Two saved configurations, each an API origin with its own key. */
const CONFIGS = [
  { origin: 'http://127.0.0.1:1111', key: 'sk_live_first_0123456789' },
  { origin: 'http://localhost:2222', key: 'sk_live_second_987654321' },
] as const;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('readSavedConfig', () => {
  it('reads the settings (invalid fields as their defaults) and the key', async () => {
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, apiBaseUrl: CONFIGS[0].origin, freshnessMinutes: -1 },
      apiKey: CONFIGS[0].key,
    });

    expect(await readSavedConfig()).toEqual({
      settings: { ...DEFAULT_SETTINGS, apiBaseUrl: CONFIGS[0].origin },
      apiKey: CONFIGS[0].key,
    });
  });

  it.each([undefined, null, '', 42])('reads a stored key of %j as none', async (apiKey) => {
    await fakeBrowser.storage.local.set({ apiKey });

    expect(await readSavedConfig()).toEqual({ settings: DEFAULT_SETTINGS, apiKey: null });
  });
});

describe('a save that changes the API origin and the key together', () => {
  it('is seen as one change: no request pairs one configuration’s key with the other’s origin', async () => {
    const seen: string[] = [];
    const client = createSsiClient({
      fetch: async (url, init) => {
        const { origin, pathname } = new URL(String(url));
        const key = (init!.headers as { Authorization: string }).Authorization.replace('Bearer ', '');
        seen.push(`${origin} ${key}`);
        return Response.json(
          pathname === '/linkedin/ssi'
            ? buildSsiBody(SANDBOX_ACCOUNTS[0]!, new Date())
            : { accounts: SANDBOX_ACCOUNTS.map(toAccountSummary) },
        );
      },
    });
    const storage = createStorageWriters();
    const mayCall = async () => true;
    const ssi = createSsiService({
      client,
      read: readSavedConfig,
      cache: storage.cache,
      mayCall,
      now: () => Date.now(),
      retry: { retries: 0, baseDelayMs: 0, sleep: async () => {}, random: () => 0 },
    });
    const settings = createSettingsHandlers({
      client,
      mayCall,
      store: { read: readSavedConfig, save: storage.saveConfig, select: storage.selectAccount },
    });
    const accounts = createKeyAccountsService({
      client,
      store: storage.accounts,
      read: readSavedConfig,
      mayCall,
      now: () => Date.now(),
    });
    // What the badge does: the saved settings and key in one read, then the account's slug.
    const lookUp = async () => accounts.publicIdOf(await readSavedConfig(), SANDBOX_ACCOUNTS[0]!.id);
    const saveConfig = (index: number) =>
      settings.saveSettings({
        settings: { ...DEFAULT_SETTINGS, apiBaseUrl: CONFIGS[index % 2]!.origin },
        apiKey: { action: 'set', value: CONFIGS[index % 2]!.key },
      });
    await saveConfig(0);

    /** Runs `ask` after `ticks` turns of the microtask queue: a save takes several. */
    const after = async (ticks: number, ask: () => Promise<unknown>) => {
      for (let tick = 0; tick < ticks; tick++) await Promise.resolve();
      return ask();
    };
    for (let round = 1; round <= 6; round++) {
      // Every way a request is built, asked at every moment of the save, from before it
      // starts writing to after it is done.
      await Promise.all([
        saveConfig(round),
        ...Array.from({ length: 40 }, (_, ticks) => [
          after(ticks, () => ssi.getSsi({ refresh: true })),
          after(ticks, lookUp),
          ...CONFIGS.map(({ origin }) =>
            after(ticks, () => settings.testConnection({ apiBaseUrl: origin, accountId: '' })),
          ),
        ]).flat(),
      ]);
    }

    const allowed = CONFIGS.map(({ origin, key }) => `${origin} ${key}`);
    expect(new Set(seen)).toEqual(new Set(allowed));
    expect(seen.filter((pair) => !allowed.includes(pair))).toEqual([]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { AccountStatus, AccountSummary } from './api/accounts';
import type { SsiClient } from './api/client';
import type { SsiError } from '../errors';
import type { SettingsSave } from '../messaging/protocol';
import { err, ok } from '../result';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { PRODUCTION_API, SANDBOX_API } from '../api-origin';
import { createSettingsHandlers, type SettingsStore } from './settings-handlers';

const SAVED_KEY = 'sk_saved_key_11111111';
const TYPED_KEY = 'sk_typed_key_22222222';

function account(id: string, name: string): AccountSummary {
  return { id, name, publicId: null, status: 'AVAILABLE', apiSeat: true };
}

function setup(options: { apiKey?: string | null; settings?: unknown; mayCall?: boolean } = {}) {
  const state = {
    settings: (options.settings ?? { ...DEFAULT_SETTINGS }) as Settings,
    apiKey: options.apiKey === undefined ? SAVED_KEY : options.apiKey,
  };
  const store = {
    read: vi.fn(async () => ({ settings: state.settings, apiKey: state.apiKey })),
    // The caches go with a new key, in the same write (storage-writers.ts).
    save: vi.fn(async (settings: Settings, apiKey?: string | null) => {
      state.settings = settings;
      if (apiKey !== undefined) state.apiKey = apiKey;
    }),
    select: vi.fn(async (accountId: string) => {
      state.settings = { ...state.settings, accountId };
    }),
  } satisfies SettingsStore;
  const client = {
    getSsi: vi.fn<SsiClient['getSsi']>(async () => err({ code: 'internal' })),
    listAccounts: vi.fn<SsiClient['listAccounts']>(async () => ok([account('acc_1', 'Jane Doe')])),
    getAccountStatus: vi.fn<SsiClient['getAccountStatus']>(async () =>
      ok({
        ...account('acc_1', 'Jane Doe'),
        enabled: true,
        hasSalesNavigator: true,
      } satisfies AccountStatus),
    ),
  } satisfies SsiClient;
  const mayCall = vi.fn(async (_origin: string) => options.mayCall ?? true);
  const handlers = createSettingsHandlers({ store, client, mayCall });
  return { state, store, client, mayCall, handlers };
}

function save(
  settings: Partial<Settings>,
  apiKey: SettingsSave['apiKey'] = { action: 'keep' },
): SettingsSave {
  return { settings: { ...DEFAULT_SETTINGS, ...settings }, apiKey };
}

describe('createSettingsHandlers', () => {
  describe('selectAccount', () => {
    it('sets the account alone, trimmed, leaving every other setting and the key', async () => {
      const h = setup({ settings: { ...DEFAULT_SETTINGS, freshnessMinutes: 15 } });

      expect(await h.handlers.selectAccount(' 6650a1f3c2e4b5d6a7980b2d ')).toEqual({ ok: true, value: null });

      expect(h.store.select).toHaveBeenCalledExactlyOnceWith('6650a1f3c2e4b5d6a7980b2d');
      expect(h.state.settings).toEqual({
        ...DEFAULT_SETTINGS,
        freshnessMinutes: 15,
        accountId: '6650a1f3c2e4b5d6a7980b2d',
      });
      expect(h.store.save).not.toHaveBeenCalled();
      expect(h.state.apiKey).toBe(SAVED_KEY);
    });

    it('selects the key’s default account with an empty ID', async () => {
      const h = setup({ settings: { ...DEFAULT_SETTINGS, accountId: 'acc_1' } });
      await h.handlers.selectAccount('');
      expect(h.state.settings.accountId).toBe('');
    });

    it('refuses an ID that breaks the setting’s rule, saving nothing', async () => {
      const h = setup();
      const result = await h.handlers.selectAccount('not an id!');
      expect(result).toMatchObject({ ok: false, error: { field: 'accountId' } });
      expect(h.store.select).not.toHaveBeenCalled();
    });
  });

  describe('getSettings', () => {
    it('says a key is saved without ever including it', async () => {
      const h = setup();

      const settings = await h.handlers.getSettings();

      expect(settings).toEqual({ ...DEFAULT_SETTINGS, hasApiKey: true });
      expect(JSON.stringify(settings)).not.toContain(SAVED_KEY);
    });

    it('says no key is saved when there is none', async () => {
      const h = setup({ apiKey: null });

      expect((await h.handlers.getSettings()).hasApiKey).toBe(false);
    });

    it('reads invalid stored fields as their defaults', async () => {
      const h = setup({
        settings: {
          apiBaseUrl: 'http://evil.example',
          accountId: 'ok_id',
          freshnessMinutes: 'soon',
          debug: 1,
        },
      });

      expect(await h.handlers.getSettings()).toEqual({
        ...DEFAULT_SETTINGS,
        accountId: 'ok_id',
        hasApiKey: true,
      });
    });
  });

  describe('saveSettings', () => {
    it.each<{ label: string; save: SettingsSave; field: string }>([
      {
        label: 'an address that is not a URL',
        save: save({ apiBaseUrl: 'api dot example' }),
        field: 'apiBaseUrl',
      },
      { label: 'an empty address', save: save({ apiBaseUrl: '  ' }), field: 'apiBaseUrl' },
      {
        label: 'plain http to a remote host',
        save: save({ apiBaseUrl: 'http://api.example.com' }),
        field: 'apiBaseUrl',
      },
      {
        label: 'an address with a path',
        save: save({ apiBaseUrl: 'https://api.example.com/v1' }),
        field: 'apiBaseUrl',
      },
      {
        label: 'an address with credentials',
        save: save({ apiBaseUrl: 'https://user:pw@api.example.com' }),
        field: 'apiBaseUrl',
      },
      {
        label: 'a non-http scheme',
        save: save({ apiBaseUrl: 'ftp://api.example.com' }),
        field: 'apiBaseUrl',
      },
      { label: 'an account id with spaces', save: save({ accountId: 'my account' }), field: 'accountId' },
      { label: 'an account id with markup', save: save({ accountId: '<b>id</b>' }), field: 'accountId' },
      { label: 'an over-long account id', save: save({ accountId: 'a'.repeat(65) }), field: 'accountId' },
      { label: 'freshness under 5 minutes', save: save({ freshnessMinutes: 4 }), field: 'freshnessMinutes' },
      {
        label: 'freshness over a day',
        save: save({ freshnessMinutes: 24 * 60 + 1 }),
        field: 'freshnessMinutes',
      },
      {
        label: 'freshness that is not a number',
        save: save({ freshnessMinutes: NaN }),
        field: 'freshnessMinutes',
      },
      { label: 'an empty key', save: save({}, { action: 'set', value: '   ' }), field: 'apiKey' },
      { label: 'a too-short key', save: save({}, { action: 'set', value: 'abc' }), field: 'apiKey' },
      {
        label: 'a key with a space inside',
        save: save({}, { action: 'set', value: 'sk_live abc 12345' }),
        field: 'apiKey',
      },
    ])('refuses $label with a problem on that field and writes nothing', async ({ save: input, field }) => {
      const h = setup();

      const result = await h.handlers.saveSettings(input);

      expect(result).toMatchObject({ ok: false, error: { field } });
      if (!result.ok) expect(result.error.message).toMatch(/\w/);
      expect(h.store.save).not.toHaveBeenCalled();
    });

    it('stores the settings in their normalised form', async () => {
      // Saved with this address already: the saved key may go on to it.
      const h = setup({
        mayCall: true,
        settings: { ...DEFAULT_SETTINGS, apiBaseUrl: 'https://proxy.example.com' },
      });

      const result = await h.handlers.saveSettings(
        save({
          apiBaseUrl: ' https://proxy.example.com/ ',
          accountId: '  acc_123 ',
          freshnessMinutes: 30.4,
          debug: true,
          showProfileBadge: false,
        }),
      );

      const expected: Settings = {
        ...DEFAULT_SETTINGS,
        apiBaseUrl: 'https://proxy.example.com',
        accountId: 'acc_123',
        freshnessMinutes: 30,
        debug: true,
        showProfileBadge: false,
      };
      expect(h.store.save).toHaveBeenCalledExactlyOnceWith(expected, undefined);
      expect(result).toEqual({ ok: true, value: { ...expected, hasApiKey: true } });
    });

    it.each(['http://localhost:8787', 'http://127.0.0.1:8787', SANDBOX_API])('accepts %s', async (origin) => {
      const h = setup();

      const result = await h.handlers.saveSettings(
        save({ apiBaseUrl: origin }, { action: 'set', value: TYPED_KEY }),
      );

      expect(result.ok).toBe(true);
      expect(h.state.settings.apiBaseUrl).toBe(origin);
    });

    it('keeps the saved key for its own address only: a new address needs the key pasted again', async () => {
      const h = setup();

      const kept = await h.handlers.saveSettings(
        save({ apiBaseUrl: 'https://api.connectsafely.ai.evil.example' }),
      );

      expect(kept).toEqual({
        ok: false,
        error: { field: 'apiKey', message: expect.stringMatching(/paste the key again/) },
      });
      expect(h.store.save).not.toHaveBeenCalled();
      const typed = await h.handlers.saveSettings(
        save({ apiBaseUrl: SANDBOX_API }, { action: 'set', value: TYPED_KEY }),
      );
      expect(typed.ok).toBe(true);
      // The same address with the key kept is a save like any other.
      const same = await h.handlers.saveSettings(save({ apiBaseUrl: SANDBOX_API, freshnessMinutes: 30 }));
      expect(same.ok).toBe(true);
      expect(h.state.apiKey).toBe(TYPED_KEY);
    });

    it('stores a new key (trimmed) with the settings, in one save that clears the cache', async () => {
      const h = setup();

      const result = await h.handlers.saveSettings(
        save({ apiBaseUrl: SANDBOX_API }, { action: 'set', value: `  ${TYPED_KEY}\n` }),
      );

      expect(h.store.save).toHaveBeenCalledExactlyOnceWith(
        { ...DEFAULT_SETTINGS, apiBaseUrl: SANDBOX_API },
        TYPED_KEY,
      );
      expect(h.state.apiKey).toBe(TYPED_KEY);
      expect(result).toMatchObject({ ok: true, value: { hasApiKey: true, apiBaseUrl: SANDBOX_API } });
      expect(JSON.stringify(result)).not.toContain(TYPED_KEY);
    });

    it('stores a first key when none was saved', async () => {
      const h = setup({ apiKey: null });

      await h.handlers.saveSettings(save({}, { action: 'set', value: TYPED_KEY }));

      expect(h.store.save).toHaveBeenCalledExactlyOnceWith(DEFAULT_SETTINGS, TYPED_KEY);
    });

    it('leaves the key and the cache alone when the same key is saved again', async () => {
      const h = setup();

      const result = await h.handlers.saveSettings(save({}, { action: 'set', value: SAVED_KEY }));

      expect(result.ok).toBe(true);
      expect(h.store.save).toHaveBeenCalledExactlyOnceWith(DEFAULT_SETTINGS, undefined);
    });

    it('keeps the key untouched on keep', async () => {
      const h = setup();

      const result = await h.handlers.saveSettings(save({ freshnessMinutes: 15 }, { action: 'keep' }));

      expect(result).toMatchObject({ ok: true, value: { freshnessMinutes: 15, hasApiKey: true } });
      expect(h.store.save).toHaveBeenCalledExactlyOnceWith(
        { ...DEFAULT_SETTINGS, freshnessMinutes: 15 },
        undefined,
      );
      expect(h.state.apiKey).toBe(SAVED_KEY);
    });

    it('removes the key, with the cache, on clear', async () => {
      const h = setup();

      const result = await h.handlers.saveSettings(save({}, { action: 'clear' }));

      expect(h.store.save).toHaveBeenCalledExactlyOnceWith(DEFAULT_SETTINGS, null);
      expect(h.state.apiKey).toBeNull();
      expect(result).toMatchObject({ ok: true, value: { hasApiKey: false } });
    });
  });

  describe('testConnection', () => {
    it('tests with the typed key when one is given', async () => {
      const h = setup();

      await h.handlers.testConnection({ apiBaseUrl: PRODUCTION_API, accountId: '', apiKey: TYPED_KEY });

      expect(h.client.listAccounts).toHaveBeenCalledWith({ baseUrl: PRODUCTION_API, apiKey: TYPED_KEY });
    });

    it('tests the saved address with the saved key when none is typed', async () => {
      const h = setup();

      await h.handlers.testConnection({ apiBaseUrl: PRODUCTION_API, accountId: '' });

      expect(h.client.listAccounts).toHaveBeenCalledWith({ baseUrl: PRODUCTION_API, apiKey: SAVED_KEY });
    });

    it('never sends the saved key to an address that was not saved (a typo must not receive it)', async () => {
      const h = setup({ mayCall: true });

      const result = await h.handlers.testConnection({ apiBaseUrl: SANDBOX_API, accountId: '' });

      expect(result).toEqual({ ok: false, error: { code: 'key-for-new-address' } });
      expect(h.client.listAccounts).not.toHaveBeenCalled();
      expect(h.client.getAccountStatus).not.toHaveBeenCalled();
    });

    it('answers no-key without a request when no key is typed or saved', async () => {
      const h = setup({ apiKey: null });

      const result = await h.handlers.testConnection({ apiBaseUrl: PRODUCTION_API, accountId: '' });

      expect(result).toEqual({ ok: false, error: { code: 'no-key' } });
      expect(h.client.listAccounts).not.toHaveBeenCalled();
      expect(h.client.getAccountStatus).not.toHaveBeenCalled();
    });

    it('answers permission-missing for a custom origin the extension may not call', async () => {
      const h = setup({ mayCall: false });

      const result = await h.handlers.testConnection({
        apiBaseUrl: 'https://proxy.example.com',
        accountId: '',
        apiKey: TYPED_KEY,
      });

      expect(result).toEqual({ ok: false, error: { code: 'permission-missing' } });
      expect(h.mayCall).toHaveBeenCalledWith('https://proxy.example.com');
      expect(h.client.listAccounts).not.toHaveBeenCalled();
    });

    it('calls a custom origin once permission is granted', async () => {
      const h = setup({ mayCall: true });

      const result = await h.handlers.testConnection({
        apiBaseUrl: 'https://proxy.example.com/',
        accountId: '',
        apiKey: TYPED_KEY,
      });

      expect(result.ok).toBe(true);
      // Asked for the origin as parsed (no trailing slash), the one the request goes to.
      expect(h.mayCall).toHaveBeenCalledWith('https://proxy.example.com');
      expect(h.client.listAccounts).toHaveBeenCalledWith({
        baseUrl: 'https://proxy.example.com',
        apiKey: TYPED_KEY,
      });
    });

    it('refuses an invalid address or typed key before any request', async () => {
      const h = setup({ mayCall: true });

      const badOrigin = await h.handlers.testConnection({
        apiBaseUrl: 'http://api.example.com',
        accountId: '',
      });
      const badKey = await h.handlers.testConnection({
        apiBaseUrl: PRODUCTION_API,
        accountId: '',
        apiKey: 'a b',
      });
      const badAccount = await h.handlers.testConnection({ apiBaseUrl: PRODUCTION_API, accountId: 'x y' });

      // Each says what is wrong with the input, in the rule's own words; no server spoke.
      expect(badOrigin).toMatchObject({
        ok: false,
        error: { code: 'invalid-base-url', detail: /https:\/\// },
      });
      expect(badKey).toMatchObject({ ok: false, error: { code: 'invalid-key', detail: /too short/ } });
      expect(badAccount).toMatchObject({
        ok: false,
        error: { code: 'invalid-account-id', detail: /letters, digits/ },
      });
      for (const result of [badOrigin, badKey, badAccount]) {
        expect(!result.ok && result.error.serverMessage).toBeUndefined();
      }
      expect(h.client.listAccounts).not.toHaveBeenCalled();
      expect(h.client.getAccountStatus).not.toHaveBeenCalled();
    });

    it("asks for the account's status when an account id is given, and names the account", async () => {
      const h = setup();

      const result = await h.handlers.testConnection({ apiBaseUrl: PRODUCTION_API, accountId: ' acc_1 ' });

      expect(h.client.getAccountStatus).toHaveBeenCalledWith(
        { baseUrl: PRODUCTION_API, apiKey: SAVED_KEY },
        'acc_1',
      );
      expect(h.client.listAccounts).not.toHaveBeenCalled();
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.value.summary).toContain('Jane Doe');
        expect(result.value.summary).toContain('Sales Navigator');
      }
    });

    it.each<{ accounts: AccountSummary[]; words: string[] }>([
      { accounts: [], words: ['no LinkedIn account'] },
      { accounts: [account('a1', 'Jane Doe')], words: ['1 LinkedIn account', 'Jane Doe'] },
      {
        accounts: [account('a1', 'Jane Doe'), account('a2', 'Max Mustermann')],
        words: ['2 LinkedIn accounts', 'Jane Doe', 'Max Mustermann'],
      },
      {
        accounts: ['A', 'B', 'C', 'D', 'E'].map((name, index) => account(`a${index}`, name)),
        words: ['5 LinkedIn accounts', 'A, B, C', 'and 2 more'],
      },
    ])('lists the accounts when no account id is given ($accounts.length)', async ({ accounts, words }) => {
      const h = setup();
      h.client.listAccounts.mockResolvedValueOnce(ok(accounts));

      const result = await h.handlers.testConnection({ apiBaseUrl: PRODUCTION_API, accountId: '' });

      expect(h.client.getAccountStatus).not.toHaveBeenCalled();
      expect(result.ok).toBe(true);
      for (const word of words) expect(result.ok && result.value.summary).toContain(word);
    });

    it.each<SsiError>([
      { code: 'unauthorized', status: 401 },
      { code: 'server', status: 503 },
      { code: 'network' },
      { code: 'malformed', detail: 'accounts: unexpected shape' },
    ])('passes a failing client result through ($code)', async (error) => {
      const h = setup();
      h.client.listAccounts.mockResolvedValueOnce(err(error));
      h.client.getAccountStatus.mockResolvedValueOnce(err(error));

      const listed = await h.handlers.testConnection({ apiBaseUrl: PRODUCTION_API, accountId: '' });
      const status = await h.handlers.testConnection({ apiBaseUrl: PRODUCTION_API, accountId: 'acc_1' });

      expect(listed).toEqual({ ok: false, error });
      expect(status).toEqual({ ok: false, error });
    });
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { AccountSummary } from './api/accounts';
import { FAILURE_COOLDOWN_MS } from './api/ask-policy';
import type { SsiClient } from './api/client';
import type { AccountsEntry } from '../api-cache';
import type { SsiError } from '../errors';
import { err, ok } from '../result';
import { DEFAULT_SETTINGS } from '../settings';
import { SANDBOX_API } from '../api-origin';
import type { SavedConfig } from './saved-config';
import { memoryCacheStore } from '../testing/memory-cache-store';
import { createKeyAccountsService } from './key-accounts-service';
import { createOriginPause, pauseScope } from './api/origin-pause';

const T0 = Date.parse('2026-12-02T09:00:00.000Z');
const KEY = 'sk_live_lookup_0123456789';
const ORIGIN = DEFAULT_SETTINGS.apiBaseUrl;
const PROXY = 'https://proxy.example.com';

function account(id: string, publicId: string | null): AccountSummary {
  return { id, name: `Name of ${id}`, publicId, status: 'AVAILABLE', apiSeat: true };
}

const ACCOUNTS = [account('acc_0', 'someone-else'), account('acc_1', 'ada-lovelace'), account('acc_2', null)];

function setup(options: { origin?: string; mayCall?: boolean } = {}) {
  const state = {
    now: T0,
    config: {
      settings: { ...DEFAULT_SETTINGS, apiBaseUrl: options.origin ?? ORIGIN },
      apiKey: KEY,
    } as SavedConfig,
  };
  const listAccounts = vi.fn<SsiClient['listAccounts']>(async () => ok(ACCOUNTS));
  const client: SsiClient = {
    listAccounts,
    getSsi: () => Promise.reject(new Error('not asked by the lookup')),
    getAccountStatus: () => Promise.reject(new Error('not asked by the lookup')),
  };
  const store = memoryCacheStore<AccountsEntry>();
  const mayCall = vi.fn(async (_origin: string) => options.mayCall ?? true);
  const make = () =>
    createKeyAccountsService({
      client,
      store,
      read: async () => state.config,
      mayCall,
      now: () => state.now,
    });
  return { state, store, listAccounts, mayCall, make, lookup: make() };
}

describe('createKeyAccountsService().publicIdOf', () => {
  it('asks for the key’s accounts with the saved key at the saved origin, and keeps them', async () => {
    const h = setup({ origin: SANDBOX_API });

    expect(await h.lookup.publicIdOf(h.state.config, 'acc_1')).toBe('ada-lovelace');

    expect(h.listAccounts).toHaveBeenCalledExactlyOnceWith({ baseUrl: SANDBOX_API, apiKey: KEY });
    expect(h.store.entries.get(SANDBOX_API)).toEqual({
      slugs: { acc_0: 'someone-else', acc_1: 'ada-lovelace', acc_2: null },
      list: { accounts: ACCOUNTS, at: T0 },
      lastError: null,
    });
  });

  it('answers every account of the list from storage afterwards, without a request', async () => {
    const h = setup();
    await h.lookup.publicIdOf(h.state.config, 'acc_1');

    expect(await h.lookup.publicIdOf(h.state.config, 'acc_0')).toBe('someone-else');
    expect(await h.lookup.publicIdOf(h.state.config, 'acc_2')).toBeNull();
    expect(await h.make().publicIdOf(h.state.config, 'acc_1')).toBe('ada-lovelace');
    expect(h.listAccounts).toHaveBeenCalledTimes(1);
  });

  it('remembers an account that is not in the list as having no slug', async () => {
    const h = setup();

    expect(await h.lookup.publicIdOf(h.state.config, 'acc_missing')).toBeNull();
    expect(await h.lookup.publicIdOf(h.state.config, 'acc_missing')).toBeNull();

    expect(h.listAccounts).toHaveBeenCalledTimes(1);
  });

  it('asks again for another API origin', async () => {
    const h = setup();
    await h.lookup.publicIdOf(h.state.config, 'acc_1');

    h.state.config = { ...h.state.config, settings: { ...h.state.config.settings, apiBaseUrl: SANDBOX_API } };
    await h.lookup.publicIdOf(h.state.config, 'acc_1');

    expect(h.listAccounts.mock.calls.map(([target]) => target.baseUrl)).toEqual([ORIGIN, SANDBOX_API]);
  });

  it('makes one request for tabs that ask at once', async () => {
    const h = setup();

    const slugs = await Promise.all([
      h.lookup.publicIdOf(h.state.config, 'acc_1'),
      h.lookup.publicIdOf(h.state.config, 'acc_0'),
    ]);

    expect(slugs).toEqual(['ada-lovelace', 'someone-else']);
    expect(h.listAccounts).toHaveBeenCalledTimes(1);
  });

  it('asks nothing without a key', async () => {
    const h = setup();

    expect(await h.lookup.publicIdOf({ ...h.state.config, apiKey: null }, 'acc_1')).toBeNull();
    expect(h.listAccounts).not.toHaveBeenCalled();
  });

  describe('after a failure, the same rules as the SSI', () => {
    it.each<SsiError>([
      { code: 'network' },
      { code: 'server', status: 503 },
      { code: 'unauthorized', status: 401 },
      { code: 'malformed', detail: 'accounts: unexpected shape' },
    ])('$code is kept in storage, and automatic asks wait out the cooldown', async (error) => {
      const h = setup();
      h.listAccounts.mockResolvedValueOnce(err(error));

      expect(await h.lookup.publicIdOf(h.state.config, 'acc_1')).toBeNull();
      expect(h.store.entries.get(ORIGIN)).toEqual({ slugs: {}, list: null, lastError: { error, at: T0 } });

      h.state.now = T0 + FAILURE_COOLDOWN_MS - 1;
      // A restarted worker (a new lookup over the same storage) waits too.
      expect(await h.make().publicIdOf(h.state.config, 'acc_1')).toBeNull();
      expect(h.listAccounts).toHaveBeenCalledTimes(1);

      h.state.now = T0 + FAILURE_COOLDOWN_MS;
      expect(await h.lookup.publicIdOf(h.state.config, 'acc_1')).toBe('ada-lovelace');
      expect(h.store.entries.get(ORIGIN)?.lastError).toBeNull();
    });

    it('a 429 pauses lookups until its retryAt, across a worker restart', async () => {
      const h = setup();
      const retryAt = T0 + 10 * FAILURE_COOLDOWN_MS;
      h.listAccounts.mockResolvedValueOnce(err({ code: 'rate-limited', status: 429, retryAt }));
      await h.lookup.publicIdOf(h.state.config, 'acc_1');

      for (const now of [T0 + FAILURE_COOLDOWN_MS, retryAt - 1]) {
        h.state.now = now;
        expect(await h.make().publicIdOf(h.state.config, 'acc_1')).toBeNull();
      }
      expect(h.listAccounts).toHaveBeenCalledTimes(1);

      h.state.now = retryAt;
      expect(await h.make().publicIdOf(h.state.config, 'acc_1')).toBe('ada-lovelace');
    });

    it('an origin it may not call gets no request: permission-missing is kept, and tried at once when granted', async () => {
      const h = setup({ origin: PROXY, mayCall: false });

      expect(await h.lookup.publicIdOf(h.state.config, 'acc_1')).toBeNull();
      expect(await h.lookup.publicIdOf(h.state.config, 'acc_1')).toBeNull();
      expect(h.listAccounts).not.toHaveBeenCalled();
      expect(h.mayCall).toHaveBeenCalledWith(PROXY);
      expect(h.store.entries.get(PROXY)?.lastError?.error).toEqual({ code: 'permission-missing' });

      h.mayCall.mockResolvedValue(true);
      h.state.now = T0 + 1;
      expect(await h.lookup.publicIdOf(h.state.config, 'acc_1')).toBe('ada-lovelace');
    });

    it('a client that throws is an internal failure, never a rejection', async () => {
      const h = setup();
      h.listAccounts.mockRejectedValueOnce(new Error('a bug'));

      expect(await h.lookup.publicIdOf(h.state.config, 'acc_1')).toBeNull();
      expect(h.store.entries.get(ORIGIN)?.lastError?.error).toEqual({ code: 'internal' });
    });

    it('a failure storage refused to keep still holds automatic asks back', async () => {
      const h = setup();
      h.store.write = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
      h.listAccounts.mockResolvedValueOnce(err({ code: 'network' }));

      await h.lookup.publicIdOf(h.state.config, 'acc_1');
      h.state.now = T0 + 1_000;
      await h.lookup.publicIdOf(h.state.config, 'acc_1');

      expect(h.listAccounts).toHaveBeenCalledTimes(1);
    });
  });

  it('does not keep an answer that arrives after the key was replaced', async () => {
    const h = setup();
    h.listAccounts.mockImplementationOnce(async () => {
      h.state.config = { ...h.state.config, apiKey: 'sk_live_replaced_987654321' };
      return ok(ACCOUNTS);
    });

    expect(await h.lookup.publicIdOf({ ...h.state.config }, 'acc_1')).toBe('ada-lovelace');
    expect(h.store.entries.has(ORIGIN)).toBe(false);
  });
});

describe('createKeyAccountsService().list', () => {
  it('asks once, then serves the list from storage while it is fresh, also after a restart', async () => {
    const h = setup();

    expect(await h.lookup.list(h.state.config)).toEqual({ accounts: ACCOUNTS, error: null });
    h.state.now = T0 + DEFAULT_SETTINGS.freshnessMinutes * 60_000 - 1;
    expect(await h.make().list(h.state.config)).toEqual({ accounts: ACCOUNTS, error: null });

    expect(h.listAccounts).toHaveBeenCalledTimes(1);
  });

  it('asks again once the list is stale, and when the user asks for a refresh', async () => {
    const h = setup();
    await h.lookup.list(h.state.config);
    await h.lookup.list(h.state.config, { refresh: true });
    expect(h.listAccounts).toHaveBeenCalledTimes(2);

    h.state.now = T0 + DEFAULT_SETTINGS.freshnessMinutes * 60_000;
    await h.lookup.list(h.state.config);
    expect(h.listAccounts).toHaveBeenCalledTimes(3);
  });

  it('keeps the last good list through a failure, and says what failed', async () => {
    const h = setup();
    await h.lookup.list(h.state.config);
    h.listAccounts.mockResolvedValueOnce(err({ code: 'server', status: 503 }));

    expect(await h.lookup.list(h.state.config, { refresh: true })).toEqual({
      accounts: ACCOUNTS,
      error: { code: 'server', status: 503 },
    });
    expect(h.store.entries.get(ORIGIN)?.list?.accounts).toEqual(ACCOUNTS);
  });

  it('waits out the cooldown after a failure unless the user asks, and a 429 even then', async () => {
    const h = setup();
    h.listAccounts.mockResolvedValueOnce(err({ code: 'network' }));
    expect(await h.lookup.list(h.state.config)).toEqual({ accounts: null, error: { code: 'network' } });

    expect((await h.lookup.list(h.state.config)).error).toEqual({ code: 'network' });
    expect(h.listAccounts).toHaveBeenCalledTimes(1);

    const paused = { code: 'rate-limited' as const, status: 429, retryAt: T0 + 30_000 };
    h.listAccounts.mockResolvedValueOnce(err(paused));
    expect((await h.lookup.list(h.state.config, { refresh: true })).error).toEqual(paused);
    expect((await h.lookup.list(h.state.config, { refresh: true })).error).toEqual(paused);
    expect(h.listAccounts).toHaveBeenCalledTimes(2);

    h.state.now = T0 + 30_000;
    expect(await h.lookup.list(h.state.config, { refresh: true })).toEqual({
      accounts: ACCOUNTS,
      error: null,
    });
  });

  it('answers no-key without a key, asking nothing', async () => {
    const h = setup();
    expect(await h.lookup.list({ ...h.state.config, apiKey: null })).toEqual({
      accounts: null,
      error: { code: 'no-key' },
    });
    expect(h.listAccounts).not.toHaveBeenCalled();
  });

  it('makes one request for pages that ask at once', async () => {
    const h = setup();
    await Promise.all([
      h.lookup.list(h.state.config),
      h.lookup.list(h.state.config),
      h.lookup.publicIdOf(h.state.config, 'acc_1'),
    ]);
    expect(h.listAccounts).toHaveBeenCalledTimes(1);
  });

  it('waits out a 429 that an SSI ask of the same API origin was given', async () => {
    const h = setup();
    const pause = createOriginPause();
    const service = createKeyAccountsService({
      client: { listAccounts: h.listAccounts } as unknown as SsiClient,
      store: h.store,
      read: async () => h.state.config,
      mayCall: async () => true,
      now: () => h.state.now,
      pause,
    });
    pause.note(pauseScope(ORIGIN, KEY), { code: 'rate-limited', status: 429, retryAt: T0 + 5_000 });

    expect((await service.list(h.state.config, { refresh: true })).accounts).toBeNull();
    expect(h.listAccounts).not.toHaveBeenCalled();

    h.state.now = T0 + 5_000;
    expect((await service.list(h.state.config)).accounts).toEqual(ACCOUNTS);
  });

  it('answers a stale list at once when asked in the background, and asks afresh behind it', async () => {
    const h = setup();
    await h.lookup.list(h.state.config);
    h.state.now = T0 + DEFAULT_SETTINGS.freshnessMinutes * 60_000;
    let release!: () => void;
    h.listAccounts.mockImplementationOnce(
      () => new Promise((done) => (release = () => done(ok([ACCOUNTS[0]!])))),
    );

    expect(await h.lookup.list(h.state.config, { background: true })).toEqual({
      accounts: ACCOUNTS,
      error: null,
    });
    await vi.waitFor(() => expect(h.listAccounts).toHaveBeenCalledTimes(2));
    release();
    await vi.waitFor(() => expect(h.store.entries.get(ORIGIN)?.list?.accounts).toEqual([ACCOUNTS[0]]));
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { ApiTarget, SsiClient, SsiRequest } from './api/client';
import type { CacheEntry } from '../api-cache';
import { SSI_ERROR_CODES, type SsiError, type SsiErrorCode } from '../errors';
import { err, ok, type Result } from '../result';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { PRODUCTION_API, SANDBOX_API } from '../api-origin';
import { PILLAR_IDS, type SsiSnapshot } from '../ssi/model';
import { memoryCacheStore } from '../testing/memory-cache-store';
import type { SsiState } from '../ssi/state';
import { createSsiService, FAILURE_COOLDOWN_MS } from './ssi-service';

const T0 = Date.parse('2026-03-14T09:00:00.000Z');
const MINUTE = 60_000;
const KEY = 'sk_test_primary_key_0001';
const OTHER_KEY = 'sk_test_rotated_key_0002';
const DEFAULT_SLOT = `${PRODUCTION_API}|default`;

type SsiResult = Result<SsiSnapshot, SsiError>;

function makeSnapshot(overrides: Partial<SsiSnapshot> = {}): SsiSnapshot {
  return {
    accountId: null,
    overall: 67.41,
    pillars: PILLAR_IDS.map((id, index) => ({
      id,
      score: 15 + index,
      industryAverage: 12,
      networkAverage: 13,
    })),
    industry: { rank: 4, averageScore: 41, groupSize: 184_233, change: 1, industryName: 'Computer Software' },
    network: { rank: 12, averageScore: 38, groupSize: 812, change: null, industryName: null },
    profileUrn: 'urn:li:fsd_profile:ACoAAB',
    activeSeat: true,
    fetchedAt: T0,
    ...overrides,
  };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** What the fake client answers next: a result, a result still to come, or a thrown error. */
type Answer = SsiResult | Promise<SsiResult> | Error;

/** A client whose getSsi answers from a queue and records every call. */
function fakeClient() {
  const queue: Answer[] = [];
  const calls: Array<{ target: ApiTarget; request: SsiRequest | undefined }> = [];
  const client: SsiClient = {
    async getSsi(target, request) {
      calls.push({ target, request });
      const answer = queue.shift();
      if (answer === undefined) throw new Error(`unexpected getSsi call #${calls.length}`);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    listAccounts: () => Promise.reject(new Error('not used by the SSI service')),
    getAccountStatus: () => Promise.reject(new Error('not used by the SSI service')),
  };
  return {
    client,
    calls,
    answer: (...answers: Answer[]) => void queue.push(...answers),
    /** Queues an answer that arrives only when the test says so. */
    hold(): Deferred<SsiResult> {
      const pending = deferred<SsiResult>();
      queue.push(pending.promise);
      return pending;
    },
  };
}

function harness(options: { settings?: Partial<Settings>; mayCall?: boolean } = {}) {
  const fake = fakeClient();
  const cache = memoryCacheStore();
  const store = cache.entries;
  const state = {
    now: T0,
    settings: { ...DEFAULT_SETTINGS, ...options.settings } as Settings,
    apiKey: KEY as string | null,
  };
  const sleeps: number[] = [];
  const views: SsiState[] = [];
  const updates: SsiState[] = [];
  const readings: SsiSnapshot[] = [];
  const mayCall = vi.fn(async (_origin: string) => options.mayCall ?? true);
  const service = createSsiService({
    client: fake.client,
    read: async () => ({ settings: { ...state.settings }, apiKey: state.apiKey }),
    cache,
    mayCall,
    now: () => state.now,
    retry: {
      retries: 2,
      baseDelayMs: 100,
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.5,
    },
    onState: (state) => void views.push(state),
    onUpdate: (view) => void updates.push(view),
    onReading: (snapshot) => void readings.push(snapshot),
  });
  return { ...fake, cache, store, state, sleeps, views, updates, readings, mayCall, service };
}

/** Lets every pending promise chain (fake storage, background revalidation) run to its end. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('createSsiService', () => {
  describe('the history', () => {
    it('is told of a good reading once it is in the cache', async () => {
      const h = harness();
      const snapshot = makeSnapshot();
      h.answer(ok(snapshot));

      await h.service.getSsi({ refresh: true });

      expect(h.readings).toEqual([snapshot]);
      expect(h.store.get(DEFAULT_SLOT)?.snapshot).toEqual(snapshot);
    });

    it('is told nothing of a failure, or of an answer for a key replaced meanwhile', async () => {
      const h = harness();
      h.answer(err({ code: 'server', status: 503 }), err({ code: 'server' }), err({ code: 'server' }));
      await h.service.getSsi({ refresh: true });
      expect(h.readings).toEqual([]);

      const pending = h.hold();
      const asked = h.service.getSsi({ refresh: true });
      await settle();
      h.state.apiKey = 'a-new-key-0123';
      pending.resolve(ok(makeSnapshot()));
      await asked;
      expect(h.readings).toEqual([]);
    });
  });

  describe('another account of the key, by ID', () => {
    const GRACE = '6650a1f3c2e4b5d6a7980b2d';
    const ADA = '6650a1f3c2e4b5d6a7980b1c';

    it('is read into its own slot, leaving the selected account and the toolbar untouched', async () => {
      const h = harness();
      const selected = makeSnapshot({ accountId: ADA, overall: 70 });
      h.store.set(DEFAULT_SLOT, { snapshot: selected, lastError: null });
      h.answer(ok(makeSnapshot({ accountId: GRACE, overall: 48 })));

      const ssi = await h.service.getSsi({ accountId: GRACE });

      expect(ssi.snapshot?.overall).toBe(48);
      expect(h.calls[0]?.request).toMatchObject({ accountId: GRACE });
      expect(h.store.get(`${PRODUCTION_API}|${GRACE}`)?.snapshot?.overall).toBe(48);
      expect(h.store.get(DEFAULT_SLOT)?.snapshot).toEqual(selected);
      expect(h.views).toEqual([]);
    });

    it('serves a fresh reading of that account from its slot without a request', async () => {
      const h = harness();
      h.store.set(`${PRODUCTION_API}|${GRACE}`, {
        snapshot: makeSnapshot({ accountId: GRACE, overall: 48 }),
        lastError: null,
      });

      expect((await h.service.getSsi({ accountId: GRACE })).snapshot?.overall).toBe(48);
      expect(h.calls).toEqual([]);
    });

    it('reads the key’s default account, asked by its ID, from the default slot', async () => {
      const h = harness();
      h.store.set(DEFAULT_SLOT, { snapshot: makeSnapshot({ accountId: ADA, overall: 70 }), lastError: null });

      expect((await h.service.getSsi({ accountId: ADA })).snapshot?.overall).toBe(70);
      expect(h.calls).toEqual([]);
      expect(h.store.has(`${PRODUCTION_API}|${ADA}`)).toBe(false);
    });

    it('does not ask again within the cooldown for an account whose entry left the cache', async () => {
      const h = harness();
      h.answer(ok(makeSnapshot({ accountId: GRACE })), ok(makeSnapshot({ accountId: GRACE })));
      await h.service.getSsi({ accountId: GRACE });
      h.store.delete(`${PRODUCTION_API}|${GRACE}`);

      h.state.now = T0 + FAILURE_COOLDOWN_MS - 1;
      expect((await h.service.getSsi({ accountId: GRACE })).snapshot).toBeNull();
      expect(h.calls).toHaveLength(1);

      h.state.now = T0 + FAILURE_COOLDOWN_MS;
      await h.service.getSsi({ accountId: GRACE });
      expect(h.calls).toHaveLength(2);
    });

    it('asks at once for the selected or default account whose entry was emptied (a key saved again)', async () => {
      const h = harness();
      h.answer(ok(makeSnapshot()), ok(makeSnapshot({ overall: 70 })));
      await h.service.getSsi();
      h.store.delete(DEFAULT_SLOT);

      expect((await h.service.getSsi()).snapshot?.overall).toBe(70);
      expect(h.calls).toHaveLength(2);
    });

    it("pauses every account of the API origin when one account's answer is a 429", async () => {
      const h = harness();
      const retryAt = T0 + 30_000;
      h.answer(err({ code: 'rate-limited', status: 429, retryAt }));
      await h.service.getSsi({ accountId: GRACE });

      const other = await h.service.getSsi({ accountId: 'acc_alan', refresh: true });
      expect(other.error).toEqual({ code: 'rate-limited', retryAt });
      expect(h.calls).toHaveLength(1);

      // Another key is another quota.
      h.state.apiKey = OTHER_KEY;
      h.answer(ok(makeSnapshot({ accountId: 'acc_alan' })));
      await h.service.getSsi({ accountId: 'acc_alan' });
      expect(h.calls).toHaveLength(2);
      h.state.apiKey = KEY;

      h.state.now = retryAt;
      h.answer(ok(makeSnapshot({ accountId: 'acc_alan' })));
      h.store.delete(`${PRODUCTION_API}|acc_alan`);
      h.state.now = retryAt + FAILURE_COOLDOWN_MS;
      expect((await h.service.getSsi({ accountId: 'acc_alan' })).snapshot?.accountId).toBe('acc_alan');
      expect(h.calls).toHaveLength(3);
    });

    it('tells the toolbar when the account asked for is the selected one', async () => {
      const h = harness({ settings: { accountId: GRACE } });
      h.answer(ok(makeSnapshot({ accountId: GRACE })));

      await h.service.getSsi({ accountId: GRACE });

      expect(h.views).toHaveLength(1);
    });
  });

  it('works from the settings and key it is given, reading none of its own', async () => {
    const h = harness();
    h.state.apiKey = null;
    const config = { settings: { ...DEFAULT_SETTINGS, apiBaseUrl: SANDBOX_API }, apiKey: 'given-key-0123' };

    h.answer(ok(makeSnapshot()));
    await h.service.getSsi({ refresh: true, config });

    expect(h.calls).toEqual([
      expect.objectContaining({ target: { baseUrl: SANDBOX_API, apiKey: 'given-key-0123' } }),
    ]);
  });

  describe('without an API key', () => {
    it('answers no-key and makes no request', async () => {
      const h = harness();
      h.state.apiKey = null;

      const view = await h.service.getSsi({ refresh: true });

      expect(view.error).toEqual({ code: 'no-key' });
      expect(view.snapshot).toBeNull();
      expect(h.calls).toHaveLength(0);
      expect(h.views).toEqual([view]);
    });

    it('still shows the cached snapshot next to the no-key error', async () => {
      const h = harness();
      h.state.apiKey = null;
      const snapshot = makeSnapshot();
      h.store.set(DEFAULT_SLOT, { snapshot, lastError: null });

      const view = await h.service.getSsi();

      expect(view.snapshot).toEqual(snapshot);
      expect(view.error?.code).toBe('no-key');
      expect(h.calls).toHaveLength(0);
    });
  });

  describe('with an empty cache', () => {
    it('awaits one request, stores the snapshot and returns it', async () => {
      const h = harness();
      const snapshot = makeSnapshot();
      h.answer(ok(snapshot));

      const view = await h.service.getSsi();

      expect(h.calls).toEqual([
        { target: { baseUrl: PRODUCTION_API, apiKey: KEY }, request: { accountId: undefined, debug: false } },
      ]);
      expect(view).toEqual({ snapshot, error: null, errorAt: null, stale: false, refreshing: false });
      expect(h.store.get(DEFAULT_SLOT)).toEqual({ snapshot, lastError: null });
    });

    it('passes the configured account and debug flag to the client', async () => {
      const h = harness({ settings: { accountId: 'acc_123', debug: true } });
      h.answer(ok(makeSnapshot({ accountId: 'acc_123' })));

      await h.service.getSsi();

      expect(h.calls[0]?.request).toEqual({ accountId: 'acc_123', debug: true });
      expect([...h.store.keys()]).toEqual([`${PRODUCTION_API}|acc_123`]);
    });
  });

  describe('freshness', () => {
    it.each([
      { age: 0, label: 'just fetched' },
      { age: 30 * MINUTE, label: 'half the window old' },
      { age: 60 * MINUTE - 1, label: '1 ms before the window ends' },
    ])('serves a reading that is $label from the cache without a request', async ({ age }) => {
      const h = harness();
      const snapshot = makeSnapshot({ fetchedAt: T0 - age });
      h.store.set(DEFAULT_SLOT, { snapshot, lastError: null });

      const view = await h.service.getSsi();

      expect(view).toEqual({ snapshot, error: null, errorAt: null, stale: false, refreshing: false });
      expect(h.calls).toHaveLength(0);
    });

    it('follows the freshnessMinutes setting', async () => {
      const h = harness({ settings: { freshnessMinutes: 5 } });
      h.store.set(DEFAULT_SLOT, { snapshot: makeSnapshot({ fetchedAt: T0 - 5 * MINUTE }), lastError: null });
      const pending = h.hold();

      const view = await h.service.getSsi();

      expect(view.stale).toBe(true);
      expect(h.calls).toHaveLength(1);
      pending.resolve(ok(makeSnapshot()));
      await settle();
    });

    it('serves a stale reading at once and revalidates it once in the background', async () => {
      const h = harness();
      const old = makeSnapshot({ fetchedAt: T0 - 60 * MINUTE, overall: 50 });
      h.store.set(DEFAULT_SLOT, { snapshot: old, lastError: null });
      const pending = h.hold();

      const first = await h.service.getSsi();
      const second = await h.service.getSsi();

      expect(first).toEqual({ snapshot: old, error: null, errorAt: null, stale: true, refreshing: true });
      expect(second.refreshing).toBe(true);
      expect(h.calls).toHaveLength(1);
      expect(h.store.get(DEFAULT_SLOT)?.snapshot).toEqual(old);

      const fresh = makeSnapshot({ overall: 72 });
      pending.resolve(ok(fresh));
      await settle();

      expect(h.calls).toHaveLength(1);
      expect(h.store.get(DEFAULT_SLOT)).toEqual({ snapshot: fresh, lastError: null });
      expect(h.views.at(-1)).toEqual({
        snapshot: fresh,
        error: null,
        errorAt: null,
        stale: false,
        refreshing: false,
      });
    });

    it('asks again on refresh even when the reading is fresh', async () => {
      const h = harness();
      h.store.set(DEFAULT_SLOT, { snapshot: makeSnapshot({ overall: 50 }), lastError: null });
      const fresh = makeSnapshot({ overall: 55, fetchedAt: T0 + 1 });
      h.answer(ok(fresh));

      const view = await h.service.getSsi({ refresh: true });

      expect(h.calls).toHaveLength(1);
      expect(view.snapshot).toEqual(fresh);
      expect(h.store.get(DEFAULT_SLOT)?.snapshot).toEqual(fresh);
    });
  });

  describe('coalescing', () => {
    it('makes one request for concurrent callers of the same account and gives all the same view', async () => {
      const h = harness();
      const pending = h.hold();

      const callers = [h.service.getSsi(), h.service.getSsi({ refresh: true }), h.service.getSsi()];
      await settle();
      expect(h.calls).toHaveLength(1);

      const snapshot = makeSnapshot();
      pending.resolve(ok(snapshot));
      const views = await Promise.all(callers);

      expect(h.calls).toHaveLength(1);
      for (const view of views) expect(view).toEqual(views[0]);
      expect(views[0]?.snapshot).toEqual(snapshot);
    });

    it('asks again once the coalesced request has finished', async () => {
      const h = harness();
      h.answer(ok(makeSnapshot()), ok(makeSnapshot({ overall: 80 })));

      await Promise.all([h.service.getSsi(), h.service.getSsi()]);
      const view = await h.service.getSsi({ refresh: true });

      expect(h.calls).toHaveLength(2);
      expect(view.snapshot?.overall).toBe(80);
    });

    it('keeps a separate cache slot and request for another account', async () => {
      const h = harness({ settings: { accountId: 'acc_one' } });
      const first = h.hold();
      const a = h.service.getSsi();
      h.state.settings = { ...h.state.settings, accountId: 'acc_two' };
      const second = h.hold();
      const b = h.service.getSsi();
      await settle();

      expect(h.calls.map((call) => call.request?.accountId)).toEqual(['acc_one', 'acc_two']);

      first.resolve(ok(makeSnapshot({ accountId: 'acc_one', overall: 40 })));
      second.resolve(ok(makeSnapshot({ accountId: 'acc_two', overall: 90 })));
      const [viewA, viewB] = await Promise.all([a, b]);

      expect(viewA.snapshot?.overall).toBe(40);
      expect(viewB.snapshot?.overall).toBe(90);
      expect(h.store.get(`${PRODUCTION_API}|acc_one`)?.snapshot?.overall).toBe(40);
      expect(h.store.get(`${PRODUCTION_API}|acc_two`)?.snapshot?.overall).toBe(90);
    });
  });

  describe('failures', () => {
    it.each<{ label: string; error: SsiError }>([
      { label: '5xx', error: { code: 'server', status: 503 } },
      { label: 'offline', error: { code: 'offline' } },
      { label: 'network', error: { code: 'network' } },
      { label: 'malformed', error: { code: 'malformed', detail: 'overall: expected number' } },
      { label: 'unauthorized', error: { code: 'unauthorized', status: 401 } },
    ])('a $label failure keeps the last good snapshot and records the error', async ({ error }) => {
      const h = harness();
      const good = makeSnapshot({ fetchedAt: T0 - 2 * 60 * MINUTE });
      h.store.set(DEFAULT_SLOT, { snapshot: good, lastError: null });
      h.answer(err(error), err(error), err(error));

      const view = await h.service.getSsi({ refresh: true });

      expect(view.snapshot).toEqual(good);
      expect(view.error).toEqual(error);
      expect(view.errorAt).toBe(T0);
      expect(view.stale).toBe(true);
      expect(h.store.get(DEFAULT_SLOT)).toEqual({ snapshot: good, lastError: { error, at: T0 } });
    });

    it('a success after a failure clears the recorded error', async () => {
      const h = harness();
      h.store.set(DEFAULT_SLOT, {
        snapshot: makeSnapshot({ overall: 50 }),
        lastError: { error: { code: 'offline' }, at: T0 - 5 * MINUTE },
      });
      const fresh = makeSnapshot({ overall: 51 });
      h.answer(ok(fresh));

      const view = await h.service.getSsi({ refresh: true });

      expect(view.error).toBeNull();
      expect(h.store.get(DEFAULT_SLOT)).toEqual({ snapshot: fresh, lastError: null });
    });

    it.each([
      { label: 'with a stale snapshot', snapshot: makeSnapshot({ fetchedAt: T0 - 2 * 60 * MINUTE }) },
      { label: 'with no snapshot', snapshot: null },
    ])('does not ask again automatically within the cooldown ($label)', async ({ snapshot }) => {
      const h = harness();
      const error: SsiError = { code: 'server', status: 502 };
      h.store.set(DEFAULT_SLOT, { snapshot, lastError: { error, at: T0 } });
      h.state.now = T0 + FAILURE_COOLDOWN_MS - 1;

      const view = await h.service.getSsi();

      expect(h.calls).toHaveLength(0);
      expect(view.error).toEqual(error);
      expect(view.snapshot).toEqual(snapshot);
      expect(view.refreshing).toBe(false);
    });

    it('asks again within the cooldown when the user refreshes', async () => {
      const h = harness();
      h.store.set(DEFAULT_SLOT, { snapshot: null, lastError: { error: { code: 'network' }, at: T0 } });
      h.state.now = T0 + 1_000;
      const snapshot = makeSnapshot({ fetchedAt: T0 + 1_000 });
      h.answer(ok(snapshot));

      const view = await h.service.getSsi({ refresh: true });

      expect(h.calls).toHaveLength(1);
      expect(view.snapshot).toEqual(snapshot);
      expect(view.error).toBeNull();
    });

    it('asks again automatically once the cooldown has passed', async () => {
      const h = harness();
      h.store.set(DEFAULT_SLOT, { snapshot: null, lastError: { error: { code: 'network' }, at: T0 } });
      h.state.now = T0 + FAILURE_COOLDOWN_MS;
      h.answer(ok(makeSnapshot({ fetchedAt: h.state.now })));

      const view = await h.service.getSsi();

      expect(h.calls).toHaveLength(1);
      expect(view.error).toBeNull();
    });

    it('makes no request while rate-limited, even on refresh, until retryAt has passed', async () => {
      const h = harness();
      const retryAt = T0 + 5 * MINUTE;
      const limited: SsiError = { code: 'rate-limited', status: 429, retryAt };
      const good = makeSnapshot({ fetchedAt: T0 - 2 * 60 * MINUTE });
      h.store.set(DEFAULT_SLOT, { snapshot: good, lastError: { error: limited, at: T0 } });

      for (const now of [T0, T0 + 2 * MINUTE, retryAt - 1]) {
        h.state.now = now;
        const view = await h.service.getSsi({ refresh: true });
        expect(view.error).toEqual(limited);
        expect(view.snapshot).toEqual(good);
      }
      expect(h.calls).toHaveLength(0);

      h.state.now = retryAt + 1;
      h.answer(ok(makeSnapshot({ fetchedAt: retryAt + 1 })));
      const view = await h.service.getSsi({ refresh: true });

      expect(h.calls).toHaveLength(1);
      expect(view.error).toBeNull();
    });
  });

  describe('retries', () => {
    it.each<{ code: SsiErrorCode; calls: number }>([
      { code: 'network', calls: 3 },
      { code: 'server', calls: 3 },
      { code: 'session-expired', calls: 3 },
      { code: 'unauthorized', calls: 1 },
      { code: 'forbidden', calls: 1 },
      { code: 'bad-request', calls: 1 },
      { code: 'timeout', calls: 1 },
      { code: 'rate-limited', calls: 1 },
    ])('a persistent $code failure is tried $calls time(s) in all', async ({ code, calls }) => {
      const h = harness();
      h.answer(err({ code }), err({ code }), err({ code }), err({ code }));

      const view = await h.service.getSsi();

      expect(h.calls).toHaveLength(calls);
      expect(h.sleeps).toHaveLength(calls - 1);
      expect(view.error?.code).toBe(code);
    });

    it('waits with a growing backoff between retries', async () => {
      const h = harness();
      h.answer(err({ code: 'network' }), err({ code: 'network' }), err({ code: 'network' }));

      await h.service.getSsi();

      expect(h.sleeps).toEqual([100, 200]);
    });

    it('stores the snapshot when a retry succeeds', async () => {
      const h = harness();
      const snapshot = makeSnapshot();
      h.answer(err({ code: 'server', status: 500 }), ok(snapshot));

      const view = await h.service.getSsi();

      expect(h.calls).toHaveLength(2);
      expect(view.snapshot).toEqual(snapshot);
      expect(view.error).toBeNull();
      expect(h.store.get(DEFAULT_SLOT)).toEqual({ snapshot, lastError: null });
    });
  });

  describe('host permissions', () => {
    it('answers permission-missing for an origin it may not call, and makes no request', async () => {
      const h = harness({ settings: { apiBaseUrl: 'https://proxy.example.com' }, mayCall: false });

      const view = await h.service.getSsi({ refresh: true });

      expect(view.error?.code).toBe('permission-missing');
      expect(h.calls).toHaveLength(0);
      expect(h.mayCall).toHaveBeenCalledWith('https://proxy.example.com');
    });

    it('calls the origin once it may', async () => {
      const h = harness({ settings: { apiBaseUrl: 'https://proxy.example.com' }, mayCall: true });
      h.answer(ok(makeSnapshot()));

      const view = await h.service.getSsi();

      expect(view.error).toBeNull();
      expect(h.mayCall).toHaveBeenCalledWith('https://proxy.example.com');
      expect(h.calls[0]?.target.baseUrl).toBe('https://proxy.example.com');
    });
  });

  describe('robustness', () => {
    it('does not write an answer that arrives after the key was changed', async () => {
      const h = harness();
      const old: CacheEntry = { snapshot: makeSnapshot({ overall: 50 }), lastError: null };
      h.store.set(DEFAULT_SLOT, old);
      const pending = h.hold();

      const request = h.service.getSsi({ refresh: true });
      await settle();
      expect(h.calls[0]?.target.apiKey).toBe(KEY);
      h.state.apiKey = OTHER_KEY;
      pending.resolve(ok(makeSnapshot({ overall: 99 })));
      const view = await request;

      expect(h.store.get(DEFAULT_SLOT)).toEqual(old);
      expect(view.snapshot?.overall).toBe(50);
    });

    it('compares the key as the answer is written, not before it waits for its turn', async () => {
      const h = harness();
      const old: CacheEntry = { snapshot: makeSnapshot({ overall: 50 }), lastError: null };
      h.store.set(DEFAULT_SLOT, old);
      const write = h.cache.write;
      // The key is saved while this answer waits for its turn to write (storage-writers.ts).
      h.cache.write = async (key, entry, stillValid) => {
        h.state.apiKey = OTHER_KEY;
        return write(key, entry, stillValid);
      };
      h.answer(ok(makeSnapshot({ overall: 99 })));

      const view = await h.service.getSsi({ refresh: true });

      expect(h.store.get(DEFAULT_SLOT)).toEqual(old);
      expect(view.snapshot?.overall).toBe(50);
      expect(h.updates).toHaveLength(0);
    });

    it('does not record a failure that arrives after the key was removed', async () => {
      const h = harness();
      const pending = h.hold();

      const request = h.service.getSsi();
      await settle();
      h.state.apiKey = null;
      pending.resolve(err({ code: 'unauthorized', status: 401 }));
      await request;

      expect(h.store.has(DEFAULT_SLOT)).toBe(false);
    });

    it('turns a client that rejects into an internal error, never a rejection', async () => {
      const h = harness();
      h.answer(new Error('boom'));

      const view = await h.service.getSsi();

      expect(view.error?.code).toBe('internal');
      expect(view.snapshot).toBeNull();
    });

    it('answers internal, never a rejection, when storage fails under it', async () => {
      const h = harness();
      h.cache.read = () => Promise.reject(new Error('storage is gone'));

      const view = await h.service.getSsi();

      expect(view.error?.code).toBe('internal');
      expect(h.calls).toHaveLength(0);
    });

    it('keeps the snapshot when a background revalidation rejects, and reports internal through onState', async () => {
      const h = harness();
      const old = makeSnapshot({ fetchedAt: T0 - 2 * 60 * MINUTE });
      h.store.set(DEFAULT_SLOT, { snapshot: old, lastError: null });
      h.answer(new Error('boom'));

      const view = await h.service.getSsi();
      await settle();

      expect(view.refreshing).toBe(true);
      expect(h.views.at(-1)?.error?.code).toBe('internal');
      expect(h.views.at(-1)?.snapshot).toEqual(old);
      expect(h.store.get(DEFAULT_SLOT)?.snapshot).toEqual(old);
    });
  });

  describe('onUpdate', () => {
    it('is told once with the written view when a request succeeds', async () => {
      const h = harness();
      const snapshot = makeSnapshot();
      h.answer(ok(snapshot));

      const view = await h.service.getSsi();

      expect(h.updates).toEqual([view]);
      expect(h.updates[0]?.snapshot).toEqual(snapshot);
    });

    it('is told when a failure is recorded', async () => {
      const h = harness();
      h.answer(err({ code: 'unauthorized', status: 401 }));

      await h.service.getSsi();

      expect(h.updates).toHaveLength(1);
      expect(h.updates[0]?.error?.code).toBe('unauthorized');
    });

    it('is told when a background revalidation lands', async () => {
      const h = harness();
      h.store.set(DEFAULT_SLOT, {
        snapshot: makeSnapshot({ fetchedAt: T0 - 2 * 60 * MINUTE }),
        lastError: null,
      });
      const pending = h.hold();

      await h.service.getSsi();
      expect(h.updates).toHaveLength(0);
      pending.resolve(ok(makeSnapshot({ overall: 88 })));
      await settle();

      expect(h.updates).toHaveLength(1);
      expect(h.updates[0]?.snapshot?.overall).toBe(88);
    });

    it('is not told when nothing was written', async () => {
      const h = harness();
      h.store.set(DEFAULT_SLOT, { snapshot: makeSnapshot(), lastError: null });

      await h.service.getSsi();
      h.state.apiKey = null;
      await h.service.getSsi({ refresh: true });

      expect(h.updates).toHaveLength(0);
    });

    it('is not told when a failure is recorded again with the same code and words', async () => {
      const h = harness();
      h.answer(err({ code: 'unauthorized', status: 401 }), err({ code: 'unauthorized', status: 401 }));

      await h.service.getSsi();
      h.state.now = T0 + FAILURE_COOLDOWN_MS;
      const again = await h.service.getSsi();

      expect(h.calls).toHaveLength(2);
      expect(h.store.get(DEFAULT_SLOT)?.lastError).toEqual({
        error: { code: 'unauthorized', status: 401 },
        at: T0 + FAILURE_COOLDOWN_MS,
      });
      expect(again.errorAt).toBe(T0 + FAILURE_COOLDOWN_MS);
      expect(h.updates).toHaveLength(1);
    });

    it.each<{ label: string; second: SsiError }>([
      { label: 'another code', second: { code: 'forbidden', status: 403 } },
      { label: 'other server words', second: { code: 'api-error', serverMessage: 'Account paused' } },
      {
        label: 'another "try again after" time',
        second: { code: 'rate-limited', status: 429, retryAt: T0 + 40 * MINUTE },
      },
    ])('is told when a failure changes what pages show: $label', async ({ second }) => {
      const h = harness();
      const first: SsiError =
        second.code === 'rate-limited'
          ? { code: 'rate-limited', status: 429, retryAt: T0 + 10 * MINUTE }
          : { code: 'api-error', serverMessage: 'Account disconnected' };
      h.answer(err(first), err(second));

      await h.service.getSsi();
      h.state.now = T0 + 20 * MINUTE;
      await h.service.getSsi();

      expect(h.updates.map((view) => view.error)).toEqual([first, second]);
    });

    it('is not told about an answer dropped because the key changed', async () => {
      const h = harness();
      const pending = h.hold();

      const request = h.service.getSsi();
      await settle();
      h.state.apiKey = OTHER_KEY;
      pending.resolve(ok(makeSnapshot()));
      await request;

      expect(h.updates).toHaveLength(0);
    });
  });

  describe('what the review found', () => {
    it('a 429 that storage refused to keep still pauses requests, forced ones too', async () => {
      const h = harness();
      h.cache.write = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
      h.answer(err({ code: 'rate-limited', status: 429, retryAt: T0 + 5 * MINUTE }));

      await h.service.getSsi();
      h.state.now = T0 + 2 * MINUTE;
      const view = await h.service.getSsi({ refresh: true });

      expect(h.calls).toHaveLength(1);
      expect(view.snapshot).toBeNull();
    });

    it('a refused cache write tells no tab to ask again, and automatic asks wait out the cooldown', async () => {
      const h = harness();
      h.cache.write = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
      h.answer(ok(makeSnapshot()));

      const first = await h.service.getSsi();
      const second = await h.service.getSsi();

      expect(first.error?.code).toBe('storage-failed');
      expect(first.snapshot).not.toBeNull();
      expect(h.updates).toHaveLength(0);
      expect(second.error).toBeNull();
      expect(h.calls).toHaveLength(1);
    });

    it('callers after a key change do not join the request made with the old key', async () => {
      const h = harness();
      const old = h.hold();
      const before = h.service.getSsi();
      await settle();
      expect(h.calls).toHaveLength(1);
      h.state.apiKey = 'sk_new_key_123456';
      h.answer(ok(makeSnapshot({ overall: 71 })));

      const after = await h.service.getSsi();
      old.resolve(ok(makeSnapshot({ overall: 10 })));
      await before;

      expect(h.calls).toHaveLength(2);
      expect(h.calls[1]?.target.apiKey).toBe('sk_new_key_123456');
      expect(after.snapshot?.overall).toBe(71);
    });

    it.each(SSI_ERROR_CODES.filter((code) => code !== 'no-key').map((code) => ({ code })))(
      'after a $code failure, automatic asks wait out the cooldown; the user need not',
      async ({ code }) => {
        const origin = 'https://proxy.example.com';
        // The permission is there, but for the permission-missing case.
        const h = harness({ settings: { apiBaseUrl: origin }, mayCall: code !== 'permission-missing' });
        const stored: CacheEntry = { snapshot: null, lastError: { error: { code }, at: T0 } };
        h.store.set(`${origin}|default`, stored);

        for (const now of [T0, T0 + 1, T0 + FAILURE_COOLDOWN_MS - 1]) {
          h.state.now = now;
          expect((await h.service.getSsi()).error).toEqual({ code });
        }
        expect(h.calls).toHaveLength(0);
        expect(h.store.get(`${origin}|default`)).toEqual(stored);
        expect(h.updates).toHaveLength(0);

        h.mayCall.mockResolvedValue(true);
        h.answer(ok(makeSnapshot()));
        expect((await h.service.getSsi({ refresh: true })).error).toBeNull();
        expect(h.calls).toHaveLength(1);
      },
    );

    it('a missing permission, still missing, is not asked again within the cooldown', async () => {
      const h = harness({ settings: { apiBaseUrl: 'https://proxy.example.com' }, mayCall: false });

      await h.service.getSsi();
      const writes = h.store.get('https://proxy.example.com|default');
      for (let i = 0; i < 5; i++) await h.service.getSsi();

      expect(h.updates).toHaveLength(1);
      expect(h.store.get('https://proxy.example.com|default')).toEqual(writes);
    });

    it('a missing permission is tried again as soon as it is granted, without the cooldown', async () => {
      const h = harness({ settings: { apiBaseUrl: 'https://proxy.example.com' }, mayCall: false });
      const refused = await h.service.getSsi();
      expect(refused.error?.code).toBe('permission-missing');

      h.mayCall.mockResolvedValue(true);
      h.answer(ok(makeSnapshot()));
      const granted = await h.service.getSsi();

      expect(granted.error).toBeNull();
      expect(h.calls).toHaveLength(1);
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { CacheEntry } from '@/utils/api-cache';
import { describeLocally, LOCAL_DESCRIPTIONS, type ErrorDescription, type SsiError } from '@/utils/errors';
import { PILLAR_IDS, type SsiSnapshot } from '@/utils/ssi/model';
import type { DescribedSsiState } from '@/utils/messaging/protocol';
import { initialPopupState, isRefreshing, popupReducer, shownProblem, type PopupState } from './state';

const T0 = Date.parse('2026-03-14T09:00:00.000Z');
const MINUTE = 60_000;
const FRESHNESS = 60;
const SERVER_PROBLEM: ErrorDescription = {
  title: 'Trouble',
  message: 'Try again in a few minutes.',
  action: 'retry',
};

function makeSnapshot(overrides: Partial<SsiSnapshot> = {}): SsiSnapshot {
  return {
    accountId: null,
    overall: 67.41,
    pillars: PILLAR_IDS.map((id) => ({ id, score: 16, industryAverage: 12, networkAverage: 13 })),
    industry: null,
    network: null,
    profileUrn: null,
    activeSeat: null,
    fetchedAt: T0,
    ...overrides,
  };
}

function ssi(overrides: Partial<DescribedSsiState> = {}): DescribedSsiState {
  return {
    snapshot: null,
    error: null,
    errorAt: null,
    stale: false,
    refreshing: false,
    problem: null,
    ...overrides,
  };
}

function stateWith(
  snapshot: SsiSnapshot | null,
  overrides: Partial<DescribedSsiState> = {},
  now = T0,
): PopupState {
  return {
    ssi: ssi({ snapshot, ...overrides }),
    loading: false,
    refreshesPending: 0,
    freshnessMinutes: FRESHNESS,
    now,
    online: true,
  };
}

describe('initialPopupState', () => {
  it('paints a warm cache at once and marks a request as under way', () => {
    const snapshot = makeSnapshot({ fetchedAt: T0 - 5 * MINUTE });

    const state = initialPopupState({ snapshot, lastError: null }, FRESHNESS, T0);

    expect(state).toEqual({
      ssi: ssi({ snapshot }),
      loading: true,
      refreshesPending: 0,
      freshnessMinutes: FRESHNESS,
      now: T0,
      online: true,
    });
  });

  it('marks an old cached reading as stale', () => {
    const state = initialPopupState(
      { snapshot: makeSnapshot({ fetchedAt: T0 - FRESHNESS * MINUTE }), lastError: null },
      FRESHNESS,
      T0,
    );

    expect(state.ssi?.stale).toBe(true);
  });

  it('carries a cached failure into the first paint', () => {
    const error: SsiError = { code: 'server', status: 502 };

    const state = initialPopupState({ snapshot: null, lastError: { error, at: T0 - MINUTE } }, FRESHNESS, T0);

    expect(state.ssi).toMatchObject({ error, errorAt: T0 - MINUTE, snapshot: null });
  });

  it('has no ssi and is loading with a cold cache', () => {
    expect(initialPopupState(null, FRESHNESS, T0)).toMatchObject({ ssi: null, loading: true });
  });
});

describe('popupReducer', () => {
  it('request-started sets loading and keeps the ssi', () => {
    const before = stateWith(makeSnapshot());

    const after = popupReducer(before, { type: 'request-started', refresh: false });

    expect(after).toEqual({ ...before, loading: true });
  });

  it('says "refreshing" for a refresh the user asked for, not for the check on opening', () => {
    const opened = popupReducer(stateWith(makeSnapshot()), { type: 'request-started', refresh: false });
    expect(isRefreshing(opened)).toBe(false);

    const asked = popupReducer(opened, { type: 'request-started', refresh: true });
    expect(isRefreshing(asked)).toBe(true);
    // A check that starts while the refresh runs does not hide it.
    expect(isRefreshing(popupReducer(asked, { type: 'request-started', refresh: false }))).toBe(true);

    const done = popupReducer(asked, {
      type: 'state-received',
      ssi: ssi({ snapshot: makeSnapshot() }),
      refresh: true,
    });
    expect(isRefreshing(done)).toBe(false);
    const failed = popupReducer(asked, {
      type: 'request-failed',
      error: { code: 'internal' },
      refresh: true,
    });
    expect(isRefreshing(failed)).toBe(false);
  });

  it('keeps saying "refreshing" when the check made on opening answers before the refresh', () => {
    const opened = popupReducer(stateWith(makeSnapshot()), { type: 'request-started', refresh: false });
    const asked = popupReducer(opened, { type: 'request-started', refresh: true });

    const checked = popupReducer(asked, { type: 'state-received', ssi: ssi({ snapshot: makeSnapshot() }) });
    expect(isRefreshing(checked)).toBe(true);
    const checkFailed = popupReducer(asked, { type: 'request-failed', error: { code: 'internal' } });
    expect(isRefreshing(checkFailed)).toBe(true);

    const refreshed = popupReducer(checked, {
      type: 'state-received',
      ssi: ssi({ snapshot: makeSnapshot() }),
      refresh: true,
    });
    expect(isRefreshing(refreshed)).toBe(false);
  });

  it('says "refreshing" while the worker revalidates in the background', () => {
    expect(isRefreshing(stateWith(makeSnapshot(), { refreshing: true }))).toBe(true);
    expect(isRefreshing(stateWith(makeSnapshot(), { refreshing: false }))).toBe(false);
  });

  it('ssi-received replaces the ssi and ends loading', () => {
    const before = {
      ...stateWith(makeSnapshot({ overall: 50 }), { error: { code: 'offline' } }),
      loading: true,
    };
    const received = ssi({ snapshot: makeSnapshot({ overall: 72 }) });

    const after = popupReducer(before, { type: 'state-received', ssi: received });

    expect(after.ssi).toEqual(received);
    expect(after.loading).toBe(false);
  });

  it('request-failed keeps the snapshot on screen and shows the error', () => {
    const snapshot = makeSnapshot();
    const before = { ...stateWith(snapshot, { refreshing: true }, T0 + MINUTE), loading: true };
    const error: SsiError = { code: 'internal', detail: 'the service worker could not be reached' };

    const after = popupReducer(before, { type: 'request-failed', error });

    expect(after.loading).toBe(false);
    expect(after.ssi).toEqual(
      ssi({ snapshot, error, errorAt: T0 + MINUTE, refreshing: false, problem: describeLocally(error) }),
    );
  });

  it('request-failed with nothing on screen shows the error alone', () => {
    const before = initialPopupState(null, FRESHNESS, T0);

    const after = popupReducer(before, { type: 'request-failed', error: { code: 'internal' } });

    expect(after.ssi).toEqual(
      ssi({ error: { code: 'internal' }, errorAt: T0, problem: LOCAL_DESCRIPTIONS.internal }),
    );
  });

  it('cache-changed with a newer snapshot takes it and clears the error', () => {
    const before = stateWith(makeSnapshot({ overall: 50, fetchedAt: T0 - 2 * FRESHNESS * MINUTE }), {
      error: { code: 'network' },
      errorAt: T0 - MINUTE,
      stale: true,
    });
    const fresh = makeSnapshot({ overall: 55, fetchedAt: T0 });

    const after = popupReducer(before, {
      type: 'cache-changed',
      entry: { snapshot: fresh, lastError: null },
    });

    expect(after.ssi).toEqual(ssi({ snapshot: fresh }));
  });

  it('cache-changed with a failure keeps the old snapshot and shows the error', () => {
    const old = makeSnapshot({ overall: 50 });
    const before = stateWith(old);
    const error: SsiError = { code: 'server', status: 503 };
    const entry: CacheEntry = { snapshot: old, lastError: { error, at: T0 } };

    const after = popupReducer(before, { type: 'cache-changed', entry });

    expect(after.ssi).toEqual(ssi({ snapshot: old, error, errorAt: T0 }));
  });

  it('cache-changed with a failure and no snapshot keeps the snapshot on screen', () => {
    const old = makeSnapshot({ overall: 50 });
    const error: SsiError = { code: 'unauthorized', status: 401 };

    const after = popupReducer(stateWith(old), {
      type: 'cache-changed',
      entry: { snapshot: null, lastError: { error, at: T0 } },
    });

    expect(after.ssi?.snapshot).toEqual(old);
    expect(after.ssi?.error).toEqual(error);
  });

  it('cache-changed with a failure keeps saying that the kept snapshot is out of date', () => {
    const old = makeSnapshot({ overall: 50, fetchedAt: T0 - 2 * FRESHNESS * MINUTE });
    const before = stateWith(old, { stale: true });

    const after = popupReducer(before, {
      type: 'cache-changed',
      entry: { snapshot: null, lastError: { error: { code: 'server', status: 503 }, at: T0 } },
    });

    expect(after.ssi?.snapshot).toEqual(old);
    expect(after.ssi?.stale).toBe(true);
  });

  it('cache-changed with no entry for this account changes nothing', () => {
    const before = stateWith(makeSnapshot());

    expect(popupReducer(before, { type: 'cache-changed', entry: null })).toBe(before);
  });

  it('cache-changed keeps a no-key error until a snapshot arrives', () => {
    const before = stateWith(null, { error: { code: 'no-key' } });
    const fresh = makeSnapshot();

    const stillNoKey = popupReducer(before, {
      type: 'cache-changed',
      entry: { snapshot: null, lastError: null },
    });
    const withData = popupReducer(before, {
      type: 'cache-changed',
      entry: { snapshot: fresh, lastError: null },
    });

    expect(stillNoKey.ssi?.error).toEqual({ code: 'no-key' });
    expect(withData.ssi?.error).toBeNull();
    expect(withData.ssi?.snapshot).toEqual(fresh);
  });

  it.each([
    { age: FRESHNESS * MINUTE - 1, stale: false },
    { age: FRESHNESS * MINUTE, stale: true },
    { age: 3 * FRESHNESS * MINUTE, stale: true },
  ])('tick at $age ms after the reading sets stale to $stale', ({ age, stale }) => {
    const before = stateWith(makeSnapshot({ fetchedAt: T0 }));

    const after = popupReducer(before, { type: 'tick', now: T0 + age });

    expect(after.now).toBe(T0 + age);
    expect(after.ssi?.stale).toBe(stale);
    expect(after.ssi?.snapshot).toEqual(before.ssi?.snapshot);
  });

  it('tick without a snapshot is never stale', () => {
    const after = popupReducer(stateWith(null, { error: { code: 'offline' } }), {
      type: 'tick',
      now: T0 + 10 * FRESHNESS * MINUTE,
    });

    expect(after.ssi?.stale).toBe(false);
    expect(after.ssi?.error).toEqual({ code: 'offline' });
  });

  it('tick with no ssi keeps no ssi', () => {
    expect(
      popupReducer(initialPopupState(null, FRESHNESS, T0), { type: 'tick', now: T0 + 1 }).ssi,
    ).toBeNull();
  });
});

describe('connectivity', () => {
  it('shows the cached score as offline while the browser is offline, whatever the last error', () => {
    const state = stateWith(makeSnapshot(), {
      error: { code: 'server', status: 503 },
      problem: SERVER_PROBLEM,
    });
    const offline = popupReducer(state, { type: 'connectivity', online: false });

    expect(shownProblem(offline)).toEqual({ code: 'offline', problem: LOCAL_DESCRIPTIONS.offline });
    expect(offline.ssi?.snapshot).toEqual(state.ssi?.snapshot);
  });

  it('goes back to the last real error once online', () => {
    const state = popupReducer(
      stateWith(makeSnapshot(), { error: { code: 'server', status: 503 }, problem: SERVER_PROBLEM }),
      { type: 'connectivity', online: false },
    );

    expect(shownProblem(popupReducer(state, { type: 'connectivity', online: true }))).toEqual({
      code: 'server',
      problem: SERVER_PROBLEM,
    });
  });

  it('starts offline when the browser already is', () => {
    expect(shownProblem(initialPopupState(null, FRESHNESS, T0, false))).toEqual({
      code: 'offline',
      problem: LOCAL_DESCRIPTIONS.offline,
    });
  });

  it('shows nothing for a cached error until the worker has put it in words', () => {
    const cached = initialPopupState(
      { snapshot: null, lastError: { error: { code: 'server' }, at: T0 } },
      FRESHNESS,
      T0,
    );
    expect(cached.ssi?.error).toEqual({ code: 'server' });
    expect(shownProblem(cached)).toBeNull();
  });
});

describe('ssi-received after a failure', () => {
  it('keeps the score on screen when the worker answers with an error and no data', () => {
    const shown = makeSnapshot({ overall: 58 });
    const failed = ssi({ error: { code: 'storage-failed' }, problem: SERVER_PROBLEM });

    const after = popupReducer(stateWith(shown), { type: 'state-received', ssi: failed });

    expect(after.ssi?.snapshot).toEqual(shown);
    expect(after.ssi?.error).toEqual({ code: 'storage-failed' });
  });

  it('drops the score when the key was removed: it belonged to that key', () => {
    const after = popupReducer(stateWith(makeSnapshot()), {
      type: 'state-received',
      ssi: ssi({ error: { code: 'no-key' }, problem: SERVER_PROBLEM }),
    });

    expect(after.ssi?.snapshot).toBeNull();
  });
});

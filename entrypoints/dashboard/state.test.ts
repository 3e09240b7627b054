import { describe, expect, it } from 'vitest';
import { LOCAL_DESCRIPTIONS, type ErrorDescription } from '@/utils/errors';
import { makeSnapshot } from '@/utils/testing/snapshot';
import { describedState as ssi } from '@/utils/testing/ssi-state';
import {
  dashboardReducer,
  initialDashboardState,
  isLoading,
  isRefreshing,
  shownProblem,
  todaySnapshot,
  type DashboardState,
} from './state';
import type { DashboardStored } from './stored';

const T0 = Date.parse('2026-12-02T09:00:00Z');
const PROBLEM: ErrorDescription = { title: 'Trouble', message: 'Try again later.', action: 'retry' };

function stored(overrides: Partial<DashboardStored> = {}): DashboardStored {
  return { accountId: 'acc-1', accountName: null, entry: null, days: [], goal: null, ...overrides };
}

const run = (...actions: Parameters<typeof dashboardReducer>[1][]) =>
  actions.reduce<DashboardState>(dashboardReducer, initialDashboardState);

describe('dashboardReducer', () => {
  it('is loading until storage or the worker has said something', () => {
    expect(isLoading(initialDashboardState)).toBe(true);
    expect(isLoading(run({ type: 'stored-read', stored: stored() }))).toBe(false);
    const asking = run(
      { type: 'stored-read', stored: stored() },
      { type: 'request-started', refresh: false },
    );
    expect(isLoading(asking)).toBe(true);
    expect(
      isLoading(
        dashboardReducer(asking, {
          type: 'state-received',
          ssi: ssi({ snapshot: makeSnapshot() }),
          refresh: false,
        }),
      ),
    ).toBe(false);
  });

  it('says "refreshing" for the refresh the user asked for until it answers, not for the check on opening', () => {
    const opened = run({ type: 'request-started', refresh: false });
    expect(isRefreshing(opened)).toBe(false);
    const asked = dashboardReducer(opened, { type: 'request-started', refresh: true });
    expect(isRefreshing(asked)).toBe(true);
    const checked = dashboardReducer(asked, { type: 'state-received', ssi: ssi(), refresh: false });
    expect(isRefreshing(checked)).toBe(true);
    expect(
      isRefreshing(
        dashboardReducer(checked, { type: 'request-failed', error: { code: 'internal' }, refresh: true }),
      ),
    ).toBe(false);
    // The worker revalidating a stale reading is a refresh too.
    expect(
      isRefreshing(run({ type: 'state-received', ssi: ssi({ refreshing: true }), refresh: false })),
    ).toBe(true);
  });

  it("puts a failure to reach the worker in the page's own words and keeps the reading on screen", () => {
    const reading = makeSnapshot();
    const state = run(
      { type: 'state-received', ssi: ssi({ snapshot: reading }), refresh: false },
      { type: 'request-started', refresh: true },
      { type: 'request-failed', error: { code: 'internal' }, refresh: true },
    );
    expect(todaySnapshot(state)).toBe(reading);
    expect(shownProblem(state)).toEqual({ code: 'internal', problem: LOCAL_DESCRIPTIONS.internal });
  });
});

describe('todaySnapshot', () => {
  const older = makeSnapshot({ overall: 60, fetchedAt: T0 });
  const newer = makeSnapshot({ overall: 62, fetchedAt: T0 + 60_000 });

  it.each([
    ['the cache', newer, older],
    ["the worker's answer", older, newer],
  ])('shows the newer reading when it is in %s', (_, cached, answered) => {
    const state = run(
      { type: 'stored-read', stored: stored({ entry: { snapshot: cached, lastError: null } }) },
      { type: 'state-received', ssi: ssi({ snapshot: answered }), refresh: false },
    );
    expect(todaySnapshot(state)).toBe(newer);
  });

  it('keeps the cached reading when the worker answers with a failure, but not once the key is removed', () => {
    const cached = {
      type: 'stored-read',
      stored: stored({ entry: { snapshot: older, lastError: null } }),
    } as const;
    const failed = run(cached, {
      type: 'state-received',
      ssi: ssi({ error: { code: 'server', status: 503 }, problem: PROBLEM }),
      refresh: false,
    });
    expect(todaySnapshot(failed)).toBe(older);
    expect(shownProblem(failed)).toEqual({ code: 'server', problem: PROBLEM });

    const noKey = run(cached, {
      type: 'state-received',
      ssi: ssi({ error: { code: 'no-key' }, problem: PROBLEM }),
      refresh: false,
    });
    expect(todaySnapshot(noKey)).toBeNull();
  });
});

/**
 * The dashboard's state and the one reducer that changes it: what storage holds (read by the
 * page itself) and what the service worker last said of the current reading.
 */
import { describeLocally, type ErrorDescription, type SsiError } from '@/utils/errors';
import type { DescribedSsiState } from '@/utils/messaging/protocol';
import type { SsiSnapshot } from '@/utils/ssi/model';
import type { DashboardStored } from './stored';

export interface DashboardState {
  /** What storage holds; null until the first read. */
  stored: DashboardStored | null;
  /** The worker's last answer to `ssi:get` (or the page's own failure to reach it). */
  ssi: DescribedSsiState | null;
  /** Asks of the worker under way. */
  asking: number;
  /** Refreshes the user asked for that have not answered yet. */
  refreshing: number;
}

export type DashboardAction =
  | { type: 'stored-read'; stored: DashboardStored }
  | { type: 'request-started'; refresh: boolean }
  | { type: 'state-received'; ssi: DescribedSsiState; refresh: boolean }
  | { type: 'request-failed'; error: SsiError; refresh: boolean };

export const initialDashboardState: DashboardState = { stored: null, ssi: null, asking: 0, refreshing: 0 };

function answered(state: DashboardState, refresh: boolean): Pick<DashboardState, 'asking' | 'refreshing'> {
  return {
    asking: Math.max(0, state.asking - 1),
    refreshing: refresh ? Math.max(0, state.refreshing - 1) : state.refreshing,
  };
}

export function dashboardReducer(state: DashboardState, action: DashboardAction): DashboardState {
  switch (action.type) {
    case 'stored-read':
      return { ...state, stored: action.stored };
    case 'request-started':
      return { ...state, asking: state.asking + 1, refreshing: state.refreshing + (action.refresh ? 1 : 0) };
    case 'state-received':
      return { ...state, ...answered(state, action.refresh), ssi: action.ssi };
    case 'request-failed': {
      const base = state.ssi ?? { snapshot: null, stale: false, refreshing: false };
      return {
        ...state,
        ...answered(state, action.refresh),
        ssi: {
          ...base,
          refreshing: false,
          error: action.error,
          errorAt: null,
          problem: describeLocally(action.error),
        },
      };
    }
  }
}

/**
 * The reading Today shows: the newer of the worker's answer and the cache. A failure never
 * takes a reading off the screen, but a removed key does (the reading belonged to that key).
 */
export function todaySnapshot(state: DashboardState): SsiSnapshot | null {
  if (state.ssi?.error?.code === 'no-key') return null;
  const answered = state.ssi?.snapshot ?? null;
  const cached = state.stored?.entry?.snapshot ?? null;
  if (!answered || !cached) return answered ?? cached;
  return cached.fetchedAt > answered.fetchedAt ? cached : answered;
}

/** The problem to show, in the worker's words (or the page's, for its own failures). */
export function shownProblem(
  state: DashboardState,
): { code: SsiError['code']; problem: ErrorDescription } | null {
  const { error, problem } = state.ssi ?? {};
  return error && problem ? { code: error.code, problem } : null;
}

/** Nothing is known yet: neither storage nor the worker has answered with a reading or a problem. */
export function isLoading(state: DashboardState): boolean {
  return !todaySnapshot(state) && !shownProblem(state) && (state.stored === null || state.asking > 0);
}

/** A refresh is under way: asked by the user, or the worker revalidating a stale reading. */
export function isRefreshing(state: DashboardState): boolean {
  return state.refreshing > 0 || Boolean(state.ssi?.refreshing);
}

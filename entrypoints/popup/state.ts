/**
 * The popup's state and the one reducer that changes it. The popup starts from the cache
 * (so a warm cache paints the score at once) and takes whatever the worker says next.
 */
import type { CacheEntry } from '@/utils/cache';
import { describeLocally, LOCAL_DESCRIPTIONS, type ErrorDescription, type SsiError } from '@/utils/errors';
import type { DescribedView } from '@/utils/messaging/protocol';
import { isStale, viewFromEntry } from '@/utils/ssi/view';

export interface PopupState {
  /**
   * What is known; null until the cache or the worker has said anything. From the cache an
   * error has no words yet (`problem` null): the worker's answer brings them.
   */
  view: DescribedView | null;
  /** A request to the worker is under way. */
  loading: boolean;
  /**
   * Refreshes the user asked for that have not answered yet. Opening the popup also asks the
   * worker (which answers from a fresh cache at once): that is not a refresh, and the button
   * does not flash "Refreshing…" for it, nor stop saying it when such a check answers first.
   */
  refreshesPending: number;
  freshnessMinutes: number;
  /** The clock the relative times are written against. */
  now: number;
  /** What the browser says of the network; offline, the popup shows the cache as offline. */
  online: boolean;
}

export type PopupAction =
  | { type: 'request-started'; refresh: boolean }
  | { type: 'view-received'; view: DescribedView; refresh?: boolean }
  | { type: 'request-failed'; error: SsiError; refresh?: boolean }
  | { type: 'cache-changed'; entry: CacheEntry | null }
  | { type: 'tick'; now: number }
  | { type: 'connectivity'; online: boolean };

/** The state the popup first paints: straight from the cached entry, if any. */
export function initialPopupState(
  entry: CacheEntry | null,
  freshnessMinutes: number,
  now: number,
  online = true,
): PopupState {
  return {
    view: entry ? { ...viewFromEntry(entry, freshnessMinutes, now), problem: null } : null,
    loading: true,
    refreshesPending: 0,
    freshnessMinutes,
    now,
    online,
  };
}

/** Refreshes still pending once a reply arrives (`refresh`: it answers one of them). */
function answered(state: PopupState, refresh: boolean | undefined): number {
  return refresh ? Math.max(0, state.refreshesPending - 1) : state.refreshesPending;
}

/** A refresh is under way, asked by the user or revalidating in the background. */
export function isRefreshing(state: PopupState): boolean {
  return state.refreshesPending > 0 || Boolean(state.view?.refreshing);
}

/** What the popup says is wrong: being offline explains everything else, so it comes first. */
export function shownProblem(
  state: PopupState,
): { code: SsiError['code']; problem: ErrorDescription } | null {
  if (!state.online) return { code: 'offline', problem: LOCAL_DESCRIPTIONS.offline };
  const { error, problem } = state.view ?? {};
  return error && problem ? { code: error.code, problem } : null;
}

export function popupReducer(state: PopupState, action: PopupAction): PopupState {
  switch (action.type) {
    case 'request-started':
      return {
        ...state,
        loading: true,
        refreshesPending: state.refreshesPending + (action.refresh ? 1 : 0),
      };
    case 'view-received': {
      // A failure never takes a score off the screen (but a removed key takes it away: the
      // score belonged to that key).
      const { view } = action;
      const keep = !view.snapshot && view.error && view.error.code !== 'no-key' ? state.view?.snapshot : null;
      return {
        ...state,
        loading: false,
        refreshesPending: answered(state, action.refresh),
        view: keep ? { ...view, snapshot: keep } : view,
      };
    }
    case 'request-failed': {
      // The worker could not be reached: keep whatever is on screen and say why.
      const base = state.view ?? viewFromEntry(null, state.freshnessMinutes, state.now);
      return {
        ...state,
        loading: false,
        refreshesPending: answered(state, action.refresh),
        view: {
          ...base,
          refreshing: false,
          error: action.error,
          errorAt: state.now,
          problem: describeLocally(action.error),
        },
      };
    }
    case 'cache-changed': {
      if (!action.entry) return state;
      // A background revalidation landed: take its outcome, but never lose the data on screen.
      const next = viewFromEntry(action.entry, state.freshnessMinutes, state.now);
      const snapshot = next.snapshot ?? state.view?.snapshot ?? null;
      // "no-key" is never stored: keep saying it until something better is known.
      const keptNoKey = state.view?.error?.code === 'no-key' && !next.snapshot ? state.view.error : null;
      const error = next.error ?? keptNoKey;
      // The words of the error on screen still hold if it is the same error; a new one gets
      // its words from the worker (the popup asks again when it sees an undescribed error).
      const problem = error && error.code === state.view?.error?.code ? state.view.problem : null;
      return {
        ...state,
        view: {
          ...next,
          snapshot,
          stale: isStale(snapshot, state.freshnessMinutes, state.now),
          error,
          problem,
        },
      };
    }
    case 'connectivity':
      return { ...state, online: action.online };
    case 'tick':
      return {
        ...state,
        now: action.now,
        view: state.view && {
          ...state.view,
          stale: isStale(state.view.snapshot, state.freshnessMinutes, action.now),
        },
      };
  }
}

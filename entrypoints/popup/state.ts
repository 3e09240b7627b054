/**
 * The popup's state and the one reducer that changes it. The popup starts from the cache
 * (so a warm cache paints the score at once) and takes whatever the worker says next.
 */
import type { CacheEntry } from '@/utils/api-cache';
import { describeLocally, LOCAL_DESCRIPTIONS, type ErrorDescription, type SsiError } from '@/utils/errors';
import type { DescribedSsiState } from '@/utils/messaging/protocol';
import { isStale, stateFromEntry } from '@/utils/ssi/state';

export interface PopupState {
  /**
   * What is known; null until the cache or the worker has said anything. From the cache an
   * error has no words yet (`problem` null): the worker's answer brings them.
   */
  ssi: DescribedSsiState | null;
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
  | { type: 'state-received'; ssi: DescribedSsiState; refresh?: boolean }
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
    ssi: entry ? { ...stateFromEntry(entry, freshnessMinutes, now), problem: null } : null,
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
  return state.refreshesPending > 0 || Boolean(state.ssi?.refreshing);
}

/** What the popup says is wrong: being offline explains everything else, so it comes first. */
export function shownProblem(
  state: PopupState,
): { code: SsiError['code']; problem: ErrorDescription } | null {
  if (!state.online) return { code: 'offline', problem: LOCAL_DESCRIPTIONS.offline };
  const { error, problem } = state.ssi ?? {};
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
    case 'state-received': {
      // A failure never takes a score off the screen (but a removed key takes it away: the
      // score belonged to that key).
      const { ssi } = action;
      const keep = !ssi.snapshot && ssi.error && ssi.error.code !== 'no-key' ? state.ssi?.snapshot : null;
      return {
        ...state,
        loading: false,
        refreshesPending: answered(state, action.refresh),
        ssi: keep ? { ...ssi, snapshot: keep } : ssi,
      };
    }
    case 'request-failed': {
      // The worker could not be reached: keep whatever is on screen and say why.
      const base = state.ssi ?? stateFromEntry(null, state.freshnessMinutes, state.now);
      return {
        ...state,
        loading: false,
        refreshesPending: answered(state, action.refresh),
        ssi: {
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
      const next = stateFromEntry(action.entry, state.freshnessMinutes, state.now);
      const snapshot = next.snapshot ?? state.ssi?.snapshot ?? null;
      // "no-key" is never stored: keep saying it until something better is known.
      const keptNoKey = state.ssi?.error?.code === 'no-key' && !next.snapshot ? state.ssi.error : null;
      const error = next.error ?? keptNoKey;
      // The words of the error on screen still hold if it is the same error; a new one gets
      // its words from the worker (the popup asks again when it sees an undescribed error).
      const problem = error && error.code === state.ssi?.error?.code ? state.ssi.problem : null;
      return {
        ...state,
        ssi: {
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
        ssi: state.ssi && {
          ...state.ssi,
          stale: isStale(state.ssi.snapshot, state.freshnessMinutes, action.now),
        },
      };
  }
}

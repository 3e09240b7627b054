/**
 * The popup's state and the one reducer that changes it. The popup starts from the cache
 * (so a warm cache paints the score at once) and takes whatever the worker says next.
 */
import type { CacheEntry } from '@/utils/cache';
import type { SsiError } from '@/utils/errors';
import { isStale, viewFromEntry, type SsiView } from '@/utils/ssi/view';

export interface PopupState {
  /** What is known; null until the cache or the worker has said anything. */
  view: SsiView | null;
  /** A request to the worker is under way. */
  loading: boolean;
  freshnessMinutes: number;
  /** The clock the relative times are written against. */
  now: number;
  /** What the browser says of the network; offline, the popup shows the cache as offline. */
  online: boolean;
}

export type PopupAction =
  | { type: 'request-started' }
  | { type: 'view-received'; view: SsiView }
  | { type: 'request-failed'; error: SsiError }
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
    view: entry ? viewFromEntry(entry, freshnessMinutes, now) : null,
    loading: true,
    freshnessMinutes,
    now,
    online,
  };
}

/** The error the popup shows: being offline explains everything else, so it comes first. */
export function shownError(state: PopupState): SsiError | null {
  return state.online ? (state.view?.error ?? null) : { code: 'offline' };
}

export function popupReducer(state: PopupState, action: PopupAction): PopupState {
  switch (action.type) {
    case 'request-started':
      return { ...state, loading: true };
    case 'view-received':
      return { ...state, loading: false, view: action.view };
    case 'request-failed': {
      // The worker could not be reached: keep whatever is on screen and say why.
      const base = state.view ?? viewFromEntry(null, state.freshnessMinutes, state.now);
      return {
        ...state,
        loading: false,
        view: { ...base, refreshing: false, error: action.error, errorAt: state.now },
      };
    }
    case 'cache-changed': {
      if (!action.entry) return state;
      // A background revalidation landed: take its outcome, but never lose the data on screen.
      const next = viewFromEntry(action.entry, state.freshnessMinutes, state.now);
      const snapshot = next.snapshot ?? state.view?.snapshot ?? null;
      // "no-key" is never stored: keep saying it until something better is known.
      const keptNoKey = state.view?.error?.code === 'no-key' && !next.snapshot ? state.view.error : null;
      return {
        ...state,
        view: {
          ...next,
          snapshot,
          stale: isStale(snapshot, state.freshnessMinutes, state.now),
          error: next.error ?? keptNoKey,
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

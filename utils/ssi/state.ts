/** The state every context is given of the current account's SSI, and how it follows from the cache. */
import type { CacheEntry } from '../api-cache';
import type { SsiError } from '../errors';
import type { SsiSnapshot } from './model';

/** What every context is told about the current account's SSI. */
export interface SsiState {
  /** The last good reading for the configured account, if any. */
  snapshot: SsiSnapshot | null;
  /** Why the last attempt failed (or why none can be made), if it did. */
  error: SsiError | null;
  /** When that failure happened (epoch ms). */
  errorAt: number | null;
  /** The reading is older than the freshness window. */
  stale: boolean;
  /** A request is under way; its outcome will land in the cache. */
  refreshing: boolean;
}

/** Whether a reading taken at `fetchedAt` is older than the freshness window at `now`. */
export function isStale(snapshot: SsiSnapshot | null, freshnessMinutes: number, now: number): boolean {
  return snapshot !== null && now - snapshot.fetchedAt >= freshnessMinutes * 60_000;
}

/** The state a cache entry gives at `now`, for a freshness window of `freshnessMinutes`. */
export function stateFromEntry(
  entry: CacheEntry | null,
  freshnessMinutes: number,
  now: number,
  refreshing = false,
): SsiState {
  const snapshot = entry?.snapshot ?? null;
  return {
    snapshot,
    error: entry?.lastError?.error ?? null,
    errorAt: entry?.lastError?.at ?? null,
    stale: isStale(snapshot, freshnessMinutes, now),
    refreshing,
  };
}

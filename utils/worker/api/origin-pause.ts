/**
 * A 429 speaks for the whole key, not one account: once any answer to a key at an API origin
 * says to wait, every ask with that key to that origin waits it out, whichever account or list
 * it is for (`scope`: origin and key, see `pauseScope`). Kept in memory: a page that keeps
 * asking keeps the worker alive, and each entry also stores its own `retryAt`, which outlives a
 * restart. Another key is another quota.
 */
import type { SsiError } from '../../errors';

export interface OriginPause {
  /** Until when (epoch ms) asks in `scope` wait; 0 when they need not. */
  until(scope: string): number;
  /** Takes note of a failure in `scope`: one with a `retryAt` pauses the scope until then. */
  note(scope: string, error: SsiError): void;
}

/** The scope of a pause: an API origin and the key asked with (kept in memory only). */
export function pauseScope(origin: string, apiKey: string): string {
  return `${origin}|${apiKey}`;
}

export function createOriginPause(): OriginPause {
  const pauses = new Map<string, number>();
  return {
    until: (scope) => pauses.get(scope) ?? 0,
    note(scope, error) {
      if (error.retryAt !== undefined && error.retryAt > (pauses.get(scope) ?? 0)) {
        pauses.set(scope, error.retryAt);
      }
    },
  };
}

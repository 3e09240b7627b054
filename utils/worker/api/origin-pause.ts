/**
 * A 429 speaks for the whole key, not one account: once any answer from an API origin says to
 * wait, every ask to that origin waits it out, whichever account or list it is for. Kept in
 * memory: a page that keeps asking keeps the worker alive, and each entry also stores its own
 * `retryAt`, which outlives a restart.
 */
import type { SsiError } from '../../errors';

export interface OriginPause {
  /** Until when (epoch ms) asks to `origin` wait; 0 when they need not. */
  until(origin: string): number;
  /** Takes note of a failure from `origin`: one with a `retryAt` pauses the origin until then. */
  note(origin: string, error: SsiError): void;
}

export function createOriginPause(): OriginPause {
  const pauses = new Map<string, number>();
  return {
    until: (origin) => pauses.get(origin) ?? 0,
    note(origin, error) {
      if (error.retryAt !== undefined && error.retryAt > (pauses.get(origin) ?? 0)) {
        pauses.set(origin, error.retryAt);
      }
    },
  };
}

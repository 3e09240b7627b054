/**
 * When something the extension keeps from the API (an SSI reading, the key's accounts) may be
 * asked for again: the one rule every cached API answer follows, so that no failure can turn
 * the worker's asks into a loop of requests.
 */
import type { LastFailure } from '../../api-cache';

/** After a failure, automatic (not user-pressed) asks wait this long before asking again. */
export const FAILURE_COOLDOWN_MS = 60_000;

/**
 * Whether an ask may go to the API now, given the last failure of what it asks for (null when
 * the last attempt succeeded):
 * - never while a 429's pause runs (`retryAt`), forced or not;
 * - otherwise always when `forced` (the user pressed Refresh);
 * - an automatic ask once {@link FAILURE_COOLDOWN_MS} has passed since the failure, whatever
 *   its code. One exception keeps the promise "grant the permission, and it works at once": a
 *   `permission-missing` failure is moot once `mayCallOrigin()` (the browser's answer, no
 *   request) says the origin may be called. Simpler than clearing it on
 *   `permissions.onAdded`: nothing to register or write, it survives a worker restart, and it
 *   holds however the permission came (Save, or the browser's own extension page).
 */
export async function mayAskApi(
  last: LastFailure | null | undefined,
  { now, forced, mayCallOrigin }: { now: number; forced: boolean; mayCallOrigin: () => Promise<boolean> },
): Promise<boolean> {
  if (!last) return true;
  if ((last.error.retryAt ?? 0) > now) return false;
  if (forced || now - last.at >= FAILURE_COOLDOWN_MS) return true;
  return last.error.code === 'permission-missing' && mayCallOrigin();
}

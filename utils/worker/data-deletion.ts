/**
 * "Delete all data" (`data:delete-all`): leaves the extension as a fresh install leaves it.
 * Everything in `storage.local` (the key, the settings, the cached readings and accounts, every
 * history, the goals, the notifications shown, the schema version), the last API exchange in
 * `storage.session`, the alarms, the optional permissions granted since, and the toolbar badge.
 * LinkedIn tabs are told, so that a profile badge no longer shows the score.
 */
import { browser } from 'wxt/browser';
import type { SsiError } from '../errors';
import { err, ok, type Result } from '../result';
import type { SsiState } from '../ssi/state';
import { lastExchangeItem } from '../storage';
import { isStorageFailure } from './storage-failure';
import { toolbarBadgeFor } from './toolbar-badge';

export interface DataDeletionDeps {
  /**
   * Empties `storage.local` on the queue of its writers (`storage-writers.ts`), so that no write
   * under way lands after it. Rejects when storage refuses.
   */
  clearLocal: () => Promise<void>;
  /** Tells every LinkedIn tab that shows (or may show) the badge to ask again. */
  notifyTabs: () => Promise<void>;
  /** The host permissions the manifest grants at install: the browser refuses to remove them. */
  requiredOrigins: readonly string[];
}

/** What the toolbar shows with nothing stored: no text, the product's name as its tooltip. */
const NOTHING: SsiState = { snapshot: null, error: null, errorAt: null, stale: false, refreshing: false };

/** Runs `step`, a best effort: a browser that refuses leaves that one thing as it was. */
async function tryTo(step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch {
    // Nothing of the user's data is left behind by these: only grants and decoration.
  }
}

/** Gives back every optional permission the user granted: host origins and notifications. */
async function releasePermissions(requiredOrigins: readonly string[]): Promise<void> {
  const granted = await browser.permissions.getAll();
  const origins = (granted.origins ?? []).filter((origin) => !requiredOrigins.includes(origin));
  if (origins.length) await tryTo(() => browser.permissions.remove({ origins }));
  if (granted.permissions?.includes('notifications')) {
    await tryTo(() => browser.permissions.remove({ permissions: ['notifications'] }));
  }
}

export function createDataDeletion(deps: DataDeletionDeps) {
  return {
    /**
     * Deletes everything the extension keeps in this browser. Fails (`storage-failed`) only when
     * `storage.local` could not be emptied, and then touches nothing else; the rest is done as
     * far as the browser allows.
     */
    async deleteAll(): Promise<Result<null, SsiError>> {
      try {
        await deps.clearLocal();
      } catch (failure) {
        return err({ code: isStorageFailure(failure) ? 'storage-failed' : 'internal' });
      }
      await tryTo(() => lastExchangeItem.removeValue());
      await tryTo(() => browser.alarms.clearAll());
      await tryTo(() => releasePermissions(deps.requiredOrigins));
      const badge = toolbarBadgeFor(NOTHING);
      await tryTo(() =>
        Promise.all([
          browser.action.setBadgeText({ text: badge.text }),
          browser.action.setTitle({ title: badge.title }),
        ]),
      );
      await tryTo(deps.notifyTabs);
      return ok(null);
    },
  };
}

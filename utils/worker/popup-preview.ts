/**
 * Keeps the toolbar popup's URL carrying the preview of what the popup will show
 * (`utils/popup-preview.ts`), so its first frame draws without waiting on storage. The worker
 * is the only writer of the settings and the cache, so it re-derives the preview after each
 * change of either, and each time the worker starts (the browser forgets a popup URL set at
 * run time when it restarts or the extension is updated or re-enabled).
 */
import { accountNameOf } from '../account-choices';
import type { CacheEntry } from '../api-cache';
import type { KeyAccountsView } from '../key-accounts';
import { popupPathFor, popupPreviewOf, POPUP_PAGE } from '../popup-preview';
import { createSerialQueue } from './serial-queue';
import { targetKey, type Settings } from '../settings';

export interface PopupPreviewDeps {
  readSettings: () => Promise<Settings>;
  readEntry: (key: string) => Promise<CacheEntry | null>;
  /** The key's accounts stored for an API origin (for the account's name). */
  readAccounts: (apiBaseUrl: string) => Promise<KeyAccountsView>;
  /** `action.setPopup` with a path relative to the extension's root. */
  setPopupPath: (path: string) => Promise<void>;
}

export interface PopupPreviewKeeper {
  /**
   * Derives the preview from storage as it is now and sets the popup's URL to carry it.
   * Updates run one at a time, in call order, so the last call's reading wins. Never rejects:
   * when storage cannot be read the popup gets the bare page (no preview beats a wrong one).
   */
  update(): Promise<void>;
}

export function createPopupPreviewKeeper(deps: PopupPreviewDeps): PopupPreviewKeeper {
  const enqueue = createSerialQueue();

  async function currentPath(): Promise<string> {
    try {
      const settings = await deps.readSettings();
      const entry = await deps.readEntry(targetKey(settings));
      const name = accountNameOf(await deps.readAccounts(settings.apiBaseUrl), settings.accountId);
      return popupPathFor(popupPreviewOf(settings.accountId, entry?.snapshot ?? null, name));
    } catch {
      return POPUP_PAGE;
    }
  }

  return {
    update: () =>
      enqueue(async () => {
        const path = await currentPath();
        await deps.setPopupPath(path).catch(() => {
          // Decoration: without it the popup only loses its head start.
        });
      }),
  };
}

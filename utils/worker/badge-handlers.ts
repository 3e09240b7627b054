/**
 * The service worker's side of the LinkedIn badge: what a tab is told, who the account is on
 * LinkedIn, and which tabs to tell when that changes.
 */
import { describeError } from '../errors';
import type { BadgeState, TabNotice } from '../messaging/protocol';
import { createSerialQueue } from '../serial-queue';
import type { SavedConfig } from '../settings';
import type { SsiService } from '../ssi/service';
import type { AccountLookup } from './account-lookup';

export interface BadgeDeps {
  ssi: SsiService;
  /** Who the account is on LinkedIn (its slug). */
  accounts: AccountLookup;
  /** The saved settings and key, read together (`readSavedConfig`). */
  read: () => Promise<SavedConfig>;
  tabs: {
    read(): Promise<number[]>;
    write(value: number[]): Promise<void>;
    send(tabId: number, notice: TabNotice): Promise<unknown>;
  };
}

/** Tabs remembered at most; the oldest are forgotten first. */
export const MAX_BADGE_TABS = 50;

export function createBadgeHandlers(deps: BadgeDeps) {
  // Tabs are read, changed and written back: one step at a time, or a step is lost.
  const serially = createSerialQueue();
  function remember(tabId: number): Promise<void> {
    return serially(async () => {
      const tabs = await deps.tabs.read();
      if (tabs.includes(tabId)) return;
      await deps.tabs.write([...tabs, tabId].slice(-MAX_BADGE_TABS));
    });
  }

  return {
    /** The badge's data for the tab that asked, which is remembered for later notices. */
    async getBadge(refresh: boolean, tabId: number | undefined): Promise<BadgeState> {
      if (tabId !== undefined) await remember(tabId);
      const config = await deps.read();
      if (!config.settings.showBadge) {
        return {
          show: false,
          view: { snapshot: null, error: null, errorAt: null, stale: false, refreshing: false },
          problem: null,
          account: { profileUrn: null, publicId: null },
        };
      }
      const view = await deps.ssi.getSsi({ refresh });
      const snapshot = view.snapshot;
      const accountId = snapshot && (config.settings.accountId || snapshot.accountId);
      const publicId = accountId ? await deps.accounts.publicIdOf(config, accountId) : null;
      return {
        show: true,
        view,
        problem: view.error ? describeError(view.error) : null,
        account: { profileUrn: snapshot?.profileUrn ?? null, publicId },
      };
    },

    /** Tells every remembered LinkedIn tab to ask again; forgets tabs that are gone. */
    async notifyTabs(): Promise<void> {
      const tabs = await deps.tabs.read();
      const alive = await Promise.all(
        tabs.map((tabId) =>
          deps.tabs.send(tabId, { type: 'badge:changed' }).then(
            () => true,
            () => false,
          ),
        ),
      );
      const gone = new Set(tabs.filter((_, index) => !alive[index]));
      if (gone.size === 0) return;
      // Read again: tabs may have registered while the notices were on their way.
      await serially(async () =>
        deps.tabs.write((await deps.tabs.read()).filter((tabId) => !gone.has(tabId))),
      );
    },
  };
}

/**
 * The service worker's side of the LinkedIn badge: what a tab is told, who the account is on
 * LinkedIn, and which tabs to tell when that changes.
 */
import type { SsiClient } from '../api/client';
import { describeError } from '../errors';
import type { BadgeState, TabNotice } from '../messaging/protocol';
import { createSerialQueue } from '../serial-queue';
import { targetKey, type SavedConfig } from '../settings';
import type { SsiService } from '../ssi/service';

export interface BadgeDeps {
  ssi: SsiService;
  client: SsiClient;
  /** The saved settings and key, read together (`readSavedConfig`). */
  read: () => Promise<SavedConfig>;
  /** Cached account slugs, by `targetKey|accountId`. */
  slugs: {
    read(): Promise<Record<string, string | null>>;
    /** Adds one slug to those stored (read and written back in one step by the store). */
    remember(key: string, slug: string | null): Promise<void>;
  };
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
  const lookups = new Map<string, Promise<string | null>>();

  /**
   * The LinkedIn slug of the account, from `/linkedin/accounts`, asked once per account and
   * remembered (a failed lookup is not remembered, so it is tried again next time).
   */
  async function slugOf({ settings, apiKey }: SavedConfig, accountId: string | null): Promise<string | null> {
    const id = settings.accountId || accountId;
    if (!id) return null;
    const key = `${targetKey(settings)}|${id}`;
    const known = await deps.slugs.read();
    if (Object.hasOwn(known, key)) return known[key] ?? null;
    // Tabs that ask at once share one lookup.
    let lookup = lookups.get(key);
    if (!lookup) {
      lookup = lookUpSlug(settings.apiBaseUrl, apiKey, id, key).finally(() => lookups.delete(key));
      lookups.set(key, lookup);
    }
    return lookup;
  }

  async function lookUpSlug(
    baseUrl: string,
    apiKey: string | null,
    id: string,
    key: string,
  ): Promise<string | null> {
    if (!apiKey) return null;
    const accounts = await deps.client.listAccounts({ baseUrl, apiKey });
    if (!accounts.ok) return null;
    const slug = accounts.value.find((account) => account.id === id)?.publicId ?? null;
    await deps.slugs.remember(key, slug);
    return slug;
  }

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
      const publicId = snapshot ? await slugOf(config, snapshot.accountId) : null;
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

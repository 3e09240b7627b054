/**
 * Wires the service worker: the API client, the SSI service, the settings handlers, the
 * message router, the toolbar badge and the popup's preview. Listeners are registered
 * synchronously, so a worker woken by a message hears it.
 */
import { browser } from 'wxt/browser';
import { createSsiClient } from '../api/client';
import type { DescribedView } from '../messaging/protocol';
import { createMessageRouter, type Handlers } from '../messaging/router';
import { describeError } from '../errors';
import { err } from '../result';
import { POPUP_PAGE } from '../popup-preview';
import type { StorageRepair } from '../storage-schema';
import { createSsiService, type SsiView } from '../ssi/service';
import { badgeTabsItem, lastExchangeItem, settingsItem, ssiCacheItem } from '../storage';
import { mayCallOrigin, readSettings } from '../settings-rules';
import { toolbarBadgeFor } from '../toolbar-badge';
import { createAccountLookup } from './account-lookup';
import { createBadgeHandlers } from './badge-handlers';
import { createPopupPreviewKeeper } from './popup-preview';
import { readSavedConfig } from './saved-config';
import { createSettingsHandlers } from './settings-handlers';
import { createStorageWriters } from './storage-writers';

function mayCall(origin: string): Promise<boolean> {
  return mayCallOrigin(origin, (pattern) => browser.permissions.contains({ origins: [pattern] }));
}

async function applyToolbarBadge(view: SsiView): Promise<void> {
  const badge = toolbarBadgeFor(view);
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setBadgeBackgroundColor({ color: badge.color }),
    browser.action.setTitle({ title: badge.title }),
  ]).catch(() => {
    // The badge is decoration: a failure here must not fail the request that produced it.
  });
}

/** Runs the storage repair; logs what changed (never a value: values may include the key). */
async function bringStorageUpToDate(repair: () => Promise<StorageRepair>): Promise<void> {
  try {
    const { changes } = await repair();
    if (changes.length) console.info('[ssi] storage repaired:', changes.join('; '));
  } catch (failure) {
    console.error('[ssi] storage repair failed:', failure instanceof Error ? failure.name : 'error');
  }
}

/** A view with its error in words, for pages. */
function described(view: SsiView): DescribedView {
  return { ...view, problem: view.error ? describeError(view.error) : null };
}

/** Starts everything the service worker does. Call once, synchronously, from `main()`. */
export function startWorker(): void {
  const client = createSsiClient({
    fetch: (...args) => globalThis.fetch(...args),
    isOnline: () => globalThis.navigator?.onLine !== false,
    record: (exchange) => {
      void readSettings().then((settings) =>
        settings.debug ? lastExchangeItem.setValue(exchange) : undefined,
      );
    },
  });
  const storage = createStorageWriters();
  const { cache } = storage;
  const ssi = createSsiService({
    client,
    read: readSavedConfig,
    cache,
    mayCall,
    now: () => Date.now(),
    retry: {
      retries: 2,
      baseDelayMs: 500,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
    },
    onView: (view) => void applyToolbarBadge(view),
    onUpdate: () => void badge.notifyTabs(),
  });
  const badge = createBadgeHandlers({
    ssi,
    accounts: createAccountLookup({
      client,
      store: storage.accounts,
      read: readSavedConfig,
      mayCall,
      now: () => Date.now(),
    }),
    read: readSavedConfig,
    tabs: {
      read: () => badgeTabsItem.getValue(),
      write: (value) => badgeTabsItem.setValue(value),
      send: (tabId, notice) => browser.tabs.sendMessage(tabId, notice),
    },
    openPage: (page) =>
      page === 'settings'
        ? browser.runtime.openOptionsPage()
        : // Relative to the extension's root, as the worker's own URL is.
          browser.tabs.create({ url: POPUP_PAGE }),
    now: () => Date.now(),
  });
  const settings = createSettingsHandlers({
    client,
    mayCall,
    store: { read: readSavedConfig, save: storage.saveConfig },
  });

  const handlers: Handlers = {
    'ssi:get': async (payload) => described(await ssi.getSsi({ refresh: payload.refresh })),
    'settings:get': () => settings.getSettings(),
    'debug:get': async () => ((await readSettings()).debug ? lastExchangeItem.getValue() : null),
    'badge:get': (payload, context) => badge.getBadge(payload.refresh, context.tabId),
    'view:open': ({ page }, context) => badge.openView(page, context.tabId),
    'settings:save': async (payload) => {
      const saved = await settings.saveSettings(payload);
      if (saved.ok) {
        void badge.notifyTabs();
        // The toolbar icon follows the new key or account at once.
        void ssi.getSsi();
      }
      return saved;
    },
    'connection:test': async (payload) => {
      const result = await settings.testConnection(payload);
      return result.ok ? result : err({ code: result.error.code, ...describeError(result.error) });
    },
  };
  const route = createMessageRouter(
    handlers,
    { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') },
    (reason, facts) => console.warn(`[ssi] refused a message: ${reason}`, facts),
  );

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  const popupPreview = createPopupPreviewKeeper({
    readSettings,
    readEntry: (key) => cache.read(key),
    setPopupPath: (popup) => browser.action.setPopup({ popup }),
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (settingsItem.key in changes || ssiCacheItem.key in changes)) {
      void popupPreview.update();
    }
  });

  // Once per start of the worker: the browser forgets a popup URL set at run time when it
  // restarts, or the extension is updated or disabled and enabled again (the last with no
  // event at all). Two storage reads, not awaited by anything.
  void popupPreview.update();

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    await bringStorageUpToDate(storage.repair);
    if (reason === 'install' && !(await readSavedConfig()).apiKey) await browser.runtime.openOptionsPage();
  });
  // Also once per browser start: a profile restored from elsewhere, or a downgrade, may hold
  // data this build does not know. The check is one storage read when all is well.
  browser.runtime.onStartup.addListener(() => void bringStorageUpToDate(storage.repair));

  // Keeps `storage.local` (where the key is) out of content scripts' reach (Chrome 102+; the
  // manifest asks for 140). A failure is not expected on a supported browser, and content
  // scripts never read storage in any case.
  browser.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => {});
}

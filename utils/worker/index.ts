/**
 * Wires the service worker: the API client, the SSI service, the settings handlers, the
 * message router, the toolbar badge and the popup's preview. Listeners are registered
 * synchronously, so a worker woken by a message hears it.
 */
import { browser } from 'wxt/browser';
import { mayCallOrigin } from '../api-origin';
import { describeError } from '../errors';
import type { DescribedSsiState } from '../messaging/protocol';
import { POPUP_PAGE } from '../popup-preview';
import { err } from '../result';
import type { SsiState } from '../ssi/state';
import { lastExchangeItem, profileBadgeTabsItem, settingsItem, ssiCacheItem } from '../storage';
import { createAccountLookup } from './account-lookup';
import { createSsiClient } from './api/client';
import { createMessageRouter, type Handlers } from './messaging/router';
import { createPopupPreviewKeeper } from './popup-preview';
import { createProfileBadgeHandlers } from './profile-badge-handlers';
import { readSavedConfig, readSettings } from './saved-config';
import { createSettingsHandlers } from './settings-handlers';
import { createSsiService } from './ssi-service';
import type { StorageRepair } from './storage-schema';
import { createStorageWriters } from './storage-writers';
import { toolbarBadgeFor } from './toolbar-badge';

function mayCall(origin: string): Promise<boolean> {
  return mayCallOrigin(origin, (pattern) => browser.permissions.contains({ origins: [pattern] }));
}

async function applyToolbarBadge(ssi: SsiState): Promise<void> {
  const badge = toolbarBadgeFor(ssi);
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

/** The SSI with its error in words, for pages. */
function described(ssi: SsiState): DescribedSsiState {
  return { ...ssi, problem: ssi.error ? describeError(ssi.error) : null };
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
    onState: (ssi) => void applyToolbarBadge(ssi),
    onUpdate: () => void badge.notifyTabs(),
  });
  const badge = createProfileBadgeHandlers({
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
      read: () => profileBadgeTabsItem.getValue(),
      write: (value) => profileBadgeTabsItem.setValue(value),
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
    'profile-badge:get': (payload, context) => badge.getProfileBadge(payload.refresh, context.tabId),
    'page:open': ({ page }, context) => badge.openPageFor(page, context.tabId),
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

  // Keeps `storage.local` (where the key is) out of content scripts' reach (the reason the
  // manifest asks for Chrome 140). A failure is not expected on a supported browser, and
  // content scripts never read storage in any case.
  browser.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => {});
}

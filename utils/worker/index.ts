/**
 * Wires the service worker: the API client, the SSI service, the settings handlers, the
 * message router, the toolbar badge and the popup's preview. Listeners are registered
 * synchronously, so a worker woken by a message hears it.
 */
import { browser } from 'wxt/browser';
import { mayCallOrigin } from '../api-origin';
import { readCacheEntry } from '../api-cache';
import { describeError } from '../errors';
import { historyAccountOf } from '../history/reading';
import type { DescribedSsiState, ExtensionPage } from '../messaging/protocol';
import { DASHBOARD_PAGE } from '../popup-preview';
import { err, ok } from '../result';
import type { SsiState } from '../ssi/state';
import { targetKey } from '../settings';
import { keyAccountsViewOf } from '../key-accounts';
import {
  accountsItem,
  lastExchangeItem,
  notifiedAlertsItem,
  profileBadgeTabsItem,
  settingsItem,
  ssiCacheItem,
} from '../storage';
import { createKeyAccountsService } from './key-accounts-service';
import { createDataDeletion } from './data-deletion';
import { createSsiClient } from './api/client';
import { createOriginPause } from './api/origin-pause';
import { createHistoryService } from './history-service';
import { createMessageRouter, type Handlers } from './messaging/router';
import { createNotifier } from './notifications';
import { createPopupPreviewKeeper } from './popup-preview';
import { createProfileBadgeHandlers } from './profile-badge-handlers';
import { readSavedConfig, readSettings } from './saved-config';
import { createSettingsHandlers } from './settings-handlers';
import { REFRESH_ALARM, syncAlarms, WEEKLY_SUMMARY_ALARM } from './schedule';
import { createSsiService } from './ssi-service';
import type { StorageRepair } from './storage-schema';
import { createStorageWriters } from './storage-writers';
import { toolbarBadgeFor } from './toolbar-badge';

/** Opens one of the extension's pages in a tab (by paths relative to the extension's root). */
function openPage(page: ExtensionPage): Promise<unknown> {
  return page === 'settings'
    ? browser.runtime.openOptionsPage()
    : browser.tabs.create({ url: DASHBOARD_PAGE });
}

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
  // A 429 pauses every ask with its key to its API origin: any account's SSI, the key's accounts.
  const pause = createOriginPause();
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
    pause,
    onState: (ssi) => void applyToolbarBadge(ssi),
    onUpdate: () => void badge.notifyTabs(),
    // Every account's reading is recorded; only the selected account's may notify ("your SSI").
    onReading: (snapshot, settings, selected) =>
      void history.record(snapshot, settings, { notify: selected }),
  });
  const history = createHistoryService({
    history: storage.history,
    notifier: createNotifier({
      permitted: () => browser.permissions.contains({ permissions: ['notifications'] }),
      show: async (id, alert) => {
        await browser.notifications.create(id, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: alert.title,
          message: alert.message,
        });
      },
      shown: { read: () => notifiedAlertsItem.getValue(), add: storage.rememberAlerts },
    }),
    setGoal: storage.setGoal,
    now: () => Date.now(),
  });
  const keyAccounts = createKeyAccountsService({
    client,
    store: storage.accounts,
    read: readSavedConfig,
    mayCall,
    now: () => Date.now(),
    pause,
  });
  const badge = createProfileBadgeHandlers({
    ssi,
    accounts: keyAccounts,
    readEntries: async (keys) => {
      const stored = await ssiCacheItem.getValue();
      return keys.map((key) => readCacheEntry(stored, key));
    },
    read: readSavedConfig,
    tabs: {
      read: () => profileBadgeTabsItem.getValue(),
      write: (value) => profileBadgeTabsItem.setValue(value),
      send: (tabId, notice) => browser.tabs.sendMessage(tabId, notice),
    },
    openPage,
    now: () => Date.now(),
  });
  const settings = createSettingsHandlers({
    client,
    mayCall,
    store: { read: readSavedConfig, save: storage.saveConfig, select: storage.selectAccount },
  });

  /** The key's accounts and default account for an API origin, as stored. */
  async function readAccountsView(apiBaseUrl: string) {
    return keyAccountsViewOf(
      await storage.accounts.read(apiBaseUrl),
      await cache.read(targetKey({ apiBaseUrl, accountId: '' })),
    );
  }

  const deletion = createDataDeletion({
    clearLocal: storage.clearAll,
    notifyTabs: () => badge.notifyTabs(),
    requiredOrigins: browser.runtime.getManifest().host_permissions ?? [],
  });

  const handlers: Handlers = {
    'ssi:get': async ({ refresh, accountId }) => described(await ssi.getSsi({ refresh, accountId })),
    'settings:get': () => settings.getSettings(),
    'accounts:get': async ({ refresh }) => {
      const config = await readSavedConfig();
      const { accounts, error } = await keyAccounts.list(config, { refresh });
      // The default slot's reading names the key's default account.
      const defaults = await cache.read(targetKey({ ...config.settings, accountId: '' }));
      const defaultAccountId = defaults?.snapshot?.accountId ?? null;
      return { accounts, defaultAccountId, problem: error ? describeError(error) : null };
    },
    'account:select': async ({ accountId }) => {
      const selected = await settings.selectAccount(accountId);
      if (selected.ok) {
        // The toolbar icon follows the account at once (from its cache when fresh).
        void ssi.getSsi();
      }
      return selected;
    },
    'debug:get': async () => ((await readSettings()).debug ? lastExchangeItem.getValue() : null),
    'profile-badge:get': (payload, context) =>
      badge.getProfileBadge(payload.refresh, context.tabId, payload.page),
    'page:open': ({ page }, context) => badge.openPageFor(page, context.tabId),
    'settings:save': async (payload) => {
      const saved = await settings.saveSettings(payload);
      if (saved.ok) {
        void badge.notifyTabs();
        void syncSchedule();
        // The toolbar icon follows the new key or account at once, and a new key's first
        // reading starts its history; the key's accounts are asked afresh.
        void ssi.getSsi();
        void readSavedConfig().then((config) => keyAccounts.list(config, { refresh: true }));
      }
      return saved;
    },
    'history:import': async ({ histories }) => {
      const added = await history.import(histories);
      return added === null
        ? err({ code: 'refused', detail: 'a history that does not read as stored' })
        : ok({ added });
    },
    'goal:set': async ({ accountId, goal }) => {
      await history.setGoal(accountId, goal);
      return null;
    },
    'data:delete-all': () => deletion.deleteAll(),
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

  /** Makes the alarms match the saved settings (`schedule.ts`). */
  async function syncSchedule(): Promise<void> {
    const { settings: saved, apiKey } = await readSavedConfig();
    await syncAlarms(browser.alarms, saved, Boolean(apiKey)).catch(() => {
      // Without alarms the history is recorded whenever a page asks: less, but not nothing.
    });
  }
  // A scheduled refresh is an automatic ask like any other: the cache's freshness, the
  // failure cooldown and a 429's pause decide whether it goes to the API.
  browser.alarms.onAlarm.addListener(async ({ name }) => {
    if (name === REFRESH_ALARM) await ssi.getSsi();
    if (name === WEEKLY_SUMMARY_ALARM) {
      const { settings: saved } = await readSavedConfig();
      const entry = await cache.read(targetKey(saved));
      if (saved.notifications && saved.weeklySummary) {
        await history.tellWeeklySummary(
          historyAccountOf(entry?.snapshot?.accountId ?? null, saved.accountId),
        );
      }
    }
  });
  // The notifications API exists once its optional permission is granted: listen to its
  // clicks from then on (now, if it already is).
  let listeningToNotifications = false;
  function listenToNotifications() {
    if (listeningToNotifications || !browser.notifications) return;
    listeningToNotifications = true;
    browser.notifications.onClicked.addListener((id) => {
      void openPage('dashboard');
      void browser.notifications.clear(id);
    });
  }
  listenToNotifications();
  browser.permissions.onAdded.addListener(() => listenToNotifications());

  const popupPreview = createPopupPreviewKeeper({
    readSettings,
    readEntry: (key) => cache.read(key),
    readAccounts: (apiBaseUrl) => readAccountsView(apiBaseUrl),
    setPopupPath: (popup) => browser.action.setPopup({ popup }),
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (
      area === 'local' &&
      (settingsItem.key in changes || ssiCacheItem.key in changes || accountsItem.key in changes)
    ) {
      void popupPreview.update();
    }
  });

  // Once per start of the worker: the browser forgets a popup URL set at run time when it
  // restarts, or the extension is updated or disabled and enabled again (the last with no
  // event at all), and may forget alarms then too. Not awaited by anything.
  void popupPreview.update();
  void syncSchedule();

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

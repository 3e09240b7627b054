/**
 * Wires the service worker: the API client, the SSI service, the settings handlers, the
 * message router and the toolbar badge. Listeners are registered synchronously, so a worker
 * woken by a message hears it.
 */
import { browser } from 'wxt/browser';
import { createSsiClient } from '../api/client';
import { createMessageRouter, type Handlers } from '../messaging/router';
import { apiKeyItem } from '../secrets';
import { originPattern, type Settings } from '../settings';
import { createSsiService, type SsiView } from '../ssi/service';
import { readSettings, settingsItem } from '../storage';
import { toolbarBadgeFor } from '../toolbar-badge';
import { createStorageCacheStore } from './cache-store';
import { createSettingsHandlers } from './settings-handlers';

function hasHostAccess(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(origin)] });
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

/**
 * Keeps `storage.local` (where the key is) out of content scripts' reach, where the browser
 * supports access levels for it.
 */
async function restrictStorageToTrustedContexts(): Promise<void> {
  const local = (
    globalThis as { chrome?: { storage?: { local?: { setAccessLevel?: (o: object) => Promise<void> } } } }
  ).chrome?.storage?.local;
  try {
    await local?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch {
    // Older browsers: storage.local is then readable by content scripts, which never read it.
  }
}

/** Starts everything the service worker does. Call once, synchronously, from `main()`. */
export function startWorker(): void {
  const client = createSsiClient({
    fetch: (...args) => globalThis.fetch(...args),
    isOnline: () => globalThis.navigator?.onLine !== false,
  });
  const cache = createStorageCacheStore();
  const readApiKey = () => apiKeyItem.getValue();
  const ssi = createSsiService({
    client,
    readSettings,
    readApiKey,
    cache,
    hasHostAccess,
    now: () => Date.now(),
    retry: {
      retries: 2,
      baseDelayMs: 500,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
    },
    onView: (view) => void applyToolbarBadge(view),
  });
  const settings = createSettingsHandlers({
    client,
    hasHostAccess,
    store: {
      readSettings,
      writeSettings: (value: Settings) => settingsItem.setValue(value),
      readApiKey,
      writeApiKey: (key) => (key === null ? apiKeyItem.removeValue() : apiKeyItem.setValue(key)),
      clearCache: () => cache.clear(),
    },
  });

  const handlers: Handlers = {
    'ssi:get': (payload) => ssi.getSsi({ refresh: payload.refresh }),
    'settings:get': () => settings.getSettings(),
    'settings:save': (payload) => settings.saveSettings(payload),
    'connection:test': (payload) => settings.testConnection(payload),
  };
  const route = createMessageRouter(
    handlers,
    { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') },
    (reason, facts) => console.warn(`[ssi] refused a message: ${reason}`, facts),
  );

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason === 'install' && !(await readApiKey())) await browser.runtime.openOptionsPage();
  });

  void restrictStorageToTrustedContexts();
}

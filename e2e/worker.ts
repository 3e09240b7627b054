/** Reaching into the extension's service worker from tests: its storage, and stopping it. */
import type { Page } from 'playwright-core';
import type { ExtensionSession } from './browser';

/** The slice of the `chrome` global the tests use inside the worker. */
interface ChromeInWorker {
  storage: {
    local: {
      get(keys: string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
  runtime: { reload(): void };
  alarms: {
    getAll(): Promise<{ name: string; periodInMinutes?: number }[]>;
    clearAll(): Promise<boolean>;
  };
  action: {
    getPopup(details: object): Promise<string>;
    getBadgeText(details: object): Promise<string>;
    getBadgeBackgroundColor(details: object): Promise<[number, number, number, number]>;
    getTitle(details: object): Promise<string>;
  };
}

declare const chrome: ChromeInWorker;

/** Reads `storage.local` as the extension sees it. */
export async function readExtensionStorage(session: ExtensionSession, keys: string[] | null = null) {
  const worker = await session.serviceWorker();
  return worker.evaluate((wanted) => chrome.storage.local.get(wanted), keys);
}

/** Writes raw values into `storage.local`, as a corrupt profile or an older version might hold. */
export async function writeExtensionStorage(session: ExtensionSession, items: Record<string, unknown>) {
  const worker = await session.serviceWorker();
  await worker.evaluate((values) => chrome.storage.local.set(values), items);
}

/** The extension's alarms, as the browser holds them: name and period (minutes), by name. */
export async function readAlarms(session: ExtensionSession): Promise<{ name: string; period?: number }[]> {
  const worker = await session.serviceWorker();
  const alarms = await worker.evaluate(() => chrome.alarms.getAll());
  return alarms
    .map((alarm) => ({ name: alarm.name, period: alarm.periodInMinutes }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Clears every alarm of the extension, as a browser that forgot them would leave it. */
export async function clearAlarms(session: ExtensionSession): Promise<void> {
  const worker = await session.serviceWorker();
  await worker.evaluate(() => chrome.alarms.clearAll());
}

/** The page the toolbar button opens now: `popup.html` with the preview the worker put in it. */
export async function toolbarPopupUrl(session: ExtensionSession): Promise<string> {
  const worker = await session.serviceWorker();
  return worker.evaluate(() => chrome.action.getPopup({}));
}

/** The toolbar icon's badge as the browser shows it: text, background colour (RGBA) and tooltip. */
export async function toolbarBadge(session: ExtensionSession) {
  const worker = await session.serviceWorker();
  return worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    color: await chrome.action.getBadgeBackgroundColor({}),
    title: await chrome.action.getTitle({}),
  }));
}

/** Stops the service worker (CDP closes its target), as Chromium does to an idle or stuck one. */
export async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find(
      (target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'),
    );
    if (!worker) throw new Error('No extension service worker is running.');
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Reloads the extension, as an update does; old content scripts keep running in open tabs. */
export async function reloadExtension(session: ExtensionSession): Promise<void> {
  const worker = await session.serviceWorker();
  await worker
    .evaluate(() => chrome.runtime.reload())
    .catch(() => {
      // The worker dies while answering: expected.
    });
}

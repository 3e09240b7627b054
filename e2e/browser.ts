/**
 * Launches Debian's Chromium with the built extension loaded (playwright-core; no browser
 * downloads). Shared by the end-to-end tests and `npm run demo`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** The built extension, as `npm run build` writes it. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '..', '.output', 'chrome-mv3');

/** Chromium to drive: `CHROME_PATH` when set, else Debian's. */
export function chromiumPath(): string {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}: run "apt-get install -y chromium" or set CHROME_PATH.`);
  }
  return path;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** `chrome-extension://<id>/<path>` */
  url(path: string): string;
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  /** Reuse this browser profile (it is then kept on close), as a browser restart does. */
  profileDir?: string;
  /** Load the extension from here instead of the build (`npm run bench` adds pages to a copy). */
  extensionDir?: string;
  /**
   * The browser's user agent, for every context (pages and the service worker alike), as
   * Chromium's `--user-agent` flag sets it: how the tests pass for Edge or Brave.
   */
  userAgent?: string;
  /**
   * The browser's UI language (`de`): what `chrome.i18n` answers and which `_locales` folder
   * the extension reads. Chromium on Linux takes it from `--lang` with `LANGUAGE` in its
   * environment; the default is the machine's.
   */
  lang?: string;
}

/** Playwright's locale and the environment that make Chromium's UI speak `lang` (`de`, `de-AT`). */
function localeOptions(lang: string) {
  const [language, region = language] = lang.split('-') as [string, string?];
  const posix = `${language}_${region.toUpperCase()}`;
  return {
    locale: `${language}-${region.toUpperCase()}`,
    env: { ...process.env, LANGUAGE: language, LANG: `${posix}.UTF-8`, LC_ALL: `${posix}.UTF-8` },
  };
}

/** Starts Chromium with a fresh profile and the extension; resolves once its worker runs. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build" first.`);
  }
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'ssi-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 900, height: 800 },
    ...(options.lang && localeOptions(options.lang)),
    args: [
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.userAgent ? [`--user-agent=${options.userAgent}`] : []),
    ],
  });
  const serviceWorker = async () =>
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const worker = await serviceWorker();
  const extensionId = new URL(worker.url()).host;
  // A fresh install opens the settings by itself; let that tab arrive and go, so it cannot
  // race a test's own navigation to the same page.
  const isSettings = (page: { url(): string }) => page.url().endsWith('/options.html');
  const opened =
    context.pages().find(isSettings) ??
    (await context.waitForEvent('page', { predicate: isSettings, timeout: 3_000 }).catch(() => null));
  await opened?.close();
  return {
    context,
    extensionId,
    url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    serviceWorker,
    async close() {
      await context.close().catch(() => {});
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Every error a page (or a content script in it) reports from now on; expect it to stay empty. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

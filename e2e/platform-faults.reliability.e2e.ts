import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS } from '../sandbox/data';
import { SANDBOX_DEMO_KEY } from '../sandbox/keys';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { STORAGE_SCHEMA_VERSION } from '../utils/worker/storage-schema';
import { launchWithExtension, watchErrors, type ExtensionSession } from './browser';
import { badge } from './badge-probe';
import { LINKEDIN, ME, serveLinkedIn } from './linkedin';
import { OptionsPage, PopupPage } from './pages';
import { readExtensionStorage, reloadExtension, stopServiceWorker, writeExtensionStorage } from './worker';

let sandbox: SandboxServer;
let session: ExtensionSession;

/** Samples the popup while something happens: it must never be blank. */
function neverBlank(popup: PopupPage, ms: number): Promise<string[]> {
  return (async () => {
    const blanks: string[] = [];
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const text =
        (await popup.page
          .locator('#app')
          .textContent()
          .catch(() => '')) ?? '';
      if (!/\d|Loading|offline|settings/i.test(text))
        blanks.push(`blank at ${Date.now()}: "${text.slice(0, 40)}"`);
      await popup.page.waitForTimeout(100);
    }
    return blanks;
  })();
}

async function configure(values: Parameters<OptionsPage['configure']>[0]): Promise<void> {
  const options = await OptionsPage.open(session);
  expect(await options.configure(values)).toBe('Saved.');
  await options.page.close();
}

/** Forgets the cached score by saving the key anew (a new key empties the cache). */
async function coldCache(): Promise<void> {
  const options = await OptionsPage.open(session);
  await options.page.getByRole('button', { name: 'Remove saved key' }).click();
  await options.page.getByTestId('save-outcome').filter({ hasText: 'removed' }).waitFor();
  await options.page.close();
  await configure({ apiKey: SANDBOX_DEMO_KEY });
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  session = await launchWithExtension();
  await serveLinkedIn(session.context);
  await configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandbox.url });
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

afterEach(async () => {
  sandbox.setScenario(null);
  await session.context.setOffline(false);
  for (const page of session.context.pages()) await page.close();
});

describe('Platform faults', () => {
  describe('the service worker stopped mid-request', () => {
    it('the popup with a warm cache keeps its score and recovers by itself', async () => {
      const popup = await PopupPage.open(session);
      const errors = watchErrors(popup.page);
      await expect.poll(() => popup.overallScore().textContent()).toMatch(/^\d+$/);
      await popup.settled();
      sandbox.setScenario('slow');
      await popup.refresh();
      const sampling = neverBlank(popup, 4_500);
      await popup.page.waitForTimeout(300);
      await stopServiceWorker(popup.page);
      expect(await sampling).toEqual([]);
      await popup.settled();
      await expect(popup.overallScore().textContent()).resolves.toMatch(/^\d+$/);
      await expect(popup.alert().count()).resolves.toBe(0);
      expect(errors).toEqual([]);
    });

    it('the popup with a cold cache goes from "Loading" to the score, never blank', async () => {
      await configure({ accountId: SANDBOX_ACCOUNTS[2]!.id });
      sandbox.setScenario('slow');
      const popup = await PopupPage.open(session);
      const errors = watchErrors(popup.page);
      const sampling = neverBlank(popup, 4_000);
      await popup.page.waitForTimeout(300);
      await stopServiceWorker(popup.page);
      expect(await sampling).toEqual([]);
      await expect.poll(() => popup.overallScore().textContent(), { timeout: 15_000 }).toMatch(/^\d+$/);
      expect(errors).toEqual([]);
      await configure({ accountId: '' });
    });

    it('the LinkedIn badge still appears when the worker dies while fetching for it', async () => {
      await coldCache();
      sandbox.setScenario('slow');
      const page = await session.context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${LINKEDIN}/in/${ME.slug}/`);
      await page.waitForTimeout(500);
      await stopServiceWorker(page);
      await expect.poll(() => badge(page).text('.ssi-pill__label'), { timeout: 20_000 }).toMatch(/^SSI \d+$/);
      expect(await badge(page).count()).toBe(1);
      expect(errors).toEqual([]);
    });
  });

  describe('offline', () => {
    it('shows the cached score as offline with its age, and refreshes when back online', async () => {
      const warm = await PopupPage.open(session);
      await expect.poll(() => warm.overallScore().textContent()).toMatch(/^\d+$/);
      const score = await warm.overallScore().textContent();
      await warm.page.close();

      await session.context.setOffline(true);
      const popup = await PopupPage.open(session);
      const errors = watchErrors(popup.page);
      await expect.poll(() => popup.alert().textContent()).toContain('You are offline');
      await expect(popup.alert().textContent()).resolves.toContain('Showing your last SSI');
      await expect(popup.overallScore().textContent()).resolves.toBe(score);
      await expect(popup.page.getByTestId('freshness').textContent()).resolves.toMatch(
        /^Updated (just now|\d+ min ago)/,
      );

      await session.context.setOffline(false);
      await expect.poll(() => popup.alert().count()).toBe(0);
      await expect(popup.overallScore().textContent()).resolves.toBe(score);
      expect(errors).toEqual([]);
    });
  });

  describe('storage holding garbage or another version', () => {
    it('a corrupt cache and odd settings never blank the popup: it loads the score anew', async () => {
      await writeExtensionStorage(session, { ssiCache: 'junk', accounts: [1, 2, 3] });
      const popup = await PopupPage.open(session);
      const errors = watchErrors(popup.page);
      await expect.poll(() => popup.overallScore().textContent()).toMatch(/^\d+$/);
      const stored = await readExtensionStorage(session, ['ssiCache']);
      expect(typeof stored.ssiCache).toBe('object');
      expect(errors).toEqual([]);
    });

    it('a browser start on storage of an unknown version drops the cache and keeps the key and settings', async () => {
      // A second browser on its own profile, restarted on the same profile, as a user would.
      const profileDir = mkdtempSync(join(tmpdir(), 'ssi-e2e-restart-'));
      try {
        let browser = await launchWithExtension({ profileDir });
        const options = await OptionsPage.open(browser);
        expect(await options.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandbox.url })).toBe('Saved.');
        const before = await readExtensionStorage(browser, ['settings', 'apiKey']);
        await writeExtensionStorage(browser, { schemaVersion: 42, ssiCache: { stale: { snapshot: 'x' } } });
        await browser.close();

        browser = await launchWithExtension({ profileDir });
        await expect
          .poll(async () => (await readExtensionStorage(browser, ['schemaVersion'])).schemaVersion, {
            timeout: 10_000,
          })
          .toBe(STORAGE_SCHEMA_VERSION);
        const after = await readExtensionStorage(browser, ['settings', 'apiKey', 'ssiCache']);
        expect(after.settings).toEqual(before.settings);
        expect(after.apiKey).toBe(before.apiKey);
        expect(after.ssiCache).toEqual({});
        const popup = await PopupPage.open(browser);
        await expect.poll(() => popup.overallScore().textContent()).toMatch(/^\d+$/);
        await browser.close();
      } finally {
        rmSync(profileDir, { recursive: true, force: true });
      }
    });
  });

  describe('an extension reload with LinkedIn tabs open', () => {
    it('old content scripts clean up in every tab, with no errors', async () => {
      const profile = await session.context.newPage();
      const feed = await session.context.newPage();
      const profileErrors = watchErrors(profile);
      const feedErrors = watchErrors(feed);
      await profile.goto(`${LINKEDIN}/in/${ME.slug}/`);
      await feed.goto(`${LINKEDIN}/feed/`);
      await expect.poll(() => badge(profile).count()).toBe(1);
      await reloadExtension(session);
      // This test Chromium unloads an extension loaded from the command line on reload, as an
      // update removes the old version: what is checked is that old scripts clean up.
      await expect.poll(() => badge(profile).count(), { timeout: 10_000 }).toBe(0);
      // In-app navigation in the old tab after the reload: the dead script must stay silent.
      await feed.evaluate(() => history.pushState({}, '', '/in/someone/'));
      await badge(feed).holdsCount(0);
      expect([...profileErrors, ...feedErrors]).toEqual([]);
    });
  });
});

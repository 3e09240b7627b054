/**
 * The shared table of hostile and broken `/linkedin/ssi` answers, in the built extension: the
 * popup (opened in a tab) presses Refresh against each answer. A failure must keep the last
 * good score on screen and in storage and say what happened; a valid answer full of markup must
 * show it as text; no answer may create an element or raise an error in the page. A few cases
 * go through the LinkedIn badge too. One browser and one sandbox serve the whole file.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_DEMO_KEY } from '../sandbox/keys';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { launchWithExtension, watchErrors, type ExtensionSession } from './browser';
import {
  caseNamed,
  expectedRequests,
  goodBody,
  HOSTILE_CASES,
  keptValue,
  SCRIPT_INDUSTRY,
  type HostileCase,
} from './fixtures/hostile-responses';
import { badge } from './badge-probe';
import { LINKEDIN, ME, serveLinkedIn } from './linkedin';
import { OptionsPage, PopupPage } from './pages';
import { stopServiceWorker } from './worker';

/** The extension API in the service worker, as far as these tests use it. */
declare const chrome: {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
};

/** A cache entry as stored (utils/cache.ts), as far as these tests read it. */
interface StoredEntry {
  snapshot: {
    overall: number;
    accountId: string | null;
    industry: { industryName: string | null } | null;
  } | null;
  lastError: { error: { code: string }; at: number } | null;
}

/** Elements no popup or badge ever creates itself: any of them came from an answer. */
const INJECTED = 'img, script:not([src]), iframe, object, embed, [onerror], [onload]';

let sandbox: SandboxServer;
let session: ExtensionSession;
let goodScore: string;
let goodOverall: number;

const ssiRequests = () => sandbox.requests().filter((request) => request.path === '/linkedin/ssi');

/** Page errors, console errors and dialogs (an `alert()` that ran) of a page. */
function watchProblems(page: Page): string[] {
  const problems = watchErrors(page);
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}

/** The stored cache entry of `apiBaseUrl`'s default account, read in the service worker. */
async function storedEntry(apiBaseUrl = sandbox.url): Promise<StoredEntry | null> {
  const worker = await session.serviceWorker();
  const stored = await worker.evaluate(() => chrome.storage.local.get('ssiCache'));
  const cache = (stored.ssiCache ?? {}) as Record<string, StoredEntry>;
  return cache[`${apiBaseUrl}|default`] ?? null;
}

/**
 * Forgets the stored failure. Only after a 429: the extension rightly makes no request until
 * Retry-After has passed (30-60 s), which would leave the next cases untried.
 */
async function forgetPause(page: Page): Promise<void> {
  const worker = await session.serviceWorker();
  await worker.evaluate(async (key) => {
    const stored = await chrome.storage.local.get('ssiCache');
    const cache = stored.ssiCache as Record<string, { lastError: unknown }>;
    const entry = cache[key];
    if (entry) entry.lastError = null;
    await chrome.storage.local.set({ ssiCache: cache });
  }, `${sandbox.url}|default`);
  // The worker also holds the key's pause in memory (every account of the key waits it out).
  await stopServiceWorker(page);
}

/** Opens popup.html in a tab, watched, and waits until it shows the good score and is idle. */
async function openPopup(): Promise<{ popup: PopupPage; problems: string[] }> {
  const page = await session.context.newPage();
  const problems = watchProblems(page);
  const popup = await PopupPage.open(session, page);
  await expect.poll(() => popup.overallScore().textContent(), { timeout: 10_000 }).toBe(goodScore);
  await popup.settled();
  return { popup, problems };
}

/** The own-profile fixture with the badge showing the good score, its card opened. */
async function openBadgeCardWithGoodData() {
  const page = await session.context.newPage();
  const problems = watchProblems(page);
  // The worker lets a LinkedIn tab force one refresh per account per 30 s, and remembers that
  // in memory: a stopped worker (as Chromium stops an idle one) gives each case its own.
  await stopServiceWorker(page);
  await page.goto(`${LINKEDIN}/in/${ME.slug}/`);
  const ssi = badge(page);
  // With the " !" the pill draws after a failed refresh (an earlier case's), or without it.
  await expect
    .poll(() => ssi.text('.ssi-pill__label'), { timeout: 10_000 })
    .toMatch(new RegExp(`^SSI ${goodScore}( !)?$`));
  await ssi.click('.ssi-pill');
  const card = '[role="dialog"]';
  await expect.poll(() => ssi.isVisible(card)).toBe(true);
  return { page, problems, ssi, card };
}

/** Presses Refresh with `reply` (null: the normal answer) and waits for the outcome. */
async function refreshWith(popup: PopupPage, hostile: HostileCase | null): Promise<void> {
  sandbox.resetRequests();
  sandbox.setSsiReply(hostile?.reply ?? null);
  await popup.refresh();
  await expect.poll(() => ssiRequests().length, { timeout: 10_000 }).toBeGreaterThan(0);
  await popup.settled();
}

/** Brings the good reading back into the cache after a valid hostile answer replaced it. */
async function restoreGoodData(popup: PopupPage): Promise<void> {
  await refreshWith(popup, null);
  const entry = await storedEntry();
  expect(entry?.lastError).toBeNull();
  expect(entry?.snapshot?.industry?.industryName).toBe(goodBody().industry.industryName);
  expect(entry?.snapshot?.accountId).toBe(goodBody().accountId);
}

/**
 * The options page right after install. The extension opens it by itself then; opening another
 * one at the same moment races that (Chromium reuses the tab, and one navigation interrupts the
 * other), so that tab is taken when it comes.
 */
async function firstOptionsPage(): Promise<OptionsPage> {
  const isOptions = (page: Page) => page.url().endsWith('/options.html');
  let opened = session.context.pages().find(isOptions);
  for (let waited = 0; !opened && waited < 5_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    opened = session.context.pages().find(isOptions);
  }
  if (!opened) return OptionsPage.open(session);
  await opened.getByLabel('API base URL').waitFor();
  return new OptionsPage(opened);
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  session = await launchWithExtension();
  await serveLinkedIn(session.context);
  const options = await firstOptionsPage();
  expect(await options.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandbox.url })).toBe('Saved.');
  await options.page.close();

  const page = await session.context.newPage();
  const popup = await PopupPage.open(session, page);
  // expect.poll is for tests only: wait with Playwright here.
  await popup.overallScore().filter({ hasText: /^\d+$/ }).waitFor({ timeout: 10_000 });
  await popup.settled();
  goodScore = (await popup.overallScore().textContent()) ?? '';
  goodOverall = goodBody().memberScore.overall;
  expect(goodScore).toBe(String(Math.round(goodOverall)));
  expect((await storedEntry())?.snapshot?.overall).toBe(goodOverall);
  // What the popup legitimately holds: module scripts with src, no img and no inline script.
  expect(await page.locator('script[src]').count()).toBeGreaterThan(0);
  expect(await page.locator(INJECTED).count()).toBe(0);
  await page.close();
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

afterEach(async () => {
  sandbox.setSsiReply(null);
  for (const page of session.context.pages()) await page.close();
});

describe('Hostile and broken API responses', () => {
  for (const hostile of HOSTILE_CASES) {
    it(
      `popup: ${hostile.name}`,
      async () => {
        const { popup, problems } = await openPopup();
        const page = popup.page;

        await refreshWith(popup, hostile);

        expect(ssiRequests()).toHaveLength(expectedRequests(hostile.code));
        const entry = await storedEntry();
        if (hostile.code === null) {
          expect(await popup.alert().count()).toBe(0);
          expect(await page.locator('main').textContent()).toMatch(hostile.words);
          expect(entry?.lastError).toBeNull();
          for (const kept of hostile.kept ?? []) {
            expect(entry?.snapshot && keptValue(entry.snapshot, kept.field)).toBe(kept.text);
            if (kept.shownInPopup) expect(await page.getByText(kept.text).isVisible()).toBe(true);
          }
        } else {
          const alert = popup.alert();
          expect(await alert.getAttribute('data-error-code')).toBe(hostile.code);
          const said = (await alert.textContent()) ?? '';
          expect(said).toMatch(hostile.words);
          expect(said).toContain('Showing your last SSI');
          expect(await popup.overallScore().textContent()).toBe(goodScore);
          expect(entry?.snapshot?.overall).toBe(goodOverall);
          expect(entry?.lastError?.error.code).toBe(hostile.code);
        }
        if (hostile.neverShown) {
          // Soft: each place it reaches is reported. The popup page reads this cache itself.
          const inPage = await page.evaluate(() => chrome.storage.local.get('ssiCache'));
          expect
            .soft(JSON.stringify(inPage), 'storage as the popup page reads it')
            .not.toContain(hostile.neverShown);
          expect.soft(JSON.stringify(entry), 'cache entry in the worker').not.toContain(hostile.neverShown);
          expect
            .soft(await page.locator('body').textContent(), 'popup text')
            .not.toContain(hostile.neverShown);
        }
        expect(await page.locator(INJECTED).count()).toBe(0);
        expect(problems).toEqual([]);

        if (hostile.code === null) await restoreGoodData(popup);
        if (hostile.code === 'rate-limited') await forgetPause(page);
      },
      hostile.reply.kind === 'hang' ? 60_000 : 30_000,
    );
  }

  it('badge: a script-string industry name shows as text in the card, and creates no element', async () => {
    const scriptCase = caseNamed('industryName holding <img onerror> and <script> (accepted, shown as text)');
    const { popup } = await openPopup();
    await refreshWith(popup, scriptCase);
    expect((await storedEntry())?.snapshot?.industry?.industryName).toBe(SCRIPT_INDUSTRY);

    const { page, problems, ssi, card } = await openBadgeCardWithGoodData();
    expect(await ssi.text(card)).toContain(SCRIPT_INDUSTRY);
    expect(await ssi.showsText(SCRIPT_INDUSTRY)).toBe(true);
    expect(await ssi.countInside(INJECTED)).toBe(0);
    expect(await page.locator('img[src="x"], iframe[src^="javascript:"]').count()).toBe(0);
    expect(problems).toEqual([]);

    await restoreGoodData(popup);
  });

  it.for([
    'an HTML login page with a 200',
    'HTTP 403 whose words are markup',
    'HTTP 503',
    'memberScore.overall is a numeric string',
  ])('badge: after "%s" it still shows the last good SSI, and why', async (name) => {
    const hostile = caseNamed(name);
    const { problems, ssi } = await openBadgeCardWithGoodData();

    sandbox.resetRequests();
    sandbox.setSsiReply(hostile.reply);
    await ssi.click({ selector: 'button', text: 'Refresh' });
    const message = '.ssi-card__message';
    await expect
      .poll(() => ssi.text(message), { timeout: 15_000 })
      .toMatch(hostile.badgeWords ?? hostile.words);
    expect(await ssi.text(message)).toContain('Showing your last SSI');
    // The last good score, marked as not refreshed (the " !" the CSS draws after it).
    expect(await ssi.text('.ssi-pill__label')).toBe(`SSI ${goodScore} !`);
    expect((await ssi.read('.ssi'))?.attributes['data-tone']).toBe('warning');
    expect(ssiRequests()).toHaveLength(expectedRequests(hostile.code));
    expect((await storedEntry())?.snapshot?.overall).toBe(goodOverall);
    expect(await ssi.countInside(INJECTED)).toBe(0);
    expect(problems).toEqual([]);
  });

  it('connection refused: the popup says the API is unreachable and keeps the last good SSI', async () => {
    // A second sandbox on its own origin (its own cache slot), stopped once good data is cached.
    const second = await startSandbox({ port: 0 });
    try {
      const options = await OptionsPage.open(session);
      // A new address takes the key pasted again (the saved key goes to its own address only).
      expect(await options.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: second.url })).toBe('Saved.');
      await options.page.close();
      const { popup, problems } = await openPopup();
      await second.close();

      await popup.refresh();
      await expect
        .poll(() => popup.alert().getAttribute('data-error-code'), { timeout: 15_000 })
        .toBe('network');
      await popup.settled();
      const said = (await popup.alert().textContent()) ?? '';
      expect(said).toMatch(/Could not reach the API/);
      expect(said).toContain('Showing your last SSI');
      expect(await popup.overallScore().textContent()).toBe(goodScore);
      const entry = await storedEntry(second.url);
      expect(entry?.snapshot?.overall).toBe(goodOverall);
      expect(entry?.lastError?.error.code).toBe('network');
      expect(problems).toEqual([]);
    } finally {
      await second.close();
      const options = await OptionsPage.open(session);
      expect(await options.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandbox.url })).toBe('Saved.');
    }
  });
});

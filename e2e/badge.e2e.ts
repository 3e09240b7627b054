import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_DEMO_KEY } from '../sandbox/keys';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { launchWithExtension, watchErrors, type ExtensionSession } from './browser';
import { badges, LINKEDIN, ME, mains, navigateInApp, OTHER, serveLinkedIn } from './linkedin';
import { OptionsPage } from './pages';
import { reloadExtension } from './worker';

let sandbox: SandboxServer;
let session: ExtensionSession;
let expectedScore: string;

/** Gives the content script time to decide; absence cannot be awaited any other way. */
const settle = (page: Page) => page.waitForTimeout(1_500);

async function open(path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${LINKEDIN}${path}`);
  return page;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  session = await launchWithExtension();
  await serveLinkedIn(session.context);
  const options = await OptionsPage.open(session);
  expect(await options.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandbox.url })).toBe('Saved.');
  await options.page.close();
  const response = await fetch(`${sandbox.url}/linkedin/ssi`, {
    headers: { Authorization: `Bearer ${SANDBOX_DEMO_KEY}` },
  });
  const body = (await response.json()) as { memberScore: { overall: number } };
  expectedScore = String(Math.round(body.memberScore.overall));
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

afterEach(async () => {
  for (const page of session.context.pages()) await page.close();
});

describe('the SSI badge on LinkedIn', () => {
  it("shows exactly one badge with the score on the account's own profile, before the popup was ever opened", async () => {
    const page = await open(`/in/${ME.slug}/`);
    await expect
      .poll(() => badges(page).locator('.ssi-pill__label').textContent())
      .toBe(`SSI ${expectedScore}`);
    await settle(page);
    expect(await badges(page).count()).toBe(1);
    // It sits next to the visible name, not in the hidden duplicate card.
    const placed = await badges(page).evaluate((host) => ({
      afterName: host.previousElementSibling?.tagName,
      cardHidden: host.closest('section')?.getAttribute('style'),
    }));
    expect(placed).toEqual({ afterName: 'H1', cardHidden: null });
  });

  it("shows no badge on someone else's profile or on the feed", async () => {
    for (const path of [`/in/${OTHER.slug}/`, '/feed/']) {
      const page = await open(path);
      await settle(page);
      expect(await badges(page).count(), path).toBe(0);
      await page.close();
    }
  });

  it('opens a card with pillars, ranks and freshness; Esc and a click outside close it', async () => {
    const page = await open(`/in/${ME.slug}/`);
    const pill = badges(page).locator('.ssi-pill');
    await pill.click();
    const card = badges(page).getByRole('dialog');
    await expect.poll(() => card.isVisible()).toBe(true);
    const text = (await card.textContent()) ?? '';
    for (const words of [
      'Establish your professional brand',
      'Build relationships',
      'Top ',
      'in your network',
      'Updated',
    ]) {
      expect(text).toContain(words);
    }
    expect(await pill.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.isVisible()).toBe(false);
    await pill.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => card.isVisible()).toBe(true);
    await page.mouse.click(5, 400);
    await expect.poll(() => card.isVisible()).toBe(false);
  });

  it("opens the extension's full view in a new tab from the card", async () => {
    const page = await open(`/in/${ME.slug}/`);
    await badges(page).locator('.ssi-pill').click();
    const opened = session.context.waitForEvent('page');
    await badges(page).getByRole('button', { name: 'Open full view' }).click();
    const tab = await opened;

    await tab.waitForLoadState();
    expect(tab.url()).toBe(session.url('popup.html'));
    await expect.poll(() => tab.getByTestId('overall-score').textContent()).toBe(expectedScore);
  });

  it('follows in-app navigation: feed → own profile adds the badge, back to the feed removes it', async () => {
    const page = await open('/feed/');
    const errors = watchErrors(page);
    await settle(page);
    expect(await badges(page).count()).toBe(0);
    await navigateInApp(page, `/in/${ME.slug}/`, mains.own());
    await expect.poll(() => badges(page).count()).toBe(1);
    await navigateInApp(page, `/in/${OTHER.slug}/`, mains.other());
    await expect.poll(() => badges(page).count()).toBe(0);
    await navigateInApp(page, `/in/${ME.slug}/`, mains.own());
    await expect.poll(() => badges(page).count()).toBe(1);
    await navigateInApp(page, '/feed/', mains.feed());
    await expect.poll(() => badges(page).count()).toBe(0);
    await settle(page);
    expect(await badges(page).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  describe("the badge's code runs only on profiles", () => {
    /**
     * The extension's scripts V8 has parsed in the tab (the content scripts' world included),
     * by path, and whether as a module: replayed to the debugger when it is enabled, then
     * reported as they come.
     */
    async function watchScripts(page: Page) {
      const parsed: string[] = [];
      const cdp = await session.context.newCDPSession(page);
      cdp.on('Debugger.scriptParsed', ({ url, isModule }: { url: string; isModule?: boolean }) => {
        if (url.startsWith('chrome-extension:'))
          parsed.push(`${new URL(url).pathname}${isModule ? ' (module)' : ''}`);
      });
      await cdp.send('Debugger.enable');
      return parsed;
    }

    it('the feed runs the gate alone; an in-app navigation to a profile imports the badge', async () => {
      const page = await open('/feed/');
      await settle(page);
      const parsed = await watchScripts(page);
      expect(parsed).toEqual(['/linkedin-badge.js']);

      await navigateInApp(page, `/in/${ME.slug}/`, mains.own());
      await expect.poll(() => badges(page).count()).toBe(1);
      await expect.poll(() => parsed).toEqual(['/linkedin-badge.js', '/linkedin-profile-badge.js (module)']);
    });

    it('an in-app navigation to /in/me/ whose profile is drawn before the badge is loaded still gets its badge beside the name', async () => {
      const page = await open('/feed/');
      await settle(page);
      // LinkedIn may draw the new profile before the badge's script has been imported.
      await navigateInApp(page, '/in/me/', mains.own(), { drawnFirst: true });
      await expect.poll(() => badges(page).count()).toBe(1);
      expect(await badges(page).evaluate((host) => host.previousElementSibling?.tagName)).toBe('H1');
    });

    it('a page loaded at a profile gets it from the manifest, not by importing it', async () => {
      const page = await open(`/in/${ME.slug}/`);
      await expect.poll(() => badges(page).count()).toBe(1);
      const parsed = await watchScripts(page);
      expect(parsed).toEqual(['/linkedin-profile-badge.js', '/linkedin-badge.js']);
    });
  });

  it('comes back, once, when LinkedIn re-renders the top card it sat in', async () => {
    const page = await open(`/in/${ME.slug}/`);
    await expect.poll(() => badges(page).count()).toBe(1);
    await page.evaluate(() => {
      const card = [...document.querySelectorAll('[componentkey$="Topcard"]')].find((el) =>
        el.checkVisibility(),
      )!;
      const fresh = card.cloneNode(true) as Element;
      fresh.querySelector('ssi-badge')?.remove();
      card.replaceWith(fresh);
    });
    expect(await badges(page).count()).toBe(0);
    await expect.poll(() => badges(page).count(), { timeout: 6_000 }).toBe(1);
    await settle(page);
    expect(await badges(page).count()).toBe(1);
  });

  it('turning the option off removes the badge at once in open tabs, and on turns it back', async () => {
    const page = await open(`/in/${ME.slug}/`);
    await expect.poll(() => badges(page).count()).toBe(1);
    const options = await OptionsPage.open(session);
    await options.page.getByLabel('Show the badge on LinkedIn').uncheck();
    expect(await options.save()).toBe('Saved.');
    await expect.poll(() => badges(page).count()).toBe(0);
    await options.page.getByLabel('Show the badge on LinkedIn').check();
    expect(await options.save()).toBe('Saved.');
    await expect.poll(() => badges(page).count()).toBe(1);
  });

  it('removes the badge cleanly, without page errors, when the extension is reloaded', async () => {
    const page = await open(`/in/${ME.slug}/`);
    const errors = watchErrors(page);
    await expect.poll(() => badges(page).count()).toBe(1);
    await reloadExtension(session);
    await expect.poll(() => badges(page).count(), { timeout: 10_000 }).toBe(0);
    expect(errors).toEqual([]);
  });
});

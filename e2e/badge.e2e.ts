import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchErrors } from './browser';
import { badge, expectBadgeWithinBudget, recordBadgeShown } from './badge-probe';
import { badgeSessionPerFile } from './badge-session';
import { LINKEDIN, ME, MEMBER, navigateInApp, OTHER } from './linkedin';
import { OptionsPage } from './pages';
import { reloadExtension } from './worker';
import { SANDBOX_ACCOUNTS, type SsiBody } from '../sandbox/data';
import { SANDBOX_DEMO_KEY } from '../sandbox/keys';

const MEMBER_ID = SANDBOX_ACCOUNTS[1]!.id;

const suite = badgeSessionPerFile();

async function open(path: string): Promise<Page> {
  const page = await suite().session.context.newPage();
  await page.goto(`${LINKEDIN}${path}`);
  return page;
}

describe('the SSI badge on LinkedIn', () => {
  it("shows exactly one badge with the score on the account's own profile, before the popup was ever opened", async () => {
    const page = await open(`/in/${ME.slug}/`);
    const ssi = badge(page);
    await expect.poll(() => ssi.text('.ssi-pill__label')).toBe(`SSI ${suite().score}`);
    await ssi.holdsCount(1);
    // It sits next to the visible name, not in the hidden duplicate card.
    expect(await ssi.placement()).toEqual({ after: 'H1', inVisibleCard: true, corner: false });
  });

  it("shows no badge on someone else's profile or on the feed", async () => {
    for (const path of [`/in/${OTHER.slug}/`, '/feed/']) {
      const page = await open(path);
      await badge(page).holdsCount(0);
      await page.close();
    }
  });

  it('shows another account of the key its own SSI on its own profile, whichever account is selected', async () => {
    const { sandbox } = suite();
    const response = await fetch(`${sandbox.url}/linkedin/ssi?accountId=${MEMBER_ID}`, {
      headers: { Authorization: `Bearer ${SANDBOX_DEMO_KEY}` },
    });
    const member = (await response.json()) as SsiBody;
    const memberScore = String(Math.round(member.memberScore.overall));
    expect(memberScore).not.toBe(suite().score);

    const page = await open(`/in/${MEMBER.slug}/`);
    const ssi = badge(page);
    await expect.poll(() => ssi.text('.ssi-pill__label')).toBe(`SSI ${memberScore}`);
    await ssi.holdsCount(1);
    // The selected account's badge is still its own on its profile.
    await navigateInApp(page, `/in/${ME.slug}/`);
    await expect.poll(() => ssi.text('.ssi-pill__label')).toBe(`SSI ${suite().score}`);
  });

  it('opens a card with pillars, ranks and freshness; Esc and a click outside close it', async () => {
    const page = await open(`/in/${ME.slug}/`);
    const ssi = badge(page);
    await expect.poll(() => ssi.count()).toBe(1);
    await ssi.click('.ssi-pill');
    const card = '[role="dialog"]';
    await expect.poll(() => ssi.isVisible(card)).toBe(true);
    const text = (await ssi.text(card)) ?? '';
    for (const words of [
      'Establish your professional brand',
      'Build relationships',
      'Top ',
      'in your network',
      'Updated',
    ]) {
      expect(text).toContain(words);
    }
    expect((await ssi.read('.ssi-pill'))?.attributes['aria-expanded']).toBe('true');
    // The open card (its shadow too) leaves the pill uncovered: it still works, to close the card.
    expect(await ssi.isSeen('.ssi-pill')).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => ssi.isVisible(card)).toBe(false);
    await ssi.focus('.ssi-pill');
    await page.keyboard.press('Enter');
    await expect.poll(() => ssi.isVisible(card)).toBe(true);
    await page.mouse.click(5, 400);
    await expect.poll(() => ssi.isVisible(card)).toBe(false);
  });

  it('opens the dashboard in a new tab from the card', async () => {
    const page = await open(`/in/${ME.slug}/`);
    const ssi = badge(page);
    await expect.poll(() => ssi.count()).toBe(1);
    await ssi.click('.ssi-pill');
    const opened = suite().session.context.waitForEvent('page');
    await ssi.click({ selector: 'button', text: 'Open dashboard' });
    const tab = await opened;

    await tab.waitForLoadState();
    expect(tab.url()).toBe(suite().session.url('dashboard.html'));
    await expect.poll(() => tab.getByTestId('overall-score').textContent()).toBe(suite().score);
  });

  it('follows in-app navigation: feed → own profile adds the badge, back to the feed removes it', async () => {
    const page = await open('/feed/');
    const errors = watchErrors(page);
    const ssi = badge(page);
    await ssi.holdsCount(0);
    await navigateInApp(page, `/in/${ME.slug}/`);
    await expect.poll(() => ssi.count()).toBe(1);
    await navigateInApp(page, `/in/${OTHER.slug}/`);
    await expect.poll(() => ssi.count()).toBe(0);
    await navigateInApp(page, `/in/${ME.slug}/`);
    await expect.poll(() => ssi.count()).toBe(1);
    await navigateInApp(page, '/feed/');
    await ssi.holdsCount(0);
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
      const cdp = await suite().session.context.newCDPSession(page);
      cdp.on('Debugger.scriptParsed', ({ url, isModule }: { url: string; isModule?: boolean }) => {
        if (url.startsWith('chrome-extension:'))
          parsed.push(`${new URL(url).pathname}${isModule ? ' (module)' : ''}`);
      });
      await cdp.send('Debugger.enable');
      return parsed;
    }

    it('the feed runs the gate alone; an in-app navigation to a profile imports the badge', async () => {
      const page = await open('/feed/');
      await badge(page).holdsCount(0);
      const parsed = await watchScripts(page);
      expect(parsed).toEqual(['/linkedin-gate.js']);

      await navigateInApp(page, `/in/${ME.slug}/`);
      await expect.poll(() => badge(page).count()).toBe(1);
      await expect.poll(() => parsed).toEqual(['/linkedin-gate.js', '/linkedin-profile-badge.js (module)']);
    });

    it('an in-app navigation to /in/me/ whose profile is drawn before the badge is loaded still gets its badge beside the name', async () => {
      const page = await open('/feed/');
      const ssi = badge(page);
      await ssi.holdsCount(0);
      // LinkedIn may draw the new profile before the badge's script has been imported.
      await navigateInApp(page, '/in/me/', { drawnFirst: true });
      await expect.poll(() => ssi.count()).toBe(1);
      expect(await ssi.placement()).toEqual({ after: 'H1', inVisibleCard: true, corner: false });
    });

    it('a page loaded at a profile gets it from the manifest, not by importing it', async () => {
      const page = await open(`/in/${ME.slug}/`);
      await expect.poll(() => badge(page).count()).toBe(1);
      const parsed = await watchScripts(page);
      expect(parsed).toEqual(['/linkedin-profile-badge.js', '/linkedin-gate.js']);
    });
  });

  it('comes back, once, within a second, when LinkedIn re-renders the top card it sat in', async () => {
    const page = await suite().session.context.newPage();
    await recordBadgeShown(page);
    await page.goto(`${LINKEDIN}/in/${ME.slug}/`);
    const ssi = badge(page);
    await expect.poll(() => ssi.count()).toBe(1);
    await page.evaluate(() =>
      (window as unknown as { __router: { rerenderTopCard(): void } }).__router.rerenderTopCard(),
    );
    await expectBadgeWithinBudget(page);
    await ssi.holdsCount(1);
    expect(await ssi.placement()).toEqual({ after: 'H1', inVisibleCard: true, corner: false });
    // A second host, in the new card: the first went with the card it sat in.
    expect(
      await page.evaluate(() => (window as unknown as { __badgeShown: number[] }).__badgeShown.length),
    ).toBe(2);
  });

  it('turning the option off removes the badge at once in open tabs, and on turns it back', async () => {
    const page = await open(`/in/${ME.slug}/`);
    const ssi = badge(page);
    await expect.poll(() => ssi.count()).toBe(1);
    const options = await OptionsPage.open(suite().session);
    await options.page.getByLabel('Show the badge on LinkedIn').uncheck();
    expect(await options.save()).toBe('Saved.');
    await expect.poll(() => ssi.count()).toBe(0);
    await options.page.getByLabel('Show the badge on LinkedIn').check();
    expect(await options.save()).toBe('Saved.');
    await expect.poll(() => ssi.count()).toBe(1);
  });

  it('removes the badge cleanly, without page errors, when the extension is reloaded', async () => {
    const page = await open(`/in/${ME.slug}/`);
    const errors = watchErrors(page);
    const ssi = badge(page);
    await expect.poll(() => ssi.count()).toBe(1);
    await reloadExtension(suite().session);
    await expect.poll(() => ssi.count(), { timeout: 10_000 }).toBe(0);
    expect(errors).toEqual([]);
  });
});

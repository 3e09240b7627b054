/**
 * Every way a user reaches their own profile on LinkedIn, as its router really navigates: the
 * URL first, then a skeleton, then the page's markup, with `<main>`, its parent or the whole
 * app outlet replaced. In each, the badge must be on screen within 1 s of the profile's markup
 * arriving (both times taken in the page), beside the visible name, once; and nowhere else.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { badge, expectBadgeWithinBudget, recordBadgeShown } from './badge-probe';
import { watchErrors } from './browser';
import { badgeSessionPerFile } from './badge-session';
import { LINKEDIN, ME, navigateInApp, OTHER, type InAppNavigation } from './linkedin';

const OWN = `/in/${ME.slug}/`;
const OTHERS = `/in/${OTHER.slug}/`;

const suite = badgeSessionPerFile();
/** What the badge says on the own profile. */
const expectedLabel = () => `SSI ${suite().score}`;

/** A LinkedIn tab loaded at `path`, recording when badges come on screen, and its errors. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await suite().session.context.newPage();
  const errors = watchErrors(page);
  await recordBadgeShown(page);
  await page.goto(`${LINKEDIN}${path}`);
  return { page, errors };
}

/** How many times the fixture's router has drawn a page's markup. */
const arrivals = (page: Page) =>
  page.evaluate(() => (window as unknown as { __arrivals: unknown[] }).__arrivals.length);

/** Waits until the router has drawn markup more than `seen` times (a click or back/forward). */
async function arrivalAfter(page: Page, seen: number): Promise<void> {
  await page.waitForFunction(
    (count) => (window as unknown as { __arrivals: unknown[] }).__arrivals.length > count,
    seen,
  );
}

/** Sets how the router draws the pages it routes to itself (the "Me" link, back and forward). */
async function routeWith(page: Page, navigation: InAppNavigation): Promise<void> {
  await page.evaluate(
    (options) =>
      Object.assign((window as unknown as { __router: { options: object } }).__router.options, options),
    navigation,
  );
}

/** The badge is on screen within the budget, once, with the score, beside the visible name. */
async function expectOwnBadge(page: Page): Promise<void> {
  await expectBadgeWithinBudget(page);
  const ssi = badge(page);
  expect(await ssi.text('.ssi-pill__label')).toBe(expectedLabel());
  expect(await ssi.placement()).toEqual({ after: 'H1', inVisibleCard: true, corner: false });
  await ssi.holdsCount(1, 1_000);
}

describe('the badge follows every way in to the own profile, on screen within 1 s of its markup', () => {
  it.each([
    {
      way: 'the old page for 200 ms, then the whole app outlet swapped, a skeleton without <main> for 300 ms',
      to: OWN,
      navigation: { level: 'outlet', oldPageMs: 200, delayMs: 300 },
    },
    {
      way: 'the whole app outlet swapped, a skeleton without <main> for 2 s',
      to: OWN,
      navigation: { level: 'outlet', delayMs: 2_000 },
    },
    {
      way: "the old page for 200 ms, then <main>'s parent swapped, the markup in the next task",
      to: OWN,
      navigation: { level: 'parent', oldPageMs: 200, delayMs: 0 },
    },
    {
      way: '<main> swapped, the markup drawn before the URL changes',
      to: OWN,
      navigation: { level: 'main', drawnFirst: true },
    },
    {
      way: '/in/me/, the old page for 200 ms, then the whole app outlet swapped, 300 ms',
      to: '/in/me/',
      navigation: { level: 'outlet', oldPageMs: 200, delayMs: 300 },
    },
  ] as { way: string; to: string; navigation: InAppNavigation }[])(
    'from the feed: $way',
    async ({ to, navigation }) => {
      const { page, errors } = await open('/feed/');
      await badge(page).holdsCount(0);

      await navigateInApp(page, to, navigation);

      await expectOwnBadge(page);
      expect(errors).toEqual([]);
    },
  );

  it.each([
    {
      way: 'the old page for 200 ms, then the whole app outlet swapped, 300 ms',
      level: 'outlet',
      oldPageMs: 200,
      delayMs: 300,
    },
    { way: "<main>'s parent swapped at once, a skeleton for 2 s", level: 'parent', delayMs: 2_000 },
    {
      way: 'the old page for 200 ms, then <main> swapped, the markup in the next task',
      level: 'main',
      oldPageMs: 200,
      delayMs: 0,
    },
  ] as (InAppNavigation & { way: string })[])(
    "from someone else's profile by the header's Me link: $way",
    async ({ way: _way, ...navigation }) => {
      const { page, errors } = await open(OTHERS);
      await badge(page).holdsCount(0);
      await routeWith(page, navigation);
      const seen = await arrivals(page);

      // A real click: the page's router takes it (preventDefault, pushState, skeleton, markup).
      await page.getByRole('link', { name: 'Me', exact: true }).click();
      await arrivalAfter(page, seen);

      expect(new URL(page.url()).pathname).toBe(OWN);
      await expectOwnBadge(page);
      expect(errors).toEqual([]);
    },
  );

  it('loaded at /in/me/', async () => {
    const { page, errors } = await open('/in/me/');

    await expectOwnBadge(page);
    expect(errors).toEqual([]);
  });

  it('back and forward: the badge follows the history, shown on the own profile only', async () => {
    const { page, errors } = await open('/feed/');
    await routeWith(page, { level: 'outlet', oldPageMs: 100, delayMs: 300 });
    const ssi = badge(page);
    await navigateInApp(page, OWN, { level: 'outlet', delayMs: 0 });
    await expectOwnBadge(page);
    await navigateInApp(page, OTHERS, { level: 'parent', delayMs: 300 });
    await ssi.holdsCount(0);

    for (const [step, own] of [
      ['back', true],
      ['back', false],
      ['forward', true],
      ['forward', false],
    ] as const) {
      const seen = await arrivals(page);
      await (step === 'back' ? page.goBack() : page.goForward());
      await arrivalAfter(page, seen);
      if (own) await expectOwnBadge(page);
      else await ssi.holdsCount(0);
    }
    expect(new URL(page.url()).pathname).toBe(OTHERS);
    expect(errors).toEqual([]);
  });

  it('LinkedIn re-rendering the top card after an in-app navigation, again and again', async () => {
    const { page, errors } = await open('/feed/');
    await navigateInApp(page, OWN, { level: 'outlet', delayMs: 300 });
    await expectOwnBadge(page);

    // Each time as soon as the badge is back: no timer's lucky phase can bring it back in time.
    for (let round = 0; round < 3; round++) {
      await page.evaluate(() =>
        (window as unknown as { __router: { rerenderTopCard(): void } }).__router.rerenderTopCard(),
      );
      await expectBadgeWithinBudget(page);
    }
    await expectOwnBadge(page);
    expect(errors).toEqual([]);
  });

  it("leaves no badge on the way to someone else's profile or to the feed", async () => {
    const { page, errors } = await open(OWN);
    const ssi = badge(page);
    await expectOwnBadge(page);

    await navigateInApp(page, OTHERS, { level: 'outlet', oldPageMs: 200, delayMs: 300 });
    await ssi.holdsCount(0);
    await navigateInApp(page, OWN, { level: 'main', delayMs: 300 });
    await expectOwnBadge(page);
    await navigateInApp(page, '/feed/', { level: 'parent', delayMs: 0 });
    await ssi.holdsCount(0);
    expect(errors).toEqual([]);
  });
});

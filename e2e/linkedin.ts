/** Serves the LinkedIn fixtures under LinkedIn's real URLs, and drives in-app navigation. */
import type { BrowserContext, Page } from 'playwright-core';
import { SANDBOX_ACCOUNTS } from '../sandbox/data';
import {
  darkTheme,
  feedMain,
  page,
  profileMain,
  routerScript,
  topCard,
  type Person,
  type SwapLevel,
} from './fixtures/linkedin';

function person(index: number): Person {
  const account = SANDBOX_ACCOUNTS[index]!;
  return {
    slug: account.publicId,
    profileId: account.profileUrn.replace('urn:li:fsd_profile:', ''),
    name: `${account.firstName} ${account.lastName}`,
  };
}

/** The sandbox's default account, as LinkedIn knows it: the viewer in every fixture. */
export const ME = person(0);
/** Another account of the sandbox key (a teammate sharing it): the badge shows theirs on their profile. */
export const MEMBER = person(1);
/** Someone who is no account of the key: never a badge on their profile. */
export const OTHER: Person = {
  slug: 'jane-stranger-7',
  profileId: 'ACoAAE5trAnG3rJaNe0x9Qw1Lk4Vb7sPd2',
  name: 'Jane Stranger',
};

export const LINKEDIN = 'https://www.linkedin.com';

/**
 * How a page's own script finds the badge's host, which carries no marker of ours: a `span`
 * without children (its content is in its closed shadow root) that has a box nonetheless. A
 * JavaScript expression, for scripts run in the page (the hostile ones, the time-to-screen
 * recorders of the e2e suites and of the bench). The fixtures have no other such span; the
 * tests themselves find the badge through the DevTools protocol (`badge-probe.ts`).
 */
export const FIND_BADGE_HOSTS =
  "[...document.querySelectorAll('span:empty')].filter((span) => span.getBoundingClientRect().width > 0)";

/** The `<main>` of every path of the fixture LinkedIn. */
export function fixtureMains(): Record<string, string> {
  return {
    '/feed/': feedMain(),
    [`/in/${ME.slug}/`]: ownProfileMain(ME),
    // The duplicate the other way round; what `/in/me/` shows has no slug of its own to tie to.
    '/in/me/': profileMain({
      viewer: ME,
      profile: ME,
      cards: [topCard(ME, { own: true }), topCard(ME, { own: true, hidden: true })],
    }),
    [`/in/${OTHER.slug}/`]: profileMain({
      viewer: ME,
      profile: OTHER,
      cards: [topCard(OTHER, { own: false, hidden: true }), topCard(OTHER, { own: false })],
    }),
    [`/in/${MEMBER.slug}/`]: profileMain({
      viewer: ME,
      profile: MEMBER,
      cards: [topCard(MEMBER, { own: false })],
    }),
  };
}

/**
 * The `<main>` of `member`'s own profile, as LinkedIn shows it to them (signed in as
 * themselves). LinkedIn keeps hidden duplicates: exactly one badge must appear, on the visible
 * card.
 */
export function ownProfileMain(member: Person): string {
  return profileMain({
    viewer: member,
    profile: member,
    cards: [topCard(member, { own: true, hidden: true }), topCard(member, { own: true })],
  });
}

/**
 * A teammate's own profile as a full load: Grace's (`MEMBER`), as LinkedIn shows it to her,
 * signed in as herself; it replaces the fixtures' view of her profile by Ada.
 */
export function memberPages(): Record<string, string> {
  return { [`/in/${MEMBER.slug}/`]: page(MEMBER, ownProfileMain(MEMBER), [MEMBER]) };
}

/**
 * Pages by path; each a full load as LinkedIn would serve it (the blobs name the viewer and
 * the profile shown), with a router that navigates in-app between all of them (`routerScript`).
 */
export function fixturePages(): Record<string, string> {
  const mains = fixtureMains();
  const script = routerScript(mains);
  const shown: Record<string, Person[]> = {
    '/feed/': [ME],
    [`/in/${ME.slug}/`]: [ME],
    '/in/me/': [ME],
    [`/in/${OTHER.slug}/`]: [ME, OTHER],
    [`/in/${MEMBER.slug}/`]: [ME, MEMBER],
  };
  return Object.fromEntries(
    Object.entries(mains).map(([path, main]) => [path, page(ME, main, shown[path] ?? [ME], script)]),
  );
}

/**
 * Routes every `https://www.linkedin.com/**` request to the fixtures (404 for the rest);
 * `?theme=dark` serves a page in LinkedIn's dark theme.
 */
export async function serveLinkedIn(context: BrowserContext, pages = fixturePages()): Promise<void> {
  await context.route(`${LINKEDIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const body = pages[url.pathname];
    if (body === undefined || route.request().resourceType() !== 'document') {
      await route.fulfill({ status: 404, body: '' });
      return;
    }
    const html = url.searchParams.get('theme') === 'dark' ? darkTheme(body) : body;
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
}

export interface InAppNavigation {
  /** The container the router replaces (default `<main>`). */
  level?: SwapLevel;
  /** How long the old page stays on screen once the URL has changed (default 0). */
  oldPageMs?: number;
  /** From the skeleton to the page's markup (default 300 ms). */
  delayMs?: number;
  /** The new page is drawn before the URL changes (LinkedIn can be that quick). */
  drawnFirst?: boolean;
}

/**
 * Navigates inside the page the way LinkedIn does, with the fixture's router: the URL changes
 * first (pushState), the old page stays `oldPageMs`, a skeleton shows, and the new page's
 * markup arrives `delayMs` later.
 * Resolves once it has arrived.
 */
export async function navigateInApp(
  page: Page,
  path: string,
  navigation: InAppNavigation = {},
): Promise<void> {
  await page.evaluate(
    ({ path, navigation }) =>
      (
        window as unknown as { __router: { go(path: string, options: object): Promise<boolean> } }
      ).__router.go(path, navigation),
    { path, navigation },
  );
}

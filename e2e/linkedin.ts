/** Serves the LinkedIn fixtures under LinkedIn's real URLs, and drives in-app navigation. */
import type { BrowserContext, Page } from 'playwright-core';
import { SANDBOX_ACCOUNTS } from '../sandbox/data';
import {
  darkTheme,
  feedMain,
  feedPage,
  profileMain,
  profilePage,
  skeletonMain,
  topCard,
  type Person,
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
/** Someone else. */
export const OTHER = person(1);

export const LINKEDIN = 'https://www.linkedin.com';

/** Pages by path; each a full load as LinkedIn would serve it. */
export function fixturePages(): Record<string, string> {
  return {
    '/feed/': feedPage(ME),
    [`/in/${ME.slug}/`]: profilePage({
      viewer: ME,
      profile: ME,
      // LinkedIn keeps hidden duplicates: exactly one badge must appear, on the visible card.
      cards: [topCard(ME, { own: true, hidden: true }), topCard(ME, { own: true })],
    }),
    [`/in/${OTHER.slug}/`]: profilePage({ viewer: ME, profile: OTHER }),
  };
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

/**
 * Navigates inside the page the way LinkedIn does: the URL changes first (pushState), a
 * skeleton shows, and the new `<main>` arrives `delayMs` later. With `drawnFirst`, the new
 * `<main>` is already drawn when the URL changes (LinkedIn can be that quick).
 */
export async function navigateInApp(
  page: Page,
  path: string,
  main: string,
  { delayMs = 300, drawnFirst = false }: { delayMs?: number; drawnFirst?: boolean } = {},
): Promise<void> {
  await page.evaluate(
    // No named functions inside: tsx (npm run bench) would wrap them in a helper the page lacks.
    async ({ path, skeleton, main, delayMs, drawnFirst }) => {
      if (!drawnFirst) history.pushState({}, '', path);
      for (const [index, html] of (drawnFirst ? [main] : [skeleton, main]).entries()) {
        if (index > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        const next = new DOMParser()
          .parseFromString(`<body>${html}</body>`, 'text/html')
          .querySelector('main')!;
        document.querySelector('main')!.replaceWith(document.importNode(next, true));
      }
      if (drawnFirst) history.pushState({}, '', path);
    },
    { path, skeleton: skeletonMain(), main, delayMs, drawnFirst },
  );
}

export const mains = {
  feed: feedMain,
  own: () => profileMain({ viewer: ME, profile: ME }),
  other: () => profileMain({ viewer: ME, profile: OTHER }),
};

/** The badge(s) on the page (Playwright's CSS locators pierce open shadow roots). */
export function badges(page: Page) {
  return page.locator('ssi-badge');
}

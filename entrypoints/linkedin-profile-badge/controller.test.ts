// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  feedMain,
  profileMain,
  swapMarkup,
  SWAP_SELECTORS,
  topCard,
  type Person,
  type SwapLevel,
} from '../../e2e/fixtures/linkedin';
import { TOP_CARD } from '@/utils/linkedin/selectors';
import type { ProfileBadgeState } from '@/utils/messaging/protocol';
import { READABLE_CACHE_ENTRY } from '@/utils/testing/cache-entry';
import { installFakeSight, type FakeSight } from '@/utils/testing/sight';
import { userClick, userKey } from '@/utils/testing/user-input';
import { MARKUP_WAIT_MS, MAX_REMOUNTS, REMOUNT_WINDOW_MS, startBadge } from './controller';
import { SEEN_MS } from './sight';
import type { Badge } from '@/utils/linkedin/profile-badge-loader';
import { createScriptLife, type ScriptLife } from '@/utils/linkedin/script-life';

const ME: Person = { slug: 'ada-lovelace-sales', profileId: 'ACoAAB1x2y3z4Q', name: 'Ada Lovelace' };
const OTHER: Person = { slug: 'grace-hopper-42', profileId: 'ACoAAC9hGr4cEH', name: 'Grace Hopper' };
const LINKEDIN = 'https://www.linkedin.com';
const urlOf = (person: Person | 'me') => `${LINKEDIN}/in/${person === 'me' ? 'me' : person.slug}/`;
/** One frame and then some: the badge re-checks a changing page at most once a frame. */
const FRAME_MS = 20;

const KNOWN_ACCOUNT = { profileUrn: `urn:li:fsd_profile:${ME.profileId}`, publicId: ME.slug };

/** What the worker answers `profile-badge:get` with: a reading of 67 for the account, by default. */
function badgeState(overrides: Partial<ProfileBadgeState> = {}): ProfileBadgeState {
  return {
    show: true,
    ssi: {
      snapshot: READABLE_CACHE_ENTRY.snapshot,
      error: null,
      errorAt: null,
      stale: false,
      refreshing: false,
    },
    problem: null,
    account: KNOWN_ACCOUNT,
    ...overrides,
  };
}

/** No key saved: no reading, and the account is not known either. */
const NO_KEY = badgeState({
  ssi: { snapshot: null, error: { code: 'no-key' }, errorAt: null, stale: false, refreshing: false },
  account: { profileUrn: null, publicId: null },
});

/** The worker, as far as the badge talks to it: answers `profile-badge:get` and records what it was asked. */
let answer:
  ProfileBadgeState | ((payload: { page?: { slug: string; profileId: string | null } }) => ProfileBadgeState);
let asked: { type: string; payload: unknown }[];
let alive: boolean;
let badge: Badge;
let life: ScriptLife;
/** Every shadow root made, so the tests can look inside the closed one. */
let roots: ShadowRoot[];
let sight: FakeSight;

function parse(html: string): Element {
  const body = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html').body;
  return document.importNode(body.firstElementChild!, true);
}

/** Draws a page as LinkedIn's app does: the navigation, then `main` inside the app outlet. */
function drawPage(main: string) {
  document.body.replaceChildren(parse(`<header><a href="/in/${ME.slug}/" aria-label="Me">Me</a></header>`));
  document.body.append(parse(swapMarkup('outlet', main)));
}

/** Replaces the container at `level` with `main` (null: the skeleton), as LinkedIn's router does. */
function swap(level: SwapLevel, main: string | null) {
  document.querySelector(SWAP_SELECTORS[level])!.replaceWith(parse(swapMarkup(level, main)));
}

const ownMain = (cards = [topCard(ME, { own: true })]) => profileMain({ viewer: ME, profile: ME, cards });
const otherMain = (cards = [topCard(OTHER, { own: false })]) =>
  profileMain({ viewer: ME, profile: OTHER, cards });

/** The badge's hosts on the page: the hosts of the shadow roots it made (they carry no marker). */
const hosts = () => roots.map((root) => root.host as HTMLElement).filter((host) => host.isConnected);

/** The closed shadow root of the one badge on the page. */
function badgeRoot(): ShadowRoot {
  expect(hosts()).toHaveLength(1);
  return roots.find((root) => root.host === hosts()[0])!;
}

/** Whether the badge's own CSS pins its host to the corner (corner.css). */
const pinned = (host: Element) =>
  /position:\s*fixed/.test(roots.find((root) => root.host === host)!.querySelector('style')!.textContent!);

/** Where the badge's host is: beside the name, pinned in the corner, or elsewhere. */
function placeOf(host: Element): 'beside the name' | 'corner' | 'elsewhere' {
  if (host.previousElementSibling?.tagName === 'H1' && !pinned(host)) return 'beside the name';
  if (host.parentElement === document.body && pinned(host)) return 'corner';
  return 'elsewhere';
}

const label = () => badgeRoot().querySelector('.ssi-pill__label')!.getAttribute('data-text');
const cardOpen = () => !badgeRoot().querySelector<HTMLElement>('[role="dialog"]')!.hidden;
const buttonNamed = (name: string) =>
  [...badgeRoot().querySelectorAll('button')].find((button) => button.getAttribute('data-text') === name)!;

/** The user looks at the badge as it is now, for as long as its controls ask. */
const userSees = () => {
  sight.look();
  return settle(SEEN_MS);
};
const badgeGets = () => asked.filter((message) => message.type === 'profile-badge:get').length;

/** Lets the badge ask the worker and the page's frames run. */
const settle = (ms = FRAME_MS) => vi.advanceTimersByTimeAsync(ms);

/** Starts the badge as the gate does, at `href`, and lets it ask the worker. */
async function start(href: string) {
  life = createScriptLife(() => alive);
  badge = startBadge(life);
  badge.visit(href, false);
  await settle();
}

beforeEach(() => {
  vi.useFakeTimers();
  fakeBrowser.reset();
  alive = true;
  answer = badgeState();
  asked = [];
  roots = [];
  sight = installFakeSight();
  const attachShadow = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    return root;
  });
  fakeBrowser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // The badge's own listener hears this too (the fake browser has one message bus): it must
    // ignore it, having no `profile-badge:changed` in it and no sender id.
    const envelope = message as { type: string; payload: unknown };
    if (envelope.type === 'profile-badge:changed') return;
    asked.push(envelope);
    sendResponse(
      envelope.type === 'profile-badge:get'
        ? { ok: true, value: typeof answer === 'function' ? answer(envelope.payload as never) : answer }
        : { ok: true, value: null },
    );
    return true;
  });
});

afterEach(() => {
  // The extension goes: the badge's life ends and takes its listeners, observers and host.
  alive = false;
  expect(life.ended).toBe(true);
  expect(hosts()).toHaveLength(0);
  expect(sight.observers).toBe(0);
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('the badge without a key ("SSI: set up")', () => {
  it('is placed beside the name on the own profile, recognised by its own-profile controls', async () => {
    answer = NO_KEY;
    drawPage(ownMain());

    await start(urlOf(ME));

    expect(label()).toBe('SSI: set up');
    expect(placeOf(hosts()[0]!)).toBe('beside the name');
  });

  it("is never placed on someone else's profile, not even once the wait is over", async () => {
    answer = NO_KEY;
    drawPage(otherMain());

    await start(urlOf(OTHER));
    await settle(MARKUP_WAIT_MS);

    expect(hosts()).toHaveLength(0);
  });
});

describe('another account of the key', () => {
  /** The worker: the member's own state for a page naming the member, else the selected account's. */
  const memberWorker = (payload: { page?: { slug: string; profileId: string | null } }) =>
    payload.page?.profileId === OTHER.profileId || payload.page?.slug === OTHER.slug
      ? badgeState({
          ssi: { ...badgeState().ssi, snapshot: { ...READABLE_CACHE_ENTRY.snapshot!, overall: 48 } },
          account: { profileUrn: `urn:li:fsd_profile:${OTHER.profileId}`, publicId: OTHER.slug },
        })
      : badgeState();

  it('tells the worker which profile the page is, by its slug and the fsd ID its markup shows', async () => {
    drawPage(ownMain());
    await start(urlOf(ME));

    expect(asked[0]).toEqual({
      type: 'profile-badge:get',
      payload: { refresh: false, page: { slug: ME.slug, profileId: ME.profileId } },
    });
  });

  it('asks once more when the markup names the profile after the ask, and shows that member’s badge', async () => {
    answer = (payload) =>
      payload.page?.profileId === OTHER.profileId ? memberWorker(payload) : badgeState();
    document.body.replaceChildren();
    await start(`https://www.linkedin.com/in/me/`);
    expect(badgeGets()).toBe(1);

    drawPage(otherMain([topCard(OTHER, { own: true })]));
    await settle();
    await settle();

    expect(badgeGets()).toBe(2);
    expect(label()).toBe('SSI 48');
  });

  it('asks once on a stranger’s profile its slug names, and shows nothing', async () => {
    answer = badgeState();
    document.body.replaceChildren();
    await start(urlOf(OTHER));

    drawPage(otherMain());
    await settle(MARKUP_WAIT_MS);

    expect(badgeGets()).toBe(1);
    expect(hosts()).toHaveLength(0);
  });

  it('asks at most twice per navigation on a stranger’s /in/me/-like page, and shows nothing', async () => {
    answer = badgeState();
    document.body.replaceChildren();
    await start('https://www.linkedin.com/in/me/');

    drawPage(otherMain());
    await settle(MARKUP_WAIT_MS);
    drawPage(otherMain([topCard(OTHER, { own: false }), topCard(OTHER, { own: false })]));
    await settle(MARKUP_WAIT_MS);

    expect(badgeGets()).toBe(2);
    expect(hosts()).toHaveLength(0);
  });
});

describe('profile-badge:changed', () => {
  it('from the service worker makes the badge ask profile-badge:get again, and show the answer', async () => {
    drawPage(ownMain());
    await start(urlOf(ME));
    expect(label()).toBe('SSI 67');
    const before = badgeGets();

    answer = badgeState({
      ssi: { ...badgeState().ssi, snapshot: { ...READABLE_CACHE_ENTRY.snapshot!, overall: 71 } },
    });
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'profile-badge:changed' },
      { id: browser.runtime.id },
      () => {},
    );
    await settle();

    expect(badgeGets()).toBe(before + 1);
    expect(label()).toBe('SSI 71');
  });

  it.each([
    {
      from: 'a tab of this extension (a content script)',
      sender: { id: 'test-extension-id', tab: { id: 7 } },
    },
    { from: 'another extension', sender: { id: 'another-extension-id' } },
    { from: 'a sender without an id', sender: {} },
  ])('from $from is ignored', async ({ sender }) => {
    expect(browser.runtime.id).toBe('test-extension-id');
    drawPage(ownMain());
    await start(urlOf(ME));
    const before = badgeGets();

    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'profile-badge:changed' },
      sender as Browser.runtime.MessageSender,
      () => {},
    );
    await settle();

    expect(badgeGets()).toBe(before);
  });
});

describe('following in-app navigation', () => {
  it.each(['main', 'parent', 'outlet'] as const)(
    'mounts within a frame of the markup arriving when LinkedIn swaps the %s, with a skeleton in between',
    async (level) => {
      drawPage(otherMain());
      await start(urlOf(OTHER));
      expect(hosts()).toHaveLength(0);

      // The URL changes first, while the old page still shows; then the skeleton (above
      // `<main>`, one without any `<main>`); the profile's markup comes later.
      badge.visit(urlOf(ME), true);
      await settle();
      swap(level, null);
      await settle(300);
      expect(hosts()).toHaveLength(0);
      swap(level, ownMain());
      await settle();

      expect(label()).toBe('SSI 67');
      expect(placeOf(hosts()[0]!)).toBe('beside the name');
    },
  );

  it('removes the badge on the way to the feed and to someone else, and puts it back', async () => {
    drawPage(ownMain());
    await start(urlOf(ME));
    expect(hosts()).toHaveLength(1);

    badge.visit(`${LINKEDIN}/feed/`, true);
    swap('outlet', feedMain());
    await settle();
    expect(hosts()).toHaveLength(0);

    badge.visit(urlOf(OTHER), true);
    swap('outlet', otherMain());
    await settle(MARKUP_WAIT_MS);
    expect(hosts()).toHaveLength(0);

    badge.visit(urlOf(ME), true);
    swap('outlet', ownMain());
    await settle();
    expect(hosts()).toHaveLength(1);
  });

  it('while waiting, checks the page at most once a frame however much it changes', async () => {
    drawPage(ownMain());
    swap('outlet', null);
    await start(urlOf(ME));
    const reads = vi.spyOn(document, 'querySelectorAll');
    const topCardReads = () => reads.mock.calls.filter(([selector]) => selector === TOP_CARD).length;

    for (let i = 0; i < 50; i++) {
      document.querySelector('.skeleton')!.append(document.createElement('div'));
      await Promise.resolve();
    }
    expect(topCardReads()).toBe(0);
    await settle(FRAME_MS);

    expect(topCardReads()).toBe(1);
  });

  it.each([
    {
      name: 'its own card, shown by an attribute only: the badge beside the name',
      url: urlOf(ME),
      main: ownMain([topCard(ME, { own: true, hidden: true })]),
      reveal: true,
      expected: { hosts: 1, place: 'beside the name' },
    },
    {
      name: 'its own URL with no name to sit beside: the badge in the corner',
      url: urlOf(ME),
      main: ownMain([]),
      reveal: false,
      expected: { hosts: 1, place: 'corner' },
    },
    {
      name: "someone else's card, shown by an attribute only: no badge",
      url: urlOf(OTHER),
      main: otherMain([topCard(OTHER, { own: false, hidden: true })]),
      reveal: true,
      account: { profileUrn: KNOWN_ACCOUNT.profileUrn, publicId: null },
      expected: { hosts: 0 },
    },
    {
      name: 'a page that never says whose it is: no badge',
      url: urlOf('me'),
      main: ownMain([]),
      reveal: false,
      expected: { hosts: 0 },
    },
  ])('at the end of the wait, applies what the page shows then: $name', async (example) => {
    if (example.account) answer = badgeState({ account: example.account });
    drawPage(example.main);
    await start(example.url);
    expect(hosts()).toHaveLength(0);

    // Attributes are not watched (only added and removed nodes are): only the end sees this.
    if (example.reveal) document.querySelector(TOP_CARD)!.removeAttribute('style');
    await settle(MARKUP_WAIT_MS - 2 * FRAME_MS);
    expect(hosts()).toHaveLength(0);
    await settle(2 * FRAME_MS);

    expect(hosts()).toHaveLength(example.expected.hosts);
    if (example.expected.place) expect(placeOf(hosts()[0]!)).toBe(example.expected.place);
  });
});

describe('a mounted badge', () => {
  it('is back within a frame when LinkedIn re-renders the top card it sat in', async () => {
    drawPage(ownMain());
    await start(urlOf(ME));
    const first = hosts()[0];

    document.querySelector(TOP_CARD)!.replaceWith(parse(topCard(ME, { own: true })));
    await settle();

    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]).not.toBe(first);
    expect(placeOf(hosts()[0]!)).toBe('beside the name');
  });

  it('stays through a move within the same profile, and still comes back after a re-render', async () => {
    drawPage(ownMain());
    await start(urlOf(ME));
    const first = hosts()[0];

    badge.visit(`${urlOf(ME)}details/experience/`, true);
    await settle();
    expect(hosts()).toEqual([first]);
    document.querySelector(TOP_CARD)!.replaceWith(parse(topCard(ME, { own: true })));
    await settle();

    expect(hosts()).toHaveLength(1);
    expect(placeOf(hosts()[0]!)).toBe('beside the name');
  });

  it("costs the page's changes no search of the page while it stays", async () => {
    drawPage(ownMain());
    await start(urlOf(ME));
    const reads = vi.spyOn(document, 'querySelectorAll');

    for (let i = 0; i < 20; i++) {
      document.querySelector('main')!.append(document.createElement('section'));
      await settle();
    }

    expect(reads).not.toHaveBeenCalled();
    expect(hosts()).toHaveLength(1);
  });

  it('ignores clicks and keys that a page script makes; the same from the user work', async () => {
    drawPage(ownMain());
    await start(urlOf(ME));
    const pill = badgeRoot().querySelector<HTMLElement>('.ssi-pill')!;

    await userSees();
    pill.click();
    hosts()[0]!.click();
    expect(cardOpen()).toBe(false);

    userClick(pill);
    expect(cardOpen()).toBe(true);
    await userSees();
    document.body.click();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    buttonNamed('Open dashboard').click();
    buttonNamed('Refresh').click();
    await settle();
    expect(cardOpen()).toBe(true);
    expect(asked.filter((message) => message.type === 'page:open')).toEqual([]);
    expect(asked.filter((message) => message.type === 'profile-badge:get')).toEqual([
      { type: 'profile-badge:get', payload: expect.objectContaining({ refresh: false }) },
    ]);

    userKey(document.body, 'Escape');
    expect(cardOpen()).toBe(false);
    userClick(pill);
    userClick(document.body);
    expect(cardOpen()).toBe(false);
    userClick(pill);
    await userSees();
    userClick(buttonNamed('Open dashboard'));
    await settle();
    expect(asked.filter((message) => message.type === 'page:open')).toEqual([
      { type: 'page:open', payload: { page: 'dashboard' } },
    ]);
  });

  it.each([
    { place: 'beside the name', main: () => ownMain(), wait: 0 },
    { place: 'corner', main: () => ownMain([]), wait: MARKUP_WAIT_MS },
  ] as const)(
    'is put back $place within a frame when the page moves its host (into a faded wrapper under the pointer)',
    async ({ place, main, wait }) => {
      drawPage(main());
      await start(urlOf(ME));
      await settle(wait);
      expect(placeOf(hosts()[0]!)).toBe(place);

      const wrapper = document.createElement('div');
      wrapper.style.cssText = 'position: fixed; opacity: 0; left: 0; top: 0';
      document.body.append(wrapper);
      wrapper.append(hosts()[0]!);
      await settle();

      expect(wrapper.childElementCount).toBe(0);
      expect(hosts()).toHaveLength(1);
      expect(placeOf(hosts()[0]!)).toBe(place);
    },
  );
});

describe('a page that takes the badge away', () => {
  /** The page removes every badge host it sees appear, `times` times at most. */
  function removeHostsAsTheyCome(times: number) {
    let removed = 0;
    const observer = new MutationObserver(() => {
      for (const host of hosts()) if (removed < times && ++removed) host.remove();
    });
    observer.observe(document, { childList: true, subtree: true });
    return { removed: () => removed, stop: () => observer.disconnect() };
  }

  it(`puts it back at most ${MAX_REMOUNTS} times in ${REMOUNT_WINDOW_MS / 1000} s, then gives up until the next navigation`, async () => {
    drawPage(ownMain());
    await start(urlOf(ME));
    expect(roots).toHaveLength(1);

    const page = removeHostsAsTheyCome(100);
    hosts()[0]!.remove();
    await settle(1_000);
    await settle(REMOUNT_WINDOW_MS);

    expect(roots).toHaveLength(1 + MAX_REMOUNTS);
    expect(page.removed()).toBe(MAX_REMOUNTS);
    expect(hosts()).toHaveLength(0);
    page.stop();

    badge.visit(urlOf(ME), true);
    await settle();
    expect(hosts()).toHaveLength(1);
  });

  it('puts it back each time when LinkedIn re-renders now and then', async () => {
    drawPage(ownMain());
    await start(urlOf(ME));

    for (let round = 0; round < 2 * MAX_REMOUNTS; round++) {
      document.querySelector(TOP_CARD)!.replaceWith(parse(topCard(ME, { own: true })));
      await settle();
      expect(hosts()).toHaveLength(1);
      await settle(REMOUNT_WINDOW_MS / (MAX_REMOUNTS - 1));
    }
  });
});

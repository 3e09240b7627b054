// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeError, type ErrorDescription, type SsiError } from '@/utils/errors';
import { profileBadgeModel, type ProfileBadgeModel } from '@/utils/linkedin/profile-badge-model';
import type { ProfileBadgeState } from '@/utils/messaging/protocol';
import { PILLAR_IDS, type SsiSnapshot } from '@/utils/ssi/model';
import { installFakeSight, type FakeSight } from '@/utils/testing/sight';
import { userClick, userKey } from '@/utils/testing/user-input';
import { renderBadge } from './badge-ui';
import { SEEN_MS } from './sight';

const NOW = Date.parse('2026-03-14T09:00:00.000Z');

function makeSnapshot(overrides: Partial<SsiSnapshot> = {}): SsiSnapshot {
  return {
    accountId: 'acc_1',
    overall: 67.4,
    pillars: PILLAR_IDS.map((id) => ({ id, score: 16.85, industryAverage: null, networkAverage: null })),
    industry: { rank: 5, averageScore: 40, groupSize: 1000, change: 2, industryName: 'Computer Software' },
    network: { rank: 8, averageScore: 35, groupSize: 500, change: null, industryName: null },
    profileUrn: 'urn:li:fsd_profile:ACoAAB1x2y3z4Q',
    activeSeat: true,
    fetchedAt: NOW - 3 * 60_000,
    ...overrides,
  };
}

function model(
  snapshot: SsiSnapshot | null,
  error: SsiError | null = null,
  problem: ErrorDescription | null = error ? describeError(error, NOW) : null,
): ProfileBadgeModel {
  const state: ProfileBadgeState = {
    show: true,
    ssi: { snapshot, error, errorAt: error ? NOW : null, stale: false, refreshing: false },
    problem,
    account: { profileUrn: null, publicId: null },
  };
  return profileBadgeModel(state, NOW);
}

const OK = model(makeSnapshot());
const SETUP = model(null);
const OFFLINE = model(null, { code: 'network' });
const REJECTED = model(null, { code: 'unauthorized', status: 401 });

/**
 * The words the badge draws in `node`, in order: each element's `data-text`, which the CSS
 * draws as its `::before` (style.css), and the text of any text node (the badge makes none:
 * see "draws every word with CSS").
 */
function drawnText(node: Node): string {
  const words: string[] = [];
  const walk = (at: Node) => {
    if (at instanceof Element && at.hasAttribute('data-text')) words.push(at.getAttribute('data-text')!);
    if (at.nodeType === Node.TEXT_NODE) words.push(at.textContent ?? '');
    at.childNodes.forEach(walk);
  };
  walk(node);
  return words.join('\n');
}

/** Every text node under `node`. */
function textNodes(node: Node): Text[] {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  const found: Text[] = [];
  while (walker.nextNode()) found.push(walker.currentNode as Text);
  return found;
}

let sight: FakeSight;

/** The user looks at the badge as it is now, for as long as its controls ask (SEEN_MS). */
function userSees() {
  sight.look();
  vi.advanceTimersByTime(SEEN_MS);
}

function setup(initial: ProfileBadgeModel = OK, theme: 'light' | 'dark' = 'light') {
  const container = document.createElement('div');
  document.body.append(container);
  const actions = { refresh: vi.fn(), openSettings: vi.fn(), openDashboard: vi.fn() };
  const view = renderBadge(container, actions, theme);
  view.update(initial);
  const pill = container.querySelector<HTMLButtonElement>('button[aria-haspopup]')!;
  const card = container.querySelector<HTMLElement>('[role="dialog"]')!;
  const buttonNamed = (name: string) =>
    [...card.querySelectorAll('button')].find((node) => drawnText(node) === name) ?? null;
  userSees();
  /** Opens the card with the user's click, and lets the user see it. */
  const openCard = () => {
    userClick(pill);
    userSees();
  };
  return { container, actions, view, pill, card, buttonNamed, openCard };
}

beforeEach(() => {
  vi.useFakeTimers();
  sight = installFakeSight();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('renderBadge', () => {
  it('shows the label and the industry change on the pill, with the description as its name', () => {
    const { pill } = setup(OK);

    expect(drawnText(pill)).toContain('SSI 67');
    expect(drawnText(pill)).toContain('+2');
    expect(pill.getAttribute('aria-label')).toBe(OK.description);
  });

  it.each([
    { name: 'setup', badge: SETUP, label: 'SSI: set up' },
    { name: 'error', badge: OFFLINE, label: 'SSI: !' },
  ])('shows the $name label without a number', ({ badge, label }) => {
    const { pill } = setup(badge);

    expect(drawnText(pill)).toContain(label);
    expect(drawnText(pill)).not.toMatch(/\d/);
  });

  it('is a button that announces a dialog and whether it is open', () => {
    const { pill, view } = setup();

    expect(pill.getAttribute('aria-haspopup')).toBe('dialog');
    expect(pill.getAttribute('aria-expanded')).toBe('false');

    userClick(pill);
    expect(pill.getAttribute('aria-expanded')).toBe('true');
    expect(view.isOpen()).toBe(true);

    userClick(pill);
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    expect(view.isOpen()).toBe(false);
  });

  it('keeps the card hidden until the pill is clicked', () => {
    const { pill, card, view } = setup();

    expect(card.hidden).toBe(true);
    expect(view.isOpen()).toBe(false);

    userClick(pill);

    expect(card.hidden).toBe(false);
    expect(card.getAttribute('role')).toBe('dialog');
    expect(pill.getAttribute('aria-controls')).toBe(card.id);
  });

  it('shows the pillars, ranks and age in the card', () => {
    const { card, openCard } = setup();
    openCard();

    const text = drawnText(card);
    for (const pillar of OK.card.pillars) {
      expect(text).toContain(pillar.label);
      expect(text).toContain(pillar.value);
    }
    expect(OK.card.pillars).toHaveLength(4);
    expect(text).toContain('16.9');
    expect(text).toContain('Top 5% in Computer Software');
    expect(text).toContain('Top 8% in your network');
    expect(text).toContain('Updated 3 min ago');
  });

  it('moves focus into the card when it opens', () => {
    const { pill, card } = setup();

    userClick(pill);

    expect(card.contains(document.activeElement)).toBe(true);
  });

  it('closes on Escape inside the card and gives focus back to the pill', () => {
    const { pill, card, view } = setup();
    userClick(pill);

    const inside = card.querySelector('button')!;
    userKey(inside, 'Escape');

    expect(view.isOpen()).toBe(false);
    expect(card.hidden).toBe(true);
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(pill);
  });

  it('stays open on other keys', () => {
    const { pill, card, view } = setup();
    userClick(pill);

    userKey(card, 'Enter');

    expect(view.isOpen()).toBe(true);
  });

  it('closes on close()', () => {
    const { pill, view } = setup();
    userClick(pill);

    view.close();

    expect(view.isOpen()).toBe(false);
    expect(pill.getAttribute('aria-expanded')).toBe('false');
  });

  it.each([
    { name: 'setup', badge: SETUP, settings: true, refresh: false },
    { name: 'a rejected key', badge: REJECTED, settings: true, refresh: false },
    { name: 'being offline', badge: OFFLINE, settings: false, refresh: true },
    { name: 'a good reading', badge: OK, settings: false, refresh: true },
  ])('offers the right buttons for $name', ({ badge, settings, refresh }) => {
    const { pill, buttonNamed } = setup(badge);
    userClick(pill);

    expect(buttonNamed('Open settings') !== null).toBe(settings);
    expect(buttonNamed('Refresh') !== null).toBe(refresh);
    expect(buttonNamed('Open dashboard')).not.toBeNull();
  });

  it.each([
    { name: 'Open settings', badge: SETUP, action: 'openSettings' },
    { name: 'Refresh', badge: OK, action: 'refresh' },
    { name: 'Open dashboard', badge: OK, action: 'openDashboard' },
  ] as const)('calls $action from "$name", and nothing else', ({ name, badge, action }) => {
    const { buttonNamed, actions, openCard } = setup(badge);
    openCard();

    userClick(buttonNamed(name)!);

    for (const [key, fn] of Object.entries(actions)) expect(fn).toHaveBeenCalledTimes(key === action ? 1 : 0);
  });

  it('ignores clicks and keys that a page script makes (untrusted events)', () => {
    const { pill, card, view, buttonNamed, actions, openCard } = setup(SETUP);

    pill.click();
    pill.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(view.isOpen()).toBe(false);

    openCard();
    for (const name of ['Open settings', 'Open dashboard']) {
      buttonNamed(name)!.click();
      buttonNamed(name)!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
    card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));

    expect(view.isOpen()).toBe(true);
    for (const fn of Object.values(actions)) expect(fn).not.toHaveBeenCalled();
  });

  it('stays open when updated while open, showing the new data', () => {
    const { pill, card, view } = setup(SETUP);
    userClick(pill);

    view.update(OK);

    expect(view.isOpen()).toBe(true);
    expect(pill.getAttribute('aria-expanded')).toBe('true');
    expect(drawnText(pill)).toContain('SSI 67');
    expect(drawnText(card)).toContain('Top 5% in Computer Software');
    expect(drawnText(card)).not.toContain(SETUP.card.title);
  });

  it('stays closed when updated while closed', () => {
    const { card, view } = setup(SETUP);

    view.update(OK);

    expect(view.isOpen()).toBe(false);
    expect(card.hidden).toBe(true);
  });

  it('builds the card only when it is first opened, from the latest data', () => {
    const { pill, card, view } = setup(SETUP);
    view.update(OK);
    expect(card.childElementCount).toBe(0);

    userClick(pill);

    expect(drawnText(card)).toContain('Top 5% in Computer Software');
    expect(drawnText(card)).not.toContain(SETUP.card.title);
  });

  it('hides the ring without a score and shows it with one', () => {
    const { container, view } = setup(SETUP);
    const ring = container.querySelector<HTMLElement>('.ssi-ring')!;

    expect(ring.style.display).toBe('none');

    view.update(OK);
    expect(ring.style.display).not.toBe('none');

    view.update(OFFLINE);
    expect(ring.style.display).toBe('none');
  });

  it('fills the ring to the score, and follows it', () => {
    const { container, view } = setup(model(makeSnapshot({ overall: 67 })));
    const ring = container.querySelector<HTMLElement>('.ssi-ring')!;

    expect(ring.style.getPropertyValue('--ssi-percent')).toBe('67%');
    expect(ring.getAttribute('aria-hidden')).toBe('true');

    view.update(model(makeSnapshot({ overall: 42.5 })));
    expect(ring.style.getPropertyValue('--ssi-percent')).toBe('42.5%');
  });

  it('hides the change when there is none', () => {
    const { pill, view } = setup(OK);

    view.update(model(makeSnapshot({ industry: null })));

    expect(drawnText(pill)).not.toContain('+2');
  });

  it('puts hostile strings in as text, never as markup', () => {
    const industryName = '<img src=x onerror=alert(1)>';
    const problem: ErrorDescription = {
      title: 'Trouble <b>bold</b>',
      message: 'ConnectSafely said: <script>alert(1)</script>',
      action: 'retry',
    };
    const hostile = model(
      makeSnapshot({
        industry: { rank: 5, averageScore: null, groupSize: null, change: 1, industryName },
      }),
      { code: 'api-error', serverMessage: '<script>alert(1)</script>' },
      problem,
    );
    const { container, pill } = setup(hostile);
    userClick(pill);

    expect(container.querySelector('img, script, b')).toBeNull();
    expect(drawnText(container)).toContain(`Top 5% in ${industryName}`);
    expect(drawnText(container)).toContain(problem.message);
    expect(textNodes(container)).toEqual([]);
  });

  it('puts a hostile problem title in as text when there is no reading', () => {
    const problem: ErrorDescription = {
      title: '<img src=x onerror=alert(1)>',
      message: '<script>alert(2)</script>',
      action: 'retry',
    };
    const { container, pill } = setup(model(null, { code: 'api-error' }, problem));
    userClick(pill);

    expect(container.querySelector('img, script')).toBeNull();
    expect(drawnText(container)).toContain(problem.title);
    expect(drawnText(container)).toContain(problem.message);
    expect(textNodes(container)).toEqual([]);
    expect(pill.getAttribute('aria-label')).toContain(problem.title);
  });

  it.each([
    { name: 'a good reading', badge: OK, words: ['SSI 67', '+2', 'Social Selling Index 67 / 100', '16.9'] },
    {
      name: 'a failed refresh',
      badge: model(makeSnapshot(), { code: 'network' }),
      words: ['Showing your last SSI'],
    },
    { name: 'no key', badge: SETUP, words: ['SSI: set up', SETUP.card.title, 'Open settings'] },
  ])(
    'draws every word with CSS, none as a text node a page could find or select: $name',
    ({ badge, words }) => {
      const { container, openCard } = setup(badge);
      openCard();

      for (const word of words) expect(drawnText(container)).toContain(word);
      expect(textNodes(container)).toEqual([]);
    },
  );

  it.each([
    { theme: 'dark', classes: ['ssi', 'ssi--dark'] },
    { theme: 'light', classes: ['ssi'] },
  ] as const)(
    "takes the $theme theme as a class of its inner root, out of the page's reach",
    ({ theme, classes }) => {
      const { container } = setup(OK, theme);

      expect([...container.firstElementChild!.classList]).toEqual(classes);
    },
  );
});

describe('renderBadge, against clickjacking: a control acts only once the user could see it', () => {
  it(`opens the card only once the pill has been seen for ${SEEN_MS} ms without a break`, () => {
    const container = document.body.appendChild(document.createElement('div'));
    const view = renderBadge(
      container,
      { refresh: vi.fn(), openSettings: vi.fn(), openDashboard: vi.fn() },
      'light',
    );
    view.update(OK);
    const pill = container.querySelector<HTMLElement>('.ssi-pill')!;

    userClick(pill);
    expect(view.isOpen()).toBe(false);
    sight.look();
    vi.advanceTimersByTime(SEEN_MS - 1);
    userClick(pill);
    expect(view.isOpen()).toBe(false);

    vi.advanceTimersByTime(1);
    userClick(pill);
    expect(view.isOpen()).toBe(true);
  });

  it("ignores the user's click on a pill the page faded or covered, until it has been seen again long enough", () => {
    const { pill, view } = setup(OK);

    sight.report(pill, false);
    userClick(pill);
    expect(view.isOpen()).toBe(false);

    // Back in view just before the click (flashed under the pointer): not yet.
    sight.report(pill, true);
    vi.advanceTimersByTime(SEEN_MS / 2);
    userClick(pill);
    expect(view.isOpen()).toBe(false);

    vi.advanceTimersByTime(SEEN_MS / 2);
    userClick(pill);
    expect(view.isOpen()).toBe(true);
  });

  it("ignores the card's buttons until the card has been seen, and while the page hides it", () => {
    const { pill, actions, buttonNamed, view } = setup(OK);
    userClick(pill);

    userClick(buttonNamed('Open dashboard')!);
    expect(actions.openDashboard).not.toHaveBeenCalled();

    userSees();
    sight.report(buttonNamed('Open dashboard')!.closest('[role="dialog"]')!, false);
    userClick(buttonNamed('Open dashboard')!);
    userClick(buttonNamed('Refresh')!);
    expect(actions.openDashboard).not.toHaveBeenCalled();
    expect(actions.refresh).not.toHaveBeenCalled();

    userSees();
    userClick(buttonNamed('Open dashboard')!);
    expect(actions.openDashboard).toHaveBeenCalledTimes(1);
    // Closing asks for no sight: it only hides the badge's own card.
    sight.report(pill, false);
    userKey(buttonNamed('Refresh')!, 'Escape');
    expect(view.isOpen()).toBe(false);
  });

  it('stops watching when stopped', () => {
    const { view } = setup(OK);
    expect(sight.observers).toBe(1);

    view.stop();

    expect(sight.observers).toBe(0);
  });
});

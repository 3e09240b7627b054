// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeError, type ErrorDescription, type SsiError } from '@/utils/errors';
import { profileBadgeModel, type ProfileBadgeModel } from '@/utils/linkedin/profile-badge-model';
import type { ProfileBadgeState } from '@/utils/messaging/protocol';
import { PILLAR_IDS, type SsiSnapshot } from '@/utils/ssi/model';
import { userClick, userKey } from '@/utils/testing/user-input';
import { renderBadge } from './badge-ui';

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

function setup(initial: ProfileBadgeModel = OK) {
  const container = document.createElement('div');
  document.body.append(container);
  const actions = { refresh: vi.fn(), openSettings: vi.fn(), openFullView: vi.fn() };
  const view = renderBadge(container, actions);
  view.update(initial);
  const pill = container.querySelector<HTMLButtonElement>('button[aria-haspopup]')!;
  const card = container.querySelector<HTMLElement>('[role="dialog"]')!;
  const buttonNamed = (name: string) =>
    [...card.querySelectorAll('button')].find((node) => node.textContent === name) ?? null;
  return { container, actions, view, pill, card, buttonNamed };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('renderBadge', () => {
  it('shows the label and the industry change on the pill, with the description as its name', () => {
    const { pill } = setup(OK);

    expect(pill.textContent).toContain('SSI 67');
    expect(pill.textContent).toContain('+2');
    expect(pill.getAttribute('aria-label')).toBe(OK.description);
  });

  it.each([
    { name: 'setup', badge: SETUP, label: 'SSI: set up' },
    { name: 'error', badge: OFFLINE, label: 'SSI: !' },
  ])('shows the $name label without a number', ({ badge, label }) => {
    const { pill } = setup(badge);

    expect(pill.textContent).toContain(label);
    expect(pill.textContent).not.toMatch(/\d/);
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
    const { pill, card } = setup();
    userClick(pill);

    const text = card.textContent ?? '';
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
    expect(buttonNamed('Open full view')).not.toBeNull();
  });

  it.each([
    { name: 'Open settings', badge: SETUP, action: 'openSettings' },
    { name: 'Refresh', badge: OK, action: 'refresh' },
    { name: 'Open full view', badge: OK, action: 'openFullView' },
  ] as const)('calls $action from "$name", and nothing else', ({ name, badge, action }) => {
    const { pill, buttonNamed, actions } = setup(badge);
    userClick(pill);

    userClick(buttonNamed(name)!);

    for (const [key, fn] of Object.entries(actions)) expect(fn).toHaveBeenCalledTimes(key === action ? 1 : 0);
  });

  it('ignores clicks and keys that a page script makes (untrusted events)', () => {
    const { pill, card, view, buttonNamed, actions } = setup(SETUP);

    pill.click();
    pill.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(view.isOpen()).toBe(false);

    userClick(pill);
    for (const name of ['Open settings', 'Open full view']) {
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
    expect(pill.textContent).toContain('SSI 67');
    expect(card.textContent).toContain('Top 5% in Computer Software');
    expect(card.textContent).not.toContain(SETUP.card.title);
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

    expect(card.textContent).toContain('Top 5% in Computer Software');
    expect(card.textContent).not.toContain(SETUP.card.title);
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

    expect(pill.textContent).not.toContain('+2');
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
    expect(container.textContent).toContain(`Top 5% in ${industryName}`);
    expect(container.textContent).toContain(problem.message);
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
    expect(container.textContent).toContain(problem.title);
    expect(container.textContent).toContain(problem.message);
    expect(pill.getAttribute('aria-label')).toContain(problem.title);
  });
});

// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CacheEntry } from '@/utils/api-cache';
import { accountLabelFor, popupPreviewOf, type PopupPreview } from '@/utils/popup-preview';
import { PILLAR_IDS, type SsiSnapshot } from '@/utils/ssi/model';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { accountsItem, settingsItem, ssiCacheItem } from '@/utils/storage';
import { App } from './App';
import { drawFirstFrame } from './first-frame';
import { POPUP_MARKS } from './marks';
import { readPopupStart, type PopupStart } from './start';
import { initialPopupState } from './state';

// The app asks the worker on mount; the first render is all these tests look at.
vi.mock('@/utils/messaging/client', () => ({ sendMessage: () => new Promise(() => {}) }));

const T0 = Date.parse('2026-11-30T08:00:00.000Z');

function makeSnapshot(overrides: Partial<SsiSnapshot> = {}): SsiSnapshot {
  return {
    accountId: 'acc_1',
    overall: 72.4,
    pillars: PILLAR_IDS.map((id) => ({ id, score: 18.1, industryAverage: 12, networkAverage: 14 })),
    industry: { rank: 4, averageScore: 41, groupSize: 184_233, change: 1, industryName: 'Computer Software' },
    network: { rank: 2, averageScore: 45, groupSize: 312, change: null, industryName: null },
    profileUrn: null,
    activeSeat: true,
    fetchedAt: T0,
    ...overrides,
  };
}

/** What the popup's URL carries for `snapshot` (the worker derives it the same way). */
function preview(snapshot: SsiSnapshot = makeSnapshot(), accountId = 'acc_1'): PopupPreview {
  return popupPreviewOf(accountId, snapshot)!;
}

/** What the app starts from for the same account and reading. */
function start(snapshot: SsiSnapshot, accountId = 'acc_1'): PopupStart {
  return {
    cacheKey: `https://api.connectsafely.ai|${accountId}`,
    freshnessMinutes: 60,
    accountLabel: accountLabelFor(accountId),
    accounts: { accounts: null, defaultAccountId: null },
    accountId,
    entry: { snapshot, lastError: null },
  };
}

/**
 * Tag, classes, attributes (styles as a sorted declaration list) and text, for comparing
 * markup; `inert` is left out (the first frame's buttons are the app's, made inert).
 */
function shape(node: Element): unknown {
  const attributes: Record<string, string> = {};
  for (const { name, value } of Array.from(node.attributes)) {
    if (name === 'inert') continue;
    attributes[name] =
      name === 'style'
        ? value
            .split(';')
            .map((declaration) => declaration.replace(/\s+/g, ''))
            .filter(Boolean)
            .sort()
            .join(';')
        : value;
  }
  return {
    tag: node.localName,
    attributes,
    children: Array.from(node.childNodes).map((child) =>
      child.nodeType === Node.ELEMENT_NODE ? shape(child as Element) : child.textContent,
    ),
  };
}

/** What `App` renders first for the same start, in its own container. */
function renderApp(popupStart: PopupStart): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(
    <App
      initial={initialPopupState(popupStart.entry, popupStart.freshnessMinutes, T0 + 60_000)}
      cacheKey={popupStart.cacheKey}
      accountLabel={popupStart.accountLabel}
      accountId={popupStart.accountId}
      accounts={popupStart.accounts}
      onSwitch={() => new Promise(() => {})}
    />,
    container,
  );
  return container;
}

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  performance.clearMarks();
});

afterEach(() => {
  document.body.replaceChildren();
});

describe('drawFirstFrame', () => {
  it('draws the score, the account and the seat, and marks the timeline', () => {
    expect(drawFirstFrame(root, preview())).toBe(true);

    expect(root.querySelector('[data-testid="overall-score"]')?.textContent).toBe('72');
    expect(root.querySelector('[data-testid="account"]')?.textContent).toBe(
      'Account acc_1Sales Navigator seat active',
    );
    expect(root.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('SSI 72 out of 100');
    expect(performance.getEntriesByName(POPUP_MARKS.firstFrame)).toHaveLength(1);
  });

  it('is the same markup App renders for the header and the score ring', () => {
    for (const [snapshot, accountId] of [
      [makeSnapshot(), 'acc_1'],
      [makeSnapshot({ overall: 12.5, activeSeat: null }), ''],
      [makeSnapshot({ overall: 99.6, activeSeat: false }), 'acc_2'],
    ] as const) {
      root.replaceChildren();
      drawFirstFrame(root, preview(snapshot, accountId));
      const app = renderApp(start(snapshot, accountId));

      for (const selector of ['.popup__header', '.score-ring']) {
        const drawn = root.querySelector(selector);
        const rendered = app.querySelector(selector);
        expect(drawn, selector).not.toBeNull();
        expect(shape(drawn!), selector).toEqual(shape(rendered!));
      }
      // Same nesting from the root down to the ring, so the ring sits where the app puts it.
      const path = (node: Element | null): string[] =>
        node && node !== root && node !== app ? [...path(node.parentElement), node.className] : [];
      expect(path(root.querySelector('.score-ring'))).toEqual(path(app.querySelector('.score-ring')));
      render(null, app);
    }
  });

  it('draws no live controls: a click before the app is up would go nowhere', () => {
    drawFirstFrame(root, preview());

    const controls = Array.from(root.querySelectorAll<HTMLButtonElement>('button, a, input'));
    expect(controls.map((control) => control.textContent)).toEqual(['Refresh', '⚙']);
    expect(controls.every((control) => control.closest<HTMLElement>('[inert]')?.inert)).toBe(true);
  });

  it('leaves the page alone when the app has rendered first', () => {
    const app = document.createElement('div');
    app.className = 'popup';
    root.append(app);

    expect(drawFirstFrame(root, preview())).toBe(false);
    expect(root.children).toHaveLength(1);
    expect(root.firstElementChild).toBe(app);
  });

  it('sets what the URL carries as text, never as markup', () => {
    drawFirstFrame(root, preview(makeSnapshot(), '<img src=x onerror=alert(1)>'));

    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[data-testid="account"]')?.textContent).toContain(
      '<img src=x onerror=alert(1)>',
    );
  });
});

describe('readPopupStart', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('finds the configured account and its cached entry', async () => {
    const entry: CacheEntry = { snapshot: makeSnapshot(), lastError: null };
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      apiBaseUrl: 'https://api.connectsafely.ai',
      accountId: 'acc_1',
      freshnessMinutes: 30,
      debug: false,
      showProfileBadge: true,
    });
    await ssiCacheItem.setValue({
      'https://api.connectsafely.ai|acc_1': entry,
      'https://api.connectsafely.ai|default': { snapshot: makeSnapshot({ overall: 10 }), lastError: null },
    });

    expect(await readPopupStart()).toEqual({
      cacheKey: 'https://api.connectsafely.ai|acc_1',
      freshnessMinutes: 30,
      accountLabel: 'Account acc_1',
      accounts: { accounts: null, defaultAccountId: 'acc_1' },
      accountId: 'acc_1',
      entry,
    });
  });

  it("names the account from the key's stored accounts", async () => {
    const grace = { id: 'acc_2', name: 'Grace Hopper', publicId: null, status: 'AVAILABLE', apiSeat: true };
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, accountId: 'acc_2' });
    await accountsItem.setValue({
      [DEFAULT_SETTINGS.apiBaseUrl]: { slugs: {}, list: { accounts: [grace], at: T0 }, lastError: null },
    });

    expect(await readPopupStart()).toMatchObject({
      accountLabel: 'Grace Hopper',
      accounts: { accounts: [grace], defaultAccountId: null },
    });
  });

  it('starts with nothing cached when storage is empty, corrupt or unreadable', async () => {
    expect((await readPopupStart()).entry).toBeNull();
    expect((await readPopupStart()).accountLabel).toBe('Default account');

    await fakeBrowser.storage.local.set({
      ssiCache: { 'https://api.connectsafely.ai|default': { snapshot: 'x' } },
    });
    expect((await readPopupStart()).entry).toBeNull();

    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('IO error'));
    expect(await readPopupStart()).toMatchObject({ entry: null, accountLabel: 'Default account' });
  });
});

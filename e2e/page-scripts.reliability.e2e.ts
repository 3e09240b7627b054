/**
 * LinkedIn's own scripts, or anything injected into its pages, run beside the badge. They must
 * not be able to read it, take it over or press its controls: the host is a plain `span` (no
 * custom element the page could define first) with no attribute of ours, its shadow root is
 * closed, its words are drawn by CSS (neither `window.find` nor a selection reads them), and
 * every handler ignores events a script makes (`isTrusted` false). Only the user's own input
 * works it, and only on a badge the user can see: a page that fades, covers or moves it to lead
 * the user's clicks onto it gets nothing (and the badge put back).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { badge, recordBadgeShown } from './badge-probe';
import { watchErrors } from './browser';
import { badgeSessionPerFile } from './badge-session';
import { formatPillarScore } from '../utils/format';
import { FIND_BADGE_HOSTS, LINKEDIN, ME } from './linkedin';

const suite = badgeSessionPerFile();
/** What the badge says on the own profile. */
const expectedLabel = () => `SSI ${suite().score}`;

/** The own profile, with `initScript` run in the page before anything else. */
async function ownProfile(initScript?: string): Promise<{ page: Page; errors: string[] }> {
  const page = await suite().session.context.newPage();
  const errors = watchErrors(page);
  if (initScript) await page.addInitScript(initScript);
  await page.goto(`${LINKEDIN}/in/${ME.slug}/`);
  await expect.poll(() => badge(page).text('.ssi-pill__label')).toBe(expectedLabel());
  return { page, errors };
}

/**
 * A page script that tries every way a script has to work the badge, `rounds` times: clicks
 * every element it can reach (the page's links aside: they are its own navigation) and the
 * element at the badge's place on screen, and dispatches pointer, mouse and key events (Enter,
 * Space, Escape) at the host, the document and everything else. Returns what it could see.
 */
const HOSTILE_SCRIPT = (rounds: number) => `(async () => {
  const host = ${FIND_BADGE_HOSTS}[0];
  const box = host.getBoundingClientRect();
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  let events = 0;
  let atBadge = null;
  for (let round = 0; round < ${rounds}; round++) {
    atBadge = document.elementFromPoint(x, y);
    const targets = [window, document, document.documentElement, document.body, host, atBadge,
      document.activeElement, ...document.querySelectorAll('body *:not(a)')];
    for (const target of targets) {
      if (typeof target.focus === 'function') target.focus();
      if (typeof target.click === 'function') target.click();
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
        const Kind = type.startsWith('pointer') ? PointerEvent : MouseEvent;
        target.dispatchEvent(new Kind(type, { bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y }));
        events++;
      }
      for (const [key, code] of [['Enter', 'Enter'], [' ', 'Space'], ['Escape', 'Escape']]) {
        for (const type of ['keydown', 'keypress', 'keyup']) {
          target.dispatchEvent(new KeyboardEvent(type, { key, code, bubbles: true, composed: true, cancelable: true }));
          events++;
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { events, shadowRoot: host.shadowRoot === null ? null : 'open', atBadgeIsHost: atBadge === host };
})()`;

describe('Hostile page scripts', () => {
  it('cannot read the badge: no shadow root, no text, nothing in serialized markup', async () => {
    const { page, errors } = await ownProfile();

    const host = await page.evaluateHandle(`${FIND_BADGE_HOSTS}[0]`);
    const seen = await host.evaluate((host: HTMLElement) => {
      let attach = 'attached';
      try {
        host.attachShadow({ mode: 'open' });
      } catch (failure) {
        attach = (failure as Error).name;
      }
      return {
        tag: host.localName,
        attributes: host.getAttributeNames(),
        shadowRoot: host.shadowRoot,
        textContent: host.textContent,
        innerText: host.innerText,
        children: host.childElementCount,
        page: document.body.innerText,
        markup: document.body.getHTML({ serializableShadowRoots: true }),
        attach,
      };
    });

    expect(seen).toMatchObject({
      tag: 'span',
      // Nothing to find the extension by, with a selector.
      attributes: [],
      shadowRoot: null,
      textContent: '',
      innerText: '',
      children: 0,
      attach: 'NotSupportedError',
    });
    for (const words of [expectedLabel(), 'SSI', 'Social Selling']) {
      expect(seen.page).not.toContain(words);
      expect(seen.markup).not.toContain(words);
    }
    expect(errors).toEqual([]);
  });

  it('cannot take the badge over by defining its element first: the host is no custom element', async () => {
    // What a page could define before the content script runs: the badge's custom element
    // name of old (an autonomous element would be upgraded with this constructor, and its
    // open shadow root made before ours), and a customized `span`.
    const { page, errors } = await ownProfile(`(() => {
      window.__upgraded = 0;
      const own = (element) => { window.__upgraded++; element.attachShadow({ mode: 'open' }); };
      customElements.define('ssi-badge', class extends HTMLElement { constructor() { super(); own(this); } });
      customElements.define('ssi-span', class extends HTMLSpanElement { constructor() { super(); own(this); } }, { extends: 'span' });
    })();`);

    const seen = await page.evaluate(`({
      upgraded: window.__upgraded,
      shadowRoot: ${FIND_BADGE_HOSTS}[0].shadowRoot,
    })`);

    expect(seen).toEqual({ upgraded: 0, shadowRoot: null });
    expect(await badge(page).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('cannot press its controls in 100 rounds of scripted clicks and keys; one real click opens one tab', async () => {
    const { page, errors } = await ownProfile();
    const ssi = badge(page);
    // Watches the card from inside the closed root (where the page cannot see it): any opening,
    // however short, is recorded.
    await ssi.evaluate((root) => {
      const pill = root.querySelector('.ssi-pill')!;
      const card = root.querySelector<HTMLElement>('[role="dialog"]')!;
      const openings: number[] = [];
      Object.assign(root, { openings });
      new MutationObserver(() => {
        if (pill.getAttribute('aria-expanded') === 'true' || !card.hidden) openings.push(performance.now());
      }).observe(root, { attributes: true, childList: true, subtree: true });
    });
    const openings = () =>
      ssi.evaluate((root) => (root as unknown as { openings: number[] }).openings.length);
    const tabs: Page[] = [];
    suite().session.context.on('page', (tab) => tabs.push(tab));
    suite().sandbox.resetRequests();

    const tried = await page.evaluate(HOSTILE_SCRIPT(100));

    expect(tried).toMatchObject({ shadowRoot: null, atBadgeIsHost: true });
    expect((tried as { events: number }).events).toBeGreaterThan(10_000);
    expect(await openings()).toBe(0);
    expect(await ssi.isVisible('[role="dialog"]')).toBe(false);
    expect(tabs).toEqual([]);
    expect(suite().sandbox.requests()).toEqual([]);

    // The user's own click works, and one press of "Open dashboard" opens one tab.
    await ssi.click('.ssi-pill');
    await expect.poll(() => ssi.isVisible('[role="dialog"]')).toBe(true);
    expect(await openings()).toBeGreaterThan(0);
    await ssi.click({ selector: 'button', text: 'Open dashboard' });
    await expect.poll(() => tabs.length).toBe(1);
    await tabs[0]!.waitForLoadState();
    expect(tabs[0]!.url()).toBe(suite().session.url('dashboard.html'));
    // Exactly one, held for a second: a second tab would come from the same press.
    for (const start = Date.now(); Date.now() - start < 1_000; await page.waitForTimeout(50)) {
      expect(tabs).toHaveLength(1);
    }
    expect(errors).toEqual([]);
  });

  it('cannot find its words with window.find, nor take them from a selection, with the card open', async () => {
    const { page, errors } = await ownProfile();
    const ssi = badge(page);
    await ssi.click('.ssi-pill');
    await expect.poll(() => ssi.isVisible('[role="dialog"]')).toBe(true);
    const { reading } = suite();
    const pillars = reading.memberScore.subScores.map((pillar) => formatPillarScore(pillar.score));
    const industry = reading.industry.industryName!;
    // What the card shows the user: the words a page would look for.
    const card = (await ssi.text('[role="dialog"]'))!;
    for (const words of [`${suite().score} / 100`, industry, ...pillars]) expect(card).toContain(words);

    const scores = Array.from({ length: 101 }, (_, score) => `SSI ${score}`);
    // (string, caseSensitive, backwards, wrapAround): Chromium's find in page, from a script.
    const found = await page.evaluate(
      (wanted) =>
        wanted.filter((words) => {
          getSelection()!.removeAllRanges();
          return (window as unknown as { find(...args: unknown[]): boolean }).find(words, false, false, true);
        }),
      [...scores, ...pillars, industry, 'Social Selling Index', 'Open dashboard', 'Head of Sales'],
    );

    // Only the page's own words: the search works, and finds nothing of the badge's.
    expect(found).toEqual(['Head of Sales']);

    // The user's own triple-click on the card's title: nothing of it is selected for the page.
    const { x, y } = await ssi.pointAt('.ssi-card__title');
    await page.mouse.click(x, y, { clickCount: 3 });
    const selected = await page.evaluate(() => getSelection()!.toString());
    expect(selected).not.toContain(suite().score);
    expect(selected).not.toMatch(/SSI|Social Selling/);
    expect(await ssi.isVisible('[role="dialog"]')).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('Hostile page scripts', () => {
  /** Tabs the extension opens from now on. */
  function watchTabs(): Page[] {
    const tabs: Page[] = [];
    suite().session.context.on('page', (tab) => tabs.push(tab));
    return tabs;
  }

  it('cannot make the pill invisible by setting its colours on the host: the user sees what they click', async () => {
    const { page, errors } = await ownProfile();
    const ssi = badge(page);
    const box = await page.evaluate(`(() => {
      const { x, y, width, height } = ${FIND_BADGE_HOSTS}[0].getBoundingClientRect();
      return { x, y, width, height };
    })()`);
    const drawn = () =>
      page.screenshot({ clip: box as { x: number; y: number; width: number; height: number } });
    const before = await drawn();

    // Custom properties are inherited, and `all: initial` does not reset them.
    await page.addStyleTag({
      content: `span, h1 + span, * { ${[
        'bg',
        'text',
        'muted',
        'border',
        'accent',
        'track',
        'low',
        'mid',
        'high',
        'ring',
      ]
        .map((name) => `--ssi-${name}: transparent !important;`)
        .join(' ')} opacity: 1 }`,
    });

    expect((await drawn()).equals(before)).toBe(true);
    await ssi.click('.ssi-pill');
    await expect.poll(() => ssi.isVisible('[role="dialog"]')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('cannot lead a click onto it by moving it into a faded wrapper under the pointer: it is back in place within a second', async () => {
    const page = await suite().session.context.newPage();
    const errors = watchErrors(page);
    await recordBadgeShown(page);
    await page.goto(`${LINKEDIN}/in/${ME.slug}/`);
    const ssi = badge(page);
    await expect.poll(() => ssi.text('.ssi-pill__label')).toBe(expectedLabel());
    const tabs = watchTabs();

    const movedAt = (await page.evaluate(`(() => {
      const wrapper = document.createElement('div');
      wrapper.style.cssText = 'position: fixed; left: 0; top: 0; opacity: 0; z-index: 2147483647';
      document.body.append(wrapper);
      document.addEventListener('mousemove', (event) => {
        wrapper.style.left = event.clientX - 30 + 'px';
        wrapper.style.top = event.clientY - 12 + 'px';
      });
      wrapper.append(${FIND_BADGE_HOSTS}[0]);
      window.__wrapper = wrapper;
      return performance.now();
    })()`)) as number;
    await page.mouse.move(600, 500);
    await page.mouse.click(600, 500);

    const back = await page.waitForFunction(
      (after) => (window as unknown as { __badgeShown: number[] }).__badgeShown.find((at) => at > after),
      movedAt,
      { timeout: 5_000 },
    );
    expect(((await back.jsonValue()) as number) - movedAt).toBeLessThan(1_000);
    expect(await ssi.placement()).toEqual({ after: 'H1', inVisibleCard: true, corner: false });
    expect(
      await page.evaluate(() => (window as unknown as { __wrapper: Element }).__wrapper.childElementCount),
    ).toBe(0);
    await ssi.holdsCount(1, 500);
    expect(await ssi.isVisible('[role="dialog"]')).toBe(false);
    expect(tabs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it.each([
    {
      how: 'fades what it sits in',
      hide: `host.parentElement.style.opacity = '0'`,
      show: `host.parentElement.style.opacity = ''`,
    },
    {
      how: 'covers it with a decoy the pointer goes through',
      hide: `const { x, y, width, height } = host.getBoundingClientRect();
        const decoy = Object.assign(document.createElement('div'), { id: 'decoy', textContent: 'Claim your prize' });
        decoy.style.cssText = 'position: fixed; pointer-events: none; background: gold; z-index: 2147483647; left: ' +
          (x - 4) + 'px; top: ' + (y - 4) + 'px; width: ' + (width + 8) + 'px; height: ' + (height + 8) + 'px';
        document.body.append(decoy)`,
      show: `document.getElementById('decoy').remove()`,
    },
  ])(
    'cannot lead a click onto it when it $how: the click does nothing until the user can see it again',
    async ({ hide, show }) => {
      const { page, errors } = await ownProfile();
      const ssi = badge(page);
      const tabs = watchTabs();
      const onHost = (code: string) =>
        page.evaluate(`(() => { const host = ${FIND_BADGE_HOSTS}[0]; ${code}; })()`);

      await onHost(hide);
      // Long enough for the badge to have been told (IntersectionObserver v2 reports within ~100 ms).
      await page.waitForTimeout(300);
      await ssi.click('.ssi-pill', { look: false });
      await page.keyboard.press('Enter');
      for (const start = Date.now(); Date.now() - start < 1_000; await page.waitForTimeout(50)) {
        expect(await ssi.isVisible('[role="dialog"]')).toBe(false);
      }

      await onHost(show);
      await ssi.click('.ssi-pill');
      await expect.poll(() => ssi.isVisible('[role="dialog"]')).toBe(true);
      expect(await ssi.placement()).toEqual({ after: 'H1', inVisibleCard: true, corner: false });
      expect(tabs).toEqual([]);
      expect(errors).toEqual([]);
    },
  );
});

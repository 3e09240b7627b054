/**
 * The LinkedIn badge as the tests see it. Its host's shadow root is closed, and Playwright's
 * CSS locators pierce open roots only, so the tests reach inside through the DevTools protocol,
 * as the browser's own tools do: `DOM.getDocument` with `pierce` lists closed roots, and
 * `Runtime.callFunctionOn` reads inside one. Clicks and keys go through Playwright's mouse and
 * keyboard at the element's place on screen: input the browser marks trusted, as a user's is.
 * The page's own scripts have none of this.
 *
 * The host carries no marker: the badge is the `span` whose shadow root is closed and holds the
 * pill. Its words are CSS generated content (drawn from attributes, so that the page cannot
 * find or select them): "text" here is what the CSS draws, read from the computed `content`.
 */
import type { CDPSession, Page } from 'playwright-core';
import { SEEN_MS } from '../entrypoints/linkedin-profile-badge/sight';
import { FIND_BADGE_HOSTS } from './linkedin';

/** An element inside the badge: a CSS selector, with `text` its exact (trimmed) drawn text. */
export type BadgeTarget = string | { selector: string; text: string };

/** What the tests read of an element inside the badge. */
export interface BadgeElement {
  /** What the CSS draws in it (its and its descendants' generated content, and any text). */
  text: string;
  /** Rendered and not hidden (`checkVisibility`). */
  visible: boolean;
  attributes: Record<string, string>;
}

/** Where the badge's host sits in the page. */
export interface BadgePlacement {
  /** The tag of the element right before the host (`H1` beside the name). */
  after: string | null;
  /** Inside a top card that is rendered (not a hidden duplicate). */
  inVisibleCard: boolean;
  /** Pinned to the corner (no name to sit beside). */
  corner: boolean;
}

interface DomNode {
  backendNodeId: number;
  nodeName?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
  templateContent?: DomNode;
}

interface Found {
  /** The host's closed shadow root. */
  root: number;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function session(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  return cdp;
}

/** Whether an element under `node` has the class `name`. */
function holdsClass(node: DomNode, name: string): boolean {
  const attributes = node.attributes ?? [];
  const classes = attributes[attributes.indexOf('class') + 1];
  if (attributes.includes('class') && classes?.split(/\s+/).includes(name)) return true;
  return (node.children ?? []).some((child) => holdsClass(child, name));
}

/**
 * Every badge host in the document: a SPAN with a closed shadow root that holds the pill (the
 * fixtures have no other closed root; the pill makes sure of it). Open roots are left out.
 */
function findBadges(node: DomNode, found: Found[] = []): Found[] {
  const closed = node.shadowRoots?.find((root) => root.shadowRootType === 'closed');
  if (node.nodeName === 'SPAN' && closed && holdsClass(closed, 'ssi-pill'))
    found.push({ root: closed.backendNodeId });
  for (const child of [
    ...(node.children ?? []),
    ...(node.shadowRoots ?? []),
    ...(node.contentDocument ? [node.contentDocument] : []),
  ])
    findBadges(child, found);
  return found;
}

/** The selector and the text to match, for a target. */
function targetOf(target: BadgeTarget): { selector: string; text: string | null } {
  return typeof target === 'string' ? { selector: target, text: null } : target;
}

/**
 * In the page: what the CSS draws in an element, in order: its `::before`, its children's text
 * and drawn text, its `::after` (the computed `content` strings, unescaped). Source text, sent
 * to the page.
 */
const DRAWN_TEXT = String.raw`(node) => {
  const unescape = (_, escape) => /^[0-9a-f]/i.test(escape) ? String.fromCodePoint(parseInt(escape, 16)) : escape;
  const drawn = (element, pseudo) => {
    const match = /^"((?:[^"\\]|\\.)*)"$/.exec(getComputedStyle(element, pseudo).content);
    return match ? match[1].replace(/\\([0-9a-f]{1,6} ?|.)/gi, unescape) : '';
  };
  const walk = (at) => at.nodeType === 3 ? at.data : at.nodeType !== 1 ? '' :
    drawn(at, '::before') + [...at.childNodes].map(walk).join('') + drawn(at, '::after');
  return walk(node);
}`;

/** In the page, on the badge's root: the first element matching `selector` whose drawn text is `text`. */
const FIND = `function (selector, text) {
  const drawnText = ${DRAWN_TEXT};
  return [...this.querySelectorAll(selector)].find((node) => text === null || drawnText(node).trim() === text) ?? null;
}`;

/**
 * In the page, on an element: resolves true once Chromium has judged it visible
 * (IntersectionObserver v2) without a break for `ms`, false if not within `timeoutMs`.
 */
const SEEN_FOR = `function (ms, timeoutMs) {
  return new Promise((resolve) => {
    let since = null;
    const observer = new IntersectionObserver((entries) => {
      since = entries[entries.length - 1].isVisible ? (since ?? performance.now()) : null;
    }, { trackVisibility: true, delay: 100 });
    observer.observe(this);
    const start = performance.now();
    const tick = () => {
      const now = performance.now();
      const done = since !== null && now - since >= ms;
      if (done || now - start > timeoutMs) {
        observer.disconnect();
        resolve(done);
      } else setTimeout(tick, 50);
    };
    tick();
  });
}`;

export class BadgeProbe {
  constructor(readonly page: Page) {}

  private async roots(): Promise<number[]> {
    const cdp = await session(this.page);
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    return findBadges(root).map((found) => found.root);
  }

  /** How many badges the page holds. */
  async count(): Promise<number> {
    return (await this.roots()).length;
  }

  /**
   * Runs `fn` in the page with the badge's shadow root (and `arg`), and returns its result by
   * value; `null` when there is no badge. Throws when there is more than one. `fn` is sent as
   * text: no names from outside it, no named functions inside it.
   */
  async evaluate<T, A = undefined>(fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<Awaited<T> | null> {
    const roots = await this.roots();
    if (roots.length === 0) return null;
    if (roots.length > 1) throw new Error(`Expected one badge, found ${roots.length}`);
    const root = await this.resolve(roots[0]!);
    try {
      return await this.call<Awaited<T>>(root, `function (arg) { return (${fn.toString()})(this, arg); }`, [
        { value: arg },
      ]);
    } finally {
      await this.release(root);
    }
  }

  private async call<T>(
    objectId: string,
    functionDeclaration: string,
    args: { value?: unknown; objectId?: string }[] = [],
    returnByValue = true,
  ): Promise<T> {
    const cdp = await session(this.page);
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration,
      arguments: args,
      returnByValue,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return (returnByValue ? result.value : result.objectId) as T;
  }

  /** The first element inside the badge matching `target`, or null (no badge, or no match). */
  async read(target: BadgeTarget): Promise<BadgeElement | null> {
    const objectId = await this.element(target, false);
    if (!objectId) return null;
    try {
      return await this.call<BadgeElement>(
        objectId,
        `function () {
          const drawnText = ${DRAWN_TEXT};
          return {
            text: drawnText(this),
            visible: this.checkVisibility(),
            attributes: Object.fromEntries([...this.attributes].map((a) => [a.name, a.value])),
          };
        }`,
      );
    } finally {
      await this.release(objectId);
    }
  }

  /** The drawn text of the first element matching `target`, or null. */
  async text(target: BadgeTarget): Promise<string | null> {
    return (await this.read(target))?.text ?? null;
  }

  /** Whether an element matching `target` is shown (false without a badge or a match). */
  async isVisible(target: BadgeTarget): Promise<boolean> {
    return (await this.read(target))?.visible ?? false;
  }

  /** How many elements inside the badge match `selector` (0 without a badge). */
  async countInside(selector: string): Promise<number> {
    return (await this.evaluate((root, css) => root.querySelectorAll(css).length, selector)) ?? 0;
  }

  /** Whether a shown element inside the badge, with no element inside it, draws `text`. */
  async showsText(text: string): Promise<boolean> {
    const roots = await this.roots();
    if (roots.length !== 1) return false;
    const root = await this.resolve(roots[0]!);
    try {
      return await this.call<boolean>(
        root,
        `function (wanted) {
          const drawnText = ${DRAWN_TEXT};
          return [...this.querySelectorAll('*')].some(
            (node) => node.childElementCount === 0 && node.checkVisibility() && drawnText(node).includes(wanted),
          );
        }`,
        [{ value: text }],
      );
    } finally {
      await this.release(root);
    }
  }

  /** Where the host sits; null without a badge. */
  placement(): Promise<BadgePlacement | null> {
    return this.evaluate((root) => {
      const host = root.host;
      const card = host.closest('[componentkey$="Topcard"], [id$="Topcard"]');
      return {
        after: host.previousElementSibling?.tagName ?? null,
        inVisibleCard: card !== null && card.checkVisibility(),
        corner: getComputedStyle(host).position === 'fixed',
      };
    });
  }

  private async resolve(backendNodeId: number): Promise<string> {
    const cdp = await session(this.page);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
    return object.objectId!;
  }

  private async release(objectId: string): Promise<void> {
    const cdp = await session(this.page);
    await cdp.send('Runtime.releaseObject', { objectId }).catch(() => {});
  }

  /**
   * The element at `target`, as a remote object (released by the caller). Throws when there is
   * more than one badge, and, when `required`, when there is none or nothing matches (else null).
   */
  private async element(target: BadgeTarget, required: false): Promise<string | null>;
  private async element(target: BadgeTarget, required?: true): Promise<string>;
  private async element(target: BadgeTarget, required = true): Promise<string | null> {
    const roots = await this.roots();
    if (roots.length > 1 || (required && roots.length === 0))
      throw new Error(`Expected one badge, found ${roots.length}`);
    if (roots.length === 0) return null;
    const root = await this.resolve(roots[0]!);
    const { selector, text } = targetOf(target);
    const found = await this.call<string | undefined>(
      root,
      FIND,
      [{ value: selector }, { value: text }],
      false,
    ).finally(() => this.release(root));
    if (!found && required) throw new Error(`Nothing in the badge matches ${JSON.stringify(target)}`);
    return found ?? null;
  }

  /**
   * The centre of `target` on screen, scrolled into view. Throws when something else would take
   * a click there.
   */
  async pointAt(target: BadgeTarget): Promise<{ x: number; y: number }> {
    const objectId = await this.element(target);
    try {
      return await this.centreOf(objectId, target);
    } finally {
      await this.release(objectId);
    }
  }

  private async centreOf(objectId: string, target: BadgeTarget): Promise<{ x: number; y: number }> {
    const cdp = await session(this.page);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { objectId });
    const { model } = await cdp.send('DOM.getBoxModel', { objectId });
    const [x1, y1, , , x3, y3] = model.border;
    const x = (x1! + x3!) / 2;
    const y = (y1! + y3!) / 2;
    const hit = await this.call<boolean>(
      objectId,
      `function (x, y) { const at = this.getRootNode().elementFromPoint(x, y); return at === this || this.contains(at); }`,
      [{ value: x }, { value: y }],
    );
    if (!hit) throw new Error(`${JSON.stringify(target)} is covered at (${x}, ${y})`);
    return { x, y };
  }

  /**
   * Clicks `target` with the mouse, at its centre on screen: a trusted click, as a user's is.
   * First, as a user does, it looks: it waits until Chromium has judged `target` visible
   * (IntersectionObserver v2, as the badge does) for longer than the badge asks before its
   * controls act (`SEEN_MS`, plus the badge's own observer's possible lag). With `look: false`
   * it clicks at once, as a user would on a badge the page has faded or covered.
   * Throws when something else would take the click there, or when `target` is never seen.
   */
  async click(target: BadgeTarget, { look = true }: { look?: boolean } = {}): Promise<void> {
    const objectId = await this.element(target);
    try {
      const { x, y } = await this.centreOf(objectId, target);
      if (
        look &&
        !(await this.call<boolean>(objectId, SEEN_FOR, [{ value: SEEN_MS + 200 }, { value: 10_000 }]))
      )
        throw new Error(`${JSON.stringify(target)} was never seen for ${SEEN_MS} ms`);
      await this.page.mouse.click(x, y);
    } finally {
      await this.release(objectId);
    }
  }

  /**
   * Whether Chromium judges `target` visible to the user now (IntersectionObserver v2: on screen,
   * nothing over it, not faded): what the badge asks of a control before it acts.
   */
  async isSeen(target: BadgeTarget): Promise<boolean> {
    const objectId = await this.element(target);
    try {
      return await this.call<boolean>(
        objectId,
        `function () {
          return new Promise((resolve) => {
            const observer = new IntersectionObserver((entries) => {
              observer.disconnect();
              resolve(entries[entries.length - 1].isVisible);
            }, { trackVisibility: true, delay: 100 });
            observer.observe(this);
          });
        }`,
      );
    } finally {
      await this.release(objectId);
    }
  }

  /** Gives `target` the keyboard focus, as tabbing to it would; then use `page.keyboard`. */
  async focus(target: BadgeTarget): Promise<void> {
    const objectId = await this.element(target);
    const cdp = await session(this.page);
    try {
      await cdp.send('DOM.focus', { objectId });
    } finally {
      await this.release(objectId);
    }
  }

  /**
   * Samples the number of badges until `forMs` have passed and fails on the first sample that
   * is not `expected`: absence (or exactly one) can only be held for a while, never awaited.
   */
  async holdsCount(expected: number, forMs = 2_000): Promise<void> {
    const start = Date.now();
    do {
      const count = await this.count();
      if (count !== expected)
        throw new Error(
          `${count} badges on ${this.page.url()} after ${Date.now() - start} ms, not ${expected}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    } while (Date.now() - start < forMs);
  }

  /** Waits until an element matching `target` is shown in the badge. */
  async waitFor(target: BadgeTarget, timeoutMs = 10_000): Promise<void> {
    const start = Date.now();
    while (!(await this.isVisible(target))) {
      if (Date.now() - start > timeoutMs) throw new Error(`No ${JSON.stringify(target)} in the badge`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** The badge of `page`. */
export function badge(page: Page): BadgeProbe {
  return new BadgeProbe(page);
}

/** What the page records for the budget: `__badgeShown` here, `__arrivals` by the fixture's router. */
interface BudgetRecords {
  __badgeShown?: number[];
  __arrivals?: { path: string; at: number }[];
}

/**
 * Records in the page, from its start, when each new badge host is on screen: the next frame
 * after it is in the page and rendered (`window.__badgeShown`, `performance.now()` times). It
 * finds hosts as a page script can (`FIND_BADGE_HOSTS`), as the bench's recorder does.
 * Call before the page loads.
 */
export async function recordBadgeShown(page: Page): Promise<void> {
  await page.addInitScript(`(() => {
    const shown = (window.__badgeShown = []);
    const seen = new WeakSet();
    new MutationObserver(() => {
      for (const host of ${FIND_BADGE_HOSTS}) {
        if (seen.has(host)) continue;
        seen.add(host);
        requestAnimationFrame(() => shown.push(performance.now()));
      }
    }).observe(document, { childList: true, subtree: true });
  })();`);
}

/**
 * Waits for a badge on screen after the latest markup the fixture's router drew (or, with
 * none, after the document's response), and fails unless it came within `budgetMs` of it.
 * Both times are the page's own (`recordBadgeShown`): no wall clock, no sleep.
 */
export async function expectBadgeWithinBudget(page: Page, budgetMs = 1_000): Promise<void> {
  const arrived = await page.evaluate(
    () =>
      (window as BudgetRecords).__arrivals?.at(-1)?.at ??
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd,
  );
  const shown = await page.waitForFunction(
    (after) => (window as BudgetRecords).__badgeShown?.find((at) => at >= after),
    arrived,
    { timeout: 10_000 },
  );
  const ms = ((await shown.jsonValue()) as number) - arrived;
  if (ms >= budgetMs) throw new Error(`Markup → badge on screen took ${ms.toFixed(0)} ms on ${page.url()}`);
}

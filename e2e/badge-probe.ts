/**
 * The LinkedIn badge as the tests see it. Its host's shadow root is closed, and Playwright's
 * CSS locators pierce open roots only, so the tests reach inside through the DevTools protocol,
 * as the browser's own tools do: `DOM.getDocument` with `pierce` lists closed roots, and
 * `Runtime.callFunctionOn` reads inside one. Clicks and keys go through Playwright's mouse and
 * keyboard at the element's place on screen: input the browser marks trusted, as a user's is.
 * The page's own scripts have none of this.
 */
import type { CDPSession, Page } from 'playwright-core';
import { BADGE_HOST, BADGE_MARKER } from './linkedin';

/** An element inside the badge: a CSS selector, with `text` its exact (trimmed) text. */
export type BadgeTarget = string | { selector: string; text: string };

/** What the tests read of an element inside the badge. */
export interface BadgeElement {
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

/** Every badge host in the document, open roots left out: the badge's root is closed. */
function findBadges(node: DomNode, found: Found[] = []): Found[] {
  const attributes = node.attributes ?? [];
  const marked = attributes.some((name, index) => index % 2 === 0 && name === BADGE_MARKER);
  const closed = node.shadowRoots?.find((root) => root.shadowRootType === 'closed');
  if (marked && closed) found.push({ root: closed.backendNodeId });
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

export class BadgeProbe {
  constructor(readonly page: Page) {}

  private async roots(): Promise<number[]> {
    const cdp = await session(this.page);
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    return findBadges(root).map((found) => found.root);
  }

  /** How many badges the page holds: marked hosts with a closed shadow root. */
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
    const cdp = await session(this.page);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: roots[0]! });
    try {
      return await this.call<Awaited<T>>(
        object.objectId!,
        `function (arg) { return (${fn.toString()})(this, arg); }`,
        [{ value: arg }],
      );
    } finally {
      await cdp.send('Runtime.releaseObject', { objectId: object.objectId! }).catch(() => {});
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
  read(target: BadgeTarget): Promise<BadgeElement | null> {
    return this.evaluate((root, { selector, text }) => {
      const element = [...root.querySelectorAll(selector)].find(
        (node) => text === null || node.textContent?.trim() === text,
      );
      if (!element) return null;
      return {
        text: element.textContent ?? '',
        visible: element.checkVisibility(),
        attributes: Object.fromEntries([...element.attributes].map((a) => [a.name, a.value])),
      };
    }, targetOf(target));
  }

  /** The text of the first element matching `target`, or null. */
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

  /** Whether a shown element inside the badge has `text` in its own text. */
  async showsText(text: string): Promise<boolean> {
    return (
      (await this.evaluate(
        (root, wanted) =>
          [...root.querySelectorAll('*')].some(
            (node) =>
              [...node.childNodes].some(
                (child) => child.nodeType === 3 && child.textContent!.includes(wanted),
              ) && node.checkVisibility(),
          ),
        text,
      )) ?? false
    );
  }

  /** Where the host sits; null without a badge. */
  placement(): Promise<BadgePlacement | null> {
    return this.evaluate((root) => {
      const host = root.host;
      const card = host.closest('[componentkey$="Topcard"], [id$="Topcard"]');
      return {
        after: host.previousElementSibling?.tagName ?? null,
        inVisibleCard: card !== null && card.checkVisibility(),
        corner: host.hasAttribute('data-corner'),
      };
    });
  }

  /** The element at `target`, as a remote object (released by the caller). */
  private async element(target: BadgeTarget): Promise<string> {
    const roots = await this.roots();
    if (roots.length !== 1) throw new Error(`Expected one badge, found ${roots.length}`);
    const cdp = await session(this.page);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: roots[0]! });
    const { selector, text } = targetOf(target);
    const found = await this.call<string | undefined>(
      object.objectId!,
      `function (selector, text) {
        return [...this.querySelectorAll(selector)].find((node) => text === null || node.textContent.trim() === text);
      }`,
      [{ value: selector }, { value: text }],
      false,
    );
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId! }).catch(() => {});
    if (!found) throw new Error(`Nothing in the badge matches ${JSON.stringify(target)}`);
    return found;
  }

  /**
   * Clicks `target` with the mouse, at its centre on screen: a trusted click, as a user's is.
   * Throws when something else would take the click there.
   */
  async click(target: BadgeTarget): Promise<void> {
    const objectId = await this.element(target);
    const cdp = await session(this.page);
    try {
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
      await this.page.mouse.click(x, y);
    } finally {
      await cdp.send('Runtime.releaseObject', { objectId }).catch(() => {});
    }
  }

  /** Gives `target` the keyboard focus, as tabbing to it would; then use `page.keyboard`. */
  async focus(target: BadgeTarget): Promise<void> {
    const objectId = await this.element(target);
    const cdp = await session(this.page);
    try {
      await cdp.send('DOM.focus', { objectId });
    } finally {
      await cdp.send('Runtime.releaseObject', { objectId }).catch(() => {});
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
 * after it is in the page and rendered (`window.__badgeShown`, `performance.now()` times).
 * Call before the page loads.
 */
export async function recordBadgeShown(page: Page): Promise<void> {
  await page.addInitScript(`(() => {
    const shown = (window.__badgeShown = []);
    const seen = new WeakSet();
    new MutationObserver(() => {
      for (const host of document.querySelectorAll(${JSON.stringify(BADGE_HOST)})) {
        if (seen.has(host) || !host.checkVisibility()) continue;
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

/**
 * Test support, imported by test suites only: a stand-in for Chromium's IntersectionObserver v2
 * (happy-dom's never reports), driven by the test. As in Chromium, an observer reports
 * `isVisible` true only if it asked to track visibility, and only for an element on the page and
 * not hidden; the test says when the user looks (`look`) or what the page did (`report`).
 */
import { vi } from 'vitest';

export interface FakeSight {
  /** Reports every observed element as Chromium would for a page that hides nothing of it. */
  look(): void;
  /** Reports `element` as visible or not (the page faded or covered it), to its observers. */
  report(element: Element, visible: boolean): void;
  /** How many observers watch now. */
  readonly observers: number;
}

/** Whether `element` is on the page and neither it nor an ancestor (across shadow roots) is hidden. */
function shown(element: Element): boolean {
  if (!element.isConnected) return false;
  for (let node: Node | null = element; node;) {
    if (node instanceof HTMLElement && (node.hidden || node.style.display === 'none')) return false;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return true;
}

/** Replaces the global IntersectionObserver for the current test (`vi.unstubAllGlobals` undoes it). */
export function installFakeSight(): FakeSight {
  const observers = new Set<FakeObserver>();
  class FakeObserver {
    readonly targets = new Set<Element>();
    constructor(
      readonly callback: IntersectionObserverCallback,
      readonly options: IntersectionObserverInit & { trackVisibility?: boolean } = {},
    ) {
      observers.add(this);
    }
    observe(target: Element) {
      this.targets.add(target);
    }
    unobserve(target: Element) {
      this.targets.delete(target);
    }
    disconnect() {
      this.targets.clear();
      observers.delete(this);
    }
    takeRecords() {
      return [];
    }
    tell(target: Element, visible: boolean) {
      const entry = {
        target,
        isIntersecting: visible,
        isVisible: visible && this.options.trackVisibility === true,
        time: performance.now(),
      };
      this.callback([entry as unknown as IntersectionObserverEntry], this as unknown as IntersectionObserver);
    }
  }
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  const report = (element: Element, visible: boolean) => {
    for (const observer of observers) if (observer.targets.has(element)) observer.tell(element, visible);
  };
  return {
    look() {
      for (const observer of [...observers])
        for (const target of [...observer.targets]) observer.tell(target, shown(target));
    },
    report,
    get observers() {
      return observers.size;
    },
  };
}

/**
 * Whether the user can see the badge's controls, as Chromium's IntersectionObserver v2 judges
 * it (`isVisible`: on screen, nothing over it, no opacity, filter or transform the page put on
 * it or its ancestors). A page can fade the badge out, or cover it, and lead the user's own
 * trusted clicks onto it (clickjacking): a control acts only once it has been seen without a
 * break for `SEEN_MS`, so a badge flashed into view under the pointer does not count either.
 */

/** How long a control must have been seen, without a break, before it acts. */
export const SEEN_MS = 500;

export interface Sight {
  /** Whether `element` (one of those watched) has been seen for `SEEN_MS` up to now. */
  seen(element: Element): boolean;
  stop(): void;
}

/** Watches `elements`; they may be out of the page yet (they count as unseen until shown). */
export function watchSight(...elements: Element[]): Sight {
  const since = new Map<Element, number>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        // No `isVisible` (no v2) reads as unseen: the controls then never act, rather than on trust.
        if ((entry as { isVisible?: boolean }).isVisible)
          since.set(entry.target, since.get(entry.target) ?? performance.now());
        else since.delete(entry.target);
      }
    },
    // Chromium's minimum delay for visibility tracking.
    { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  for (const element of elements) observer.observe(element);
  return {
    seen(element) {
      const at = since.get(element);
      return at !== undefined && performance.now() - at >= SEEN_MS;
    },
    stop: () => observer.disconnect(),
  };
}

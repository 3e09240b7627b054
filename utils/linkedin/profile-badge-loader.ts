/**
 * The badge's code is not part of the content script that runs on every LinkedIn page: it is a
 * script of its own (`entrypoints/linkedin-profile-badge.ts`). Pages that never become a
 * profile (the feed, messaging, search, jobs: most of LinkedIn) read and compile only the gate.
 *
 * The badge script gets into a page's content-script world one of two ways, and registers its
 * start there (`registerBadge`) either way:
 * - on a page loaded at a profile URL, the manifest runs it (before the gate), as a plain
 *   content script: nothing to fetch, and the cheapest way in;
 * - on a page that becomes a profile by an in-app navigation, the gate imports it. A content
 *   script may import only web-accessible files: this one is web-accessible to LinkedIn's
 *   pages by a per-session URL only, which they cannot guess (wxt.config.ts).
 */

/** The badge as the gate drives it, once started. */
export interface Badge {
  /** The page is now at `href` (`navigated`: by an in-app navigation, not a load). */
  visit(href: string, navigated: boolean): void;
}

/** What the badge script registers: starts the badge, with the gate's stop. */
export type StartBadge = (stopGate: () => void) => Badge;

/** The badge script, as the extension serves it to its content scripts. */
export const BADGE_SCRIPT_PATH = '/linkedin-profile-badge.js';

/**
 * Where the badge script leaves its start: a property of the content scripts' own global
 * (their isolated world, which LinkedIn's page scripts cannot see).
 */
export const BADGE_REGISTRY_KEY = 'ssiCompanionStartBadge';

type Registry = { [BADGE_REGISTRY_KEY]?: unknown };

/** Called by the badge script as it runs: makes its start available to the gate. */
export function registerBadge(start: StartBadge): void {
  (globalThis as Registry)[BADGE_REGISTRY_KEY] = start;
}

/** The badge's start, if the badge script has run in this world. */
export function registeredBadge(): StartBadge | null {
  const start = (globalThis as Registry)[BADGE_REGISTRY_KEY];
  return typeof start === 'function' ? (start as StartBadge) : null;
}

/**
 * Returns a badge at once and starts the real one behind it: from the badge script already
 * registered, or else once `load` (which runs the badge script) has. Visits made before it has
 * started are kept, in order, and handed to it; every later one goes straight to it. If
 * loading fails, or the script registers nothing, the gate stops, so a page never asks twice,
 * and the failure is reported, unless `alive()` says the extension is gone (updated or
 * removed: then there is nothing to tell anyone).
 */
export function loadBadge(load: () => Promise<unknown>, stopGate: () => void, alive: () => boolean): Badge {
  let badge: Badge | null = null;
  let visits: [href: string, navigated: boolean][] | null = [];
  // A synchronous throw (the extension's runtime gone before `load` could ask for its URL)
  // takes the same way as a rejection.
  new Promise<StartBadge | null>((resolve) => resolve(registeredBadge() ?? load().then(registeredBadge)))
    .then((start) => {
      if (!start) throw new TypeError(`${BADGE_SCRIPT_PATH} registered no badge`);
      badge = start(stopGate);
      for (const [href, navigated] of visits!) badge.visit(href, navigated);
    })
    .catch((failure: unknown) => {
      stopGate();
      if (alive()) reportError(failure);
    })
    .finally(() => {
      visits = null;
    });
  return {
    visit(href, navigated) {
      if (badge) badge.visit(href, navigated);
      else visits?.push([href, navigated]);
    },
  };
}

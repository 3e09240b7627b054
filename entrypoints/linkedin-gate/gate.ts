/**
 * What the content script does on every LinkedIn page: look at the URL, and at each in-app
 * navigation the next one. Nothing else, and no extension API, until a URL is a profile's:
 * only then does the badge start (see `controller.ts`), and from then on it follows every
 * navigation itself. This is what keeps LinkedIn's other pages free of the extension's cost.
 */
import type { Badge } from '@/utils/linkedin/profile-badge-loader';
import { profileSlugFromUrl } from '@/utils/linkedin/profile-url';

/** The browser's Navigation API (Chromium 102+), as much of it as the gate uses. */
export interface NavigationEvents {
  readonly currentEntry: { readonly url: string | null } | null;
  addEventListener(type: 'currententrychange', listener: () => void): void;
  removeEventListener(type: 'currententrychange', listener: () => void): void;
}

export interface GateOptions {
  /**
   * Starts the badge; called at most once, on the first profile URL, with the function that
   * stops the gate (for when the badge's life ends with the extension).
   */
  startBadge(stopGate: () => void): Badge;
  url?: string;
  navigation?: NavigationEvents;
}

/**
 * Follows the page's URL and starts the badge on the first profile; returns the function that
 * stops following. Touches only strings and the Navigation API: every Web API a content
 * script uses first costs the page time, and this runs on every LinkedIn page.
 */
export function watchForProfiles({
  startBadge,
  url = location.href,
  navigation = (globalThis as { navigation?: NavigationEvents }).navigation,
}: GateOptions): () => void {
  let badge: Badge | null = null;
  let current = url;
  let stopped = false;
  const visit = (next: string, navigated: boolean) => {
    if (stopped || (!badge && !profileSlugFromUrl(next))) return;
    badge ??= startBadge(stop);
    badge.visit(next, navigated);
  };
  // After the URL has changed (`navigate` fires before, also for navigations that are then
  // cancelled or turn out to be downloads); a load of another page starts a new script anyway.
  const onEntryChange = () => {
    const next = navigation?.currentEntry?.url;
    if (!next || next === current) return;
    current = next;
    visit(next, true);
  };
  function stop() {
    stopped = true;
    navigation?.removeEventListener('currententrychange', onEntryChange);
  }
  visit(url, false);
  if (!stopped) navigation?.addEventListener('currententrychange', onEntryChange);
  return stop;
}

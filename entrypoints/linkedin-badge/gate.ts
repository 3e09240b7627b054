/**
 * What the content script does on every LinkedIn page: look at the URL, and at each in-app
 * navigation the next one. Nothing else, and no extension API, until a URL is a profile's:
 * only then does the badge start (see `controller.ts`), and from then on it follows every
 * navigation itself. This is what keeps LinkedIn's other pages free of the extension's cost.
 */
import { profileSlugFromUrl } from '@/utils/linkedin/profile-url';

export interface Badge {
  /** The page is now `url` (`navigated`: by an in-app navigation, not a load). */
  visit(url: URL, navigated: boolean): void;
}

/** The browser's Navigation API (Chromium 102+), as much of it as the gate uses. */
export interface NavigationEvents {
  readonly currentEntry: { readonly url: string | null } | null;
  addEventListener(
    type: 'currententrychange',
    listener: () => void,
    options?: { signal?: AbortSignal },
  ): void;
}

export interface GateOptions {
  /** Starts the badge; called at most once, on the first profile URL. */
  startBadge(): Badge;
  url?: string;
  navigation?: NavigationEvents;
  /** Stops the gate (when the badge's life ends with the extension). */
  signal?: AbortSignal;
}

export function watchForProfiles({
  startBadge,
  url = location.href,
  navigation = (globalThis as { navigation?: NavigationEvents }).navigation,
  signal,
}: GateOptions): void {
  let badge: Badge | null = null;
  let current = url;
  const visit = (next: string, navigated: boolean) => {
    const parsed = new URL(next);
    if (!badge && !profileSlugFromUrl(parsed)) return;
    badge ??= startBadge();
    badge.visit(parsed, navigated);
  };
  visit(url, false);
  // After the URL has changed (`navigate` fires before, also for navigations that are then
  // cancelled or turn out to be downloads); a load of another page starts a new script anyway.
  navigation?.addEventListener(
    'currententrychange',
    () => {
      const next = navigation.currentEntry?.url;
      if (!next || next === current) return;
      current = next;
      visit(next, true);
    },
    { signal },
  );
}

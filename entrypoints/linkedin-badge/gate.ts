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
  addEventListener(
    type: 'navigate',
    listener: (event: { destination: { url: string } }) => void,
    options?: { signal?: AbortSignal },
  ): void;
}

export interface GateOptions {
  /** Starts the badge; called at most once, on the first profile URL. */
  startBadge(): Badge;
  url?: string;
  navigation?: NavigationEvents;
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
  navigation?.addEventListener(
    'navigate',
    ({ destination }) => {
      if (destination.url === current) return;
      current = destination.url;
      visit(destination.url, true);
    },
    { signal },
  );
}

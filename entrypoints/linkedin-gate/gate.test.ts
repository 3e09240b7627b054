import { describe, expect, it, vi } from 'vitest';
import type { Badge } from '@/utils/linkedin/profile-badge-loader';
import { watchForProfiles, type NavigationEvents } from './gate';

const LINKEDIN = 'https://www.linkedin.com';

/**
 * A stand-in for the Navigation API: `go(url)` changes the current entry and fires
 * `currententrychange`, as an in-app navigation (pushState, a LinkedIn link) does.
 */
function fakeNavigation(url: string) {
  const listeners = new Set<() => void>();
  const navigation = {
    currentEntry: { url } as { url: string | null },
    addEventListener: (_type: 'currententrychange', listener: () => void) => void listeners.add(listener),
    removeEventListener: (_type: 'currententrychange', listener: () => void) =>
      void listeners.delete(listener),
  } satisfies NavigationEvents;
  const go = (next: string | null) => {
    navigation.currentEntry = { url: next };
    listeners.forEach((listener) => listener());
  };
  return { navigation, go, listeners };
}

function setup(url: string, start?: (stopGate: () => void) => Badge) {
  const visits: [string, boolean][] = [];
  const badge: Badge = { visit: (at, navigated) => visits.push([new URL(at).pathname, navigated]) };
  const startBadge = vi.fn(start ?? (() => badge));
  const { navigation, go, listeners } = fakeNavigation(url);
  const stop = watchForProfiles({ startBadge, url, navigation });
  return { startBadge, visits, go, stop, listeners };
}

describe('watchForProfiles', () => {
  it('starts nothing on pages that are not profiles, however many there are', () => {
    const { startBadge, go } = setup(`${LINKEDIN}/feed/`);
    go(`${LINKEDIN}/jobs/`);
    go(`${LINKEDIN}/messaging/thread/1/`);
    go(`${LINKEDIN}/company/acme/`);

    expect(startBadge).not.toHaveBeenCalled();
  });

  it('starts the badge on a profile opened directly', () => {
    const { startBadge, visits } = setup(`${LINKEDIN}/in/ada-lovelace/`);

    expect(startBadge).toHaveBeenCalledTimes(1);
    expect(visits).toEqual([['/in/ada-lovelace/', false]]);
  });

  it('starts it on the first in-app navigation to a profile, then hands it every page', () => {
    const { startBadge, visits, go } = setup(`${LINKEDIN}/feed/`);
    go(`${LINKEDIN}/in/ada-lovelace/`);
    go(`${LINKEDIN}/feed/`);
    go(`${LINKEDIN}/in/grace-hopper/`);

    expect(startBadge).toHaveBeenCalledTimes(1);
    expect(visits).toEqual([
      ['/in/ada-lovelace/', true],
      ['/feed/', true],
      ['/in/grace-hopper/', true],
    ]);
  });

  it('ignores an entry change that keeps the URL, or has none', () => {
    const { visits, go } = setup(`${LINKEDIN}/in/ada-lovelace/`);
    go(`${LINKEDIN}/in/ada-lovelace/`);
    go(null);

    expect(visits).toHaveLength(1);
  });

  it('stops listening when stopped', () => {
    const { startBadge, go, stop, listeners } = setup(`${LINKEDIN}/feed/`);
    stop();
    go(`${LINKEDIN}/in/ada-lovelace/`);

    expect(startBadge).not.toHaveBeenCalled();
    expect(listeners.size).toBe(0);
  });

  it('hands the badge its stop, which works even while the badge is starting', () => {
    // An orphaned script on a profile: the badge's life has ended before it began.
    const startBadge = vi.fn((stopGate: () => void): Badge => {
      stopGate();
      return { visit() {} };
    });
    const { go, listeners } = setup(`${LINKEDIN}/in/ada-lovelace/`, startBadge);
    go(`${LINKEDIN}/in/grace-hopper/`);

    expect(startBadge).toHaveBeenCalledTimes(1);
    expect(listeners.size).toBe(0);
  });
});

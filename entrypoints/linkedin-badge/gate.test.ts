import { describe, expect, it, vi } from 'vitest';
import { watchForProfiles, type Badge, type NavigationEvents } from './gate';

const LINKEDIN = 'https://www.linkedin.com';

/**
 * A stand-in for the Navigation API: `go(url)` changes the current entry and fires
 * `currententrychange`, as an in-app navigation (pushState, a LinkedIn link) does.
 */
function fakeNavigation(url: string) {
  const listeners: (() => void)[] = [];
  const navigation = {
    currentEntry: { url } as { url: string | null },
    addEventListener: (
      _type: 'currententrychange',
      listener: () => void,
      options?: { signal?: AbortSignal },
    ) => {
      listeners.push(listener);
      options?.signal?.addEventListener('abort', () => listeners.splice(listeners.indexOf(listener), 1));
    },
  } satisfies NavigationEvents;
  const go = (next: string | null) => {
    navigation.currentEntry = { url: next };
    listeners.forEach((listener) => listener());
  };
  return { navigation, go };
}

function setup(url: string) {
  const visits: [string, boolean][] = [];
  const badge: Badge = { visit: (at, navigated) => visits.push([at.pathname, navigated]) };
  const startBadge = vi.fn(() => badge);
  const { navigation, go } = fakeNavigation(url);
  const abort = new AbortController();
  watchForProfiles({ startBadge, url, navigation, signal: abort.signal });
  return { startBadge, visits, go, abort };
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

  it('stops listening when its signal aborts', () => {
    const { startBadge, go, abort } = setup(`${LINKEDIN}/feed/`);
    abort.abort();
    go(`${LINKEDIN}/in/ada-lovelace/`);

    expect(startBadge).not.toHaveBeenCalled();
  });
});

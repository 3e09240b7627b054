import { describe, expect, it, vi } from 'vitest';
import { watchForProfiles, type Badge, type NavigationEvents } from './gate';

const LINKEDIN = 'https://www.linkedin.com';

/** A stand-in for the Navigation API: `go(url)` fires `navigate` as an in-app navigation does. */
function fakeNavigation() {
  const listeners: ((event: { destination: { url: string } }) => void)[] = [];
  const navigation: NavigationEvents = {
    addEventListener: (_type, listener, options) => {
      listeners.push(listener);
      options?.signal?.addEventListener('abort', () => listeners.splice(listeners.indexOf(listener), 1));
    },
  };
  return {
    navigation,
    go: (url: string) => listeners.forEach((listener) => listener({ destination: { url } })),
  };
}

function setup(url: string) {
  const visits: [string, boolean][] = [];
  const badge: Badge = { visit: (at, navigated) => visits.push([at.pathname, navigated]) };
  const startBadge = vi.fn(() => badge);
  const { navigation, go } = fakeNavigation();
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

  it('ignores a navigation to the page it is on', () => {
    const { visits, go } = setup(`${LINKEDIN}/in/ada-lovelace/`);
    go(`${LINKEDIN}/in/ada-lovelace/`);

    expect(visits).toHaveLength(1);
  });

  it('stops listening when its signal aborts', () => {
    const { startBadge, go, abort } = setup(`${LINKEDIN}/feed/`);
    abort.abort();
    go(`${LINKEDIN}/in/ada-lovelace/`);

    expect(startBadge).not.toHaveBeenCalled();
  });
});

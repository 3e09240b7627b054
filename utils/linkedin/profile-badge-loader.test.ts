import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Badge } from './profile-badge-loader';
import {
  BADGE_REGISTRY_KEY,
  BADGE_SCRIPT_PATH,
  loadBadge,
  registerBadge,
  registeredBadge,
  type StartBadge,
} from './profile-badge-loader';

const PROFILE = 'https://www.linkedin.com/in/jane/';
const FEED = 'https://www.linkedin.com/feed/';

/**
 * A load the test finishes by hand, as the import of the badge script does: `run` registers
 * `start` (what the script does as it runs) and resolves; `reject` fails it.
 */
function deferredLoad() {
  let resolve!: () => void;
  let reject!: (failure: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const run = (start?: StartBadge) => {
    if (start) registerBadge(start);
    resolve();
  };
  return { load: vi.fn(() => promise), run, reject };
}

/** The badge script's start, whose badge records its visits. */
function badgeScript() {
  const visits: [string, boolean][] = [];
  const badge: Badge = { visit: (href, navigated) => visits.push([href, navigated]) };
  const start = vi.fn<StartBadge>(() => badge);
  return { start, visits };
}

/** Lets the loader's promise chain run to its end. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const reported = vi.fn();

beforeEach(() => {
  reported.mockReset();
  vi.stubGlobal('reportError', reported);
});

afterEach(() => {
  vi.unstubAllGlobals();
  delete (globalThis as Record<string, unknown>)[BADGE_REGISTRY_KEY];
});

describe('loadBadge', () => {
  it('imports the badge script when it is not there, keeps the visits made meanwhile and hands them over in order', async () => {
    const { load, run } = deferredLoad();
    const stopGate = vi.fn();
    const { start, visits } = badgeScript();

    const badge = loadBadge(load, stopGate, () => true);
    badge.visit(PROFILE, false);
    badge.visit(FEED, true);
    expect(load).toHaveBeenCalledTimes(1);
    expect(visits).toEqual([]);

    run(start);
    await settle();
    expect(start).toHaveBeenCalledTimes(1);
    expect(start).toHaveBeenCalledWith(stopGate);
    expect(visits).toEqual([
      [PROFILE, false],
      [FEED, true],
    ]);

    badge.visit(PROFILE, true);
    expect(visits.at(-1)).toEqual([PROFILE, true]);
    expect(visits).toHaveLength(3);
    expect(load).toHaveBeenCalledTimes(1);
    expect(stopGate).not.toHaveBeenCalled();
    expect(reported).not.toHaveBeenCalled();
  });

  it('stops the gate and reports the failure when the code cannot be loaded; later visits do nothing', async () => {
    const { load, reject } = deferredLoad();
    const stopGate = vi.fn();
    const badge = loadBadge(load, stopGate, () => true);
    badge.visit(PROFILE, false);

    const failure = new TypeError('Failed to fetch dynamically imported module');
    reject(failure);
    await settle();
    expect(stopGate).toHaveBeenCalledTimes(1);
    expect(reported).toHaveBeenCalledWith(failure);
    expect(() => badge.visit(FEED, true)).not.toThrow();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('takes a load that throws at once the same way as a failed one, without throwing to the gate', async () => {
    const stopGate = vi.fn();
    const failure = new TypeError("Cannot read properties of undefined (reading 'getURL')");
    const load = () => {
      throw failure;
    };

    expect(() => loadBadge(load, stopGate, () => true).visit(PROFILE, false)).not.toThrow();
    await settle();
    expect(stopGate).toHaveBeenCalledTimes(1);
    expect(reported).toHaveBeenCalledWith(failure);
  });

  it('reports nothing when the extension is gone (updated or removed): the gate just stops', async () => {
    const { load, reject } = deferredLoad();
    const stopGate = vi.fn();
    loadBadge(load, stopGate, () => false);

    reject(new Error('Extension context invalidated.'));
    await settle();
    expect(stopGate).toHaveBeenCalledTimes(1);
    expect(reported).not.toHaveBeenCalled();
  });

  it('uses the badge script the manifest already ran (a page loaded at a profile URL), without importing it', async () => {
    const { start, visits } = badgeScript();
    registerBadge(start);
    const load = vi.fn(() => Promise.reject(new Error('must not import')));
    const stopGate = vi.fn();

    loadBadge(load, stopGate, () => true).visit(PROFILE, false);
    await settle();
    expect(load).not.toHaveBeenCalled();
    expect(start).toHaveBeenCalledWith(stopGate);
    expect(visits).toEqual([[PROFILE, false]]);
    expect(reported).not.toHaveBeenCalled();
  });

  it('stops the gate and says which script when the import registers no badge', async () => {
    const { load, run } = deferredLoad();
    const stopGate = vi.fn();
    loadBadge(load, stopGate, () => true);

    run();
    await settle();
    expect(stopGate).toHaveBeenCalledTimes(1);
    expect(reported).toHaveBeenCalledTimes(1);
    expect(String(reported.mock.calls[0]![0])).toContain(BADGE_SCRIPT_PATH);
  });
});

describe('the badge registry', () => {
  it('holds what the badge script registered, and nothing that is not a function', () => {
    expect(registeredBadge()).toBeNull();
    (globalThis as Record<string, unknown>)[BADGE_REGISTRY_KEY] = 'not a badge';
    expect(registeredBadge()).toBeNull();
    const start: StartBadge = () => ({ visit() {} });
    registerBadge(start);
    expect(registeredBadge()).toBe(start);
  });
});

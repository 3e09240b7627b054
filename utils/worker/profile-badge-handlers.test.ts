import type { CacheEntry } from '../api-cache';
import { describe, expect, it, vi } from 'vitest';
import type { AccountSummary } from './api/accounts';
import { describeError, type SsiError } from '../errors';
import type { TabNotice } from '../messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { SANDBOX_API } from '../api-origin';
import { PILLAR_IDS, type SsiSnapshot } from '../ssi/model';
import type { SsiState } from '../ssi/state';
import type { SsiService } from './ssi-service';
import type { KeyAccountsService } from './key-accounts-service';
import {
  createProfileBadgeHandlers,
  FORCED_REFRESH_EVERY_MS,
  MAX_MEMBERS_ANSWERED,
  MEMBER_WINDOW_MS,
  MAX_PROFILE_BADGE_TABS,
  PAGE_OPEN_EVERY_MS,
  REPEAT_ASK_WINDOW_MS,
  type ProfileBadgeDeps,
} from './profile-badge-handlers';

const API_KEY = 'sk_live_badge_secret_9f8e7d6c';
const T0 = Date.parse('2026-12-02T09:00:00.000Z');
const URN = 'urn:li:fsd_profile:ACoAAB1x2y3z4Q';

function makeSnapshot(overrides: Partial<SsiSnapshot> = {}): SsiSnapshot {
  return {
    accountId: 'acc_1',
    overall: 67.4,
    pillars: PILLAR_IDS.map((id) => ({ id, score: 16.8, industryAverage: null, networkAverage: null })),
    industry: null,
    network: null,
    profileUrn: URN,
    activeSeat: null,
    fetchedAt: Date.parse('2026-03-14T09:00:00.000Z'),
    ...overrides,
  };
}

function makeView(overrides: Partial<SsiState> = {}): SsiState {
  return {
    snapshot: makeSnapshot(),
    error: null,
    errorAt: null,
    stale: false,
    refreshing: false,
    ...overrides,
  };
}

function account(id: string, publicId: string | null): AccountSummary {
  return { id, name: `Name of ${id}`, publicId, status: 'AVAILABLE', apiSeat: true };
}

const ACCOUNTS = [
  account('acc_0', 'someone-else'),
  account('acc_1', 'ada-lovelace'),
  account('acc_2', 'grace'),
];

function setup(
  options: {
    settings?: Partial<Settings>;
    apiKey?: string | null;
    view?: SsiState;
    tabs?: number[];
    deadTabs?: number[];
  } = {},
) {
  const state = {
    settings: { ...DEFAULT_SETTINGS, ...options.settings } as Settings,
    apiKey: options.apiKey === undefined ? API_KEY : options.apiKey,
    view: options.view ?? makeView(),
    tabs: [...(options.tabs ?? [])],
    dead: new Set(options.deadTabs ?? []),
    now: T0,
    /** Cache entries by slot: an account's last reading holds its fsd profile ID. */
    entries: new Map<string, CacheEntry>(),
    sleepers: [] as (() => void)[],
  };
  const ssi = {
    getSsi: vi.fn<SsiService['getSsi']>(async () => state.view),
  } satisfies SsiService;
  const accounts = {
    list: vi.fn<KeyAccountsService['list']>(async () => ({ accounts: ACCOUNTS, error: null })),
    publicIdOf: vi.fn<KeyAccountsService['publicIdOf']>(
      async (_config, id) => ACCOUNTS.find((account) => account.id === id)?.publicId ?? null,
    ),
  } satisfies KeyAccountsService;
  const send = vi.fn(async (tabId: number, _notice: TabNotice) => {
    if (state.dead.has(tabId))
      throw new Error('Could not establish connection. Receiving end does not exist.');
    return undefined;
  });
  const deps = {
    ssi,
    accounts,
    readEntries: vi.fn(async (keys: string[]) => keys.map((key) => state.entries.get(key) ?? null)),
    read: vi.fn(async () => ({ settings: state.settings, apiKey: state.apiKey })),
    tabs: {
      read: vi.fn(async () => [...state.tabs]),
      write: vi.fn(async (value: number[]) => {
        state.tabs = [...value];
      }),
      send,
    },
    openPage: vi.fn(async (_page: 'dashboard' | 'settings') => undefined),
    now: () => state.now,
    // A held ask waits until the test ends the window (`endWindow`).
    sleep: (_ms: number) => new Promise<void>((done) => void state.sleepers.push(done)),
  } satisfies ProfileBadgeDeps;
  return { state, deps, ssi, accounts, send, handlers: createProfileBadgeHandlers(deps) };
}

describe('getProfileBadge', () => {
  describe('with the badge turned off', () => {
    it('says not to show it, with an empty view, and asks nothing', async () => {
      const h = setup({ settings: { showProfileBadge: false } });

      const badge = await h.handlers.getProfileBadge(false, 7);

      expect(badge).toEqual({
        show: false,
        ssi: { snapshot: null, error: null, errorAt: null, stale: false, refreshing: false },
        problem: null,
        account: { profileUrn: null, publicId: null },
      });
      expect(h.ssi.getSsi).not.toHaveBeenCalled();
      expect(h.accounts.publicIdOf).not.toHaveBeenCalled();
    });

    it('still remembers the tab, so it hears when the badge is turned on', async () => {
      const h = setup({ settings: { showProfileBadge: false } });

      await h.handlers.getProfileBadge(false, 7);

      expect(h.state.tabs).toEqual([7]);
    });
  });

  describe('with the badge turned on', () => {
    it('passes the view through, with the account’s identity', async () => {
      const h = setup();

      const badge = await h.handlers.getProfileBadge(false, 7);

      expect(badge.show).toBe(true);
      expect(badge.ssi).toEqual(h.state.view);
      expect(badge.problem).toBeNull();
      expect(badge.account).toEqual({ profileUrn: URN, publicId: 'ada-lovelace' });
    });

    it.each([true, false])(
      'asks the SSI service with refresh %s, and the one reading of the settings and key it made',
      async (refresh) => {
        const h = setup();

        await h.handlers.getProfileBadge(refresh, 7);

        const config = { settings: h.state.settings, apiKey: API_KEY };
        expect(h.deps.read).toHaveBeenCalledOnce();
        expect(h.ssi.getSsi).toHaveBeenCalledExactlyOnceWith({ refresh, config });
        expect(h.accounts.publicIdOf).toHaveBeenCalledWith(config, expect.any(String));
      },
    );

    it.each<SsiError>([
      { code: 'network' },
      { code: 'unauthorized', status: 401 },
      { code: 'rate-limited', status: 429, retryAt: 5_000 },
    ])('describes the error $code for the tab', async (error) => {
      const h = setup({ view: makeView({ error, errorAt: 1 }) });

      const badge = await h.handlers.getProfileBadge(false, 7);

      expect(badge.ssi.error).toEqual(error);
      expect(badge.problem).toEqual(describeError(error));
    });

    it("never tells a LinkedIn page the server's words or a detail: the popup shows those", async () => {
      const error: SsiError = {
        code: 'forbidden',
        status: 403,
        serverMessage: 'Your trial has expired for ada@example.com',
        detail: 'internal detail',
      };
      const h = setup({ view: makeView({ error, errorAt: 1 }) });

      const badge = await h.handlers.getProfileBadge(false, 7);

      expect(badge.ssi.error).toEqual({ code: 'forbidden', status: 403 });
      expect(badge.problem).toEqual(describeError({ code: 'forbidden', status: 403 }));
      expect(JSON.stringify(badge)).not.toMatch(/trial|ada@|internal detail/);
    });

    it('has no profile URN when the snapshot has none', async () => {
      const h = setup({ view: makeView({ snapshot: makeSnapshot({ profileUrn: null }) }) });

      expect((await h.handlers.getProfileBadge(false, 7)).account.profileUrn).toBeNull();
    });

    it('looks up no account without a snapshot', async () => {
      const h = setup({ view: makeView({ snapshot: null, error: { code: 'no-key' } }) });

      const badge = await h.handlers.getProfileBadge(false, 7);

      expect(badge.account).toEqual({ profileUrn: null, publicId: null });
      expect(badge.problem).toEqual(describeError({ code: 'no-key' }));
      expect(h.accounts.publicIdOf).not.toHaveBeenCalled();
    });
  });

  describe('the account’s LinkedIn slug', () => {
    it('is asked of the account lookup for the snapshot’s account id, with the saved settings and key', async () => {
      const h = setup({ settings: { apiBaseUrl: SANDBOX_API } });

      expect((await h.handlers.getProfileBadge(false, 7)).account.publicId).toBe('ada-lovelace');
      expect(h.accounts.publicIdOf).toHaveBeenCalledExactlyOnceWith(
        { settings: h.state.settings, apiKey: API_KEY },
        'acc_1',
      );
    });

    it.each<{ label: string; snapshotAccount: string | null }>([
      { label: 'another account', snapshotAccount: 'acc_1' },
      { label: 'no account', snapshotAccount: null },
    ])(
      'is found by the configured account id when the snapshot names $label',
      async ({ snapshotAccount }) => {
        const h = setup({
          settings: { accountId: 'acc_2' },
          view: makeView({ snapshot: makeSnapshot({ accountId: snapshotAccount }) }),
        });

        expect((await h.handlers.getProfileBadge(false, 7)).account.publicId).toBe('grace');
      },
    );

    it('is not looked up when no account id is known', async () => {
      const h = setup({ view: makeView({ snapshot: makeSnapshot({ accountId: null }) }) });

      expect((await h.handlers.getProfileBadge(false, 7)).account.publicId).toBeNull();
      expect(h.accounts.publicIdOf).not.toHaveBeenCalled();
    });
  });

  describe('on the own profile of another account of the key', () => {
    const GRACE_URN = 'urn:li:fsd_profile:ACoAAGraceHopper';
    const graceView = makeView({
      snapshot: makeSnapshot({ accountId: 'acc_2', overall: 48, profileUrn: GRACE_URN }),
    });

    it('shows that account’s SSI when the page’s slug is its publicId, whichever account is selected', async () => {
      const h = setup();
      h.ssi.getSsi.mockImplementation(async (options) =>
        options?.accountId === 'acc_2' ? graceView : h.state.view,
      );

      const badge = await h.handlers.getProfileBadge(false, 7, { slug: 'grace', profileId: null });

      expect(h.ssi.getSsi).toHaveBeenCalledWith(
        expect.objectContaining({ accountId: 'acc_2', refresh: false }),
      );
      expect(badge.ssi.snapshot?.overall).toBe(48);
      expect(badge.account).toEqual({ profileUrn: GRACE_URN, publicId: 'grace' });
    });

    it('finds the account by the fsd profile ID of its last reading (for /in/me/)', async () => {
      const h = setup();
      h.state.entries.set(`${DEFAULT_SETTINGS.apiBaseUrl}|acc_2`, {
        snapshot: graceView.snapshot,
        lastError: null,
      });
      h.ssi.getSsi.mockImplementation(async (options) =>
        options?.accountId === 'acc_2' ? graceView : h.state.view,
      );

      const badge = await h.handlers.getProfileBadge(false, 7, { slug: 'me', profileId: 'ACoAAGraceHopper' });

      expect(badge.ssi.snapshot?.overall).toBe(48);
    });

    it('answers with the selected account on a page that names no account of the key', async () => {
      const h = setup();

      const badge = await h.handlers.getProfileBadge(false, 7, {
        slug: 'a-stranger',
        profileId: 'ACoAAStranger',
      });

      expect(h.ssi.getSsi).toHaveBeenCalledWith(expect.objectContaining({ accountId: undefined }));
      expect(badge.account.publicId).toBe('ada-lovelace');
    });

    it('counts a forced refresh against that account, not the selected one', async () => {
      const h = setup();
      await h.handlers.getProfileBadge(true, 7, { slug: 'grace', profileId: null });
      await h.handlers.getProfileBadge(true, 7, { slug: 'ada-lovelace', profileId: null });

      expect(h.ssi.getSsi.mock.calls.map(([options]) => options?.refresh)).toEqual([true, true]);
    });

    it('holds asks for other pages within the repeat window, and answers them once, for the newest page', async () => {
      const h = setup();
      h.ssi.getSsi.mockImplementation(async (options) =>
        options?.accountId === 'acc_2' ? graceView : h.state.view,
      );
      await h.handlers.getProfileBadge(false, 7, { slug: 'a-stranger', profileId: null });

      // A page alternating profile URLs: every ask within the window waits for one answer.
      const held = Array.from({ length: 50 }, (_, index) =>
        h.handlers.getProfileBadge(false, 7, {
          slug: index % 2 ? 'someone' : 'a-stranger-2',
          profileId: null,
        }),
      );
      const newest = h.handlers.getProfileBadge(false, 7, { slug: 'grace', profileId: null });
      await Promise.resolve();
      expect(h.ssi.getSsi).toHaveBeenCalledTimes(1);

      h.state.now += REPEAT_ASK_WINDOW_MS;
      h.state.sleepers.forEach((wake) => wake());
      const answers = await Promise.all([...held, newest]);

      expect(h.ssi.getSsi).toHaveBeenCalledTimes(2);
      expect(new Set(answers).size).toBe(1);
      expect(answers[0]?.ssi.snapshot?.overall).toBe(48);
    });

    it(`answers for at most ${MAX_MEMBERS_ANSWERED} accounts besides the selected one per ${MEMBER_WINDOW_MS / 60_000} minutes`, async () => {
      const members = Array.from({ length: MAX_MEMBERS_ANSWERED + 2 }, (_, index) =>
        account(`acc_m${index}`, `member-${index}`),
      );
      const h = setup();
      h.accounts.list.mockResolvedValue({ accounts: [...ACCOUNTS, ...members], error: null });
      const askedFor = () => h.ssi.getSsi.mock.calls.map(([options]) => options?.accountId);

      for (const [index] of members.entries()) {
        await h.handlers.getProfileBadge(false, 100 + index, { slug: `member-${index}`, profileId: null });
      }
      expect(askedFor()).toEqual([
        ...members.slice(0, MAX_MEMBERS_ANSWERED).map((m) => m.id),
        undefined,
        undefined,
      ]);

      // One already answered stays answered; a stranger's page gets the selected account's.
      await h.handlers.getProfileBadge(false, 200, { slug: 'member-0', profileId: null });
      await h.handlers.getProfileBadge(false, 201, { slug: 'a-stranger', profileId: null });
      expect(askedFor().slice(-2)).toEqual(['acc_m0', undefined]);

      h.state.now += MEMBER_WINDOW_MS;
      await h.handlers.getProfileBadge(false, 300, {
        slug: `member-${MAX_MEMBERS_ANSWERED}`,
        profileId: null,
      });
      expect(askedFor().at(-1)).toBe(`acc_m${MAX_MEMBERS_ANSWERED}`);
    });

    it('finds the key’s default account by the profile ID of the default slot’s reading', async () => {
      const h = setup({ settings: { accountId: 'acc_2' } });
      h.state.entries.set(`${DEFAULT_SETTINGS.apiBaseUrl}|default`, {
        snapshot: makeSnapshot({ accountId: 'acc_1', profileUrn: 'urn:li:fsd_profile:ACoAAAda' }),
        lastError: null,
      });

      await h.handlers.getProfileBadge(false, 7, { slug: 'me', profileId: 'ACoAAAda' });

      expect(h.ssi.getSsi).toHaveBeenCalledWith(expect.objectContaining({ accountId: 'acc_1' }));
    });
  });

  describe('the tabs it remembers', () => {
    it('remembers each tab once, in the order they asked', async () => {
      const h = setup();

      await h.handlers.getProfileBadge(false, 7);
      await h.handlers.getProfileBadge(false, 9);
      await h.handlers.getProfileBadge(true, 7);

      expect(h.state.tabs).toEqual([7, 9]);
    });

    it('remembers nothing when the sender has no tab', async () => {
      const h = setup();

      await h.handlers.getProfileBadge(false, undefined);

      expect(h.state.tabs).toEqual([]);
    });

    it(`keeps at most ${MAX_PROFILE_BADGE_TABS} tabs, forgetting the oldest`, async () => {
      const full = Array.from({ length: MAX_PROFILE_BADGE_TABS }, (_, index) => index + 1);
      const h = setup({ tabs: full });

      await h.handlers.getProfileBadge(false, 1000);

      expect(h.state.tabs).toHaveLength(MAX_PROFILE_BADGE_TABS);
      expect(h.state.tabs).not.toContain(1);
      expect(h.state.tabs).toEqual([...full.slice(1), 1000]);
    });
  });

  it.each<{ label: string; options: Parameters<typeof setup>[0] }>([
    { label: 'a good reading', options: {} },
    {
      label: 'a failed refresh',
      options: { view: makeView({ error: { code: 'unauthorized', status: 401 }, errorAt: 1 }) },
    },
    { label: 'no reading', options: { view: makeView({ snapshot: null, error: { code: 'network' } }) } },
    { label: 'the badge turned off', options: { settings: { showProfileBadge: false } } },
  ])('never puts the API key in the answer ($label)', async ({ options }) => {
    const h = setup(options);

    const badge = await h.handlers.getProfileBadge(true, 7);

    expect(JSON.stringify(badge)).not.toContain(API_KEY);
  });
});

describe('what a LinkedIn tab may ask for, and how often', () => {
  it(`forces a refresh at most once per ${FORCED_REFRESH_EVERY_MS / 1000} s per account; further forced asks are ordinary ones`, async () => {
    const h = setup();
    const forced = () => h.ssi.getSsi.mock.calls.map(([options]) => options?.refresh);

    await h.handlers.getProfileBadge(true, 7);
    for (let i = 0; i < 5; i++) await h.handlers.getProfileBadge(true, 7 + (i % 2));
    h.state.now = T0 + FORCED_REFRESH_EVERY_MS - 1;
    await h.handlers.getProfileBadge(true, 9);
    expect(forced()).toEqual([true, false, false, false, false, false, false]);

    h.state.now = T0 + FORCED_REFRESH_EVERY_MS;
    await h.handlers.getProfileBadge(true, 7);
    expect(forced().at(-1)).toBe(true);
  });

  it('counts forced refreshes per account: another account (or API origin) has its own window', async () => {
    const h = setup();
    await h.handlers.getProfileBadge(true, 7);

    h.state.settings = { ...h.state.settings, accountId: 'acc_2' };
    await h.handlers.getProfileBadge(true, 7);
    h.state.settings = { ...h.state.settings, apiBaseUrl: SANDBOX_API };
    await h.handlers.getProfileBadge(true, 7);
    await h.handlers.getProfileBadge(true, 7);

    expect(h.ssi.getSsi.mock.calls.map(([options]) => options?.refresh)).toEqual([true, true, true, false]);
  });

  it('does not count ordinary asks against the forced ones', async () => {
    const h = setup();

    for (let i = 0; i < 3; i++) {
      await h.handlers.getProfileBadge(false, 7);
      h.state.now += REPEAT_ASK_WINDOW_MS;
    }
    await h.handlers.getProfileBadge(true, 7);

    expect(h.ssi.getSsi.mock.calls.map(([options]) => options?.refresh)).toEqual([false, false, false, true]);
  });

  it(`answers a tab's plain asks within ${REPEAT_ASK_WINDOW_MS} ms of its last with that one's answer, until a notice`, async () => {
    const h = setup({ tabs: [7] });

    // A page pushing profile URLs in a loop: a hundred asks at once, then one by one.
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => h.handlers.getProfileBadge(false, 7)),
    );
    for (let i = 0; i < 100; i++) await h.handlers.getProfileBadge(false, 7);

    expect(h.ssi.getSsi).toHaveBeenCalledOnce();
    expect(h.deps.read).toHaveBeenCalledOnce();
    expect(new Set(answers).size).toBe(1);
    // Another tab is another window.
    await h.handlers.getProfileBadge(false, 8);
    expect(h.ssi.getSsi).toHaveBeenCalledTimes(2);
    // The data changed: the tabs are told, and the next ask is answered afresh.
    await h.handlers.notifyTabs();
    await h.handlers.getProfileBadge(false, 7);
    expect(h.ssi.getSsi).toHaveBeenCalledTimes(3);
    // So is an ask after the window.
    h.state.now += REPEAT_ASK_WINDOW_MS;
    await h.handlers.getProfileBadge(false, 7);
    expect(h.ssi.getSsi).toHaveBeenCalledTimes(4);
  });

  it(`opens at most one page per tab per ${PAGE_OPEN_EVERY_MS / 1000} s; further asks open nothing`, async () => {
    const h = setup();

    for (let i = 0; i < 100; i++) await h.handlers.openPageFor(i % 2 ? 'settings' : 'dashboard', 7);
    expect(h.deps.openPage).toHaveBeenCalledExactlyOnceWith('dashboard');

    h.state.now = T0 + PAGE_OPEN_EVERY_MS - 1;
    await h.handlers.openPageFor('settings', 7);
    expect(h.deps.openPage).toHaveBeenCalledTimes(1);

    h.state.now = T0 + PAGE_OPEN_EVERY_MS;
    await h.handlers.openPageFor('settings', 7);
    expect(h.deps.openPage).toHaveBeenLastCalledWith('settings');
    expect(h.deps.openPage).toHaveBeenCalledTimes(2);
  });

  it('counts pages opened per tab: another tab has its own window', async () => {
    const h = setup();

    await h.handlers.openPageFor('dashboard', 7);
    await h.handlers.openPageFor('dashboard', 8);
    await h.handlers.openPageFor('dashboard', 8);

    expect(h.deps.openPage).toHaveBeenCalledTimes(2);
  });

  it('does not limit the extension’s own pages (no tab id)', async () => {
    const h = setup();

    for (let i = 0; i < 3; i++) await h.handlers.openPageFor('settings', undefined);

    expect(h.deps.openPage).toHaveBeenCalledTimes(3);
  });
});

describe('notifyTabs', () => {
  it('tells every remembered tab that the badge changed', async () => {
    const h = setup({ tabs: [3, 5, 8] });

    await h.handlers.notifyTabs();

    expect(h.send).toHaveBeenCalledTimes(3);
    for (const tabId of [3, 5, 8])
      expect(h.send).toHaveBeenCalledWith(tabId, { type: 'profile-badge:changed' });
    expect(h.state.tabs).toEqual([3, 5, 8]);
  });

  it('forgets the tabs that could not be told, and no longer tells them', async () => {
    const h = setup({ tabs: [3, 5, 8, 13], deadTabs: [5, 13] });

    await h.handlers.notifyTabs();
    expect(h.state.tabs).toEqual([3, 8]);

    h.send.mockClear();
    await h.handlers.notifyTabs();
    expect(h.send.mock.calls.map(([tabId]) => tabId)).toEqual([3, 8]);
  });

  it('does nothing when no tab is remembered', async () => {
    const h = setup();

    await h.handlers.notifyTabs();

    expect(h.send).not.toHaveBeenCalled();
    expect(h.state.tabs).toEqual([]);
  });

  it('tells tabs remembered by getProfileBadge', async () => {
    const h = setup();
    await h.handlers.getProfileBadge(false, 42);

    await h.handlers.notifyTabs();

    expect(h.send).toHaveBeenCalledExactlyOnceWith(42, { type: 'profile-badge:changed' });
  });
});

describe('concurrent callers', () => {
  it('remembers every tab when several ask at once', async () => {
    const h = setup();

    await Promise.all([
      h.handlers.getProfileBadge(false, 1),
      h.handlers.getProfileBadge(false, 2),
      h.handlers.getProfileBadge(false, 3),
    ]);

    expect([...h.state.tabs].sort()).toEqual([1, 2, 3]);
  });

  it('keeps a tab that registers while notices are on their way', async () => {
    const h = setup({ tabs: [1, 2], deadTabs: [2] });

    await Promise.all([h.handlers.notifyTabs(), h.handlers.getProfileBadge(false, 3)]);

    expect([...h.state.tabs].sort()).toEqual([1, 3]);
  });
});

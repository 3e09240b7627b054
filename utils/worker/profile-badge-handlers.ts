/**
 * The service worker's side of the LinkedIn badge: what a tab is told, who the account is on
 * LinkedIn, which tabs to tell when that changes, and how often a tab may ask for more than
 * its data. Whatever a LinkedIn page makes the content script do, it cannot turn into a flood
 * of tabs or API requests.
 */
import type { CacheEntry } from '../api-cache';
import { describeError, type SsiError } from '../errors';
import { ME_SLUG, normaliseSlug, profileIdFromUrn } from '../member-identity';
import type { ProfileBadgeState, PayloadOf, TabNotice } from '../messaging/protocol';
import { createSerialQueue } from './serial-queue';
import { targetKey } from '../settings';
import type { SavedConfig } from './saved-config';
import type { SsiService } from './ssi-service';
import type { KeyAccountsService } from './key-accounts-service';

/** The profile a tab is on, as far as it knows yet (`profile-badge:get`'s `page`). */
export type BadgePage = NonNullable<PayloadOf<'profile-badge:get'>['page']>;

export interface ProfileBadgeDeps {
  ssi: SsiService;
  /** The key's accounts, and who each is on LinkedIn (its slug). */
  accounts: KeyAccountsService;
  /**
   * Cache entries by slot (`targetKey`), in one read of storage: an account's fsd profile ID is
   * in its last reading.
   */
  readEntries: (keys: string[]) => Promise<(CacheEntry | null)[]>;
  /** The saved settings and key, read together (`readSavedConfig`). */
  read: () => Promise<SavedConfig>;
  tabs: {
    read(): Promise<number[]>;
    write(value: number[]): Promise<void>;
    send(tabId: number, notice: TabNotice): Promise<unknown>;
  };
  /** Opens one of the extension's pages in a tab. */
  openPage(page: PayloadOf<'page:open'>['page']): Promise<unknown>;
  now: () => number;
  /** Waits `ms` (a held ask, see `getProfileBadge`); `setTimeout` when not given. */
  sleep?: (ms: number) => Promise<void>;
}

/** Tabs remembered at most; the oldest are forgotten first. */
export const MAX_PROFILE_BADGE_TABS = 50;
/** A LinkedIn tab opens at most one extension page per this long; further asks open nothing. */
export const PAGE_OPEN_EVERY_MS = 2_000;
/**
 * A content script forces at most one refresh per account per this long; further forced asks
 * are served as ordinary ones (the cache, or a request if it is stale). The popup's own
 * Refresh (`ssi:get`, extension pages only) is not limited.
 */
export const FORCED_REFRESH_EVERY_MS = 30_000;
/**
 * A tab gets at most one answer to plain (not forced) asks per this long: an ask for the same
 * page within it shares the last answer; one for another page is held to the window's end and
 * answered then, for the newest page asked. A page that pushes profile URLs in a loop costs the
 * worker one answer a second. A notice to the tabs (their data changed) ends every window.
 */
export const REPEAT_ASK_WINDOW_MS = 1_000;
/**
 * The badge answers for at most this many accounts of the key other than the selected one per
 * {@link MEMBER_WINDOW_MS}, across tabs: enough for a teammate's own profile, too few for a
 * page that tries slugs to list the key's members.
 */
export const MAX_MEMBERS_ANSWERED = 5;
export const MEMBER_WINDOW_MS = 10 * 60_000;

/**
 * An error as a LinkedIn page may be told it: its code, status and retry time, never the
 * server's words or a detail. The badge lives in LinkedIn's page, whose scripts may find ways
 * to read what it shows; the popup shows the server's words instead.
 */
function forPages(error: SsiError | null): SsiError | null {
  if (!error) return null;
  const { code, status, retryAt } = error;
  return { code, ...(status === undefined ? {} : { status }), ...(retryAt === undefined ? {} : { retryAt }) };
}

export function createProfileBadgeHandlers(deps: ProfileBadgeDeps) {
  // Tabs are read, changed and written back: one step at a time, or a step is lost.
  const serially = createSerialQueue();
  // When each limited ask was last let through, by what it is limited per. In memory: the
  // worker lives on while a page keeps asking, and after 30 s idle every window is over anyway.
  const lastAllowed = new Map<string, number>();
  function allow(slot: string, everyMs: number): boolean {
    const now = deps.now();
    if (now - (lastAllowed.get(slot) ?? -Infinity) < everyMs) return false;
    lastAllowed.set(slot, now);
    return true;
  }

  // Each tab's last plain ask, for which page, and its answer (a promise: asks at once share it);
  // `held`: an ask for another page within the window, answered at its end.
  interface LastAsk {
    at: number;
    page: string;
    answer: Promise<ProfileBadgeState>;
    held?: { page: BadgePage | undefined; answer: Promise<ProfileBadgeState> };
  }
  const lastAsks = new Map<number, LastAsk>();
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  // The accounts other than the selected one the badge answered for, and when (first answer).
  const membersAnswered = new Map<string, number>();

  /** Whether the badge may answer for `accountId` now (see MAX_MEMBERS_ANSWERED). */
  function mayAnswerFor(accountId: string): boolean {
    const now = deps.now();
    for (const [id, at] of membersAnswered) if (now - at >= MEMBER_WINDOW_MS) membersAnswered.delete(id);
    if (membersAnswered.has(accountId)) return true;
    if (membersAnswered.size >= MAX_MEMBERS_ANSWERED) return false;
    membersAnswered.set(accountId, now);
    return true;
  }

  function remember(tabId: number): Promise<void> {
    return serially(async () => {
      const tabs = await deps.tabs.read();
      if (tabs.includes(tabId)) return;
      await deps.tabs.write([...tabs, tabId].slice(-MAX_PROFILE_BADGE_TABS));
    });
  }

  /**
   * The key's account whose own profile `page` is, by its slug (`publicId`) or its fsd profile
   * ID (from its last reading), when it is not the selected one; undefined for the selected
   * account (also when the page names no account of the key: the tab then finds the profile
   * is not the account's and shows nothing). One read of the cache for all of it.
   */
  async function memberOn(config: SavedConfig, page: BadgePage | undefined): Promise<string | undefined> {
    if (!page) return undefined;
    // The stored list at once (refreshed behind when stale): a slow list never delays a badge.
    const { accounts } = await deps.accounts.list(config, { background: true });
    if (!accounts?.length) return undefined;
    // The default slot (the default account's readings name it), and each account's own slot
    // when the page's profile ID is to be matched.
    const [defaults, ...own] = await deps.readEntries([
      targetKey({ ...config.settings, accountId: '' }),
      ...(page.profileId
        ? accounts.map((account) => targetKey({ ...config.settings, accountId: account.id }))
        : []),
    ]);
    const slug = page.slug !== ME_SLUG ? page.slug : null;
    const bySlug = accounts.find(
      (account) => slug && account.publicId && normaliseSlug(account.publicId) === slug,
    );
    const named = page.profileId
      ? [...own, defaults].find((entry) => profileIdFromUrn(entry?.snapshot?.profileUrn) === page.profileId)
      : undefined;
    const byProfileId = named?.snapshot?.accountId;
    const member =
      bySlug?.id ??
      (byProfileId && accounts.some((account) => account.id === byProfileId) ? byProfileId : undefined);
    if (member === undefined || member === config.settings.accountId) return undefined;
    if (!config.settings.accountId) {
      // The key's default account is selected: until a reading names it, any account may be it,
      // so the default is answered (and its reading names it); it is never asked for twice.
      const defaultId = defaults?.snapshot?.accountId;
      if (!defaultId || defaultId === member) return undefined;
    }
    return mayAnswerFor(member) ? member : undefined;
  }

  /** Remembers a tab's answer for the window's asks. */
  function rememberAnswer(tabId: number, page: string, fresh: Promise<ProfileBadgeState>): void {
    lastAsks.delete(tabId);
    lastAsks.set(tabId, { at: deps.now(), page, answer: fresh });
    // Bounded like the tabs remembered: the oldest go first.
    for (const old of lastAsks.keys()) {
      if (lastAsks.size <= MAX_PROFILE_BADGE_TABS) break;
      lastAsks.delete(old);
    }
  }

  /** The badge's data, worked out afresh: the settings and key read once for all of it. */
  async function answer(
    refresh: boolean,
    tabId: number | undefined,
    page: BadgePage | undefined,
  ): Promise<ProfileBadgeState> {
    if (tabId !== undefined) await remember(tabId);
    const config = await deps.read();
    if (!config.settings.showProfileBadge) {
      return {
        show: false,
        ssi: { snapshot: null, error: null, errorAt: null, stale: false, refreshing: false },
        problem: null,
        account: { profileUrn: null, publicId: null },
      };
    }
    const member = await memberOn(config, page);
    const settings = member === undefined ? config.settings : { ...config.settings, accountId: member };
    const forced = refresh && allow(`refresh|${targetKey(settings)}`, FORCED_REFRESH_EVERY_MS);
    // One reading of the settings and key for the whole ask: the SSI, the account's slug and
    // the rate limit's slot all belong to the same configuration, even across a save.
    const ssi = await deps.ssi.getSsi({ refresh: forced, config, accountId: member });
    const snapshot = ssi.snapshot;
    const accountId = snapshot && (settings.accountId || snapshot.accountId);
    const publicId = accountId ? await deps.accounts.publicIdOf(config, accountId) : null;
    const error = forPages(ssi.error);
    return {
      show: true,
      ssi: { ...ssi, error },
      problem: error ? describeError(error) : null,
      account: { profileUrn: snapshot?.profileUrn ?? null, publicId },
    };
  }

  return {
    /**
     * The badge's data for the tab that asked, which is remembered for later notices: the SSI of
     * the key's account whose profile `page` is, else of the selected account. A tab's plain
     * asks for the same page within {@link REPEAT_ASK_WINDOW_MS} of its last share that one's
     * answer.
     */
    getProfileBadge(
      refresh: boolean,
      tabId: number | undefined,
      page?: BadgePage,
    ): Promise<ProfileBadgeState> {
      if (tabId === undefined || refresh) return answer(refresh, tabId, page);
      const now = deps.now();
      const last = lastAsks.get(tabId);
      const asked = JSON.stringify(page ?? null);
      if (last && now - last.at < REPEAT_ASK_WINDOW_MS) {
        if (last.page === asked) return last.answer;
        if (last.held) {
          last.held.page = page;
          return last.held.answer;
        }
        const held: NonNullable<LastAsk['held']> = { page, answer: Promise.resolve(null as never) };
        held.answer = sleep(last.at + REPEAT_ASK_WINDOW_MS - now).then(() => {
          const fresh = answer(false, tabId, held.page);
          rememberAnswer(tabId, JSON.stringify(held.page ?? null), fresh);
          return fresh;
        });
        last.held = held;
        return held.answer;
      }
      const fresh = answer(false, tabId, page);
      rememberAnswer(tabId, asked, fresh);
      return fresh;
    },

    /**
     * Opens the page a tab asked for, unless that tab (`tabId`; none for extension pages) had
     * one opened within {@link PAGE_OPEN_EVERY_MS}.
     */
    async openPageFor(page: PayloadOf<'page:open'>['page'], tabId: number | undefined): Promise<null> {
      if (tabId === undefined || allow(`page|${tabId}`, PAGE_OPEN_EVERY_MS)) await deps.openPage(page);
      return null;
    },

    /** Tells every remembered LinkedIn tab to ask again; forgets tabs that are gone. */
    async notifyTabs(): Promise<void> {
      // What each tab was told last is out of date: its next ask gets the new data.
      lastAsks.clear();
      const tabs = await deps.tabs.read();
      const alive = await Promise.all(
        tabs.map((tabId) =>
          deps.tabs.send(tabId, { type: 'profile-badge:changed' }).then(
            () => true,
            () => false,
          ),
        ),
      );
      const gone = new Set(tabs.filter((_, index) => !alive[index]));
      if (gone.size === 0) return;
      // Read again: tabs may have registered while the notices were on their way.
      await serially(async () =>
        deps.tabs.write((await deps.tabs.read()).filter((tabId) => !gone.has(tabId))),
      );
    },
  };
}

/**
 * The whole chain a failure travels, modelled with the real parts: the SSI service writes the
 * outcome to the cache and tells the badge handlers, which notify every LinkedIn tab; each tab
 * (a fake content script) asks `profile-badge:get` again on each notice, and also whenever its user
 * moves to another profile. Whatever fails, that chain must not turn into a loop.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SsiClient } from './api/client';
import { FAILURE_COOLDOWN_MS } from './ssi-service';
import { SSI_ERROR_CODES, type SsiError, type SsiErrorCode } from '../errors';
import { err } from '../result';
import { DEFAULT_SETTINGS } from '../settings';
import { createSsiService } from './ssi-service';
import { READABLE_CACHE_ENTRY } from '../testing/cache-entry';
import { memoryCacheStore } from '../testing/memory-cache-store';
import type { AccountsEntry, EntryStore } from '../api-cache';
import { createKeyAccountsService } from './key-accounts-service';
import { createProfileBadgeHandlers } from './profile-badge-handlers';

const KEY = 'sk_live_feedback_0123456789';
const SLOT = `${DEFAULT_SETTINGS.apiBaseUrl}|default`;
const MINUTES = 10;
const TABS = [11, 12, 13];
/** How often each tab's user moves to another profile, which asks `profile-badge:get` again. */
const NAVIGATION_EVERY_MS = 20_000;
/** How long a notice takes to reach a tab and its `profile-badge:get` to come back. */
const NOTICE_DELAY_MS = 30;

/**
 * Every code a request for the badge can end in. Not here: `no-key` (no request is made
 * without a key, nor any write), `key-for-new-address` (Test connection only) and `refused`
 * (the router's, before any handler).
 */
const NOT_FROM_AN_ASK = new Set<SsiErrorCode>(['no-key', 'key-for-new-address', 'refused']);
const CODES = SSI_ERROR_CODES.filter((code) => !NOT_FROM_AN_ASK.has(code));

/** What the fake client answers for `code` at `now`; `throws` for a client that throws. */
function failure(code: SsiErrorCode, now: number): SsiError {
  return code === 'rate-limited' ? { code, status: 429, retryAt: now + 30_000 } : { code };
}

function model(code: SsiErrorCode, withData: boolean) {
  const counts = { requests: 0, writes: 0, notices: 0, asks: 0 };
  const now = () => Date.now();
  const answer = async () => {
    counts.requests++;
    // A client that throws (a bug) is the service's `internal`; storage refusing writes is
    // `storage-failed`, made below by the stores.
    if (code === 'internal') throw new Error('a bug in the client');
    return err(failure(code === 'storage-failed' ? 'server' : code, now()));
  };
  const client: SsiClient = {
    getSsi: answer,
    listAccounts: answer,
    getAccountStatus: () => Promise.reject(new Error('not asked by the badge')),
  };
  const read = async () => ({ settings: { ...DEFAULT_SETTINGS }, apiKey: KEY });
  const mayCall = async () => code !== 'permission-missing';
  const cache = memoryCacheStore();
  if (withData) cache.entries.set(SLOT, READABLE_CACHE_ENTRY);
  const accounts = memoryCacheStore<AccountsEntry>();
  // Counts what is written; for storage-failed, storage refuses every write.
  const countWrites = <E>(store: EntryStore<E>) => {
    const write = store.write;
    store.write = async (...args) => {
      if (code === 'storage-failed') throw new Error('QUOTA_BYTES quota exceeded');
      const written = await write(...args);
      if (written) counts.writes++;
      return written;
    };
  };
  countWrites(cache);
  countWrites(accounts);
  let tabs: number[] = [];
  const ssi = createSsiService({
    client,
    read,
    cache,
    mayCall,
    now,
    retry: {
      retries: 2,
      baseDelayMs: 500,
      sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
      random: () => 0.5,
    },
    onUpdate: () => void badge.notifyTabs(),
  });
  const badge = createProfileBadgeHandlers({
    ssi,
    accounts: createKeyAccountsService({ client, store: accounts, read, mayCall, now }),
    readEntries: (keys) => Promise.all(keys.map((key) => cache.read(key))),
    read,
    tabs: {
      read: async () => [...tabs],
      write: async (value) => {
        tabs = [...value];
      },
      // The fake content script: each notice makes its tab ask again. (It gives up after
      // thousands, so that a loop fails this test instead of running on into the next ones.)
      send: async (tabId) => {
        counts.notices++;
        if (counts.notices < 2_000) setTimeout(() => void ask(tabId), NOTICE_DELAY_MS);
      },
    },
    openPage: () => Promise.reject(new Error('no page is opened here')),
    now,
  });
  const ask = (tabId: number) => {
    counts.asks++;
    return badge.getProfileBadge(false, tabId);
  };
  return { counts, ask };
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-12-02T09:00:00.000Z') });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('no feedback loop, whatever fails', () => {
  it.each(CODES.flatMap((code) => [[code, 'no data'] as const, [code, 'a stale reading'] as const]))(
    `%s, with %s: ${MINUTES} minutes of LinkedIn tabs asking make a bounded number of requests, writes and notices`,
    async (code, data) => {
      const h = model(code, data === 'a stale reading');

      for (const tabId of TABS) void h.ask(tabId);
      for (let elapsed = 0; elapsed < MINUTES * 60_000; elapsed += NAVIGATION_EVERY_MS) {
        await vi.advanceTimersByTimeAsync(NAVIGATION_EVERY_MS);
        for (const tabId of TABS) void h.ask(tabId);
      }
      await vi.advanceTimersByTimeAsync(5_000);

      // One automatic attempt per cooldown (a 429's pause is shorter here), each retried at
      // most twice; the SSI and the account lookup each.
      const windows = (MINUTES * 60_000) / FAILURE_COOLDOWN_MS + 1;
      expect(h.counts.requests).toBeLessThanOrEqual(2 * 3 * windows);
      expect(h.counts.writes).toBeLessThanOrEqual(2 * windows);
      // Tabs hear of a failure when what they show changes: the first time, and when a 429's
      // "try again after" moves.
      expect(h.counts.notices).toBeLessThanOrEqual(TABS.length * windows);
      // The tabs' own asks, plus one per notice: nothing else.
      expect(h.counts.asks).toBe(TABS.length * (MINUTES * 3 + 1) + h.counts.notices);
    },
  );
});

/**
 * What the dashboard reads from `storage.local` itself: the settings, the cached reading, and
 * the current account's history and goal. Everything is validated on the way in, like any
 * input; only the service worker writes these keys. The API key is never read.
 */
import { accountNameOf } from '@/utils/account-choices';
import { readAccountsEntry, readCacheEntry, type CacheEntry } from '@/utils/api-cache';
import { keyAccountsViewOf } from '@/utils/key-accounts';
import { decodeHistory, HISTORY_KEY_PREFIX, historyStorageKey } from '@/utils/history/codec';
import { readGoals, type Goal } from '@/utils/history/goal';
import { historyAccountOf, type DailyReading } from '@/utils/history/reading';
import { storedTarget, targetKey } from '@/utils/settings';
import { accountsItem, goalsItem, settingsItem, ssiCacheItem } from '@/utils/storage';

export interface DashboardStored {
  /**
   * Whose history the dashboard shows: the account the cached reading answered for, else the
   * settings' account ID (`default` for the key's default account), as the worker files it.
   */
  accountId: string;
  /** That account's name, once the key's accounts are known. */
  accountName: string | null;
  /** The cached entry of the configured account; null when there is none. */
  entry: CacheEntry | null;
  /** That account's history, oldest first, one reading per day. */
  days: DailyReading[];
  goal: Goal | null;
}

/** The part of a storage area the reader uses (`browser.storage.local` in the product). */
export interface ReadableArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
}

/** Reads what the dashboard shows; unreadable values read as absent, never as an error. */
export async function readStored(area: ReadableArea): Promise<DashboardStored> {
  const first = await area.get([settingsItem.key, ssiCacheItem.key, goalsItem.key, accountsItem.key]);
  const target = storedTarget(first[settingsItem.key]);
  const accounts = keyAccountsViewOf(
    readAccountsEntry(first[accountsItem.key], target.apiBaseUrl),
    readCacheEntry(first[ssiCacheItem.key], targetKey({ apiBaseUrl: target.apiBaseUrl, accountId: '' })),
  );
  const entry = readCacheEntry(first[ssiCacheItem.key], target.key);
  const accountId = historyAccountOf(entry?.snapshot?.accountId ?? null, target.accountId);
  const key = historyStorageKey(accountId);
  const history = decodeHistory((await area.get([key]))[key]);
  return {
    accountId,
    accountName: accountNameOf(accounts, target.accountId),
    entry,
    // A history stored under another account's key is not this account's.
    days: history?.accountId === accountId ? history.days : [],
    goal: readGoals(first[goalsItem.key])[accountId] ?? null,
  };
}

/** What a change in storage means for the dashboard. */
export interface StoredChange {
  /** The settings or the cache changed: the reading on screen may be out of date. */
  reading: boolean;
}

/** Which changed keys matter to the dashboard, and how; null when none does. */
export function storedChangeOf(keys: readonly string[]): StoredChange | null {
  const reading = keys.some((key) => key === settingsItem.key || key === ssiCacheItem.key);
  const other = keys.some(
    (key) => key === goalsItem.key || key === accountsItem.key || key.startsWith(HISTORY_KEY_PREFIX),
  );
  return reading || other ? { reading } : null;
}

/**
 * What the popup knows before it asks the service worker anything: the configured account and
 * its cached entry, read straight from storage.
 */
import { accountNameOf } from '@/utils/account-choices';
import { readAccountsEntry, readCacheEntry, type CacheEntry } from '@/utils/api-cache';
import { keyAccountsViewOf, type KeyAccountsView } from '@/utils/key-accounts';
import { accountLabelFor } from '@/utils/popup-preview';
import { storedTarget, targetKey } from '@/utils/settings';
import { accountsItem, settingsItem, ssiCacheItem } from '@/utils/storage';

export interface PopupStart {
  /** The cache slot of the configured account (`targetKey(settings)`). */
  cacheKey: string;
  freshnessMinutes: number;
  /** How the header names the account: its name once known, else its ID or "Default account". */
  accountLabel: string;
  /** The key's accounts as stored (for the header's picker). */
  accounts: KeyAccountsView;
  /** The settings' account ID (empty for the key's default account). */
  accountId: string;
  /** The cached entry of that account; null when there is none (or storage could not be read). */
  entry: CacheEntry | null;
}

/** Reads settings and cache; never rejects (unreadable storage starts the popup with nothing cached). */
export async function readPopupStart(): Promise<PopupStart> {
  const [settings, cache, accounts] = await Promise.all([
    settingsItem.getValue(),
    ssiCacheItem.getValue(),
    accountsItem.getValue(),
  ]).catch(() => [null, null, null] as const);
  const target = storedTarget(settings);
  const view = keyAccountsViewOf(
    readAccountsEntry(accounts, target.apiBaseUrl),
    readCacheEntry(cache, targetKey({ apiBaseUrl: target.apiBaseUrl, accountId: '' })),
  );
  return {
    cacheKey: target.key,
    freshnessMinutes: target.freshnessMinutes,
    accountLabel: accountLabelFor(target.accountId, accountNameOf(view, target.accountId)),
    accounts: view,
    accountId: target.accountId,
    entry: readCacheEntry(cache, target.key),
  };
}

/**
 * What the popup knows before it asks the service worker anything: the configured account and
 * its cached entry, read straight from storage.
 */
import { readCacheEntry, type CacheEntry } from '@/utils/api-cache';
import { accountLabelFor } from '@/utils/popup-preview';
import { storedTarget } from '@/utils/settings';
import { settingsItem, ssiCacheItem } from '@/utils/storage';

export interface PopupStart {
  /** The cache slot of the configured account (`targetKey(settings)`). */
  cacheKey: string;
  freshnessMinutes: number;
  /** How the header names the account: its ID, or "Default account". */
  accountLabel: string;
  /** The settings' account ID (empty for the key's default account). */
  accountId: string;
  /** The cached entry of that account; null when there is none (or storage could not be read). */
  entry: CacheEntry | null;
}

/** Reads settings and cache; never rejects (unreadable storage starts the popup with nothing cached). */
export async function readPopupStart(): Promise<PopupStart> {
  const [settings, cache] = await Promise.all([settingsItem.getValue(), ssiCacheItem.getValue()]).catch(
    () => [null, null] as const,
  );
  const target = storedTarget(settings);
  return {
    cacheKey: target.key,
    freshnessMinutes: target.freshnessMinutes,
    accountLabel: accountLabelFor(target.accountId),
    accountId: target.accountId,
    entry: readCacheEntry(cache, target.key),
  };
}

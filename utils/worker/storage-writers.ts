/**
 * Every write to `storage.local` (the worker is its only writer), on one queue. The storage
 * repair (`migrateStorage`) reads all of `storage.local`, then writes back what it repaired: any
 * other write landing in between would be overwritten by the value read before it (a saved key,
 * new settings, a fresh reading). On one queue, each write lands wholly before or after it.
 */
import { browser } from 'wxt/browser';
import { apiKeyItem } from '../secrets';
import { createSerialQueue } from '../serial-queue';
import { type Settings } from '../settings';
import { migrateStorage } from '../storage-schema';
import { accountSlugsItem, settingsItem, ssiCacheItem } from '../storage';
import { createStorageCacheStore } from './cache-store';

export function createStorageWriters() {
  const enqueue = createSerialQueue();
  return {
    /** The SSI cache; its writes share the queue. */
    cache: createStorageCacheStore(enqueue),
    writeSettings: (value: Settings) => enqueue(() => settingsItem.setValue(value)),
    /** Saves the key, or removes it for null (or an empty key, which is none). */
    writeApiKey: (key: string | null) =>
      enqueue(() => (key ? apiKeyItem.setValue(key) : apiKeyItem.removeValue())),
    /** Adds one account slug to those stored, read and written back in one step. */
    rememberSlug: (key: string, slug: string | null) =>
      enqueue(async () => accountSlugsItem.setValue({ ...(await accountSlugsItem.getValue()), [key]: slug })),
    /** Forgets every SSI reading and account slug, as for a new key. */
    clearCaches: () =>
      enqueue(() => browser.storage.local.set({ [ssiCacheItem.key]: {}, [accountSlugsItem.key]: {} })),
    /** Brings storage up to date (see `migrateStorage`), between two writes, never during one. */
    repair: () => enqueue(() => migrateStorage()),
  };
}

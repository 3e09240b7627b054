/** The SSI cache over extension storage, with writes queued so that none is lost to a race. */
import { readCacheEntry, type SsiCache } from '../cache';
import type { CacheStore } from '../ssi/service';
import type { SerialQueue } from '../serial-queue';
import { ssiCacheItem } from '../storage';
import { isJsonObject } from '../json';

/** Entries kept at most; the least recently written go first. */
export const MAX_CACHE_ENTRIES = 20;

/**
 * `enqueue` runs the store's read-modify-write steps; pass the queue of every other writer of
 * `storage.local` (`storage-writers.ts`) so that none of them can come between a read and its write.
 */
export function createStorageCacheStore(enqueue: SerialQueue): CacheStore {
  return {
    async read(key) {
      return readCacheEntry(await ssiCacheItem.getValue(), key);
    },
    write(key, entry, stillValid) {
      return enqueue(async () => {
        if (stillValid && !(await stillValid())) return false;
        const stored: unknown = await ssiCacheItem.getValue();
        // A corrupt value (not a plain object) is dropped rather than spread into entries.
        const current: SsiCache = isJsonObject(stored) ? { ...(stored as SsiCache) } : {};
        delete current[key];
        const keys = Object.keys(current);
        for (const old of keys.slice(0, Math.max(0, keys.length - (MAX_CACHE_ENTRIES - 1))))
          delete current[old];
        await ssiCacheItem.setValue({ ...current, [key]: entry });
        return true;
      });
    },
  };
}

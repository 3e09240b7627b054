/**
 * What the worker keeps from the API in extension storage (the SSI cache, the key's accounts):
 * entries under one storage key, with writes queued so that none is lost to a race.
 */
import type { EntryStore } from '../api-cache';
import { isJsonObject } from '../json';
import type { SerialQueue } from './serial-queue';
import type { StorageItem } from '../storage-item';

/**
 * Entries kept at most per store; the least recently written go first, never a pinned one. Room
 * for a team's accounts (the Team view reads each), small enough for the popup's first read.
 */
export const MAX_CACHE_ENTRIES = 100;

/**
 * Entries of `item`, read back through `readEntry` (which validates them). `enqueue` runs the
 * store's read-modify-write steps; pass the queue of every other writer of `storage.local`
 * (`storage-writers.ts`) so that none of them can come between a read and its write.
 */
export function createEntryStore<E>(
  enqueue: SerialQueue,
  item: StorageItem<Record<string, E>>,
  readEntry: (stored: unknown, key: string) => E | null,
  /** Keys never dropped to make room (read at each write, on the queue). */
  pinned: () => Promise<readonly string[]> = async () => [],
): EntryStore<E> {
  return {
    async read(key) {
      return readEntry(await item.getValue(), key);
    },
    write(key, entry, stillValid) {
      return enqueue(async () => {
        if (stillValid && !(await stillValid())) return false;
        const stored: unknown = await item.getValue();
        // A corrupt value (not a plain object) is dropped rather than spread into entries.
        const current = isJsonObject(stored) ? { ...(stored as Record<string, E>) } : {};
        delete current[key];
        const kept = new Set(await pinned());
        const keys = Object.keys(current).filter((old) => !kept.has(old));
        const room = MAX_CACHE_ENTRIES - 1 - (Object.keys(current).length - keys.length);
        for (const old of keys.slice(0, Math.max(0, keys.length - room))) delete current[old];
        await item.setValue({ ...current, [key]: entry });
        return true;
      });
    },
  };
}

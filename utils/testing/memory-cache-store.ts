/**
 * Test support, imported by test suites only: an `EntryStore` (the SSI cache, the accounts)
 * over a Map that keeps the store's contract (`utils/cache.ts`) the way `worker/cache-store.ts`
 * does over extension storage. Values are copied in and out, as storage copies them, and `stillValid` is asked before each
 * write, which is then skipped and reported as not written.
 */
import type { CacheEntry, EntryStore } from '../api-cache';

export function memoryCacheStore<E = CacheEntry>(): EntryStore<E> & { entries: Map<string, E> } {
  const entries = new Map<string, E>();
  return {
    entries,
    read: async (key) => structuredClone(entries.get(key) ?? null),
    write: async (key, entry, stillValid) => {
      if (stillValid && !(await stillValid())) return false;
      entries.set(key, structuredClone(entry));
      return true;
    },
  };
}

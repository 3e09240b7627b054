/**
 * Test support, imported by test suites only: a `CacheStore` over a Map that keeps the store's
 * contract (`utils/ssi/service.ts`) the way `worker/cache-store.ts` does over extension storage.
 * Values are copied in and out, as storage copies them, and `stillValid` is asked before each
 * write, which is then skipped and reported as not written.
 */
import type { CacheEntry } from '../cache';
import type { CacheStore } from '../ssi/service';

export function memoryCacheStore(): CacheStore & { entries: Map<string, CacheEntry> } {
  const entries = new Map<string, CacheEntry>();
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

/**
 * Every writer of the worker's persistent storage, on one queue. The storage repair
 * (`migrateStorage`) reads all of `storage.local`, then writes back what it repaired: any other
 * write landing in between would be overwritten by the value read before it (a saved key, new
 * settings, a fresh reading). On one queue, each write lands wholly before or after the repair.
 */
import { apiKeyItem } from '../secrets';
import { createSerialQueue } from '../serial-queue';
import { type Settings } from '../settings';
import { migrateStorage } from '../storage-schema';
import { accountSlugsItem, settingsItem } from '../storage';
import { createStorageCacheStore } from './cache-store';

export function createStorageWriters() {
  const enqueue = createSerialQueue();
  return {
    /** The SSI cache; its writes share the queue. */
    cache: createStorageCacheStore(enqueue),
    writeSettings: (value: Settings) => enqueue(() => settingsItem.setValue(value)),
    /** Saves the key, or removes it for null. */
    writeApiKey: (key: string | null) =>
      enqueue(() => (key === null ? apiKeyItem.removeValue() : apiKeyItem.setValue(key))),
    writeSlugs: (value: Record<string, string | null>) => enqueue(() => accountSlugsItem.setValue(value)),
    /** Brings storage up to date (see `migrateStorage`), between two writes, never during one. */
    repair: () => enqueue(() => migrateStorage()),
  };
}

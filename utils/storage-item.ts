/**
 * A typed handle on one key of extension storage. Deliberately small (the popup and the
 * content-script budget count every byte): versions and repairs live in `storage-schema.ts`.
 */
import { browser } from 'wxt/browser';

export type StorageAreaName = 'local' | 'session';

export interface StorageItem<T> {
  area: StorageAreaName;
  /** The raw key in the storage area. */
  key: string;
  /** The stored value, or the fallback when nothing is stored. */
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls `callback` with each new value (the fallback when removed); returns the unwatch. */
  watch(callback: (value: T) => void): () => void;
}

export function defineItem<T>(area: StorageAreaName, key: string, fallback: T): StorageItem<T> {
  const storageArea = () => browser.storage[area];
  return {
    area,
    key,
    async getValue() {
      const stored = (await storageArea().get(key))[key] as T | undefined;
      return stored ?? fallback;
    },
    setValue: (value) => storageArea().set({ [key]: value }),
    removeValue: () => storageArea().remove(key),
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
        const change = changes[key];
        if (areaName === area && change) callback((change.newValue as T | undefined) ?? fallback);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

/**
 * The saved settings and API key, as one value. A save that changes both writes both in one
 * `storage.local.set` (`storage-writers.ts`); whoever builds a request reads both in one `get`
 * here. So no request can pair the old key with the new API origin, or the new key with the
 * old one: each read sees the storage before a save or after it, never half of it.
 */
import { browser } from 'wxt/browser';
import { apiKeyItem } from './secrets';
import { coerceSettings, type Settings } from '../settings';
import { settingsItem } from '../storage';

/** The settings and the API key as saved together: what a request is built from. */
export interface SavedConfig {
  settings: Settings;
  /** Null when no key is saved. */
  apiKey: string | null;
}

/** The settings (each invalid field read as its default) and the key, from one storage read. */
export async function readSavedConfig(): Promise<SavedConfig> {
  const stored = await browser.storage.local.get([settingsItem.key, apiKeyItem.key]);
  const apiKey = stored[apiKeyItem.key];
  return {
    settings: coerceSettings(stored[settingsItem.key]),
    apiKey: typeof apiKey === 'string' && apiKey ? apiKey : null,
  };
}

/** The settings alone, each invalid field read as its default. */
export async function readSettings(): Promise<Settings> {
  return coerceSettings(await settingsItem.getValue());
}

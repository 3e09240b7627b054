/**
 * Every extension storage item the pages and the service worker share, in one place.
 * The API key is not here: it lives in `secrets.ts`, which only the service worker imports.
 */
import { storage } from 'wxt/utils/storage';
import type { ApiExchange } from './api/http';
import type { SsiCache } from './cache';
import { coerceSettings, DEFAULT_SETTINGS, type Settings } from './settings';

/** The user's settings; missing fields of an older save are filled from the defaults on read. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: { ...DEFAULT_SETTINGS },
  version: 1,
});

/** The SSI cache; only the service worker writes it. */
export const ssiCacheItem = storage.defineItem<SsiCache>('local:ssiCache', {
  fallback: {},
  version: 1,
});

/** Reads the settings; a field missing or invalid in storage reads as its default. */
export async function readSettings(): Promise<Settings> {
  return coerceSettings(await settingsItem.getValue());
}

/** LinkedIn slugs (`publicId`) of accounts, by `targetKey` and account id; asked once per account. */
export const accountSlugsItem = storage.defineItem<Record<string, string | null>>('local:accountSlugs', {
  fallback: {},
  version: 1,
});

/**
 * The last API request and its answer, kept only while debug is on, for the options page's
 * debug view. Session storage: gone when the browser closes. Never holds the key.
 */
export const lastExchangeItem = storage.defineItem<ApiExchange | null>('session:lastExchange', {
  fallback: null,
});

/** LinkedIn tabs that show (or may show) the badge, told when its data or setting changes. */
export const badgeTabsItem = storage.defineItem<number[]>('session:badgeTabs', {
  fallback: [],
  version: 1,
});

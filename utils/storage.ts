/**
 * Every extension storage item the pages and the service worker share, in one place.
 * The API key is not here: it lives in `secrets.ts`, which only the service worker imports.
 */
import type { Goal } from './history/goal';
import { defineItem } from './storage-item';
import type { ApiExchange } from './api-exchange';
import type { AccountsEntry, SsiCache } from './api-cache';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/** The user's settings; missing fields of an older save are filled from the defaults on read. */
export const settingsItem = defineItem<Settings>('local', 'settings', { ...DEFAULT_SETTINGS });

/** The SSI cache; only the service worker writes it. */
export const ssiCacheItem = defineItem<SsiCache>('local', 'ssiCache', {});

/** The key's LinkedIn accounts, by API origin; only the service worker writes it. */
export const accountsItem = defineItem<Record<string, AccountsEntry>>('local', 'accounts', {});

/**
 * The last API request and its answer, kept only while debug is on, for the options page's
 * debug view. Session storage: gone when the browser closes. Never holds the key.
 */
export const lastExchangeItem = defineItem<ApiExchange | null>('session', 'lastExchange', null);

/** LinkedIn tabs that show (or may show) the badge, told when its data or setting changes. */
export const profileBadgeTabsItem = defineItem<number[]>('session', 'profileBadgeTabs', []);

/** Each account's goal (a target SSI by a day), by the account's history ID; the worker writes it. */
export const goalsItem = defineItem<Record<string, Goal>>('local', 'goals', {});

/** The notifications already shown (their alert IDs, newest last), so none shows twice. */
export const notifiedAlertsItem = defineItem<string[]>('local', 'notifiedAlerts', []);

/**
 * The version of everything the extension keeps in `storage.local`, and the one routine that
 * brings stored data to it: run by the service worker on install and update. It is idempotent
 * (a second run changes nothing) and never loses the key or valid settings.
 */
import { browser } from 'wxt/browser';
import { readAccountsEntry, readCacheEntry } from '../api-cache';
import { apiKeyItem } from './secrets';
import { parseApiKey } from '../api-key';
import { coerceSettings } from '../settings';
import { decodeHistory, encodeHistory, HISTORY_KEY_PREFIX, HISTORY_LAYOUT_VERSION } from '../history/codec';
import { readGoals } from '../history/goal';
import { accountsItem, goalsItem, notifiedAlertsItem, settingsItem, ssiCacheItem } from '../storage';
import { MAX_REMEMBERED_ALERTS } from './notifications';
import { isJsonObject } from '../json';

/** The layout of `storage.local` this build writes. Bump it with a migration below. */
export const STORAGE_SCHEMA_VERSION = 4;

/** The raw `storage.local` keys this routine looks after, named by their storage items. */
export const STORAGE_KEYS = {
  schema: 'schemaVersion',
  settings: settingsItem.key,
  apiKey: apiKeyItem.key,
  cache: ssiCacheItem.key,
  accounts: accountsItem.key,
  goals: goalsItem.key,
  notifiedAlerts: notifiedAlertsItem.key,
} as const;

/** Keys of older layouts, read to migrate them and then removed. */
const RETIRED_KEYS = ['accountSlugs'];

type Stored = Record<string, unknown>;

/**
 * Steps from one layout to the next, by the version they produce; each runs once for users on
 * the version before it.
 */
const MIGRATIONS: Readonly<Record<number, (data: Stored) => Stored>> = {
  // Version 1 kept slugs alone, as `accountSlugs["<origin>|<account or default>|<id>"]`;
  // version 2 keeps the key's accounts per origin, their slugs next to the last failure.
  2: ({ accountSlugs, ...data }) => {
    const accounts = new Map<string, { slugs: Record<string, unknown>; lastError: null }>();
    for (const [key, slug] of Object.entries(isJsonObject(accountSlugs) ? accountSlugs : {})) {
      const [origin, , id, extra] = key.split('|');
      if (origin === undefined || id === undefined || extra !== undefined) continue;
      if (slug !== null && typeof slug !== 'string') continue;
      const entry = accounts.get(origin) ?? { slugs: {}, lastError: null };
      entry.slugs = { ...entry.slugs, ...Object.fromEntries([[id, slug]]) };
      accounts.set(origin, entry);
    }
    return { ...data, [STORAGE_KEYS.accounts]: Object.fromEntries(accounts) };
  },
  // Version 4 adds the history (`history:<account>`), the goals and the notifications shown:
  // new keys, nothing of version 3 to move (no step).
  // Version 3 names the LinkedIn badge's setting `showProfileBadge` (the toolbar icon has a
  // badge too); version 2 called it `showBadge`.
  3: (data) => {
    const settings = data[STORAGE_KEYS.settings];
    if (!isJsonObject(settings) || !Object.hasOwn(settings, 'showBadge')) return data;
    const { showBadge, ...rest } = settings;
    return { ...data, [STORAGE_KEYS.settings]: { showProfileBadge: showBadge, ...rest } };
  },
};

export interface StorageRepair {
  /** The version found (0 when none was stored). */
  from: number;
  /** What was changed, in words, for the log; empty when nothing was. */
  changes: string[];
}

/** The entries of `value` that `read` accepts, each as `read` gives it back. */
function cleanEntries<E>(
  value: unknown,
  read: (stored: unknown, key: string) => E | null,
): Record<string, E> {
  if (!isJsonObject(value)) return {};
  const entries = Object.keys(value).map((key) => [key, read(value, key)] as const);
  return Object.fromEntries(entries.filter(([, entry]) => entry !== null)) as Record<string, E>;
}

/**
 * Each account's history, read by its layout: unreadable days dropped (the rest written back
 * into `next`), a history of a newer layout (after a downgrade) left as it is for the version
 * that wrote it, anything else under a history key removed. Returns the keys to remove.
 */
function repairHistories(data: Stored, next: Stored, changes: string[]): string[] {
  const removals: string[] = [];
  for (const [name, value] of Object.entries(data)) {
    if (!name.startsWith(HISTORY_KEY_PREFIX)) continue;
    const decoded = decodeHistory(value);
    if (decoded && decoded.accountId === name.slice(HISTORY_KEY_PREFIX.length)) {
      if (decoded.dropped) {
        next[name] = encodeHistory(decoded.accountId, decoded.days);
        changes.push(`a history: ${decoded.dropped} unreadable days dropped`);
      }
    } else if (!(isJsonObject(value) && typeof value.v === 'number' && value.v > HISTORY_LAYOUT_VERSION)) {
      removals.push(name);
      changes.push('an unreadable history was removed');
    }
  }
  return removals;
}

/**
 * Brings `storage.local` to {@link STORAGE_SCHEMA_VERSION}: runs the migrations from the stored
 * version; from an unknown (newer) version, as after a downgrade, drops the cache and keeps the
 * key and the settings it can read; in every case repairs values that do not match their
 * shape (settings field by field, cache entry by entry, a key that is not a key is removed).
 * Writes only what changed. Rejects only when storage itself fails.
 */
export async function migrateStorage(local = browser.storage.local): Promise<StorageRepair> {
  // Everything: the history has a key per account.
  const before: Stored = await local.get(null);
  let data: Stored = { ...before };
  const from = typeof data[STORAGE_KEYS.schema] === 'number' ? (data[STORAGE_KEYS.schema] as number) : 0;
  const changes: string[] = [];

  if (from > STORAGE_SCHEMA_VERSION) {
    changes.push(`unknown storage version ${from}: cache dropped`);
    data = { ...data, [STORAGE_KEYS.cache]: {}, [STORAGE_KEYS.accounts]: {} };
  } else {
    for (let version = Math.max(from, 1) + 1; version <= STORAGE_SCHEMA_VERSION; version++) {
      const step = MIGRATIONS[version];
      if (step) {
        data = step(data);
        changes.push(`migrated to version ${version}`);
      }
    }
  }

  const next: Stored = {
    [STORAGE_KEYS.schema]: STORAGE_SCHEMA_VERSION,
    [STORAGE_KEYS.cache]: cleanEntries(data[STORAGE_KEYS.cache], readCacheEntry),
    [STORAGE_KEYS.accounts]: cleanEntries(data[STORAGE_KEYS.accounts], readAccountsEntry),
  };
  if (data[STORAGE_KEYS.settings] !== undefined)
    next[STORAGE_KEYS.settings] = coerceSettings(data[STORAGE_KEYS.settings]);
  if (data[STORAGE_KEYS.goals] !== undefined) next[STORAGE_KEYS.goals] = readGoals(data[STORAGE_KEYS.goals]);
  if (data[STORAGE_KEYS.notifiedAlerts] !== undefined) {
    const ids = data[STORAGE_KEYS.notifiedAlerts];
    next[STORAGE_KEYS.notifiedAlerts] = (Array.isArray(ids) ? ids : [])
      .filter((id): id is string => typeof id === 'string')
      .slice(-MAX_REMEMBERED_ALERTS);
  }
  const historyRemovals = repairHistories(data, next, changes);

  const key = data[STORAGE_KEYS.apiKey];
  const keyIsValid = typeof key === 'string' && parseApiKey(key).ok && key === key.trim();
  const removals = [...RETIRED_KEYS.filter((name) => before[name] !== undefined), ...historyRemovals];
  if (key !== undefined && key !== null && !keyIsValid) {
    removals.push(STORAGE_KEYS.apiKey);
    changes.push('an unreadable API key was removed');
  }

  const writes: Stored = {};
  for (const [name, value] of Object.entries(next)) {
    if (JSON.stringify(before[name]) !== JSON.stringify(value)) writes[name] = value;
  }
  if (Object.keys(writes).length) {
    const repaired = Object.keys(writes).filter(
      (name) =>
        name !== STORAGE_KEYS.schema && before[name] !== undefined && !name.startsWith(HISTORY_KEY_PREFIX),
    );
    changes.push(...repaired.map((name) => `${name} repaired`));
    await local.set(writes);
  }
  if (removals.length) await local.remove(removals);
  return { from, changes };
}

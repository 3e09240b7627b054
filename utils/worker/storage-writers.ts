/**
 * Every write to `storage.local` (the worker is its only writer), on one queue. The storage
 * repair (`migrateStorage`) reads all of `storage.local`, then writes back what it repaired: any
 * other write landing in between would be overwritten by the value read before it (a saved key,
 * new settings, a fresh reading). On one queue, each write lands wholly before or after it.
 */
import { browser } from 'wxt/browser';
import { apiKeyItem } from './secrets';
import { createSerialQueue } from './serial-queue';
import { coerceSettings, targetKey, type Settings } from '../settings';
import { migrateStorage } from './storage-schema';
import { readAccountsEntry, readCacheEntry } from '../api-cache';
import { readGoals, type Goal } from '../history/goal';
import { accountsItem, goalsItem, notifiedAlertsItem, settingsItem, ssiCacheItem } from '../storage';
import { createEntryStore } from './entry-store';
import { createHistoryStore } from './history-store';
import { MAX_REMEMBERED_ALERTS } from './notifications';

export function createStorageWriters() {
  const enqueue = createSerialQueue();
  return {
    /** The SSI cache; its writes share the queue. */
    cache: createEntryStore(enqueue, ssiCacheItem, readCacheEntry, async () => {
      // The selected account's and the default account's readings (the popup's first paint)
      // never make room for other accounts'.
      const settings = coerceSettings(await settingsItem.getValue());
      return [targetKey(settings), targetKey({ ...settings, accountId: '' })];
    }),
    /** The key's accounts, by API origin; its writes share the queue. */
    accounts: createEntryStore(enqueue, accountsItem, readAccountsEntry),
    /**
     * Saves the settings and, when `apiKey` is given, the key (null removes it) with every
     * cached reading and account forgotten (they belong to the previous key): all in one
     * `storage.local.set`, which readers (`saved-config.ts`) see whole or not at all.
     */
    saveConfig: (settings: Settings, apiKey?: string | null) =>
      enqueue(() =>
        browser.storage.local.set({
          [settingsItem.key]: settings,
          ...(apiKey === undefined
            ? {}
            : { [apiKeyItem.key]: apiKey || null, [ssiCacheItem.key]: {}, [accountsItem.key]: {} }),
        }),
      ),
    /** Sets the `accountId` setting alone, the others as stored (read and written in one step). */
    selectAccount: (accountId: string) =>
      enqueue(async () => {
        await settingsItem.setValue({ ...coerceSettings(await settingsItem.getValue()), accountId });
      }),
    /**
     * Every account's history; its writes share the queue. A reading is recorded only while a
     * key is saved: one that arrives after "Delete all data" (`clearAll`) leaves no history.
     */
    history: createHistoryStore(enqueue, browser.storage.local, async () =>
      Boolean(await apiKeyItem.getValue()),
    ),
    /** Empties `storage.local`, between two writes, never during one ("Delete all data"). */
    clearAll: () => enqueue(() => browser.storage.local.clear()),
    /** Sets (or with null removes) an account's goal, read and written back in one step. */
    setGoal: (accountId: string, goal: Goal | null) =>
      enqueue(async () => {
        const goals = readGoals(await goalsItem.getValue());
        if (goal) goals[accountId] = goal;
        else delete goals[accountId];
        await goalsItem.setValue(goals);
      }),
    /** Adds notifications to those shown, keeping the newest {@link MAX_REMEMBERED_ALERTS}. */
    rememberAlerts: (ids: string[]) =>
      enqueue(async () => {
        const stored: unknown = await notifiedAlertsItem.getValue();
        const known = Array.isArray(stored)
          ? stored.filter((id): id is string => typeof id === 'string')
          : [];
        await notifiedAlertsItem.setValue([...known, ...ids].slice(-MAX_REMEMBERED_ALERTS));
      }),
    /** Brings storage up to date (see `migrateStorage`), between two writes, never during one. */
    repair: () => enqueue(() => migrateStorage()),
  };
}

/**
 * Everything the dashboard does outside itself, behind one interface: reading and watching
 * storage, asking the service worker, opening the settings, saving a file, the clock. The app
 * takes it as a prop, so its tests run it against a fake.
 */
import { browser } from 'wxt/browser';
import type { SsiError } from '@/utils/errors';
import type { Goal } from '@/utils/history/goal';
import { decodeHistory, historyStorageKey, type StoredHistory } from '@/utils/history/codec';
import type { DailyReading } from '@/utils/history/reading';
import { sendMessage } from '@/utils/messaging/client';
import type { Reply } from '@/utils/messaging/protocol';
import type { Result } from '@/utils/result';
import { readStored, storedChangeOf, type DashboardStored, type StoredChange } from './stored';

/** A file to hand to the user, as a download. */
export interface DownloadFile {
  name: string;
  /** Its MIME type. */
  type: string;
  text: string;
}

export interface DashboardPort {
  read(): Promise<DashboardStored>;
  /** Calls `onChange` after each change of what `read` reads; returns the unwatch. */
  watch(onChange: (change: StoredChange) => void): () => void;
  /** The current account's SSI; `refresh` skips the freshness window. */
  getSsi(refresh: boolean): Promise<Reply<'ssi:get'>>;
  /** The key's accounts (the worker's list, fresh while young). */
  getAccounts(): Promise<Reply<'accounts:get'>>;
  /** Account `accountId`'s SSI (the Team); `refresh` skips the freshness window. */
  getAccountSsi(accountId: string, refresh: boolean): Promise<Reply<'ssi:get'>>;
  /** The recorded history of each of `accountIds` (oldest first; empty when none). */
  readHistories(accountIds: readonly string[]): Promise<Record<string, DailyReading[]>>;
  /**
   * Merges histories in their stored layout, all or nothing: how many days were added, or why
   * not (the worker's refusal and a message that never arrived alike).
   */
  importHistories(histories: StoredHistory[]): Promise<Result<{ added: number }, SsiError>>;
  setGoal(accountId: string, goal: Goal | null): Promise<Reply<'goal:set'>>;
  openSettings(): void;
  download(file: DownloadFile): void;
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Saves `file` through a blob URL and an `<a download>`: no `downloads` permission needed. */
function downloadFile({ name, type, text }: DownloadFile): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by the next task; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The dashboard's port to the real extension. */
export function createBrowserPort(): DashboardPort {
  return {
    read: () => readStored(browser.storage.local),
    watch(onChange) {
      const listener = (changes: Record<string, unknown>, area: string) => {
        const change = area === 'local' ? storedChangeOf(Object.keys(changes)) : null;
        if (change) onChange(change);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
    getSsi: (refresh) => sendMessage('ssi:get', { refresh }),
    getAccounts: () => sendMessage('accounts:get', { refresh: false }),
    getAccountSsi: (accountId, refresh) => sendMessage('ssi:get', { refresh, accountId }),
    async readHistories(accountIds) {
      const keys = accountIds.map(historyStorageKey);
      const stored = await browser.storage.local.get(keys);
      return Object.fromEntries(
        accountIds.map((accountId, index) => {
          const history = decodeHistory(stored[keys[index]!]);
          // A history stored under another account's key is not this account's.
          return [accountId, history?.accountId === accountId ? history.days : []];
        }),
      );
    },
    importHistories: async (histories) => {
      const reply = await sendMessage('history:import', { histories });
      return reply.ok ? reply.value : reply;
    },
    setGoal: (accountId, goal) => sendMessage('goal:set', { accountId, goal }),
    openSettings: () => void sendMessage('page:open', { page: 'settings' }),
    download: downloadFile,
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

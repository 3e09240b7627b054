/**
 * The current account's recent history, read by the popup from storage (the worker records
 * it): what the sparkline and the 7- and 30-day changes are drawn from. Read after the first
 * render, never before it: the popup's score must not wait for its history.
 */
import { browser } from 'wxt/browser';
import { decodeHistory, historyStorageKey } from '@/utils/history/codec';
import type { DailyReading } from '@/utils/history/reading';

/** The account's days, oldest first; none when nothing readable is stored. Never rejects. */
export async function readHistory(accountId: string): Promise<DailyReading[]> {
  const key = historyStorageKey(accountId);
  try {
    return decodeHistory((await browser.storage.local.get(key))[key])?.days ?? [];
  } catch {
    return [];
  }
}

/** Calls `onChange` with the account's days each time the worker records or imports some. */
export function watchHistory(accountId: string, onChange: (days: DailyReading[]) => void): () => void {
  const key = historyStorageKey(accountId);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key in changes) onChange(decodeHistory(changes[key]!.newValue)?.days ?? []);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Every account's SSI history in `storage.local`, one key per account (`history/codec.ts`),
 * written by the service worker alone through the storage queue, so that a reading recorded
 * while an import merges (or the storage repair runs) is never lost.
 */
import { decodeHistory, encodeHistory, historyStorageKey } from '../history/codec';
import type { DailyReading } from '../history/reading';
import { mergeImported, recordReading } from '../history/timeline';
import type { SerialQueue } from './serial-queue';

export interface HistoryStore {
  /** One account's days, oldest first; none when nothing (readable) is stored. */
  read(accountId: string): Promise<DailyReading[]>;
  /**
   * Records a reading for its account and day (the latest of the day wins), unless the store's
   * `mayRecord` says no. Resolves with the reading of the last day recorded before it, if any
   * (what a notification compares it with).
   */
  record(reading: DailyReading): Promise<DailyReading | undefined>;
  /**
   * Merges imported readings, of any accounts, in one write: days already recorded keep their
   * reading. Resolves with how many days were added.
   */
  merge(readings: readonly DailyReading[]): Promise<number>;
}

/** The part of a storage area the store uses (`browser.storage.local` in the product). */
export interface HistoryArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * `enqueue` is the queue of every `storage.local` writer (`storage-writers.ts`). `mayRecord` is
 * asked inside the queue before a reading is recorded; when it says no, nothing is written.
 */
export function createHistoryStore(
  enqueue: SerialQueue,
  local: HistoryArea,
  mayRecord: () => Promise<boolean> = async () => true,
): HistoryStore {
  async function readAll(accountIds: string[]): Promise<Map<string, DailyReading[]>> {
    const stored = await local.get(accountIds.map(historyStorageKey));
    return new Map(accountIds.map((id) => [id, decodeHistory(stored[historyStorageKey(id)])?.days ?? []]));
  }

  return {
    async read(accountId) {
      return (await readAll([accountId])).get(accountId)!;
    },

    record(reading) {
      return enqueue(async () => {
        if (!(await mayRecord())) return undefined;
        const days = (await readAll([reading.accountId])).get(reading.accountId)!;
        const next = recordReading(days, reading);
        await local.set({ [historyStorageKey(reading.accountId)]: encodeHistory(reading.accountId, next) });
        return days.filter((day) => day.day < reading.day).at(-1);
      });
    },

    merge(readings) {
      return enqueue(async () => {
        const byAccount = new Map<string, DailyReading[]>();
        for (const reading of readings) {
          byAccount.set(reading.accountId, [...(byAccount.get(reading.accountId) ?? []), reading]);
        }
        const current = await readAll([...byAccount.keys()]);
        const writes: Record<string, unknown> = {};
        let added = 0;
        for (const [accountId, imported] of byAccount) {
          const merged = mergeImported(current.get(accountId)!, imported);
          if (merged.added === 0) continue;
          added += merged.added;
          writes[historyStorageKey(accountId)] = encodeHistory(accountId, merged.days);
        }
        if (added) await local.set(writes);
        return added;
      });
    },
  };
}

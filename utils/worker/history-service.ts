/**
 * The worker's side of the SSI over time: each good reading recorded in its account's history
 * (and, with notifications on, what it changed told to the user), imports merged, goals kept,
 * the weekly summary. Pages read the history from storage themselves; only the worker writes.
 */
import { alertsFor, weeklySummary } from '../history/alerts';
import { localDay } from '../history/day';
import type { Goal } from '../history/goal';
import { decodeHistory } from '../history/codec';
import { historyAccountOf, readingOf, type DailyReading } from '../history/reading';
import type { Settings } from '../settings';
import type { SsiSnapshot } from '../ssi/model';
import type { HistoryStore } from './history-store';
import type { Notifier } from './notifications';

export interface HistoryServiceDeps {
  history: HistoryStore;
  notifier: Notifier;
  setGoal(accountId: string, goal: Goal | null): Promise<void>;
  now: () => number;
  /** The user's time zone (the runtime's own in the product): days are local days. */
  timeZone?: string;
}

export function createHistoryService(deps: HistoryServiceDeps) {
  return {
    /**
     * Records a good reading in its account's history, and with notifications on tells the
     * user of a score move over their threshold or a rank crossing a band (`notify`: false for
     * an account other than the selected one). Never rejects: the reading is in the cache
     * already, the history is its record.
     */
    async record(snapshot: SsiSnapshot, settings: Settings, { notify = true } = {}): Promise<void> {
      try {
        const account = historyAccountOf(snapshot.accountId, settings.accountId);
        const reading = readingOf(snapshot, account, deps.timeZone);
        const previous = await deps.history.record(reading);
        if (settings.notifications && notify) {
          await deps.notifier.tell(alertsFor(previous, reading, settings.notifyThreshold));
        }
      } catch (failure) {
        // Storage refused (quota): the next good reading tries again. Never a value in the log.
        console.warn(
          '[ssi] a reading could not be recorded:',
          failure instanceof Error ? failure.name : 'error',
        );
      }
    },

    /**
     * Merges histories in their stored layout (a page read and checked the file), all of them
     * or, when any day fails the layout's rules or lies in the future, none: resolves with how
     * many days were added, or null when refused.
     */
    async import(histories: readonly unknown[]): Promise<number | null> {
      const today = localDay(deps.now(), deps.timeZone);
      const readings: DailyReading[] = [];
      for (const stored of histories) {
        const decoded = decodeHistory(stored);
        if (!decoded || decoded.dropped || decoded.days.some((day) => day.day > today)) return null;
        readings.push(...decoded.days);
      }
      return deps.history.merge(readings);
    },

    setGoal: (accountId: string, goal: Goal | null) => deps.setGoal(accountId, goal),

    /** Shows the week's summary of the history of `accountId`, if it has a reading this week. */
    async tellWeeklySummary(accountId: string): Promise<void> {
      const summary = weeklySummary(await deps.history.read(accountId), localDay(deps.now(), deps.timeZone));
      if (summary) await deps.notifier.tell([summary]);
    },
  };
}

export type HistoryService = ReturnType<typeof createHistoryService>;

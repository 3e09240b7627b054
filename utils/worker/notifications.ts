/**
 * Browser notifications: a score move over the user's threshold, a rank crossing a band, the
 * weekly summary. Only with the user's `notifications` setting on and the optional permission
 * granted; never twice for one event (the IDs shown are remembered, a bounded list).
 */
import type { Alert } from '../history/alerts';

/** How many shown alerts are remembered, newest last. */
export const MAX_REMEMBERED_ALERTS = 100;

export interface NotifierDeps {
  /** Whether the browser lets the extension show notifications (the optional permission). */
  permitted(): Promise<boolean>;
  show(id: string, alert: Alert): Promise<void>;
  shown: {
    read(): Promise<string[]>;
    /** Adds IDs to those remembered (read and written back in one step by the store). */
    add(ids: string[]): Promise<void>;
  };
}

export interface Notifier {
  /** Shows each alert not shown before; resolves with the IDs it showed. Never rejects. */
  tell(alerts: readonly Alert[]): Promise<string[]>;
}

export function createNotifier(deps: NotifierDeps): Notifier {
  return {
    async tell(alerts) {
      try {
        if (!alerts.length || !(await deps.permitted())) return [];
        const shown = new Set(await deps.shown.read());
        const fresh = alerts.filter((alert) => !shown.has(alert.id));
        if (!fresh.length) return [];
        // Remembered first: a notice shown twice is worse than one lost to a failure between.
        await deps.shown.add(fresh.map((alert) => alert.id));
        await Promise.all(fresh.map((alert) => deps.show(alert.id, alert)));
        return fresh.map((alert) => alert.id);
      } catch {
        // A notification is a courtesy: its failure must not fail the refresh that made it.
        return [];
      }
    },
  };
}

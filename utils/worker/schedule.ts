/**
 * The worker's own schedule (`chrome.alarms`): a refresh every few hours while a key is saved,
 * so the history is recorded with no page open, and the weekly summary when the user wants it.
 * Alarms outlive the worker but not every browser restart or update: they are made to match
 * the settings each time the worker starts and after each save.
 */
import { BACKGROUND_REFRESH, type Settings } from '../settings';

export const REFRESH_ALARM = 'ssi-refresh';
export const WEEKLY_SUMMARY_ALARM = 'ssi-weekly-summary';

/** No alarm of ours fires more often than this, whatever a setting says. */
export const MIN_PERIOD_MINUTES = 30;
export const WEEK_MINUTES = 7 * 24 * 60;

/** The part of `chrome.alarms` the schedule uses. */
export interface AlarmsApi {
  get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
  create(name: string, info: { delayInMinutes: number; periodInMinutes: number }): Promise<void>;
  clear(name: string): Promise<boolean>;
}

/** The period each of our alarms should have for `settings` (null: no alarm). */
export function plannedAlarms(settings: Settings, hasKey: boolean): Record<string, number | null> {
  const refresh = BACKGROUND_REFRESH[settings.backgroundRefresh];
  return {
    [REFRESH_ALARM]: hasKey && refresh > 0 ? Math.max(MIN_PERIOD_MINUTES, refresh) : null,
    [WEEKLY_SUMMARY_ALARM]: hasKey && settings.notifications && settings.weeklySummary ? WEEK_MINUTES : null,
  };
}

/**
 * Makes our alarms match `settings`: creates the missing ones, clears those not wanted, and
 * leaves an alarm already set to its period as it is (so a worker start does not push its
 * next time back). Resolves once every change is made.
 */
export async function syncAlarms(alarms: AlarmsApi, settings: Settings, hasKey: boolean): Promise<void> {
  await Promise.all(
    Object.entries(plannedAlarms(settings, hasKey)).map(async ([name, period]) => {
      const current = await alarms.get(name);
      if (period === null) {
        if (current) await alarms.clear(name);
      } else if (current?.periodInMinutes !== period) {
        await alarms.create(name, { delayInMinutes: period, periodInMinutes: period });
      }
    }),
  );
}

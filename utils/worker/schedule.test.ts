import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import {
  MIN_PERIOD_MINUTES,
  REFRESH_ALARM,
  syncAlarms,
  WEEK_MINUTES,
  WEEKLY_SUMMARY_ALARM,
  type AlarmsApi,
} from './schedule';

/** `chrome.alarms` in memory, with every change recorded. */
function fakeAlarms(initial: Record<string, number> = {}) {
  const alarms = new Map(Object.entries(initial));
  const changes: string[] = [];
  const api: AlarmsApi = {
    get: async (name) => (alarms.has(name) ? { periodInMinutes: alarms.get(name) } : undefined),
    create: async (name, { periodInMinutes, delayInMinutes }) => {
      alarms.set(name, periodInMinutes);
      changes.push(`create ${name} every ${periodInMinutes} min, first in ${delayInMinutes}`);
    },
    clear: async (name) => {
      changes.push(`clear ${name}`);
      return alarms.delete(name);
    },
  };
  return { api, alarms, changes };
}

const settings = (change: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...change });

describe('syncAlarms', () => {
  it('refreshes every 6 h by default once a key is saved', async () => {
    const fake = fakeAlarms();
    await syncAlarms(fake.api, settings(), true);
    expect(fake.changes).toEqual([`create ${REFRESH_ALARM} every 360 min, first in 360`]);
  });

  it.each([
    ['12h', 720],
    ['24h', 1440],
  ] as const)('follows "Refresh in the background": %s', async (backgroundRefresh, minutes) => {
    const fake = fakeAlarms({ [REFRESH_ALARM]: 360 });
    await syncAlarms(fake.api, settings({ backgroundRefresh }), true);
    expect(fake.alarms.get(REFRESH_ALARM)).toBe(minutes);
  });

  it('has no alarm without a key, or with background refresh off', async () => {
    for (const [change, hasKey] of [
      [{}, false],
      [{ backgroundRefresh: 'off' as const }, true],
    ] as const) {
      const fake = fakeAlarms({ [REFRESH_ALARM]: 360, [WEEKLY_SUMMARY_ALARM]: WEEK_MINUTES });
      await syncAlarms(fake.api, settings({ ...change, notifications: true, weeklySummary: true }), hasKey);
      expect(fake.alarms.has(REFRESH_ALARM)).toBe(false);
      if (!hasKey) expect(fake.alarms.size).toBe(0);
    }
  });

  it('leaves an alarm of the right period alone, so a worker start does not push it back', async () => {
    const fake = fakeAlarms({ [REFRESH_ALARM]: 360 });
    await syncAlarms(fake.api, settings(), true);
    await syncAlarms(fake.api, settings(), true);
    expect(fake.changes).toEqual([]);
  });

  it('sends the weekly summary only with notifications and the summary both on', async () => {
    const fake = fakeAlarms();
    await syncAlarms(fake.api, settings({ weeklySummary: true }), true);
    expect(fake.alarms.has(WEEKLY_SUMMARY_ALARM)).toBe(false);
    await syncAlarms(fake.api, settings({ weeklySummary: true, notifications: true }), true);
    expect(fake.alarms.get(WEEKLY_SUMMARY_ALARM)).toBe(WEEK_MINUTES);
  });

  it(`never schedules anything more often than every ${MIN_PERIOD_MINUTES} min`, async () => {
    const fake = fakeAlarms();
    await syncAlarms(fake.api, settings({ backgroundRefresh: '6h' }), true);
    for (const period of fake.alarms.values()) expect(period).toBeGreaterThanOrEqual(MIN_PERIOD_MINUTES);
  });
});

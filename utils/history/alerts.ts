/**
 * When a new reading is worth a notification: the SSI moved by more than the user's threshold
 * since the reading recorded before it, or a rank crossed one of the bands users talk in (top
 * 1, 5, 10 or 25%). And the week in one summary. Pure: the worker decides, shows and counts.
 */
import { formatDelta, formatOverall, formatPercent, formatRank } from '../format';
import { t } from '../i18n';
import { addDays } from './day';
import type { DailyReading } from './reading';

/** The "top X%" bands a rank can cross, best first. */
export const RANK_BANDS = [1, 5, 10, 25] as const;

/** The best band a rank is within (1 for "top 1%"), or null when outside the top 25%. */
export function rankBand(rank: number | null): number | null {
  if (rank === null) return null;
  return RANK_BANDS.find((band) => rank <= band) ?? null;
}

export interface Alert {
  /** Stable per kind and day, so one event never notifies twice. */
  id: string;
  title: string;
  message: string;
}

/** The message of a rank's new band, by group: within a band, or outside the last one. */
const BAND_MESSAGES = {
  industry: { within: 'alert_band_industry', outside: 'alert_outside_industry' },
  network: { within: 'alert_band_network', outside: 'alert_outside_network' },
} as const;

/** The title of a rank's move, by group and direction. */
const RANK_TITLES = {
  industry: { up: 'alert_rank_up_industry', down: 'alert_rank_down_industry' },
  network: { up: 'alert_rank_up_network', down: 'alert_rank_down_network' },
} as const;

/**
 * What to tell the user about `next` against `previous` (the reading recorded before it):
 * a score move of more than `threshold` points (0 turns it off), and each rank that entered
 * or left a band. Empty when nothing crossed.
 */
export function alertsFor(
  previous: DailyReading | undefined,
  next: DailyReading,
  threshold: number,
): Alert[] {
  if (!previous || previous.day >= next.day) return [];
  const alerts: Alert[] = [];
  const moved = next.overall - previous.overall;
  if (threshold > 0 && Math.abs(moved) > threshold) {
    alerts.push({
      id: `score:${next.accountId}:${next.day}`,
      title: t(moved > 0 ? 'alert_score_rose' : 'alert_score_fell', formatOverall(next.overall)),
      message: t(
        previous.day === addDays(next.day, -1) ? 'alert_since_yesterday' : 'alert_since_last_reading',
        formatDelta(moved),
        formatOverall(previous.overall),
      ),
    });
  }
  for (const [group, before, after] of [
    ['industry', previous.industryRank, next.industryRank],
    ['network', previous.networkRank, next.networkRank],
  ] as const) {
    const from = rankBand(before);
    const to = rankBand(after);
    if (before === null || after === null || from === to) continue;
    const better = (to ?? Infinity) < (from ?? Infinity);
    alerts.push({
      id: `rank:${group}:${next.accountId}:${next.day}`,
      title: t(RANK_TITLES[group][better ? 'up' : 'down'], formatRank(after)),
      message: t(
        BAND_MESSAGES[group][to === null ? 'outside' : 'within'],
        formatPercent(to ?? RANK_BANDS.at(-1)!),
        formatRank(before),
      ),
    });
  }
  return alerts;
}

/**
 * The week's summary for `days` (oldest first) as of `today`: the SSI now, its change over
 * seven days, and the ranks. Null without a reading in the last seven days.
 */
export function weeklySummary(days: readonly DailyReading[], today: string): Alert | null {
  const weekStart = addDays(today, -6);
  const week = days.filter((reading) => reading.day >= weekStart && reading.day <= today);
  const latest = week.at(-1);
  if (!latest) return null;
  const before = [...days].reverse().find((reading) => reading.day < weekStart) ?? week[0]!;
  const change = before === latest ? null : latest.overall - before.overall;
  return {
    id: `weekly:${latest.accountId}:${today}`,
    title: t('alert_weekly_title', formatOverall(latest.overall)),
    message: [
      change === null ? null : t('alert_weekly_change', formatDelta(change)),
      t('alert_weekly_ranks', formatRank(latest.industryRank), formatRank(latest.networkRank)),
    ]
      .filter(Boolean)
      .join(' '),
  };
}

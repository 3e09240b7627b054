import { t } from '@/utils/i18n';
import { localDay } from '@/utils/history/day';
import type { DailyReading } from '@/utils/history/reading';
import { daysInRange } from '@/utils/history/timeline';
import { changeOver } from '@/utils/history/trends';
import { formatDelta } from '@/utils/format';
import { Sparkline } from './Sparkline';

export interface RecentTrendProps {
  /** The account's history, oldest first. */
  days: readonly DailyReading[];
  /** The clock the 30 days are counted back from. */
  now: number;
}

/**
 * The last 30 days at a glance: a sparkline of the SSI and its change against 7 and 30 days
 * ago. Keeps its height while the history loads or is too short, so nothing below it moves.
 */
export function RecentTrend({ days, now }: RecentTrendProps) {
  const recent = daysInRange(days, '30d', localDay(now));
  const changes = [
    [7, t('recent_7_days'), changeOver(days, 7)],
    [30, t('recent_30_days'), changeOver(days, 30)],
  ] as const;
  return (
    <div class="recent-trend" data-testid="recent-trend">
      <Sparkline
        points={recent.map((reading) => ({ day: reading.day, overall: reading.overall }))}
        label={t('sparkline_label')}
      />
      <p class="recent-trend__changes">
        {changes.map(([days, span, change]) => (
          <span key={days} data-span={`${days} days`}>
            {span}: <strong>{formatDelta(change)}</strong>
          </span>
        ))}
      </p>
    </div>
  );
}

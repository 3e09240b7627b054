import { HistoryTable } from '@/components/history/HistoryTable';
import { RangePicker, RANGE_LABELS } from '@/components/history/RangePicker';
import { TrendCharts } from '@/components/history/TrendCharts';
import type { DayKey } from '@/utils/history/day';
import type { DailyReading } from '@/utils/history/reading';
import { daysInRange, type HistoryRange } from '@/utils/history/timeline';
import { historyRows } from '@/utils/history/trends';
import { t } from '@/utils/i18n';

export interface TrendSectionProps {
  /** The account's whole history, oldest first. */
  days: readonly DailyReading[];
  range: HistoryRange;
  today: DayKey;
  onRange(range: HistoryRange): void;
}

/** The trend over the chosen range: the charts, and every day's numbers in a table. */
export function TrendSection({ days, range, today, onRange }: TrendSectionProps) {
  const shown = daysInRange(days, range, today);
  // The day recorded before the range, so that the range's first row has its change too.
  const first = shown[0];
  const before = first ? days.filter((reading) => reading.day < first.day).at(-1) : undefined;
  return (
    <section class="panel trend" aria-labelledby="trend-heading">
      <div class="trend__head">
        <h2 id="trend-heading" class="section-heading">
          {t('trend_heading')}
        </h2>
        <RangePicker value={range} onChange={onRange} />
      </div>
      {days.length === 0 ? (
        <p class="trend__empty">{t('trend_empty')}</p>
      ) : (
        <>
          {shown.length > 0 && <TrendCharts readings={shown} />}
          <HistoryTable rows={historyRows(shown, before)} rangeLabel={RANGE_LABELS[range].caption} />
        </>
      )}
    </section>
  );
}

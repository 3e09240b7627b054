import { plural, t } from '@/utils/i18n';
import { formatDay, formatDelta, formatOverall, formatPillarScore, formatRank } from '@/utils/format';
import type { HistoryRow } from '@/utils/history/trends';
import { PILLAR_IDS, PILLAR_LABELS } from '@/utils/ssi/model';

export interface HistoryTableProps {
  /** Newest first, as `historyRows` gives them. */
  rows: readonly HistoryRow[];
  /** The range in words, for the caption: "last 30 days". */
  rangeLabel: string;
}

/**
 * Every day of the range, newest first, all on one page: the numbers behind the charts, for
 * reading, for screen readers and for keyboard users. A day where all four pillars moved the
 * same way is marked as a likely LinkedIn-wide recalculation.
 */
export function HistoryTable({ rows, rangeLabel }: HistoryTableProps) {
  if (rows.length === 0) {
    return (
      <p class="history-table__empty" role="status">
        {t('history_empty')}
      </p>
    );
  }
  const recalculated = rows.some((row) => row.recalculation);
  return (
    <div class="history-table" tabIndex={0} role="region" aria-label={t('history_table_label', rangeLabel)}>
      <table>
        <caption>
          {plural(
            rows.length,
            { one: 'history_caption_one', other: 'history_caption_other' },
            rangeLabel,
            rows.length,
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('history_column_date')}</th>
            <th scope="col">{t('trend_axis_ssi')}</th>
            {PILLAR_IDS.map((id) => (
              <th scope="col" key={id}>
                {PILLAR_LABELS[id]}
              </th>
            ))}
            <th scope="col">{t('history_column_industry_rank')}</th>
            <th scope="col">{t('history_column_network_rank')}</th>
            <th scope="col">{t('history_column_change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ reading, change, recalculation }) => (
            <tr
              key={reading.day}
              data-day={reading.day}
              class={recalculation ? 'history-table__recalculated' : undefined}
            >
              <th scope="row">
                {formatDay(reading.day)}
                {recalculation && (
                  <span class="history-table__mark" title={t('history_recalculation_title')}>
                    {' '}
                    · {t('history_recalculation')}
                  </span>
                )}
              </th>
              <td>{formatOverall(reading.overall)}</td>
              {PILLAR_IDS.map((id) => (
                <td key={id}>{formatPillarScore(reading.pillars[id])}</td>
              ))}
              <td>{formatRank(reading.industryRank)}</td>
              <td>{formatRank(reading.networkRank)}</td>
              <td>{formatDelta(change)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {recalculated && <p class="history-table__note">{t('history_recalculation_note')}</p>}
    </div>
  );
}

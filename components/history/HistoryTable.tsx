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
        No readings in this range yet. The extension records one a day by itself while a key is saved.
      </p>
    );
  }
  const recalculated = rows.some((row) => row.recalculation);
  return (
    <div class="history-table" tabIndex={0} role="region" aria-label={`SSI history, ${rangeLabel}`}>
      <table>
        <caption>
          SSI history, {rangeLabel}, newest first ({rows.length} {rows.length === 1 ? 'day' : 'days'})
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">SSI</th>
            {PILLAR_IDS.map((id) => (
              <th scope="col" key={id}>
                {PILLAR_LABELS[id]}
              </th>
            ))}
            <th scope="col">Industry rank</th>
            <th scope="col">Network rank</th>
            <th scope="col">Change</th>
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
                  <span class="history-table__mark" title="All four pillars moved the same way at once">
                    {' '}
                    · likely LinkedIn recalculation
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
      {recalculated && (
        <p class="history-table__note">
          A “likely LinkedIn recalculation” is a day on which all four pillars moved the same way at once:
          LinkedIn recalculates everyone’s scores now and then, so that change is probably not yours.
        </p>
      )}
    </div>
  );
}

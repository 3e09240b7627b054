import { GroupRanks } from '@/components/GroupRanks';
import { PillarBars } from '@/components/PillarBars';
import { ScoreChanges } from '@/components/history/ScoreChanges';
import { ScoreRing } from '@/components/ScoreRing';
import { StatusNotice } from '@/components/StatusNotice';
import type { ErrorDescription, SsiErrorCode } from '@/utils/errors';
import { formatAge, formatMoment } from '@/utils/format';
import type { DailyReading } from '@/utils/history/reading';
import type { SsiSnapshot } from '@/utils/ssi/model';
import { t } from '@/utils/i18n';

export interface TodaySectionProps {
  snapshot: SsiSnapshot | null;
  /** The account's history, oldest first: the changes against 7 and 30 days ago. */
  days: readonly DailyReading[];
  shown: { code: SsiErrorCode; problem: ErrorDescription } | null;
  loading: boolean;
  now: number;
  onOpenSettings(): void;
  onRetry(): void;
}

/** Today's reading as the popup shows it (ring, ranks, pillars), with its change over time. */
export function TodaySection({
  snapshot,
  days,
  shown,
  loading,
  now,
  onOpenSettings,
  onRetry,
}: TodaySectionProps) {
  return (
    <section class="panel today" aria-labelledby="today-heading">
      <h2 id="today-heading" class="section-heading">
        {t('today_heading')}
      </h2>
      {shown && (
        <StatusNotice
          code={shown.code}
          problem={shown.problem}
          hasData={snapshot !== null}
          onOpenSettings={onOpenSettings}
          onRetry={onRetry}
        />
      )}
      {snapshot ? (
        <>
          <div class="today__summary">
            <ScoreRing overall={snapshot.overall} />
            <div class="today__facts">
              <GroupRanks snapshot={snapshot} />
              <ScoreChanges days={days} />
            </div>
          </div>
          <PillarBars pillars={snapshot.pillars} />
          <p class="today__updated" data-testid="freshness" title={formatMoment(snapshot.fetchedAt)}>
            {t('updated_age', formatAge(snapshot.fetchedAt, now))}
          </p>
        </>
      ) : (
        loading && (
          <p class="today__loading" role="status">
            {t('popup_loading')}
          </p>
        )
      )}
    </section>
  );
}

import { t } from '@/utils/i18n';
import { formatDelta } from '@/utils/format';
import type { DailyReading } from '@/utils/history/reading';
import { changeOver } from '@/utils/history/trends';

/** The spans the change is told over, in days. */
const SPANS = [7, 30] as const;

/**
 * The overall score's change against 7 and 30 days ago, from the history (the newest reading
 * against the one that stands for that day). A span history does not reach yet says so.
 */
export function ScoreChanges({ days }: { days: readonly DailyReading[] }) {
  return (
    <dl class="score-changes">
      {SPANS.map((span) => {
        const change = changeOver(days, span);
        return (
          <div key={span} class="score-changes__item" data-span={span}>
            <dt>{t('changes_since', span)}</dt>
            <dd class={change === null ? 'score-changes__unknown' : undefined}>
              {change === null ? t('changes_unknown') : formatDelta(change)}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

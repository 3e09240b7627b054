import { t } from '@/utils/i18n';
import { useState } from 'preact/hooks';
import { formatDay, formatDelta, formatOverall, formatPoints } from '@/utils/format';
import { addDays, isDayKey, type DayKey } from '@/utils/history/day';
import type { Goal, GoalProgress } from '@/utils/history/goal';
import { MAX_OVERALL } from '@/utils/ssi/model';

export interface GoalPanelProps {
  goal: Goal | null;
  /** Progress towards `goal` today; null without a goal or a reading. */
  progress: GoalProgress | null;
  today: DayKey;
  /** Saves the goal; resolves with the words of a failure, or null. */
  onSave(goal: Goal): Promise<string | null>;
  onClear(): Promise<string | null>;
}

/** What the goal's numbers say, in sentences. */
function progressWords(progress: GoalProgress, goal: Goal): string[] {
  if (progress.reached)
    return [t('goal_reached', formatOverall(progress.current), formatOverall(goal.target))];
  const lines = [
    t(
      'goal_to_go',
      formatOverall(progress.current),
      formatOverall(goal.target),
      formatPoints(progress.remaining),
    ),
  ];
  lines.push(
    progress.weeklyPaceNeeded === null
      ? t('goal_date_passed', formatDay(goal.by))
      : t('goal_needed', formatDelta(progress.weeklyPaceNeeded), formatDay(goal.by)),
  );
  if (progress.weeklyPace === null) lines.push(t('goal_pace_unknown'));
  else if (progress.projectedDay === null) lines.push(t('goal_pace_never', formatDelta(progress.weeklyPace)));
  else lines.push(t('goal_pace_on', formatDelta(progress.weeklyPace), formatDay(progress.projectedDay)));
  return lines;
}

/** The goal: a target SSI by a date, the progress towards it, and the pace it needs. */
export function GoalPanel({ goal, progress, today, onSave, onClear }: GoalPanelProps) {
  const [target, setTarget] = useState(goal ? String(goal.target) : '');
  const [by, setBy] = useState(goal?.by ?? addDays(today, 90));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: Event) {
    event.preventDefault();
    const score = Number(target);
    if (!target.trim() || !Number.isInteger(score) || score < 1 || score > MAX_OVERALL) {
      setProblem(t('goal_target_invalid', MAX_OVERALL));
      return;
    }
    if (!isDayKey(by) || by <= today) {
      setProblem(t('goal_date_invalid'));
      return;
    }
    setBusy(true);
    setProblem(await onSave({ target: score, by }));
    setBusy(false);
  }

  async function clear() {
    setBusy(true);
    setProblem(await onClear());
    setBusy(false);
  }

  return (
    <section class="panel goal" aria-labelledby="goal-heading">
      <h2 id="goal-heading" class="section-heading">
        {t('goal_heading')}
      </h2>
      {goal && progress && (
        <div class="goal__progress">
          <progress
            max={1}
            value={progress.fraction}
            aria-label={t('goal_progress_label', formatOverall(goal.target))}
          />
          {progressWords(progress, goal).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      <form class="goal__form" onSubmit={(event) => void save(event)} noValidate>
        <label>
          {t('goal_target')}
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_OVERALL}
            step={1}
            value={target}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'goal-problem' : undefined}
            onInput={(event) => setTarget(event.currentTarget.value)}
          />
        </label>
        <label>
          {t('goal_by')}
          <input
            type="date"
            min={addDays(today, 1)}
            value={by}
            onInput={(event) => setBy(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button button--primary" disabled={busy}>
          {goal ? t('goal_update') : t('goal_set')}
        </button>
        {goal && (
          <button type="button" class="button" disabled={busy} onClick={() => void clear()}>
            {t('goal_remove')}
          </button>
        )}
      </form>
      {problem && (
        <p id="goal-problem" class="goal__problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

import { t } from '@/utils/i18n';
import { formatPillarScore } from '@/utils/format';
import type { Focus } from '@/utils/ssi/focus';
import { MAX_PILLAR, PILLAR_LABELS } from '@/utils/ssi/model';

/** "Establish your professional brand is your lowest pillar today: 12.0 of 25, …", its pillar in bold. */
function lowest(focus: Focus) {
  const pillar = PILLAR_LABELS[focus.pillar];
  const score = formatPillarScore(focus.score);
  const words =
    focus.belowIndustryBy !== null
      ? t(
          'focus_lowest_below',
          pillar,
          score,
          MAX_PILLAR,
          formatPillarScore(focus.belowIndustryBy),
          formatPillarScore(focus.industryAverage),
        )
      : t('focus_lowest', pillar, score, MAX_PILLAR);
  // The pillar's name stands out where the message puts it (its word order is the language's).
  const at = words.indexOf(pillar);
  if (at === -1) return words;
  return (
    <>
      {words.slice(0, at)}
      <strong>{pillar}</strong>
      {words.slice(at + pillar.length)}
    </>
  );
}

/** "Focus": the weakest pillar today, how far it trails the industry, and three things to do. */
export function FocusPanel({ focus }: { focus: Focus | null }) {
  return (
    <section class="panel focus" aria-labelledby="focus-heading">
      <h2 id="focus-heading" class="section-heading">
        {t('focus_heading')}
      </h2>
      {focus ? (
        <>
          <p class="focus__pillar">{lowest(focus)}</p>
          <ol class="focus__actions">
            {focus.actions.map((action) => (
              <li key={action}>{action}</li>
            ))}
          </ol>
        </>
      ) : (
        <p>{t('focus_unknown')}</p>
      )}
    </section>
  );
}

import { formatPillarScore } from '@/utils/format';
import type { Focus } from '@/utils/ssi/focus';
import { MAX_PILLAR, PILLAR_LABELS } from '@/utils/ssi/model';

/** "Focus": the weakest pillar today, how far it trails the industry, and three things to do. */
export function FocusPanel({ focus }: { focus: Focus | null }) {
  return (
    <section class="panel focus" aria-labelledby="focus-heading">
      <h2 id="focus-heading" class="section-heading">
        Focus
      </h2>
      {focus ? (
        <>
          <p class="focus__pillar">
            <strong>{PILLAR_LABELS[focus.pillar]}</strong> is your lowest pillar today:{' '}
            {formatPillarScore(focus.score)} of {MAX_PILLAR}
            {focus.belowIndustryBy !== null
              ? `, ${formatPillarScore(focus.belowIndustryBy)} below your industry’s average of ${formatPillarScore(focus.industryAverage)}.`
              : '.'}
          </p>
          <ol class="focus__actions">
            {focus.actions.map((action) => (
              <li key={action}>{action}</li>
            ))}
          </ol>
        </>
      ) : (
        <p>Your pillar scores are not known yet: refresh once a reading has arrived.</p>
      )}
    </section>
  );
}

import { t } from '@/utils/i18n';
import { RING_SIZE, ringFace } from './score-ring-face';

export interface ScoreRingProps {
  overall: number;
  /** Diameter in px. */
  size?: number;
}

/**
 * The overall score as a ring filled to the score, coloured by band, with the whole-number score
 * in its middle. Drawn by CSS alone (a conic gradient, `--ring-percent`), so it paints with the
 * page's first frame and the popup's first-frame script draws the very same markup.
 */
export function ScoreRing({ overall, size = RING_SIZE }: ScoreRingProps) {
  const face = ringFace(overall);
  return (
    <div
      class={face.className}
      style={{ width: `${size}px`, height: `${size}px`, '--ring-percent': `${face.percent}%` }}
      role="img"
      aria-label={face.label}
    >
      <span class="score-ring__value">
        <span class="score-ring__number" data-testid="overall-score">
          {face.text}
        </span>
        <span class="score-ring__max">{t('ring_of_max')}</span>
      </span>
    </div>
  );
}

/**
 * What the score ring shows for a score, framework-free: shared by the `ScoreRing` component
 * and the popup's first frame, which must draw the very same ring before Preact loads.
 */
import { t } from '@/utils/i18n';
import { formatOverall } from '@/utils/format';
import { MAX_OVERALL, scoreBand, type ScoreBand } from '@/utils/ssi/model';

/** The ring's diameter in the popup, in px. */
export const RING_SIZE = 132;

export interface RingFace {
  /** The whole-number score in the middle. */
  text: string;
  band: ScoreBand;
  /** How much of the ring is filled, 0-100. */
  percent: number;
  /** What a screen reader hears for the whole ring. */
  label: string;
  /** The ring element's class list. */
  className: string;
}

export function ringFace(overall: number): RingFace {
  const text = formatOverall(overall);
  const band = scoreBand(overall);
  return {
    text,
    band,
    percent: Math.min(100, Math.max(0, (overall / MAX_OVERALL) * 100)),
    label: t('ring_label', text),
    className: `score-ring score-ring--${band}`,
  };
}

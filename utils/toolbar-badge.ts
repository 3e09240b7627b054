/** What the toolbar icon's badge shows for a view: the score, coloured by band, or "!". */
import { describeError } from './errors';
import { scoreBand, type ScoreBand } from './ssi/model';
import type { SsiView } from './ssi/service';

export interface ToolbarBadge {
  text: string;
  /** Background colour, as CSS hex. */
  color: string;
  /** The icon's tooltip. */
  title: string;
}

export const PRODUCT_NAME = 'SSI Companion';

/** Badge colours with white text at AA contrast. */
export const BAND_COLORS: Readonly<Record<ScoreBand | 'error', string>> = {
  low: '#b42318',
  mid: '#a15c07',
  high: '#067647',
  error: '#b42318',
};

/** The badge for a view. Pure; `applyToolbarBadge` in the worker puts it on the icon. */
export function toolbarBadgeFor(view: SsiView): ToolbarBadge {
  if (view.error) {
    const { title, message } = describeError(view.error);
    return { text: '!', color: BAND_COLORS.error, title: `${PRODUCT_NAME}: ${title}. ${message}` };
  }
  if (view.snapshot) {
    const score = Math.round(view.snapshot.overall);
    return {
      text: String(score),
      color: BAND_COLORS[scoreBand(view.snapshot.overall)],
      title: `${PRODUCT_NAME}: your SSI is ${score} of 100`,
    };
  }
  return { text: '', color: BAND_COLORS.mid, title: PRODUCT_NAME };
}

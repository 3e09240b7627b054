/** What the toolbar icon's badge shows for the SSI's state: the score, coloured by band, or "!". */
import { describeError } from '../errors';
import { BAND_COLORS, scoreBand } from '../ssi/model';
import type { SsiState } from '../ssi/state';

export interface ToolbarBadge {
  text: string;
  /** Background colour, as CSS hex. */
  color: string;
  /** The icon's tooltip. */
  title: string;
}

export const PRODUCT_NAME = 'SSI Companion';

/** The toolbar badge for the SSI's state. Pure; `applyToolbarBadge` in the worker puts it on the icon. */
export function toolbarBadgeFor(ssi: SsiState): ToolbarBadge {
  if (ssi.error) {
    const { title, message } = describeError(ssi.error);
    return { text: '!', color: BAND_COLORS.error, title: `${PRODUCT_NAME}: ${title}. ${message}` };
  }
  if (ssi.snapshot) {
    const score = Math.round(ssi.snapshot.overall);
    return {
      text: String(score),
      color: BAND_COLORS[scoreBand(ssi.snapshot.overall)],
      title: `${PRODUCT_NAME}: your SSI is ${score} of 100`,
    };
  }
  return { text: '', color: BAND_COLORS.mid, title: PRODUCT_NAME };
}

/** What the toolbar icon's badge shows for the SSI's state: the score, coloured by band, or "!". */
import { describeError } from '../errors';
import { t } from '../i18n';
import { BAND_COLORS, scoreBand } from '../ssi/model';
import type { SsiState } from '../ssi/state';

export interface ToolbarBadge {
  text: string;
  /** Background colour, as CSS hex. */
  color: string;
  /** The icon's tooltip. */
  title: string;
}

/**
 * The product's short name, the tooltip before any score is known, in the UI language (read
 * once, as the module loads: the UI language does not change while the extension runs).
 */
export const PRODUCT_NAME = t('ext_action_title');

/** The toolbar badge for the SSI's state, its tooltip in the UI language. Pure; `applyToolbarBadge` in the worker puts it on the icon. */
export function toolbarBadgeFor(ssi: SsiState): ToolbarBadge {
  if (ssi.error) {
    const { title, message } = describeError(ssi.error);
    return { text: '!', color: BAND_COLORS.error, title: t('toolbar_title_error', title, message) };
  }
  if (ssi.snapshot) {
    const score = Math.round(ssi.snapshot.overall);
    return {
      text: String(score),
      color: BAND_COLORS[scoreBand(ssi.snapshot.overall)],
      title: t('toolbar_title_score', score),
    };
  }
  return { text: '', color: BAND_COLORS.mid, title: PRODUCT_NAME };
}

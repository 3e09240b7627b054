/**
 * What the LinkedIn badge and its card say for a badge state: pure, so the content script's
 * DOM code only places text.
 */
import type { ErrorAction } from '../errors';
import { describeGroupRank, formatAge, formatOverall, formatPillarScore, formatSigned } from '../format';
import { t, uiLocale } from '../i18n';
import type { ProfileBadgeState } from '../messaging/protocol';
import { MAX_OVERALL, PILLAR_LABELS, scoreBand, type ScoreBand } from '../ssi/model';

export type BadgeTone = 'ok' | 'warning' | 'setup' | 'error';

export interface ProfileBadgeModel {
  tone: BadgeTone;
  /** "SSI 67", "SSI: set up" or "SSI: !". */
  label: string;
  /** Accessible name of the badge button. */
  description: string;
  band: ScoreBand | null;
  /** Share of the ring to fill, 0-100, or null without a score. */
  percent: number | null;
  /** The industry rank's weekly change, short: "+2", "−1"; null when none or zero. */
  change: string | null;
  card: {
    title: string;
    pillars: { label: string; value: string }[];
    ranks: string[];
    updated: string | null;
    /** What went wrong and what to do, when something did. */
    message: string | null;
    action: ErrorAction;
  };
}

function shortChange(change: number | null | undefined): string | null {
  if (change == null) return null;
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) return null; // "±0" on a pill reads as noise
  return formatSigned(rounded, uiLocale(), { min: 0, max: 1 });
}

/** The badge for a state. A state without a score never shows a number. */
export function profileBadgeModel(state: ProfileBadgeState, now: number): ProfileBadgeModel {
  const { snapshot, error } = state.ssi;
  const problem = error ? state.problem : null;
  if (!snapshot) {
    const setup = !error || error.code === 'no-key';
    return {
      tone: setup ? 'setup' : 'error',
      label: t(setup ? 'badge_label_setup' : 'badge_label_error'),
      description: setup
        ? t('badge_description_setup')
        : problem
          ? t('badge_description_problem', problem.title)
          : t('badge_description_unavailable'),
      band: null,
      percent: null,
      change: null,
      card: {
        title: setup ? t('badge_card_title_setup') : (problem?.title ?? t('badge_card_title_unavailable')),
        pillars: [],
        ranks: [],
        updated: null,
        message: problem?.message ?? t(setup ? 'badge_card_message_setup' : 'badge_card_message_error'),
        action: problem?.action ?? (setup ? 'open-settings' : 'retry'),
      },
    };
  }
  const score = formatOverall(snapshot.overall);
  const change = shortChange(snapshot.industry?.change);
  const ranks = [
    describeGroupRank('industry', snapshot.industry),
    describeGroupRank('network', snapshot.network),
  ];
  return {
    tone: error ? 'warning' : 'ok',
    label: t('badge_label_score', score),
    description: t(error ? 'badge_description_score_stale' : 'badge_description_score', score),
    band: scoreBand(snapshot.overall),
    percent: Math.min(100, Math.max(0, (snapshot.overall / MAX_OVERALL) * 100)),
    change,
    card: {
      title: t('badge_card_title_score', score),
      pillars: snapshot.pillars.map((pillar) => ({
        label: PILLAR_LABELS[pillar.id],
        value: formatPillarScore(pillar.score),
      })),
      ranks: ranks.filter((rank): rank is string => rank !== null),
      updated: t('updated_age', formatAge(snapshot.fetchedAt, now)),
      message: problem ? t('badge_card_stale', problem.message) : null,
      action: problem?.action ?? 'none',
    },
  };
}

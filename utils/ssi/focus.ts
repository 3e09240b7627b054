/**
 * What to work on next: the member's weakest pillar today, how far it trails the industry,
 * and three concrete things to do about it.
 */
import { t, type MessageKey } from '../i18n';
import { PILLAR_IDS, type PillarId, type SsiSnapshot } from './model';

/** The messages of each pillar's three actions (`focus_<pillar>_1` to `_3`). */
const FOCUS_ACTION_KEYS = {
  PROFESSIONAL_BRAND: [
    'focus_professional_brand_1',
    'focus_professional_brand_2',
    'focus_professional_brand_3',
  ],
  FIND_RIGHT_PEOPLE: ['focus_find_right_people_1', 'focus_find_right_people_2', 'focus_find_right_people_3'],
  INSIGHT_ENGAGEMENT: [
    'focus_insight_engagement_1',
    'focus_insight_engagement_2',
    'focus_insight_engagement_3',
  ],
  STRONG_RELATIONSHIP: [
    'focus_strong_relationship_1',
    'focus_strong_relationship_2',
    'focus_strong_relationship_3',
  ],
} as const satisfies Record<PillarId, readonly [MessageKey, MessageKey, MessageKey]>;

/** Three actions per pillar, each a thing a member can do this week, in the UI language when read. */
export const FOCUS_ACTIONS: Readonly<Record<PillarId, readonly [string, string, string]>> =
  Object.defineProperties(
    {} as Record<PillarId, readonly [string, string, string]>,
    Object.fromEntries(
      PILLAR_IDS.map((id) => {
        const [first, second, third] = FOCUS_ACTION_KEYS[id];
        return [id, { enumerable: true, get: () => [t(first), t(second), t(third)] as const }];
      }),
    ),
  );

export interface Focus {
  pillar: PillarId;
  score: number;
  /** The industry's average for this pillar, when the API gave it. */
  industryAverage: number | null;
  /** Points below the industry's average; null when not below it or unknown. */
  belowIndustryBy: number | null;
  actions: readonly [string, string, string];
}

/**
 * The pillar with the lowest score in `snapshot` (the first in LinkedIn's order on a tie), or
 * null when no pillar has a score.
 */
export function focusOf(snapshot: SsiSnapshot): Focus | null {
  let weakest: SsiSnapshot['pillars'][number] | null = null;
  for (const id of PILLAR_IDS) {
    const pillar = snapshot.pillars.find((p) => p.id === id);
    if (pillar?.score == null) continue;
    if (!weakest || pillar.score < weakest.score!) weakest = pillar;
  }
  if (!weakest) return null;
  const score = weakest.score!;
  const average = weakest.industryAverage;
  return {
    pillar: weakest.id,
    score,
    industryAverage: average,
    belowIndustryBy: average !== null && average > score ? average - score : null,
    actions: FOCUS_ACTIONS[weakest.id],
  };
}

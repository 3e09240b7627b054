/**
 * What to work on next: the member's weakest pillar today, how far it trails the industry,
 * and three concrete things to do about it.
 */
import { PILLAR_IDS, type PillarId, type SsiSnapshot } from './model';

/** Three actions per pillar, each a thing a member can do this week. */
export const FOCUS_ACTIONS: Readonly<Record<PillarId, readonly [string, string, string]>> = {
  PROFESSIONAL_BRAND: [
    'Complete your profile: a headline that names who you help, a photo, an About written for your buyers, and featured work.',
    'Publish one post a week about a problem your buyers face, and answer every comment on it.',
    'Ask two customers or colleagues for a recommendation, and endorse the skills of people you work with.',
  ],
  FIND_RIGHT_PEOPLE: [
    'Search with filters (or Sales Navigator) for ten decision makers at your target accounts, and view their profiles.',
    'Save those leads and accounts, so LinkedIn suggests more people like them.',
    'Check who viewed your profile this week and reach out to the ones who fit your buyers.',
  ],
  INSIGHT_ENGAGEMENT: [
    'Leave a thoughtful comment on three posts by prospects or customers each working day.',
    'Share an industry article with your own view in the first lines, and reply to the comments.',
    'Follow your target accounts and your industry’s hashtags, and react to their updates.',
  ],
  STRONG_RELATIONSHIP: [
    'Send personalised connection requests to people you have met or share interests with.',
    'Congratulate connections on new roles and work anniversaries with a personal message.',
    'Connect with senior people at your target accounts and keep the conversation going with useful messages.',
  ],
};

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

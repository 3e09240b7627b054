import { describe, expect, it } from 'vitest';
import { makeSnapshot } from '../testing/snapshot';
import { FOCUS_ACTIONS, focusOf } from './focus';
import { PILLAR_IDS } from './model';

describe('focusOf', () => {
  it('names the lowest pillar, how far it trails the industry, and its three actions', () => {
    const snapshot = makeSnapshot({
      pillars: [
        { id: 'PROFESSIONAL_BRAND', score: 13.1, industryAverage: 11, networkAverage: 12 },
        { id: 'FIND_RIGHT_PEOPLE', score: 3.7, industryAverage: 8.2, networkAverage: 9 },
        { id: 'INSIGHT_ENGAGEMENT', score: 5, industryAverage: 6, networkAverage: 7 },
        { id: 'STRONG_RELATIONSHIP', score: 9, industryAverage: 10, networkAverage: 11 },
      ],
    });
    const focus = focusOf(snapshot)!;
    expect(focus.pillar).toBe('FIND_RIGHT_PEOPLE');
    expect(focus.score).toBe(3.7);
    expect(focus.belowIndustryBy).toBeCloseTo(4.5, 10);
    expect(focus.actions).toEqual(FOCUS_ACTIONS.FIND_RIGHT_PEOPLE);
  });

  it('says nothing of the industry when the pillar is at or above its average, or it is unknown', () => {
    const above = makeSnapshot({
      pillars: PILLAR_IDS.map((id, index) => ({
        id,
        score: 10 + index,
        industryAverage: 5,
        networkAverage: null,
      })),
    });
    expect(focusOf(above)).toMatchObject({ pillar: 'PROFESSIONAL_BRAND', belowIndustryBy: null });
    const unknown = makeSnapshot({
      pillars: PILLAR_IDS.map((id) => ({ id, score: 10, industryAverage: null, networkAverage: null })),
    });
    expect(focusOf(unknown)).toMatchObject({
      pillar: 'PROFESSIONAL_BRAND',
      industryAverage: null,
      belowIndustryBy: null,
    });
  });

  it('skips pillars without a score, and has no focus when none has one', () => {
    const partial = makeSnapshot({
      pillars: PILLAR_IDS.map((id) => ({
        id,
        score: id === 'STRONG_RELATIONSHIP' ? 20 : null,
        industryAverage: null,
        networkAverage: null,
      })),
    });
    expect(focusOf(partial)?.pillar).toBe('STRONG_RELATIONSHIP');
    const none = makeSnapshot({
      pillars: PILLAR_IDS.map((id) => ({ id, score: null, industryAverage: null, networkAverage: null })),
    });
    expect(focusOf(none)).toBeNull();
  });

  it('has three distinct actions for every pillar', () => {
    for (const id of PILLAR_IDS) expect(new Set(FOCUS_ACTIONS[id]).size).toBe(3);
  });
});

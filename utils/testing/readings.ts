/** Daily readings for the history suites: plausible values, each overridable. */
import { addDays, type DayKey } from '../history/day';
import type { DailyReading } from '../history/reading';

/** A reading of `day` for account `acc-1`, taken at noon UTC that day. */
export function readingOn(day: DayKey, overall = 60, overrides: Partial<DailyReading> = {}): DailyReading {
  const pillar = overall / 4;
  return {
    day,
    accountId: 'acc-1',
    at: Date.parse(`${day}T12:00:00Z`),
    overall,
    pillars: {
      PROFESSIONAL_BRAND: pillar,
      FIND_RIGHT_PEOPLE: pillar,
      INSIGHT_ENGAGEMENT: pillar,
      STRONG_RELATIONSHIP: pillar,
    },
    industryRank: 12,
    networkRank: 30,
    industryAverage: 45.5,
    networkAverage: 51.25,
    industryGroupSize: 184_233,
    networkGroupSize: 812,
    industryName: 'Computer Software',
    ...overrides,
  };
}

/** `count` consecutive days ending `last`, oldest first, the score given by `score(index)`. */
export function readingsUntil(last: DayKey, count: number, score: (index: number) => number = () => 60) {
  return Array.from({ length: count }, (_, index) =>
    readingOn(addDays(last, index - count + 1), score(index)),
  );
}

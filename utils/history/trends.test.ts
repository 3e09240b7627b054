import { describe, expect, it } from 'vitest';
import { readingOn, readingsUntil } from '../testing/readings';
import type { DailyReading } from './reading';
import { changeOver, dailyPace, historyRows, isLikelyRecalculation, readingDaysAgo } from './trends';

function withPillars(
  day: string,
  scores: [number | null, number | null, number | null, number | null],
): DailyReading {
  const [a, b, c, d] = scores;
  return readingOn(day, 50, {
    pillars: { PROFESSIONAL_BRAND: a, FIND_RIGHT_PEOPLE: b, INSIGHT_ENGAGEMENT: c, STRONG_RELATIONSHIP: d },
  });
}

describe('isLikelyRecalculation', () => {
  const before = withPillars('2026-11-01', [10, 10, 10, 10]);

  it.each([
    ['all four up', [10.5, 11, 10.2, 12], true],
    ['all four down', [9, 9.9, 8, 9.5], true],
    ['three up, one down', [11, 11, 11, 9], false],
    ['three up, one unchanged', [11, 11, 11, 10], false],
    ['all four up, one by less than a hundredth', [11, 11, 11, 10.004], false],
    ['all four up, one unknown', [11, 11, 11, null], false],
  ] as const)('%s: %s', (_, scores, expected) => {
    expect(isLikelyRecalculation(before, withPillars('2026-11-02', [...scores]))).toBe(expected);
  });

  it('needs the calendar day before: a gap is not "at once"', () => {
    expect(isLikelyRecalculation(before, withPillars('2026-11-03', [11, 11, 11, 11]))).toBe(false);
  });

  it('has nothing to compare on the first day', () => {
    expect(isLikelyRecalculation(undefined, before)).toBe(false);
  });
});

describe('historyRows', () => {
  it('lists the newest day first, with the change since the day recorded before', () => {
    const days = [readingOn('2026-11-01', 50), readingOn('2026-11-02', 52.5), readingOn('2026-11-05', 51)];
    const rows = historyRows(days);
    expect(rows.map((row) => [row.reading.day, row.change])).toEqual([
      ['2026-11-05', -1.5],
      ['2026-11-02', 2.5],
      ['2026-11-01', null],
    ]);
  });

  it("takes the first row's change from the day recorded before the range", () => {
    const rows = historyRows([readingOn('2026-11-02', 52)], readingOn('2026-11-01', 50));
    expect(rows[0]!.change).toBe(2);
  });

  it('marks the recalculated days', () => {
    const rows = historyRows([
      withPillars('2026-11-01', [10, 10, 10, 10]),
      withPillars('2026-11-02', [11, 11, 11, 11]),
      withPillars('2026-11-03', [12, 11, 11, 11]),
    ]);
    expect(rows.map((row) => row.recalculation)).toEqual([false, true, false]);
  });
});

describe('changes over 7 and 30 days', () => {
  const history = readingsUntil('2026-12-02', 40, (index) => 30 + index);

  it('compares the newest reading with the one of that many days before', () => {
    expect(changeOver(history, 7)).toBe(7);
    expect(changeOver(history, 30)).toBe(30);
  });

  it('lets the closest earlier reading within a week stand in for a missing day', () => {
    const gappy = history.filter((reading) => !['2026-11-25', '2026-11-24'].includes(reading.day));
    expect(readingDaysAgo(gappy, 7)?.day).toBe('2026-11-23');
    expect(changeOver(gappy, 7)).toBe(9);
  });

  it('is unknown when history does not reach back, or only much further back', () => {
    expect(changeOver(readingsUntil('2026-12-02', 5), 7)).toBeNull();
    const far = [readingOn('2026-09-01', 10), readingOn('2026-12-02', 60)];
    expect(changeOver(far, 30)).toBeNull();
    expect(changeOver([], 7)).toBeNull();
  });
});

describe('dailyPace', () => {
  it('is the slope of the last 30 days in points per day', () => {
    const history = readingsUntil('2026-12-02', 60, (index) => (index < 30 ? 10 : 20 + index * 0.5));
    expect(dailyPace(history, '2026-12-02')).toBeCloseTo(0.5, 10);
  });

  it('is negative when the score falls, and unknown with one reading', () => {
    expect(
      dailyPace(
        readingsUntil('2026-12-02', 10, (index) => 50 - index),
        '2026-12-02',
      ),
    ).toBeCloseTo(-1, 10);
    expect(dailyPace([readingOn('2026-12-02')], '2026-12-02')).toBeNull();
  });
});

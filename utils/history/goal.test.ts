import { describe, expect, it } from 'vitest';
import { readingsUntil } from '../testing/readings';
import { goalProgress, isValidGoal } from './goal';

describe('goalProgress', () => {
  it('says what is left, the weekly pace needed and when the recent pace gets there', () => {
    // +0.5 a day for 30 days, now at 64.5; 70 by 2026-12-30 (28 days away).
    const history = readingsUntil('2026-12-02', 30, (index) => 50 + index * 0.5);
    const progress = goalProgress(history, { target: 70, by: '2026-12-30' }, '2026-12-02')!;
    expect(progress.current).toBe(64.5);
    expect(progress.remaining).toBeCloseTo(5.5, 10);
    expect(progress.reached).toBe(false);
    expect(progress.daysLeft).toBe(28);
    expect(progress.weeklyPaceNeeded).toBeCloseTo(1.375, 10);
    expect(progress.weeklyPace).toBeCloseTo(3.5, 10);
    // 5.5 points at 0.5 a day: 11 days.
    expect(progress.projectedDay).toBe('2026-12-13');
    expect(progress.fraction).toBeCloseTo(64.5 / 70, 10);
  });

  it('has no projection when the score is flat or falling', () => {
    const flat = goalProgress(
      readingsUntil('2026-12-02', 30),
      { target: 70, by: '2027-03-01' },
      '2026-12-02',
    )!;
    expect(flat.projectedDay).toBeNull();
    const falling = goalProgress(
      readingsUntil('2026-12-02', 30, (index) => 60 - index * 0.1),
      { target: 70, by: '2027-03-01' },
      '2026-12-02',
    )!;
    expect(falling.weeklyPace).toBeLessThan(0);
    expect(falling.projectedDay).toBeNull();
  });

  it('is reached once the score is at the target', () => {
    const progress = goalProgress(
      readingsUntil('2026-12-02', 3, () => 72),
      { target: 70, by: '2027-01-01' },
      '2026-12-02',
    )!;
    expect(progress).toMatchObject({
      reached: true,
      remaining: 0,
      weeklyPaceNeeded: null,
      projectedDay: null,
      fraction: 1,
    });
  });

  it('needs no pace once the date has passed', () => {
    const progress = goalProgress(
      readingsUntil('2026-12-02', 3),
      { target: 70, by: '2026-11-30' },
      '2026-12-02',
    )!;
    expect(progress.daysLeft).toBe(-2);
    expect(progress.weeklyPaceNeeded).toBeNull();
  });

  it('has no projection further than ten years away', () => {
    const crawl = readingsUntil('2026-12-02', 30, (index) => 10 + index * 0.0001);
    expect(goalProgress(crawl, { target: 90, by: '2027-12-01' }, '2026-12-02')!.projectedDay).toBeNull();
  });

  it('is null without any reading', () => {
    expect(goalProgress([], { target: 70, by: '2027-01-01' }, '2026-12-02')).toBeNull();
  });
});

describe('isValidGoal', () => {
  it.each([
    [{ target: 70, by: '2027-01-01' }, true],
    [{ target: 100, by: '2027-01-01' }, true],
    [{ target: 0, by: '2027-01-01' }, false],
    [{ target: 101, by: '2027-01-01' }, false],
    [{ target: Number.NaN, by: '2027-01-01' }, false],
    [{ target: 70, by: '2027-02-30' }, false],
    [{ target: '70', by: '2027-01-01' }, false],
    [null, false],
  ])('%j → %s', (goal, expected) => {
    expect(isValidGoal(goal)).toBe(expected);
  });
});

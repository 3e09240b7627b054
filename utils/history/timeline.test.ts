import { describe, expect, it } from 'vitest';
import { readingOn, readingsUntil } from '../testing/readings';
import { addDays } from './day';
import { daysInRange, mergeImported, recordReading, RETENTION_DAYS, withinRetention } from './timeline';

const days = (list: { day: string }[]) => list.map((reading) => reading.day);

describe('recordReading', () => {
  it('adds a new day in calendar order', () => {
    const history = [readingOn('2026-11-01'), readingOn('2026-11-03')];
    expect(days(recordReading(history, readingOn('2026-11-02')))).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ]);
    expect(days(recordReading(history, readingOn('2026-11-04')))).toEqual([
      '2026-11-01',
      '2026-11-03',
      '2026-11-04',
    ]);
    expect(days(recordReading([], readingOn('2026-11-04')))).toEqual(['2026-11-04']);
  });

  it('keeps one reading per day: the latest of the day wins', () => {
    const morning = readingOn('2026-11-02', 50, { at: Date.parse('2026-11-02T08:00:00Z') });
    const evening = readingOn('2026-11-02', 52, { at: Date.parse('2026-11-02T20:00:00Z') });
    const history = recordReading(recordReading([], morning), evening);
    expect(history).toEqual([evening]);
  });

  it('never lets an answer that arrives late replace a newer reading of the same day', () => {
    const evening = readingOn('2026-11-02', 52, { at: Date.parse('2026-11-02T20:00:00Z') });
    const late = readingOn('2026-11-02', 50, { at: Date.parse('2026-11-02T08:00:00Z') });
    expect(recordReading([evening], late)).toEqual([evening]);
  });

  it('replaces an imported day (time unknown) with any reading taken that day', () => {
    const imported = readingOn('2026-11-02', 40, { at: null });
    const live = readingOn('2026-11-02', 41, { at: Date.parse('2026-11-02T00:05:00Z') });
    expect(recordReading([imported], live)).toEqual([live]);
  });

  it('does not change the list it was given', () => {
    const history = [readingOn('2026-11-01')];
    recordReading(history, readingOn('2026-11-02'));
    expect(days(history)).toEqual(['2026-11-01']);
  });
});

describe('retention', () => {
  it(`keeps ${RETENTION_DAYS} days (three years) before the newest and drops older ones`, () => {
    const newest = '2026-12-02';
    const history = readingsUntil(newest, RETENTION_DAYS + 10);
    const kept = withinRetention(history);
    expect(kept).toHaveLength(RETENTION_DAYS);
    expect(kept[0]!.day).toBe(addDays(newest, -(RETENTION_DAYS - 1)));
    expect(kept.at(-1)!.day).toBe(newest);
  });

  it('keeps at least two years', () => {
    expect(RETENTION_DAYS).toBeGreaterThanOrEqual(2 * 366);
  });

  it('applies when a reading is recorded', () => {
    const history = readingsUntil('2026-12-01', RETENTION_DAYS);
    const next = recordReading(history, readingOn('2026-12-02'));
    expect(next).toHaveLength(RETENTION_DAYS);
    expect(next[0]!.day).toBe(history[1]!.day);
  });
});

describe('mergeImported', () => {
  it('adds new days, keeps the reading of days already recorded, and counts what it added', () => {
    const recorded = [readingOn('2026-11-02', 50), readingOn('2026-11-04', 54)];
    const imported = [readingOn('2026-11-01', 10), readingOn('2026-11-02', 11), readingOn('2026-11-03', 12)];
    const merged = mergeImported(recorded, imported);
    expect(merged.added).toBe(2);
    expect(merged.days.map((reading) => [reading.day, reading.overall])).toEqual([
      ['2026-11-01', 10],
      ['2026-11-02', 50],
      ['2026-11-03', 12],
      ['2026-11-04', 54],
    ]);
  });

  it('adds nothing when every day is known', () => {
    const recorded = readingsUntil('2026-11-04', 4);
    expect(
      mergeImported(
        recorded,
        readingsUntil('2026-11-04', 4, () => 1),
      ),
    ).toEqual({ days: recorded, added: 0 });
  });

  it('does not count days that fall outside retention', () => {
    const recorded = [readingOn('2026-12-02')];
    const merged = mergeImported(recorded, [readingOn(addDays('2026-12-02', -RETENTION_DAYS - 5))]);
    expect(merged).toEqual({ days: recorded, added: 0 });
  });
});

describe('daysInRange', () => {
  const history = readingsUntil('2026-12-02', 400);

  it.each([
    ['7d', 7, '2026-11-26'],
    ['30d', 30, '2026-11-03'],
    ['90d', 90, '2026-09-04'],
    ['1y', 365, '2025-12-03'],
    ['all', 400, history[0]!.day],
  ] as const)('%s: %i days from %s to today', (range, count, first) => {
    const shown = daysInRange(history, range, '2026-12-02');
    expect(shown).toHaveLength(count);
    expect(shown[0]!.day).toBe(first);
    expect(shown.at(-1)!.day).toBe('2026-12-02');
  });

  it('counts back from today, not from the newest reading', () => {
    const old = readingsUntil('2026-11-20', 30);
    expect(days(daysInRange(old, '7d', '2026-12-02'))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { readingOn, readingsUntil } from '../testing/readings';
import { decodeHistory, encodeHistory, HISTORY_LAYOUT_VERSION } from './codec';

describe('the stored layout of a history', () => {
  it('decodes what it encoded', () => {
    const days = [
      readingOn('2026-11-30', 61.5, { at: null }),
      readingOn('2026-12-01', 62, { industryName: null }),
    ];
    days[1]!.pillars.FIND_RIGHT_PEOPLE = null;
    expect(decodeHistory(encodeHistory('acc-1', days))).toEqual({ accountId: 'acc-1', days, dropped: 0 });
  });

  it('keeps two years of one account under 256 KB', () => {
    const days = readingsUntil('2026-12-02', 731, (index) => 40 + (index % 50) * 0.123456).map((reading) => ({
      ...reading,
      industryName: 'Information Technology and Services',
      pillars: {
        PROFESSIONAL_BRAND: 13.118002,
        FIND_RIGHT_PEOPLE: 3.68,
        INSIGHT_ENGAGEMENT: 0.29999998,
        STRONG_RELATIONSHIP: 2.6077502,
      },
      industryAverage: 30.990001,
      networkAverage: 32.720001,
    }));
    const bytes = new TextEncoder().encode(
      JSON.stringify(encodeHistory('0123456789abcdef01234567', days)),
    ).length;
    expect(bytes).toBeLessThan(256 * 1024);
  });

  it('drops days that do not match their shape, and counts them', () => {
    const stored = encodeHistory('acc-1', [
      readingOn('2026-11-29'),
      readingOn('2026-11-30'),
      readingOn('2026-12-01'),
    ]);
    const good = stored.days.map((day) => [...day]);
    const broken = [
      good[0],
      [...good[1]!.slice(0, 2), 120, ...good[1]!.slice(3)], // overall over 100
      ['2026-02-30', ...good[2]!.slice(1)], // no such day
      ['2026-12-01', ...good[2]!.slice(1, -1)], // a field short
      good[2],
      good[2], // the same day twice
      'garbage',
    ];
    const decoded = decodeHistory({ ...stored, days: broken });
    expect(decoded?.days.map((day) => day.day)).toEqual(['2026-11-29', '2026-12-01']);
    expect(decoded?.dropped).toBe(5);
  });

  it('reads days in calendar order whatever order they were stored in', () => {
    const stored = encodeHistory('acc-1', [readingOn('2026-12-01'), readingOn('2026-11-29')]);
    expect(decodeHistory(stored)?.days.map((day) => day.day)).toEqual(['2026-11-29', '2026-12-01']);
  });

  it.each([
    ['nothing', undefined],
    ['a newer layout', { v: HISTORY_LAYOUT_VERSION + 1, accountId: 'acc-1', days: [] }],
    ['no days', { v: HISTORY_LAYOUT_VERSION, accountId: 'acc-1' }],
    ['a bad account', { v: HISTORY_LAYOUT_VERSION, accountId: 'a b', days: [] }],
    ['an array', []],
  ])('reads %s as no history', (_, stored) => {
    expect(decodeHistory(stored)).toBeNull();
  });
});

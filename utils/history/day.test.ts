import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isDayKey, localDay } from './day';

describe('localDay', () => {
  it.each([
    // A reading late in the evening belongs to that evening's day, not UTC's next one.
    ['America/Los_Angeles', '2026-06-15T06:30:00Z', '2026-06-14'],
    ['America/Los_Angeles', '2026-06-15T07:30:00Z', '2026-06-15'],
    ['Europe/Berlin', '2026-06-14T21:59:00Z', '2026-06-14'],
    ['Europe/Berlin', '2026-06-14T22:00:00Z', '2026-06-15'],
    ['Asia/Kolkata', '2026-06-14T18:29:00Z', '2026-06-14'],
    ['Asia/Kolkata', '2026-06-14T18:30:00Z', '2026-06-15'],
    ['Pacific/Auckland', '2026-06-14T11:59:00Z', '2026-06-14'],
    ['Pacific/Auckland', '2026-06-14T12:00:00Z', '2026-06-15'],
    ['UTC', '2026-12-31T23:59:59Z', '2026-12-31'],
  ])('in %s, %s falls on %s', (zone, iso, day) => {
    expect(localDay(Date.parse(iso), zone)).toBe(day);
  });

  describe('across daylight saving', () => {
    it.each([
      // New York springs forward on 2026-03-08 (UTC-5 → UTC-4) and falls back on 2026-11-01.
      ['America/New_York', '2026-03-08T04:59:00Z', '2026-03-07'],
      ['America/New_York', '2026-03-08T05:00:00Z', '2026-03-08'],
      ['America/New_York', '2026-03-09T03:59:00Z', '2026-03-08'],
      ['America/New_York', '2026-03-09T04:00:00Z', '2026-03-09'],
      ['America/New_York', '2026-11-01T03:59:00Z', '2026-10-31'],
      ['America/New_York', '2026-11-02T04:59:00Z', '2026-11-01'],
      ['America/New_York', '2026-11-02T05:00:00Z', '2026-11-02'],
      // Berlin: 2026-03-29 is 23 hours long, 2026-10-25 is 25 hours long.
      ['Europe/Berlin', '2026-03-28T23:00:00Z', '2026-03-29'],
      ['Europe/Berlin', '2026-03-29T21:59:00Z', '2026-03-29'],
      ['Europe/Berlin', '2026-03-29T22:00:00Z', '2026-03-30'],
      ['Europe/Berlin', '2026-10-25T22:59:00Z', '2026-10-25'],
      ['Europe/Berlin', '2026-10-25T23:00:00Z', '2026-10-26'],
    ])('in %s, %s falls on %s', (zone, iso, day) => {
      expect(localDay(Date.parse(iso), zone)).toBe(day);
    });

    it('gives every hour of a 25-hour day the same day', () => {
      const start = Date.parse('2026-10-24T22:00:00Z'); // midnight in Berlin, summer time
      const days = new Set(
        Array.from({ length: 25 }, (_, hour) => localDay(start + hour * 3_600_000, 'Europe/Berlin')),
      );
      expect([...days]).toEqual(['2026-10-25']);
    });
  });

  it("uses the runtime's own zone when none is given", () => {
    const now = Date.parse('2026-06-14T12:00:00Z');
    expect(localDay(now)).toBe(localDay(now, Intl.DateTimeFormat().resolvedOptions().timeZone));
  });
});

describe('isDayKey', () => {
  it.each(['2026-12-02', '2024-02-29', '0001-01-01'])('accepts %s', (day) => {
    expect(isDayKey(day)).toBe(true);
  });
  it.each([
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-1-02',
    '2026-12-02T00:00',
    ' 2026-12-02',
    '02/12/2026',
    '',
  ])('refuses %j', (day) => {
    expect(isDayKey(day)).toBe(false);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-12-02', -365, '2025-12-02'],
  ])('%s + %i days is %s', (day, count, expected) => {
    expect(addDays(day, count)).toBe(expected);
    expect(daysBetween(day, expected)).toBe(count);
  });
});

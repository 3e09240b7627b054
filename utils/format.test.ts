import { describe, expect, it } from 'vitest';
import {
  describeGroupRank,
  formatAge,
  formatChange,
  formatDay,
  formatDelta,
  formatGroupSize,
  formatOverall,
  formatPillarScore,
  formatRank,
  formatSeat,
  MISSING,
} from './format';
import type { GroupComparison } from './ssi/model';

function group(fields: Partial<GroupComparison>): GroupComparison {
  return { rank: null, averageScore: null, groupSize: null, change: null, industryName: null, ...fields };
}

describe('formatOverall', () => {
  it.each([
    [67.5, '68'],
    [67.49, '67'],
    [67.4123687744140625, '67'],
    [19.705751, '20'],
    [0, '0'],
    [0.4, '0'],
    [99.5, '100'],
    [100, '100'],
  ])('%d → %s', (overall, text) => {
    expect(formatOverall(overall)).toBe(text);
  });
});

describe('formatPillarScore', () => {
  it.each<[number | null, string]>([
    [null, MISSING],
    [13.118002, '13.1'],
    [0.29999998, '0.3'],
    [2.6077502, '2.6'],
    [3.68, '3.7'],
    [25, '25.0'],
    [0, '0.0'],
    [24.96, '25.0'],
  ])('%s → %s', (score, text) => {
    expect(formatPillarScore(score)).toBe(text);
  });

  it('uses an em dash for missing values', () => {
    expect(MISSING).toBe('—');
  });
});

describe('formatRank', () => {
  it.each<[number | null, string]>([
    [null, MISSING],
    [0, 'Top 1%'],
    [0.4, 'Top 1%'],
    [1, 'Top 1%'],
    [4, 'Top 4%'],
    [4.4, 'Top 4%'],
    [4.5, 'Top 5%'],
    [75, 'Top 75%'],
    [100, 'Top 100%'],
  ])('%s → %s', (rank, text) => {
    expect(formatRank(rank)).toBe(text);
  });
});

describe('describeGroupRank', () => {
  it.each<['industry' | 'network', GroupComparison | null, string | null]>([
    ['industry', group({ rank: 4, industryName: 'Computer Software' }), 'Top 4% in Computer Software'],
    ['industry', group({ rank: 4 }), 'Top 4% in your industry'],
    ['industry', group({ rank: 0.2, industryName: 'Banking' }), 'Top 1% in Banking'],
    ['network', group({ rank: 12 }), 'Top 12% in your network'],
    ['network', group({ rank: 12, industryName: 'Computer Software' }), 'Top 12% in your network'],
    ['industry', group({ rank: null, industryName: 'Banking', groupSize: 10 }), null],
    ['network', group({}), null],
    ['industry', null, null],
    ['network', null, null],
  ])('%s %j → %s', (kind, comparison, text) => {
    expect(describeGroupRank(kind, comparison)).toBe(text);
  });

  it('keeps markup in the industry name as text', () => {
    expect(describeGroupRank('industry', group({ rank: 3, industryName: '<b>x</b>' }))).toBe(
      'Top 3% in <b>x</b>',
    );
  });
});

describe('formatGroupSize', () => {
  it.each<[number | null, string | null]>([
    [null, null],
    [0, '0 people'],
    [1, '1 person'],
    [2, '2 people'],
    [812, '812 people'],
    [184233, '184,233 people'],
    [1234567, '1,234,567 people'],
  ])('%s → %s', (size, text) => {
    expect(formatGroupSize(size)).toBe(text);
  });
});

describe('formatChange', () => {
  it.each<[number | null, string | null]>([
    [null, null],
    [2, '+2 since last week'],
    [0.5, '+0.5 since last week'],
    [1.26, '+1.3 since last week'],
    [-1, '−1 since last week'],
    [-3.5, '−3.5 since last week'],
    [0, 'no change since last week'],
    [0.04, 'no change since last week'],
    [-0.04, 'no change since last week'],
  ])('%s → %s', (change, text) => {
    expect(formatChange(change)).toBe(text);
  });

  it('uses a real minus sign, not a hyphen', () => {
    expect(formatChange(-1)?.charAt(0)).toBe('\u2212');
  });
});

describe('formatAge', () => {
  const NOW = Date.UTC(2026, 2, 14, 9, 30);
  const SECOND = 1_000;
  const MINUTE = 60 * SECOND;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;
  it.each([
    [0, 'just now'],
    [59 * SECOND, 'just now'],
    [-5 * MINUTE, 'just now'],
    [60 * SECOND, '1 min ago'],
    [3 * MINUTE + 20 * SECOND, '3 min ago'],
    [59 * MINUTE + 59 * SECOND, '59 min ago'],
    [HOUR, '1 h ago'],
    [2 * HOUR + 59 * MINUTE, '2 h ago'],
    [23 * HOUR + 59 * MINUTE, '23 h ago'],
    [DAY, 'yesterday'],
    [47 * HOUR, 'yesterday'],
    [2 * DAY, '2 days ago'],
    [3 * DAY + 5 * HOUR, '3 days ago'],
    [40 * DAY, '40 days ago'],
  ])('%i ms ago → %s', (ago, text) => {
    expect(formatAge(NOW - ago, NOW)).toBe(text);
  });
});

describe('formatSeat', () => {
  it.each<[boolean | null, string | null]>([
    [true, 'Sales Navigator seat active'],
    [false, 'No Sales Navigator seat'],
    [null, null],
  ])('%s → %s', (seat, text) => {
    expect(formatSeat(seat)).toBe(text);
  });
});

describe('formatDay and formatDelta', () => {
  it('writes a calendar day in the UI language without shifting it by the time zone', () => {
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      Date.UTC(2026, 11, 2),
    );
    expect(formatDay('2026-12-02')).toBe(expected);
    expect(formatDay('2026-12-02')).toMatch(/2026/);
  });

  it.each([
    [1.46, '+1.5'],
    [-0.34, '−0.3'],
    [0.04, '±0'],
    [null, '—'],
  ])('%s → %s', (delta, expected) => {
    expect(formatDelta(delta)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { readingOn } from '../testing/readings';
import { alertsFor, rankBand, weeklySummary } from './alerts';

describe('rankBand', () => {
  it.each([
    [0.4, 1],
    [1, 1],
    [1.2, 5],
    [5, 5],
    [9.9, 10],
    [25, 25],
    [25.1, null],
    [null, null],
  ])('top %s%% is in band %s', (rank, band) => {
    expect(rankBand(rank)).toBe(band);
  });
});

describe('alertsFor', () => {
  const yesterday = readingOn('2026-12-01', 60, { industryRank: 12, networkRank: 30 });

  it('tells of a score move larger than the threshold, up or down', () => {
    expect(
      alertsFor(yesterday, readingOn('2026-12-02', 63.5, { industryRank: 12, networkRank: 30 }), 3),
    ).toEqual([
      {
        id: 'score:acc-1:2026-12-02',
        title: 'Your SSI rose to 64',
        message: '+3.5 since yesterday (was 60).',
      },
    ]);
    expect(
      alertsFor(yesterday, readingOn('2026-12-02', 56, { industryRank: 12, networkRank: 30 }), 3)[0]?.title,
    ).toBe('Your SSI fell to 56');
  });

  it('stays quiet for a move within the threshold, or when the score alert is off (0)', () => {
    expect(
      alertsFor(yesterday, readingOn('2026-12-02', 62.9, { industryRank: 12, networkRank: 30 }), 3),
    ).toEqual([]);
    expect(
      alertsFor(yesterday, readingOn('2026-12-02', 90, { industryRank: 12, networkRank: 30 }), 0),
    ).toEqual([]);
  });

  it('tells when a rank enters or leaves a band', () => {
    const before = readingOn('2026-12-01', 60, { industryRank: 12, networkRank: 22 });
    const next = readingOn('2026-12-02', 60, { industryRank: 9, networkRank: 26 });
    expect(alertsFor(before, next, 3)).toEqual([
      {
        id: 'rank:industry:acc-1:2026-12-02',
        title: 'Up: Top 9% in your industry',
        message: 'Your industry rank is now in the top 10% (was Top 12%).',
      },
      {
        id: 'rank:network:acc-1:2026-12-02',
        title: 'Down: Top 26% in your network',
        message: 'Your network rank is now outside the top 25% (was Top 22%).',
      },
    ]);
  });

  it('says nothing of a rank that moves within its band, or is unknown', () => {
    const next = readingOn('2026-12-02', 60, { industryRank: 11, networkRank: null });
    expect(alertsFor(yesterday, next, 3)).toEqual([]);
  });

  it('needs an earlier reading', () => {
    expect(alertsFor(undefined, yesterday, 3)).toEqual([]);
    expect(alertsFor(yesterday, yesterday, 3)).toEqual([]);
  });

  it('says "since the last reading" across a gap', () => {
    const next = readingOn('2026-12-05', 66, { industryRank: 12, networkRank: 30 });
    expect(alertsFor(yesterday, next, 3)[0]?.message).toBe('+6.0 since the last reading (was 60).');
  });
});

describe('weeklySummary', () => {
  it('gives the SSI now, its change over the week and both ranks', () => {
    const days = [readingOn('2026-11-25', 58), readingOn('2026-11-28', 60), readingOn('2026-12-02', 61.5)];
    expect(weeklySummary(days, '2026-12-02')).toEqual({
      id: 'weekly:acc-1:2026-12-02',
      title: 'Your SSI this week: 62',
      message: '+3.5 over the week. Top 12% in your industry, Top 30% in your network.',
    });
  });

  it('has nothing to say without a reading this week', () => {
    expect(weeklySummary([readingOn('2026-11-01', 58)], '2026-12-02')).toBeNull();
  });
});

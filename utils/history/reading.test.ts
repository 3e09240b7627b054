import { describe, expect, it } from 'vitest';
import { makeSnapshot } from '../testing/snapshot';
import { cleanText, historyAccountOf, readingOf } from './reading';

describe('readingOf', () => {
  it('keeps what a trend needs of a snapshot, on the local day it was taken', () => {
    // 23:30 on 1 December in New York is already 2 December in UTC.
    const snapshot = makeSnapshot({ fetchedAt: Date.parse('2026-12-02T04:30:00Z') });
    expect(readingOf(snapshot, 'acc-1', 'America/New_York')).toEqual({
      day: '2026-12-01',
      accountId: 'acc-1',
      at: snapshot.fetchedAt,
      overall: 67.41,
      pillars: {
        PROFESSIONAL_BRAND: 15,
        FIND_RIGHT_PEOPLE: 16,
        INSIGHT_ENGAGEMENT: 17,
        STRONG_RELATIONSHIP: 18,
      },
      industryRank: 4,
      networkRank: 12,
      industryAverage: 41,
      networkAverage: 38,
      industryGroupSize: 184_233,
      networkGroupSize: 812,
      industryName: 'Computer Software',
    });
  });

  it('keeps missing groups missing, and an industry name on one line', () => {
    const snapshot = makeSnapshot({
      industry: {
        rank: null,
        averageScore: null,
        groupSize: null,
        change: null,
        industryName: ' Banking,\n\tFinance ',
      },
      network: null,
    });
    expect(readingOf(snapshot, 'acc-1', 'UTC')).toMatchObject({
      industryRank: null,
      industryName: 'Banking, Finance',
      networkRank: null,
      networkAverage: null,
      networkGroupSize: null,
    });
  });
});

describe('cleanText', () => {
  it.each([
    ['Software', 'Software'],
    ['  two\r\nlines\u0000 ', 'two lines'],
    ['\t\n', null],
    [null, null],
  ])('%j → %j', (text, expected) => {
    expect(cleanText(text)).toBe(expected);
  });
});

describe('historyAccountOf', () => {
  it.each([
    ['6650a1f3c2e4b5d6a7980b1c', '', '6650a1f3c2e4b5d6a7980b1c'],
    ['6650a1f3c2e4b5d6a7980b1c', 'other_id', '6650a1f3c2e4b5d6a7980b1c'],
    [null, 'acc_1', 'acc_1'],
    [null, '', 'default'],
    ['not an id!', '', 'default'],
  ])('answered %j, asked %j: %s', (answered, asked, expected) => {
    expect(historyAccountOf(answered, asked)).toBe(expected);
  });
});

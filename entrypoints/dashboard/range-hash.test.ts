import { describe, expect, it } from 'vitest';
import { HISTORY_RANGES } from '@/utils/history/timeline';
import {
  DASHBOARD_TABS,
  DEFAULT_RANGE,
  hashForRange,
  hashForTab,
  rangeFromHash,
  tabFromHash,
} from './range-hash';

describe('the range in the URL hash', () => {
  it.each(HISTORY_RANGES)('names %s and reads it back', (range) => {
    expect(rangeFromHash(hashForRange(range))).toBe(range);
  });

  it.each(['', '#', '#range=', '#range=2y', '#range=ALL', '#other=1', '#range=__proto__'])(
    'reads %j as the default range',
    (hash) => {
      expect(rangeFromHash(hash)).toBe(DEFAULT_RANGE);
    },
  );
});

describe('the tab in the URL hash', () => {
  it.each(DASHBOARD_TABS)('names %s and reads it back', (tab) => {
    expect(tabFromHash(hashForTab(tab))).toBe(tab);
  });

  it.each(['', '#', '#tab=', '#tab=Team', '#tab=settings', '#range=90d'])(
    'reads %j as the history tab',
    (hash) => {
      expect(tabFromHash(hash)).toBe('history');
    },
  );

  it('keeps the range when the tab changes, and the tab when the range does', () => {
    const both = hashForRange('90d', hashForTab('team'));
    expect(both).toBe('#tab=team&range=90d');
    expect([tabFromHash(both), rangeFromHash(both)]).toEqual(['team', '90d']);
    expect(hashForTab('history', both)).toBe('#range=90d');
    expect(hashForRange('7d', both)).toBe('#tab=team&range=7d');
  });
});

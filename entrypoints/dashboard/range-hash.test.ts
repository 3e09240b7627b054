import { describe, expect, it } from 'vitest';
import { HISTORY_RANGES } from '@/utils/history/timeline';
import { DEFAULT_RANGE, hashForRange, rangeFromHash } from './range-hash';

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

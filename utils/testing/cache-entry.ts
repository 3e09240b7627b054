/**
 * Test support, imported by test suites only: a cache entry that storage's readers accept as
 * it is (`readCacheEntry`, the storage repair), for suites that need good data to keep.
 */
import type { CacheEntry } from '../api-cache';
import { PILLAR_IDS } from '../ssi/model';

export const READABLE_CACHE_ENTRY: CacheEntry = {
  snapshot: {
    accountId: 'acc_1',
    overall: 67.4,
    pillars: PILLAR_IDS.map((id) => ({ id, score: 16.85, industryAverage: null, networkAverage: null })),
    industry: null,
    network: null,
    profileUrn: null,
    activeSeat: null,
    fetchedAt: 1_700_000_000_000,
  },
  lastError: null,
};

import { describe, expect, it } from 'vitest';
import { readAccountsEntry, readCacheEntry, type CacheEntry } from './api-cache';
import { PILLAR_IDS, type SsiSnapshot } from './ssi/model';

const T0 = Date.parse('2026-03-14T09:00:00.000Z');
const KEY = 'https://api.connectsafely.ai|default';

function makeSnapshot(overrides: Partial<SsiSnapshot> = {}): SsiSnapshot {
  return {
    accountId: '0123456789abcdef01234567',
    overall: 67.41,
    pillars: PILLAR_IDS.map((id, index) => ({
      id,
      score: 15 + index,
      industryAverage: 12.5,
      networkAverage: null,
    })),
    industry: {
      rank: 4,
      averageScore: 41,
      groupSize: 184_233,
      change: -1,
      industryName: 'Computer Software',
    },
    network: { rank: 12, averageScore: null, groupSize: null, change: null, industryName: null },
    profileUrn: 'urn:li:fsd_profile:ACoAAB',
    activeSeat: false,
    fetchedAt: T0,
    ...overrides,
  };
}

const VALID: CacheEntry = {
  snapshot: makeSnapshot(),
  lastError: { error: { code: 'rate-limited', status: 429, retryAt: T0 + 60_000 }, at: T0 },
};

describe('readCacheEntry', () => {
  it.each<{ label: string; entry: CacheEntry }>([
    { label: 'a snapshot and an error', entry: VALID },
    { label: 'a snapshot alone', entry: { snapshot: makeSnapshot(), lastError: null } },
    {
      label: 'an error alone',
      entry: { snapshot: null, lastError: { error: { code: 'no-score' }, at: T0 } },
    },
    {
      label: 'a snapshot without groups',
      entry: { snapshot: makeSnapshot({ industry: null, network: null }), lastError: null },
    },
  ])('reads a valid entry with $label', ({ entry }) => {
    expect(readCacheEntry({ [KEY]: entry }, KEY)).toEqual(entry);
  });

  it('reads only the entry under the given key', () => {
    const other: CacheEntry = { snapshot: makeSnapshot({ overall: 12 }), lastError: null };

    expect(readCacheEntry({ [KEY]: VALID, other }, 'other')).toEqual(other);
  });

  it('returns null for a key that is not there', () => {
    expect(readCacheEntry({ [KEY]: VALID }, 'https://api.connectsafely.ai|acc_2')).toBeNull();
  });

  it.each<{ label: string; cache: unknown }>([
    { label: 'undefined', cache: undefined },
    { label: 'null', cache: null },
    { label: 'a string', cache: 'cache' },
    { label: 'a number', cache: 1 },
    { label: 'an array', cache: [VALID] },
  ])('returns null when the cache is $label', ({ cache }) => {
    expect(readCacheEntry(cache, KEY)).toBeNull();
  });

  const snapshot = makeSnapshot();
  it.each<{ label: string; entry: unknown }>([
    { label: 'null', entry: null },
    { label: 'a string', entry: 'junk' },
    { label: 'a string snapshot', entry: { snapshot: 'junk', lastError: null } },
    { label: 'no lastError field', entry: { snapshot } },
    { label: 'no snapshot field', entry: { lastError: null } },
    { label: 'an overall above 100', entry: { snapshot: { ...snapshot, overall: 101 }, lastError: null } },
    { label: 'a negative overall', entry: { snapshot: { ...snapshot, overall: -1 }, lastError: null } },
    {
      label: 'an infinite overall',
      entry: { snapshot: { ...snapshot, overall: Infinity }, lastError: null },
    },
    {
      label: 'three pillars',
      entry: { snapshot: { ...snapshot, pillars: snapshot.pillars.slice(1) }, lastError: null },
    },
    {
      label: 'an unknown pillar',
      entry: {
        snapshot: { ...snapshot, pillars: snapshot.pillars.map((p) => ({ ...p, id: 'SOMETHING_ELSE' })) },
        lastError: null,
      },
    },
    { label: 'a string fetchedAt', entry: { snapshot: { ...snapshot, fetchedAt: '2026' }, lastError: null } },
    {
      label: 'an unknown error code',
      entry: { snapshot: null, lastError: { error: { code: 'teapot' }, at: T0 } },
    },
    { label: 'an error without a time', entry: { snapshot: null, lastError: { error: { code: 'server' } } } },
  ])('returns null for an entry with $label', ({ entry }) => {
    expect(readCacheEntry({ [KEY]: entry }, KEY)).toBeNull();
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'does not read the prototype key %s as an entry',
    (key) => {
      expect(readCacheEntry({}, key)).toBeNull();
      expect(readCacheEntry({ [KEY]: VALID }, key)).toBeNull();
    },
  );

  it('does not read entries inherited from a prototype', () => {
    const cache: Record<string, unknown> = Object.create({ [KEY]: VALID });

    expect(readCacheEntry(cache, KEY)).toBeNull();
  });
});

describe('readAccountsEntry', () => {
  const ORIGIN = 'https://api.connectsafely.ai';
  const ADA = { id: 'acc_1', name: 'Ada Lovelace', publicId: 'ada', status: 'AVAILABLE', apiSeat: true };

  it('reads a stored list with its time, copying only the known fields', () => {
    const stored = {
      [ORIGIN]: {
        slugs: { acc_1: 'ada' },
        list: { accounts: [{ ...ADA, extra: '<img>' }], at: T0 },
        lastError: null,
      },
    };
    expect(readAccountsEntry(stored, ORIGIN)).toEqual({
      slugs: { acc_1: 'ada' },
      list: { accounts: [ADA], at: T0 },
      lastError: null,
    });
  });

  it('reads an entry of an older version (no list) as having none', () => {
    expect(readAccountsEntry({ [ORIGIN]: { slugs: {}, lastError: null } }, ORIGIN)).toEqual({
      slugs: {},
      list: null,
      lastError: null,
    });
  });

  it.each<[string, unknown]>([
    ['a list that is not an array', { accounts: 'x', at: T0 }],
    ['an account without a name', { accounts: [{ id: 'acc_1' }], at: T0 }],
    ['a seat that is not a flag', { accounts: [{ ...ADA, apiSeat: 'yes' }], at: T0 }],
    ['a list without its time', { accounts: [ADA] }],
  ])('reads an entry with %s as absent', (_name, list) => {
    expect(readAccountsEntry({ [ORIGIN]: { slugs: {}, list, lastError: null } }, ORIGIN)).toBeNull();
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readCacheEntry, type CacheEntry } from '../api-cache';
import { PILLAR_IDS, type SsiSnapshot } from '../ssi/model';
import { ssiCacheItem } from '../storage';
import { createSerialQueue } from './serial-queue';
import { createEntryStore, MAX_CACHE_ENTRIES } from './entry-store';

const T0 = Date.parse('2026-03-14T09:00:00.000Z');

function makeSnapshot(overrides: Partial<SsiSnapshot> = {}): SsiSnapshot {
  return {
    accountId: null,
    overall: 67.41,
    pillars: PILLAR_IDS.map((id) => ({ id, score: 16.5, industryAverage: 12, networkAverage: null })),
    industry: { rank: 4, averageScore: 41, groupSize: 184_233, change: 1, industryName: 'Computer Software' },
    network: null,
    profileUrn: null,
    activeSeat: null,
    fetchedAt: T0,
    ...overrides,
  };
}

function entry(overall: number): CacheEntry {
  return { snapshot: makeSnapshot({ overall }), lastError: null };
}

const slot = (index: number) => `https://api.connectsafely.ai|acc_${index}`;

beforeEach(() => {
  fakeBrowser.reset();
});

/** The SSI cache's store, as the worker makes it. */
const cacheStore = () => createEntryStore(createSerialQueue(), ssiCacheItem, readCacheEntry);

describe('createEntryStore, as the SSI cache', () => {
  it('reads back what it wrote', async () => {
    const store = cacheStore();
    const written: CacheEntry = {
      snapshot: makeSnapshot(),
      lastError: { error: { code: 'server', status: 503 }, at: T0 + 1 },
    };

    await store.write(slot(1), written);

    expect(await store.read(slot(1))).toEqual(written);
    expect(await store.read(slot(2))).toBeNull();
  });

  it('keeps the cache in storage.local under ssiCache', async () => {
    const store = cacheStore();

    await store.write(slot(1), entry(50));

    const raw = await fakeBrowser.storage.local.get('ssiCache');
    expect(raw.ssiCache).toEqual({ [slot(1)]: entry(50) });
  });

  it('replaces an entry written again', async () => {
    const store = cacheStore();

    await store.write(slot(1), entry(50));
    await store.write(slot(1), entry(60));

    expect((await store.read(slot(1)))?.snapshot?.overall).toBe(60);
  });

  it('loses no write when several run at once', async () => {
    const store = cacheStore();
    const slots = Array.from({ length: 8 }, (_, index) => slot(index));

    await Promise.all(slots.map((key, index) => store.write(key, entry(index * 10))));

    for (const [index, key] of slots.entries()) {
      expect((await store.read(key))?.snapshot?.overall).toBe(index * 10);
    }
  });

  it(`keeps at most ${MAX_CACHE_ENTRIES} entries, dropping the least recently written`, async () => {
    const store = cacheStore();
    for (let index = 0; index < MAX_CACHE_ENTRIES + 3; index++)
      await store.write(slot(index), entry(index % 100));

    const cache = await ssiCacheItem.getValue();

    expect(Object.keys(cache)).toHaveLength(MAX_CACHE_ENTRIES);
    for (const index of [0, 1, 2]) expect(await store.read(slot(index))).toBeNull();
    for (const index of [3, MAX_CACHE_ENTRIES + 2]) expect(await store.read(slot(index))).not.toBeNull();
  });

  it('never drops a pinned entry to make room, however many others are written', async () => {
    const store = createEntryStore(createSerialQueue(), ssiCacheItem, readCacheEntry, async () => [
      slot(0),
      slot(1),
    ]);
    for (let index = 0; index < MAX_CACHE_ENTRIES * 2; index++)
      await store.write(slot(index), entry(index % 100));

    expect(Object.keys(await ssiCacheItem.getValue())).toHaveLength(MAX_CACHE_ENTRIES);
    for (const index of [0, 1, MAX_CACHE_ENTRIES * 2 - 1])
      expect(await store.read(slot(index))).not.toBeNull();
    expect(await store.read(slot(2))).toBeNull();
  });

  it('counts a rewrite as recent, so a rewritten entry outlives older ones', async () => {
    const store = cacheStore();
    for (let index = 0; index < MAX_CACHE_ENTRIES; index++) await store.write(slot(index), entry(index));

    await store.write(slot(0), entry(99));
    await store.write(slot(MAX_CACHE_ENTRIES), entry(100));

    expect((await store.read(slot(0)))?.snapshot?.overall).toBe(99);
    expect(await store.read(slot(1))).toBeNull();
    expect(Object.keys(await ssiCacheItem.getValue())).toHaveLength(MAX_CACHE_ENTRIES);
  });

  it.each<{ label: string; stored: unknown }>([
    { label: 'a string snapshot', stored: { snapshot: 'junk' } },
    { label: 'a missing lastError', stored: { snapshot: makeSnapshot() } },
    { label: 'an out-of-range score', stored: { snapshot: makeSnapshot({ overall: 140 }), lastError: null } },
    {
      label: 'an unknown error code',
      stored: { snapshot: null, lastError: { error: { code: 'teapot' }, at: T0 } },
    },
    { label: 'null', stored: null },
    { label: 'a number', stored: 42 },
  ])('reads an entry holding $label as absent', async ({ stored }) => {
    await fakeBrowser.storage.local.set({ ssiCache: { k: stored } });
    const store = cacheStore();

    expect(await store.read('k')).toBeNull();
  });

  it('still writes when the stored cache holds garbage', async () => {
    await fakeBrowser.storage.local.set({ ssiCache: { k: { snapshot: 'junk' } } });
    const store = cacheStore();

    await store.write(slot(1), entry(70));

    expect((await store.read(slot(1)))?.snapshot?.overall).toBe(70);
  });

  it.each([
    ['a string', 'junk'],
    ['an array', [1, 2]],
    ['a number', 7],
  ])('replaces a cache that is %s instead of spreading it into entries', async (_label, stored) => {
    await fakeBrowser.storage.local.set({ ssiCache: stored });
    const store = cacheStore();

    await store.write(slot(1), entry(70));

    expect(Object.keys((await ssiCacheItem.getValue()) ?? {})).toEqual([slot(1)]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { encodeHistory, historyStorageKey } from '../history/codec';
import { createSerialQueue } from './serial-queue';
import { readingOn, readingsUntil } from '../testing/readings';
import { createHistoryStore } from './history-store';

beforeEach(() => {
  fakeBrowser.reset();
});

function store() {
  return createHistoryStore(createSerialQueue(), browser.storage.local);
}

describe('the history store', () => {
  it('records a reading under its account, and reads it back', async () => {
    const history = store();
    await history.record(readingOn('2026-12-01', 60));
    await history.record(readingOn('2026-12-02', 61, { accountId: 'acc-2' }));
    expect(await history.read('acc-1')).toEqual([readingOn('2026-12-01', 60)]);
    expect(await history.read('acc-2')).toEqual([readingOn('2026-12-02', 61, { accountId: 'acc-2' })]);
    expect(Object.keys(await browser.storage.local.get(null)).sort()).toEqual([
      'history:acc-1',
      'history:acc-2',
    ]);
  });

  it('records nothing when its guard says no, as after "Delete all data"; asks inside the queue', async () => {
    const enqueue = createSerialQueue();
    let keySaved = true;
    const history = createHistoryStore(enqueue, browser.storage.local, async () => keySaved);
    // A deletion queued before the reading: the guard must be asked after it ran.
    const deletion = enqueue(async () => {
      keySaved = false;
    });
    const previous = await history.record(readingOn('2026-12-01', 60));
    await deletion;
    expect(previous).toBeUndefined();
    expect(await browser.storage.local.get(null)).toEqual({});
  });

  it('loses no reading when many are recorded at once', async () => {
    const history = store();
    await Promise.all(readingsUntil('2026-12-02', 20).map((reading) => history.record(reading)));
    expect(await history.read('acc-1')).toHaveLength(20);
  });

  it('merges an import by account and day, keeps recorded days, and says how many it added', async () => {
    const history = store();
    await history.record(readingOn('2026-12-01', 60));
    const added = await history.merge([
      readingOn('2026-11-30', 10, { at: null }),
      readingOn('2026-12-01', 11, { at: null }),
      readingOn('2026-12-01', 12, { at: null, accountId: 'acc-2' }),
    ]);
    expect(added).toBe(2);
    expect((await history.read('acc-1')).map((day) => [day.day, day.overall])).toEqual([
      ['2026-11-30', 10],
      ['2026-12-01', 60],
    ]);
    expect((await history.read('acc-2')).map((day) => day.overall)).toEqual([12]);
  });

  it('writes nothing when an import adds nothing', async () => {
    const history = store();
    await history.record(readingOn('2026-12-01', 60));
    const before = await browser.storage.local.get(null);
    expect(await history.merge([readingOn('2026-12-01', 11, { at: null })])).toBe(0);
    expect(await browser.storage.local.get(null)).toEqual(before);
  });

  it('reads a damaged history as what is left of it, and a missing one as empty', async () => {
    const stored = encodeHistory('acc-1', [readingOn('2026-12-01'), readingOn('2026-12-02')]);
    await browser.storage.local.set({
      [historyStorageKey('acc-1')]: { ...stored, days: [stored.days[0], 'junk'] },
    });
    expect((await store().read('acc-1')).map((day) => day.day)).toEqual(['2026-12-01']);
    expect(await store().read('nobody')).toEqual([]);
  });
});

describe('what recording tells', () => {
  it('the reading of the last day recorded before the new one', async () => {
    const history = createHistoryStore(createSerialQueue(), browser.storage.local);
    expect(await history.record(readingOn('2026-11-29', 50))).toBeUndefined();
    await history.record(readingOn('2026-11-30', 52));
    expect((await history.record(readingOn('2026-12-02', 55)))?.day).toBe('2026-11-30');
    // A second reading of a day still compares with the day before it, not with itself.
    expect(
      (await history.record(readingOn('2026-12-02', 56, { at: Date.parse('2026-12-02T20:00:00Z') })))?.day,
    ).toBe('2026-11-30');
  });
});

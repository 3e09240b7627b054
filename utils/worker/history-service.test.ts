import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { encodeHistory } from '../history/codec';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { readingOn, readingsUntil } from '../testing/readings';
import { makeSnapshot } from '../testing/snapshot';
import { createHistoryService } from './history-service';
import { createHistoryStore } from './history-store';
import type { Notifier } from './notifications';
import { createSerialQueue } from './serial-queue';

const NOW = Date.parse('2026-12-02T10:00:00Z');

beforeEach(() => {
  fakeBrowser.reset();
});

function setup() {
  const history = createHistoryStore(createSerialQueue(), browser.storage.local);
  const notifier = { tell: vi.fn<Notifier['tell']>(async () => []) };
  const setGoal = vi.fn(async () => {});
  const service = createHistoryService({ history, notifier, setGoal, now: () => NOW, timeZone: 'UTC' });
  return { history, notifier, setGoal, service };
}

const settings = (change: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...change });

describe('the history service', () => {
  it('records a good reading under the account the API answered for, on its local day', async () => {
    const h = setup();
    await h.service.record(makeSnapshot({ accountId: 'acc_9', overall: 61 }), settings());
    expect((await h.history.read('acc_9')).map((day) => [day.day, day.overall])).toEqual([
      ['2026-12-02', 61],
    ]);
  });

  it("records the key's default account as `default` when the API does not say which", async () => {
    const h = setup();
    await h.service.record(makeSnapshot({ accountId: null }), settings());
    expect(await h.history.read('default')).toHaveLength(1);
  });

  it('tells the user what a reading changed only with notifications on, against the day before', async () => {
    const h = setup();
    await h.history.record(readingOn('2026-12-01', 50, { accountId: 'acc-1', industryRank: 12 }));
    const snapshot = makeSnapshot({ overall: 56 });

    await h.service.record(snapshot, settings());
    expect(h.notifier.tell).not.toHaveBeenCalled();

    await h.service.record(
      { ...snapshot, fetchedAt: snapshot.fetchedAt + 1 },
      settings({ notifications: true, notifyThreshold: 5 }),
    );
    const alerts = h.notifier.tell.mock.calls[0]![0];
    expect(alerts.map((alert) => alert.id)).toEqual([
      'score:acc-1:2026-12-02',
      'rank:industry:acc-1:2026-12-02',
      'rank:network:acc-1:2026-12-02',
    ]);
  });

  it("records another account's reading without telling the user: notifications speak of their own SSI", async () => {
    const h = setup();
    await h.history.record(readingOn('2026-12-01', 50, { accountId: 'acc-1' }));

    await h.service.record(
      makeSnapshot({ overall: 70 }),
      settings({ notifications: true, notifyThreshold: 1 }),
      {
        notify: false,
      },
    );

    expect(h.notifier.tell).not.toHaveBeenCalled();
    expect(await h.history.read('acc-1')).toHaveLength(2);
  });

  it('merges histories in their stored layout, all of them: says how many days it added', async () => {
    const h = setup();
    await h.history.record(readingOn('2026-11-30', 60));
    const imported = [
      encodeHistory('acc-1', readingsUntil('2026-12-01', 5)),
      encodeHistory(
        'acc-2',
        readingsUntil('2026-12-01', 2).map((day) => ({ ...day, accountId: 'acc-2' })),
      ),
    ];
    expect(await h.service.import(imported)).toBe(6);
    expect(await h.history.read('acc-1')).toHaveLength(5);
    expect(await h.history.read('acc-2')).toHaveLength(2);
  });

  it.each([
    ['a day in the future', [encodeHistory('acc-1', [readingOn('2026-12-03', 60)])]],
    ['a day out of shape', [{ ...encodeHistory('acc-1', []), days: [['2026-12-01', null, 900]] }]],
    ['something else', ['garbage']],
    ['one good history and one bad', [encodeHistory('acc-1', readingsUntil('2026-12-01', 3)), { v: 1 }]],
  ])('refuses %s whole, and changes nothing', async (_, histories) => {
    const h = setup();
    await h.history.record(readingOn('2026-11-30', 60));
    const before = await browser.storage.local.get(null);
    expect(await h.service.import(histories)).toBeNull();
    expect(await browser.storage.local.get(null)).toEqual(before);
  });

  it("sends the week's summary of the account, and nothing without a reading this week", async () => {
    const h = setup();
    await h.service.tellWeeklySummary('acc-1');
    expect(h.notifier.tell).not.toHaveBeenCalled();
    await h.history.record(readingOn('2026-12-01', 60));
    await h.service.tellWeeklySummary('acc-1');
    expect(h.notifier.tell.mock.calls[0]![0][0]).toMatchObject({
      id: 'weekly:acc-1:2026-12-02',
      title: 'Your SSI this week: 60',
    });
  });

  it('never rejects when storage refuses to record', async () => {
    const h = setup();
    vi.spyOn(browser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(h.service.record(makeSnapshot(), settings())).resolves.toBeUndefined();
  });
});

// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { encodeHistory, historyStorageKey } from '@/utils/history/codec';
import { readingsUntil } from '@/utils/testing/readings';
import { createBrowserPort } from './port';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.useRealTimers());

describe('the browser port', () => {
  it("reads the current account's history from storage.local", async () => {
    const days = readingsUntil('2026-12-01', 2).map((day) => ({ ...day, accountId: 'acc-7' }));
    await fakeBrowser.storage.local.set({
      settings: { accountId: 'acc-7' },
      [historyStorageKey('acc-7')]: encodeHistory('acc-7', days),
    });
    const stored = await createBrowserPort().read();
    expect(stored.accountId).toBe('acc-7');
    expect(stored.days).toHaveLength(2);
  });

  it("reads each account's history for the Team, none where the key holds another account's or nothing", async () => {
    const days = readingsUntil('2026-12-01', 3).map((day) => ({ ...day, accountId: 'acc-7' }));
    await fakeBrowser.storage.local.set({
      [historyStorageKey('acc-7')]: encodeHistory('acc-7', days),
      [historyStorageKey('acc-8')]: encodeHistory('acc-7', days),
    });
    const histories = await createBrowserPort().readHistories(['acc-7', 'acc-8', 'acc-9']);
    expect(Object.keys(histories)).toEqual(['acc-7', 'acc-8', 'acc-9']);
    expect(histories['acc-7']).toHaveLength(3);
    expect(histories['acc-8']).toEqual([]);
    expect(histories['acc-9']).toEqual([]);
  });

  it('tells of the changes of storage.local that matter, and stops when unwatched', async () => {
    const onChange = vi.fn();
    const unwatch = createBrowserPort().watch(onChange);
    await fakeBrowser.storage.local.set({ ssiCache: {} });
    await fakeBrowser.storage.local.set({ [historyStorageKey('acc-1')]: null });
    await fakeBrowser.storage.local.set({ accounts: {} });
    await fakeBrowser.storage.local.set({ notifiedAlerts: [] });
    await fakeBrowser.storage.session.set({ settings: {} });
    expect(onChange.mock.calls).toEqual([[{ reading: true }], [{ reading: false }], [{ reading: false }]]);
    unwatch();
    await fakeBrowser.storage.local.set({ goals: {} });
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it('saves a file through a blob URL and a link with `download`, then lets the URL go', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:chrome-extension://id/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { name: string; href: string; inPage: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ name: this.download, href: this.href, inPage: this.isConnected });
    });

    createBrowserPort().download({ name: 'ssi-history-2026-12-02.csv', type: 'text/csv', text: 'date\r\n' });

    expect(create).toHaveBeenCalledTimes(1);
    await expect(blobs[0]!.text()).resolves.toBe('date\r\n');
    expect(blobs[0]!.type).toBe('text/csv');
    expect(clicked).toEqual([
      { name: 'ssi-history-2026-12-02.csv', href: 'blob:chrome-extension://id/1', inPage: true },
    ]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:chrome-extension://id/1');
  });
});

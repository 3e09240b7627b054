import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { encodeHistory, historyStorageKey } from '../history/codec';
import { DEFAULT_SETTINGS } from '../settings';
import { lastExchangeItem, profileBadgeTabsItem } from '../storage';
import { READABLE_CACHE_ENTRY } from '../testing/cache-entry';
import { readingOn } from '../testing/readings';
import { createDataDeletion } from './data-deletion';
import { createStorageWriters } from './storage-writers';
import { PRODUCT_NAME } from './toolbar-badge';

const KEY = 'sk_live_0123456789abcdef';
const PRODUCTION = 'https://api.connectsafely.ai/*';
const SANDBOX = 'https://sandbox.api.connectsafely.ai/*';
const PROXY = 'https://proxy.example.com:8443/*';

/** Everything a user of some weeks has in `storage.local`. */
const EVERYTHING = {
  schemaVersion: 4,
  apiKey: KEY,
  settings: { ...DEFAULT_SETTINGS, apiBaseUrl: 'https://sandbox.api.connectsafely.ai', notifications: true },
  ssiCache: { 'https://sandbox.api.connectsafely.ai|': READABLE_CACHE_ENTRY },
  accounts: { 'https://sandbox.api.connectsafely.ai': { slugs: { acc_1: 'ada' }, lastError: null } },
  [historyStorageKey('acc_1')]: encodeHistory('acc_1', [readingOn('2026-12-01', 60)]),
  goals: { acc_1: { target: 75, by: '2027-03-01' } },
  notifiedAlerts: ['acc_1|2026-12-01|move'],
};

/** The browser's permissions, as `permissions.getAll` and `remove` see them. */
function grantPermissions(granted: { origins: string[]; permissions: string[] }) {
  const held = { origins: [...granted.origins], permissions: [...granted.permissions] };
  const remove = vi
    .spyOn(fakeBrowser.permissions, 'remove')
    .mockImplementation(async ({ origins = [], permissions = [] }) => {
      // Chromium refuses to remove what the manifest requires.
      if (origins.includes(PRODUCTION)) throw new Error('You cannot remove required permissions.');
      held.origins = held.origins.filter((origin) => !origins.includes(origin));
      held.permissions = held.permissions.filter((name) => !(permissions as string[]).includes(name));
      return true;
    });
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation(async () => ({
    origins: [...held.origins],
    permissions: [...held.permissions],
  }));
  return { held, remove };
}

function setup(options: { clearLocal?: () => Promise<void> } = {}) {
  const writers = createStorageWriters();
  const seenAtNotice: Record<string, unknown>[] = [];
  const notifyTabs = vi.fn(async () => {
    seenAtNotice.push(await fakeBrowser.storage.local.get(null));
  });
  const deletion = createDataDeletion({
    clearLocal: options.clearLocal ?? writers.clearAll,
    notifyTabs,
    requiredOrigins: [PRODUCTION],
  });
  return { writers, deletion, notifyTabs, seenAtNotice };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(EVERYTHING);
  await lastExchangeItem.setValue({
    request: { url: 'https://sandbox.api.connectsafely.ai/linkedin/ssi' },
  } as never);
  await profileBadgeTabsItem.setValue([7, 9]);
  await fakeBrowser.alarms.create('ssi-refresh', { periodInMinutes: 360 });
  await fakeBrowser.alarms.create('ssi-weekly-summary', { periodInMinutes: 10080 });
  await fakeBrowser.action.setBadgeText({ text: '67' });
  await fakeBrowser.action.setTitle({ title: `${PRODUCT_NAME}: your SSI is 67 of 100` });
});

describe('deleteAll', () => {
  it('empties storage.local whole: key, settings, cache, accounts, history, goals, alerts, version', async () => {
    grantPermissions({ origins: [PRODUCTION], permissions: ['storage', 'alarms'] });
    const h = setup();

    await expect(h.deletion.deleteAll()).resolves.toEqual({ ok: true, value: null });

    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it("forgets the last API exchange, and keeps the tabs to tell (they hold no data of the user's)", async () => {
    grantPermissions({ origins: [PRODUCTION], permissions: [] });
    await setup().deletion.deleteAll();

    expect(await fakeBrowser.storage.session.get(null)).toEqual({ profileBadgeTabs: [7, 9] });
  });

  it('clears the alarms and the toolbar badge', async () => {
    grantPermissions({ origins: [PRODUCTION], permissions: [] });
    await setup().deletion.deleteAll();

    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe(PRODUCT_NAME);
  });

  it('tells the LinkedIn tabs once storage is empty, so the badge asks again and finds nothing', async () => {
    grantPermissions({ origins: [PRODUCTION], permissions: [] });
    const h = setup();

    await h.deletion.deleteAll();

    expect(h.notifyTabs).toHaveBeenCalledTimes(1);
    expect(h.seenAtNotice).toEqual([{}]);
  });

  it('gives back the optional permissions granted (sandbox, custom origin, notifications), never the required host', async () => {
    const { held, remove } = grantPermissions({
      origins: [PRODUCTION, SANDBOX, PROXY],
      permissions: ['storage', 'alarms', 'notifications'],
    });

    await setup().deletion.deleteAll();

    expect(held).toEqual({ origins: [PRODUCTION], permissions: ['storage', 'alarms'] });
    expect(remove).toHaveBeenCalledWith({ origins: [SANDBOX, PROXY] });
    expect(remove).toHaveBeenCalledWith({ permissions: ['notifications'] });
  });

  it('asks to remove nothing when no optional permission is held', async () => {
    const { remove } = grantPermissions({ origins: [PRODUCTION], permissions: ['storage', 'alarms'] });

    await setup().deletion.deleteAll();

    expect(remove).not.toHaveBeenCalled();
  });

  it('still deletes everything when the browser refuses to give back a permission', async () => {
    const { remove } = grantPermissions({ origins: [PRODUCTION, SANDBOX], permissions: ['notifications'] });
    remove.mockRejectedValue(new Error('the browser said no'));
    const h = setup();

    await expect(h.deletion.deleteAll()).resolves.toEqual({ ok: true, value: null });

    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    expect(h.notifyTabs).toHaveBeenCalledTimes(1);
  });

  it('fails as storage-failed when storage cannot be emptied, and then changes nothing else', async () => {
    const { remove } = grantPermissions({ origins: [PRODUCTION, SANDBOX], permissions: [] });
    const h = setup({
      clearLocal: async () => {
        throw new Error('IO error: the disk is full');
      },
    });

    await expect(h.deletion.deleteAll()).resolves.toEqual({ ok: false, error: { code: 'storage-failed' } });

    expect(await fakeBrowser.storage.local.get(null)).toEqual(EVERYTHING);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(2);
    expect(remove).not.toHaveBeenCalled();
    expect(h.notifyTabs).not.toHaveBeenCalled();
  });

  it('lands after a write already under way, never under it: a key being saved is deleted too', async () => {
    grantPermissions({ origins: [PRODUCTION], permissions: [] });
    await fakeBrowser.storage.local.clear();
    const h = setup();

    const saving = h.writers.saveConfig({ ...DEFAULT_SETTINGS }, KEY);
    const deleting = h.deletion.deleteAll();
    await Promise.all([saving, deleting]);

    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('leaves no history behind when a reading arrives as it runs', async () => {
    grantPermissions({ origins: [PRODUCTION], permissions: [] });
    const h = setup();

    const deleting = h.deletion.deleteAll();
    const recording = h.writers.history.record(readingOn('2026-12-02', 61));
    await Promise.all([deleting, recording]);

    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describeError } from '../../errors';
import { apiKeyItem } from '../secrets';
import { DEFAULT_SETTINGS } from '../../settings';
import { settingsItem } from '../../storage';
import { readSavedConfig } from '../saved-config';
import { createDataDeletion } from '../data-deletion';
import { createSettingsHandlers } from '../settings-handlers';
import { createStorageWriters } from '../storage-writers';
import type { SsiClient } from '../api/client';
import type { DescribedSsiState } from '../../messaging/protocol';
import { MAX_MESSAGE_BYTES } from '../../messaging/protocol';
import { createMessageRouter, type Handlers } from './router';
import type { SenderFacts } from './senders';

const SELF = { id: 'our-extension-id', origin: 'chrome-extension://our-extension-id' };
const KEY = 'sk_live_secret_0123456789';
const ATTACKER_KEY = 'attacker-key-987654321';

const SENDERS: Record<string, SenderFacts> = {
  'another extension': {
    id: 'other-extension',
    url: 'chrome-extension://other-extension/page.html',
    origin: 'chrome-extension://other-extension',
  },
  'a web page': {
    id: SELF.id,
    url: 'https://evil.example/',
    origin: 'https://evil.example',
    frameId: 0,
    tab: { id: 4 },
  },
  'a LinkedIn subframe': {
    id: SELF.id,
    url: 'https://www.linkedin.com/embed/',
    origin: 'https://www.linkedin.com',
    frameId: 3,
    tab: { id: 5 },
  },
  'a LinkedIn look-alike host': {
    id: SELF.id,
    url: 'https://www.linkedin.com.evil.example/in/x/',
    origin: 'https://www.linkedin.com.evil.example',
    frameId: 0,
    tab: { id: 6 },
  },
  'plain-http LinkedIn': {
    id: SELF.id,
    url: 'http://www.linkedin.com/in/x/',
    origin: 'http://www.linkedin.com',
    frameId: 0,
    tab: { id: 7 },
  },
  'a sender without an id': { url: `${SELF.origin}/popup.html`, origin: SELF.origin },
  "another extension's page claiming our URL": {
    id: 'other-extension',
    url: `${SELF.origin}/options.html`,
    origin: SELF.origin,
  },
};

const LINKEDIN_TAB: SenderFacts = {
  id: SELF.id,
  url: 'https://www.linkedin.com/in/ada/',
  origin: 'https://www.linkedin.com',
  frameId: 0,
  tab: { id: 9 },
};

const SAVE = {
  type: 'settings:save',
  payload: {
    settings: { ...DEFAULT_SETTINGS, apiBaseUrl: 'https://evil.example' },
    apiKey: { action: 'set', value: ATTACKER_KEY },
  },
};
const REQUESTS: Record<string, unknown> = {
  'a settings change': SAVE,
  'the settings': { type: 'settings:get', payload: null },
  'a connection test': {
    type: 'connection:test',
    payload: { apiBaseUrl: 'https://evil.example', accountId: '' },
  },
  'the debug record': { type: 'debug:get', payload: null },
  'a score': { type: 'ssi:get', payload: { refresh: true } },
  'the deletion of all data': { type: 'data:delete-all', payload: null },
};

function setup() {
  const log = vi.fn();
  const client: SsiClient = {
    getSsi: vi.fn(),
    listAccounts: vi.fn(async () => ({ ok: true as const, value: [] })),
    getAccountStatus: vi.fn(),
  };
  const writers = createStorageWriters();
  const settings = createSettingsHandlers({
    client,
    mayCall: async () => true,
    store: { read: readSavedConfig, save: writers.saveConfig, select: writers.selectAccount },
  });
  // The real deletion: a forged request that got through would leave storage empty.
  const deletion = createDataDeletion({
    clearLocal: writers.clearAll,
    notifyTabs: async () => {},
    requiredOrigins: [],
  });
  const ssi = vi.fn(async (): Promise<DescribedSsiState> => ({
    snapshot: null,
    error: null,
    errorAt: null,
    stale: false,
    refreshing: false,
    problem: null,
  }));
  const handlers: Handlers = {
    'ssi:get': ssi,
    'profile-badge:get': vi.fn(),
    'page:open': vi.fn(async () => null),
    'settings:get': () => settings.getSettings(),
    'debug:get': vi.fn(async () => null),
    'accounts:get': vi.fn(),
    'account:select': vi.fn(),
    'settings:save': (payload) => settings.saveSettings(payload),
    'history:import': vi.fn(async () => ({ ok: true as const, value: { added: 0 } })),
    'goal:set': vi.fn(async () => null),
    'data:delete-all': () => deletion.deleteAll(),
    'connection:test': async (payload) => {
      const result = await settings.testConnection(payload);
      return result.ok
        ? result
        : { ok: false, error: { code: result.error.code, ...describeError(result.error) } };
    },
  };
  return { route: createMessageRouter(handlers, SELF, log), log, client, ssi };
}

const everything = () => fakeBrowser.storage.local.get(null);

beforeEach(async () => {
  fakeBrowser.reset();
  await apiKeyItem.setValue(KEY);
  await settingsItem.setValue({ ...DEFAULT_SETTINGS });
});

const CASES = Object.entries(SENDERS).flatMap(([sender, facts]) =>
  Object.entries(REQUESTS).map(([request, message]) => [sender, request, facts, message] as const),
);

describe('Forged and stray messages', () => {
  it('an extension page is trusted with the same requests (so the refusals above are about the sender)', async () => {
    const h = setup();
    const page: SenderFacts = { id: SELF.id, url: `${SELF.origin}/options.html`, origin: SELF.origin };
    expect(await h.route(REQUESTS['the settings'], page)).toMatchObject({
      ok: true,
      value: { hasApiKey: true },
    });
    expect(await h.route(SAVE, page)).toMatchObject({ ok: true });
    expect(await apiKeyItem.getValue()).toBe(ATTACKER_KEY);
  });

  it.each(CASES)(
    '%s asking for %s is refused, changes nothing, and is logged without secrets',
    async (_s, _r, facts, message) => {
      const h = setup();
      const before = await everything();

      const reply = await h.route(message, facts);

      expect(reply).toMatchObject({ ok: false, error: { code: 'refused' } });
      expect(await everything()).toEqual(before);
      expect(h.client.listAccounts).not.toHaveBeenCalled();
      expect(h.ssi).not.toHaveBeenCalled();
      expect(h.log).toHaveBeenCalledTimes(1);
      const logged = JSON.stringify(h.log.mock.calls);
      expect(logged).not.toContain(KEY);
      expect(logged).not.toContain(ATTACKER_KEY);
    },
  );

  it.each(Object.entries(REQUESTS))(
    'our own LinkedIn content script asking for %s is refused too',
    async (_name, message) => {
      const h = setup();
      const before = await everything();
      expect(await h.route(message, LINKEDIN_TAB)).toMatchObject({ ok: false, error: { code: 'refused' } });
      expect(await everything()).toEqual(before);
    },
  );

  it.each<[string, unknown]>([
    ['an unknown type', { type: 'key:get', payload: null }],
    ['a type from the prototype', { type: 'constructor', payload: null }],
    ['no type', { payload: {} }],
    ['null', null],
    ['a string', 'settings:get'],
    ['an array', ['settings:get']],
    ['a malformed payload', { type: 'settings:save', payload: { settings: 'all of them' } }],
    ['extra payload fields', { type: 'ssi:get', payload: { refresh: true, apiKey: KEY } }],
    [
      'a key action "set" without a key',
      { type: 'settings:save', payload: { settings: { ...DEFAULT_SETTINGS }, apiKey: { action: 'set' } } },
    ],
    [
      'a key action "keep" that smuggles a key',
      {
        type: 'settings:save',
        payload: { settings: { ...DEFAULT_SETTINGS }, apiKey: { action: 'keep', value: KEY } },
      },
    ],
    [
      'an oversized message',
      { type: 'ssi:get', payload: { refresh: true }, pad: 'x'.repeat(MAX_MESSAGE_BYTES) },
    ],
  ])('a stray message (%s), even from an extension page, is refused', async (_name, message) => {
    const h = setup();
    const page: SenderFacts = { id: SELF.id, url: `${SELF.origin}/popup.html`, origin: SELF.origin };
    const before = await everything();
    expect(await h.route(message, page)).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await everything()).toEqual(before);
    // Refused for what it is, not for who sent it: the page is trusted.
    expect(h.log.mock.calls[0]?.[0]).not.toBe('sender not allowed');
    expect(JSON.stringify(h.log.mock.calls)).not.toContain(KEY);
  });
});

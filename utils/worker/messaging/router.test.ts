import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../settings';
import { PRODUCTION_API } from '../../api-origin';
import type { SsiState } from '../../ssi/state';
import type { ProfileBadgeState, MessageType, PublicSettings, SenderKind } from '../../messaging/protocol';
import { MAX_IMPORT_BYTES } from '../../history/history-file';
import { MAX_MESSAGE_BYTES } from '../../messaging/protocol';
import { createMessageRouter, type CallContext, type Handlers } from './router';
import { LINKEDIN_ORIGIN, type ExtensionIdentity, type SenderFacts } from './senders';

const SELF_ID = 'abcdefghijklmnopabcdefghijklmnop';
const SELF_ORIGIN = `chrome-extension://${SELF_ID}`;
const SELF: ExtensionIdentity = { id: SELF_ID, origin: SELF_ORIGIN };

// Node gives chrome-extension: URLs an opaque origin; senders.ts reads them like Chrome.

const FAKE_KEY = 'sk_live_FORGED_SECRET_5f3a9c';

const SENDERS: Record<SenderKind | 'forged', SenderFacts> = {
  'extension-page': { id: SELF_ID, url: `${SELF_ORIGIN}/options.html`, origin: SELF_ORIGIN },
  'linkedin-tab': {
    id: SELF_ID,
    url: 'https://www.linkedin.com/in/jane-doe/',
    origin: LINKEDIN_ORIGIN,
    frameId: 0,
    tab: { id: 42, url: 'https://www.linkedin.com/in/jane-doe/' },
  },
  forged: {
    id: SELF_ID,
    url: 'https://evil.example/',
    origin: 'https://evil.example',
    frameId: 0,
    tab: { id: 9 },
  },
};

const VALID_PAYLOADS: { [T in MessageType]: unknown } = {
  'ssi:get': { refresh: false },
  'profile-badge:get': { refresh: false },
  'page:open': { page: 'settings' },
  'settings:get': null,
  'accounts:get': { refresh: false },
  'account:select': { accountId: '6650a1f3c2e4b5d6a7980b2d' },
  'debug:get': null,
  'settings:save': { settings: { ...DEFAULT_SETTINGS }, apiKey: { action: 'set', value: FAKE_KEY } },
  'connection:test': { apiBaseUrl: PRODUCTION_API, accountId: '', apiKey: FAKE_KEY },
  'history:import': { histories: [{ v: 1, accountId: 'acc_1', days: [] }] },
  'goal:set': { accountId: 'acc_1', goal: { target: 70, by: '2027-03-01' } },
  'data:delete-all': null,
};

const VIEW: SsiState = { snapshot: null, error: null, errorAt: null, stale: false, refreshing: false };
const PUBLIC_SETTINGS: PublicSettings = { ...DEFAULT_SETTINGS, hasApiKey: true };
const BADGE: ProfileBadgeState = {
  show: true,
  ssi: VIEW,
  problem: null,
  account: { profileUrn: null, publicId: 'jane-doe' },
};

function setup() {
  const handlers: { [T in MessageType]: ReturnType<typeof vi.fn<Handlers[T]>> } = {
    'ssi:get': vi.fn<Handlers['ssi:get']>(async () => ({ ...VIEW, problem: null })),
    'profile-badge:get': vi.fn<Handlers['profile-badge:get']>(async () => BADGE),
    'page:open': vi.fn<Handlers['page:open']>(async () => null),
    'settings:get': vi.fn<Handlers['settings:get']>(async () => PUBLIC_SETTINGS),
    'accounts:get': vi.fn<Handlers['accounts:get']>(async () => ({
      accounts: [],
      defaultAccountId: null,
      problem: null,
    })),
    'account:select': vi.fn<Handlers['account:select']>(async () => ({ ok: true, value: null })),
    'debug:get': vi.fn<Handlers['debug:get']>(async () => null),
    'settings:save': vi.fn<Handlers['settings:save']>(async () => ({ ok: true, value: PUBLIC_SETTINGS })),
    'connection:test': vi.fn<Handlers['connection:test']>(async () => ({
      ok: true,
      value: { summary: 'Connected.' },
    })),
    'history:import': vi.fn<Handlers['history:import']>(async () => ({ ok: true, value: { added: 0 } })),
    'goal:set': vi.fn<Handlers['goal:set']>(async () => null),
    'data:delete-all': vi.fn<Handlers['data:delete-all']>(async () => ({ ok: true, value: null })),
  };
  const log = vi.fn<(reason: string, facts: { type: string; origin: string | null }) => void>();
  const route = createMessageRouter(handlers, SELF, log);
  const handlerCalls = () =>
    Object.values(handlers).reduce((sum, handler) => sum + handler.mock.calls.length, 0);
  return { handlers, log, route, handlerCalls };
}

let h: ReturnType<typeof setup>;

beforeEach(() => {
  h = setup();
});

function expectRefusedUnread(reply: unknown, reason: string) {
  expect(reply).toMatchObject({ ok: false, error: { code: 'refused' } });
  expect(h.handlerCalls()).toBe(0);
  expect(h.log).toHaveBeenCalledTimes(1);
  expect(h.log.mock.calls[0]?.[0]).toBe(reason);
  const logged = JSON.stringify(h.log.mock.calls);
  expect(logged).not.toContain(FAKE_KEY);
  expect(JSON.stringify(reply)).not.toContain(FAKE_KEY);
}

describe('createMessageRouter', () => {
  describe('who may send what', () => {
    const table: Array<{ type: MessageType; sender: SenderKind | 'forged'; allowed: boolean }> = [
      { type: 'ssi:get', sender: 'extension-page', allowed: true },
      { type: 'ssi:get', sender: 'linkedin-tab', allowed: false },
      { type: 'ssi:get', sender: 'forged', allowed: false },
      { type: 'profile-badge:get', sender: 'extension-page', allowed: false },
      { type: 'profile-badge:get', sender: 'linkedin-tab', allowed: true },
      { type: 'profile-badge:get', sender: 'forged', allowed: false },
      { type: 'page:open', sender: 'extension-page', allowed: true },
      { type: 'page:open', sender: 'linkedin-tab', allowed: true },
      { type: 'page:open', sender: 'forged', allowed: false },
      { type: 'settings:get', sender: 'extension-page', allowed: true },
      { type: 'settings:get', sender: 'linkedin-tab', allowed: false },
      { type: 'settings:get', sender: 'forged', allowed: false },
      { type: 'settings:save', sender: 'extension-page', allowed: true },
      { type: 'settings:save', sender: 'linkedin-tab', allowed: false },
      { type: 'settings:save', sender: 'forged', allowed: false },
      { type: 'connection:test', sender: 'extension-page', allowed: true },
      { type: 'connection:test', sender: 'linkedin-tab', allowed: false },
      { type: 'connection:test', sender: 'forged', allowed: false },
      { type: 'history:import', sender: 'extension-page', allowed: true },
      { type: 'history:import', sender: 'linkedin-tab', allowed: false },
      { type: 'history:import', sender: 'forged', allowed: false },
      { type: 'goal:set', sender: 'extension-page', allowed: true },
      { type: 'goal:set', sender: 'linkedin-tab', allowed: false },
      { type: 'goal:set', sender: 'forged', allowed: false },
      { type: 'accounts:get', sender: 'extension-page', allowed: true },
      { type: 'accounts:get', sender: 'linkedin-tab', allowed: false },
      { type: 'accounts:get', sender: 'forged', allowed: false },
      { type: 'account:select', sender: 'extension-page', allowed: true },
      { type: 'account:select', sender: 'linkedin-tab', allowed: false },
      { type: 'account:select', sender: 'forged', allowed: false },
      { type: 'data:delete-all', sender: 'extension-page', allowed: true },
      { type: 'data:delete-all', sender: 'linkedin-tab', allowed: false },
      { type: 'data:delete-all', sender: 'forged', allowed: false },
    ];

    it.each(table.filter((row) => row.allowed))(
      'runs $type for a $sender sender',
      async ({ type, sender }) => {
        const reply = await h.route({ type, payload: VALID_PAYLOADS[type] }, SENDERS[sender]);

        expect(reply.ok).toBe(true);
        expect(h.handlers[type]).toHaveBeenCalledTimes(1);
        expect(h.log).not.toHaveBeenCalled();
      },
    );

    it.each(table.filter((row) => !row.allowed))(
      'refuses $type from a $sender sender without calling its handler',
      async ({ type, sender }) => {
        const reply = await h.route({ type, payload: VALID_PAYLOADS[type] }, SENDERS[sender]);

        expectRefusedUnread(reply, 'sender not allowed');
        expect(h.log.mock.calls[0]?.[1]).toEqual({ type, origin: SENDERS[sender].origin });
      },
    );
  });

  describe('hostile messages', () => {
    it.each<{ label: string; message: unknown; reason: string }>([
      {
        label: 'an unknown type',
        message: { type: 'key:get', payload: { key: FAKE_KEY } },
        reason: 'unknown message type',
      },
      {
        label: 'a prototype key as type',
        message: { type: 'constructor', payload: FAKE_KEY },
        reason: 'unknown message type',
      },
      {
        label: 'a type that is not a string',
        message: { type: 7, payload: FAKE_KEY },
        reason: 'unknown message type',
      },
      { label: 'a string message', message: `ssi:get ${FAKE_KEY}`, reason: 'unknown message type' },
      { label: 'a null message', message: null, reason: 'unknown message type' },
      { label: 'an undefined message', message: undefined, reason: 'unknown message type' },
      { label: 'an array message', message: ['ssi:get', FAKE_KEY], reason: 'unknown message type' },
      { label: 'a missing payload', message: { type: 'ssi:get' }, reason: 'invalid payload' },
      {
        label: 'a missing settings:get payload',
        message: { type: 'settings:get' },
        reason: 'invalid payload',
      },
      {
        label: 'an extra key in the payload',
        message: { type: 'ssi:get', payload: { refresh: true, apiKey: FAKE_KEY } },
        reason: 'invalid payload',
      },
      {
        label: 'an extra key inside the settings',
        message: {
          type: 'settings:save',
          payload: { settings: { ...DEFAULT_SETTINGS, apiKey: FAKE_KEY }, apiKey: { action: 'keep' } },
        },
        reason: 'invalid payload',
      },
      {
        label: 'an extra key in a key action',
        message: {
          type: 'settings:save',
          payload: { settings: { ...DEFAULT_SETTINGS }, apiKey: { action: 'keep', value: FAKE_KEY } },
        },
        reason: 'invalid payload',
      },
      {
        label: 'an unknown key action',
        message: {
          type: 'settings:save',
          payload: { settings: { ...DEFAULT_SETTINGS }, apiKey: { action: 'export', value: FAKE_KEY } },
        },
        reason: 'invalid payload',
      },
      {
        label: 'a string where a boolean belongs',
        message: { type: 'ssi:get', payload: { refresh: FAKE_KEY } },
        reason: 'invalid payload',
      },
      {
        label: 'a string freshness',
        message: {
          type: 'settings:save',
          payload: {
            settings: { ...DEFAULT_SETTINGS, freshnessMinutes: '60' },
            apiKey: { action: 'set', value: FAKE_KEY },
          },
        },
        reason: 'invalid payload',
      },
      {
        label: 'an unknown page to open',
        message: { type: 'page:open', payload: { page: `https://evil.example/?k=${FAKE_KEY}` } },
        reason: 'invalid payload',
      },
      {
        label: 'an extra key in a page:open payload',
        message: { type: 'page:open', payload: { page: 'settings', url: FAKE_KEY } },
        reason: 'invalid payload',
      },
      {
        label: 'a non-null settings:get payload',
        message: { type: 'settings:get', payload: { apiKey: FAKE_KEY } },
        reason: 'invalid payload',
      },
      {
        label: 'a numeric connection-test key',
        message: {
          type: 'connection:test',
          payload: { apiBaseUrl: FAKE_KEY, accountId: '', apiKey: 12345678 },
        },
        reason: 'invalid payload',
      },
      {
        label: 'an over-long key',
        message: {
          type: 'connection:test',
          payload: { apiBaseUrl: PRODUCTION_API, accountId: '', apiKey: FAKE_KEY.repeat(60) },
        },
        reason: 'invalid payload',
      },
      {
        label: 'a message over MAX_MESSAGE_BYTES',
        message: {
          type: 'ssi:get',
          payload: { refresh: false },
          padding: FAKE_KEY.padEnd(MAX_MESSAGE_BYTES + 1, 'x'),
        },
        reason: 'message too large',
      },
    ])('refuses $label unread, and never logs the payload', async ({ message, reason }) => {
      const reply = await h.route(message, SENDERS['extension-page']);

      expectRefusedUnread(reply, reason);
    });

    describe("ssi:get's accountId (the Team's asks): the accountId setting's rule", () => {
      it.each([
        { label: 'without one (the selected account)', payload: { refresh: false } },
        { label: 'a 24-hex ID', payload: { refresh: false, accountId: '6650a1f3c2e4b5d6a7980b2d' } },
        { label: 'a short token with - and _', payload: { refresh: true, accountId: 'acc_1-b' } },
        { label: 'the longest ID', payload: { refresh: false, accountId: 'a'.repeat(64) } },
      ])('passes $label to the handler as sent', async ({ payload }) => {
        const reply = await h.route({ type: 'ssi:get', payload }, SENDERS['extension-page']);

        expect(reply.ok).toBe(true);
        expect(h.handlers['ssi:get']).toHaveBeenCalledWith(payload, expect.anything());
      });

      it.each([
        { label: 'an empty ID', accountId: '' },
        { label: 'an ID with spaces around it', accountId: ' 6650a1f3c2e4b5d6a7980b2d ' },
        { label: 'an ID with a slash', accountId: '../accounts' },
        { label: 'a query in the ID', accountId: `x&apiKey=${FAKE_KEY}` },
        { label: 'an ID over 64 characters', accountId: 'a'.repeat(65) },
        { label: 'an ID over the wire limit', accountId: FAKE_KEY.repeat(5) },
        { label: 'a numeric ID', accountId: 6650 },
        { label: 'a null ID', accountId: null },
      ])('refuses $label unread', async ({ accountId }) => {
        const reply = await h.route(
          { type: 'ssi:get', payload: { refresh: false, accountId } },
          SENDERS['extension-page'],
        );

        expectRefusedUnread(reply, 'invalid payload');
      });
    });

    it('reads a message just under MAX_MESSAGE_BYTES', async () => {
      const envelope = { type: 'ssi:get', payload: { refresh: false }, padding: '' };
      envelope.padding = 'x'.repeat(MAX_MESSAGE_BYTES - JSON.stringify(envelope).length);

      const reply = await h.route(envelope, SENDERS['extension-page']);

      expect(reply.ok).toBe(true);
      expect(h.handlers['ssi:get']).toHaveBeenCalledTimes(1);
    });

    it('reads a history import as large as a 5 MB file (its own bound), and refuses a larger one unread', async () => {
      const history = { v: 1, accountId: 'acc_1', days: [['x'.repeat(MAX_IMPORT_BYTES)]] };
      const reply = await h.route(
        { type: 'history:import', payload: { histories: [history] } },
        SENDERS['extension-page'],
      );
      expect(reply.ok).toBe(true);
      expect(h.handlers['history:import']).toHaveBeenCalledTimes(1);

      h = setup();
      const over = await h.route(
        { type: 'history:import', payload: { histories: [history, history, history] } },
        SENDERS['extension-page'],
      );
      expectRefusedUnread(over, 'message too large');
    });

    it('logs the sender origin and the message type with a refusal', async () => {
      await h.route(
        { type: 'settings:save', payload: VALID_PAYLOADS['settings:save'] },
        SENDERS['linkedin-tab'],
      );

      expect(h.log).toHaveBeenCalledWith('sender not allowed', {
        type: 'settings:save',
        origin: LINKEDIN_ORIGIN,
      });
      expect(JSON.stringify(h.log.mock.calls)).not.toContain(FAKE_KEY);
    });
  });

  describe('handlers', () => {
    it('answers internal when a handler throws, without passing on its words', async () => {
      h.handlers['settings:get'].mockRejectedValueOnce(new Error(`something broke for ${FAKE_KEY}`));

      const reply = await h.route({ type: 'settings:get', payload: null }, SENDERS['extension-page']);

      expect(reply).toEqual({ ok: false, error: { code: 'internal' } });
      expect(h.log).toHaveBeenCalledTimes(1);
      expect(JSON.stringify(h.log.mock.calls)).not.toContain(FAKE_KEY);
    });

    it('answers storage-failed when the browser refused a storage write, without its words', async () => {
      h.handlers['settings:save'].mockRejectedValueOnce(
        new Error(`QUOTA_BYTES quota exceeded for ${FAKE_KEY}`),
      );
      const save = {
        settings: { ...DEFAULT_SETTINGS },
        apiKey: { action: 'keep' },
      };

      const reply = await h.route({ type: 'settings:save', payload: save }, SENDERS['extension-page']);

      expect(reply).toEqual({ ok: false, error: { code: 'storage-failed' } });
      expect(JSON.stringify(h.log.mock.calls)).not.toContain(FAKE_KEY);
    });

    it('wraps the answer and hands the handler the parsed payload and the tab of a LinkedIn caller', async () => {
      const reply = await h.route(
        { type: 'page:open', payload: { page: 'dashboard' } },
        SENDERS['linkedin-tab'],
      );

      expect(reply).toEqual({ ok: true, value: null });
      expect(h.handlers['page:open']).toHaveBeenCalledWith({ page: 'dashboard' }, {
        kind: 'linkedin-tab',
        tabId: 42,
      } satisfies CallContext);
    });

    it('gives an extension page no tab id, even when it is open in a tab', async () => {
      const popupInTab: SenderFacts = {
        ...SENDERS['extension-page'],
        url: `${SELF_ORIGIN}/popup.html`,
        frameId: 0,
        tab: { id: 7 },
      };

      await h.route({ type: 'ssi:get', payload: { refresh: false } }, popupInTab);

      expect(h.handlers['ssi:get']).toHaveBeenCalledWith({ refresh: false }, { kind: 'extension-page' });
    });

    it('hands profile-badge:get the tab of the LinkedIn caller', async () => {
      const reply = await h.route(
        { type: 'profile-badge:get', payload: { refresh: true } },
        SENDERS['linkedin-tab'],
      );

      expect(reply).toEqual({ ok: true, value: BADGE });
      expect(h.handlers['profile-badge:get']).toHaveBeenCalledWith(
        { refresh: true },
        { kind: 'linkedin-tab', tabId: 42 },
      );
    });

    it.each<{ type: MessageType; answer: unknown }>([
      { type: 'page:open', answer: null },
      { type: 'settings:get', answer: PUBLIC_SETTINGS },
      { type: 'settings:save', answer: { ok: true, value: PUBLIC_SETTINGS } },
      { type: 'connection:test', answer: { ok: true, value: { summary: 'Connected.' } } },
    ])('passes the $type payload through to its handler and wraps its answer', async ({ type, answer }) => {
      const reply = await h.route({ type, payload: VALID_PAYLOADS[type] }, SENDERS['extension-page']);

      expect(reply).toEqual({ ok: true, value: answer });
      expect(h.handlers[type]).toHaveBeenCalledWith(VALID_PAYLOADS[type], { kind: 'extension-page' });
    });
  });
});

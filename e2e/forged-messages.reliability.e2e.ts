import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_DEMO_KEY } from '../sandbox/keys';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { launchWithExtension, type ExtensionSession } from './browser';
import { contentWorld, type ContentWorld } from './content-world';
import { badge } from './badge-probe';
import { LINKEDIN, ME, serveLinkedIn } from './linkedin';
import { OptionsPage } from './pages';
import { readExtensionStorage } from './worker';

const EXTENSION_NAME = 'SSI Companion for LinkedIn';

let sandbox: SandboxServer;
let session: ExtensionSession;
let linkedIn: Page;
let world: ContentWorld;
const logs: string[] = [];

/** Sends `message` from the content script's world and returns the reply as JSON text. */
function sendFromContentScript(message: string): Promise<string> {
  return world.evaluate<string>(
    `chrome.runtime.sendMessage(${message}).then((reply) => JSON.stringify(reply ?? null), (e) => 'rejected: ' + e.message)`,
  );
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  session = await launchWithExtension();
  session.context.on('console', (message) => logs.push(message.text()));
  await serveLinkedIn(session.context);
  const options = await OptionsPage.open(session);
  expect(await options.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandbox.url })).toBe('Saved.');
  await options.page.close();
  linkedIn = await session.context.newPage();
  await linkedIn.goto(`${LINKEDIN}/in/${ME.slug}/`);
  world = await contentWorld(linkedIn, EXTENSION_NAME);
});

afterAll(async () => {
  await world?.close();
  await session?.close();
  await sandbox?.close();
});

const FORGED: [string, string][] = [
  ['the settings', `{ type: 'settings:get', payload: null }`],
  [
    'a settings change (new key and API host)',
    `{ type: 'settings:save', payload: { settings: { apiBaseUrl: 'https://evil.example', accountId: '', freshnessMinutes: 60, debug: true, showProfileBadge: true }, apiKey: { action: 'set', value: 'attacker-key-123' } } }`,
  ],
  [
    'removing the key',
    `{ type: 'settings:save', payload: { settings: { apiBaseUrl: 'https://api.connectsafely.ai', accountId: '', freshnessMinutes: 60, debug: false, showProfileBadge: true }, apiKey: { action: 'clear' } } }`,
  ],
  [
    'a connection test against another host',
    `{ type: 'connection:test', payload: { apiBaseUrl: 'https://evil.example', accountId: '' } }`,
  ],
  ['the debug record', `{ type: 'debug:get', payload: null }`],
  ["the popup's score (ssi:get: extension pages only)", `{ type: 'ssi:get', payload: { refresh: true } }`],
  ['the key by a made-up message', `{ type: 'key:get', payload: null }`],
  ['an unknown message type', `{ type: 'totally:unknown', payload: {} }`],
  ['a message with no type', `{ payload: { refresh: true } }`],
  ['a plain string', `'settings:get'`],
  [
    'a badge request with extra fields',
    `{ type: 'profile-badge:get', payload: { refresh: false, apiKey: 'x' } }`,
  ],
  ['a badge request with a wrong type', `{ type: 'profile-badge:get', payload: { refresh: 'yes' } }`],
  ['an oversized message', `{ type: 'ssi:get', payload: { refresh: false }, padding: 'x'.repeat(100000) }`],
  [
    'a prototype-polluting payload',
    `JSON.parse('{"type":"ssi:get","payload":{"refresh":false,"__proto__":{"admin":true}}}')`,
  ],
  ['opening a page that does not exist', `{ type: 'page:open', payload: { page: 'chrome://settings' } }`],
];

describe('Forged and stray messages', () => {
  it.each(FORGED)('a content script asking for %s is refused and changes nothing', async (_name, message) => {
    const before = await readExtensionStorage(session, ['settings', 'apiKey', 'ssiCache']);
    const reply = await sendFromContentScript(message);
    expect(reply).toMatch(/"code":"refused"/);
    const after = await readExtensionStorage(session, ['settings', 'apiKey', 'ssiCache']);
    expect(after.settings).toEqual(before.settings);
    expect(after.apiKey).toBe(before.apiKey);
  });

  it('what a content script may ask for (its badge) carries no key', async () => {
    const reply = await sendFromContentScript(`{ type: 'profile-badge:get', payload: { refresh: false } }`);
    expect(reply).toMatch(/^\{"ok":true/);
    expect(reply).not.toContain(SANDBOX_DEMO_KEY);
  });

  it('100 "open the dashboard" and 100 forced refreshes from a LinkedIn tab open one tab and make at most one API request', async () => {
    // The page's own asks (its badge, the account lookup) are done once the badge is drawn.
    await expect.poll(() => badge(linkedIn).count()).toBe(1);
    sandbox.resetRequests();
    const pages = () => session.context.pages().length;
    const before = pages();

    // All at once, as a page script driving the content script could: the worker's limits
    // (one page per tab per 2 s, one forced refresh per account per 30 s) are what holds.
    const replies = await world.evaluate<string[]>(`Promise.all([
      ...Array.from({ length: 100 }, () =>
        chrome.runtime.sendMessage({ type: 'page:open', payload: { page: 'dashboard' } })),
      ...Array.from({ length: 100 }, () =>
        chrome.runtime.sendMessage({ type: 'profile-badge:get', payload: { refresh: true } })),
    ]).then((all) => all.map((reply) => JSON.stringify(reply)))`);

    expect(replies).toHaveLength(200);
    for (const reply of replies) expect(reply).toMatch(/^\{"ok":true/);
    // Each page:open was answered once its tab, if any, was created: wait for Playwright to
    // hear of it, then make sure no second one follows.
    await expect.poll(pages).toBe(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(pages()).toBe(before + 1);
    expect(sandbox.requests().map((request) => request.path)).toEqual(['/linkedin/ssi']);
    await session.context.pages().at(-1)?.close();
  });

  it('refusals are logged by the worker, without the payload and without secrets', async () => {
    const refusals = logs.filter((line) => line.includes('[ssi] refused a message'));
    expect(refusals.length).toBeGreaterThanOrEqual(FORGED.length);
    for (const line of refusals) {
      expect(line).not.toContain('attacker-key-123');
      expect(line).not.toContain(SANDBOX_DEMO_KEY);
    }
  });

  it('a web page cannot message the extension at all: no external messaging', async () => {
    const reachable = await linkedIn.evaluate(() => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } })
        .chrome?.runtime;
      return { sendMessage: typeof runtime?.sendMessage, connect: typeof runtime?.connect };
    });
    expect(reachable).toEqual({ sendMessage: 'undefined', connect: 'undefined' });
  });
});

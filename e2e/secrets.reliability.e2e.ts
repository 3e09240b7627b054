import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_DEMO_KEY } from '../sandbox/keys';
import { contentScriptFiles, readManifest } from '../scripts/sizes';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { EXTENSION_DIR, launchWithExtension, type ExtensionSession } from './browser';
import { contentWorld } from './content-world';
import { badge } from './badge-probe';
import { LINKEDIN, ME, navigateInApp, serveLinkedIn } from './linkedin';
import { OptionsPage, PopupPage } from './pages';
import { readExtensionStorage } from './worker';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches: string[]; js: string[]; all_frames?: boolean }[];
  externally_connectable?: unknown;
  web_accessible_resources?: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
  content_security_policy?: unknown;
}

const manifest = (): Manifest =>
  JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;

function builtScripts(dir = EXTENSION_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The code that runs in LinkedIn's pages: the gate, and the badge's script on profiles. */
const contentScript = () => {
  const { everyPage, onProfiles } = contentScriptFiles(readManifest(EXTENSION_DIR));
  return [...everyPage, ...onProfiles]
    .map((file) => readFileSync(join(EXTENSION_DIR, file), 'utf8'))
    .join('\n');
};

let sandbox: SandboxServer;
let session: ExtensionSession;
const logs: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  session = await launchWithExtension();
  session.context.on('console', (message) => logs.push(message.text()));
  await serveLinkedIn(session.context);
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

describe('Secrets', () => {
  describe('the manifest asks for no more than the features need', () => {
    it('permissions: storage and alarms only; notifications asked when turned on (no tabs, no scripting, no <all_urls>)', () => {
      expect(manifest().permissions).toEqual(['storage', 'alarms']);
      expect(manifest().optional_permissions).toEqual(['notifications']);
    });

    it("hosts: ConnectSafely's production API; its sandbox and any other https API only on request", () => {
      expect(manifest().host_permissions).toEqual(['https://api.connectsafely.ai/*']);
      expect(manifest().optional_host_permissions).toEqual(['https://*/*']);
    });

    it("content scripts on www.linkedin.com only, top frame only: the gate on every page, the badge's code on profiles", () => {
      const scripts = manifest().content_scripts!;
      expect(scripts.map(({ matches, js }) => ({ matches, js }))).toEqual([
        { matches: ['https://www.linkedin.com/in/*'], js: ['linkedin-profile-badge.js'] },
        { matches: ['https://www.linkedin.com/*'], js: ['linkedin-gate.js'] },
      ]);
      for (const script of scripts) expect(script.all_frames ?? false).toBe(false);
    });

    it('no external messaging, the default CSP', () => {
      const { externally_connectable, content_security_policy } = manifest();
      expect({ externally_connectable, content_security_policy }).toEqual({
        externally_connectable: undefined,
        content_security_policy: undefined,
      });
    });

    it("web-accessible: only the badge's script, to www.linkedin.com, by per-session URL only", () => {
      expect(manifest().web_accessible_resources).toEqual([
        {
          resources: ['linkedin-profile-badge.js'],
          matches: ['https://www.linkedin.com/*'],
          use_dynamic_url: true,
        },
      ]);
    });

    it('nothing listens for messages from outside the extension', () => {
      for (const file of builtScripts()) {
        const code = readFileSync(file, 'utf8');
        // The polyfill names onMessageExternal in its wrapper table; nothing may listen to it.
        const listeners = code.match(/on(Message|Connect)External\.addListener/g);
        expect(listeners, file).toBeNull();
      }
    });
  });

  describe('the content script bundle', () => {
    it.each([
      ['no Authorization header', /Authorization/],
      ['no Bearer scheme', /Bearer/],
      // The brand may appear in words; no host (production, sandbox or local) may.
      ['no API host', /connectsafely\.ai|127\.0\.0\.1|localhost:/i],
      ['no key handling', /apiKey/],
      ['no chart.js', /DoughnutController|chart\.js/],
      ['no webextension-polyfill', /webextension-polyfill/],
    ])('has %s', (_name, pattern) => {
      // Only the match is reported, not the whole bundle.
      expect(contentScript().match(pattern)?.[0] ?? null).toBeNull();
    });

    it('stays under 10 KB gzip', () => {
      expect(gzipSync(contentScript()).length).toBeLessThan(10 * 1024);
    });
  });

  describe("LinkedIn's pages cannot see the extension", () => {
    it("cannot load the badge's script, nor find it or its registry, once the badge has imported it", async () => {
      const page = await session.context.newPage();
      await page.goto(`${LINKEDIN}/feed/`);
      // An in-app navigation to a profile: the gate imports the badge's script, the one path
      // on which the extension's web-accessible resource is used.
      await navigateInApp(page, `/in/${ME.slug}/`);
      await expect.poll(() => badge(page).count()).toBe(1);
      const address = session.url('linkedin-profile-badge.js');
      // A string, not a function: the test runner would rewrite the function's import().
      const seen = await page.evaluate(`(async () => {
        const attempt = (promise) => promise.then(() => 'loaded', () => 'refused');
        return {
          fetch: await attempt(fetch(${JSON.stringify(address)})),
          import: await attempt(import(${JSON.stringify(address)})),
          resources: performance
            .getEntriesByType('resource')
            .map((entry) => entry.name)
            .filter((name) => name.startsWith('chrome-extension:')),
          registry: 'ssiCompanionStartBadge' in window,
        };
      })()`);
      expect(seen).toEqual({ fetch: 'refused', import: 'refused', resources: [], registry: false });
      await page.close();
    });
  });

  describe('the key never leaves the service worker', () => {
    it('a content script cannot read extension storage (storage.local is restricted)', async () => {
      const page = await session.context.newPage();
      await page.goto(`${LINKEDIN}/in/${ME.slug}/`);
      const world = await contentWorld(page, 'SSI Companion for LinkedIn');
      const local = await world.evaluate<string>(
        `chrome.storage.local.get(null).then((v) => 'read: ' + JSON.stringify(v), (e) => 'refused: ' + e.message)`,
      );
      const session_ = await world.evaluate<string>(
        `chrome.storage.session.get(null).then((v) => 'read: ' + JSON.stringify(v), (e) => 'refused: ' + e.message)`,
      );
      expect(local).toMatch(/^refused: Access to storage is not allowed/);
      expect(session_).toMatch(/^refused: Access to storage is not allowed/);
      await world.close();
      await page.close();
    });

    it('a server that echoes the key never makes it show up: not on screen, not in storage, not in the debug view, not in logs', async () => {
      // Saving asks the API at once (for the toolbar icon): the echoing answer must be in place.
      sandbox.setSsiReply({
        kind: 'complete',
        status: 403,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ success: false, error: `The key ${SANDBOX_DEMO_KEY} has expired` }),
        delayMs: 0,
      });
      const options = await OptionsPage.open(session);
      await options.page.getByLabel('Debug: also ask the API for LinkedIn').check();
      expect(await options.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandbox.url })).toBe('Saved.');
      const popup = await PopupPage.open(session);
      await expect.poll(() => popup.alert().textContent()).toContain('The key [redacted] has expired');
      expect(await popup.page.locator('body').textContent()).not.toContain(SANDBOX_DEMO_KEY);

      const stored = await readExtensionStorage(session, ['ssiCache']);
      expect(JSON.stringify(stored)).not.toContain(SANDBOX_DEMO_KEY);

      // Save also asked for the key's accounts: once that is done, a Refresh makes the echoing
      // SSI answer the last exchange the debug view shows.
      await expect
        .poll(() => sandbox.requests().some((request) => request.path === '/linkedin/accounts'))
        .toBe(true);
      await popup.refresh();
      await popup.settled();
      await options.page.reload();
      const debugView = options.page.getByRole('region', { name: 'Last API exchange' });
      await expect.poll(() => options.page.getByTestId('debug-outcome').textContent()).toMatch(/^forbidden/);
      const shown = (await debugView.textContent()) ?? '';
      expect(shown).toContain('Authorization: Bearer [redacted]');
      expect(shown).toContain('The key [redacted] has expired');
      expect(shown).not.toContain(SANDBOX_DEMO_KEY);
      // The options page never gets the key back either.
      await expect(options.page.getByLabel('API key', { exact: true }).inputValue()).resolves.toBe('');

      expect(logs.join('\n')).not.toContain(SANDBOX_DEMO_KEY);
      sandbox.setSsiReply(null);
    });
  });
});

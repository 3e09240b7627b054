/**
 * The same built package in Chromium dressed as Edge and as Brave: the extension uses only
 * Chromium's own APIs, so it must not care which browser it is in. Branded builds ignore
 * `--load-extension` (docs/decisions.md), so their user agents stand in for them here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_DEMO_KEY } from '../sandbox/keys';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { launchWithExtension, watchErrors } from './browser';
import { OptionsPage, PopupPage } from './pages';

const CHROMIUM =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0';
/**
 * Browsers of the family, by user agent. Edge's is its real shape; Brave really sends Chrome's
 * own, so its `Brave/140` token is only there to prove the flag took.
 */
const FAMILY = [
  { browser: 'Edge', userAgent: `${CHROMIUM} Safari/537.36 Edg/140.0.0.0`, mark: 'Edg/140' },
  { browser: 'Brave', userAgent: `${CHROMIUM} Safari/537.36 Brave/140`, mark: 'Brave/140' },
];

let sandbox: SandboxServer;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});

afterAll(async () => {
  await sandbox?.close();
});

describe.each(FAMILY)('in $browser', ({ userAgent, mark }) => {
  it('the options page loads and saves, and the popup shows the score from the sandbox', async () => {
    const session = await launchWithExtension({ userAgent });
    try {
      const worker = await session.serviceWorker();
      // The browser is dressed as it should be, the worker included.
      await expect(worker.evaluate(() => navigator.userAgent)).resolves.toContain(mark);

      const options = await OptionsPage.open(session);
      const errors = watchErrors(options.page);
      await expect(options.page.evaluate(() => navigator.userAgent)).resolves.toContain(mark);
      await expect(
        options.page.getByRole('heading', { name: 'SSI Companion settings' }).isVisible(),
      ).resolves.toBe(true);
      expect(await options.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandbox.url })).toBe('Saved.');

      const popup = await PopupPage.open(session);
      errors.push(...watchErrors(popup.page));
      await expect.poll(() => popup.overallScore().textContent()).toMatch(/^\d{1,3}$/);
      await popup.settled();
      expect(await popup.alert().count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

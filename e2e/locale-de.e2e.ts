/**
 * The extension in a German browser (`--lang=de`): Chromium picks `_locales/de`, the pages,
 * the worker's words and the profile badge speak German, and numbers follow German rules.
 * Screenshots of the German popup and options land in `artifacts/locale-de/` for a look at
 * what longer words do to the layout.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_DEMO_KEY } from '../sandbox/keys';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { badge } from './badge-probe';
import { launchWithExtension, watchErrors, type ExtensionSession } from './browser';
import { LINKEDIN, ME, serveLinkedIn } from './linkedin';
import { POPUP_MAX_HEIGHT } from './pages';
import { toolbarBadge } from './worker';

/** The slice of the `chrome` global these tests read in the extension's page and worker. */
declare const chrome: {
  i18n: { getUILanguage(): string };
  runtime: { getManifest(): { name: string } };
};

const SCREENSHOTS = join(import.meta.dirname, '..', 'artifacts', 'locale-de');
/** A German percentage: the number, a no-break space, then "%". */
const GERMAN_PERCENT = /Top \d+\u00a0%/;

let sandbox: SandboxServer;
let session: ExtensionSession;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  session = await launchWithExtension({ lang: 'de' });
  await serveLinkedIn(session.context);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

describe('in a German browser', () => {
  it('Chromium speaks German to the extension, in its pages and its worker', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('popup.html'));
    expect(await page.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^de\b/);
    const worker = await session.serviceWorker();
    expect(await worker.evaluate(() => chrome.runtime.getManifest().name)).toBe('SSI Companion für LinkedIn');
    await page.close();
  });

  it('the settings page is German: configured and tested with its German words', async () => {
    const page = await session.context.newPage();
    const errors = watchErrors(page);
    await page.goto(session.url('options.html'));
    await expect.poll(() => page.title()).toBe('SSI Companion – Einstellungen');
    expect(await page.getAttribute('html', 'lang')).toMatch(/^de\b/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Einstellungen');
    await page.getByLabel('API-Schlüssel', { exact: true }).fill(SANDBOX_DEMO_KEY);
    await page.getByLabel('API-Basis-URL').fill(sandbox.url);
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-outcome').textContent()).toBe('Gespeichert.');

    await page.getByRole('button', { name: 'Verbindung testen' }).click();
    await expect
      .poll(() => page.getByTestId('test-outcome').textContent(), { timeout: 10_000 })
      .toMatch(/^Verbunden\. Dieser Schlüssel hat \d+ LinkedIn-Konten?: /);
    await page.screenshot({ path: join(SCREENSHOTS, 'options.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the popup is German, with German numbers', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 380, height: POPUP_MAX_HEIGHT });
    await page.goto(session.url('popup.html'));
    await page.getByTestId('overall-score').waitFor();
    await page.locator('.popup[aria-busy="false"]').waitFor();
    expect(await page.getByRole('button', { name: 'Aktualisieren' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Einstellungen' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Dashboard öffnen' }).isVisible()).toBe(true);
    const ranks = (await page.locator('.ranks').textContent()) ?? '';
    expect(ranks).toMatch(GERMAN_PERCENT);
    expect(ranks).toContain('in Ihrem Netzwerk');
    // Pillar scores with a decimal comma, in the table behind "Säulenwerte".
    await page.getByText('Säulenwerte').click();
    const pillars = (await page.locator('.pillars__table').textContent()) ?? '';
    expect(pillars).toContain('Die richtigen Personen finden');
    expect(pillars).toMatch(/\d,\d/);
    expect(await page.getByTestId('freshness').textContent()).toMatch(/^Aktualisiert /);
    await page.screenshot({ path: join(SCREENSHOTS, 'popup.png'), fullPage: true });
    // Nothing German is wider than the popup.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
    await page.close();

    const { title } = await toolbarBadge(session);
    expect(title).toMatch(/^SSI Companion: Ihr SSI ist \d+ von 100$/);
  });

  it('the dashboard is German', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(session.url('dashboard.html'));
    await page.getByRole('region', { name: 'Entwicklung', exact: true }).waitFor();
    await page.getByTestId('overall-score').waitFor();
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings).toEqual(['Heute', 'Säulen', 'Fokus', 'Ziel', 'Entwicklung', 'Export und Import']);
    expect(await page.title()).toBe('SSI Companion – Dashboard');
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });

    expect(await page.getByRole('tab').allTextContents()).toEqual(['Verlauf', 'Team']);
    await page.getByRole('tab', { name: 'Team' }).click();
    const team = page.getByRole('region', { name: 'SSI des Teams' });
    await team.waitFor();
    expect(await team.locator('caption').textContent()).toMatch(/^Der SSI jedes Kontos Ihres API-Schlüssels/);
    expect(await team.locator('thead').textContent()).toContain('Änderung pro Woche');
    await expect
      .poll(() => page.getByTestId('team-progress').textContent(), { timeout: 15_000 })
      .toMatch(/^\d+ von \d+ gelesen/);
    await page.screenshot({ path: join(SCREENSHOTS, 'team.png'), fullPage: true });
    await page.close();
  });

  it('the profile badge on LinkedIn is German', async () => {
    const page = await session.context.newPage();
    await page.goto(`${LINKEDIN}/in/${ME.slug}/`);
    const ssi = badge(page);
    await ssi.waitFor('.ssi-pill');
    expect((await ssi.read('.ssi-pill'))?.attributes['aria-label'] ?? '').toMatch(
      /^Ihr Social Selling Index: \d+ von 100/,
    );
    await ssi.click('.ssi-pill');
    const card = '[role="dialog"]';
    await expect.poll(() => ssi.isVisible(card)).toBe(true);
    const text = (await ssi.text(card)) ?? '';
    for (const words of [
      'Die richtigen Personen finden',
      'in Ihrem Netzwerk',
      'Aktualisiert ',
      'Aktualisieren',
    ])
      expect(text).toContain(words);
    expect(text).toMatch(GERMAN_PERCENT);
    await page.close();
  });
});

/**
 * `npm run demo`: builds the extension, starts the sandbox API, opens Chromium with the
 * extension loaded and configured for the sandbox (through its options page, as a user would),
 * and imports about four months of made-up history into the dashboard (the sandbox has no
 * past). With a display it stays open until Ctrl+C; without one it runs headless, writes
 * screenshots of the popup, the options page, the badge and the dashboard (its History and
 * Team tabs), and exits.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../e2e/browser';
import { badge } from '../e2e/badge-probe';
import { LINKEDIN, ME, serveLinkedIn } from '../e2e/linkedin';
import { generatedHistory } from '../e2e/history';
import { DashboardPage, OptionsPage, PopupPage, TeamPage } from '../e2e/pages';
import { addDays, localDay } from '../utils/history/day';
import { exportHistory } from '../utils/history/history-file';
import { SANDBOX_DEMO_KEY } from '../sandbox/keys';
import { startSandbox } from '../sandbox/server';

const SCREENSHOT_DIR = resolve(import.meta.dirname, '..', 'artifacts', 'demo');
/** How many days of history the demo imports before today's reading. */
const HISTORY_DAYS = 120;
/** The goal the demo sets on the dashboard. */
const GOAL = { target: 75, inDays: 120 };

function build(): void {
  console.log('Building the extension…');
  const result = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The build failed.');
}

async function main(): Promise<void> {
  if (process.env.SKIP_BUILD !== '1') build();
  const port = Number(process.env.PORT ?? 8787);
  const sandbox = await startSandbox({ port }).catch(() => startSandbox({ port: 0 }));
  console.log(`Sandbox API on ${sandbox.url} (key: ${SANDBOX_DEMO_KEY})`);

  const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';
  const session = await launchWithExtension({ headless });
  const options = await OptionsPage.open(session);
  const saved = await options.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandbox.url });
  console.log(`Options page: ${saved} ${await options.testConnection()}`);

  // No LinkedIn login here: a fixture of the account's own profile is served under LinkedIn's
  // real URL, so the content script runs on it as it would on linkedin.com.
  await serveLinkedIn(session.context);
  const profile = await session.context.newPage();
  await profile.goto(`${LINKEDIN}/in/${ME.slug}/`);
  // The badge's shadow root is closed: the probe reads and clicks it as DevTools would.
  const ssi = badge(profile);
  await ssi.waitFor('.ssi-pill');
  console.log(`LinkedIn fixture profile shows "${await ssi.text('.ssi-pill__label')}".`);

  const popup = await PopupPage.open(session);
  await popup.overallScore().waitFor();
  await popup.settled();
  console.log(`Popup shows SSI ${await popup.overallScore().textContent()}.`);

  // The worker recorded today's reading on Save; the days before it come from a file, as
  // they would for a user moving browsers.
  const dashboard = await DashboardPage.open(session, '#range=90d');
  const history = generatedHistory(addDays(localDay(Date.now()), -1), HISTORY_DAYS);
  const imported = await dashboard.importFile({
    name: 'ssi-history.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(exportHistory(history, 'csv', Date.now())),
  });
  await dashboard.setGoal(GOAL.target, addDays(localDay(Date.now()), GOAL.inDays));
  console.log(`Dashboard: ${imported} Goal: SSI ${GOAL.target} in ${GOAL.inDays} days.`);

  // The dashboard's Team tab: every account of the sandbox key side by side.
  const team = await TeamPage.open(session);
  await team.settled();
  console.log(`Team: ${(await team.scores()).map(([name, score]) => `${name} ${score}`).join(', ')}.`);

  if (!headless) {
    console.log('Chromium is open with the extension. Press Ctrl+C to stop.');
    await new Promise<void>((stop) => {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      session.context.once('close', () => stop());
    });
  } else {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      for (const page of [popup.page, options.page]) {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await page.reload();
        await page.locator('.popup[aria-busy="false"], .options form').first().waitFor();
        await page.waitForTimeout(400); // let chart.js draw
      }
      await popup.page.screenshot({ path: resolve(SCREENSHOT_DIR, `popup-${scheme}.png`), fullPage: true });
      await dashboard.page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await dashboard.page.reload();
      await dashboard.historyRows().first().waitFor();
      await dashboard.page.locator('.today .score-ring').waitFor();
      await dashboard.page.waitForTimeout(400); // let chart.js draw
      await dashboard.page.screenshot({
        path: resolve(SCREENSHOT_DIR, `dashboard-${scheme}.png`),
        fullPage: true,
      });
      await team.page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await team.page.reload();
      await team.settled();
      await team.page.waitForTimeout(400); // let chart.js draw
      await team.page.screenshot({ path: resolve(SCREENSHOT_DIR, `team-${scheme}.png`), fullPage: true });
      await options.page.screenshot({
        path: resolve(SCREENSHOT_DIR, `options-${scheme}.png`),
        fullPage: true,
      });
      await profile.emulateMedia({ colorScheme: scheme });
      await profile.goto(`${LINKEDIN}/in/${ME.slug}/${scheme === 'dark' ? '?theme=dark' : ''}`);
      await ssi.waitFor('.ssi-pill');
      await ssi.click('.ssi-pill');
      await ssi.waitFor('[role="dialog"]');
      await profile.screenshot({
        path: resolve(SCREENSHOT_DIR, `badge-${scheme}.png`),
        clip: { x: 0, y: 0, width: 900, height: 520 },
      });
    }
    console.log(`No display: ran headless. Screenshots are in ${SCREENSHOT_DIR}`);
  }
  await session.close();
  await sandbox.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

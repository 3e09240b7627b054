/**
 * `npm run demo`: builds the extension, starts the sandbox API, opens Chromium with the
 * extension loaded and configured for the sandbox (through its options page, as a user would),
 * and imports about four months of made-up history into the dashboard (the sandbox has no
 * past). With a display it stays open until Ctrl+C; without one it runs headless, writes
 * screenshots of the popup, the options page, the badge and the dashboard (its History and
 * Team tabs), and exits.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { TeamPage } from '../e2e/pages';
import { buildUnlessSkipped, ownProfileUrl, setUpDemo } from './demo-setup';

const SCREENSHOT_DIR = resolve(import.meta.dirname, '..', 'artifacts', 'demo');

async function main(): Promise<void> {
  buildUnlessSkipped();
  const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';
  const demo = await setUpDemo({ headless });
  const { popup, options, dashboard, profile, profileBadge: ssi } = demo;

  // The dashboard's Team tab: every account of the sandbox key side by side.
  const team = await TeamPage.open(demo.session);
  await team.settled();
  console.log(`Team: ${(await team.scores()).map(([name, score]) => `${name} ${score}`).join(', ')}.`);

  if (!headless) {
    console.log('Chromium is open with the extension. Press Ctrl+C to stop.');
    await new Promise<void>((stop) => {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      demo.session.context.once('close', () => stop());
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
      // The options page shows the key's accounts by name once its list has loaded.
      await options.accountField();
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
      await profile.goto(ownProfileUrl(scheme));
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
  await demo.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

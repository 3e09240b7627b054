/**
 * What `npm run demo` and `npm run screenshots` start from: the extension built, the sandbox
 * API running, Chromium with the extension configured for it through its options page (as a
 * user would), the account's own LinkedIn profile (a fixture) showing the badge, and about four
 * months of made-up history imported into the dashboard (the sandbox has no past), with a goal.
 */
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { badge, type BadgeProbe } from '../e2e/badge-probe';
import { launchWithExtension, type ExtensionSession } from '../e2e/browser';
import { generatedHistory } from '../e2e/history';
import { LINKEDIN, ME, serveLinkedIn } from '../e2e/linkedin';
import { DashboardPage, OptionsPage, PopupPage } from '../e2e/pages';
import { SANDBOX_DEMO_KEY } from '../sandbox/keys';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { addDays, localDay } from '../utils/history/day';
import { exportHistory } from '../utils/history/history-file';

/** How many days of history the demo imports before today's reading. */
const HISTORY_DAYS = 120;
/** The goal the demo sets on the dashboard. */
const GOAL = { target: 75, inDays: 120 };

export interface Demo {
  sandbox: SandboxServer;
  session: ExtensionSession;
  options: OptionsPage;
  popup: PopupPage;
  dashboard: DashboardPage;
  /** The account's own LinkedIn profile (the fixture, under LinkedIn's real URL). */
  profile: Page;
  /** The badge on `profile` (its shadow root is closed: the probe reads it as DevTools would). */
  profileBadge: BadgeProbe;
  close(): Promise<void>;
}

/** `npx wxt build`, unless SKIP_BUILD=1; throws when the build fails. */
export function buildUnlessSkipped(): void {
  if (process.env.SKIP_BUILD === '1') return;
  console.log('Building the extension…');
  const result = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The build failed.');
}

/** Starts everything (see the file's comment), logging each step. */
export async function setUpDemo(options: { headless: boolean }): Promise<Demo> {
  const port = Number(process.env.PORT ?? 8787);
  const sandbox = await startSandbox({ port }).catch(() => startSandbox({ port: 0 }));
  console.log(`Sandbox API on ${sandbox.url} (key: ${SANDBOX_DEMO_KEY})`);

  const session = await launchWithExtension({ headless: options.headless });
  const settings = await OptionsPage.open(session);
  const saved = await settings.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandbox.url });
  console.log(`Options page: ${saved} ${await settings.testConnection()}`);

  // No LinkedIn login here: a fixture of the account's own profile is served under LinkedIn's
  // real URL, so the content script runs on it as it would on linkedin.com.
  await serveLinkedIn(session.context);
  const profile = await session.context.newPage();
  await profile.goto(`${LINKEDIN}/in/${ME.slug}/`);
  const profileBadge = badge(profile);
  await profileBadge.waitFor('.ssi-pill');
  console.log(`LinkedIn fixture profile shows "${await profileBadge.text('.ssi-pill__label')}".`);

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

  return {
    sandbox,
    session,
    options: settings,
    popup,
    dashboard,
    profile,
    profileBadge,
    async close() {
      await session.close();
      await sandbox.close();
    },
  };
}

/** The account's own profile fixture's URL, in LinkedIn's dark theme or not. */
export function ownProfileUrl(scheme: 'light' | 'dark'): string {
  return `${LINKEDIN}/in/${ME.slug}/${scheme === 'dark' ? '?theme=dark' : ''}`;
}

/**
 * The dashboard's Team tab in the real built extension against the sandbox API, whose first SSI
 * ask for Grace Hopper is answered 429 (Retry-After: 2): every account of the key with its own
 * score, Grace's after the pause, sorting, the CSV, and a reload served from the cache.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSsiBody, SANDBOX_ACCOUNTS } from '../sandbox/data';
import { SANDBOX_DEMO_KEY } from '../sandbox/keys';
import { FIRST_ASK_RETRY_AFTER_SECONDS, startSandbox, type SandboxServer } from '../sandbox/server';
import { TEAM_CSV_HEADER } from '../utils/team/team-table';
import { launchWithExtension, watchErrors, type ExtensionSession } from './browser';
import { seriousViolations } from './axe';
import { OptionsPage, TeamPage } from './pages';

const [ADA, GRACE, ALAN] = SANDBOX_ACCOUNTS as [
  (typeof SANDBOX_ACCOUNTS)[number],
  (typeof SANDBOX_ACCOUNTS)[number],
  (typeof SANDBOX_ACCOUNTS)[number],
];
const nameOf = (account: typeof ADA) => `${account.firstName} ${account.lastName}`;
/** The whole-number SSI the sandbox gives an account today, as the table shows it. */
const shownScore = (account: typeof ADA) =>
  String(Math.round(buildSsiBody(account, new Date()).memberScore.overall));

let sandbox: SandboxServer;
let session: ExtensionSession;
let team: TeamPage;
let errors: string[];

const ssiAsks = () => sandbox.requests().filter((request) => request.path === '/linkedin/ssi');

/** Every progress line the page shows from now on. */
async function recordProgress(page: Page): Promise<string[]> {
  await page.exposeFunction('reportProgress', (text: string) => seen.push(text));
  const seen: string[] = [];
  await page.addInitScript(() => {
    const report = (window as unknown as { reportProgress(text: string): void }).reportProgress;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="team-progress"]')?.textContent;
      if (text) void report(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return seen;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rateLimitFirstSsi: [GRACE.id] });
  session = await launchWithExtension();
  await session.context.route('https://api.connectsafely.ai/**', (route) => route.fulfill({ status: 503 }));
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

describe('the Team tab', () => {
  it("on Save, the worker reads the default account's SSI and lists the key's accounts", async () => {
    const options = await OptionsPage.open(session);
    expect(await options.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandbox.url })).toBe('Saved.');
    // On Save the worker reads the default account (Ada) and lists the key's accounts.
    await expect
      .poll(
        () =>
          sandbox
            .requests()
            .map((request) => request.path)
            .sort(),
        { timeout: 15_000 },
      )
      .toEqual(['/linkedin/accounts', '/linkedin/ssi']);
    await options.page.close();
  });

  it("lists Ada, Grace and Alan with their own scores, Grace's after the 429's wait, with progress on the way", async () => {
    const page = await session.context.newPage();
    const progress = await recordProgress(page);
    errors = watchErrors(page);
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(session.url('dashboard.html#tab=team'));
    team = new TeamPage(page);
    await team.settled();

    expect(await team.scores()).toEqual([
      [nameOf(ADA), shownScore(ADA)],
      [nameOf(GRACE), shownScore(GRACE)],
      [nameOf(ALAN), shownScore(ALAN)],
    ]);
    expect(new Set((await team.scores()).map(([, score]) => score)).size).toBe(3);
    expect(await team.progress().textContent()).toBe('3 of 3 read.');
    expect(progress).toContainEqual(expect.stringMatching(/ConnectSafely asked us to slow down/));
    expect(progress).toContainEqual(expect.stringMatching(/^Reading the team… [0-2] of 3 read\.$/));

    // Ada was fresh in the cache since Save; Grace was asked again once the pause was over.
    const asks = ssiAsks();
    expect(asks.map((ask) => `${ask.query.accountId ?? 'default'} ${ask.scenario}`).sort()).toEqual(
      ['default ok', `${GRACE.id} rate-limited`, `${GRACE.id} ok`, `${ALAN.id} ok`].sort(),
    );
    const grace = asks.filter((ask) => ask.query.accountId === GRACE.id);
    expect(grace.map((ask) => ask.scenario)).toEqual(['rate-limited', 'ok']);
    expect(Date.parse(grace[1]!.at) - Date.parse(grace[0]!.at)).toBeGreaterThanOrEqual(
      FIRST_ASK_RETRY_AFTER_SECONDS * 1000 - 100,
    );
    expect(asks.filter((ask) => ask.query.accountId === ADA.id)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('sorts by SSI both ways, saying so in aria-sort', async () => {
    const byScore = [ADA, GRACE, ALAN].sort(
      (a, b) =>
        buildSsiBody(a, new Date()).memberScore.overall - buildSsiBody(b, new Date()).memberScore.overall,
    );
    await team.sortBy('SSI');
    await expect.poll(() => team.header('SSI').getAttribute('aria-sort')).toBe('ascending');
    expect((await team.scores()).map(([name]) => name)).toEqual(byScore.map(nameOf));
    await team.sortBy('SSI');
    await expect.poll(() => team.header('SSI').getAttribute('aria-sort')).toBe('descending');
    expect((await team.scores()).map(([name]) => name)).toEqual(byScore.map(nameOf).reverse());
  });

  it('exports the table as ssi-team-<day>.csv: the header and three rows', async () => {
    const file = await team.exportCsv();
    expect(file.name).toMatch(/^ssi-team-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = file.text.split('\r\n');
    expect(lines[0]).toBe(TEAM_CSV_HEADER.join(','));
    expect(lines.slice(1, -1)).toHaveLength(3);
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -1).map((line) => line.split(',').slice(0, 2))).toEqual(
      expect.arrayContaining([ADA, GRACE, ALAN].map((account) => [nameOf(account), account.id])),
    );
  });

  it.each(['light', 'dark'] as const)(
    'has no serious or critical accessibility violation in %s mode (axe-core: WCAG 2 A and AA)',
    async (scheme) => {
      await team.page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      expect(await seriousViolations(team.page)).toEqual([]);
    },
  );

  it('reloaded while every reading is fresh, asks the API nothing', async () => {
    sandbox.resetRequests();
    await team.page.reload();
    await team.settled();
    expect((await team.scores()).map(([, score]) => score).sort()).toEqual(
      [ADA, GRACE, ALAN].map(shownScore).sort(),
    );
    expect(sandbox.requests()).toEqual([]);
    expect(errors).toEqual([]);
  });
});

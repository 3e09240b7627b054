/**
 * The dashboard in the real built extension against the sandbox API: the history the worker
 * records by itself, import and export, hostile files, ranges, a browser restart, the alarms,
 * and an accessibility audit. The tests run in order on one browser profile, as a user's
 * history builds up: each starts from what the one before left.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT } from '../sandbox/data';
import { SANDBOX_DEMO_KEY } from '../sandbox/keys';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { decodeHistory, historyStorageKey } from '../utils/history/codec';
import { historyToCsv } from '../utils/history/csv';
import { addDays, type DayKey } from '../utils/history/day';
import { exportHistory } from '../utils/history/history-file';
import { describeImportProblem } from '../utils/history/import-problem';
import type { DailyReading } from '../utils/history/reading';
import { launchWithExtension, watchErrors, type ExtensionSession } from './browser';
import { generatedHistory } from './history';
import { seriousViolations } from './axe';
import { DashboardPage, OptionsPage } from './pages';
import { clearAlarms, readAlarms, readExtensionStorage, stopServiceWorker } from './worker';

interface ApiSsi {
  memberScore: { overall: number };
}

/** The sandbox's default account: the one a key without an account ID reads. */
const ACCOUNT = DEFAULT_ACCOUNT.id;
const HISTORY_KEY = historyStorageKey(ACCOUNT);
const REFRESH_ALARM = { name: 'ssi-refresh', period: 360 };

let sandbox: SandboxServer;
let session: ExtensionSession;
let profileDir: string;
/** The day the worker recorded on Save, in the browser's time zone. */
let recordedDay: DayKey;

/** Every request that would go to production is refused here: the tests use the sandbox only. */
async function refuseProduction(current: ExtensionSession): Promise<void> {
  await current.context.route('https://api.connectsafely.ai/**', (route) => route.fulfill({ status: 503 }));
}

/** The account's history as the worker stored it. */
async function storedDays(): Promise<DailyReading[]> {
  const stored = await readExtensionStorage(session, [HISTORY_KEY]);
  return decodeHistory(stored[HISTORY_KEY])?.days ?? [];
}

/** A CSV file for "Import". */
function csvFile(text: string, name = 'ssi-history.csv') {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text) };
}

/** Wakes a stopped worker the way a user would: a page asks it something. */
async function wakeWorker(): Promise<void> {
  const dashboard = await DashboardPage.open(session);
  await dashboard.overallScore().waitFor();
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  profileDir = mkdtempSync(join(tmpdir(), 'ssi-e2e-dashboard-'));
  session = await launchWithExtension({ profileDir });
  await refuseProduction(session);
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

afterEach(async () => {
  for (const page of session.context.pages()) await page.close();
});

describe('dashboard', () => {
  it("after a key is saved, with no page opened before, shows today's reading, which the worker recorded on Save", async () => {
    const answer = (await (
      await fetch(`${sandbox.url}/linkedin/ssi`, { headers: { Authorization: `Bearer ${SANDBOX_DEMO_KEY}` } })
    ).json()) as ApiSsi;
    // No key, no schedule.
    expect(await readAlarms(session)).toEqual([]);
    const options = await OptionsPage.open(session);
    expect(await options.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandbox.url })).toBe('Saved.');
    await options.page.close();

    // Recorded before any page asked for the SSI: the worker does it on Save.
    await expect.poll(() => storedDays().then((days) => days.length), { timeout: 15_000 }).toBe(1);
    const [reading] = await storedDays();
    recordedDay = reading!.day;
    expect(reading!.overall).toBe(answer.memberScore.overall);

    const dashboard = await DashboardPage.open(session);
    const errors = watchErrors(dashboard.page);
    await expect
      .poll(() => dashboard.overallScore().textContent())
      .toBe(String(Math.round(answer.memberScore.overall)));
    await expect.poll(() => dashboard.historyDays()).toEqual([recordedDay]);
    await expect(dashboard.historyRows().first().locator('td').first().textContent()).resolves.toBe(
      String(Math.round(answer.memberScore.overall)),
    );
    // Named once the key's accounts are in (asked on Save).
    await expect
      .poll(() => dashboard.page.getByTestId('account').textContent())
      .toBe(`${DEFAULT_ACCOUNT.firstName} ${DEFAULT_ACCOUNT.lastName}`);
    expect(errors).toEqual([]);
  });

  it('refreshes every 360 minutes once a key is saved, and the alarm survives a worker restart or is made again', async () => {
    await expect.poll(() => readAlarms(session)).toEqual([REFRESH_ALARM]);

    const page = await session.context.newPage();
    await stopServiceWorker(page);
    await wakeWorker();
    await expect.poll(() => readAlarms(session)).toEqual([REFRESH_ALARM]);

    // A browser may forget alarms (a restart, an update): each start of the worker makes them again.
    await clearAlarms(session);
    expect(await readAlarms(session)).toEqual([]);
    await stopServiceWorker(page);
    await wakeWorker();
    await expect.poll(() => readAlarms(session), { timeout: 15_000 }).toEqual([REFRESH_ALARM]);
  });

  it("imports a 120-day CSV and exports it again byte for byte, the worker's own day kept", async () => {
    const imported = generatedHistory(addDays(recordedDay, -1), 120);
    const text = exportHistory(imported, 'csv', Date.now());
    const dashboard = await DashboardPage.open(session, '#range=all');

    expect(await dashboard.importFile(csvFile(text))).toBe('Added 120 days.');
    await expect.poll(() => dashboard.historyRows().count()).toBe(121);

    const csv = await dashboard.export('CSV');
    expect(csv.name).toBe(`ssi-history-${recordedDay}.csv`);
    // The imported days come back as they went in, byte for byte; the day the worker recorded
    // keeps its own reading, as the last row.
    const [own] = (await storedDays()).filter((day) => day.day === recordedDay);
    const ownRow = historyToCsv([own!]).split('\r\n')[1];
    expect(csv.text.slice(0, text.length)).toBe(text);
    expect(csv.text.slice(text.length)).toBe(`${ownRow}\r\n`);

    const json = await dashboard.export('JSON');
    expect(json.name).toBe(`ssi-history-${recordedDay}.json`);
    const parsed = JSON.parse(json.text) as {
      format: string;
      readings: { date: string; account_id: string; overall: number; taken_at: string | null }[];
    };
    expect(parsed.format).toBe('ssi-companion-history');
    expect(parsed.readings.map((reading) => reading.date)).toEqual([
      ...imported.map((day) => day.day),
      recordedDay,
    ]);
    expect(
      parsed.readings.slice(0, 120).map((reading) => [reading.account_id, reading.overall, reading.taken_at]),
    ).toEqual(imported.map((day) => [ACCOUNT, day.overall, null]));
    expect(parsed.readings.at(-1)?.taken_at).toBe(new Date(own!.at!).toISOString());
  });

  describe('refuses a hostile file, says why, and changes nothing', () => {
    const tomorrow = () => addDays(recordedDay, 1);
    const good = () => generatedHistory(addDays(recordedDay, -200), 2);
    const cases: {
      name: string;
      file: () => { name: string; mimeType: string; buffer: Buffer };
      words: () => string;
    }[] = [
      {
        name: 'a date in the future',
        file: () =>
          csvFile(exportHistory([...good(), ...generatedHistory(tomorrow(), 1)], 'csv', Date.now())),
        words: () =>
          describeImportProblem({ code: 'future-date', value: tomorrow(), format: 'csv', line: 4 }),
      },
      {
        name: 'a score out of range',
        file: () => {
          const [first, second] = good();
          return csvFile(exportHistory([first!, { ...second!, overall: 101 }], 'csv', Date.now()));
        },
        words: () =>
          describeImportProblem({
            code: 'out-of-range',
            column: 'overall',
            value: '101',
            max: 100,
            format: 'csv',
            line: 3,
          }),
      },
      {
        name: 'a wrong header',
        file: () =>
          csvFile(exportHistory(good(), 'csv', Date.now()).replace('date,account_id', 'day,account')),
        words: () =>
          describeImportProblem({
            code: 'wrong-header',
            found: exportHistory([], 'csv', 0).trim().replace('date,account_id', 'day,account'),
          }),
      },
      {
        name: 'a 6 MB file',
        file: () => csvFile(exportHistory(good(), 'csv', Date.now()).padEnd(6 * 1024 * 1024, ' ')),
        words: () => describeImportProblem({ code: 'too-large' }),
      },
      {
        name: 'JSON of something else',
        file: () => ({
          name: 'package.json',
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify({ name: 'my-app', version: '1.0.0', readings: [] })),
        }),
        words: () => describeImportProblem({ code: 'unknown-format' }),
      },
    ];

    it.each(cases)('$name', async ({ file, words }) => {
      const before = JSON.stringify(await readExtensionStorage(session));
      const dashboard = await DashboardPage.open(session);
      const outcome = await dashboard.importFile(file());
      expect(outcome).toBe(words());
      expect(outcome).toMatch(/Nothing was imported\.$/);
      await expect(dashboard.section('Export and import').getByRole('alert').textContent()).resolves.toBe(
        words(),
      );
      expect(JSON.stringify(await readExtensionStorage(session))).toBe(before);
    });
  });

  it("changes the table's days with the range, and keeps the range across a reload", async () => {
    const dashboard = await DashboardPage.open(session);
    // 400 days up to the day before the worker's: the 120 already there keep their reading.
    const text = exportHistory(
      generatedHistory(addDays(recordedDay, -1), 400, { seed: 7 }),
      'csv',
      Date.now(),
    );
    expect(await dashboard.importFile(csvFile(text))).toBe('Added 280 days.');

    for (const [range, rows] of [
      ['7 days', 7],
      ['30 days', 30],
      ['90 days', 90],
      ['1 year', 365],
      ['All', 401],
    ] as const) {
      await dashboard.chooseRange(range);
      await expect.poll(() => dashboard.historyRows().count()).toBe(rows);
      await expect(dashboard.historyDays().then((days) => days[0])).resolves.toBe(recordedDay);
    }
    await dashboard.chooseRange('90 days');
    expect(new URL(dashboard.page.url()).hash).toBe('#range=90d');
    await dashboard.page.reload();
    await expect.poll(() => dashboard.historyRows().count()).toBe(90);
  });

  it('keeps the history across a browser restart', async () => {
    const before = (await storedDays()).map((day) => day.day);
    expect(before).toHaveLength(401);
    await session.close();
    session = await launchWithExtension({ profileDir });
    await refuseProduction(session);

    const dashboard = await DashboardPage.open(session, '#range=all');
    await expect.poll(() => dashboard.historyRows().count(), { timeout: 15_000 }).toBe(401);
    expect(await dashboard.historyDays()).toEqual([...before].reverse());
  });

  describe('accessibility (axe-core: WCAG 2 A and AA)', () => {
    it.each(['light', 'dark'] as const)('has no serious or critical violation in %s mode', async (scheme) => {
      const dashboard = await DashboardPage.open(session, '#range=30d');
      await dashboard.page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await dashboard.overallScore().waitFor();
      await expect.poll(() => dashboard.historyRows().count()).toBe(30);
      expect(await seriousViolations(dashboard.page)).toEqual([]);
    });
  });
});

describe('dashboard with no key saved', () => {
  let fresh: ExtensionSession;

  beforeAll(async () => {
    fresh = await launchWithExtension();
    await refuseProduction(fresh);
  });

  afterAll(async () => {
    await fresh?.close();
  });

  it('sets no alarm, says to add a key with the way to the settings, and that history records by itself', async () => {
    expect(await readAlarms(fresh)).toEqual([]);
    const dashboard = await DashboardPage.open(fresh);
    const today = dashboard.section('Today');
    await expect.poll(() => today.getByRole('alert').textContent()).toContain('Add your API key in settings');
    await expect(dashboard.section('Trend').textContent()).resolves.toMatch(
      /No history yet\. SSI Companion records your SSI by itself/,
    );
    // The settings tab a fresh install opens may come late: none may be open before the click.
    const settingsTabs = () => fresh.context.pages().filter((page) => page.url().endsWith('/options.html'));
    for (const page of settingsTabs()) await page.close();
    await today.getByRole('button', { name: 'Open settings' }).click();
    await expect.poll(() => settingsTabs().length).toBe(1);
    await settingsTabs()[0]!.getByLabel('API base URL').waitFor();
  });
});

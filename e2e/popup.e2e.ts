import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS } from '../sandbox/data';
import { BAND_COLORS } from '../utils/ssi/model';
import { SANDBOX_DEMO_KEY, keyForScenario } from '../sandbox/keys';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { launchWithExtension, type ExtensionSession } from './browser';
import { POPUP_MARKS } from '../entrypoints/popup/marks';
import { decodeHistory, encodeHistory, historyStorageKey } from '../utils/history/codec';
import { localDay } from '../utils/history/day';
import { changeOver } from '../utils/history/trends';
import { formatDelta } from '../utils/format';
import { readingsUntil } from '../utils/testing/readings';
import { OptionsPage, POPUP_MAX_HEIGHT, PopupPage } from './pages';
import { readExtensionStorage, toolbarBadge, toolbarPopupUrl, writeExtensionStorage } from './worker';

interface ApiSsi {
  memberScore: { overall: number; subScores: { pillar: string; score: number }[] };
  industry: { rank: number; industryName: string };
  network: { rank: number };
}

interface FirstFrameRecord {
  seen: { count: number; text: string | null; controls: boolean }[];
  marks: Record<string, number>;
}

/** Records, from the first byte of the page, every state of the score and the popup's marks. */
const WATCH_SCORES = `(() => {
  const record = { seen: [], marks: {} };
  globalThis.__scores = record;
  new MutationObserver(() => {
    const scores = document.querySelectorAll('[data-testid="overall-score"]');
    record.seen.push({
      count: scores.length,
      text: scores[0] ? scores[0].textContent : null,
      controls: Array.from(document.querySelectorAll('.popup button')).some((button) => !button.closest('[inert]')),
    });
    for (const mark of performance.getEntriesByType('mark')) record.marks[mark.name] = mark.startTime;
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

let sandbox: SandboxServer;
let session: ExtensionSession;
/** Requests that reached production (the extension's default API base URL), as routed here. */
const production: string[] = [];

async function askSandbox(key: string): Promise<ApiSsi> {
  const response = await fetch(`${sandbox.url}/linkedin/ssi`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  sandbox.resetRequests();
  return (await response.json()) as ApiSsi;
}

const ssiRequests = () => sandbox.requests().filter((request) => request.path === '/linkedin/ssi');

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  session = await launchWithExtension();
  // Until a test saves the sandbox's address, the extension points at production: every
  // request it would send there, the service worker's included, is recorded and refused here.
  await session.context.route('https://api.connectsafely.ai/**', async (route) => {
    production.push(route.request().url());
    await route.fulfill({ status: 503, body: '' });
  });
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

afterEach(async () => {
  sandbox.setScenario(null);
  for (const page of session.context.pages()) await page.close();
});

describe('popup against the sandbox API', () => {
  it('asks for a key before anything else, with the way to settings', async () => {
    const popup = await PopupPage.open(session);
    await expect.poll(() => popup.alert().textContent()).toContain('Add your API key in settings');
    await expect(popup.page.getByRole('button', { name: 'Open settings' }).isVisible()).resolves.toBe(true);
    expect(production).toEqual([]);
    // The route does see the service worker's own requests: the check above could fail.
    const worker = await session.serviceWorker();
    await expect(
      worker.evaluate(() =>
        fetch('https://api.connectsafely.ai/linkedin/ssi').then((answer) => answer.status),
      ),
    ).resolves.toBe(503);
    expect(production).toEqual(['https://api.connectsafely.ai/linkedin/ssi']);
    production.length = 0;
  });

  it('is configured through the options page like a user does it', async () => {
    const options = await OptionsPage.open(session);
    expect(await options.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandbox.url })).toBe('Saved.');
    expect(await options.testConnection()).toMatch(
      /^Connected\. This key has 3 LinkedIn accounts: Ada Lovelace/,
    );
    // The key field is empty again after saving: the page never gets the key back.
    await expect(options.page.getByLabel('API key', { exact: true }).inputValue()).resolves.toBe('');
  });

  it('points each field the options page rejects at its problem, and saves none of them', async () => {
    const options = await OptionsPage.open(session);
    // The account is picked from a list now: the typed ID's rule is in accounts.e2e.ts.
    const outcome = await options.configure({ freshnessMinutes: 1 });
    /** A field's validity and what a screen reader reads as its description, in order. */
    const field = (label: string) =>
      options.page.getByLabel(label, { exact: true }).evaluate((input) => ({
        invalid: input.getAttribute('aria-invalid'),
        description: (input.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? `no #${id}`),
      }));

    expect(outcome).not.toBe('Saved.');
    expect(await field('Cache freshness (minutes)')).toMatchObject({
      invalid: 'true',
      description: [
        expect.stringContaining('How long a score is shown'),
        'Choose between 5 and 1440 minutes.',
      ],
    });
    expect(await field('API base URL')).toEqual({
      invalid: 'false',
      description: ['https:// only; http:// is allowed for localhost and 127.0.0.1.'],
    });
    const reopened = await OptionsPage.open(session);
    await expect(reopened.chosenAccount()).resolves.toMatch(/\(default\)$|^The key's default account$/);
    await expect(reopened.page.getByLabel('Cache freshness (minutes)').inputValue()).resolves.toBe('60');
  });

  it('shows the numbers the API returned: score, pillars and ranks', async () => {
    const api = await askSandbox(SANDBOX_DEMO_KEY);
    const popup = await PopupPage.open(session);
    await expect
      .poll(() => popup.overallScore().textContent())
      .toBe(String(Math.round(api.memberScore.overall)));
    await popup.settled();
    const pillars = await popup.pillarValues();
    const byEnum = Object.fromEntries(api.memberScore.subScores.map((s) => [s.pillar, s.score.toFixed(1)]));
    expect(pillars).toEqual({
      'Establish your professional brand': byEnum.PROFESSIONAL_BRAND,
      'Find the right people': byEnum.FIND_RIGHT_PEOPLE,
      'Engage with insights': byEnum.INSIGHT_ENGAGEMENT,
      'Build relationships': byEnum.STRONG_RELATIONSHIP,
    });
    await expect(
      popup.page.getByText(`Top ${api.industry.rank}% in ${api.industry.industryName}`).isVisible(),
    ).resolves.toBe(true);
    await expect(popup.page.getByText(`Top ${api.network.rank}% in your network`).isVisible()).resolves.toBe(
      true,
    );
    await expect(popup.page.getByTestId('freshness').textContent()).resolves.toMatch(/Updated just now/);
  });

  it('fits a 600 px popup: ring, ranks, 30-day sparkline and pillar chart; the numbers one key away', async () => {
    // The worker recorded today's reading on Save: add the 40 days before it, as an import would.
    const stored = await readExtensionStorage(session, null);
    const key = Object.keys(stored).find((name) => name.startsWith('history:'))!;
    const account = key.slice('history:'.length);
    const today = (stored[key] as { days: unknown[] }).days;
    const earlier = readingsUntil(localDay(Date.now() - 86_400_000), 40, (day) => 40 + day * 0.5).map(
      (reading) => ({
        ...reading,
        accountId: account,
      }),
    );
    const history = encodeHistory(account, earlier);
    await writeExtensionStorage(session, {
      [historyStorageKey(account)]: { ...history, days: [...history.days, ...today] },
    });

    const popup = await PopupPage.open(session);
    await popup.settled();
    const sparkline = popup.page.getByRole('img', { name: /^SSI over the last 30 days: from \d+ to \d+$/ });
    await expect.poll(() => sparkline.isVisible()).toBe(true);
    // The changes against 7 and 30 days ago, as the recorded history says.
    const recorded = decodeHistory((await readExtensionStorage(session, [key]))[key])!.days;
    const trend = popup.page.getByTestId('recent-trend');
    for (const [span, ago] of [
      ['7 days', 7],
      ['30 days', 30],
    ] as const) {
      const change = formatDelta(changeOver(recorded, ago));
      expect(change).not.toBe('—');
      await expect.poll(() => trend.locator(`[data-span="${span}"] strong`).textContent()).toBe(change);
    }

    // Everything but the numbers table within Chrome's 600 px, without scrolling.
    const bottom = (selector: string) =>
      popup.page.locator(selector).evaluate((node) => node.getBoundingClientRect().bottom);
    for (const selector of ['.score-ring', '.ranks', '.recent-trend', '.pillars__chart', '.popup__footer']) {
      expect(await bottom(selector), selector).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    }
    expect(await popup.page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
      POPUP_MAX_HEIGHT,
    );

    // The table of numbers: one key away, for keyboard and screen reader users.
    const table = popup.page.locator('.pillars__table');
    expect(await table.isVisible()).toBe(false);
    await popup.page.getByText('Pillar numbers').focus();
    await popup.page.keyboard.press('Enter');
    await expect.poll(() => table.isVisible()).toBe(true);
  });

  it('opens the dashboard in a tab', async () => {
    const popup = await PopupPage.open(session);
    const opened = session.context.waitForEvent('page');
    await popup.page.getByRole('button', { name: 'Open dashboard' }).click();
    expect((await opened).url()).toBe(session.url('dashboard.html'));
  });

  it('paints the cached score in its first frame, before the app, and hands over without a second score', async () => {
    const cached = await (await PopupPage.open(session)).overallScore().textContent();
    const opens: FirstFrameRecord[] = [];
    for (let round = 0; round < 3; round++) {
      const page = await session.context.newPage();
      await page.addInitScript(WATCH_SCORES);
      const popup = await PopupPage.openFromToolbar(session, page);
      await popup.settled();
      opens.push(
        await page.evaluate(() => (globalThis as unknown as { __scores: FirstFrameRecord }).__scores),
      );
      await page.close();
    }
    for (const { seen, marks } of opens) {
      // Never two scores at once, never a different one, never none again once one was shown:
      // the first frame and the app agree, and the hand-over leaves no blank frame.
      expect(seen.every((sighting) => sighting.count <= 1)).toBe(true);
      expect(seen.filter((sighting) => sighting.count === 1).map((sighting) => sighting.text)).toEqual(
        seen.filter((sighting) => sighting.count === 1).map(() => cached),
      );
      const firstShown = seen.findIndex((sighting) => sighting.count === 1);
      expect(firstShown).toBeGreaterThanOrEqual(0);
      expect(seen.slice(firstShown).every((sighting) => sighting.count === 1)).toBe(true);
      // Drawn from the URL by the classic script, which runs before the app's module: no live
      // controls yet, and before the app rendered.
      expect(seen.find((sighting) => sighting.count === 1)?.controls).toBe(false);
      expect(marks[POPUP_MARKS.firstFrame]).toBeLessThan(marks[POPUP_MARKS.app]!);
    }
  });

  it("keeps the toolbar popup's preview on the configured account's cached score", async () => {
    const url = () => toolbarPopupUrl(session).then((address) => new URL(address));
    const shownScore = async () => {
      const popup = await PopupPage.open(session);
      await popup.settled();
      return Number(await popup.overallScore().textContent());
    };

    const options = await OptionsPage.open(session);
    expect(await options.configure({ accountId: SANDBOX_ACCOUNTS[2]!.id })).toBe('Saved.');
    const score = await shownScore();
    await expect.poll(async () => (await url()).searchParams.get('account')).toBe(SANDBOX_ACCOUNTS[2]!.id);
    expect(Math.round(Number((await url()).searchParams.get('score')))).toBe(score);

    // A new key forgets every cached reading: no preview while the new key has none.
    await options.page.reload();
    expect(await options.configure({ apiKey: keyForScenario('unauthorized'), accountId: '' })).toBe('Saved.');
    await expect.poll(async () => (await url()).search).toBe('');
    expect((await url()).pathname).toBe('/popup.html');

    await options.page.reload();
    expect(await options.configure({ apiKey: SANDBOX_DEMO_KEY })).toBe('Saved.');
    await shownScore();
    await expect.poll(async () => (await url()).searchParams.get('account')).toBe('');
  });

  it('opening the popup five times within the freshness window costs one API request', async () => {
    // Another account of the same key starts with a cold cache.
    sandbox.resetRequests();
    const options = await OptionsPage.open(session);
    // Saving asks at once (the toolbar icon follows the new account): that is the one request.
    expect(await options.configure({ accountId: SANDBOX_ACCOUNTS[1]!.id })).toBe('Saved.');
    for (let i = 0; i < 5; i++) {
      const popup = await PopupPage.open(session);
      await expect.poll(() => popup.overallScore().textContent()).toMatch(/^\d+$/);
      await popup.settled();
      await popup.page.close();
    }
    expect(ssiRequests()).toHaveLength(1);
    expect(ssiRequests()[0]?.query.accountId).toBe(SANDBOX_ACCOUNTS[1]!.id);
  });

  it('keeps the last good score on screen when a refresh fails, and says what to do', async () => {
    const popup = await PopupPage.open(session);
    await expect.poll(() => popup.overallScore().textContent()).toMatch(/^\d+$/);
    const before = await popup.overallScore().textContent();
    sandbox.setScenario('session-expired');
    await popup.refresh();
    await expect.poll(() => popup.alert().textContent()).toContain('reconnect the account in ConnectSafely');
    await expect(popup.alert().textContent()).resolves.toContain('Showing your last SSI');
    await expect(popup.overallScore().textContent()).resolves.toBe(before);
    // A 500 is retried twice with backoff before the failure is shown.
    expect(ssiRequests().filter((r) => r.scenario === 'session-expired')).toHaveLength(3);
  });

  it.each([
    ['unauthorized', 'The API key was rejected: check it in settings.', 'Open settings'],
    ['trial-expired', 'Your trial has expired. Upgrade your plan to keep using the API.', 'Open settings'],
    ['rate-limited', 'ConnectSafely asked us to slow down.', 'Try again'],
  ] as const)(
    'with a %s key and no data yet, explains it in words with a way out',
    async (scenario, words, action) => {
      const options = await OptionsPage.open(session);
      expect(await options.configure({ apiKey: keyForScenario(scenario) })).toBe('Saved.');
      const popup = await PopupPage.open(session);
      await expect.poll(() => popup.alert().textContent()).toContain(words);
      await expect(popup.page.getByRole('button', { name: action }).isVisible()).resolves.toBe(true);
      await expect(popup.overallScore().count()).resolves.toBe(0);
    },
  );

  it('puts the score on the toolbar icon, coloured by band, and "!" with the reason after a failure', async () => {
    /** RGBA of a CSS hex colour, as `action.getBadgeBackgroundColor` gives it. */
    const rgba = (hex: string) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).concat(255);
    const options = await OptionsPage.open(session);
    expect(await options.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandbox.url })).toBe('Saved.');

    for (const account of SANDBOX_ACCOUNTS) {
      await options.page.reload();
      expect(await options.configure({ account: `${account.firstName} ${account.lastName}` })).toBe('Saved.');
      const popup = await PopupPage.open(session);
      await expect.poll(() => popup.overallScore().textContent()).toMatch(/^\d+$/);
      await popup.settled();
      const score = (await popup.overallScore().textContent()) ?? '';
      await popup.page.close();
      // Red under 40, amber under 70, green from 70 (README), by the number shown.
      const band = Number(score) < 40 ? 'low' : Number(score) < 70 ? 'mid' : 'high';

      await expect
        .poll(() => toolbarBadge(session))
        .toEqual({
          text: score,
          color: rgba(BAND_COLORS[band]),
          title: `SSI Companion: your SSI is ${score} of 100`,
        });
    }

    await options.page.reload();
    expect(await options.configure({ apiKey: keyForScenario('unauthorized'), accountId: '' })).toBe('Saved.');
    await expect
      .poll(() => toolbarBadge(session))
      .toEqual({
        text: '!',
        color: rgba(BAND_COLORS.error),
        title: 'SSI Companion: API key rejected. The API key was rejected: check it in settings.',
      });
  });
});

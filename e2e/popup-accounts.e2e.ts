import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS } from '../sandbox/data';
import { SANDBOX_DEMO_KEY } from '../sandbox/keys';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { launchWithExtension, type ExtensionSession } from './browser';
import { OptionsPage, PopupPage } from './pages';
import { readExtensionStorage } from './worker';

const [ADA, GRACE] = SANDBOX_ACCOUNTS;

/**
 * Records, every frame from the page's first byte, the account the header names (the picked
 * option, or the text) next to the score on screen.
 */
const RECORD_FRAMES = `(() => {
  const frames = [];
  globalThis.__frames = frames;
  const record = () => {
    const line = document.querySelector('[data-testid="account"]');
    const select = line && line.querySelector('select');
    const name = select ? (select.selectedOptions[0] ? select.selectedOptions[0].textContent : null)
      : line && line.firstChild ? line.firstChild.textContent : null;
    const score = document.querySelector('[data-testid="overall-score"]');
    frames.push({ name, score: score ? score.textContent : null });
    requestAnimationFrame(record);
  };
  requestAnimationFrame(record);
})();`;

let sandbox: SandboxServer;
let session: ExtensionSession;
/** Each account's score today as the sandbox gives it, rounded as the ring shows it. */
const scores: Record<string, string> = {};

const ssiRequests = () => sandbox.requests().filter((request) => request.path === '/linkedin/ssi');

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  session = await launchWithExtension();
  for (const account of [ADA!, GRACE!]) {
    const response = await fetch(`${sandbox.url}/linkedin/ssi?accountId=${account.id}`, {
      headers: { Authorization: `Bearer ${SANDBOX_DEMO_KEY}` },
    });
    const body = (await response.json()) as { memberScore: { overall: number } };
    scores[account.id] = String(Math.round(body.memberScore.overall));
  }
  expect(scores[ADA!.id]).not.toBe(scores[GRACE!.id]);
  const options = await OptionsPage.open(session);
  expect(await options.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandbox.url })).toBe('Saved.');
  await options.page.close();
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

async function openPopup(): Promise<PopupPage> {
  const tab = await session.context.newPage();
  await tab.addInitScript(RECORD_FRAMES);
  const popup = await PopupPage.open(session, tab);
  await popup.settled();
  return popup;
}

describe('the popup with several accounts on the key', () => {
  it("names the account in the header and offers the key's accounts, the default one once", async () => {
    const popup = await openPopup();

    await expect.poll(() => popup.accountPicker().isVisible()).toBe(true);
    await expect(popup.accountPicker().locator('option').allTextContents()).resolves.toEqual([
      'Ada Lovelace (default)',
      'Grace Hopper',
      'Alan Turing',
    ]);
    await expect(popup.accountName()).resolves.toBe('Ada Lovelace (default)');
    await expect(popup.overallScore().textContent()).resolves.toBe(scores[ADA!.id]);
    await popup.page.close();
  });

  it("switches to another account, never showing one account's score under another's name, and remembers it", async () => {
    const popup = await openPopup();
    await expect.poll(() => popup.accountPicker().isVisible()).toBe(true);

    await popup.accountPicker().selectOption({ label: 'Grace Hopper' });

    await expect.poll(() => popup.overallScore().textContent()).toBe(scores[GRACE!.id]);
    await expect(popup.accountName()).resolves.toBe('Grace Hopper');
    const frames = (await popup.page.evaluate('globalThis.__frames')) as {
      name: string;
      score: string | null;
    }[];
    const shown = frames.filter((frame) => frame.score !== null);
    expect(shown.some((frame) => frame.name === 'Grace Hopper')).toBe(true);
    // Ada's score only ever under her name (as text first, then as the picked option).
    const names = {
      [scores[ADA!.id]!]: ['Ada Lovelace', 'Ada Lovelace (default)'],
      [scores[GRACE!.id]!]: ['Grace Hopper'],
    };
    for (const frame of shown) expect(names[frame.score!]).toContain(frame.name);
    const { settings } = await readExtensionStorage(session, ['settings']);
    expect(settings).toMatchObject({ accountId: GRACE!.id });
    await popup.page.close();

    const reopened = await openPopup();
    await expect(reopened.overallScore().textContent()).resolves.toBe(scores[GRACE!.id]);
    await expect.poll(() => reopened.accountName()).toBe('Grace Hopper');
    await reopened.page.close();
  });

  it('switches back to an account whose reading is fresh without asking the API', async () => {
    const popup = await openPopup();
    await expect.poll(() => popup.accountPicker().isVisible()).toBe(true);
    const before = ssiRequests().length;

    await popup.accountPicker().selectOption({ label: 'Ada Lovelace (default)' });

    await expect.poll(() => popup.overallScore().textContent()).toBe(scores[ADA!.id]);
    await popup.settled();
    expect(ssiRequests()).toHaveLength(before);
    await popup.page.close();
  });
});

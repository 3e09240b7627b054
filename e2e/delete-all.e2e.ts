import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_DEMO_KEY } from '../sandbox/keys';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { PRODUCTION_API } from '../utils/api-origin';
import { badge } from './badge-probe';
import { launchWithExtension, type ExtensionSession } from './browser';
import { LINKEDIN, ME, serveLinkedIn } from './linkedin';
import { OptionsPage, PopupPage } from './pages';
import { readAlarms, readExtensionStorage, toolbarBadge } from './worker';

let sandbox: SandboxServer;
let session: ExtensionSession;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  session = await launchWithExtension();
  await serveLinkedIn(session.context);
  // After the deletion the settings point at production again: nothing may reach it.
  await session.context.route(`${PRODUCTION_API}/**`, (route) => route.fulfill({ status: 503, body: '' }));
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

describe('Delete all data', () => {
  it('leaves nothing in storage, the popup asking for a key, and the profile badge without a score', async () => {
    const options = await OptionsPage.open(session);
    expect(await options.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandbox.url })).toBe('Saved.');
    const popup = await PopupPage.open(session);
    await popup.overallScore().waitFor();
    await popup.settled();
    const score = (await popup.overallScore().textContent()) ?? '';
    const profile = await session.context.newPage();
    await profile.goto(`${LINKEDIN}/in/${ME.slug}/`);
    const profileBadge = badge(profile);
    await profileBadge.waitFor({ selector: '.ssi-pill__label', text: `SSI ${score}` });
    // What there is to delete: the key, a reading, its day of history, a scheduled refresh.
    await expect
      .poll(async () => Object.keys(await readExtensionStorage(session)).sort())
      .toEqual(
        expect.arrayContaining(['apiKey', 'settings', 'ssiCache', expect.stringMatching(/^history:/)]),
      );
    expect(await readAlarms(session)).not.toEqual([]);
    expect((await toolbarBadge(session)).text).toBe(score);

    expect(await options.deleteAllData()).toBe('All data deleted.');

    expect(await readExtensionStorage(session)).toEqual({});
    expect(await readAlarms(session)).toEqual([]);
    // No score on the icon: empty, or the "!" of "Add your API key" once a tab asks again.
    expect((await toolbarBadge(session)).text).toMatch(/^!?$/);
    // The page shows the defaults: no key saved, production.
    await expect(options.page.getByLabel('API base URL').inputValue()).resolves.toBe(PRODUCTION_API);
    await expect(
      options.page.getByText('Paste the API key from your ConnectSafely dashboard.').isVisible(),
    ).resolves.toBe(true);
    // The LinkedIn tab was told: its badge no longer shows the score (as on a fresh install,
    // only the way to set up).
    await profileBadge.waitFor({ selector: '.ssi-pill__label', text: 'SSI: set up' });
    expect(await profileBadge.showsText(`SSI ${score}`)).toBe(false);
    const after = await PopupPage.open(session);
    await expect.poll(() => after.alert().textContent()).toContain('Add your API key in settings');
    await expect(after.overallScore().count()).resolves.toBe(0);
    // Nothing came back meanwhile (the worker's reactions to the deletion write nothing).
    expect(await readExtensionStorage(session)).toEqual({});
  });
});

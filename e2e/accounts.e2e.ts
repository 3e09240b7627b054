/**
 * The key's LinkedIn accounts, end to end against the sandbox: the options page's picker, the
 * popup and the worker following the account picked, and the profile badge on every member's
 * profile.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_LABEL } from '../utils/account-choices';
import { buildSsiBody, SANDBOX_ACCOUNTS, type SandboxAccount } from '../sandbox/data';
import { keyForScenario, SANDBOX_DEMO_KEY } from '../sandbox/keys';
import { badge } from './badge-probe';
import { badgeSessionPerFile } from './badge-session';
import { fixturePages, LINKEDIN, MEMBER, memberPages, OTHER } from './linkedin';
import { OptionsPage, PopupPage } from './pages';
import { readExtensionStorage } from './worker';

const [ADA, GRACE, ALAN] = SANDBOX_ACCOUNTS as [SandboxAccount, SandboxAccount, SandboxAccount];
const nameOf = (account: SandboxAccount) => `${account.firstName} ${account.lastName}`;

/**
 * The account's score as the sandbox gives it today, rounded as the pages show it: both days'
 * when a test runs across midnight (UTC), since the sandbox's numbers change with the day.
 */
function todaysScores(account: SandboxAccount, since: number): string[] {
  return [new Date(since), new Date()].map((day) =>
    String(Math.round(buildSsiBody(account, day).memberScore.overall)),
  );
}

// The sandbox's key saved, for the sandbox's address; LinkedIn's fixtures with every member's profile.
const suite = badgeSessionPerFile({ ...fixturePages(), ...memberPages() });
afterEach(() => suite().sandbox.setScenario(null));

describe("the key's LinkedIn accounts", () => {
  it('offers the typed Account ID while no key is saved, then picks the accounts by name', async () => {
    const options = await OptionsPage.open(suite().session);
    expect(await options.accountField()).toBe('picker');
    await options.page.getByRole('button', { name: 'Remove saved key' }).click();
    await options.typedAccountId().waitFor();
    await expect(
      options.page.getByText('Save your key to pick an account by name.').isVisible(),
    ).resolves.toBe(true);

    expect(await options.configure({ apiKey: SANDBOX_DEMO_KEY })).toBe('Saved.');
    expect(await options.accountField()).toBe('picker');
    // Which account is the default is known once a reading says so: Save asks for one.
    expect([
      [`${nameOf(ADA)} (default)`, nameOf(GRACE), nameOf(ALAN)],
      [DEFAULT_ACCOUNT_LABEL, nameOf(ADA), nameOf(GRACE), nameOf(ALAN)],
    ]).toContainEqual(await options.accountChoices());
    await expect
      .poll(async () => {
        await options.reloadAccounts();
        return options.accountChoices();
      })
      .toEqual([`${nameOf(ADA)} (default)`, nameOf(GRACE), nameOf(ALAN)]);
    expect(await options.chosenAccount()).toBe(`${nameOf(ADA)} (default)`);
  });

  it("picking Grace and saving shows her SSI in the popup, and the worker's settings hold her ID", async () => {
    const since = Date.now();
    const options = await OptionsPage.open(suite().session);
    expect(await options.configure({ account: nameOf(GRACE) })).toBe('Saved.');
    const { settings } = await readExtensionStorage(suite().session, ['settings']);
    expect((settings as { accountId: string }).accountId).toBe(GRACE.id);

    const popup = await PopupPage.open(suite().session);
    await popup.settled();
    expect(todaysScores(GRACE, since)).toContain(await popup.overallScore().textContent());

    const reopened = await OptionsPage.open(suite().session);
    expect(await reopened.chosenAccount()).toBe(nameOf(GRACE));
  });

  it("with Ada selected, Grace's profile shows a badge with Grace's score, and a stranger's none", async () => {
    const since = Date.now();
    const options = await OptionsPage.open(suite().session);
    expect(await options.configure({ account: nameOf(ADA) })).toBe('Saved.');

    const grace = await suite().session.context.newPage();
    await grace.goto(`${LINKEDIN}/in/${MEMBER.slug}/`);
    const graceBadge = badge(grace);
    await graceBadge.waitFor('.ssi-pill__label');
    expect(todaysScores(GRACE, since).map((score) => `SSI ${score}`)).toContain(
      await graceBadge.text('.ssi-pill__label'),
    );
    await graceBadge.holdsCount(1);

    const stranger = await suite().session.context.newPage();
    await stranger.goto(`${LINKEDIN}/in/${OTHER.slug}/`);
    await badge(stranger).holdsCount(0);
  });

  it('keeps the list it has when a reload fails, and says so', async () => {
    const options = await OptionsPage.open(suite().session);
    expect(await options.accountField()).toBe('picker');
    suite().sandbox.setScenario('unauthorized');
    await options.reloadAccounts();
    await expect(options.page.getByRole('alert').textContent()).resolves.toBe(
      'The list may be out of date. The API key was rejected: check it in settings.',
    );
    expect(await options.accountChoices()).toHaveLength(3);
  });

  it('falls back to the typed Account ID, with the failure in words, when no list can load', async () => {
    const options = await OptionsPage.open(suite().session);
    expect(await options.configure({ apiKey: keyForScenario('trial-expired') })).toBe('Saved.');
    expect(await options.accountField()).toBe('typed');
    /** What a screen reader reads as the typed ID's description, in order, and its validity. */
    const typed = () =>
      options.typedAccountId().evaluate((input) => ({
        invalid: input.getAttribute('aria-invalid'),
        description: (input.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? `no #${id}`),
      }));
    expect(await typed()).toEqual({
      invalid: 'false',
      description: [
        "Optional. Leave empty for the key's default LinkedIn account.",
        'Your accounts could not be listed. ConnectSafely refused access: “Your trial has expired. Upgrade your plan to keep using the API.”',
      ],
    });

    // The typed ID is read by its rule, as before there was a picker.
    expect(await options.configure({ accountId: 'not an id!' })).not.toBe('Saved.');
    expect(await typed()).toEqual({
      invalid: 'true',
      description: [
        "Optional. Leave empty for the key's default LinkedIn account.",
        expect.stringContaining('Your trial has expired'),
        'An account ID has only letters, digits, "-" and "_" (ConnectSafely shows it as 24 characters).',
      ],
    });
  });
});

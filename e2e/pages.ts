/** Page objects for the extension's pages, driven the way a user drives them. */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from './browser';
import { toolbarPopupUrl } from './worker';

export class OptionsPage {
  constructor(readonly page: Page) {}

  static async open(session: ExtensionSession): Promise<OptionsPage> {
    const page = await session.context.newPage();
    await page.goto(session.url('options.html'));
    await page.getByLabel('API base URL').waitFor();
    return new OptionsPage(page);
  }

  /**
   * Fills the form like a user and presses Save; resolves with what the page then says.
   * `account` picks an account by name; `accountId` picks it by ID in the picker, or types it
   * when the page shows the typed Account ID.
   */
  async configure(values: {
    apiKey?: string;
    apiBaseUrl?: string;
    account?: string;
    accountId?: string;
    freshnessMinutes?: number;
  }) {
    if (values.apiKey !== undefined)
      await this.page.getByLabel('API key', { exact: true }).fill(values.apiKey);
    if (values.apiBaseUrl !== undefined) await this.page.getByLabel('API base URL').fill(values.apiBaseUrl);
    if (values.account !== undefined) await this.chooseAccount(values.account);
    if (values.accountId !== undefined) {
      if ((await this.accountField()) === 'picker') {
        await this.accountPicker().selectOption({ value: values.accountId });
      } else {
        await this.typedAccountId().fill(values.accountId);
      }
    }
    if (values.freshnessMinutes !== undefined) {
      await this.page.getByLabel('Cache freshness (minutes)').fill(String(values.freshnessMinutes));
    }
    return this.save();
  }

  /** The "LinkedIn account" picker. */
  accountPicker() {
    return this.page.getByLabel('LinkedIn account', { exact: true });
  }

  /** The typed "Account ID", shown while no list of accounts can load. */
  typedAccountId() {
    return this.page.getByLabel('Account ID', { exact: true });
  }

  /** Waits until the account field is done loading; resolves with the one shown. */
  async accountField(): Promise<'picker' | 'typed'> {
    const picker = this.accountPicker().and(this.page.locator(':enabled'));
    await picker.or(this.typedAccountId()).waitFor();
    await this.page.getByRole('button', { name: 'Reloading…' }).waitFor({ state: 'detached' });
    return (await picker.count()) ? 'picker' : 'typed';
  }

  /** The picker's choices as it shows them, once loaded. */
  async accountChoices(): Promise<string[]> {
    await this.accountField();
    return this.accountPicker()
      .locator('option')
      .evaluateAll((options) => options.map((option) => option.textContent ?? ''));
  }

  /** The choice the picker shows. */
  async chosenAccount(): Promise<string> {
    await this.accountField();
    return this.accountPicker().evaluate((select) => {
      const picker = select as HTMLSelectElement;
      return picker.selectedOptions[0]?.textContent ?? '';
    });
  }

  /** Picks the account named `name` (marked or not as the default, or as needing attention). */
  async chooseAccount(name: string): Promise<void> {
    await this.accountField();
    const options = await this.accountPicker()
      .locator('option')
      .evaluateAll((found) =>
        found.map((option) => [(option as HTMLOptionElement).value, option.textContent ?? '']),
      );
    const plain = (label: string) => label.replace(/ \(default\)$| — needs attention$/, '');
    const chosen = options.find(([, label]) => plain(label!) === name);
    if (!chosen)
      throw new Error(`No account "${name}" among ${options.map(([, label]) => label).join(', ')}`);
    await this.accountPicker().selectOption({ value: chosen[0]! });
  }

  /** Presses "Reload list" and waits for the answer. */
  async reloadAccounts(): Promise<void> {
    await this.page.getByRole('button', { name: 'Reload list' }).click();
    // The worker may answer before the busy state is seen: then there is nothing to wait for.
    await this.page
      .getByRole('button', { name: 'Reloading…' })
      .waitFor({ timeout: 1_000 })
      .catch(() => {});
    await this.accountField();
  }

  async save(): Promise<string> {
    const outcome = this.page.getByTestId('save-outcome');
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await outcome
      .filter({ hasNotText: /^Saving/ })
      .filter({ hasText: /\S/ })
      .waitFor();
    return (await outcome.textContent()) ?? '';
  }

  /** Presses "Delete all data", confirms with Delete, and resolves with what the page then says. */
  async deleteAllData(): Promise<string> {
    const outcome = this.page.getByTestId('delete-outcome');
    await this.page.getByRole('button', { name: 'Delete all data' }).click();
    await this.page
      .getByRole('group', { name: /^Delete everything\?/ })
      .getByRole('button', { name: 'Delete', exact: true })
      .click();
    await outcome.filter({ hasText: /\S/ }).waitFor();
    return (await outcome.textContent()) ?? '';
  }

  async testConnection(): Promise<string> {
    const outcome = this.page.getByTestId('test-outcome');
    await this.page.getByRole('button', { name: 'Test connection' }).click();
    await outcome
      .filter({ hasNotText: /^Testing/ })
      .filter({ hasText: /\S/ })
      .waitFor();
    return (await outcome.textContent()) ?? '';
  }
}

/** The tallest a toolbar popup can be: Chrome caps popups at 800 × 600. */
export const POPUP_MAX_HEIGHT = 600;

export class PopupPage {
  constructor(readonly page: Page) {}

  /** Opens `popup.html` in a tab (as tests and some users do). */
  static async open(session: ExtensionSession, page?: Page): Promise<PopupPage> {
    return PopupPage.openAt(session.url('popup.html'), session, page);
  }

  /**
   * Opens, in a tab, the very URL the toolbar button opens now (with the preview the worker put
   * in it): headless Chromium has no toolbar to click.
   */
  static async openFromToolbar(session: ExtensionSession, page?: Page): Promise<PopupPage> {
    return PopupPage.openAt(await toolbarPopupUrl(session), session, page);
  }

  private static async openAt(url: string, session: ExtensionSession, page?: Page): Promise<PopupPage> {
    const tab = page ?? (await session.context.newPage());
    // Chrome's cap on a toolbar popup's height (its width is the popup's own 380 px).
    await tab.setViewportSize({ width: 380, height: POPUP_MAX_HEIGHT });
    await tab.goto(url);
    return new PopupPage(tab);
  }

  overallScore() {
    return this.page.getByTestId('overall-score');
  }

  alert() {
    return this.page.getByRole('alert');
  }

  /** The header's picker of the key's accounts (there when the key has more than one). */
  accountPicker() {
    return this.page.getByRole('combobox', { name: 'LinkedIn account' });
  }

  /** The account the header names: the picked option, or the line's text. */
  async accountName(): Promise<string | null> {
    return this.page.getByTestId('account').evaluate((line) => {
      const select = line.querySelector('select');
      return select
        ? (select.selectedOptions[0]?.textContent ?? null)
        : (line.firstChild?.textContent ?? null);
    });
  }

  /** Waits until no request is under way. */
  async settled(): Promise<void> {
    await this.page.locator('.popup[aria-busy="false"]').waitFor();
  }

  async refresh(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Refresh|Refreshing…)$/ }).click();
  }

  /** The member's pillar values as the table shows them, by row label. */
  async pillarValues(): Promise<Record<string, string>> {
    const rows = this.page.locator('.pillars__table tbody tr');
    const values: Record<string, string> = {};
    for (const row of await rows.all()) {
      const label = (await row.locator('th').textContent()) ?? '';
      values[label] = (await row.locator('td').first().textContent()) ?? '';
    }
    return values;
  }
}

/** A file to import, as Playwright hands it to a file input. */
export interface ImportFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export class DashboardPage {
  constructor(readonly page: Page) {}

  /** Opens `dashboard.html` (with `hash`, e.g. `#range=90d`) in a new tab. */
  static async open(session: ExtensionSession, hash = ''): Promise<DashboardPage> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(session.url(`dashboard.html${hash}`));
    const dashboard = new DashboardPage(page);
    await dashboard.section('Trend').waitFor();
    return dashboard;
  }

  section(name: 'Today' | 'Focus' | 'Goal' | 'Trend' | 'Export and import') {
    return this.page.getByRole('region', { name, exact: true });
  }

  overallScore() {
    return this.section('Today').getByTestId('overall-score');
  }

  /** The history table's rows, newest first. */
  historyRows() {
    return this.section('Trend').locator('tbody tr[data-day]');
  }

  /** The days the history table shows, newest first. */
  async historyDays(): Promise<string[]> {
    return this.historyRows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-day') ?? ''));
  }

  async chooseRange(label: '7 days' | '30 days' | '90 days' | '1 year' | 'All'): Promise<void> {
    const button = this.section('Trend').getByRole('button', { name: label, exact: true });
    await button.click();
    await this.page.locator(`.range-picker button[aria-pressed="true"]`, { hasText: label }).waitFor();
  }

  /** Sets a goal like a user, and waits for its progress to show. */
  async setGoal(target: number, by: string): Promise<void> {
    const goal = this.section('Goal');
    await goal.getByLabel('Target SSI').fill(String(target));
    await goal.getByLabel('By').fill(by);
    await goal.getByRole('button', { name: /^(Set|Update) goal$/ }).click();
    await goal.getByRole('progressbar').waitFor();
  }

  /** Picks `file` in "Import" and resolves with what the page then says. */
  async importFile(file: ImportFile): Promise<string> {
    const outcome = this.page.getByTestId('import-outcome');
    await this.page.getByLabel('Import', { exact: true }).setInputFiles(file);
    await outcome
      .filter({ hasText: /\S/ })
      .filter({ hasNotText: /^Importing…$/ })
      .waitFor();
    return ((await outcome.textContent()) ?? '').trim();
  }

  /** Presses "Export CSV" or "Export JSON"; resolves with the file's name and text. */
  async export(format: 'CSV' | 'JSON'): Promise<{ name: string; text: string }> {
    return downloaded(
      this.page,
      this.section('Export and import').getByRole('button', { name: `Export ${format}` }),
    );
  }
}

/** Clicks `button` and resolves with the name and text of the file it downloads. */
async function downloaded(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** The dashboard's Team tab. */
export class TeamPage {
  constructor(readonly page: Page) {}

  /** Opens `dashboard.html#tab=team` in a new tab. */
  static async open(session: ExtensionSession): Promise<TeamPage> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(session.url('dashboard.html#tab=team'));
    const team = new TeamPage(page);
    await team.section().waitFor();
    return team;
  }

  section() {
    return this.page.getByRole('region', { name: 'Team', exact: true });
  }

  /** The progress line (a live region). */
  progress() {
    return this.section().getByTestId('team-progress');
  }

  /** Waits until every account was read or said why not. */
  async settled(): Promise<void> {
    await this.progress()
      .filter({ hasText: /^\d+ of \d+ read(\.|; \d+ could not be read now\.)$/ })
      .waitFor({ timeout: 20_000 });
  }

  rows() {
    return this.section().locator('tbody tr');
  }

  /** Each row's name and SSI as shown, in the table's order. */
  async scores(): Promise<[string, string][]> {
    return this.rows().evaluateAll((rows) =>
      rows.map((row) => [
        row.querySelector('th')?.textContent ?? '',
        row.querySelector('td')?.textContent ?? '',
      ]),
    );
  }

  /** The header cell of a column. */
  header(label: string) {
    return this.section().locator('thead th', {
      has: this.page.getByRole('button', { name: label, exact: true }),
    });
  }

  async sortBy(label: string): Promise<void> {
    await this.section().getByRole('button', { name: label, exact: true }).click();
  }

  async exportCsv(): Promise<{ name: string; text: string }> {
    return downloaded(this.page, this.section().getByRole('button', { name: 'Export CSV' }));
  }
}

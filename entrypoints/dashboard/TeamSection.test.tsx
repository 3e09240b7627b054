// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Load from '@/components/charts/load';
import { describeError, type SsiError } from '@/utils/errors';
import { addDays, localDay } from '@/utils/history/day';
import type { KeyAccount } from '@/utils/key-accounts';
import type { DescribedSsiState, Reply } from '@/utils/messaging/protocol';
import { ok } from '@/utils/result';
import { readingOn } from '@/utils/testing/readings';
import { makeSnapshot } from '@/utils/testing/snapshot';
import { describedState } from '@/utils/testing/ssi-state';
import { App } from './App';
import type { DashboardPort, DownloadFile } from './port';

vi.mock('@/components/charts/load', async (original) => ({
  ...(await original<typeof Load>()),
  loadChart: () => new Promise(() => {}),
  loadLineChart: () => new Promise(() => {}),
}));

const NOW = new Date(2026, 11, 3, 12).getTime();
const TODAY = localDay(NOW);

const ACCOUNTS: KeyAccount[] = [
  { id: 'ada', name: 'Ada Lovelace', publicId: null, status: 'AVAILABLE', apiSeat: true },
  { id: 'grace', name: 'Grace Hopper', publicId: null, status: 'AVAILABLE', apiSeat: true },
  { id: 'alan', name: 'Alan Turing', publicId: null, status: 'AVAILABLE', apiSeat: true },
  { id: 'kurt', name: 'Kurt Gödel', publicId: null, status: 'ERROR', apiSeat: true },
];
const SCORES: Record<string, number> = { ada: 67.4, grace: 48.6, alan: 21.2 };

const reading = (id: string) =>
  describedState({
    snapshot: makeSnapshot({ accountId: id, overall: SCORES[id]!, fetchedAt: NOW - 5 * 60_000 }),
  });

function teamPort(answer: (id: string, refresh: boolean) => DescribedSsiState = (id) => reading(id)) {
  return {
    read: vi.fn(async () => ({
      accountId: 'ada',
      accountName: 'Ada Lovelace',
      entry: null,
      days: [],
      goal: null,
    })),
    watch: vi.fn(() => () => {}),
    getSsi: vi.fn(async () => ok(reading('ada'))),
    getAccounts: vi.fn(async (): Promise<Reply<'accounts:get'>> =>
      ok({ accounts: ACCOUNTS, defaultAccountId: 'ada', problem: null }),
    ),
    getAccountSsi: vi.fn(async (id: string, refresh: boolean) => ok(answer(id, refresh))),
    readHistories: vi.fn(async (ids: readonly string[]) =>
      Object.fromEntries(
        ids.map((id) => [
          id,
          id === 'ada'
            ? [
                readingOn(addDays(TODAY, -7), 65.9, { accountId: id }),
                readingOn(TODAY, 67.4, { accountId: id }),
              ]
            : [],
        ]),
      ),
    ),
    importHistories: vi.fn(),
    setGoal: vi.fn(),
    openSettings: vi.fn(),
    download: vi.fn((_file: DownloadFile) => {}),
    now: () => NOW,
    sleep: vi.fn(async () => {}),
  } satisfies DashboardPort;
}

const team = () => screen.getByRole('region', { name: 'Team' });
const rowNames = () =>
  within(team())
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);
const cellsOf = (name: string) =>
  [...within(team()).getByRole('rowheader', { name }).parentElement!.querySelectorAll('td')].map(
    (cell) => cell.textContent,
  );

beforeEach(() => {
  history.replaceState?.(null, '', location.pathname);
  location.hash = '#tab=team';
});
afterEach(cleanup);

describe('the Team tab', () => {
  it('is a tab beside History, chosen by the URL, with its panel shown and History hidden', async () => {
    render(<App port={teamPort()} />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => [tab.textContent, tab.getAttribute('aria-selected'), tab.tabIndex])).toEqual([
      ['History', 'false', -1],
      ['Team', 'true', 0],
    ]);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(tabs[1]!.id);
    expect(screen.queryByRole('region', { name: 'Trend' })).toBeNull();
    await waitFor(() => expect(rowNames()).toHaveLength(4));
  });

  it('moves between tabs with the arrow keys and keeps the tab in the hash', async () => {
    render(<App port={teamPort()} />);
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Team' }), { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'History' }));
    expect(location.hash).toBe('');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'History' }), { key: 'End' });
    expect(location.hash).toBe('#tab=team');
  });

  it('lists every account with its SSI, pillars, ranks, weekly change and age; an unusable one says why and is never asked', async () => {
    const port = teamPort();
    render(<App port={port} />);
    await waitFor(() => expect(within(team()).getByRole('status').textContent).toBe('3 of 3 read.'));
    expect(rowNames()).toEqual(['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Kurt Gödel']);
    expect(cellsOf('Ada Lovelace')).toEqual([
      '67',
      '15.0',
      '16.0',
      '17.0',
      '18.0',
      'Top 4%',
      'Top 12%',
      '+1.5',
      '5 min ago',
      '',
    ]);
    expect(cellsOf('Grace Hopper').slice(0, 1)).toEqual(['49']);
    expect(cellsOf('Kurt Gödel')).toEqual([
      ...Array(9).fill('—'),
      'Its LinkedIn connection has a problem: reconnect it in the ConnectSafely dashboard.',
    ]);
    expect(port.getAccountSsi.mock.calls.map(([id, refresh]) => [id, refresh])).toEqual([
      ['ada', false],
      ['grace', false],
      ['alan', false],
    ]);
    // The chart's numbers are in the table.
    expect(team().querySelector('canvas')!.closest('[aria-hidden="true"]')).not.toBeNull();
  });

  it('sorts by a column with its header button, both ways, saying so in aria-sort; unknown values last', async () => {
    render(<App port={teamPort()} />);
    await waitFor(() => expect(rowNames()).toHaveLength(4));
    await waitFor(() => expect(cellsOf('Alan Turing')[0]).toBe('21'));
    const ssi = within(team()).getByRole('button', { name: /^SSI/ });
    expect(ssi.closest('th')!.getAttribute('aria-sort')).toBe('none');
    fireEvent.click(ssi);
    expect(ssi.closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    expect(rowNames()).toEqual(['Alan Turing', 'Grace Hopper', 'Ada Lovelace', 'Kurt Gödel']);
    fireEvent.click(ssi);
    expect(ssi.closest('th')!.getAttribute('aria-sort')).toBe('descending');
    expect(rowNames()).toEqual(['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Kurt Gödel']);
  });

  it('exports the table as shown to ssi-team-<today>.csv', async () => {
    const port = teamPort();
    render(<App port={port} />);
    await waitFor(() => expect(within(team()).getByRole('status').textContent).toBe('3 of 3 read.'));
    fireEvent.click(within(team()).getByRole('button', { name: 'Export CSV' }));
    const [file] = port.download.mock.calls[0]!;
    expect(file.name).toBe(`ssi-team-${TODAY}.csv`);
    const lines = file.text.split('\r\n');
    expect(lines[0]).toMatch(/^name,account_id,overall,/);
    expect(lines.slice(1, 5).map((line) => line.split(',')[0])).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      'Alan Turing',
      'Kurt Gödel',
    ]);
  });

  it('keeps the others when one is rate-limited for long, says when to try again, and Retry asks that one again', async () => {
    let limited = true;
    const port = teamPort((id) => {
      if (id !== 'grace' || !limited) return reading(id);
      const error: SsiError = { code: 'rate-limited', status: 429, retryAt: NOW + 5 * 60_000 };
      return describedState({ error, errorAt: NOW, problem: describeError(error, NOW) });
    });
    render(<App port={port} />);
    await waitFor(() =>
      expect(within(team()).getByRole('status').textContent).toMatch(/could not be read now/),
    );
    expect(within(team()).getByRole('status').textContent).toBe('1 of 3 read; 2 could not be read now.');
    expect(cellsOf('Grace Hopper').at(-1)).toBe('Rate limited: try again in 5 min.');
    // The pause is the key's: Alan, not asked yet, waits for it too.
    expect(cellsOf('Alan Turing').at(-1)).toBe('Rate limited: try again in 5 min.');
    expect(cellsOf('Ada Lovelace')[0]).toBe('67');
    expect(port.getAccountSsi.mock.calls.map(([id]) => id)).toEqual(['ada', 'grace']);
    limited = false;
    fireEvent.click(within(team()).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(cellsOf('Grace Hopper')[0]).toBe('49'));
    await waitFor(() => expect(cellsOf('Alan Turing')[0]).toBe('21'));
    expect(within(team()).getByRole('status').textContent).toBe('3 of 3 read.');
    expect(port.getAccountSsi.mock.calls.slice(2)).toEqual([
      ['grace', true],
      ['alan', true],
    ]);
    expect(within(team()).queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it("says why when the key's accounts cannot be listed", async () => {
    const port = teamPort();
    port.getAccounts.mockResolvedValue(
      ok({
        accounts: null,
        defaultAccountId: null,
        problem: {
          title: 'API key rejected',
          message: 'The API key was rejected: check it in settings.',
          action: 'open-settings',
        },
      }),
    );
    render(<App port={port} />);
    expect((await within(team()).findByRole('alert')).textContent).toBe(
      'The API key was rejected: check it in settings.',
    );
    expect(port.getAccountSsi).not.toHaveBeenCalled();
  });
});

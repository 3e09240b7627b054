// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeError, type SsiError } from '@/utils/errors';
import { decodeHistory, type StoredHistory } from '@/utils/history/codec';
import { addDays, localDay } from '@/utils/history/day';
import { exportHistory, MAX_IMPORT_BYTES } from '@/utils/history/history-file';
import type { DailyReading } from '@/utils/history/reading';
import type { DescribedSsiState } from '@/utils/messaging/protocol';
import { err, ok, type Result } from '@/utils/result';
import { readingOn } from '@/utils/testing/readings';
import { makeSnapshot } from '@/utils/testing/snapshot';
import { describedState as described } from '@/utils/testing/ssi-state';
import type * as Load from '@/components/charts/load';
import { App } from './App';
import type { DashboardPort } from './port';
import type { DashboardStored, StoredChange } from './stored';

// The charts are the components' own business (and happy-dom has no canvas): they never load here.
vi.mock('@/components/charts/load', async (original) => ({
  ...(await original<typeof Load>()),
  loadChart: () => new Promise(() => {}),
  loadLineChart: () => new Promise(() => {}),
}));

/** Noon, local time: the same calendar day in whatever time zone the suite runs. */
const NOW = new Date(2026, 11, 2, 12).getTime();
const TODAY = localDay(NOW);

/** `count` days of history ending today, the score climbing a point a day. */
function daysUntilToday(count: number, accountId = 'acc-1'): DailyReading[] {
  return Array.from({ length: count }, (_, index) =>
    readingOn(addDays(TODAY, index - count + 1), 40 + index * 0.25, { accountId }),
  );
}

function noKey(): DescribedSsiState {
  const error: SsiError = { code: 'no-key' };
  return described({ error, problem: describeError(error) });
}

/** A port to a make-believe extension: storage is `stored`, the worker answers `ssi`. */
function fakePort(start: { stored?: Partial<DashboardStored>; ssi?: DescribedSsiState } = {}) {
  let stored: DashboardStored = {
    accountId: 'acc-1',
    accountName: null,
    entry: null,
    days: [],
    goal: null,
    ...start.stored,
  };
  let ssi = start.ssi ?? described({ snapshot: makeSnapshot({ fetchedAt: NOW }) });
  const listeners = new Set<(change: StoredChange) => void>();
  const port = {
    read: vi.fn(async () => stored),
    watch: vi.fn((listener: (change: StoredChange) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    getSsi: vi.fn(async (_refresh: boolean) => ok(ssi)),
    getAccounts: vi.fn(async () => ok({ accounts: [], defaultAccountId: null, problem: null })),
    getAccountSsi: vi.fn(async (_accountId: string, _refresh: boolean) => ok(ssi)),
    readHistories: vi.fn(async () => ({})),
    sleep: vi.fn(async () => {}),
    importHistories: vi.fn(async (histories: StoredHistory[]): Promise<Result<{ added: number }, SsiError>> =>
      ok({ added: histories.reduce((sum, history) => sum + history.days.length, 0) }),
    ),
    setGoal: vi.fn(async (): Promise<Result<null, SsiError>> => ok(null)),
    openSettings: vi.fn(),
    download: vi.fn(),
    now: () => NOW,
  } satisfies DashboardPort;
  return {
    port,
    listeners,
    /** Storage changes as the worker would change it, and tells the page. */
    change(next: Partial<DashboardStored>, change: StoredChange = { reading: false }) {
      stored = { ...stored, ...next };
      for (const listener of listeners) listener(change);
    },
    answer(next: DescribedSsiState) {
      ssi = next;
    },
  };
}

const section = (name: string) => screen.getByRole('region', { name });
const tableDays = () =>
  [...section('Trend').querySelectorAll('tbody tr[data-day]')].map((row) => row.getAttribute('data-day'));

/** Picks `file` in "Import". */
function pick(file: { size: number; text(): Promise<string> } | File) {
  fireEvent.change(screen.getByLabelText('Import'), { target: { files: [file] } });
}

beforeEach(() => {
  history.replaceState?.(null, '', location.pathname);
  location.hash = '';
});
afterEach(cleanup);

describe('the dashboard', () => {
  it('shows its sections in order: Today, Focus, Goal, Trend, Export and import', async () => {
    const { port } = fakePort({ stored: { days: daysUntilToday(3) } });
    render(<App port={port} />);
    await waitFor(() => expect(tableDays()).toHaveLength(3));
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'Today',
      'Pillars',
      'Focus',
      'Goal',
      'Trend',
      'Export and import',
    ]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('SSI Companion');
    expect(screen.getByTestId('account').textContent).toBe('Account acc-1');
  });

  it("names the account once the key's accounts are known", async () => {
    const { port } = fakePort({ stored: { accountName: 'Grace Hopper' } });
    render(<App port={port} />);
    await waitFor(() => expect(screen.getByTestId('account').textContent).toBe('Grace Hopper'));
  });

  it('says it is loading until storage and the worker answer', async () => {
    const { port } = fakePort();
    port.getSsi.mockReturnValue(new Promise(() => {}));
    port.read.mockReturnValue(new Promise(() => {}));
    render(<App port={port} />);
    const statuses = screen.getAllByRole('status').map((status) => status.textContent);
    expect(statuses).toContain('Loading your SSI…');
    expect(statuses).toContain('Loading your history…');
  });

  it('without a key, says to add one and leads to the settings; the history says it records by itself', async () => {
    const { port } = fakePort({ ssi: noKey(), stored: { accountId: 'default' } });
    render(<App port={port} />);
    const alert = await within(section('Today')).findByRole('alert');
    expect(alert.textContent).toContain('Add your API key in settings');
    fireEvent.click(within(alert).getByRole('button', { name: 'Open settings' }));
    expect(port.openSettings).toHaveBeenCalledTimes(1);
    expect(section('Trend').textContent).toMatch(/No history yet\. SSI Companion records your SSI by itself/);
    expect(screen.getByTestId('account').textContent).toBe('Default account');
    expect(screen.queryByTestId('overall-score')).toBeNull();
  });

  it("shows today's reading with its change against 7 and 30 days ago, and the weakest pillar under Focus", async () => {
    const days = daysUntilToday(31);
    const { port } = fakePort({ stored: { days } });
    render(<App port={port} />);
    const today = section('Today');
    await waitFor(() => expect(within(today).getByTestId('overall-score').textContent).toBe('67'));
    // A point every four days: +1.75 over 7 days, +7.5 over 30.
    expect(today.querySelector('[data-span="7"] dd')?.textContent).toBe('+1.8');
    expect(today.querySelector('[data-span="30"] dd')?.textContent).toBe('+7.5');
    expect(section('Focus').textContent).toContain(
      'Establish your professional brand is your lowest pillar today',
    );
  });

  it('says so when history does not reach 7 or 30 days back yet', async () => {
    const { port } = fakePort({ stored: { days: daysUntilToday(1) } });
    render(<App port={port} />);
    await waitFor(() =>
      expect(section('Today').querySelector('[data-span="7"] dd')?.textContent).toBe('Not recorded yet'),
    );
  });

  it('Refresh asks the worker past the freshness window; Settings opens the settings', async () => {
    const { port } = fakePort();
    render(<App port={port} />);
    await waitFor(() => expect(port.getSsi).toHaveBeenCalledWith(false));
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(port.getSsi).toHaveBeenLastCalledWith(true);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(port.openSettings).toHaveBeenCalledTimes(1);
  });

  it('reads storage again on every change it is told of, and asks the worker again when the reading changed', async () => {
    const fake = fakePort({ stored: { days: daysUntilToday(2) } });
    render(<App port={fake.port} />);
    await waitFor(() => expect(tableDays()).toHaveLength(2));
    const asks = fake.port.getSsi.mock.calls.length;

    fake.change({ days: daysUntilToday(3) });
    await waitFor(() => expect(tableDays()).toHaveLength(3));
    expect(fake.port.getSsi).toHaveBeenCalledTimes(asks);

    fake.answer(described({ snapshot: makeSnapshot({ overall: 71.2, fetchedAt: NOW + 1 }) }));
    fake.change({}, { reading: true });
    await waitFor(() => expect(screen.getByTestId('overall-score').textContent).toBe('71'));
    expect(fake.port.getSsi).toHaveBeenCalledTimes(asks + 1);
  });

  it('stops listening to storage when it goes away', async () => {
    const fake = fakePort();
    const { unmount } = render(<App port={fake.port} />);
    await waitFor(() => expect(fake.listeners.size).toBe(1));
    unmount();
    await waitFor(() => expect(fake.listeners.size).toBe(0));
  });
});

describe('Trend', () => {
  it('shows the last 30 days by default, and a chosen range in the table and the URL', async () => {
    const { port } = fakePort({ stored: { days: daysUntilToday(400) } });
    render(<App port={port} />);
    await waitFor(() => expect(tableDays()).toHaveLength(30));
    expect(tableDays()[0]).toBe(TODAY);
    for (const [label, rows, hash] of [
      ['7 days', 7, '#range=7d'],
      ['90 days', 90, '#range=90d'],
      ['1 year', 365, '#range=1y'],
      ['All', 400, '#range=all'],
    ] as const) {
      fireEvent.click(within(section('Trend')).getByRole('button', { name: label }));
      await waitFor(() => expect(tableDays()).toHaveLength(rows));
      expect(location.hash).toBe(hash);
    }
  });

  it('starts on the range the URL names, as after a reload', async () => {
    location.hash = '#range=7d';
    const { port } = fakePort({ stored: { days: daysUntilToday(40) } });
    render(<App port={port} />);
    await waitFor(() => expect(tableDays()).toHaveLength(7));
    expect(
      within(section('Trend')).getByRole('button', { name: '7 days' }).getAttribute('aria-pressed'),
    ).toBe('true');
  });

  it("gives the range's first day its change against the day recorded before the range", async () => {
    const { port } = fakePort({ stored: { days: daysUntilToday(10) } });
    location.hash = '#range=7d';
    render(<App port={port} />);
    await waitFor(() => expect(tableDays()).toHaveLength(7));
    const oldest = section('Trend').querySelector('tbody tr:last-child td:last-child');
    expect(oldest?.textContent).toBe('+0.3');
  });
});

describe('Goal', () => {
  it("saves the goal for the shown account through the worker, and shows the stored goal's progress", async () => {
    const fake = fakePort({ stored: { days: daysUntilToday(30) } });
    render(<App port={fake.port} />);
    const goal = await waitFor(() => section('Goal'));
    fireEvent.input(within(goal).getByLabelText('Target SSI'), { target: { value: '70' } });
    fireEvent.input(within(goal).getByLabelText('By'), { target: { value: addDays(TODAY, 60) } });
    fireEvent.click(within(goal).getByRole('button', { name: 'Set goal' }));
    await waitFor(() =>
      expect(fake.port.setGoal).toHaveBeenCalledWith('acc-1', { target: 70, by: addDays(TODAY, 60) }),
    );

    fake.change({ goal: { target: 70, by: addDays(TODAY, 60) } });
    await waitFor(() => expect(section('Goal').textContent).toContain('47 of 70'));
    expect(within(section('Goal')).getByRole('button', { name: 'Update goal' })).toBeTruthy();
  });

  it("shows the worker's refusal in words", async () => {
    const fake = fakePort({ stored: { days: daysUntilToday(3) } });
    fake.port.setGoal.mockResolvedValue(err({ code: 'storage-failed' }));
    render(<App port={fake.port} />);
    const goal = await waitFor(() => section('Goal'));
    fireEvent.input(within(goal).getByLabelText('Target SSI'), { target: { value: '70' } });
    fireEvent.click(within(goal).getByRole('button', { name: 'Set goal' }));
    await waitFor(() =>
      expect(within(goal).getByRole('alert').textContent).toMatch(/The browser refused to save/),
    );
  });
});

describe('Export and import', () => {
  it('exports the shown history as CSV and JSON, named by today', async () => {
    const days = daysUntilToday(3);
    const { port } = fakePort({ stored: { days } });
    render(<App port={port} />);
    const transfer = await waitFor(() => section('Export and import'));
    await waitFor(() => expect(transfer.textContent).toContain('(3 days)'));
    fireEvent.click(within(transfer).getByRole('button', { name: 'Export CSV' }));
    fireEvent.click(within(transfer).getByRole('button', { name: 'Export JSON' }));
    expect(port.download.mock.calls.map(([file]) => [file.name, file.text])).toEqual([
      [`ssi-history-${TODAY}.csv`, exportHistory(days, 'csv', NOW)],
      [`ssi-history-${TODAY}.json`, exportHistory(days, 'json', NOW)],
    ]);
  });

  it('offers no export while there is nothing to export', async () => {
    const { port } = fakePort();
    render(<App port={port} />);
    const transfer = await waitFor(() => section('Export and import'));
    expect(within(transfer).getByRole<HTMLButtonElement>('button', { name: 'Export CSV' }).disabled).toBe(
      true,
    );
  });

  it('imports a file: the worker gets each account in the stored layout, the page says how many days were added', async () => {
    const { port } = fakePort();
    render(<App port={port} />);
    await waitFor(() => section('Export and import'));
    const readings = [...daysUntilToday(2), readingOn(addDays(TODAY, -1), 50, { accountId: 'acc-9' })];
    pick(new File([exportHistory(readings, 'csv', NOW)], 'mine.csv', { type: 'text/csv' }));

    await waitFor(() => expect(screen.getByTestId('import-outcome').textContent).toBe('Added 3 days.'));
    const sent = port.importHistories.mock.calls[0]![0].map((stored) => decodeHistory(stored));
    expect(sent.map((history) => [history?.accountId, history?.days.length])).toEqual([
      ['acc-1', 2],
      ['acc-9', 1],
    ]);
    expect(within(screen.getByTestId('import-outcome')).getByRole('status').textContent).toBe(
      'Added 3 days.',
    );
  });

  it('refuses a file over 5 MB before reading it, and sends nothing', async () => {
    const { port } = fakePort();
    render(<App port={port} />);
    await waitFor(() => section('Export and import'));
    const big = { size: MAX_IMPORT_BYTES + 1, text: vi.fn(async () => '') };
    pick(big);
    const alert = await waitFor(() => within(screen.getByTestId('import-outcome')).getByRole('alert'));
    await waitFor(() =>
      expect(alert.textContent).toMatch(/^The file is larger than 5 MB.* Nothing was imported\.$/),
    );
    expect(big.text).not.toHaveBeenCalled();
    expect(port.importHistories).not.toHaveBeenCalled();
  });

  it('refuses a file with a day in the future, naming its line, and sends nothing', async () => {
    const { port } = fakePort();
    render(<App port={port} />);
    await waitFor(() => section('Export and import'));
    const text = exportHistory([readingOn(addDays(TODAY, -1)), readingOn(addDays(TODAY, 1))], 'csv', NOW);
    pick(new File([text], 'future.csv'));
    await waitFor(() =>
      expect(screen.getByTestId('import-outcome').textContent).toBe(
        `Line 3: the date “${addDays(TODAY, 1)}” is in the future. Nothing was imported.`,
      ),
    );
    expect(port.importHistories).not.toHaveBeenCalled();
  });

  it("says the worker's refusal in words", async () => {
    const { port } = fakePort();
    port.importHistories.mockResolvedValue(err({ code: 'refused' }));
    render(<App port={port} />);
    await waitFor(() => section('Export and import'));
    pick(new File([exportHistory(daysUntilToday(1), 'csv', NOW)], 'mine.csv'));
    await waitFor(() =>
      expect(within(screen.getByTestId('import-outcome')).getByRole('alert').textContent).toBe(
        'The extension could not store this history. Nothing was imported.',
      ),
    );
  });
});

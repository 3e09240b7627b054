// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { goalProgress } from '@/utils/history/goal';
import { historyRows } from '@/utils/history/trends';
import { focusOf } from '@/utils/ssi/focus';
import { readingOn, readingsUntil } from '@/utils/testing/readings';
import { makeSnapshot } from '@/utils/testing/snapshot';
import { FocusPanel } from './FocusPanel';
import { GoalPanel } from './GoalPanel';
import { HistoryTable } from './HistoryTable';
import { RangePicker } from './RangePicker';
import { ScoreChanges } from './ScoreChanges';
import { TrendCharts } from './TrendCharts';

afterEach(cleanup);

describe('RangePicker', () => {
  it('offers the five ranges, presses the chosen one and reports a new choice', () => {
    const onChange = vi.fn();
    render(<RangePicker value="30d" onChange={onChange} />);
    const group = screen.getByRole('group', { name: 'Range' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((button) => [button.textContent, button.getAttribute('aria-pressed')])).toEqual([
      ['7 days', 'false'],
      ['30 days', 'true'],
      ['90 days', 'false'],
      ['1 year', 'false'],
      ['All', 'false'],
    ]);
    fireEvent.click(within(group).getByRole('button', { name: '1 year' }));
    expect(onChange).toHaveBeenCalledWith('1y');
  });
});

describe('HistoryTable', () => {
  const days = [
    readingOn('2026-11-30', 60),
    readingOn('2026-12-01', 64, {
      pillars: {
        PROFESSIONAL_BRAND: 16,
        FIND_RIGHT_PEOPLE: 16,
        INSIGHT_ENGAGEMENT: 16,
        STRONG_RELATIONSHIP: 16,
      },
    }),
    readingOn('2026-12-02', 63.5, {
      industryRank: null,
      pillars: {
        PROFESSIONAL_BRAND: 16,
        FIND_RIGHT_PEOPLE: 16,
        INSIGHT_ENGAGEMENT: 15.5,
        STRONG_RELATIONSHIP: 16,
      },
    }),
  ];

  it('has a row per day, newest first, with the SSI, pillars, ranks and the change', () => {
    render(<HistoryTable rows={historyRows(days)} rangeLabel="last 30 days" />);
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual([
      'Date',
      'SSI',
      'Establish your professional brand',
      'Find the right people',
      'Engage with insights',
      'Build relationships',
      'Industry rank',
      'Network rank',
      'Change',
    ]);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((row) => row.getAttribute('data-day'))).toEqual([
      '2026-12-02',
      '2026-12-01',
      '2026-11-30',
    ]);
    const cells = (row: Element) => [...row.querySelectorAll('td')].map((cell) => cell.textContent);
    expect(cells(rows[0]!)).toEqual(['64', '16.0', '16.0', '15.5', '16.0', '—', 'Top 30%', '−0.5']);
    expect(cells(rows[2]!).at(-1)).toBe('—');
    expect(table.querySelector('caption')?.textContent).toBe(
      'SSI history, last 30 days, newest first (3 days)',
    );
  });

  it('marks a day on which all four pillars moved the same way, and explains the mark once', () => {
    render(<HistoryTable rows={historyRows(days)} rangeLabel="last 30 days" />);
    const marked = [...document.querySelectorAll('.history-table__recalculated')].map((row) =>
      row.getAttribute('data-day'),
    );
    expect(marked).toEqual(['2026-12-01']);
    expect(
      screen.getByText(/likely LinkedIn recalculation” is a day on which all four pillars moved/),
    ).toBeTruthy();
  });

  it('says plainly when the range has no readings', () => {
    render(<HistoryTable rows={[]} rangeLabel="last 7 days" />);
    expect(screen.getByRole('status').textContent).toMatch(/No readings in this range yet/);
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('FocusPanel', () => {
  it('names the weakest pillar, its gap to the industry and three actions under "Focus"', () => {
    const snapshot = makeSnapshot({
      pillars: [
        { id: 'PROFESSIONAL_BRAND', score: 13.1, industryAverage: 11, networkAverage: 12 },
        { id: 'FIND_RIGHT_PEOPLE', score: 3.7, industryAverage: 8.2, networkAverage: 9 },
        { id: 'INSIGHT_ENGAGEMENT', score: 5, industryAverage: 6, networkAverage: 7 },
        { id: 'STRONG_RELATIONSHIP', score: 9, industryAverage: 10, networkAverage: 11 },
      ],
    });
    render(<FocusPanel focus={focusOf(snapshot)} />);
    const panel = screen.getByRole('region', { name: 'Focus' });
    expect(panel.textContent).toContain(
      'Find the right people is your lowest pillar today: 3.7 of 25, 4.5 below your industry’s average of 8.2.',
    );
    expect(within(panel).getAllByRole('listitem')).toHaveLength(3);
  });
});

describe('GoalPanel', () => {
  const today = '2026-12-02';
  const history = readingsUntil(today, 30, (index) => 50 + index * 0.5);

  it('shows progress, the weekly pace needed and the projected day', () => {
    const goal = { target: 70, by: '2026-12-30' };
    render(
      <GoalPanel
        goal={goal}
        progress={goalProgress(history, goal, today)}
        today={today}
        onSave={vi.fn()}
        onClear={vi.fn()}
      />,
    );
    const panel = screen.getByRole('region', { name: 'Goal' });
    expect(panel.textContent).toContain('65 of 70: 5.5 points to go.');
    expect(panel.textContent).toMatch(/Needed: \+1\.4 a week until/);
    expect(panel.textContent).toMatch(/At your last 30 days’ pace \(\+3\.5 a week\) you would reach it on/);
    expect(within(panel).getByRole('progressbar').getAttribute('value')).toBe(String(64.5 / 70));
  });

  it('refuses a target out of range or a date not after today, without saving', async () => {
    const onSave = vi.fn();
    render(<GoalPanel goal={null} progress={null} today={today} onSave={onSave} onClear={vi.fn()} />);
    const target = screen.getByLabelText('Target SSI');
    fireEvent.input(target, { target: { value: '120' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set goal' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Enter a target score from 1 to 100.'),
    );
    expect(target.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(target, { target: { value: '70' } });
    fireEvent.input(screen.getByLabelText('By'), { target: { value: today } });
    fireEvent.click(screen.getByRole('button', { name: 'Set goal' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Pick a date after today.'));
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves a valid goal and shows a failure in words', async () => {
    const onSave = vi.fn().mockResolvedValue('Could not save');
    render(<GoalPanel goal={null} progress={null} today={today} onSave={onSave} onClear={vi.fn()} />);
    fireEvent.input(screen.getByLabelText('Target SSI'), { target: { value: '70' } });
    fireEvent.input(screen.getByLabelText('By'), { target: { value: '2027-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set goal' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ target: 70, by: '2027-03-01' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Could not save'));
  });
});

describe('TrendCharts', () => {
  it('gives both charts a text summary of the range, the ranks called lower-is-better', () => {
    render(<TrendCharts readings={readingsUntil('2026-12-02', 3, (index) => 60 + index)} />);
    const [scores, ranks] = screen.getAllByRole('img');
    expect(scores!.getAttribute('aria-label')).toMatch(
      /^SSI and pillars over time\. From .+: SSI 60 to 62, industry rank Top 12% to Top 12%/,
    );
    expect(ranks!.getAttribute('aria-label')).toMatch(/top X%: lower is better/);
    expect(ranks!.querySelector('canvas')?.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('ScoreChanges', () => {
  it('tells the change against 7 and 30 days ago, and says when history does not reach that far', () => {
    // 10 days, a point a day: 7 days back is known, 30 is not.
    render(<ScoreChanges days={readingsUntil('2026-12-02', 10, (index) => 50 + index)} />);
    const list = screen.getByText('Since 7 days ago').closest('dl')!;
    const pairs = [...list.querySelectorAll('dt')].map((term) => [
      term.textContent,
      term.nextElementSibling?.textContent,
    ]);
    expect(pairs).toEqual([
      ['Since 7 days ago', '+7.0'],
      ['Since 30 days ago', 'Not recorded yet'],
    ]);
  });
});

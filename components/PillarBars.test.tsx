// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PILLAR_IDS, type PillarScore } from '@/utils/ssi/model';
import type * as Load from './charts/load';
import { PillarBars } from './PillarBars';

afterEach(() => {
  cleanup();
});

/** The configurations chart.js was asked to draw, by a stand-in Chart class. */
const drawn = vi.hoisted(() => [] as { options?: { plugins?: { legend?: { display?: boolean } } } }[]);
vi.mock('./charts/load', async (original) => ({
  ...(await original<typeof Load>()),
  loadChart: async () =>
    class {
      ctx = {};
      constructor(_canvas: unknown, config: (typeof drawn)[number]) {
        drawn.push(config);
      }
      destroy() {}
    },
}));

const LABELS = [
  'Establish your professional brand',
  'Find the right people',
  'Engage with insights',
  'Build relationships',
];

const PILLARS: PillarScore[] = [
  { id: 'PROFESSIONAL_BRAND', score: 17.34, industryAverage: 11.96, networkAverage: 10 },
  { id: 'FIND_RIGHT_PEOPLE', score: 14.05, industryAverage: 9.5, networkAverage: null },
  { id: 'INSIGHT_ENGAGEMENT', score: null, industryAverage: 8.01, networkAverage: 7.25 },
  { id: 'STRONG_RELATIONSHIP', score: 20, industryAverage: null, networkAverage: 12.99 },
];

/** The body rows as [label, you, industry, network] text. */
function tableRows(): string[][] {
  const table = screen.getByRole('table');
  const [, body] = within(table).getAllByRole('rowgroup');
  if (!body) throw new Error('table has no body');
  return within(body)
    .getAllByRole('row')
    .map((row) => Array.from(row.children, (cell) => cell.textContent ?? ''));
}

describe('PillarBars', () => {
  it("lists the pillars in PILLAR order with LinkedIn's labels", () => {
    render(<PillarBars pillars={PILLARS} />);

    expect(tableRows().map((row) => row[0])).toEqual(LABELS);
    expect(
      Array.from(document.querySelectorAll('tbody tr'), (row) => row.getAttribute('data-pillar')),
    ).toEqual([...PILLAR_IDS]);
  });

  it('shows every value with one decimal, and "—" where one is missing', () => {
    render(<PillarBars pillars={PILLARS} />);

    expect(tableRows()).toEqual([
      [LABELS[0], '17.3', '12.0', '10.0'],
      [LABELS[1], '14.1', '9.5', '—'],
      [LABELS[2], '—', '8.0', '7.3'],
      [LABELS[3], '20.0', '—', '13.0'],
    ]);
  });

  it('has column headers for the member and both groups', () => {
    render(<PillarBars pillars={PILLARS} />);

    const headers = screen.getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Pillar (0–25)', 'You', 'Industry', 'Network']);
  });

  it('gives the chart a text summary of every pillar score', () => {
    render(<PillarBars pillars={PILLARS} />);

    const chart = screen.getByRole('img');
    const label = chart.getAttribute('aria-label') ?? '';
    expect(label).toContain('out of 25');
    expect(label).toContain('Establish your professional brand: 17.3 of 25');
    expect(label).toContain('Find the right people: 14.1 of 25');
    expect(label).toContain('Engage with insights: — of 25');
    expect(label).toContain('Build relationships: 20.0 of 25');
    expect(chart.querySelector('canvas')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('is a section labelled by its heading', () => {
    render(<PillarBars pillars={PILLARS} />);

    expect(screen.getByRole('region', { name: 'Pillars' })).toBeTruthy();
  });

  it("draws no chart.js legend over its HTML one, even on a page that registers chart.js's legend", async () => {
    drawn.length = 0;
    render(<PillarBars pillars={PILLARS} />);
    await waitFor(() => expect(drawn).toHaveLength(1));
    expect(drawn[0]!.options?.plugins?.legend?.display).toBe(false);
  });
});

// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PILLAR_IDS, type GroupComparison, type SsiSnapshot } from '@/utils/ssi/model';
import { GroupRanks } from './GroupRanks';

afterEach(() => {
  cleanup();
});

const INDUSTRY: GroupComparison = {
  rank: 4,
  averageScore: 41.2,
  groupSize: 184_233,
  change: 2,
  industryName: 'Computer Software',
};
const NETWORK: GroupComparison = {
  rank: 12,
  averageScore: 38.6,
  groupSize: 812,
  change: -1.5,
  industryName: null,
};

function makeSnapshot(industry: GroupComparison | null, network: GroupComparison | null): SsiSnapshot {
  return {
    accountId: null,
    overall: 67.41,
    pillars: PILLAR_IDS.map((id) => ({ id, score: 16, industryAverage: null, networkAverage: null })),
    industry,
    network,
    profileUrn: null,
    activeSeat: null,
    fetchedAt: 0,
  };
}

function item(group: 'industry' | 'network'): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-group="${group}"]`);
  if (!element) throw new Error(`no ${group} item`);
  return element;
}

describe('GroupRanks', () => {
  it('says the industry and network ranks in words', () => {
    render(<GroupRanks snapshot={makeSnapshot(INDUSTRY, NETWORK)} />);

    expect(screen.getByText('Top 4% in Computer Software')).toBeTruthy();
    expect(screen.getByText('Top 12% in your network')).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('list', { name: 'Ranks' })).toBeTruthy();
  });

  it('shows the group size with separators and the group average', () => {
    render(<GroupRanks snapshot={makeSnapshot(INDUSTRY, NETWORK)} />);

    expect(item('industry').textContent).toContain('of 184,233 people');
    expect(item('industry').textContent).toContain('average SSI 41');
    expect(item('network').textContent).toContain('of 812 people');
    expect(item('network').textContent).toContain('average SSI 39');
  });

  it('shows the weekly change with its sign', () => {
    render(<GroupRanks snapshot={makeSnapshot(INDUSTRY, NETWORK)} />);

    expect(item('industry').textContent).toContain('+2 since last week');
    expect(item('network').textContent).toContain('−1.5 since last week');
  });

  it('says "no change" for a zero change and leaves out an unknown one', () => {
    render(
      <GroupRanks
        snapshot={makeSnapshot(
          { ...INDUSTRY, change: 0 },
          { ...NETWORK, change: null, groupSize: null, averageScore: null },
        )}
      />,
    );

    expect(item('industry').textContent).toContain('no change since last week');
    expect(item('network').textContent).toBe('Top 12% in your network');
  });

  it('writes "your industry" when the industry has no name', () => {
    render(<GroupRanks snapshot={makeSnapshot({ ...INDUSTRY, industryName: null }, NETWORK)} />);

    expect(screen.getByText('Top 4% in your industry')).toBeTruthy();
  });

  it('shows "—" for a missing group or a missing rank', () => {
    render(<GroupRanks snapshot={makeSnapshot(null, { ...NETWORK, rank: null })} />);

    expect(item('industry').textContent).toBe('Industry rank: —');
    expect(item('network').textContent).toContain('Network rank: —');
  });
});

// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Sparkline } from './Sparkline';

afterEach(cleanup);

const points = [
  { day: '2026-11-30', overall: 40 },
  { day: '2026-12-01', overall: 60 },
  { day: '2026-12-02', overall: 61.6 },
];

describe('Sparkline', () => {
  it('draws one point per day on a fixed 0–100 scale, and says where the score went', () => {
    render(<Sparkline points={points} width={100} height={24} label="Last 30 days" />);
    const line = screen.getByRole('img', { name: 'Last 30 days: from 40 to 62' });
    const coordinates = line.querySelector('polyline')!.getAttribute('points')!.split(' ');
    expect(coordinates).toEqual(['0.0,14.0', '50.0,10.0', '100.0,9.7']);
  });

  it('draws nothing from fewer than two days', () => {
    const { container } = render(<Sparkline points={points.slice(0, 1)} label="Last 30 days" />);
    expect(container.querySelector('svg')).toBeNull();
  });
});

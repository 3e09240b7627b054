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
  it('draws one point per day across the points’ range, and says where the score went', () => {
    render(<Sparkline points={points} width={100} height={24} label="Last 30 days" />);
    const line = screen.getByRole('img', { name: 'Last 30 days: from 40 to 62' });
    const coordinates = line.querySelector('polyline')!.getAttribute('points')!.split(' ');
    // 40 to 61.6 spans the height (2 px of margin at each edge).
    expect(coordinates).toEqual(['0.0,22.0', '50.0,3.5', '100.0,2.0']);
  });

  it('keeps a small change small: the axis spans at least 10 points', () => {
    const flat = [
      { day: '2026-12-01', overall: 60 },
      { day: '2026-12-02', overall: 61 },
    ];
    render(<Sparkline points={flat} width={100} height={24} label="Last 30 days" />);
    const [first, last] = screen
      .getByRole('img')
      .querySelector('polyline')!
      .getAttribute('points')!
      .split(' ');
    // One point of ten: a tenth of the 20 px drawn.
    expect(Number(first!.split(',')[1]) - Number(last!.split(',')[1])).toBeCloseTo(2, 5);
  });

  it('draws nothing from fewer than two days', () => {
    const { container } = render(<Sparkline points={points.slice(0, 1)} label="Last 30 days" />);
    expect(container.querySelector('svg')).toBeNull();
  });
});

// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ScoreRing } from './ScoreRing';

afterEach(() => {
  cleanup();
});

describe('ScoreRing', () => {
  it('shows the whole-number score as text and names it for assistive technology', () => {
    render(<ScoreRing overall={67.41} />);

    expect(screen.getByTestId('overall-score').textContent).toBe('67');
    expect(screen.getByRole('img', { name: 'SSI 67 out of 100' })).toBeTruthy();
    expect(screen.getByText('of 100')).toBeTruthy();
  });

  it.each([
    { overall: 0, text: '0' },
    { overall: 12.5, text: '13' },
    { overall: 99.49, text: '99' },
    { overall: 100, text: '100' },
  ])('rounds $overall to "$text"', ({ overall, text }) => {
    render(<ScoreRing overall={overall} />);

    expect(screen.getByTestId('overall-score').textContent).toBe(text);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(`SSI ${text} out of 100`);
  });

  it.each([
    { overall: 0, band: 'low' },
    { overall: 39.4, band: 'low' },
    { overall: 39.9, band: 'mid' },
    { overall: 40, band: 'mid' },
    { overall: 69.4, band: 'mid' },
    { overall: 69.9, band: 'high' },
    { overall: 70, band: 'high' },
    { overall: 100, band: 'high' },
  ])('puts $overall in the $band band', ({ overall, band }) => {
    render(<ScoreRing overall={overall} />);

    const ring = screen.getByRole('img');
    expect(ring.classList.contains(`score-ring--${band}`)).toBe(true);
    for (const other of ['low', 'mid', 'high'].filter((name) => name !== band)) {
      expect(ring.classList.contains(`score-ring--${other}`)).toBe(false);
    }
  });

  it('sizes the ring in px and fills the CSS ring to the score', () => {
    render(<ScoreRing overall={67.41} size={96} />);

    const ring = screen.getByRole('img');
    expect(ring.style.width).toBe('96px');
    expect(ring.style.height).toBe('96px');
    expect(ring.style.getPropertyValue('--ring-percent')).toBe('67.41%');
  });

  it('is drawn by CSS alone: no canvas, no chart library to wait for', () => {
    const { container } = render(<ScoreRing overall={50} />);

    expect(container.querySelector('canvas')).toBeNull();
    expect(screen.getByRole('img').style.getPropertyValue('--ring-percent')).toBe('50%');
  });
});

import { describe, expect, it } from 'vitest';
import { describeError, type SsiError } from '../errors';
import { PILLAR_IDS, type SsiSnapshot } from '../ssi/model';
import type { SsiState } from '../ssi/state';
import { BAND_COLORS } from '../ssi/model';
import { toolbarBadgeFor } from './toolbar-badge';

/** The product's short name, as the English tooltip starts. */
const PRODUCT_NAME = 'SSI Companion';

const T0 = Date.parse('2026-03-14T09:00:00.000Z');

function makeSnapshot(overall: number): SsiSnapshot {
  return {
    accountId: null,
    overall,
    pillars: PILLAR_IDS.map((id) => ({
      id,
      score: overall / 4,
      industryAverage: null,
      networkAverage: null,
    })),
    industry: null,
    network: null,
    profileUrn: null,
    activeSeat: null,
    fetchedAt: T0,
  };
}

function view(overrides: Partial<SsiState>): SsiState {
  return { snapshot: null, error: null, errorAt: null, stale: false, refreshing: false, ...overrides };
}

describe('toolbarBadgeFor', () => {
  it.each([
    { overall: 67.41, text: '67' },
    { overall: 67.5, text: '68' },
    { overall: 0, text: '0' },
    { overall: 0.4, text: '0' },
    { overall: 99.5, text: '100' },
    { overall: 100, text: '100' },
  ])('shows $overall as "$text"', ({ overall, text }) => {
    const badge = toolbarBadgeFor(view({ snapshot: makeSnapshot(overall) }));

    expect(badge.text).toBe(text);
    expect(badge.title).toBe(`${PRODUCT_NAME}: your SSI is ${text} of 100`);
  });

  it.each([
    { overall: 0, color: BAND_COLORS.low },
    { overall: 39.4, color: BAND_COLORS.low },
    // The band follows the number shown: 39.9 reads "40".
    { overall: 39.9, color: BAND_COLORS.mid },
    { overall: 40, color: BAND_COLORS.mid },
    { overall: 69.4, color: BAND_COLORS.mid },
    { overall: 69.9, color: BAND_COLORS.high },
    { overall: 70, color: BAND_COLORS.high },
    { overall: 100, color: BAND_COLORS.high },
  ])('colours $overall with $color', ({ overall, color }) => {
    expect(toolbarBadgeFor(view({ snapshot: makeSnapshot(overall) })).color).toBe(color);
  });

  it('uses three distinct band colours', () => {
    expect(new Set([BAND_COLORS.low, BAND_COLORS.mid, BAND_COLORS.high]).size).toBe(3);
  });

  it.each<SsiError>([
    { code: 'no-key' },
    { code: 'unauthorized', status: 401 },
    { code: 'server', status: 503 },
    { code: 'offline' },
    { code: 'permission-missing' },
  ])('shows "!" with the words of a $code error in the title', (error) => {
    const { title, message } = describeError(error);

    const badge = toolbarBadgeFor(view({ error, errorAt: T0 }));

    expect(badge.text).toBe('!');
    expect(badge.color).toBe(BAND_COLORS.error);
    expect(badge.title).toContain(PRODUCT_NAME);
    expect(badge.title).toContain(title);
    expect(badge.title).toContain(message);
  });

  it('shows "!" for an error even when a snapshot is still known', () => {
    const badge = toolbarBadgeFor(
      view({ snapshot: makeSnapshot(80), error: { code: 'network' }, errorAt: T0 }),
    );

    expect(badge.text).toBe('!');
    expect(badge.title).toContain(describeError({ code: 'network' }).message);
  });

  it('shows nothing but the product name when there is neither score nor error', () => {
    const badge = toolbarBadgeFor(view({}));

    expect(badge.text).toBe('');
    expect(badge.title).toBe(PRODUCT_NAME);
  });
});

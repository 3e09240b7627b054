import { describe, expect, it } from 'vitest';
import { describeError, SSI_ERROR_CODES, type ErrorDescription, type SsiError } from '../errors';
import type { ProfileBadgeState } from '../messaging/protocol';
import { PILLAR_IDS, type GroupComparison, type SsiSnapshot } from '../ssi/model';
import type { SsiState } from '../ssi/state';
import { profileBadgeModel } from './profile-badge-model';

const NOW = Date.parse('2026-03-14T09:00:00.000Z');
const THREE_MINUTES = 3 * 60_000;

function group(overrides: Partial<GroupComparison> = {}): GroupComparison {
  return { rank: null, averageScore: null, groupSize: null, change: null, industryName: null, ...overrides };
}

function makeSnapshot(overrides: Partial<SsiSnapshot> = {}): SsiSnapshot {
  const scores = [18.26, 15, 16.04, 18.1];
  return {
    accountId: 'acc_1',
    overall: 67.4,
    pillars: PILLAR_IDS.map((id, index) => ({
      id,
      score: scores[index] ?? null,
      industryAverage: null,
      networkAverage: null,
    })),
    industry: group({ rank: 5, change: 2, industryName: 'Computer Software' }),
    network: group({ rank: 8 }),
    profileUrn: 'urn:li:fsd_profile:ACoAAB1x2y3z4Q',
    activeSeat: true,
    fetchedAt: NOW - THREE_MINUTES,
    ...overrides,
  };
}

function state(view: Partial<SsiState>, problem?: ErrorDescription | null): ProfileBadgeState {
  const full: SsiState = {
    snapshot: null,
    error: null,
    errorAt: null,
    stale: false,
    refreshing: false,
    ...view,
  };
  return {
    show: true,
    ssi: full,
    problem: problem !== undefined ? problem : full.error ? describeError(full.error, NOW) : null,
    account: { profileUrn: null, publicId: null },
  };
}

describe('profileBadgeModel with a good snapshot', () => {
  const model = profileBadgeModel(state({ snapshot: makeSnapshot() }), NOW);

  it('shows the rounded score in an ok badge', () => {
    expect(model.tone).toBe('ok');
    expect(model.label).toBe('SSI 67');
    expect(model.band).toBe('mid');
    expect(model.percent).toBeCloseTo(67.4);
    expect(model.description).toBe('Your Social Selling Index: 67 of 100. Open details');
  });

  it('lists the four pillars under LinkedIn’s labels, with one decimal', () => {
    expect(model.card.pillars).toEqual([
      { label: 'Establish your professional brand', value: '18.3' },
      { label: 'Find the right people', value: '15.0' },
      { label: 'Engage with insights', value: '16.0' },
      { label: 'Build relationships', value: '18.1' },
    ]);
  });

  it('lists the industry and network ranks, and how old the reading is', () => {
    expect(model.card.title).toBe('Social Selling Index 67 / 100');
    expect(model.card.ranks).toEqual(['Top 5% in Computer Software', 'Top 8% in your network']);
    expect(model.card.updated).toBe('Updated 3 min ago');
  });

  it('has no message and no action', () => {
    expect(model.card.message).toBeNull();
    expect(model.card.action).toBe('none');
  });

  it('shows a missing pillar score as a dash, not as 0', () => {
    const snapshot = makeSnapshot();
    snapshot.pillars = snapshot.pillars.map((pillar, index) =>
      index === 1 ? { ...pillar, score: null } : pillar,
    );

    expect(profileBadgeModel(state({ snapshot }), NOW).card.pillars[1]).toEqual({
      label: 'Find the right people',
      value: '—',
    });
  });

  it('leaves out ranks the API did not give', () => {
    const snapshot = makeSnapshot({ industry: group({ rank: null }), network: null });

    expect(profileBadgeModel(state({ snapshot }), NOW).card.ranks).toEqual([]);
  });

  it('says "your industry" when the industry has no name', () => {
    const snapshot = makeSnapshot({ industry: group({ rank: 12 }) });

    expect(profileBadgeModel(state({ snapshot }), NOW).card.ranks[0]).toBe('Top 12% in your industry');
  });

  it('ignores a problem that comes without an error', () => {
    const withStray = profileBadgeModel(
      state({ snapshot: makeSnapshot() }, describeError({ code: 'network' })),
      NOW,
    );

    expect(withStray.tone).toBe('ok');
    expect(withStray.card.message).toBeNull();
    expect(withStray.card.action).toBe('none');
  });

  it.each([
    { overall: 39.4, label: 'SSI 39', band: 'low' },
    { overall: 39.6, label: 'SSI 40', band: 'mid' },
    { overall: 69.5, label: 'SSI 70', band: 'high' },
    { overall: 0, label: 'SSI 0', band: 'low' },
    { overall: 100, label: 'SSI 100', band: 'high' },
  ])('labels $overall as "$label" in band $band', ({ overall, label, band }) => {
    const result = profileBadgeModel(state({ snapshot: makeSnapshot({ overall }) }), NOW);

    expect(result.label).toBe(label);
    expect(result.band).toBe(band);
    expect(result.percent).toBeCloseTo(overall);
  });

  it.each<{ change: number | null; shown: string | null }>([
    { change: 2, shown: '+2' },
    { change: -1, shown: '−1' },
    { change: 1.25, shown: '+1.3' },
    { change: 0, shown: null },
    { change: 0.04, shown: null },
    { change: -0.04, shown: null },
    { change: null, shown: null },
  ])('shows an industry change of $change as $shown', ({ change, shown }) => {
    const snapshot = makeSnapshot({ industry: group({ rank: 5, change }) });

    expect(profileBadgeModel(state({ snapshot }), NOW).change).toBe(shown);
  });

  it('shows no change when there is no industry group', () => {
    expect(profileBadgeModel(state({ snapshot: makeSnapshot({ industry: null }) }), NOW).change).toBeNull();
  });

  it('ignores the network’s change for the pill', () => {
    const snapshot = makeSnapshot({ industry: group({ rank: 5 }), network: group({ rank: 8, change: 3 }) });

    expect(profileBadgeModel(state({ snapshot }), NOW).change).toBeNull();
  });
});

describe('profileBadgeModel with a snapshot and a failed refresh', () => {
  it.each<SsiError>([{ code: 'network' }, { code: 'unauthorized' }, { code: 'server', status: 503 }])(
    'keeps the score and warns with the problem for $code',
    (error) => {
      const problem = describeError(error, NOW);
      const model = profileBadgeModel(state({ snapshot: makeSnapshot(), error, errorAt: NOW }, problem), NOW);

      expect(model.tone).toBe('warning');
      expect(model.label).toBe('SSI 67');
      expect(model.band).toBe('mid');
      expect(model.card.pillars).toHaveLength(4);
      expect(model.card.message).toBe(`Showing your last SSI. ${problem.message}`);
      expect(model.card.action).toBe(problem.action);
      expect(model.description).toContain('(last refresh failed)');
    },
  );

  it('uses the words the service worker sent, not its own', () => {
    const problem: ErrorDescription = {
      title: 'Worker title',
      message: 'Words from the worker.',
      action: 'open-settings',
    };
    const model = profileBadgeModel(
      state({ snapshot: makeSnapshot(), error: { code: 'network' } }, problem),
      NOW,
    );

    expect(model.card.message).toBe('Showing your last SSI. Words from the worker.');
    expect(model.card.action).toBe('open-settings');
  });
});

describe('profileBadgeModel without a snapshot', () => {
  it.each<{ label: string; error: SsiError | null }>([
    { label: 'no error yet', error: null },
    { label: 'no key', error: { code: 'no-key' } },
  ])('asks for setup when there is $label', ({ error }) => {
    const model = profileBadgeModel(state({ error }), NOW);

    expect(model.tone).toBe('setup');
    expect(model.label).toBe('SSI: set up');
    expect(model.card.title).toBe('Set up SSI Companion');
    expect(model.card.action).toBe('open-settings');
    expect(model.card.message).toMatch(/API key/);
  });

  it('uses the problem’s words for the no-key setup', () => {
    const problem: ErrorDescription = {
      title: 'Key?',
      message: 'Add the key, please.',
      action: 'open-settings',
    };

    expect(profileBadgeModel(state({ error: { code: 'no-key' } }, problem), NOW).card.message).toBe(
      'Add the key, please.',
    );
  });

  it.each<SsiError>([
    { code: 'network' },
    { code: 'unauthorized' },
    { code: 'no-score' },
    { code: 'rate-limited', retryAt: NOW + 60_000 },
  ])('shows an error badge with the problem for $code', (error) => {
    const problem = describeError(error, NOW);
    const model = profileBadgeModel(state({ error, errorAt: NOW }, problem), NOW);

    expect(model.tone).toBe('error');
    expect(model.label).toBe('SSI: !');
    expect(model.card.title).toBe(problem.title);
    expect(model.card.message).toBe(problem.message);
    expect(model.card.action).toBe(problem.action);
    expect(model.description).toBe(`SSI: ${problem.title}. Open details`);
  });

  // Errors carry numbers (HTTP status, retry time, server words): none may leak into the score's place.
  it.each<{ code: string; error: SsiError | null }>([
    { code: 'no error', error: null },
    ...SSI_ERROR_CODES.map((code) => ({
      code,
      error: {
        code,
        status: 503,
        retryAt: NOW + 90_000,
        serverMessage: 'Limit of 42 requests reached',
        detail: 'overall: 67',
      },
    })),
  ])('never shows a number ($code)', ({ error }) => {
    const model = profileBadgeModel(state({ error, errorAt: error ? NOW : null, stale: true }), NOW);

    expect(model.label).not.toMatch(/\d/);
    expect(model.description).not.toMatch(/\d/);
    expect(model.band).toBeNull();
    expect(model.percent).toBeNull();
    expect(model.change).toBeNull();
    expect(model.card.pillars).toEqual([]);
    expect(model.card.ranks).toEqual([]);
    expect(model.card.updated).toBeNull();
  });
});

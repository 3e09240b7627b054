import { describe, expect, it } from 'vitest';
import { describeError } from './errors';
import {
  describeGroupRank,
  formatAge,
  formatDelta,
  formatGroupSize,
  formatPoints,
  formatRank,
} from './format';
import { plural, t, uiLocale } from './i18n';
import { PILLAR_LABELS } from './ssi/model';
import { getMessage, substitute, useFakeI18n } from './testing/chrome-i18n';

describe('the fake chrome.i18n (Chromium’s rules)', () => {
  it('fills named placeholders from $1..$9 and writes $$ as $', () => {
    expect(getMessage('en', 'toolbar_title_score', ['67'])).toBe('SSI Companion: your SSI is 67 of 100');
    expect(substitute('$1 costs $$2, $2 is missing: $3.', ['It', '5'])).toBe('It costs $2, 5 is missing: .');
  });

  it('matches names case-insensitively, falls back to English, and answers "" for an unknown name', () => {
    expect(getMessage('en', 'ACTION_REFRESH')).toBe('Refresh');
    expect(getMessage('fr', 'action_refresh')).toBe('Refresh');
    expect(getMessage('de-AT', 'action_refresh')).toBe('Aktualisieren');
    expect(getMessage('en', 'no_such_message')).toBe('');
  });
});

describe('t, plural and uiLocale', () => {
  it('reads messages in the UI language, English by default in tests', () => {
    expect(uiLocale()).toBe('en');
    expect(t('action_refresh')).toBe('Refresh');
    useFakeI18n('de');
    expect(uiLocale()).toBe('de');
    expect(t('action_refresh')).toBe('Aktualisieren');
  });

  it('writes numbers it is given as the UI language does', () => {
    expect(t('group_size_other', 184233)).toBe('184,233 people');
    useFakeI18n('de');
    expect(t('group_size_other', 184233)).toBe('184.233 Personen');
  });

  it('picks the plural form by the UI language’s rules', () => {
    const keys = { one: 'group_size_one', other: 'group_size_other' } as const;
    expect(plural(1, keys, 1)).toBe('1 person');
    expect(plural(0, keys, 0)).toBe('0 people');
    useFakeI18n('de');
    expect(plural(1, keys, 1)).toBe('1 Person');
    expect(plural(2, keys, 2)).toBe('2 Personen');
  });
});

describe('the German UI', () => {
  it('writes ranks, points, changes and ages in German', () => {
    useFakeI18n('de');
    expect(formatRank(4)).toBe('Top 4\u00a0%');
    expect(describeGroupRank('network', { rank: 12 } as never)).toBe('Top 12\u00a0% in Ihrem Netzwerk');
    expect(formatPoints(18.35)).toBe('18,4');
    expect(formatDelta(-0.34)).toBe('−0,3');
    expect(formatGroupSize(1)).toBe('1 Person');
    expect(formatAge(0, 3 * 60_000)).toBe('vor 3 Min.');
  });

  it('names pillars and errors in German', () => {
    useFakeI18n('de');
    expect(PILLAR_LABELS.FIND_RIGHT_PEOPLE).toBe('Die richtigen Personen finden');
    expect(describeError({ code: 'no-key' }).title).toBe('API-Schlüssel erforderlich');
    expect(describeError({ code: 'forbidden', serverMessage: 'Nein' }).message).toBe(
      'ConnectSafely hat den Zugriff verweigert: „Nein“',
    );
  });
});

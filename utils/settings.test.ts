import { describe, expect, it } from 'vitest';
import { PRODUCTION_API, SANDBOX_API } from './api-origin';
import {
  coerceSettings,
  DEFAULT_SETTINGS,
  FRESHNESS_MINUTES,
  parseFreshness,
  targetKey,
  type Settings,
} from './settings';

describe('parseFreshness', () => {
  it.each([
    [5, 5],
    [60, 60],
    [1440, 1440],
    [4.5, 5],
    [14.4, 14],
    [1440.4, 1440],
  ])('accepts %d as %i minutes', (input, expected) => {
    expect(parseFreshness(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [4, /between 5 and 1440/],
    [4.49, /between 5 and 1440/],
    [1441, /between 5 and 1440/],
    [1440.5, /between 5 and 1440/],
    [0, /between/],
    [-10, /between/],
    [NaN, /Enter the freshness/],
    [Infinity, /Enter the freshness/],
    [-Infinity, /Enter the freshness/],
  ])('rejects %d', (input, message) => {
    const result = parseFreshness(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('has the documented range', () => {
    expect(FRESHNESS_MINUTES).toEqual({ min: 5, max: 1440 });
    expect(DEFAULT_SETTINGS.freshnessMinutes).toBe(60);
  });
});

describe('targetKey', () => {
  it.each([
    [{ apiBaseUrl: PRODUCTION_API, accountId: '' }, 'https://api.connectsafely.ai|default'],
    [{ apiBaseUrl: PRODUCTION_API, accountId: 'abc' }, 'https://api.connectsafely.ai|abc'],
    [{ apiBaseUrl: SANDBOX_API, accountId: 'abc' }, 'https://sandbox.api.connectsafely.ai|abc'],
  ])('%j → %s', (settings, key) => {
    expect(targetKey(settings)).toBe(key);
  });

  it('gives different slots to different origins and accounts', () => {
    const keys = new Set([
      targetKey({ apiBaseUrl: PRODUCTION_API, accountId: '' }),
      targetKey({ apiBaseUrl: SANDBOX_API, accountId: '' }),
      targetKey({ apiBaseUrl: PRODUCTION_API, accountId: 'a' }),
      targetKey({ apiBaseUrl: SANDBOX_API, accountId: 'a' }),
    ]);
    expect(keys.size).toBe(4);
  });
});

describe('coerceSettings', () => {
  const VALID: Settings = {
    ...DEFAULT_SETTINGS,
    apiBaseUrl: 'http://localhost:8787',
    accountId: '6650a1f3c2e4b5d6a7980b1c',
    freshnessMinutes: 15,
    debug: true,
    showProfileBadge: false,
  };

  it('has the documented defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      apiBaseUrl: 'https://api.connectsafely.ai',
      accountId: '',
      freshnessMinutes: 60,
      debug: false,
      showProfileBadge: true,
      backgroundRefresh: '6h',
      notifications: false,
      notifyThreshold: 3,
      weeklySummary: false,
    });
  });

  it('keeps every valid field', () => {
    expect(coerceSettings(VALID)).toEqual(VALID);
  });

  it('normalises valid fields', () => {
    expect(
      coerceSettings({
        ...VALID,
        apiBaseUrl: 'HTTPS://Proxy.Example.com/',
        accountId: ' abc ',
        freshnessMinutes: 29.6,
      }),
    ).toEqual({ ...VALID, apiBaseUrl: 'https://proxy.example.com', accountId: 'abc', freshnessMinutes: 30 });
  });

  it.each<[keyof Settings, unknown]>([
    ['apiBaseUrl', 'http://evil.example'],
    ['apiBaseUrl', 'https://api.connectsafely.ai/v1'],
    ['apiBaseUrl', 'https://*'],
    ['apiBaseUrl', 'https://*.example.com'],
    ['apiBaseUrl', 42],
    ['apiBaseUrl', null],
    ['apiBaseUrl', { href: 'https://x.example' }],
    ['accountId', '../../etc'],
    ['accountId', 12345],
    ['accountId', ['abc']],
    ['freshnessMinutes', '30'],
    ['freshnessMinutes', 2],
    ['freshnessMinutes', 100_000],
    ['freshnessMinutes', NaN],
    ['freshnessMinutes', null],
    ['debug', 'true'],
    ['debug', 1],
    ['showProfileBadge', 'false'],
    ['showProfileBadge', 0],
    ['showProfileBadge', null],
  ])('replaces an invalid %s (%j) by its default and keeps the other fields', (field, value) => {
    expect(coerceSettings({ ...VALID, [field]: value })).toEqual({
      ...VALID,
      [field]: DEFAULT_SETTINGS[field],
    });
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'https://evil.example'],
    ['a number', 42],
    ['a boolean', true],
    ['an array', [VALID]],
    ['an empty object', {}],
  ])('returns the defaults for %s', (_name, input) => {
    expect(coerceSettings(input)).toEqual(DEFAULT_SETTINGS);
  });

  it('returns a fresh object, not the shared defaults', () => {
    const settings = coerceSettings(undefined);
    expect(settings).not.toBe(DEFAULT_SETTINGS);
    settings.debug = true;
    expect(DEFAULT_SETTINGS.debug).toBe(false);
  });

  it('ignores unknown and __proto__ keys', () => {
    const input: unknown = JSON.parse(
      '{"__proto__": {"debug": true}, "apiKey": "sk-secret-123", "debug": false}',
    );
    const settings = coerceSettings(input);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(Object.keys(settings).sort()).toEqual([
      'accountId',
      'apiBaseUrl',
      'backgroundRefresh',
      'debug',
      'freshnessMinutes',
      'notifications',
      'notifyThreshold',
      'showProfileBadge',
      'weeklySummary',
    ]);
  });
});

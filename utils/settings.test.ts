import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SETTINGS,
  FRESHNESS_MINUTES,
  PRODUCTION_API,
  SANDBOX_API,
  targetKey,
  type Settings,
} from './settings';
import {
  coerceSettings,
  isLocalOrigin,
  mayCallOrigin,
  needsHostPermission,
  originPattern,
  parseAccountId,
  parseApiBaseUrl,
  parseApiKey,
  parseFreshness,
} from './settings-rules';

describe('parseApiBaseUrl', () => {
  it.each([
    ['https://api.connectsafely.ai', 'https://api.connectsafely.ai'],
    ['https://api.connectsafely.ai/', 'https://api.connectsafely.ai'],
    ['  https://sandbox.api.connectsafely.ai  ', 'https://sandbox.api.connectsafely.ai'],
    ['HTTPS://API.ConnectSafely.AI/', 'https://api.connectsafely.ai'],
    ['https://proxy.example.com:8443', 'https://proxy.example.com:8443'],
    ['https://proxy.example.com:443/', 'https://proxy.example.com'],
    ['https://localhost', 'https://localhost'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://LOCALHOST:8787/', 'http://localhost:8787'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
  ])('accepts %s as %s', (input, origin) => {
    expect(parseApiBaseUrl(input)).toEqual({ ok: true, value: origin });
  });

  it.each([
    ['an empty string', '', /API base URL/],
    ['only spaces', '   ', /API base URL/],
    ['a bare host', 'api.connectsafely.ai', /full address/],
    ['garbage', 'not a url at all', /full address/],
    ['a path', 'https://api.connectsafely.ai/v1', /without a path/],
    ['a path with trailing slash', 'https://api.connectsafely.ai/linkedin/', /without a path/],
    ['a query', 'https://api.connectsafely.ai/?key=1', /without a path/],
    ['a hash', 'https://api.connectsafely.ai/#top', /without a path/],
    ['a user name', 'https://user@api.connectsafely.ai', /user name or password/],
    ['a user and password', 'https://user:secret@api.connectsafely.ai', /user name or password/],
    ['http to a public host', 'http://api.connectsafely.ai', /https/],
    ['http to a private address', 'http://192.168.1.10:8787', /https/],
    ['http to a look-alike of localhost', 'http://localhost.evil.example', /https/],
    ['http to another loopback address', 'http://127.0.0.2:8787', /https/],
    ['ftp', 'ftp://api.connectsafely.ai', /https/],
    ['ws', 'wss://api.connectsafely.ai', /https/],
    ['javascript:', 'javascript:alert(1)', /./],
    ['data:', 'data:text/html,hi', /./],
    ['every host', 'https://*', /without “\*”/],
    ['every host, with a port', 'https://*:8443/', /without “\*”/],
    ['every subdomain', 'https://*.example.com', /without “\*”/],
    ['every subdomain, percent-encoded', 'https://%2A.example.com', /without “\*”/],
    ['a wildcard inside a label', 'https://api*.example.com', /without “\*”/],
    ['a wildcard top-level domain', 'https://example.*', /without “\*”/],
  ])('rejects %s', (_name, input, message) => {
    const result = parseApiBaseUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('isLocalOrigin', () => {
  it.each([
    ['http://localhost:8787', true],
    ['http://127.0.0.1', true],
    ['http://[::1]:1', true],
    ['https://api.connectsafely.ai', false],
    ['not a url', false],
  ])('%s → %s', (origin, expected) => {
    expect(isLocalOrigin(origin)).toBe(expected);
  });
});

describe('needsHostPermission', () => {
  it.each([
    [PRODUCTION_API, false],
    [SANDBOX_API, false],
    ['http://localhost:8787', false],
    ['http://127.0.0.1:8787', false],
    ['http://[::1]:8787', false],
    ['https://proxy.example.com', true],
    ['https://api.connectsafely.ai:8443', true],
    ['https://connectsafely.ai', true],
  ])('%s → %s', (origin, expected) => {
    expect(needsHostPermission(origin)).toBe(expected);
  });
});

describe('mayCallOrigin', () => {
  it.each([PRODUCTION_API, SANDBOX_API, 'http://localhost:8787', 'http://127.0.0.1:8787'])(
    'may call %s without asking for any permission',
    async (origin) => {
      const granted = vi.fn(async () => false);

      await expect(mayCallOrigin(origin, granted)).resolves.toBe(true);
      expect(granted).not.toHaveBeenCalled();
    },
  );

  it.each([
    [true, true],
    [false, false],
  ])('may call a custom origin when its permission is held (%s → %s)', async (held, expected) => {
    const granted = vi.fn(async () => held);

    await expect(mayCallOrigin('https://proxy.example.com:8443', granted)).resolves.toBe(expected);
    expect(granted).toHaveBeenCalledWith('https://proxy.example.com/*');
  });
});

describe('originPattern', () => {
  it.each([
    ['https://proxy.example.com', 'https://proxy.example.com/*'],
    ['https://proxy.example.com:8443', 'https://proxy.example.com/*'],
    ['http://localhost:8787', 'http://localhost/*'],
    ['http://[::1]:8787', 'http://[::1]/*'],
  ])('%s → %s', (origin, pattern) => {
    expect(originPattern(origin)).toBe(pattern);
  });
});

describe('parseAccountId', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['6650a1f3c2e4b5d6a7980b1c', '6650a1f3c2e4b5d6a7980b1c'],
    ['  6650a1f3c2e4b5d6a7980b1c\n', '6650a1f3c2e4b5d6a7980b1c'],
    ['acc_1-B', 'acc_1-B'],
    ['a'.repeat(64), 'a'.repeat(64)],
  ])('accepts %j as %j', (input, expected) => {
    expect(parseAccountId(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['65 characters', 'a'.repeat(65)],
    ['a space inside', 'abc def'],
    ['a slash', 'abc/def'],
    ['path traversal', '../status'],
    ['a query', 'abc?x=1'],
    ['an ampersand', 'abc&debug=true'],
    ['non-ASCII', 'abcé'],
    ['markup', '<script>'],
  ])('rejects %s', (_name, input) => {
    const result = parseAccountId(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/account ID/);
  });
});

describe('parseApiKey', () => {
  it.each([
    ['sk-12345', 'sk-12345'],
    ['  sandbox-demo-key\n', 'sandbox-demo-key'],
    ['!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'],
    ['k'.repeat(512), 'k'.repeat(512)],
  ])('accepts %s', (input, expected) => {
    expect(parseApiKey(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['empty', '', /Enter your API key/],
    ['blank', '  \t ', /Enter your API key/],
    ['7 characters', 'sk-1234', /looks too short: paste the whole key from the ConnectSafely dashboard/],
    ['1 character', 'k', /looks too short/],
    ['7 characters once trimmed', '  sk-1234\n', /looks too short/],
    ['513 characters', 'k'.repeat(513), /does not look like an API key/],
    ['a space inside', 'sk-123 456', /does not look like an API key/],
    ['a tab inside', 'sk-123\t456', /does not look like an API key/],
    ['a newline inside', 'sk-123\n456', /does not look like an API key/],
    ['non-ASCII', 'sk-1234567é', /does not look like an API key/],
    ['a control character', 'sk-1234567\u0000', /does not look like an API key/],
    ['Bearer prefix with a space', 'Bearer sk-12345678', /does not look like an API key/],
  ])('rejects %s', (_name, input, message) => {
    const result = parseApiKey(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

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
    expect(FRESHNESS_MINUTES).toEqual({ min: 5, max: 1440, default: 60 });
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
    apiBaseUrl: 'http://localhost:8787',
    accountId: '6650a1f3c2e4b5d6a7980b1c',
    freshnessMinutes: 15,
    debug: true,
    showBadge: false,
  };

  it('has the documented defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      apiBaseUrl: 'https://api.connectsafely.ai',
      accountId: '',
      freshnessMinutes: 60,
      debug: false,
      showBadge: true,
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
    ['showBadge', 'false'],
    ['showBadge', 0],
    ['showBadge', null],
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
      'debug',
      'freshnessMinutes',
      'showBadge',
    ]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import {
  isLocalOrigin,
  mayCallOrigin,
  needsHostPermission,
  originPattern,
  parseApiBaseUrl,
  PRODUCTION_API,
  SANDBOX_API,
} from './api-origin';

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
    [SANDBOX_API, true],
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
  it.each([PRODUCTION_API, 'http://localhost:8787', 'http://127.0.0.1:8787'])(
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
    expect(granted).toHaveBeenCalledWith('https://proxy.example.com:8443/*');
  });

  it.each([
    [true, true],
    [false, false],
  ])(
    'may call the sandbox host only when its optional permission is held (%s → %s)',
    async (held, expected) => {
      const granted = vi.fn(async () => held);

      await expect(mayCallOrigin(SANDBOX_API, granted)).resolves.toBe(expected);
      expect(granted).toHaveBeenCalledWith('https://sandbox.api.connectsafely.ai/*');
    },
  );
});

describe('originPattern', () => {
  it.each([
    ['https://proxy.example.com', 'https://proxy.example.com/*'],
    ['https://proxy.example.com:8443', 'https://proxy.example.com:8443/*'],
    ['https://proxy.example.com:443', 'https://proxy.example.com/*'],
    ['http://localhost:8787', 'http://localhost:8787/*'],
    ['http://[::1]:8787', 'http://[::1]:8787/*'],
  ])('%s → %s', (origin, pattern) => {
    expect(originPattern(origin)).toBe(pattern);
  });
});

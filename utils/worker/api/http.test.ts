// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_RATE_LIMIT_PAUSE_MS,
  errorForStatus,
  getJson,
  retryAtFrom,
  serverWords,
  type ApiTarget,
  type HttpDeps,
} from './http';

const NOW = Date.UTC(2026, 2, 14, 9, 30, 0);
const KEY = 'sk-live-0123456789abcdef';
const TARGET: ApiTarget = { baseUrl: 'https://api.connectsafely.ai', apiKey: KEY };

type FetchArgs = Parameters<typeof fetch>;

function deps(
  fetchImpl: (...args: FetchArgs) => Promise<Response>,
  overrides: Partial<HttpDeps> = {},
): HttpDeps {
  return {
    fetch: vi.fn(fetchImpl),
    now: () => NOW,
    isOnline: () => true,
    timeoutMs: 1_000,
    maxBytes: DEFAULT_MAX_BYTES,
    ...overrides,
  };
}

function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
}

describe('retryAtFrom', () => {
  const nowSeconds = NOW / 1000;
  it.each<[string, Record<string, string>, number]>([
    ['Retry-After in seconds', { 'Retry-After': '30' }, NOW + 30_000],
    ['Retry-After with spaces around', { 'Retry-After': ' 45 ' }, NOW + 45_000],
    ['Retry-After 0', { 'Retry-After': '0' }, NOW],
    ['Retry-After as an HTTP date', { 'Retry-After': new Date(NOW + 120_000).toUTCString() }, NOW + 120_000],
    [
      'Retry-After as an HTTP date in the past',
      { 'Retry-After': new Date(NOW - 120_000).toUTCString() },
      NOW,
    ],
    [
      'Retry-After wins over X-RateLimit-Reset',
      { 'Retry-After': '10', 'X-RateLimit-Reset': String(nowSeconds + 500) },
      NOW + 10_000,
    ],
    ['X-RateLimit-Reset as epoch seconds', { 'X-RateLimit-Reset': String(nowSeconds + 90) }, NOW + 90_000],
    ['X-RateLimit-Reset as epoch seconds in the past', { 'X-RateLimit-Reset': String(nowSeconds - 90) }, NOW],
    ['X-RateLimit-Reset as a small delta in seconds', { 'X-RateLimit-Reset': '20' }, NOW + 20_000],
    [
      'garbage Retry-After, usable X-RateLimit-Reset',
      { 'Retry-After': 'soon', 'X-RateLimit-Reset': '5' },
      NOW + 5_000,
    ],
    ['no header at all', {}, NOW + DEFAULT_RATE_LIMIT_PAUSE_MS],
    ['garbage Retry-After', { 'Retry-After': 'soon' }, NOW + DEFAULT_RATE_LIMIT_PAUSE_MS],
    ['Retry-After with trailing text', { 'Retry-After': '12abc' }, NOW + DEFAULT_RATE_LIMIT_PAUSE_MS],
    ['Retry-After in exponent notation', { 'Retry-After': '1e3' }, NOW + DEFAULT_RATE_LIMIT_PAUSE_MS],
    ['blank Retry-After', { 'Retry-After': '   ' }, NOW + DEFAULT_RATE_LIMIT_PAUSE_MS],
    ['garbage X-RateLimit-Reset', { 'X-RateLimit-Reset': 'tomorrow' }, NOW + DEFAULT_RATE_LIMIT_PAUSE_MS],
    ['negative X-RateLimit-Reset', { 'X-RateLimit-Reset': '-30' }, NOW + DEFAULT_RATE_LIMIT_PAUSE_MS],
    // Date.parse would read these as dates in the past and lift the limit at once.
    ['negative Retry-After', { 'Retry-After': '-5' }, NOW + DEFAULT_RATE_LIMIT_PAUSE_MS],
    ['fractional Retry-After', { 'Retry-After': '1.5' }, NOW + DEFAULT_RATE_LIMIT_PAUSE_MS],
    ['Retry-After 0.5', { 'Retry-After': '0.5' }, NOW + DEFAULT_RATE_LIMIT_PAUSE_MS],
  ])('%s', (_name, headers, expected) => {
    expect(retryAtFrom(new Headers(headers), NOW)).toBe(expected);
  });

  it('uses a one-minute default pause', () => {
    expect(DEFAULT_RATE_LIMIT_PAUSE_MS).toBe(60_000);
  });
});

describe('serverWords', () => {
  it.each<[string, unknown, string | undefined]>([
    ['{error}', { error: 'Invalid API key' }, 'Invalid API key'],
    [
      '{success, error, issues}',
      { success: false, error: 'Invalid account ID format', issues: [{}] },
      'Invalid account ID format',
    ],
    [
      '{message}',
      { success: false, code: 'RATE_LIMITED', message: 'Too many requests' },
      'Too many requests',
    ],
    ['{error: {message}}', { error: { message: 'Nested words', code: 7 } }, 'Nested words'],
    ['{error} before {message}', { error: 'first', message: 'second' }, 'first'],
    ['{message} when error is not a string', { error: 42, message: 'second' }, 'second'],
    ['control characters stripped', { error: 'line one\u0000\r\nline\u0007 two\u009f' }, 'line one line two'],
    ['the key redacted', { error: `Key ${KEY} is revoked` }, 'Key [redacted] is revoked'],
    ['no words', { success: false }, undefined],
    ['an empty message', { error: '   ' }, undefined],
    ['a non-string error object without message', { error: { reason: 'x' } }, undefined],
    ['a nested message that is not a string', { error: { message: 12 } }, undefined],
    ['a body that is not an object', 'Invalid API key', undefined],
    ['no body', undefined, undefined],
    ['null', null, undefined],
  ])('reads %s', (_name, body, expected) => {
    expect(serverWords(body, KEY)).toBe(expected);
  });

  it('caps the words at 300 characters, ending with an ellipsis', () => {
    const words = serverWords({ error: 'w'.repeat(1_000) }, KEY);
    expect(words).toHaveLength(300);
    expect(words?.endsWith('…')).toBe(true);
    expect(serverWords({ error: 'w'.repeat(300) }, KEY)).toBe('w'.repeat(300));
  });
});

describe('errorForStatus', () => {
  const body = { success: false, error: 'The words' };
  it.each([
    [401, { code: 'unauthorized', status: 401 }],
    [403, { code: 'forbidden', status: 403, serverMessage: 'The words' }],
    [400, { code: 'bad-request', status: 400, serverMessage: 'The words' }],
    [404, { code: 'not-found', status: 404, serverMessage: 'The words' }],
    [500, { code: 'session-expired', status: 500, serverMessage: 'The words' }],
    [502, { code: 'server', status: 502 }],
    [503, { code: 'server', status: 503 }],
    [504, { code: 'server', status: 504 }],
    [418, { code: 'api-error', status: 418, serverMessage: 'The words' }],
    [409, { code: 'api-error', status: 409, serverMessage: 'The words' }],
  ])('maps HTTP %i', (status, expected) => {
    expect(errorForStatus(status, new Headers(), body, KEY, NOW)).toEqual(expected);
  });

  it('maps 429 to rate-limited with retryAt from the headers', () => {
    expect(errorForStatus(429, new Headers({ 'Retry-After': '7' }), body, KEY, NOW)).toEqual({
      code: 'rate-limited',
      status: 429,
      retryAt: NOW + 7_000,
    });
  });

  it('leaves serverMessage out when the body has no words', () => {
    expect(errorForStatus(403, new Headers(), undefined, KEY, NOW)).toEqual({
      code: 'forbidden',
      status: 403,
    });
  });
});

describe('getJson', () => {
  it('sends one GET with the Bearer key, no cookies, no cache and no redirects', async () => {
    const http = deps(() => Promise.resolve(jsonResponse({ fine: true })));
    const result = await getJson(http, TARGET, '/linkedin/ssi', {
      accountId: 'abc',
      debug: undefined,
      q: '',
    });
    expect(result).toEqual({ ok: true, value: { fine: true } });
    expect(http.fetch).toHaveBeenCalledTimes(1);
    const [url, init] = vi.mocked(http.fetch).mock.calls[0] ?? [];
    expect(url).toBe('https://api.connectsafely.ai/linkedin/ssi?accountId=abc');
    expect(init).toMatchObject({
      method: 'GET',
      headers: { Authorization: `Bearer ${KEY}`, Accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
    });
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('encodes query values', async () => {
    const http = deps(() => Promise.resolve(jsonResponse([])));
    await getJson(http, TARGET, '/linkedin/accounts', { q: 'Ada & Grace/?#' });
    const [url] = vi.mocked(http.fetch).mock.calls[0] ?? [];
    expect(new URL(String(url)).searchParams.get('q')).toBe('Ada & Grace/?#');
    expect(new URL(String(url)).pathname).toBe('/linkedin/accounts');
  });

  it('answers offline without calling fetch when the browser is offline', async () => {
    const http = deps(() => Promise.resolve(jsonResponse({})), { isOnline: () => false });
    expect(await getJson(http, TARGET, '/linkedin/ssi', {})).toEqual({
      ok: false,
      error: { code: 'offline' },
    });
    expect(http.fetch).not.toHaveBeenCalled();
  });

  it('answers network when fetch rejects while online', async () => {
    const http = deps(() => Promise.reject(new TypeError('fetch failed')));
    expect(await getJson(http, TARGET, '/linkedin/ssi', {})).toEqual({
      ok: false,
      error: { code: 'network' },
    });
  });

  it('answers offline when fetch rejects because the browser went offline meanwhile', async () => {
    const online = [true, false];
    const http = deps(() => Promise.reject(new TypeError('fetch failed')), {
      isOnline: () => online.shift() ?? false,
    });
    expect(await getJson(http, TARGET, '/linkedin/ssi', {})).toEqual({
      ok: false,
      error: { code: 'offline' },
    });
  });

  it('answers network when a redirect is refused', async () => {
    const http = deps((_url, init) =>
      init?.redirect === 'error'
        ? Promise.reject(new TypeError('unexpected redirect'))
        : Promise.resolve(jsonResponse({ stolen: true })),
    );
    expect(await getJson(http, TARGET, '/linkedin/ssi', {})).toEqual({
      ok: false,
      error: { code: 'network' },
    });
  });

  it.each<[string, () => Response, string]>([
    [
      'an HTML page',
      () => new Response('<html></html>', { headers: { 'Content-Type': 'text/html' } }),
      'HTML',
    ],
    ['a text body', () => new Response('hello', { headers: { 'Content-Type': 'text/plain' } }), 'text/plain'],
    [
      'JSON sent as text/plain',
      () => new Response('{"a":1}', { headers: { 'Content-Type': 'text/plain' } }),
      'text/plain',
    ],
    ['an empty answer', () => new Response(null, { status: 200 }), 'empty'],
    [
      'cut JSON',
      () => new Response('{"memberScore": {"ove', { headers: { 'Content-Type': 'application/json' } }),
      'expected JSON',
    ],
  ])('answers malformed for %s', async (_name, response, words) => {
    const http = deps(() => Promise.resolve(response()));
    const result = await getJson(http, TARGET, '/linkedin/ssi', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('malformed');
    expect(result.error.status).toBe(200);
    expect(result.error.detail).toContain(words);
  });

  it('accepts JSON without a content type', async () => {
    const response = new Response(new TextEncoder().encode('{"a":1}'));
    expect(response.headers.get('content-type')).toBeNull();
    const http = deps(() => Promise.resolve(response));
    expect(await getJson(http, TARGET, '/x', {})).toEqual({ ok: true, value: { a: 1 } });
  });

  it('answers oversized from a declared Content-Length without reading the body', async () => {
    const cancel = vi.fn();
    const stream = new ReadableStream<Uint8Array>({ cancel });
    const response = new Response(stream, {
      headers: { 'Content-Length': '5000', 'Content-Type': 'application/json' },
    });
    const http = deps(() => Promise.resolve(response), { maxBytes: 4096 });
    expect(await getJson(http, TARGET, '/x', {})).toEqual({
      ok: false,
      error: { code: 'oversized', detail: 'over 4096 bytes' },
    });
    expect(cancel).toHaveBeenCalled();
  });

  it('stops reading a streamed body as soon as it passes maxBytes', async () => {
    let pulls = 0;
    const cancel = vi.fn();
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(1024).fill(0x20));
      },
      cancel,
    });
    const response = new Response(stream, { headers: { 'Content-Type': 'application/json' } });
    const http = deps(() => Promise.resolve(response), { maxBytes: 4096 });
    const result = await getJson(http, TARGET, '/x', {});
    expect(result).toEqual({ ok: false, error: { code: 'oversized', detail: 'over 4096 bytes' } });
    expect(cancel).toHaveBeenCalled();
    expect(pulls).toBeLessThan(10);
  });

  it('reads a body of exactly maxBytes', async () => {
    const text = JSON.stringify({ pad: 'x'.repeat(100) });
    const http = deps(() => Promise.resolve(jsonResponse(JSON.parse(text))), { maxBytes: text.length });
    expect((await getJson(http, TARGET, '/x', {})).ok).toBe(true);
  });

  it('decodes a body split across chunks in the middle of a multi-byte character', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ name: 'Zoë — Ünïcode' }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 3) controller.enqueue(bytes.slice(i, i + 3));
        controller.close();
      },
    });
    const http = deps(() =>
      Promise.resolve(new Response(stream, { headers: { 'Content-Type': 'application/json' } })),
    );
    expect(await getJson(http, TARGET, '/x', {})).toEqual({ ok: true, value: { name: 'Zoë — Ünïcode' } });
  });

  it('answers timeout when the body never finishes, and aborts the request', async () => {
    let signal: AbortSignal | undefined;
    const http = deps(
      (_url, init) => {
        signal = init?.signal ?? undefined;
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"memberScore":'));
            signal?.addEventListener('abort', () => controller.error(signal?.reason));
          },
        });
        return Promise.resolve(new Response(stream, { headers: { 'Content-Type': 'application/json' } }));
      },
      { timeoutMs: 50 },
    );
    expect(await getJson(http, TARGET, '/x', {})).toEqual({
      ok: false,
      error: { code: 'timeout', detail: 'no answer within 50 ms' },
    });
    expect(signal?.aborted).toBe(true);
  });

  it('maps error statuses, reading the server words and redacting the key', async () => {
    const http = deps(() =>
      Promise.resolve(jsonResponse({ success: false, error: `Trial expired for ${KEY}` }, { status: 403 })),
    );
    expect(await getJson(http, TARGET, '/x', {})).toEqual({
      ok: false,
      error: { code: 'forbidden', status: 403, serverMessage: 'Trial expired for [redacted]' },
    });
  });

  it('maps an error status with an HTML body without words', async () => {
    const http = deps(() =>
      Promise.resolve(
        new Response('<html>502 Bad Gateway</html>', {
          status: 502,
          headers: { 'Content-Type': 'text/html' },
        }),
      ),
    );
    expect(await getJson(http, TARGET, '/x', {})).toEqual({
      ok: false,
      error: { code: 'server', status: 502 },
    });
  });

  it('stamps retryAt of a 429 with the injected clock', async () => {
    const http = deps(() =>
      Promise.resolve(jsonResponse({}, { status: 429, headers: { 'Retry-After': '3' } })),
    );
    expect(await getJson(http, TARGET, '/x', {})).toEqual({
      ok: false,
      error: { code: 'rate-limited', status: 429, retryAt: NOW + 3_000 },
    });
  });
});

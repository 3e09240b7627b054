import { describe, expect, it } from 'vitest';
import {
  describeError,
  isRetryable,
  redactSecret,
  sanitizeServerMessage,
  SSI_ERROR_CODES,
  type SsiErrorCode,
} from './errors';
import { AWKWARD_KEY, KEY_ENCODINGS } from './testing/key-encodings';

const NOW = Date.UTC(2026, 2, 14, 9, 30);
const ACTIONS = ['open-settings', 'retry', 'none'];

function clock(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

describe('describeError', () => {
  it.each(SSI_ERROR_CODES)('gives %s a title, a message and an action', (code) => {
    const description = describeError({ code }, NOW);
    expect(description.title.trim()).not.toBe('');
    expect(description.message.trim()).not.toBe('');
    expect(ACTIONS).toContain(description.action);
  });

  it.each(SSI_ERROR_CODES)('never prints undefined, null or NaN for %s, with or without details', (code) => {
    const bare = describeError({ code }, NOW);
    const full = describeError(
      { code, status: 503, serverMessage: 'Server words', retryAt: NOW + 60_000, detail: 'x' },
      NOW,
    );
    for (const { title, message } of [bare, full]) {
      expect(`${title} ${message}`).not.toMatch(/undefined|null|NaN|\[object/);
    }
  });

  it.each<[SsiErrorCode, string | RegExp, string]>([
    ['no-key', 'Add your API key in settings', 'open-settings'],
    ['unauthorized', 'The API key was rejected: check it in settings', 'open-settings'],
    ['session-expired', /reconnect the account in ConnectSafely/, 'retry'],
    ['permission-missing', /settings/, 'open-settings'],
    ['offline', /offline/i, 'retry'],
    ['network', /reach the API/, 'retry'],
    ['timeout', /too long/, 'retry'],
  ])('words %s as the issue asks', (code, words, action) => {
    const description = describeError({ code }, NOW);
    if (typeof words === 'string') expect(description.message).toContain(words);
    else expect(description.message).toMatch(words);
    expect(description.action).toBe(action);
  });

  it.each<[SsiErrorCode]>([['forbidden'], ['bad-request'], ['api-error']])(
    'quotes the server words for %s',
    (code) => {
      const message = describeError({ code, serverMessage: 'Your trial has expired.' }, NOW).message;
      expect(message).toContain('“Your trial has expired.”');
    },
  );

  it('keeps markup in server words as text (the caller renders text)', () => {
    const words = '<img src=x onerror=alert(1)>';
    expect(describeError({ code: 'forbidden', serverMessage: words }, NOW).message).toContain(words);
  });

  it('explains forbidden without server words by pointing at the plan', () => {
    expect(describeError({ code: 'forbidden' }, NOW).message).toMatch(/plan/);
  });

  it('mentions the time to try again when retryAt is in the future', () => {
    const retryAt = NOW + 30 * 60_000;
    const message = describeError({ code: 'rate-limited', retryAt }, NOW).message;
    expect(message).toContain(clock(retryAt));
    expect(message).toMatch(/\d{1,2}\D\d{2}/);
    expect(message).not.toContain('in a minute');
  });

  it.each([
    ['in the past', NOW - 1_000],
    ['now', NOW],
    ['missing', undefined],
  ])('says "in a minute" when retryAt is %s', (_name, retryAt) => {
    const message = describeError(
      { code: 'rate-limited', ...(retryAt === undefined ? {} : { retryAt }) },
      NOW,
    ).message;
    expect(message).toContain('Try again in a minute.');
  });

  it('mentions the HTTP status of a server error when known', () => {
    expect(describeError({ code: 'server', status: 503 }, NOW).message).toContain('HTTP 503');
    expect(describeError({ code: 'server' }, NOW).message).not.toContain('HTTP');
  });
});

describe('isRetryable', () => {
  const retryable = new Set<SsiErrorCode>(['network', 'server', 'session-expired']);
  it.each(SSI_ERROR_CODES.map((code) => [code, retryable.has(code)] as const))(
    '%s → %s',
    (code, expected) => {
      expect(isRetryable({ code })).toBe(expected);
    },
  );
});

describe('redactSecret', () => {
  const KEYS = [AWKWARD_KEY, 'sk-live-abcdef123456'];
  const CASES = KEYS.flatMap((key) => KEY_ENCODINGS.map(([how, encode]) => [how, key, encode] as const));

  it.each(CASES)('finds the key %s (%s) and replaces it, every time', (_how, key, encode) => {
    const text = `before ${encode(key)} middle ${encode(key)} after`;
    expect(redactSecret(text, key)).toBe('before [redacted] middle [redacted] after');
  });

  it.each<[string, string]>([
    ['without the key', 'Your trial has expired.'],
    ['with all but its last character', `key=${AWKWARD_KEY.slice(0, -1)}`],
    ['with one character changed', `key=${AWKWARD_KEY.replace('Live', 'Live'.toUpperCase())}`],
    ['with a character encoded as another', `key=${AWKWARD_KEY.replace('/', '%2E')}`],
  ])('leaves a text %s as it is', (_name, text) => {
    expect(redactSecret(text, AWKWARD_KEY)).toBe(text);
  });

  it('takes linear time, even for a key that repeats itself in a text that nearly matches it everywhere', () => {
    const key = `${'\\'.repeat(40)}k${'k'.repeat(470)}x`;
    const text = `${'\\'.repeat(200)}${'k'.repeat(200_000)}`;
    const started = performance.now();

    expect(redactSecret(text, key)).toBe(text);
    // Pattern matching per character takes minutes here (backtracking over the backslashes,
    // then over every "k"); a linear search takes milliseconds.
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('leaves the text alone for an empty secret', () => {
    expect(redactSecret('abc', '')).toBe('abc');
  });
});

describe('sanitizeServerMessage', () => {
  const SECRET = 'sk-live-abcdef123456';
  it.each<[string, unknown, string | null | undefined, string | undefined]>([
    ['plain words', 'Your trial has expired.', SECRET, 'Your trial has expired.'],
    ['surrounding whitespace', '  spaced out \n', undefined, 'spaced out'],
    ['runs of whitespace', 'a \t\t b   c', undefined, 'a b c'],
    [
      'control characters',
      'bell\u0007null\u0000esc\u001bdel\u007fc1\u0085end',
      undefined,
      'bell null esc del c1 end',
    ],
    ['CRLF injection', 'line1\r\nSet-Cookie: x', undefined, 'line1 Set-Cookie: x'],
    ['the secret, every time', `${SECRET} and ${SECRET}!`, SECRET, '[redacted] and [redacted]!'],
    ['the secret next to text', `key=${SECRET};`, SECRET, 'key=[redacted];'],
    ['no secret given', `key=${SECRET}`, null, `key=${SECRET}`],
    ['an empty secret', 'abc', '', 'abc'],
    ['markup, kept as text', '<b>bold</b>', undefined, '<b>bold</b>'],
    ['an empty string', '', undefined, undefined],
    ['only control characters and spaces', '\u0000 \u0001\n', undefined, undefined],
    ['a number', 42, undefined, undefined],
    ['an object', { message: 'x' }, undefined, undefined],
    ['null', null, undefined, undefined],
    ['undefined', undefined, undefined, undefined],
  ])('handles %s', (_name, input, secret, expected) => {
    expect(sanitizeServerMessage(input, secret)).toBe(expected);
  });

  it('cuts long words to 300 characters ending with an ellipsis', () => {
    const long = 'a'.repeat(299) + 'bcdef';
    const clean = sanitizeServerMessage(long);
    expect(clean).toHaveLength(300);
    expect(clean).toBe(`${'a'.repeat(299)}…`);
    expect(sanitizeServerMessage('a'.repeat(300))).toBe('a'.repeat(300));
  });

  it('redacts the secret before cutting, so no part of it survives', () => {
    const clean = sanitizeServerMessage(`${'x'.repeat(290)}${SECRET}`, SECRET);
    expect(clean).toHaveLength(300);
    expect(clean).not.toContain(SECRET.slice(0, 8));
    expect(clean?.startsWith(`${'x'.repeat(290)}[redacted`)).toBe(true);
  });
});

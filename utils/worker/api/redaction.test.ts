import { describe, expect, it } from 'vitest';
import { AWKWARD_KEY, KEY_ENCODINGS } from '../../testing/key-encodings';
import { mayHoldSecret, redactSecret, redactStrings, sanitizeServerMessage } from './redaction';

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

describe('the last line of defence: a key held some other way', () => {
  const KEY = 'sk-live-abcdef123456';

  it.each([
    ['split by spaces', 'your key s k - l i v e - a b c d e f 1 2 3 4 5 6 is wrong'],
    ['split by bidi and control characters', `key sk-live-\u202eabcdef\u0000123456 refused`],
    ['in another case of punctuation', 'key sk_live_abcdef_123456 refused'],
  ])('drops server words that hold it %s', (_how, words) => {
    expect(mayHoldSecret(words, KEY)).toBe(true);
    expect(sanitizeServerMessage(words, KEY)).toBeUndefined();
  });

  it('keeps words that do not', () => {
    expect(mayHoldSecret('Your trial has expired', KEY)).toBe(false);
    expect(sanitizeServerMessage('Your trial has expired', KEY)).toBe('Your trial has expired');
  });

  it('does not guess from a key with fewer than 8 letters and digits', () => {
    expect(mayHoldSecret('a-b-c-d-e', 'a_b_c_d_e')).toBe(false);
  });

  it('replaces every string of an answer that holds it, and nothing else', () => {
    const answer = {
      accountId: 'acc_1',
      industry: { industryName: 'sk live abcdef 123456' },
      list: ['ok', 'SK-LIVE-abcdef123456 ', `x${KEY.split('').join(' ')}`],
      score: 12,
    };
    expect(redactStrings(answer, KEY)).toEqual({
      accountId: 'acc_1',
      industry: { industryName: '[redacted]' },
      list: ['ok', 'SK-LIVE-abcdef123456 ', '[redacted]'],
      score: 12,
    });
  });

  it('copies `__proto__` keys as data, never as a prototype', () => {
    const answer = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": "b"}') as object;
    const copy = redactStrings(answer, KEY) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/**
 * Test support, imported by test suites only: the ways a server may echo an API key back,
 * encoded or escaped, for the redaction tables (`redactSecret` and the API client).
 */

/** A valid key (printable ASCII) holding every character that some encoding rewrites. */
export const AWKWARD_KEY = `sk_Live/9f+&<>"'%=\\~Z`;

const codeOf = (char: string) => char.charCodeAt(0);
const hex = (char: string, digits: number) => codeOf(char).toString(16).padStart(digits, '0');
const each = (key: string, form: (char: string) => string) => [...key].map(form).join('');
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** HTML5's names for the punctuation of {@link AWKWARD_KEY}. */
const HTML5: Record<string, string> = {
  '/': '&sol;',
  '+': '&plus;',
  '=': '&equals;',
  '%': '&percnt;',
  '\\': '&bsol;',
  '~': '&tilde;',
  _: '&lowbar;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
/** A JSON string's content as Go's and .NET's encoders write it: `<`, `>`, `&` as `\\u` escapes. */
const goJson = (text: string) =>
  JSON.stringify(text)
    .slice(1, -1)
    .replace(/[<>&]/g, (c) => `\\u${hex(c, 4)}`);

/**
 * [how, encode, layer]: each turns a key into the text a server could send in its place.
 * `json` encodings are how a JSON text writes the key itself (what `JSON.parse` reads back as
 * the key); `text` ones are the key encoded inside a string, kept as they are by `JSON.parse`.
 */
export const KEY_ENCODINGS: ReadonlyArray<readonly [string, (key: string) => string, 'json' | 'text']> = [
  ['as is', (key) => key, 'text'],
  ['JSON-escaped', (key) => JSON.stringify(key).slice(1, -1), 'json'],
  ['JSON-escaped, "/" too', (key) => JSON.stringify(key).slice(1, -1).replaceAll('/', '\\/'), 'json'],
  ['\\u-escaped, every character', (key) => each(key, (c) => `\\u${hex(c, 4)}`), 'json'],
  ['\\u-escaped, upper-case hex', (key) => each(key, (c) => `\\u${hex(c, 4).toUpperCase()}`), 'json'],
  ['percent-encoded (encodeURIComponent)', (key) => encodeURIComponent(key), 'text'],
  [
    'percent-encoded, lower-case hex',
    (key) => encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    'text',
  ],
  ['percent-encoded, every character', (key) => each(key, (c) => `%${hex(c, 2).toUpperCase()}`), 'text'],
  ['form-encoded (URLSearchParams)', (key) => new URLSearchParams({ k: key }).toString().slice(2), 'text'],
  ['HTML-escaped, named references', (key) => each(key, (c) => HTML[c] ?? c), 'text'],
  ['HTML decimal references', (key) => each(key, (c) => `&#${codeOf(c)};`), 'text'],
  ['HTML decimal references, zero-padded', (key) => each(key, (c) => `&#000${codeOf(c)};`), 'text'],
  ['HTML hex references', (key) => each(key, (c) => `&#x${hex(c, 1)};`), 'text'],
  ['HTML hex references, upper case', (key) => each(key, (c) => `&#X${hex(c, 4).toUpperCase()};`), 'text'],
  ['HTML decimal references without ";"', (key) => each(key, (c) => `&#${codeOf(c)}`), 'text'],
  ['HTML5 named references for punctuation', (key) => each(key, (c) => HTML5[c] ?? c), 'text'],
  ['JavaScript \\x escapes, every character', (key) => each(key, (c) => `\\x${hex(c, 2)}`), 'text'],
  ['JavaScript escapes of quotes', (key) => key.replace(/['"\\]/g, (c) => `\\${c}`), 'text'],
  ['percent-encoded twice', (key) => encodeURIComponent(encodeURIComponent(key)), 'text'],
  [
    'HTML-escaped twice',
    (key) =>
      each(
        each(key, (c) => HTML[c] ?? c),
        (c) => HTML[c] ?? c,
      ),
    'text',
  ],
  ['"%" written as an HTML reference', (key) => encodeURIComponent(key).replaceAll('%', '&#37;'), 'text'],
  [
    'HTML-escaped, then JSON-encoded the way Go and .NET do (<, >, & as \\u)',
    (key) => goJson(each(key, (c) => HTML[c] ?? c)),
    'json',
  ],
  [
    'percent-encoded, then JSON-encoded with "%" as \\u0025',
    (key) => encodeURIComponent(key).replaceAll('%', '\\u0025'),
    'json',
  ],
  [
    'mixed: percent-encoded, then HTML hex references',
    (key) => {
      const half = Math.floor(key.length / 2);
      return encodeURIComponent(key.slice(0, half)) + each(key.slice(half), (c) => `&#x${hex(c, 2)};`);
    },
    'text',
  ],
];

/**
 * A JSON answer's text with every `"$KEY"` string of `body` replaced by the key as `encode`
 * writes it (a `json` encoding as is; a `text` one as the content of a JSON string).
 */
export function answerEchoing(
  body: unknown,
  key: string,
  [, encode, layer]: (typeof KEY_ENCODINGS)[number],
): string {
  const written = layer === 'json' ? encode(key) : JSON.stringify(encode(key)).slice(1, -1);
  return JSON.stringify(body).replaceAll('$KEY', () => written);
}

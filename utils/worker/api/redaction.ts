/**
 * Keeping the API key out of everything a server says: its answers are redacted as they are
 * read, its words cleaned before they are stored or shown. Service worker only: the key is.
 */

/**
 * Named character references a server's HTML escaping may write for the printable ASCII a key
 * can hold: the classic five and HTML5's names for punctuation.
 */
const NAMED_REFERENCES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  sol: '/',
  bsol: '\\',
  plus: '+',
  equals: '=',
  percnt: '%',
  num: '#',
  excl: '!',
  dollar: '$',
  lpar: '(',
  rpar: ')',
  ast: '*',
  midast: '*',
  comma: ',',
  period: '.',
  colon: ':',
  semi: ';',
  quest: '?',
  commat: '@',
  lsqb: '[',
  lbrack: '[',
  rsqb: ']',
  rbrack: ']',
  hat: '^',
  lowbar: '_',
  grave: '`',
  lcub: '{',
  lbrace: '{',
  verbar: '|',
  vert: '|',
  rcub: '}',
  rbrace: '}',
  tilde: '~',
  dash: '-',
  hyphen: '-',
};

/**
 * One character of a text as a server may have written it: `\u`- or `\x`-escaped,
 * percent-encoded (encodeURIComponent, form encoding), an HTML character reference (hex or
 * decimal, `;` optional; named), or backslash-escaped as JSON or JavaScript does (`\\`, `\"`,
 * `\/`, `\'`); else a run of characters as they are.
 */
const ENCODED_CHAR =
  /\\u([\da-f]{4})|\\x([\da-f]{2})|%([\da-f]{2})|&#x([\da-f]{1,6});?|&#(\d{1,7});?|&([a-z]+);|\\([\\"/'])|([^\\%&]+|[^])/gi;

/** How many layers of encoding are undone at most (a key percent-encoded, then HTML-escaped...). */
const MAX_LAYERS = 4;

interface Layer {
  text: string;
  /** Where in the original text each character of `text` starts; one more entry for its end. */
  starts: number[];
}

/** `layer` with one more layer of encoding undone; each character still knows where it came from. */
function decodeLayer({ text, starts }: Layer): Layer {
  const next: number[] = [];
  const decoded = text.replace(
    ENCODED_CHAR,
    (
      token: string,
      u,
      x,
      pct,
      hex,
      dec,
      named: string | undefined,
      escaped,
      run: string | undefined,
      at: number,
    ) => {
      if (run !== undefined) {
        for (let offset = 0; offset < run.length; offset++) next.push(starts[at + offset]!);
        return run;
      }
      const reference = named === undefined ? undefined : NAMED_REFERENCES[named.toLowerCase()];
      if (named !== undefined && reference === undefined) {
        // An unknown name is text as it is, one character at a time.
        for (let offset = 0; offset < token.length; offset++) next.push(starts[at + offset]!);
        return token;
      }
      next.push(starts[at]!);
      const code = u ?? x ?? pct ?? hex;
      const point = code ? parseInt(code, 16) : dec ? Number(dec) : NaN;
      // One UTF-16 unit for each encoded character, so that `next` stays aligned.
      return reference ?? escaped ?? (point <= 0xffff ? String.fromCharCode(point) : '\ufffd');
    },
  );
  next.push(starts[text.length]!);
  return { text: decoded, starts: next };
}

/**
 * Removes `secret` from `text`, also wherever a server encoded or escaped it, one way or
 * several ways mixed ({@link ENCODED_CHAR}), up to {@link MAX_LAYERS} encodings deep (a key
 * percent-encoded twice, HTML-escaped inside a JSON string...). Each layer is decoded with every
 * character remembering where in `text` it came from, and searched as plain text: linear time
 * whatever the key, where a pattern of alternatives per character can backtrack for ever.
 */
export function redactSecret(text: string, secret: string): string {
  if (!secret) return text;
  /** Spans of `text` that hold the key, in whichever layer it was found. */
  const spans: [number, number][] = [];
  let layer: Layer = { text, starts: Array.from({ length: text.length + 1 }, (_, index) => index) };
  for (let depth = 0; depth <= MAX_LAYERS; depth++) {
    for (let at = layer.text.indexOf(secret); at >= 0; at = layer.text.indexOf(secret, at + 1)) {
      spans.push([layer.starts[at]!, layer.starts[at + secret.length]!]);
    }
    const next = decodeLayer(layer);
    if (next.text === layer.text) break;
    layer = next;
  }
  if (!spans.length) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let clean = '';
  let from = 0;
  for (const [start, end] of spans) {
    if (end <= from) continue;
    clean += `${text.slice(from, Math.max(from, start))}[redacted]`;
    from = Math.max(from, end);
  }
  return clean + text.slice(from);
}

/** A key's letters and digits, when there are enough of them to recognise it by. */
function coreOf(secret: string): string | null {
  const core = secret.replace(/[^A-Za-z0-9]/g, '');
  return core.length >= 8 ? core : null;
}

/**
 * The last line of defence: whether `text`, read as its letters and digits alone, holds the
 * key's letters and digits in order. Catches a key split by spaces, control or bidi characters,
 * or by an encoding {@link redactSecret} does not undo; may catch a coincidence, which costs
 * only a server's sentence.
 */
export function mayHoldSecret(text: string, secret: string): boolean {
  const core = coreOf(secret);
  return core !== null && text.replace(/[^A-Za-z0-9]/g, '').includes(core);
}

/**
 * Every string of a decoded JSON answer that {@link mayHoldSecret} flags, replaced by
 * `[redacted]`; everything else as it was (a new value, the given one untouched).
 */
export function redactStrings(value: unknown, secret: string, depth = 0): unknown {
  if (typeof value === 'string') return mayHoldSecret(value, secret) ? '[redacted]' : value;
  if (depth > 64 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, secret, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    Object.defineProperty(copy, name, {
      value: redactStrings(item, secret, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** Server words longer than this are cut: they are shown in a popup, not a log viewer. */
const MAX_SERVER_MESSAGE = 300;

/**
 * Cleans a server-supplied message for display: removes control characters, collapses
 * whitespace, cuts it to a sane length and removes any occurrence of `secret` (a server
 * that echoes the key back must not make us show or store it).
 */
export function sanitizeServerMessage(text: unknown, secret?: string | null): string | undefined {
  if (typeof text !== 'string') return undefined;
  let clean = text;
  if (secret) clean = redactSecret(clean, secret);
  // Words that still hold the key some other way are not the server's to show.
  if (secret && mayHoldSecret(clean, secret)) return undefined;
  clean = clean
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!clean) return undefined;
  return clean.length > MAX_SERVER_MESSAGE ? `${clean.slice(0, MAX_SERVER_MESSAGE - 1)}…` : clean;
}

/**
 * Keeping the API key out of everything a server says: its answers are redacted as they are
 * read, its words cleaned before they are stored or shown. Service worker only: the key is.
 */

/** HTML's named references for the characters that HTML escaping rewrites. */
const NAMED_REFERENCES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * One character of a text as a server may have written it: `\u`-escaped, percent-encoded
 * (encodeURIComponent, form encoding), an HTML character reference (hex, decimal, named) or
 * backslash-escaped as JSON does (`\\`, `\"`, `\/`); else a run of characters as they are.
 */
const ENCODED_CHAR =
  /\\u([\da-f]{4})|%([\da-f]{2})|&#x([\da-f]+);|&#(\d+);|&(amp|lt|gt|quot|apos);|\\([\\"/])|([^\\%&]+|[^])/gi;

/**
 * Removes `secret` from `text`, also wherever a server encoded or escaped it, one way or
 * several ways mixed ({@link ENCODED_CHAR}). The text is decoded, remembering where each
 * character came from, and searched as plain text: linear time whatever the key, where a
 * pattern of alternatives per character can backtrack for ever.
 */
export function redactSecret(text: string, secret: string): string {
  if (!secret) return text;
  // A key that itself reads like an encoding (say "%41") is also found as it is.
  const plain = text.split(secret).join('[redacted]');
  /** Where in `plain` each character of `decoded` starts. */
  const starts: number[] = [];
  const decoded = plain.replace(
    ENCODED_CHAR,
    (_token, u, pct, hex, dec, named: string | undefined, escaped, run: string | undefined, at: number) => {
      for (let offset = 0; offset < (run?.length ?? 1); offset++) starts.push(at + offset);
      const code = u ?? pct ?? hex;
      // One UTF-16 unit for each encoded character, so that `starts` stays aligned.
      return (
        run ??
        escaped ??
        (named
          ? NAMED_REFERENCES[named.toLowerCase()]!
          : String.fromCharCode(code ? parseInt(code, 16) : dec))
      );
    },
  );
  starts.push(plain.length);
  let clean = '';
  let from = 0;
  for (let at = decoded.indexOf(secret); at >= 0; at = decoded.indexOf(secret, at + secret.length)) {
    clean += `${plain.slice(from, starts[at])}[redacted]`;
    from = starts[at + secret.length]!;
  }
  return clean + plain.slice(from);
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
  clean = clean
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!clean) return undefined;
  return clean.length > MAX_SERVER_MESSAGE ? `${clean.slice(0, MAX_SERVER_MESSAGE - 1)}…` : clean;
}

/** One request and its outcome, as the debug view shows it. Never holds the key. */
export interface ApiExchange {
  at: number;
  /** The URL requested (it carries no key: the key travels in a header). */
  url: string;
  status: number | null;
  durationMs: number;
  /** 'ok' or the error code. */
  outcome: string;
  detail: string | null;
  /** The start of the answer's body, with any occurrence of the key redacted. */
  bodyPreview: string | null;
}

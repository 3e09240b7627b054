/**
 * One HTTP request to the ConnectSafely API, turned into data: the decoded JSON of a 2xx
 * answer, or an {@link SsiError} for every other outcome (status, network, timeout, size).
 */
import * as v from 'valibot';
import type { SsiError } from '../../errors';
import { mayHoldSecret, redactSecret, redactStrings, sanitizeServerMessage } from './redaction';
import type { ApiExchange } from '../../api-exchange';
import { err, ok, type Result } from '../../result';
import { ErrorBodySchema } from './ssi-schema';

/** Where and as whom to call: everything a request needs, the key included (service worker only). */
export interface ApiTarget {
  /** An origin, as validated by `parseApiBaseUrl`. */
  baseUrl: string;
  apiKey: string;
}

export interface HttpDeps {
  fetch: typeof fetch;
  now: () => number;
  /** False when the browser knows it is offline. */
  isOnline: () => boolean;
  /** The whole request, body included, is aborted after this long. */
  timeoutMs: number;
  /** Answers larger than this are not read. */
  maxBytes: number;
  /** Told about every request, for the debug view: key redacted, body cut short. */
  record?: (exchange: ApiExchange) => void;
}

/** How much of an answer the debug view keeps. */
export const DEBUG_PREVIEW_CHARS = 20_000;

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 1024 * 1024;
/** Without a usable Retry-After, a 429 pauses requests this long. */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 60_000;
/**
 * The longest pause a 429 can impose. The published limits are per minute and per hour: a
 * server asking for more is wrong, and must not lock the user out of Refresh for years.
 */
export const MAX_RATE_LIMIT_PAUSE_MS = 60 * 60_000;

class TooLarge extends Error {}

/** Reads at most `maxBytes` of the body, cancelling the stream as soon as it is exceeded. */
async function readBody(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new TooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: BlobPart[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return new Blob(chunks).text();
}

function decodeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The server's own words from any of the error shapes the API uses. */
export function serverWords(body: unknown, secret: string): string | undefined {
  const parsed = v.safeParse(ErrorBodySchema, body);
  if (!parsed.success) return undefined;
  const { error, message } = parsed.output;
  const candidate =
    typeof error === 'string'
      ? error
      : typeof message === 'string'
        ? message
        : typeof error === 'object' && error !== null && 'message' in error
          ? (error as { message: unknown }).message
          : undefined;
  return sanitizeServerMessage(candidate, secret);
}

/**
 * When a rate-limited caller may try again: `Retry-After` (seconds or an HTTP date), else
 * `X-RateLimit-Reset` (epoch seconds, or seconds from now when small), else a default pause;
 * never later than {@link MAX_RATE_LIMIT_PAUSE_MS} from now.
 */
export function retryAtFrom(headers: Headers, now: number): number {
  return Math.min(now + MAX_RATE_LIMIT_PAUSE_MS, announcedRetryAt(headers, now));
}

function announcedRetryAt(headers: Headers, now: number): number {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return now + Number(retryAfter) * 1000;
    // Only an IMF-fixdate (`Wed, 21 Oct 2026 07:28:00 GMT`): Date.parse takes "-5" or "1.5" too.
    if (/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(retryAfter)) {
      const date = Date.parse(retryAfter);
      if (Number.isFinite(date)) return Math.max(now, date);
    }
  }
  const reset = headers.get('x-ratelimit-reset')?.trim();
  if (reset && /^\d+$/.test(reset)) {
    const value = Number(reset);
    // Ten years of seconds: anything larger is an epoch timestamp, not a delay.
    return value > 315_360_000 ? Math.max(now, value * 1000) : now + value * 1000;
  }
  return now + DEFAULT_RATE_LIMIT_PAUSE_MS;
}

/** Maps a non-2xx answer to its error; `body` is the decoded JSON, if any. */
export function errorForStatus(
  status: number,
  headers: Headers,
  body: unknown,
  secret: string,
  now: number,
): SsiError {
  const serverMessage = serverWords(body, secret);
  const withWords = serverMessage ? { serverMessage } : {};
  if (status === 401) return { code: 'unauthorized', status };
  if (status === 403) return { code: 'forbidden', status, ...withWords };
  if (status === 400) return { code: 'bad-request', status, ...withWords };
  if (status === 404) return { code: 'not-found', status, ...withWords };
  if (status === 429) return { code: 'rate-limited', status, retryAt: retryAtFrom(headers, now) };
  if (status === 500) return { code: 'session-expired', status, ...withWords };
  if (status > 500) return { code: 'server', status };
  return { code: 'api-error', status, ...withWords };
}

/**
 * GETs `path` with the Bearer key and returns the decoded JSON of a 2xx answer.
 * Never throws: every failure comes back as an error value. Redirects are refused so the
 * key is never replayed to another host.
 */
export async function getJson(
  deps: HttpDeps,
  target: ApiTarget,
  path: string,
  query: Record<string, string | undefined>,
): Promise<Result<unknown, SsiError>> {
  if (!deps.isOnline()) return err({ code: 'offline' });
  const url = new URL(path, target.baseUrl);
  for (const [name, value] of Object.entries(query)) {
    if (value) url.searchParams.set(name, value);
  }
  const started = deps.now();
  const seen: Seen = { status: null, text: null };
  const result = redactError(await exchange(deps, target, url, seen), target.apiKey);
  deps.record?.({
    at: started,
    url: url.href,
    status: seen.status,
    durationMs: Math.max(0, deps.now() - started),
    outcome: result.ok ? 'ok' : result.error.code,
    detail: result.ok ? null : (result.error.detail ?? result.error.serverMessage ?? null),
    // Redacted as it was read, before it is cut: no part of the key survives at the cut.
    bodyPreview: previewOf(seen.text, target.apiKey),
  });
  return result;
}

/** The start of an answer for the debug view; none when it may still hold the key somehow. */
function previewOf(text: string | null, secret: string): string | null {
  if (text === null) return null;
  return mayHoldSecret(text, secret)
    ? '[not shown: the answer held the API key in a form that could not be cut out]'
    : text.slice(0, DEBUG_PREVIEW_CHARS);
}

/** Removes the key from an error's texts, wherever a server may have put it. */
function redactError(result: Result<unknown, SsiError>, secret: string): Result<unknown, SsiError> {
  if (result.ok) return result;
  const clean = (text: string | undefined) => (text === undefined ? undefined : redactSecret(text, secret));
  const { detail, serverMessage } = result.error;
  return err({
    ...result.error,
    ...(detail !== undefined ? { detail: clean(detail) } : {}),
    ...(serverMessage !== undefined ? { serverMessage: clean(serverMessage) } : {}),
  });
}

/** What a request saw of the answer, for the debug record. */
interface Seen {
  status: number | null;
  text: string | null;
}

async function exchange(
  deps: HttpDeps,
  target: ApiTarget,
  url: URL,
  seen: Seen,
): Promise<Result<unknown, SsiError>> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, deps.timeoutMs);
  try {
    const response = await deps.fetch(url.href, {
      method: 'GET',
      headers: { Authorization: `Bearer ${target.apiKey}`, Accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      signal: controller.signal,
    });
    seen.status = response.status;
    // Redacted before anything reads it: every string of the answer, good or bad (an account's
    // name, an industry, a publicId, an error's words), is stored, shown or recorded key-free.
    const text = redactSecret(await readBody(response, deps.maxBytes), target.apiKey);
    seen.text = text;
    // And a string that still holds the key some other way is dropped whole (`mayHoldSecret`).
    const body = redactStrings(decodeJson(text), target.apiKey);
    if (!response.ok) {
      return err(errorForStatus(response.status, response.headers, body, target.apiKey, deps.now()));
    }
    const type = response.headers.get('content-type') ?? '';
    if (type && !/json/i.test(type)) {
      // Only a plain media type is named: the header is the server's text and may hold anything.
      const media = type.split(';')[0]!.trim().toLowerCase();
      const what = /html/.test(media)
        ? 'an HTML page'
        : /^[\w.+-]+\/[\w.+-]+$/.test(media)
          ? `“${media}”`
          : 'another type';
      return err({ code: 'malformed', status: response.status, detail: `expected JSON, got ${what}` });
    }
    if (body === undefined) {
      const what = text ? 'JSON that is cut off or invalid' : 'an empty answer';
      return err({ code: 'malformed', status: response.status, detail: `expected JSON, got ${what}` });
    }
    return ok(body);
  } catch (cause) {
    if (cause instanceof TooLarge) return err({ code: 'oversized', detail: `over ${deps.maxBytes} bytes` });
    if (timedOut) return err({ code: 'timeout', detail: `no answer within ${deps.timeoutMs} ms` });
    return err({ code: deps.isOnline() ? 'network' : 'offline' });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The rules settings must follow, and the reading of stored settings by them. Used by the
 * service worker and the options page (the popup does without: see `storedTarget`).
 */
import { err, ok, type Result } from './result';
import { isJsonObject } from './json';
import {
  ACCOUNT_ID_MAX_LENGTH,
  DEFAULT_SETTINGS,
  FRESHNESS_MINUTES,
  PRODUCTION_API,
  SANDBOX_API,
  type Settings,
} from './settings';
import { settingsItem } from './storage';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether `origin` is the user's own machine (plain http is allowed there, nowhere else). */
export function isLocalOrigin(origin: string): boolean {
  try {
    return LOCAL_HOSTS.has(new URL(origin).hostname);
  } catch {
    return false;
  }
}

/**
 * Reads what the user typed as an API base URL and returns its origin.
 * Accepts `https://host[:port]` with at most a trailing `/`, and `http://` only for
 * localhost and 127.0.0.1. Fails with a sentence the options page can show.
 */
export function parseApiBaseUrl(input: string): Result<string, string> {
  const trimmed = input.trim();
  if (!trimmed) return err('Enter the API base URL, or pick Production.');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return err('Enter a full address, such as https://api.connectsafely.ai');
  }
  if (url.username || url.password) return err('The address must not contain a user name or password.');
  if (url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    return err('Enter only the origin (scheme, host and port), without a path.');
  }
  // WHATWG URL accepts `https://*` and `https://*.example.com`; a match pattern built from them
  // (originPattern) would ask for every host, or every subdomain.
  if (url.hostname.includes('*')) {
    return err('Enter one host, without “*”, such as https://api.example.com');
  }
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol === 'http:' && !local) {
    return err('Use https:// (plain http is only allowed for localhost and 127.0.0.1).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return err('Use an https:// address.');
  }
  return ok(url.origin);
}

/**
 * Whether the extension must ask for a host permission before calling `origin`: false for the
 * two ConnectSafely hosts (declared in the manifest) and for localhost (the sandbox answers CORS).
 */
export function needsHostPermission(origin: string): boolean {
  return origin !== PRODUCTION_API && origin !== SANDBOX_API && !isLocalOrigin(origin);
}

/** The match pattern a host permission for `origin` is requested with. */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Whether the extension may call `origin` now: always for the hosts it declares and for
 * localhost; for any other origin, once `granted` says its host permission (by its
 * {@link originPattern}) is held. The one rule both the SSI service and Test connection follow.
 */
export async function mayCallOrigin(
  origin: string,
  granted: (pattern: string) => Promise<boolean>,
): Promise<boolean> {
  return !needsHostPermission(origin) || granted(originPattern(origin));
}

const ACCOUNT_ID = new RegExp(`^[A-Za-z0-9_-]{1,${ACCOUNT_ID_MAX_LENGTH}}$`);

/** An account id is optional; when given it is a short token (ConnectSafely's are 24 hex). */
export function parseAccountId(input: string): Result<string, string> {
  const trimmed = input.trim();
  if (!trimmed) return ok('');
  return ACCOUNT_ID.test(trimmed)
    ? ok(trimmed)
    : err('An account ID has only letters, digits, "-" and "_" (ConnectSafely shows it as 24 characters).');
}

const API_KEY = /^[\x21-\x7e]{8,512}$/;

/** An API key is 8 to 512 printable characters without spaces. */
export function parseApiKey(input: string): Result<string, string> {
  const trimmed = input.trim();
  if (!trimmed) return err('Enter your API key.');
  if (trimmed.length < 8)
    return err('That key looks too short: paste the whole key from the ConnectSafely dashboard.');
  return API_KEY.test(trimmed)
    ? ok(trimmed)
    : err('That does not look like an API key: paste it again without spaces.');
}

/** Freshness in whole minutes, clamped into the allowed range. */
export function parseFreshness(input: number): Result<number, string> {
  if (!Number.isFinite(input)) return err('Enter the freshness in minutes.');
  const minutes = Math.round(input);
  if (minutes < FRESHNESS_MINUTES.min || minutes > FRESHNESS_MINUTES.max) {
    return err(`Choose between ${FRESHNESS_MINUTES.min} and ${FRESHNESS_MINUTES.max} minutes.`);
  }
  return ok(minutes);
}

/**
 * Settings from storage or a message, field by field: a field that is missing or invalid
 * (an older version's save, corruption, a forged payload) takes its default.
 */
export function coerceSettings(input: unknown): Settings {
  const source = isJsonObject(input) ? input : {};
  const pick = <T>(value: unknown, parse: (value: never) => Result<T, string>, fallback: T): T => {
    const parsed = parse(value as never);
    return parsed.ok ? parsed.value : fallback;
  };
  const text = (value: unknown) => (typeof value === 'string' ? value : '\u0000');
  return {
    apiBaseUrl: pick(text(source.apiBaseUrl), parseApiBaseUrl, DEFAULT_SETTINGS.apiBaseUrl),
    accountId: pick(text(source.accountId), parseAccountId, DEFAULT_SETTINGS.accountId),
    freshnessMinutes: pick(
      typeof source.freshnessMinutes === 'number' ? source.freshnessMinutes : NaN,
      parseFreshness,
      DEFAULT_SETTINGS.freshnessMinutes,
    ),
    debug: typeof source.debug === 'boolean' ? source.debug : DEFAULT_SETTINGS.debug,
    showBadge: typeof source.showBadge === 'boolean' ? source.showBadge : DEFAULT_SETTINGS.showBadge,
  };
}

/** Reads the settings; a field missing or invalid in storage reads as its default. */
export async function readSettings(): Promise<Settings> {
  return coerceSettings(await settingsItem.getValue());
}

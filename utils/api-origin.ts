/**
 * Where the API is: the two ConnectSafely hosts, the local machine, and the one rule for which
 * origins the extension may call. Shared by the options page (it asks for the permission of
 * the sandbox host or a custom origin when one is chosen) and the service worker (it checks before every request).
 */
import { t } from './i18n';
import { err, ok, type Result } from './result';

export const PRODUCTION_API = 'https://api.connectsafely.ai';
export const SANDBOX_API = 'https://sandbox.api.connectsafely.ai';

/** Origins offered as one-click presets on the options page, each label in the UI language. */
export const API_PRESETS: ReadonlyArray<{ readonly label: string; origin: string }> = [
  {
    get label() {
      return t('origin_production');
    },
    origin: PRODUCTION_API,
  },
  {
    get label() {
      return t('origin_sandbox');
    },
    origin: SANDBOX_API,
  },
];

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
  if (!trimmed) return err(t('origin_empty'));
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return err(t('origin_not_url'));
  }
  if (url.username || url.password) return err(t('origin_credentials'));
  if (url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    return err(t('origin_path'));
  }
  // WHATWG URL accepts `https://*` and `https://*.example.com`; a match pattern built from them
  // (originPattern) would ask for every host, or every subdomain.
  if (url.hostname.includes('*')) {
    return err(t('origin_wildcard'));
  }
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol === 'http:' && !local) {
    return err(t('origin_plain_http'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return err(t('origin_scheme'));
  }
  return ok(url.origin);
}

/**
 * Whether the extension must ask for a host permission before calling `origin`: false for the
 * production host (the manifest's one host permission) and for localhost (the local sandbox
 * answers CORS); true for every other origin, ConnectSafely's sandbox host included.
 */
export function needsHostPermission(origin: string): boolean {
  return origin !== PRODUCTION_API && !isLocalOrigin(origin);
}

/**
 * The match pattern a host permission for `origin` is requested with: its host and port, so
 * the grant covers the address typed and no other port of that host.
 */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.host}/*`;
}

/**
 * Whether the extension may call `origin` now: always for the production host it declares and
 * for localhost; for any other origin, once `granted` says its host permission (by its
 * {@link originPattern}) is held. The one rule both the SSI service and Test connection follow.
 */
export async function mayCallOrigin(
  origin: string,
  granted: (pattern: string) => Promise<boolean>,
): Promise<boolean> {
  return !needsHostPermission(origin) || granted(originPattern(origin));
}

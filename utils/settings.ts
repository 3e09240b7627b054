/**
 * The user's settings (everything but the API key, which lives in `secrets.ts`), their
 * defaults and the rules that validate them. Shared by the options page and the service worker.
 */
import { isJsonObject } from './json';

export interface Settings {
  /** Origin of the API, e.g. `https://api.connectsafely.ai` (no path, no trailing slash). */
  apiBaseUrl: string;
  /** The LinkedIn account to read; empty for the key's default account. */
  accountId: string;
  /** How long a reading is served without asking the API again. */
  freshnessMinutes: number;
  /** Ask the API for `rawJson` and keep the last answer for the debug view. */
  debug: boolean;
  /** Show the SSI badge on the user's own LinkedIn profile. */
  showBadge: boolean;
}

/**
 * The settings and the API key as saved together: what a request is built from (service
 * worker only, where the key is; see `worker/saved-config.ts`).
 */
export interface SavedConfig {
  settings: Settings;
  /** Null when no key is saved. */
  apiKey: string | null;
}

export const PRODUCTION_API = 'https://api.connectsafely.ai';
export const SANDBOX_API = 'https://sandbox.api.connectsafely.ai';

/** Origins offered as one-click presets on the options page. */
export const API_PRESETS: ReadonlyArray<{ label: string; origin: string }> = [
  { label: 'Production', origin: PRODUCTION_API },
  { label: 'Sandbox', origin: SANDBOX_API },
];

export const FRESHNESS_MINUTES = { min: 5, max: 24 * 60, default: 60 } as const;

/** The longest account ID settings accept (ConnectSafely's are 24 characters). */
export const ACCOUNT_ID_MAX_LENGTH = 64;

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  apiBaseUrl: PRODUCTION_API,
  accountId: '',
  freshnessMinutes: FRESHNESS_MINUTES.default,
  debug: false,
  showBadge: true,
};

/** The cache slot a reading belongs to: one per (API origin, account). */
export function targetKey(settings: Pick<Settings, 'apiBaseUrl' | 'accountId'>): string {
  return `${settings.apiBaseUrl}|${settings.accountId || 'default'}`;
}

/**
 * The cache slot and freshness the stored settings point at, read without validating the
 * rest: all the popup's first paint needs (a wrong value only misses the cache; the service
 * worker validates settings fully). Keeps the validation rules out of the popup's bundle.
 */
export function storedTarget(stored: unknown): { key: string; accountId: string; freshnessMinutes: number } {
  const source = (isJsonObject(stored) ? stored : {}) as Partial<Record<keyof Settings, unknown>>;
  const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
  const freshness = source.freshnessMinutes;
  const accountId = text(source.accountId, DEFAULT_SETTINGS.accountId);
  return {
    key: targetKey({ apiBaseUrl: text(source.apiBaseUrl, DEFAULT_SETTINGS.apiBaseUrl), accountId }),
    accountId,
    freshnessMinutes:
      typeof freshness === 'number' && Number.isFinite(freshness) && freshness > 0
        ? freshness
        : DEFAULT_SETTINGS.freshnessMinutes,
  };
}

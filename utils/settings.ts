/**
 * Every setting, declared once: its default, the rule that reads it, and how it travels in a
 * message. The defaults, the reading of stored settings, the validation of a save and the
 * save's payload schema (`messaging/protocol.ts`) all follow from `SETTINGS`, so adding a
 * setting means adding it here, giving it a field on the options page, and using it.
 * The API key is not a setting: see `api-key.ts` and `worker/secrets.ts`.
 */
import { parseAccountId } from './account-id';
import { PRODUCTION_API, parseApiBaseUrl } from './api-origin';
import { t } from './i18n';
import { isJsonObject } from './json';
import { err, ok, type Result } from './result';

/** How a setting travels in a message; the worker checks a payload's shape by it. */
export type SettingWire =
  | { type: 'string'; maxLength: number }
  | { type: 'number' }
  | { type: 'boolean' }
  | { type: 'option'; options: readonly string[] };

export interface SettingDeclaration<T> {
  default: T;
  wire: SettingWire;
  /**
   * Reads a value from a save, from storage or from the options form (converted to the wire's
   * type): the value as kept, or the words that say what is wrong with it.
   */
  parse(value: unknown): Result<T, string>;
}

export const FRESHNESS_MINUTES = { min: 5, max: 24 * 60 } as const;

/** How often the worker refreshes by itself: never, or every so many hours. */
export const BACKGROUND_REFRESH = { off: 0, '6h': 6 * 60, '12h': 12 * 60, '24h': 24 * 60 } as const;
export type BackgroundRefresh = keyof typeof BACKGROUND_REFRESH;

/** The score move that makes a notification, in points (the SSI's 0-100 scale). */
export const NOTIFY_THRESHOLD = { min: 1, max: 50 } as const;

/** One of `options`, or words saying to choose one. */
const option =
  <T extends string>(options: readonly T[]) =>
  (value: unknown): Result<T, string> =>
    options.includes(value as T) ? ok(value as T) : err(t('setting_choose_option'));

/** A whole number within `bounds`, or words saying which. */
const wholeNumber =
  (bounds: { min: number; max: number }) =>
  (value: unknown): Result<number, string> => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return err(t('setting_enter_number'));
    const rounded = Math.round(value);
    return rounded < bounds.min || rounded > bounds.max
      ? err(t('setting_between', String(bounds.min), String(bounds.max)))
      : ok(rounded);
  };

/** Freshness in whole minutes, within the allowed range. */
export function parseFreshness(input: number): Result<number, string> {
  if (!Number.isFinite(input)) return err(t('freshness_enter'));
  const minutes = Math.round(input);
  if (minutes < FRESHNESS_MINUTES.min || minutes > FRESHNESS_MINUTES.max) {
    // Bounds as the user types them in the field: digits, no grouping.
    return err(t('freshness_between', String(FRESHNESS_MINUTES.min), String(FRESHNESS_MINUTES.max)));
  }
  return ok(minutes);
}

const text =
  (parse: (input: string) => Result<string, string>) =>
  (value: unknown): Result<string, string> =>
    typeof value === 'string' ? parse(value) : err(t('setting_enter_text'));

const flag = (value: unknown): Result<boolean, string> =>
  typeof value === 'boolean' ? ok(value) : err(t('setting_choose_on_off'));

export const SETTINGS = {
  /** Origin of the API, e.g. `https://api.connectsafely.ai` (no path, no trailing slash). */
  apiBaseUrl: {
    default: PRODUCTION_API,
    wire: { type: 'string', maxLength: 300 },
    parse: text(parseApiBaseUrl),
  },
  /** The LinkedIn account to read; empty for the key's default account. */
  accountId: { default: '', wire: { type: 'string', maxLength: 100 }, parse: text(parseAccountId) },
  /** How long a reading is served without asking the API again, in minutes. */
  freshnessMinutes: {
    default: 60,
    wire: { type: 'number' },
    parse: (value: unknown) => parseFreshness(typeof value === 'number' ? value : NaN),
  },
  /** Ask the API for `rawJson` and keep the last answer for the debug view. */
  debug: { default: false, wire: { type: 'boolean' }, parse: flag },
  /** Show the profile badge on the user's own LinkedIn profile. */
  showProfileBadge: { default: true, wire: { type: 'boolean' }, parse: flag },
  /** How often the worker refreshes (and records the history) with no page open. */
  backgroundRefresh: {
    default: '6h' as BackgroundRefresh,
    wire: { type: 'option', options: Object.keys(BACKGROUND_REFRESH) },
    parse: option(Object.keys(BACKGROUND_REFRESH) as BackgroundRefresh[]),
  },
  /** Tell the user (browser notifications) of a score move or a rank crossing a band. */
  notifications: { default: false, wire: { type: 'boolean' }, parse: flag },
  /** The score move, in points, that notifies. */
  notifyThreshold: { default: 3, wire: { type: 'number' }, parse: wholeNumber(NOTIFY_THRESHOLD) },
  /** A summary of the week, once a week (with `notifications`). */
  weeklySummary: { default: false, wire: { type: 'boolean' }, parse: flag },
} as const satisfies Record<string, SettingDeclaration<unknown>>;

export type SettingName = keyof typeof SETTINGS;

/** The settings, each as its declaration's rule keeps it. */
export type Settings = {
  -readonly [K in SettingName]: (typeof SETTINGS)[K]['parse'] extends (
    value: unknown,
  ) => Result<infer T, string>
    ? T
    : never;
};

export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.fromEntries(
  SETTING_NAMES.map((name) => [name, SETTINGS[name].default]),
) as unknown as Settings;

/** A setting's problem in words, for the options form (the key's problems too). */
export interface SettingsProblem {
  field: SettingName | 'apiKey';
  message: string;
}

/** Reads one setting by its rule. */
export function parseSetting<K extends SettingName>(name: K, value: unknown): Result<Settings[K], string> {
  return (SETTINGS[name].parse as (value: unknown) => Result<Settings[K], string>)(value);
}

/**
 * Every setting of `input` by its rule: the settings as kept, or every field's problem in
 * declaration order (empty when there is none).
 */
export function validateSettings(input: Record<string, unknown>): Result<Settings, SettingsProblem[]> {
  const settings: Record<string, unknown> = {};
  const problems: SettingsProblem[] = [];
  for (const name of SETTING_NAMES) {
    const parsed = parseSetting(name, input[name]);
    if (parsed.ok) settings[name] = parsed.value;
    else problems.push({ field: name, message: parsed.error });
  }
  return problems.length ? err(problems) : ok(settings as Settings);
}

/**
 * Settings from storage, field by field: a field that is missing or breaks its rule (an older
 * version's save, corruption) takes its default.
 */
export function coerceSettings(input: unknown): Settings {
  const source = isJsonObject(input) ? input : {};
  return Object.fromEntries(
    SETTING_NAMES.map((name) => {
      const parsed = parseSetting(name, source[name]);
      return [name, parsed.ok ? parsed.value : SETTINGS[name].default];
    }),
  ) as unknown as Settings;
}

/** The cache slot a reading belongs to: one per (API origin, account). */
export function targetKey(settings: Pick<Settings, 'apiBaseUrl' | 'accountId'>): string {
  return `${settings.apiBaseUrl}|${settings.accountId || 'default'}`;
}

/**
 * The cache slot and freshness the stored settings point at, read without the rules: all the
 * popup's first paint needs (a wrong value only misses the cache; the service worker reads
 * settings by the rules). Keeps the rules out of the popup's first work.
 */
export function storedTarget(stored: unknown): {
  key: string;
  apiBaseUrl: string;
  accountId: string;
  freshnessMinutes: number;
} {
  const source = (isJsonObject(stored) ? stored : {}) as Partial<Record<SettingName, unknown>>;
  const textOr = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
  const freshness = source.freshnessMinutes;
  const accountId = textOr(source.accountId, DEFAULT_SETTINGS.accountId);
  const apiBaseUrl = textOr(source.apiBaseUrl, DEFAULT_SETTINGS.apiBaseUrl);
  return {
    key: targetKey({ apiBaseUrl, accountId }),
    apiBaseUrl,
    accountId,
    freshnessMinutes:
      typeof freshness === 'number' && Number.isFinite(freshness) && freshness > 0
        ? freshness
        : DEFAULT_SETTINGS.freshnessMinutes,
  };
}

/**
 * The extension's words in the browser's UI language: every user-facing string is a message of
 * `public/_locales/<lang>/messages.json`, read with Chromium's own `i18n.getMessage` (which falls
 * back to `en`, the manifest's `default_locale`). Runs in every context; it adds no bytes of
 * words to a bundle, since Chromium reads the locale files itself.
 */
import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';

/** The name of a message, as `public/_locales/en/messages.json` declares it. */
export type MessageKey = keyof typeof messages;

/** A value for a message's placeholder: numbers are written as the UI language writes them. */
export type Substitution = string | number;

/** The browser's UI language (`de`, `en-US`), which `Intl` formats numbers and dates in; `en` when unknown. */
export function uiLocale(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * The `Intl.NumberFormat` of `locale` with `options`, made once per page: a formatter costs far
 * more to make than to use, and a badge or a table formats many numbers the same way.
 */
export function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options ?? {})}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A number as the UI language writes it (grouping and decimal mark), with `options`. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return numberFormat(uiLocale(), options).format(value);
}

/**
 * The message `key` in the UI language, its placeholders filled in order from `substitutions`
 * (at most nine, Chromium's limit). Returns `key` itself when the message is missing, so a
 * missing message shows as a visible name rather than as nothing (the locale tests fail first).
 */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  const values = substitutions.map((value) => (typeof value === 'number' ? formatNumber(value) : value));
  // WXT types getMessage with one overload per message: a key of the union matches none of them.
  const i18n = browser.i18n as unknown as { getMessage(name: string, substitutions?: string[]): string };
  return i18n.getMessage(key, values) || key;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The message for `count` by the UI language's plural rules: `keys.one` or `keys.other`. */
export function plural(
  count: number,
  keys: { one: MessageKey; other: MessageKey },
  ...substitutions: Substitution[]
): string {
  const locale = uiLocale();
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const form = rules.select(count);
  return t(form === 'one' ? keys.one : keys.other, ...substitutions);
}

/**
 * Gives an extension page the UI language: `<html lang>` (screen readers pick their voice by
 * it) and, with `title`, the tab's title. Pages only (it writes `document`).
 */
export function localizePage(title?: MessageKey): void {
  document.documentElement.lang = uiLocale();
  if (title) document.title = t(title);
}

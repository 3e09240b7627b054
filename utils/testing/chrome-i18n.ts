/**
 * Chromium's `i18n.getMessage` and `i18n.getUILanguage` for unit tests, read from the real
 * `public/_locales/<lang>/messages.json`, with Chromium's rules: message names are
 * case-insensitive, a message missing in the UI language falls back to `en` (the
 * `default_locale`), `$NAME$` is replaced by its placeholder's content (names
 * case-insensitive; an undeclared one is an error, as Chromium refuses such a locale), then
 * `$1`..`$9` by the substitutions (missing ones by nothing) and `$$` by `$`.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';

/** One message of a messages.json file. */
export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type LocaleMessages = Record<string, LocaleMessage>;

/** The locales the extension ships, by folder name. */
export const LOCALES: Record<string, LocaleMessages> = { en, de };

export const DEFAULT_LOCALE = 'en';

/**
 * `message` with its named placeholders replaced by their content, as Chromium does when it
 * loads a locale. Throws on a `$NAME$` the message does not declare.
 */
export function resolvePlaceholders(name: string, entry: LocaleMessage): string {
  const declared = new Map(
    Object.entries(entry.placeholders ?? {}).map(([key, value]) => [key.toLowerCase(), value.content]),
  );
  return entry.message.replace(/\$([a-zA-Z0-9_@]+)\$/g, (_match, placeholder: string) => {
    const content = declared.get(placeholder.toLowerCase());
    if (content === undefined)
      throw new Error(`Message "${name}" uses $${placeholder}$, which it does not declare.`);
    return content;
  });
}

/** `$1`..`$9` replaced by `substitutions` (missing ones by nothing), `$$` by `$`. */
export function substitute(text: string, substitutions: readonly string[]): string {
  return text.replace(/\$(\$|[1-9])/g, (_match, which: string) =>
    which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
  );
}

function find(locale: string, name: string): [string, LocaleMessage] | undefined {
  const messages = LOCALES[locale];
  if (!messages) return undefined;
  const wanted = name.toLowerCase();
  return Object.entries(messages).find(([key]) => key.toLowerCase() === wanted);
}

/** Chromium's `getMessage` for a UI language: the message, its fallback in `en`, or "". */
export function getMessage(locale: string, name: string, substitutions?: string | string[]): string {
  const list =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  if (list.length > 9) throw new Error('Substitution list cannot contain more than 9 items.');
  const language = locale.split('-')[0]!;
  const found = find(locale, name) ?? find(language, name) ?? find(DEFAULT_LOCALE, name);
  if (!found) return '';
  return substitute(resolvePlaceholders(found[0], found[1]), list.map(String));
}

let current = DEFAULT_LOCALE;

/**
 * Makes the fake browser's `i18n` speak `locale` (`en` or `de`) from now on; unit tests start in
 * `en` (vitest.setup.ts). A test that switches calls `useFakeI18n('en')` after it.
 */
export function useFakeI18n(locale: string): void {
  current = locale;
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  i18n.getMessage = (name: string, substitutions?: string | string[]) =>
    getMessage(current, name, substitutions);
  i18n.getUILanguage = () => current;
}

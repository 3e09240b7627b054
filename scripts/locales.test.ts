import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALES, resolvePlaceholders } from '@/utils/testing/chrome-i18n';

const ROOT = join(import.meta.dirname, '..');
const LOCALES_DIR = join(ROOT, 'public/_locales');
const en = LOCALES[DEFAULT_LOCALE]!;

/** Every locale folder, read from disk (so a new language is checked without touching this file). */
const shipped = readdirSync(LOCALES_DIR).map((lang) => ({
  lang,
  messages: JSON.parse(readFileSync(join(LOCALES_DIR, lang, 'messages.json'), 'utf8')) as typeof en,
}));
const translations = shipped.filter(({ lang }) => lang !== DEFAULT_LOCALE);

/** The UI words issue 17 names, in German. */
const GERMAN_WORDS: Record<string, string> = {
  action_refresh: 'Aktualisieren',
  action_settings: 'Einstellungen',
  action_save: 'Speichern',
  action_test_connection: 'Verbindung testen',
};

/**
 * Messages that read the same in German as in English, each for a reason (names, symbols,
 * loanwords). Any other German message equal to its English one is an untranslated copy.
 */
const SAME_IN_GERMAN = new Set([
  'ext_action_title', // the product's name
  'toolbar_title_error', // the product's name and two messages
  'error_offline_title', // "Offline" is German too
  'origin_sandbox', // a name ConnectSafely gives its test API
  'rank_top', // "Top 4 %": German says "Top" too; the number is written by Intl
  'rank_in_industry_named', // "{rank} in {industry}": "in" is German too
  'badge_label_score', // "SSI 67"
  'badge_label_error', // "SSI: !"
  'badge_card_title_score', // "Social Selling Index 67 / 100": LinkedIn's product name
  'ssi_name', // "Social Selling Index": LinkedIn's product name
  'trend_axis_ssi', // "SSI"
  'trend_ssi_series', // "SSI (0–100)"
  'trend_pillar_series', // "{pillar} (0–25)": the pillar's name is translated
  'debug_header', // "Header": an HTTP term, German too
  'debug_status', // "Status": German too
  'debug_duration', // "{ms} ms"
  'dashboard_tab_team', // "Team": German too
  'team_heading', // "Team"
  'team_column_name', // "Name": German too
  'team_column_ssi', // "SSI"
  'team_column_insights', // "Insights", as the pillar's German name says it
  'team_column_status', // "Status": German too
  'team_chart_series', // "SSI"
]);

/** The `$NAME$` placeholders a message uses, lower-cased as Chromium matches them. */
const usedPlaceholders = (message: string) =>
  [...message.matchAll(/\$([a-zA-Z0-9_@]+)\$/g)].map((match) => match[1]!.toLowerCase()).sort();

/** The source the extension is built from, where every message must be used. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('locales', () => {
  it('ships English (the default locale) and German', () => {
    expect(shipped.map(({ lang }) => lang).sort()).toEqual(['de', 'en']);
  });

  it.each(translations)('$lang has exactly the English keys', ({ messages }) => {
    const keys = Object.keys(messages);
    const missing = Object.keys(en).filter((key) => !keys.includes(key));
    const extra = keys.filter((key) => !Object.hasOwn(en, key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(translations)(
    '$lang declares and uses the same placeholders as English, per key',
    ({ messages }) => {
      const different = Object.entries(en).filter(([key, entry]) => {
        const translated = messages[key as keyof typeof messages];
        if (!translated) return false;
        return (
          JSON.stringify(entry.placeholders ?? {}) !== JSON.stringify(translated.placeholders ?? {}) ||
          JSON.stringify(usedPlaceholders(entry.message)) !==
            JSON.stringify(usedPlaceholders(translated.message))
        );
      });
      expect(different.map(([key]) => key)).toEqual([]);
    },
  );

  it.each(shipped)('$lang: every message is non-empty, described, and resolves', ({ messages }) => {
    for (const [key, entry] of Object.entries(messages) as [string, (typeof en)[keyof typeof en]][]) {
      expect(/^[A-Za-z0-9_]+$/.test(key), key).toBe(true);
      expect(entry.message.trim(), key).not.toBe('');
      expect(entry.description?.trim(), key).toBeTruthy();
      // Chromium refuses a locale whose message names a placeholder it does not declare.
      expect(() => resolvePlaceholders(key, entry), key).not.toThrow();
      // Every declared placeholder is used, and stands for one substitution of the nine.
      for (const [name, placeholder] of Object.entries(
        (entry as { placeholders?: Record<string, { content: string }> }).placeholders ?? {},
      )) {
        expect(usedPlaceholders(entry.message), key).toContain(name.toLowerCase());
        expect(placeholder.content, key).toMatch(/^\$[1-9]$/);
      }
    }
  });

  it.each(shipped)('$lang: the manifest’s name and description fit the Web Store', ({ messages }) => {
    expect(messages.ext_name?.message.length).toBeLessThanOrEqual(45);
    expect(messages.ext_description?.message.length).toBeLessThanOrEqual(132);
  });

  it('uses every message somewhere in the code (or the manifest)', () => {
    const code = [...['entrypoints', 'components', 'utils'].flatMap(sources), 'wxt.config.ts']
      .map((file) => readFileSync(join(ROOT, file), 'utf8'))
      .join('\n');
    const unused = Object.keys(en).filter(
      (key) => !code.includes(`'${key}'`) && !code.includes(`"${key}"`) && !code.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
  });

  it('translates German: the issue’s UI words, and no message left in English', () => {
    const de = LOCALES.de!;
    for (const [key, word] of Object.entries(GERMAN_WORDS))
      expect(de[key as keyof typeof de]?.message, key).toBe(word);
    const copied = Object.keys(en).filter(
      (key) =>
        !SAME_IN_GERMAN.has(key) &&
        de[key as keyof typeof de]?.message === en[key as keyof typeof en]?.message,
    );
    expect(copied).toEqual([]);
  });
});

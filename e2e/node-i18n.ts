/**
 * Vitest setup of the end-to-end suites (vitest.e2e.config.ts, the e2e project of
 * vitest.reliability.config.ts): tests that compute the words a page should show with the
 * extension's own code (`describeImportProblem`, `formatDelta`) run it in Node, where there is
 * no `chrome.i18n`. This gives them Chromium's English, read from public/_locales/en, before
 * any test file loads `wxt/browser`.
 */
import { DEFAULT_LOCALE, getMessage } from '../utils/testing/chrome-i18n';

const global = globalThis as { chrome?: Record<string, unknown> };
global.chrome ??= {};
global.chrome.i18n = {
  getMessage: (name: string, substitutions?: string | string[]) =>
    getMessage(DEFAULT_LOCALE, name, substitutions),
  getUILanguage: () => DEFAULT_LOCALE,
};

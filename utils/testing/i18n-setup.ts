/**
 * Vitest setup (vitest.config.ts, and the unit project of vitest.reliability.config.ts): the
 * fake browser's `i18n` reads the real locale files, in English unless a test switches it
 * (`useFakeI18n('de')`); every test starts in English again.
 */
import { beforeEach } from 'vitest';
import { useFakeI18n } from './chrome-i18n';

useFakeI18n('en');
beforeEach(() => useFakeI18n('en'));

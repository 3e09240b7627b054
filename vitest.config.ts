import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  // WxtVitest does not read the vite plugins of wxt.config.ts: Preact is added here too.
  plugins: [WxtVitest(), preact({ prefreshEnabled: false, prerender: { enabled: false } })],
  test: {
    include: ['{utils,components,entrypoints,sandbox,scripts}/**/*.test.{ts,tsx}'],
    // The hardening suites run on their own, with their table: npm run test:reliability.
    exclude: ['**/*.reliability.test.{ts,tsx}', '**/node_modules/**'],
    restoreMocks: true,
    // The fake browser's i18n reads public/_locales (English unless a test switches it).
    setupFiles: ['utils/testing/i18n-setup.ts'],
    // The profile badge's CSS as it ships, so that its tests can read what the shadow root holds.
    css: { include: [/entrypoints\/linkedin-profile-badge\/.*\.css/] },
  },
});

import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built extension in real Chromium, one browser at a time. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    exclude: ['e2e/**/*.reliability.e2e.ts'],
    environment: 'node',
    // The extension's words in English for tests that compute them in Node (e2e/node-i18n.ts).
    setupFiles: ['e2e/node-i18n.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built extension in real Chromium, one browser at a time. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    exclude: ['e2e/**/*.reliability.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

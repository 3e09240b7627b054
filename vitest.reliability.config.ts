import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import ReliabilityReporter from './scripts/reliability-reporter.ts';

/**
 * `npm run test:reliability`: the hardening suites (hostile answers, forged messages, platform
 * faults, secrets), unit and end to end, with a table of cases tried, held and failed by group.
 * A suite's group is its top-level `describe` name.
 */
export default defineConfig({
  test: {
    reporters: ['default', new ReliabilityReporter()],
    projects: [
      {
        plugins: [WxtVitest(), preact({ prefreshEnabled: false, prerender: { enabled: false } })],
        test: {
          name: 'unit',
          include: ['{utils,components,entrypoints,sandbox}/**/*.reliability.test.{ts,tsx}'],
          setupFiles: ['utils/testing/i18n-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.reliability.e2e.ts'],
          environment: 'node',
          setupFiles: ['e2e/node-i18n.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

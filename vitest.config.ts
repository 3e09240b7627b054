import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  // WxtVitest does not read the vite plugins of wxt.config.ts: Preact is added here too.
  plugins: [WxtVitest(), preact({ prefreshEnabled: false, prerender: { enabled: false } })],
  test: {
    include: ['{utils,components,entrypoints,sandbox,scripts}/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});

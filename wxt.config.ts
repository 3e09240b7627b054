import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/** Hosts of the ConnectSafely API the extension may call without asking (see utils/settings). */
const API_HOST_PERMISSIONS = ['https://api.connectsafely.ai/*', 'https://sandbox.api.connectsafely.ai/*'];

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  manifest: {
    name: 'SSI Companion for LinkedIn',
    description: 'Your LinkedIn Social Selling Index at a glance: score, pillars and ranks in the toolbar.',
    permissions: ['storage'],
    host_permissions: API_HOST_PERMISSIONS,
    // A custom API origin (a proxy, a self-hosted gateway) is asked for on Save, never up front.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'SSI Companion' },
  },
  hooks: {
    // The content script runs on every LinkedIn page and has a 10 KB gzip budget: it talks to
    // Chromium's promise-based API directly instead of through webextension-polyfill.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const alias = viteConfig.resolve?.alias;
      const native = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      viteConfig.resolve = {
        ...viteConfig.resolve,
        alias: Array.isArray(alias)
          ? [native, ...alias]
          : [native, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))],
      };
    },
  },
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, prerender: { enabled: false } })],
  }),
});

import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import enMessages from './public/_locales/en/messages.json';
import { BADGE_SCRIPT_PATH } from './utils/linkedin/profile-badge-loader';

/**
 * The one host the extension may call without asking: ConnectSafely's production API (see
 * utils/api-origin.ts). The sandbox host and any custom origin are optional, asked when chosen.
 */
const API_HOST_PERMISSIONS = ['https://api.connectsafely.ai/*'];
/** The name and description the store shows in English: the `en` locale's messages. */
export const MANIFEST_NAME = enMessages.ext_name.message;
export const MANIFEST_DESCRIPTION = enMessages.ext_description.message;
/** The dashboard's entrypoint (entrypoints/dashboard/), built apart from the other pages. */
const DASHBOARD_ENTRY = 'dashboard';
/** The profile badge's code (entrypoints/linkedin-profile-badge/), kept out of the gate. */
const BADGE_SCRIPT = BADGE_SCRIPT_PATH.slice(1);

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  manifest: {
    // Words from public/_locales/<lang>/messages.json, in the browser's UI language; the
    // store's limits (name 45 characters, description 132) hold in every locale
    // (scripts/manifest.test.ts, scripts/locales.test.ts).
    default_locale: 'en',
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    // storage.local.setAccessLevel (which keeps content scripts away from the key) needs 140.
    minimum_chrome_version: '140',
    // alarms: the history is recorded on a schedule with no page open (utils/worker/schedule.ts).
    permissions: ['storage', 'alarms'],
    // Asked when the user turns notifications on in the settings, never up front.
    optional_permissions: ['notifications'],
    host_permissions: API_HOST_PERMISSIONS,
    // The sandbox host and a custom API origin (a proxy, a self-hosted gateway) are asked for
    // when chosen in the settings, never up front.
    optional_host_permissions: ['https://*/*'],
    // Two plain scripts rather than WXT content scripts: WXT's wrapper would start the
    // extension API on every LinkedIn page before any of our code ran.
    // - entrypoints/linkedin-gate, on all of LinkedIn (users reach their profile from the feed
    //   without a reload): it follows the URL, and on a profile starts the badge;
    // - the badge's own code, run on pages loaded at a profile URL, before the gate (scripts
    //   of one run_at run in manifest order), and imported by the gate on pages that become a
    //   profile in-app. Every other page is spared reading and compiling it.
    content_scripts: [
      { matches: ['https://www.linkedin.com/in/*'], js: [BADGE_SCRIPT], run_at: 'document_idle' },
      { matches: ['https://www.linkedin.com/*'], js: ['linkedin-gate.js'], run_at: 'document_idle' },
    ],
    // A content script may import only what is web-accessible. By a per-session URL only:
    // LinkedIn's pages cannot fetch it at the extension's fixed address, so it does not tell
    // them the extension is installed.
    web_accessible_resources: [
      { resources: [BADGE_SCRIPT], matches: ['https://www.linkedin.com/*'], use_dynamic_url: true },
    ],
  },
  hooks: {
    // The toolbar icon's tooltip, in the UI language. WXT sets `action.default_title` from the
    // popup's <title>, which a page cannot take as a message: it is set here, after WXT.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.action = { ...manifest.action, default_title: '__MSG_ext_action_title__' };
    },
    // chart.js is a single module, so a build shares it whole between the pages that import
    // it: built with the popup, the dashboard's line charts would land in the popup's chart
    // chunk (the popup went from 56 to 71 KB, over its budget). The dashboard is built on its
    // own, with its own chart.js (docs/decisions.md, 2026-12-02).
    'entrypoints:grouped': (_wxt, groups) => {
      for (const group of groups) {
        if (!Array.isArray(group) || group.length < 2) continue;
        const index = group.findIndex((entrypoint) => entrypoint.name === DASHBOARD_ENTRY);
        if (index === -1) continue;
        groups.push(group.splice(index, 1));
        return;
      }
    },
    // webextension-polyfill earns its bytes in the service worker, whose onMessage listener
    // answers by returning a Promise (which the polyfill turns into sendResponse). Pages and
    // the content script only call promise-returning APIs that Chromium's MV3 API already
    // provides, and they have size budgets (npm run size): they use the native API directly,
    // looked up lazily (utils/native-browser.ts).
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (entrypoints.some((entrypoint) => entrypoint.type === 'background')) return;
      const alias = viteConfig.resolve?.alias;
      const native = {
        find: /^wxt\/browser$/,
        replacement: fileURLToPath(new URL('./utils/native-browser.ts', import.meta.url)),
      };
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
    // Chromium supports modulepreload: the polyfill would only add bytes to every page.
    build: {
      modulePreload: { polyfill: false },
      // Terser with three compress passes packs chart.js and Preact tighter than the default
      // minifier, which the popup's 60 KB budget needs.
      minify: 'terser',
      terserOptions: { ecma: 2020, compress: { passes: 3 }, toplevel: true },
    },
  }),
});

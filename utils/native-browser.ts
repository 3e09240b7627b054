/**
 * The extension API for the pages and the content script: Chromium's own promise-based
 * `chrome`, looked up when it is used, never when this module loads. wxt.config.ts aliases
 * `wxt/browser` to this module in every build but the service worker's (which keeps
 * webextension-polyfill).
 *
 * Why not `@wxt-dev/browser`: it reads `browser.runtime.id` as it loads, and since Chromium
 * gained a `browser` global that starts the extension API in every page that loads the
 * module — every LinkedIn page, for the content script, which must cost pages that are not
 * profiles nothing.
 */
import type { Browser } from '@wxt-dev/browser';

export type { Browser };

export const browser: typeof Browser = new Proxy({} as typeof Browser, {
  get: (_target, key) => Reflect.get((globalThis as unknown as { chrome: typeof Browser }).chrome, key),
});

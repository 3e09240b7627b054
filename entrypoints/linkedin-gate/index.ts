/**
 * The LinkedIn content script, declared in wxt.config.ts's manifest and built as a plain
 * script (WXT's content-script wrapper starts the extension API on load, on every page).
 * All of LinkedIn: users reach their profile from the feed without a reload.
 *
 * It is the gate alone: the badge's code is a script of its own, which this one starts on the
 * first profile URL (`loader.ts`).
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { watchForProfiles } from './gate';
import { extensionAlive } from '@/utils/linkedin/script-life';
import { BADGE_SCRIPT_PATH, loadBadge } from '@/utils/linkedin/profile-badge-loader';

export default defineUnlistedScript(() => {
  watchForProfiles({
    startBadge: (stopGate) =>
      loadBadge(
        () => import(/* @vite-ignore */ browser.runtime.getURL(BADGE_SCRIPT_PATH)),
        stopGate,
        extensionAlive,
      ),
  });
});

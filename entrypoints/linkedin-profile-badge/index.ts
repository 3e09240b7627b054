/**
 * The LinkedIn badge's code, kept out of the content script that runs on every LinkedIn page
 * (`entrypoints/linkedin-gate`). It runs in the content scripts' world and only registers the
 * badge's start there, for the gate to call (see `utils/linkedin/profile-badge-loader.ts`):
 * on a page loaded at a profile URL, the manifest runs it; on a page that becomes a profile
 * in-app, the gate imports it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startBadge } from './controller';
import { createScriptLife } from '@/utils/linkedin/script-life';
import { registerBadge } from '@/utils/linkedin/profile-badge-loader';

export default defineUnlistedScript(() => {
  registerBadge((stopGate) => {
    const life = createScriptLife();
    // An orphaned script (the extension was updated or removed) stops following navigations.
    life.onEnd(stopGate);
    return startBadge(life);
  });
});

/**
 * The LinkedIn content script, declared in wxt.config.ts's manifest and built as a plain
 * script (WXT's content-script wrapper starts the extension API on load, on every page).
 * All of LinkedIn: users reach their profile from the feed without a reload.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startBadge } from './controller';
import { watchForProfiles } from './gate';
import { createScriptLife } from './life';

export default defineUnlistedScript(() => {
  watchForProfiles({
    startBadge(stopGate) {
      const life = createScriptLife();
      // An orphaned script (the extension was updated or removed) stops following navigations.
      life.onEnd(stopGate);
      return startBadge(life);
    },
  });
});

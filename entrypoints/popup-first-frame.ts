/**
 * Loaded by popup.html as a classic script, ahead of the app's module: it reads the cache and
 * draws the first frame as soon as storage answers (see `popup/first-frame.ts`). It touches
 * only the popup's own page and storage, and fails silently: the app paints in any case.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { drawFirstFrame } from './popup/first-frame';
import { readPopupStart } from './popup/start';

export default defineUnlistedScript(async () => {
  const start = await readPopupStart();
  const draw = () => {
    const root = document.getElementById('app');
    if (root) drawFirstFrame(root, start);
  };
  // Storage usually answers after the parser is done; if not, draw once the body is parsed
  // (before deferred module scripts run, which is all that matters here).
  if (document.readyState === 'loading') document.addEventListener('readystatechange', draw, { once: true });
  else draw();
});

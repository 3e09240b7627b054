/**
 * Loaded by popup.html as a classic script, ahead of the app's module: it draws the first
 * frame at once from the preview the service worker put in the popup's URL (see
 * `popup/first-frame.ts` and `utils/popup-preview.ts`). No extension API, no storage read:
 * nothing to wait for. Without a preview (the page opened in a tab, or nothing cached) it draws
 * nothing, and the app paints as usual.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPopupPreview } from '@/utils/popup-preview';
import { drawFirstFrame } from './popup/first-frame';

export default defineUnlistedScript(() => {
  const preview = readPopupPreview(location.search);
  // Deferred: it runs once the body is parsed, before the app's module (page order).
  const root = document.getElementById('app');
  if (preview && root) drawFirstFrame(root, preview);
});

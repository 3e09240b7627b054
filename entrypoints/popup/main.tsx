import { render } from 'preact';
import '@/components/theme.css';
import '@/components/today.css';
import './style.css';
import { localizePage } from '@/utils/i18n';
import { App } from './App';
import { POPUP_MARKS } from './marks';
import { readPopupStart } from './start';
import { initialPopupState } from './state';

/**
 * Paints from the cache first: storage is read directly, before any message to the worker.
 * The first frame (if `popup-first-frame.js` drew one) gives way to the app in the same task,
 * so the page never shows both, nor neither.
 */
async function start(root: HTMLElement) {
  const { entry, freshnessMinutes, cacheKey, accountLabel, accountId } = await readPopupStart();
  root.replaceChildren();
  render(
    <App
      initial={initialPopupState(entry, freshnessMinutes, Date.now(), navigator.onLine)}
      cacheKey={cacheKey}
      accountLabel={accountLabel}
      accountId={accountId}
    />,
    root,
  );
  performance.mark(POPUP_MARKS.app);
}

localizePage();
void start(document.getElementById('app')!);

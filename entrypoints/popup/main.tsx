import { render } from 'preact';
import '@/components/theme.css';
import './style.css';
import { App } from './App';
import { readPopupStart } from './start';
import { initialPopupState } from './state';

/** Marks the app's first render in the page's timeline (read by `npm run bench`). */
export const APP_MARK = 'popup:app';

/**
 * Paints from the cache first: storage is read directly, before any message to the worker.
 * The first frame (if `popup-first-frame.js` drew one) gives way to the app in the same task,
 * so the page never shows both, nor neither.
 */
async function start(root: HTMLElement) {
  const { entry, freshnessMinutes, cacheKey, accountLabel } = await readPopupStart();
  root.replaceChildren();
  render(
    <App
      initial={initialPopupState(entry, freshnessMinutes, Date.now(), navigator.onLine)}
      cacheKey={cacheKey}
      accountLabel={accountLabel}
    />,
    root,
  );
  performance.mark(APP_MARK);
}

void start(document.getElementById('app')!);

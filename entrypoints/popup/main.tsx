import { render } from 'preact';
import { sendMessage } from '@/utils/messaging/client';
import { settingsItem } from '@/utils/storage';
import '@/components/theme.css';
import '@/components/today.css';
import './style.css';
import { localizePage } from '@/utils/i18n';
import { App } from './App';
import { POPUP_MARKS } from './marks';
import { readPopupStart } from './start';
import { initialPopupState } from './state';

/** Starts of the app so far: only the latest one renders. */
let runs = 0;
/** Whether the app has rendered yet (in place of the first frame). */
let rendered = false;

/**
 * Paints from the cache first: storage is read directly, before any message to the worker.
 * The first frame (if `popup-first-frame.js` drew one) gives way to the app in the same task,
 * so the page never shows both, nor neither. Called again when the settings change (another
 * account, key or API): the app starts over from storage, as a new instance.
 */
async function start(root: HTMLElement) {
  const run = ++runs;
  const { entry, freshnessMinutes, cacheKey, accountLabel, accountId, accounts } = await readPopupStart();
  if (run !== runs) return;
  if (!rendered) root.replaceChildren();
  render(
    <App
      key={run}
      initial={initialPopupState(entry, freshnessMinutes, Date.now(), navigator.onLine)}
      cacheKey={cacheKey}
      accountLabel={accountLabel}
      accountId={accountId}
      accounts={accounts}
      onSwitch={(id) => sendMessage('account:select', { accountId: id })}
    />,
    root,
  );
  if (!rendered) performance.mark(POPUP_MARKS.app);
  rendered = true;
}

localizePage();
const root = document.getElementById('app')!;
void start(root);
settingsItem.watch(() => void start(root));

import { render } from 'preact';
import '@/components/theme.css';
import './style.css';
import { readCacheEntry } from '@/utils/cache';
import { targetKey } from '@/utils/settings';
import { readSettings, ssiCacheItem } from '@/utils/storage';
import { App } from './App';
import { initialPopupState } from './state';

/** Paints from the cache first: storage is read directly, before any message to the worker. */
async function start(root: HTMLElement) {
  const [settings, cache] = await Promise.all([readSettings(), ssiCacheItem.getValue()]);
  const cacheKey = targetKey(settings);
  const entry = readCacheEntry(cache, cacheKey);
  const accountLabel = settings.accountId ? `Account ${settings.accountId}` : 'Default account';
  render(
    <App
      initial={initialPopupState(entry, settings.freshnessMinutes, Date.now(), navigator.onLine)}
      cacheKey={cacheKey}
      accountLabel={accountLabel}
    />,
    root,
  );
}

void start(document.getElementById('app')!);

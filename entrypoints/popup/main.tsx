import { render } from 'preact';
import '@/components/theme.css';
import './style.css';
import { readCacheEntry } from '@/utils/cache';
import { storedTarget } from '@/utils/settings';
import { settingsItem, ssiCacheItem } from '@/utils/storage';
import { App } from './App';
import { initialPopupState } from './state';

/** Paints from the cache first: storage is read directly, before any message to the worker. */
async function start(root: HTMLElement) {
  // If storage cannot be read, start with nothing cached: the worker's answer says why.
  const [settings, cache] = await Promise.all([settingsItem.getValue(), ssiCacheItem.getValue()]).catch(
    () => [null, null] as const,
  );
  const target = storedTarget(settings);
  const cacheKey = target.key;
  const entry = readCacheEntry(cache, cacheKey);
  const accountLabel = target.accountId ? `Account ${target.accountId}` : 'Default account';
  render(
    <App
      initial={initialPopupState(entry, target.freshnessMinutes, Date.now(), navigator.onLine)}
      cacheKey={cacheKey}
      accountLabel={accountLabel}
    />,
    root,
  );
}

void start(document.getElementById('app')!);

/**
 * The dashboard's view lives in the page's URL hash (`#tab=team&range=90d`): the tab shown and
 * the trend's range, so a reload, a bookmark or a link keeps them. Anything else in the hash
 * reads as the default; setting one leaves the other as it is.
 */
import { useEffect, useState } from 'preact/hooks';
import { HISTORY_RANGES, type HistoryRange } from '@/utils/history/timeline';

export const DEFAULT_RANGE: HistoryRange = '30d';

/** The dashboard's tabs, the first the default. */
export const DASHBOARD_TABS = ['history', 'team'] as const;
export type DashboardTab = (typeof DASHBOARD_TABS)[number];

/** The value of one of the hash's parameters, or `fallback` when it is not one of `allowed`. */
function named<T extends string>(hash: string, name: string, allowed: readonly T[], fallback: T): T {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(name);
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}

/** `hash` with parameter `name` set to `value` (removed when `value` is null), the rest kept. */
function withParameter(hash: string, name: string, value: string | null): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (value === null) params.delete(name);
  else params.set(name, value);
  const text = params.toString();
  return text ? `#${text}` : '';
}

/** The range a URL hash names, or the default. */
export function rangeFromHash(hash: string): HistoryRange {
  return named(hash, 'range', HISTORY_RANGES, DEFAULT_RANGE);
}

/** `hash` (empty by default) naming `range`. */
export function hashForRange(range: HistoryRange, hash = ''): string {
  return withParameter(hash, 'range', range);
}

/** The tab a URL hash names, or the first. */
export function tabFromHash(hash: string): DashboardTab {
  return named(hash, 'tab', DASHBOARD_TABS, DASHBOARD_TABS[0]);
}

/** `hash` naming `tab`; the default tab is left unnamed. */
export function hashForTab(tab: DashboardTab, hash = ''): string {
  return withParameter(hash, 'tab', tab === DASHBOARD_TABS[0] ? null : tab);
}

/**
 * One part of the view in the URL, and its setter. Choosing replaces the hash without adding
 * a history entry (Back leaves the dashboard rather than stepping through views); a hash
 * changed by hand is followed.
 */
function useInHash<T>(
  read: (hash: string) => T,
  write: (value: T, hash: string) => string,
): [T, (next: T) => void] {
  const [value, setValue] = useState(() => read(location.hash));
  useEffect(() => {
    const follow = () => setValue(read(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [read]);
  const choose = (next: T) => {
    // An empty hash would leave a bare `#`: the path alone says the same.
    history.replaceState(
      history.state,
      '',
      write(next, location.hash) || location.pathname + location.search,
    );
    setValue(next);
  };
  return [value, choose];
}

/** The trend's range in the URL, and its setter. */
export function useRangeInHash(): [HistoryRange, (range: HistoryRange) => void] {
  return useInHash(rangeFromHash, hashForRange);
}

/** The dashboard's tab in the URL, and its setter. */
export function useTabInHash(): [DashboardTab, (tab: DashboardTab) => void] {
  return useInHash(tabFromHash, hashForTab);
}

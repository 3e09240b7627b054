/**
 * The trend's range lives in the page's URL hash (`#range=90d`), so a reload, a bookmark or a
 * link keeps it. Anything else in the hash reads as the default range.
 */
import { useEffect, useState } from 'preact/hooks';
import { HISTORY_RANGES, type HistoryRange } from '@/utils/history/timeline';

export const DEFAULT_RANGE: HistoryRange = '30d';

/** The range a URL hash names, or the default. */
export function rangeFromHash(hash: string): HistoryRange {
  const named = new URLSearchParams(hash.replace(/^#/, '')).get('range');
  return (HISTORY_RANGES as readonly string[]).includes(named ?? '')
    ? (named as HistoryRange)
    : DEFAULT_RANGE;
}

/** The hash that names `range`. */
export function hashForRange(range: HistoryRange): string {
  return `#range=${range}`;
}

/**
 * The range in the URL, and its setter. Choosing a range replaces the hash without adding a
 * history entry (Back leaves the dashboard rather than stepping through ranges); a hash
 * changed by hand is followed.
 */
export function useRangeInHash(): [HistoryRange, (range: HistoryRange) => void] {
  const [range, setRange] = useState(() => rangeFromHash(location.hash));
  useEffect(() => {
    const follow = () => setRange(rangeFromHash(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const choose = (next: HistoryRange) => {
    history.replaceState(history.state, '', hashForRange(next));
    setRange(next);
  };
  return [range, choose];
}

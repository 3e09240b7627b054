/**
 * How numbers and times read in the UI, in the browser's UI language (`Intl` with `uiLocale()`;
 * a test may pass `locale`). Pure functions; "—" stands for anything missing.
 */
import { numberFormat, plural, t, uiLocale } from './i18n';
import type { GroupComparison } from './ssi/model';

export const MISSING = '—';

/** The overall score as LinkedIn's dashboard shows it: a whole number. */
export function formatOverall(overall: number, locale = uiLocale()): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(overall));
}

/** Points with one decimal (a pillar score, an average, a gap), or "—". */
export function formatPoints(points: number | null, locale = uiLocale()): string {
  if (points === null) return MISSING;
  return numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    Math.round(points * 10) / 10,
  );
}

/** A pillar score or average with one decimal, or "—". */
export const formatPillarScore = formatPoints;

/** A whole percentage as the UI language writes it: "4%" in English, "4 %" in German. */
export function formatPercent(percent: number, locale = uiLocale()): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

/** A rank as "Top 4%"; ranks under 1 read "Top 1%" (LinkedIn never says top 0%). */
export function formatRank(rank: number | null): string {
  return rank === null ? MISSING : t('rank_top', formatPercent(Math.max(1, Math.round(rank))));
}

/** "Top 4% in Computer Software", "Top 12% in your network", or null when there is no rank. */
export function describeGroupRank(
  kind: 'industry' | 'network',
  group: GroupComparison | null,
): string | null {
  if (group?.rank == null) return null;
  const rank = formatRank(group.rank);
  if (kind === 'network') return t('rank_in_network', rank);
  return group.industryName
    ? t('rank_in_industry_named', rank, group.industryName)
    : t('rank_in_industry', rank);
}

/** A member count with the UI language's thousands separators: "184,233 people". */
export function formatGroupSize(size: number | null): string | null {
  if (size === null) return null;
  return plural(size, { one: 'group_size_one', other: 'group_size_other' }, size);
}

/** A non-zero change with its sign (a real minus) and `decimals`: "+2", "−1.5". */
export function formatSigned(value: number, locale: string, decimals: { min: number; max: number }): string {
  const digits = numberFormat(locale, {
    minimumFractionDigits: decimals.min,
    maximumFractionDigits: decimals.max,
  }).format(Math.abs(value));
  return `${value > 0 ? '+' : '−'}${digits}`;
}

/** The weekly change as the API reports it: "+2 since last week", "−1 …", "no change …". */
export function formatChange(change: number | null, locale = uiLocale()): string | null {
  if (change === null) return null;
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) return t('change_none');
  return t('change_since_last_week', formatSigned(rounded, locale, { min: 0, max: 1 }));
}

/** How long ago a time was, in words: "just now", "3 min ago", "2 h ago", "3 days ago". */
export function formatAge(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) return t('age_just_now');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('age_minutes', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('age_hours', hours);
  const days = Math.floor(hours / 24);
  return days === 1 ? t('age_yesterday') : t('age_days', days);
}

/** The Sales Navigator seat in words, or null when unknown. */
export function formatSeat(activeSeat: boolean | null): string | null {
  if (activeSeat === null) return null;
  return activeSeat ? t('seat_active') : t('seat_none');
}

/** A calendar day (`YYYY-MM-DD`) as the UI language writes dates: "2 Dec 2026", "Dec 2, 2026". */
export function formatDay(day: string, style: 'medium' | 'short' = 'medium', locale = uiLocale()): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, date);
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(utc);
}

/** A clock time as the UI language writes it: "09:30 AM", "09:30". */
export function formatClock(epochMs: number, locale = uiLocale()): string {
  return new Date(epochMs).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}

/** A moment (date and time) as the UI language writes it, for a tooltip or the debug view. */
export function formatMoment(epochMs: number, locale = uiLocale()): string {
  return new Date(epochMs).toLocaleString(locale);
}

/** A change in points with its sign and one decimal: "+1.5", "−0.3", "±0"; "—" when unknown. */
export function formatDelta(delta: number | null, locale = uiLocale()): string {
  if (delta === null) return MISSING;
  const rounded = Math.round(delta * 10) / 10;
  if (rounded === 0) return '±0';
  return formatSigned(rounded, locale, { min: 1, max: 1 });
}

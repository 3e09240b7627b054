/** How numbers and times read in the UI. Pure functions; "—" stands for anything missing. */
import type { GroupComparison } from './ssi/model';

export const MISSING = '—';

/** The overall score as LinkedIn's dashboard shows it: a whole number. */
export function formatOverall(overall: number): string {
  return String(Math.round(overall));
}

/** Points with one decimal (a pillar score, an average, a gap), or "—". */
export function formatPoints(points: number | null): string {
  return points === null ? MISSING : (Math.round(points * 10) / 10).toFixed(1);
}

/** A pillar score or average with one decimal, or "—". */
export const formatPillarScore = formatPoints;

/** A rank as "Top 4%"; ranks under 1 read "Top 1%" (LinkedIn never says top 0%). */
export function formatRank(rank: number | null): string {
  return rank === null ? MISSING : `Top ${Math.max(1, Math.round(rank))}%`;
}

/** "Top 4% in Computer Software", "Top 12% in your network", or null when there is no rank. */
export function describeGroupRank(
  kind: 'industry' | 'network',
  group: GroupComparison | null,
): string | null {
  if (group?.rank == null) return null;
  const where = kind === 'network' ? 'your network' : (group.industryName ?? 'your industry');
  return `${formatRank(group.rank)} in ${where}`;
}

/** A member count with thousands separators: "184,233 people". */
export function formatGroupSize(size: number | null): string | null {
  if (size === null) return null;
  return `${size.toLocaleString('en-US')} ${size === 1 ? 'person' : 'people'}`;
}

/** The weekly change as the API reports it: "+2 since last week", "−1 …", "no change …". */
export function formatChange(change: number | null): string | null {
  if (change === null) return null;
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) return 'no change since last week';
  const sign = rounded > 0 ? '+' : '−';
  return `${sign}${Math.abs(rounded)} since last week`;
}

/** How long ago a time was, in words: "just now", "3 min ago", "2 h ago", "3 days ago". */
export function formatAge(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/** The Sales Navigator seat in words, or null when unknown. */
export function formatSeat(activeSeat: boolean | null): string | null {
  if (activeSeat === null) return null;
  return activeSeat ? 'Sales Navigator seat active' : 'No Sales Navigator seat';
}

/** A calendar day (`YYYY-MM-DD`) as the UI language writes dates: "2 Dec 2026", "Dec 2, 2026". */
export function formatDay(day: string, style: 'medium' | 'short' = 'medium'): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, date);
  return new Intl.DateTimeFormat(undefined, { dateStyle: style, timeZone: 'UTC' }).format(utc);
}

/** A change in points with its sign and one decimal: "+1.5", "−0.3", "±0"; "—" when unknown. */
export function formatDelta(delta: number | null): string {
  if (delta === null) return MISSING;
  const rounded = Math.round(delta * 10) / 10;
  if (rounded === 0) return '±0';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)}`;
}

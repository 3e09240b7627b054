import { t } from '@/utils/i18n';
import { formatOverall } from '@/utils/format';
import { MAX_OVERALL } from '@/utils/ssi/model';

export interface SparklinePoint {
  day: string;
  overall: number;
}

export interface SparklineProps {
  /** Oldest first; at most one per day. */
  points: readonly SparklinePoint[];
  width?: number;
  height?: number;
  /** What the points cover, for the text alternative: "Last 30 days". */
  label: string;
}

/** The least span of the y axis, in points: a change of a point or two stays a small one. */
const MIN_SPAN = 10;

/**
 * The overall score over recent days as a small line, drawn as SVG: no chart library, so the
 * popup can show it in its first frame. The y axis spans the points' range, at least
 * {@link MIN_SPAN} points, within 0–100. Fewer than two points draw no line.
 */
export function Sparkline({ points, width = 120, height = 28, label }: SparklineProps) {
  if (points.length < 2) return null;
  const step = width / (points.length - 1);
  const values = points.map((point) => point.overall);
  const middle = (Math.min(...values) + Math.max(...values)) / 2;
  const span = Math.max(MIN_SPAN, Math.max(...values) - Math.min(...values));
  const low = Math.min(Math.max(0, middle - span / 2), MAX_OVERALL - span);
  const y = (overall: number) => height - 2 - ((overall - low) / span) * (height - 4);
  const path = points.map((point, index) => `${(index * step).toFixed(1)},${y(point.overall).toFixed(1)}`);
  const first = points[0]!;
  const last = points.at(-1)!;
  return (
    <svg
      class="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={t('sparkline_range', label, formatOverall(first.overall), formatOverall(last.overall))}
      data-testid="sparkline"
    >
      <polyline points={path.join(' ')} fill="none" stroke="currentColor" stroke-width="1.5" />
      <circle
        cx={((points.length - 1) * step).toFixed(1)}
        cy={y(last.overall).toFixed(1)}
        r="2"
        fill="currentColor"
      />
    </svg>
  );
}

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

/**
 * The overall score over recent days as a small line, drawn as SVG: no chart library, so the
 * popup can show it in its first frame. The y axis is fixed to 0–100, so a flat line means a
 * flat score whatever its level. Fewer than two points draw no line.
 */
export function Sparkline({ points, width = 120, height = 28, label }: SparklineProps) {
  if (points.length < 2) return null;
  const step = width / (points.length - 1);
  const y = (overall: number) => height - 2 - (overall / MAX_OVERALL) * (height - 4);
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
      aria-label={`${label}: from ${formatOverall(first.overall)} to ${formatOverall(last.overall)}`}
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

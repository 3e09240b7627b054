import { useRef } from 'preact/hooks';
import { BAND_COLORS } from '@/utils/toolbar-badge';
import { formatOverall } from '@/utils/format';
import { MAX_OVERALL, scoreBand } from '@/utils/ssi/model';
import { prefersReducedMotion, themeColor } from './charts/load';
import { useChart } from './charts/use-chart';

export interface ScoreRingProps {
  overall: number;
  /** Diameter in px. */
  size?: number;
}

/**
 * The overall score as a ring (a chart.js doughnut) with the whole-number score in its middle.
 * The number and a CSS ring paint at once; the chart replaces the CSS ring when chart.js is in.
 */
export function ScoreRing({ overall, size = 132 }: ScoreRingProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const score = formatOverall(overall);
  const band = scoreBand(overall);
  const percent = Math.min(100, Math.max(0, (overall / MAX_OVERALL) * 100));
  const drawn = useChart<'doughnut'>(
    canvas,
    () => ({
      type: 'doughnut',
      data: {
        datasets: [
          {
            data: [overall, MAX_OVERALL - overall],
            backgroundColor: [
              themeColor(`--band-${band}`, BAND_COLORS[band]),
              themeColor('--ring-track', '#e4e7ec'),
            ],
            borderWidth: 0,
          },
        ],
      },
      options: {
        cutout: '78%',
        responsive: false,
        animation: prefersReducedMotion() ? false : { duration: 400 },
        events: [],
      },
    }),
    [overall],
  );

  return (
    <div
      class={`score-ring score-ring--${band}${drawn ? ' score-ring--drawn' : ''}`}
      style={{ width: `${size}px`, height: `${size}px`, '--ring-percent': `${percent}%` }}
      role="img"
      aria-label={`SSI ${score} out of 100`}
    >
      <canvas ref={canvas} width={size} height={size} aria-hidden="true" />
      <span class="score-ring__value">
        <span class="score-ring__number" data-testid="overall-score">
          {score}
        </span>
        <span class="score-ring__max">of 100</span>
      </span>
    </div>
  );
}

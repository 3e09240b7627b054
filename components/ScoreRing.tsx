import { useRef } from 'preact/hooks';
import { BAND_COLORS, MAX_OVERALL } from '@/utils/ssi/model';
import { prefersReducedMotion, themeColor } from './charts/load';
import { useChart } from './charts/use-chart';
import { RING_SIZE, ringFace } from './score-ring-face';

export interface ScoreRingProps {
  overall: number;
  /** Diameter in px. */
  size?: number;
}

/**
 * The overall score as a ring (a chart.js doughnut) with the whole-number score in its middle.
 * The number and a CSS ring paint at once; the chart replaces the CSS ring when chart.js is in.
 */
export function ScoreRing({ overall, size = RING_SIZE }: ScoreRingProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const face = ringFace(overall);
  const { band } = face;
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
      class={drawn ? `${face.className} score-ring--drawn` : face.className}
      style={{ width: `${size}px`, height: `${size}px`, '--ring-percent': `${face.percent}%` }}
      role="img"
      aria-label={face.label}
    >
      <canvas ref={canvas} width={size} height={size} aria-hidden="true" />
      <span class="score-ring__value">
        <span class="score-ring__number" data-testid="overall-score">
          {face.text}
        </span>
        <span class="score-ring__max">of 100</span>
      </span>
    </div>
  );
}

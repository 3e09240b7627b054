import { useRef } from 'preact/hooks';
import { prefersReducedMotion, themeColor } from '@/components/charts/load';
import { useChart } from '@/components/charts/use-chart';
import { MAX_OVERALL } from '@/utils/ssi/model';
import type { TeamEntry } from '@/utils/team/team-table';
import { t } from '@/utils/i18n';

/**
 * The team's SSI as bars, in the table's order. Decoration for sighted users: every number is
 * in the table, so the chart is hidden from assistive technology. chart.js loads on demand.
 */
export function TeamChart({ entries }: { entries: readonly TeamEntry[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = entries.map((entry) => `${entry.row.account.id}:${entry.row.snapshot?.overall}`).join('|');
  useChart<'bar'>(canvas, () => {
    const text = themeColor('--text-muted', '#475467');
    const color = themeColor('--chart-you', '#0a66c2');
    return {
      type: 'bar',
      data: {
        labels: entries.map((entry) => entry.row.account.name),
        datasets: [
          {
            label: t('team_chart_series'),
            data: entries.map((entry) => entry.row.snapshot?.overall ?? null),
            backgroundColor: color,
            borderRadius: 4,
            maxBarThickness: 48,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: prefersReducedMotion() ? false : { duration: 300 },
        scales: {
          x: { ticks: { color: text }, grid: { display: false } },
          y: {
            min: 0,
            max: MAX_OVERALL,
            ticks: { color: text },
            grid: { color: themeColor('--border', '#e4e7ec') },
          },
        },
      },
    };
  }, [key]);
  return (
    <div class="team__chart" aria-hidden="true">
      <canvas ref={canvas} />
    </div>
  );
}

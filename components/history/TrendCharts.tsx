import { formatNumber, t, uiLocale } from '@/utils/i18n';
import { useRef } from 'preact/hooks';
import { formatDay, formatOverall, formatRank } from '@/utils/format';
import type { DailyReading } from '@/utils/history/reading';
import { MAX_OVERALL, MAX_PILLAR, PILLAR_IDS, PILLAR_LABELS } from '@/utils/ssi/model';
import { loadLineChart, prefersReducedMotion, themeColor } from '../charts/load';
import { useChart } from '../charts/use-chart';

export interface TrendChartsProps {
  /** The days of the range, oldest first. */
  readings: readonly DailyReading[];
}

/** The pillars' line colours, by LinkedIn's order. */
const PILLAR_COLORS = [
  ['--chart-pillar-1', '#dd2590'],
  ['--chart-pillar-2', '#079455'],
  ['--chart-pillar-3', '#e04f16'],
  ['--chart-pillar-4', '#6938ef'],
] as const;

function axisColors() {
  return { text: themeColor('--text-muted', '#475467'), grid: themeColor('--border', '#e4e7ec') };
}

/** What both charts share: animation per the user's motion setting, days along the x axis. */
function commonOptions() {
  const { text, grid } = axisColors();
  return {
    // chart.js writes its axes' numbers in the UI language, as the rest of the page.
    locale: uiLocale(),
    responsive: true,
    maintainAspectRatio: false,
    animation: prefersReducedMotion() ? (false as const) : { duration: 300 },
    interaction: { mode: 'index' as const, intersect: false },
    plugins: { legend: { labels: { color: text, boxWidth: 12 } } },
    // Level labels, fewer of them on a narrow chart (chart.js skips what does not fit).
    x: {
      ticks: { color: text, maxTicksLimit: 8, autoSkip: true, autoSkipPadding: 16, maxRotation: 0 },
      grid: { display: false },
    },
    grid,
    text,
  };
}

function summary(readings: readonly DailyReading[]): string {
  const first = readings[0];
  const last = readings.at(-1);
  if (!first || !last) return t('trend_none');
  return t(
    'trend_summary',
    formatDay(first.day),
    formatDay(last.day),
    formatOverall(first.overall),
    formatOverall(last.overall),
    formatRank(first.industryRank),
    formatRank(last.industryRank),
    formatRank(first.networkRank),
    formatRank(last.networkRank),
  );
}

/**
 * The trend over the range in two line charts: the SSI and its pillars (the SSI on a 0–100
 * axis, the pillars on 0–25), and the two ranks on an axis that runs upside down, since a
 * lower "top X%" is better. Each chart has its summary as text; the table holds every number.
 */
export function TrendCharts({ readings }: TrendChartsProps) {
  const scores = useRef<HTMLCanvasElement>(null);
  const ranks = useRef<HTMLCanvasElement>(null);
  const key = readings
    .map((reading) => `${reading.day}:${reading.overall}:${reading.industryRank}`)
    .join('|');
  const labels = () => readings.map((reading) => formatDay(reading.day, 'short'));

  useChart<'line'>(
    scores,
    () => {
      const common = commonOptions();
      return {
        type: 'line',
        data: {
          labels: labels(),
          datasets: [
            {
              label: t('trend_ssi_series'),
              data: readings.map((reading) => reading.overall),
              borderColor: themeColor('--chart-you', '#0a66c2'),
              backgroundColor: themeColor('--chart-you', '#0a66c2'),
              borderWidth: 2.5,
              pointRadius: readings.length > 60 ? 0 : 2,
              yAxisID: 'overall',
            },
            ...PILLAR_IDS.map((id, index) => {
              const [name, fallback] = PILLAR_COLORS[index]!;
              return {
                label: t('trend_pillar_series', PILLAR_LABELS[id]),
                data: readings.map((reading) => reading.pillars[id]),
                borderColor: themeColor(name, fallback),
                backgroundColor: themeColor(name, fallback),
                borderWidth: 1.5,
                pointRadius: 0,
                yAxisID: 'pillars',
              };
            }),
          ],
        },
        options: {
          ...common,
          scales: {
            x: common.x,
            overall: {
              position: 'left',
              min: 0,
              max: MAX_OVERALL,
              title: { display: true, text: t('trend_axis_ssi'), color: common.text },
              ticks: { color: common.text },
              grid: { color: common.grid },
            },
            pillars: {
              position: 'right',
              min: 0,
              max: MAX_PILLAR,
              title: { display: true, text: t('trend_axis_pillars'), color: common.text },
              ticks: { color: common.text },
              grid: { display: false },
            },
          },
        },
      };
    },
    [key],
    loadLineChart,
  );

  useChart<'line'>(
    ranks,
    () => {
      const common = commonOptions();
      return {
        type: 'line',
        data: {
          labels: labels(),
          datasets: [
            {
              label: t('history_column_industry_rank'),
              data: readings.map((reading) => reading.industryRank),
              borderColor: themeColor('--chart-industry', '#98a2b3'),
              backgroundColor: themeColor('--chart-industry', '#98a2b3'),
              pointRadius: readings.length > 60 ? 0 : 2,
            },
            {
              label: t('history_column_network_rank'),
              data: readings.map((reading) => reading.networkRank),
              borderColor: themeColor('--chart-network', '#7a5af8'),
              backgroundColor: themeColor('--chart-network', '#7a5af8'),
              pointRadius: readings.length > 60 ? 0 : 2,
            },
          ],
        },
        options: {
          ...common,
          scales: {
            x: common.x,
            y: {
              reverse: true,
              // Top 1% at the top; the bottom follows the data, so that a climb from top 14%
              // to top 4% fills the chart rather than its top fifth.
              min: 1,
              title: { display: true, text: t('trend_axis_ranks'), color: common.text },
              ticks: {
                color: common.text,
                callback: (value) =>
                  t(
                    'rank_top',
                    formatNumber(Number(value) / 100, { style: 'percent', maximumFractionDigits: 1 }),
                  ),
              },
              grid: { color: common.grid },
            },
          },
        },
      };
    },
    [key],
    loadLineChart,
  );

  return (
    <div class="trends">
      <figure class="trends__chart" role="img" aria-label={t('trend_scores_label', summary(readings))}>
        <canvas ref={scores} aria-hidden="true" />
      </figure>
      <figure
        class="trends__chart trends__chart--ranks"
        role="img"
        aria-label={t('trend_ranks_label', summary(readings))}
      >
        <canvas ref={ranks} aria-hidden="true" />
      </figure>
    </div>
  );
}

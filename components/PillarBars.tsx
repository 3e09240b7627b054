import { t, uiLocale } from '@/utils/i18n';
import { useRef } from 'preact/hooks';
import { formatPillarScore } from '@/utils/format';
import { MAX_PILLAR, PILLAR_LABELS, type PillarScore } from '@/utils/ssi/model';
import { prefersReducedMotion, themeColor } from './charts/load';
import { useChart } from './charts/use-chart';

export interface PillarBarsProps {
  pillars: PillarScore[];
  /**
   * How the table of the numbers shows: `shown` under the chart, or `disclosed` one click
   * away (a `<details>` the keyboard and screen readers reach like any control), where space
   * is short (the popup). The chart's text alternative holds every number either way.
   */
  numbers?: 'shown' | 'disclosed';
}

/** Splits a pillar label into two lines for the chart's axis. */
function wrapLabel(label: string): string[] {
  const words = label.split(' ');
  if (words.length < 3) return [label];
  const middle = Math.ceil(words.length / 2);
  return [words.slice(0, middle).join(' '), words.slice(middle).join(' ')];
}

function summary(pillars: PillarScore[]): string {
  return pillars
    .map((pillar) =>
      t('pillars_chart_value', PILLAR_LABELS[pillar.id], formatPillarScore(pillar.score), MAX_PILLAR),
    )
    .join('; ');
}

/** The bars drawn per pillar: the member, then the group averages the API gave. */
const SERIES = [
  { name: 'pillars_you', field: 'score', color: '--chart-you', fallback: '#0a66c2' },
  {
    name: 'pillars_industry_average',
    field: 'industryAverage',
    color: '--chart-industry',
    fallback: '#98a2b3',
  },
  {
    name: 'pillars_network_average',
    field: 'networkAverage',
    color: '--chart-network',
    fallback: '#7a5af8',
  },
] as const;

/**
 * The four pillars: a chart.js bar chart of the member against the industry and network
 * averages (0-25), and the same numbers as a table, so every value is readable as text.
 */
export function PillarBars({ pillars, numbers = 'shown' }: PillarBarsProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = pillars.map((p) => `${p.score}/${p.industryAverage}/${p.networkAverage}`).join('|');
  // "You" always; an average only when the API gave one.
  const series = SERIES.filter((s) => s.field === 'score' || pillars.some((p) => p[s.field] !== null));

  useChart<'bar'>(canvas, () => {
    const text = themeColor('--text-muted', '#475467');
    const grid = themeColor('--border', '#e4e7ec');
    return {
      type: 'bar',
      data: {
        labels: pillars.map((p) => wrapLabel(PILLAR_LABELS[p.id])),
        datasets: series.map((s) => ({
          label: t(s.name),
          data: pillars.map((p) => p[s.field]),
          backgroundColor: themeColor(s.color, s.fallback),
          borderRadius: 3,
          barPercentage: 0.9,
          categoryPercentage: 0.8,
        })),
      },
      options: {
        indexAxis: 'y',
        // chart.js writes its axes' numbers in the UI language, as the rest of the page.
        locale: uiLocale(),
        responsive: true,
        maintainAspectRatio: false,
        animation: prefersReducedMotion() ? false : { duration: 300 },
        events: [],
        // The legend is HTML, below. Pages that register chart.js's legend plugin (the
        // dashboard, for its trend) would otherwise draw a second one on the canvas.
        plugins: { legend: { display: false } },
        scales: {
          x: { min: 0, max: MAX_PILLAR, ticks: { stepSize: 5, color: text }, grid: { color: grid } },
          y: { ticks: { color: text, font: { size: 11 } }, grid: { display: false } },
        },
      },
    };
  }, [key]);

  const table = (
    <table class="pillars__table">
      <thead>
        <tr>
          <th scope="col">{t('pillars_column_pillar', MAX_PILLAR)}</th>
          <th scope="col">{t('pillars_you')}</th>
          <th scope="col">{t('pillars_column_industry')}</th>
          <th scope="col">{t('pillars_column_network')}</th>
        </tr>
      </thead>
      <tbody>
        {pillars.map((pillar) => (
          <tr key={pillar.id} data-pillar={pillar.id}>
            <th scope="row">{PILLAR_LABELS[pillar.id]}</th>
            <td class="pillars__you">{formatPillarScore(pillar.score)}</td>
            <td>{formatPillarScore(pillar.industryAverage)}</td>
            <td>{formatPillarScore(pillar.networkAverage)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <section class="pillars" aria-labelledby="pillars-heading">
      <h2 id="pillars-heading" class="section-heading">
        {t('pillars_heading')}
      </h2>
      <div
        class="pillars__chart"
        role="img"
        aria-label={t('pillars_chart_label', MAX_PILLAR, summary(pillars))}
      >
        <canvas ref={canvas} aria-hidden="true" />
      </div>
      {/* An HTML legend: the popup does without chart.js's legend plugin (its size budget). */}
      <ul class="pillars__legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.field}>
            <span class="pillars__swatch" style={{ background: `var(${s.color}, ${s.fallback})` }} />
            {t(s.name)}
          </li>
        ))}
      </ul>
      {numbers === 'shown' ? (
        table
      ) : (
        <details class="pillars__numbers">
          <summary>{t('pillars_numbers')}</summary>
          {table}
        </details>
      )}
    </section>
  );
}

/**
 * The chart.js parts the popup draws with (the pillars' bars), registered one by one (not
 * `chart.js/auto`). Loaded on demand by `load.ts`, so no page waits for chart.js before its
 * first paint.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

export { Chart };

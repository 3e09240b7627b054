/**
 * The chart.js parts the extension draws with, registered one by one (not `chart.js/auto`).
 * Loaded on demand by `load.ts`, so no page waits for chart.js before its first paint.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  LinearScale,
} from 'chart.js';

Chart.register(DoughnutController, ArcElement, BarController, BarElement, CategoryScale, LinearScale);

export { Chart };

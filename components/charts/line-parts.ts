/**
 * The chart.js parts of the dashboard's trend charts (lines over days, a legend, tooltips),
 * on top of the popup's parts. A chunk of its own, so the popup never loads them.
 */
import {
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { Chart } from './chart-parts';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };

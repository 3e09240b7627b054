/** Loads chart.js once, after whatever asked for it has painted. */
import type { Chart } from 'chart.js';

let chartClass: Promise<typeof Chart> | null = null;

let lineChartClass: Promise<typeof Chart> | null = null;

/** Resolves with the registered `Chart` class; every caller shares one load. */
export function loadChart(): Promise<typeof Chart> {
  chartClass ??= import('./chart-parts').then((parts) => parts.Chart);
  return chartClass;
}

/** The same class with the line chart's parts registered too (the dashboard's trends). */
export function loadLineChart(): Promise<typeof Chart> {
  lineChartClass ??= import('./line-parts').then((parts) => parts.Chart);
  return lineChartClass;
}

/** Whether the user asked for less motion: charts then draw without animation. */
export function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** A CSS custom property of the page, e.g. `--chart-you`, for chart colours that follow the theme. */
export function themeColor(name: string, fallback: string): string {
  if (typeof getComputedStyle !== 'function') return fallback;
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

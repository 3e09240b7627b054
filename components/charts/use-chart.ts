/** A Preact hook that draws a chart.js chart on a canvas once chart.js has loaded. */
import type { Chart, ChartConfiguration, ChartType } from 'chart.js';
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadChart } from './load';

/**
 * Draws `build()` on `canvas` after chart.js loads (by `load`: the parts the chart needs), and
 * redraws when `deps` change. Returns true once drawn; a failed load leaves the caller's text
 * fallback in place.
 */
export function useChart<T extends ChartType>(
  canvas: RefObject<HTMLCanvasElement | null>,
  build: () => ChartConfiguration<T>,
  deps: unknown[],
  load: () => Promise<typeof Chart> = loadChart,
): boolean {
  const chart = useRef<Chart<T> | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    load()
      .then((ChartClass) => {
        if (cancelled || !canvas.current) return;
        chart.current?.destroy();
        chart.current = new ChartClass(canvas.current, build()) as unknown as Chart<T>;
        // chart.js logs, rather than throws, when the canvas has no 2D context.
        setReady(Boolean(chart.current.ctx));
      })
      .catch(() => {
        // The numbers are on screen as text already; the chart is an enhancement.
      });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- redraws are driven by deps
  }, deps);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  return ready;
}

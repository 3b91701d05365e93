/**
 * One ECharts instance per chart for the page's life: created on mount, updated in place with
 * setOption when its option changes (never re-initialised), resized natively with its box (no
 * CSS transform), disposed on unmount. The instance lives in this closure, never in Vue
 * reactivity (a proxied chart is slow and leaks). Only the chart types and components the HUD
 * uses are imported, so the bundle carries no more of ECharts than it draws.
 */
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, type EChartsType, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type Ref, onBeforeUnmount, onMounted, watch } from 'vue';

use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Above 2× a wall's canvases cost memory and fill rate without a visible gain at viewing distance. */
const MAX_CHART_PIXEL_RATIO = 2;

export interface EChartHandle {
  /** The instance, for tests and diagnostics; null before mount and after unmount. */
  instance(): EChartsType | null;
}

export function useEChart(element: Ref<HTMLElement | null>, option: () => EChartsCoreOption | null): EChartHandle {
  let chart: EChartsType | null = null;
  let observer: ResizeObserver | undefined;
  let stopWatch: (() => void) | undefined;
  onMounted(() => {
    if (!element.value) return;
    chart = init(element.value, undefined, { renderer: 'canvas', devicePixelRatio: Math.min(window.devicePixelRatio || 1, MAX_CHART_PIXEL_RATIO) });
    stopWatch = watch(
      option,
      (next) => {
        if (next) chart?.setOption(next, { notMerge: true, lazyUpdate: true });
        else chart?.clear();
      },
      { immediate: true },
    );
    observer = new ResizeObserver(() => chart?.resize());
    observer.observe(element.value);
  });
  onBeforeUnmount(() => {
    stopWatch?.();
    observer?.disconnect();
    chart?.dispose();
    chart = null;
  });
  return { instance: () => chart };
}

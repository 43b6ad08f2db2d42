// Draws the trend chart with F2 (AntV's chart library for phones and mini-programs) on a canvas
// 2d context: the same code in the mini-program (a <Canvas type="2d"> node) and in H5 (its
// <canvas> element). F2 takes the context and the pixel ratio and never looks for a DOM, which is
// why it runs in both.
import { Axis, Canvas, Chart, Line, Point, jsx, type CanvasProps } from '@antv/f2';
import { dayLabel, dayTicks, formatValue, seriesStyle, trendMax, trendRows, valueTicks, type TrendSeries } from './scale';

export interface TrendDrawing {
  context: CanvasRenderingContext2D;
  width: number;
  height: number;
  pixelRatio: number;
  days: readonly string[];
  series: readonly TrendSeries[];
  unit?: string;
  fontSize: number;
  /**
   * A canvas F2 may draw on unseen to measure text. The mini-program has no DOM to make one, so
   * it passes its own; in H5, F2 makes one.
   */
  offscreenCanvas?: unknown;
  /** The canvas node's own frame scheduler (the mini-program's canvas 2d has one). */
  requestAnimationFrame?: (cb: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
}

// F2's own element factory (what its JSX compiles to), typed loosely: its declared element type
// admits only its base Component, not the Canvas, Chart and geometry classes it is made for.
const h = jsx as unknown as (type: unknown, props: Record<string, unknown>, ...children: unknown[]) => { props: CanvasProps };

export interface DrawnChart {
  destroy(): void;
}

const TEXT_2 = '#545454';
const GRID = '#E6E0D8';

export async function drawTrend(d: TrendDrawing): Promise<DrawnChart> {
  const styles = d.series.map((_, i) => seriesStyle(i));
  const max = trendMax(d.series);
  const ticks = valueTicks(max, 4);
  const top = ticks[ticks.length - 1];
  // Room on the left for the widest value label ("100%"), measured in glyphs of the chosen size.
  const leftPad = Math.ceil(d.fontSize * (formatValue(top, d.unit).length * 0.6 + 0.8));
  const plotWidth = Math.max(40, d.width - leftPad - d.fontSize * 1.5);
  const shownDays = new Set(dayTicks(d.days, plotWidth, d.fontSize));
  const lineShapes: Record<string, { lineDash?: number[] }> = {};
  for (const s of styles) lineShapes[s.dashName] = s.dash.length ? { lineDash: s.dash } : {};

  const { props } = h(
    Canvas,
    {
      context: d.context,
      width: d.width,
      height: d.height,
      pixelRatio: d.pixelRatio,
      offscreenCanvas: d.offscreenCanvas,
      requestAnimationFrame: d.requestAnimationFrame,
      cancelAnimationFrame: d.cancelAnimationFrame,
      // Drawn once, finished: an organiser reading figures gains nothing from motion, and a
      // still chart is what the tests can check.
      animate: false,
      theme: {
        // Room above the top value label (centred on its grid line) and right of the last day's.
        chart: { padding: [d.fontSize, d.fontSize * 1.2, d.fontSize * 0.4, d.fontSize * 0.4] },
        colors: styles.map((s) => s.colour),
        fontSize: d.fontSize,
        shape: { line: lineShapes },
      },
    },
    h(
      Chart,
      {
        data: trendRows(d.days, d.series),
        scale: {
          day: { type: 'cat', values: [...d.days] },
          value: { min: 0, max: top, ticks },
        },
      },
      h(Axis, {
        field: 'day',
        formatter: (day: string) => (shownDays.has(day) ? dayLabel(day) : ''),
        style: { label: { fontSize: d.fontSize, fill: TEXT_2, align: 'between' } },
      }),
      h(Axis, {
        field: 'value',
        formatter: (v: number) => formatValue(v, d.unit),
        style: { label: { fontSize: d.fontSize, fill: TEXT_2 }, grid: { stroke: GRID, lineWidth: 1 } },
      }),
      h(Line, {
        x: 'day',
        y: 'value',
        color: { field: 'name', range: styles.map((s) => s.colour) },
        shape: { field: 'name', range: styles.map((s) => s.dashName) },
        size: 3,
        connectNulls: false,
      }),
      h(Point, {
        x: 'day',
        y: 'value',
        color: { field: 'name', range: styles.map((s) => s.colour) },
        shape: { field: 'name', range: styles.map((s) => s.marker) },
        size: 4,
      }),
    ),
  );
  const canvas = new Canvas(props);
  await canvas.render();
  return { destroy: () => canvas.destroy() };
}


// A line per series over the days of the period, its legend as text above the canvas (reading
// text, so it scales with 大字模式 like any other and a screen reader finds it).
import { Canvas, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { useSenior } from '@/hooks/useSenior';
import { drawTrend, type DrawnChart } from './draw';
import { chartFontSize, isEmptyTrend, seriesStyle, type TrendSeries } from './scale';
import './index.scss';

export interface TrendChartProps {
  id: string;
  /** YYYY-MM-DD, in order. */
  days: string[];
  /** values[i] belongs to days[i]; a missing value is a gap, not a zero. */
  series: TrendSeries[];
  unit?: string;
}

const MARK: Record<string, string> = { circle: '●', rect: '■', hollowCircle: '○' };
const DASH_CSS: Record<string, 'solid' | 'dashed' | 'dotted'> = { solid: 'solid', dashed: 'dashed', dotted: 'dotted', dashdot: 'dashed' };

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D;
  requestAnimationFrame?: (cb: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
}

let offscreen: unknown;

/**
 * The mini-program's unseen canvas for F2's text measuring (it has no DOM to make one): one for
 * the whole app, as F2 keeps the first it is given. Undefined in H5, where F2 makes its own, and
 * on a WeChat too old for a 2d offscreen canvas (base library under 2.16.1).
 */
function offscreenCanvas(): unknown {
  if (process.env.TARO_ENV !== 'weapp') return undefined;
  if (offscreen === undefined && typeof Taro.createOffscreenCanvas === 'function') {
    offscreen = Taro.createOffscreenCanvas({ type: '2d', width: 300, height: 150 });
  }
  return offscreen;
}

function pixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio || 1;
  } catch {
    return 1;
  }
}

/** The canvas node and its laid-out width; null while the page has not laid it out yet. */
function findCanvas(canvasId: string): Promise<{ node: CanvasNode; width: number } | null> {
  return new Promise((resolve) => {
    const query = Taro.createSelectorQuery();
    query.select(`#${canvasId}`).node();
    query.select(`#${canvasId}`).boundingClientRect();
    query.exec((res: Array<{ node?: CanvasNode; width?: number } | null>) => {
      const node = res?.[0]?.node;
      const width = res?.[1]?.width ?? 0;
      resolve(node && width > 0 ? { node, width } : null);
    });
  });
}

export default function TrendChart({ id, days, series, unit }: TrendChartProps) {
  const [senior] = useSenior();
  const [resized, setResized] = useState(0);
  const [failed, setFailed] = useState(false);
  const drawn = useRef<DrawnChart | null>(null);
  const empty = isEmptyTrend(days, series);
  const fontSize = chartFontSize(senior);
  const height = Math.round(fontSize * 14);
  const canvasId = `${id}-canvas`;
  // Redraw when the figures change, not whenever a parent passes equal ones in new arrays.
  const figures = JSON.stringify([days, series, unit]);
  const latest = useRef({ days, series, unit });
  latest.current = { days, series, unit };

  useEffect(() => {
    const onResize = () => setResized((n) => n + 1);
    Taro.onWindowResize(onResize);
    return () => Taro.offWindowResize(onResize);
  }, []);

  useEffect(() => {
    if (empty) return undefined;
    let stopped = false;
    let tries = 0;
    let watcher: ResizeObserver | undefined;
    const draw = async () => {
      const found = await findCanvas(canvasId);
      if (stopped) return;
      if (!found) {
        // Laid out on a later tick in the mini-program; a few tries, then give up quietly.
        if (tries++ < 10) setTimeout(() => void draw(), 50);
        return;
      }
      const ratio = pixelRatio();
      const { node } = found;
      node.width = Math.round(found.width * ratio);
      node.height = Math.round(height * ratio);
      drawn.current?.destroy();
      drawn.current = null;
      const measure = offscreenCanvas();
      if (process.env.TARO_ENV === 'weapp' && !measure) {
        setFailed(true);
        return;
      }
      try {
        const chart = await drawTrend({
          ...latest.current,
          context: node.getContext('2d'),
          width: found.width,
          height,
          pixelRatio: ratio,
          fontSize,
          offscreenCanvas: measure,
          requestAnimationFrame: node.requestAnimationFrame?.bind(node),
          cancelAnimationFrame: node.cancelAnimationFrame?.bind(node),
        });
        // A newer drawing began meanwhile (new figures, a resize): this one must not paint over it.
        if (stopped) {
          chart.destroy();
          return;
        }
        drawn.current = chart;
        setFailed(false);
        watchWidth(node, ratio);
      } catch (err) {
        console.error('[TrendChart] drawing failed', err);
        setFailed(true);
      }
    };
    // In H5 the canvas can be laid out again after it was measured (the page settling, a scroll
    // bar coming or going) with no window resize: draw again when its width in device pixels moves.
    const watchWidth = (node: CanvasNode, ratio: number) => {
      if (typeof ResizeObserver === 'undefined' || typeof Element === 'undefined' || !(node instanceof Element)) return;
      watcher?.disconnect();
      watcher = new ResizeObserver(() => {
        const width = (node as unknown as Element).getBoundingClientRect().width;
        if (!stopped && width > 0 && Math.round(width * ratio) !== node.width) setResized((n) => n + 1);
      });
      watcher.observe(node as unknown as Element);
    };
    void draw();
    return () => {
      stopped = true;
      watcher?.disconnect();
    };
  }, [canvasId, figures, fontSize, height, empty, resized]);

  useEffect(
    () => () => {
      drawn.current?.destroy();
      drawn.current = null;
    },
    [],
  );

  if (empty) {
    return (
      <View id={id} className='chart chart--empty'>
        <Text className='chart__empty'>暂无数据</Text>
      </View>
    );
  }
  return (
    <View id={id} className={`chart chart-trend${senior ? ' chart--senior' : ''}`}>
      <View className='chart-trend__legend'>
        {series.map((s, i) => {
          const style = seriesStyle(i);
          return (
            <View key={s.name} className='chart-trend__key'>
              <View className='chart-trend__swatch' style={{ borderTopColor: style.colour, borderTopStyle: DASH_CSS[style.dashName] }} />
              <Text className='chart-trend__mark' style={{ color: style.colour }}>
                {MARK[style.marker]}
              </Text>
              <Text className='chart-trend__name'>{s.name}</Text>
            </View>
          );
        })}
      </View>
      {failed ? <Text className='chart__empty'>图表未能显示，请把微信更新到最新版后再看。</Text> : null}
      <Canvas type='2d' id={canvasId} className='chart-trend__canvas' style={{ height: failed ? '0' : `${height}px` }} />
    </View>
  );
}

// The trend chart's drawing (src/subpackages/console/charts/draw.ts) with no DOM at all, as in the
// mini-program, where F2 gets only a canvas 2d context: here a context that records what it is
// asked to draw. It must draw each series' line in its colour and dash, and the axis labels at the
// size asked for.
import { drawTrend } from '../../src/subpackages/console/charts/draw';

interface Recorded {
  strokes: Array<{ colour: string; dash: number[]; points: number }>;
  texts: Array<{ text: string; font: string }>;
}

/** Just enough of CanvasRenderingContext2D for F2, recording strokes and text. */
function recordingContext(width: number, height: number): { context: CanvasRenderingContext2D; recorded: Recorded } {
  const recorded: Recorded = { strokes: [], texts: [] };
  let dash: number[] = [];
  let points = 0;
  const state: Record<string, unknown> = { strokeStyle: '#000', fillStyle: '#000', font: '10px sans-serif', lineWidth: 1 };
  const stack: Array<Record<string, unknown>> = [];
  const methods: Record<string, (...args: unknown[]) => unknown> = {
    save: () => stack.push({ ...state, dash }),
    restore: () => {
      const s = stack.pop();
      if (s) {
        dash = s.dash as number[];
        Object.assign(state, s);
      }
    },
    beginPath: () => {
      points = 0;
    },
    moveTo: () => {
      points += 1;
    },
    lineTo: () => {
      points += 1;
    },
    stroke: () => recorded.strokes.push({ colour: String(state.strokeStyle).toUpperCase(), dash: [...dash], points }),
    setLineDash: (d) => {
      dash = d as number[];
    },
    getLineDash: () => dash,
    fillText: (text) => recorded.texts.push({ text: String(text), font: String(state.font) }),
    measureText: (text) => ({ width: String(text).length * (parseFloat(String(state.font).replace(/^\D*/, '')) || 10) * 0.6 }),
    getImageData: () => ({ data: new Uint8ClampedArray(4) }),
    createLinearGradient: () => ({ addColorStop: () => undefined }),
    createRadialGradient: () => ({ addColorStop: () => undefined }),
    createPattern: () => null,
    isPointInPath: () => false,
  };
  const canvas = { width, height, style: {}, getContext: () => context };
  const context = new Proxy(state, {
    get: (target, key: string) => {
      if (key === 'canvas') return canvas;
      if (key in methods) return methods[key];
      if (key in target) return target[key];
      return () => undefined; // arc, rect, clip, scale, transform, ...: drawn shapes need not be recorded
    },
    set: (target, key: string, value) => {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { context, recorded };
}

const DAYS = Array.from({ length: 7 }, (_, i) => `2026-11-0${i + 1}`);

describe('drawTrend without a DOM', () => {
  it('draws a line per series in its colour and dash, and the labels at the size asked for', async () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const { context, recorded } = recordingContext(686, 448);
    // As the mini-program does: F2 gets an unseen canvas to measure text on, having no DOM.
    const measuring = recordingContext(300, 150);
    const offscreenCanvas = { width: 300, height: 150, getContext: () => measuring.context };
    const drawing: Parameters<typeof drawTrend>[0] & { offscreenCanvas?: unknown } = {
      context,
      width: 343,
      height: 224,
      pixelRatio: 2,
      days: DAYS,
      series: [
        { name: '打卡', values: [40, 45, 50, 55, 60, 65, 70] },
        { name: '答题', values: [90, 80, 70, 60, 50, 40, 30] },
      ],
      unit: '%',
      fontSize: 20,
      offscreenCanvas,
    };
    const chart = await drawTrend(drawing);
    try {
      // F2 paints on the next frame after render() resolves.
      for (let waited = 0; recorded.texts.length === 0 && waited < 3000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      const lines = recorded.strokes.filter((s) => s.points >= DAYS.length);
      expect(lines.map((l) => l.colour)).toEqual(expect.arrayContaining(['#C8161D', '#1F5FA8']));
      const red = lines.find((l) => l.colour === '#C8161D')!;
      const blue = lines.find((l) => l.colour === '#1F5FA8')!;
      expect(red.dash.filter((n) => n > 0)).toEqual([]);
      expect(blue.dash.length).toBeGreaterThan(0);

      const labels = recorded.texts.map((t) => t.text);
      expect(labels).toEqual(expect.arrayContaining(['0%', '100%', '11-01', '11-07']));
      for (const t of recorded.texts) expect(t.font).toMatch(/\b20px\b/);
    } finally {
      chart.destroy();
    }
  });
});

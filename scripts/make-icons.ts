// Draws the five tab-bar icons (81×81 PNG, grey and red) from simple shapes and writes them to
// src/assets/tab/. WeChat's tabBar only accepts image files, so the project draws its own.
// Run: npx tsx scripts/make-icons.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePng } from '../localcloud/png';

const SIZE = 81;
const SAMPLES = 4; // 4×4 supersampling for smooth edges
const STROKE = 6;

type Shape = (x: number, y: number) => boolean;

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function ring(cx: number, cy: number, r: number, w = STROKE): Shape {
  return minus(circle(cx, cy, r), circle(cx, cy, r - w));
}

/** A thick line with round ends. */
function line(x1: number, y1: number, x2: number, y2: number, w = STROKE): Shape {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len2));
    const px = x1 + t * dx - x;
    const py = y1 + t * dy - y;
    return px * px + py * py <= (w / 2) ** 2;
  };
}

/** A closed outline through the points, drawn with round joins. */
function outline(points: Array<[number, number]>, w = STROKE): Shape {
  const segs = points.map((p, i) => {
    const q = points[(i + 1) % points.length];
    return line(p[0], p[1], q[0], q[1], w);
  });
  return union(...segs);
}

function polygon(points: Array<[number, number]>): Shape {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

function roundRect(x0: number, y0: number, w: number, h: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || y < y0 || x > x0 + w || y > y0 + h) return false;
    const cx = Math.max(x0 + r, Math.min(x, x0 + w - r));
    const cy = Math.max(y0 + r, Math.min(y, y0 + h - r));
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function roundRectStroke(x0: number, y0: number, w: number, h: number, r: number, s = STROKE): Shape {
  return minus(roundRect(x0, y0, w, h, r), roundRect(x0 + s, y0 + s, w - 2 * s, h - 2 * s, Math.max(0, r - s)));
}

const ICONS: Record<string, Shape> = {
  // 首页: a house with a door
  home: union(
    outline([
      [14, 38],
      [40.5, 14],
      [67, 38],
    ]),
    union(line(20, 36, 20, 68), line(61, 36, 61, 68), line(20, 68, 61, 68)),
    roundRect(34, 48, 13, 20, 2),
  ),
  // 学习: an open book
  study: union(
    outline([
      [10, 20],
      [30, 18],
      [40.5, 24],
      [40.5, 64],
      [30, 59],
      [10, 61],
    ]),
    outline([
      [71, 20],
      [51, 18],
      [40.5, 24],
      [40.5, 64],
      [51, 59],
      [71, 61],
    ]),
  ),
  // 答题: a sheet with a tick and lines
  quiz: union(
    roundRectStroke(16, 10, 49, 61, 8),
    line(26, 30, 33, 37, 5),
    line(33, 37, 46, 24, 5),
    line(27, 49, 54, 49, 5),
    line(27, 59, 46, 59, 5),
  ),
  // 活动: a flag on a pole
  activity: union(
    line(20, 12, 20, 70),
    polygon([
      [20, 13],
      [64, 13],
      [54, 26],
      [64, 39],
      [20, 39],
    ]),
  ),
  // 我的: head and shoulders
  mine: union(
    ring(40.5, 26, 13),
    minus(
      minus(circle(40.5, 76, 29), circle(40.5, 76, 29 - STROKE)),
      (_x, y) => y > 71,
    ),
    line(12.5, 71, 68.5, 71),
  ),
};

const COLOURS: Record<string, [number, number, number]> = {
  normal: [0x75, 0x75, 0x75],
  active: [0xc8, 0x16, 0x1d],
};

function png(shape: Shape, [r, g, b]: [number, number, number]): Buffer {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    const rowStart = y * (SIZE * 4 + 1);
    raw[rowStart] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          if (shape(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)) hits++;
        }
      }
      const o = rowStart + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES));
    }
  }
  return encodePng(SIZE, SIZE, 6, raw);
}

const outDir = path.resolve(__dirname, '..', 'src', 'assets', 'tab');
mkdirSync(outDir, { recursive: true });
for (const [name, shape] of Object.entries(ICONS)) {
  for (const [variant, colour] of Object.entries(COLOURS)) {
    const file = path.join(outDir, `${name}${variant === 'active' ? '-active' : ''}.png`);
    writeFileSync(file, png(shape, colour));
    console.log(path.relative(process.cwd(), file));
  }
}

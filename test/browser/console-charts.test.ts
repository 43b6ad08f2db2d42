// The console's charts in headless Chromium on the H5 build (issue 17), through 图表样例 (the H5-only
// page that shows both charts over fixed sample data): the trend chart drew on its canvas, party
// red first, with its legend as text; each bar's width is its share of the track; an empty chart
// says 暂无数据; and both follow 大字模式 and a change of width. A page opened over another with the
// same charts (Taro's H5 keeps the page below in the DOM, hidden) draws its own.
import type { Page } from 'playwright-core';
import { startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { eventually, shown } from '../helpers/ui';

jest.setTimeout(90_000);

let env: BrowserEnv;

beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);

afterAll(async () => {
  await env?.close();
});

interface CanvasPixels {
  width: number;
  height: number;
  styleWidth: number;
  /** Pixels not left transparent. */
  painted: number;
  /** Pixels of party red (#C8161D), give or take antialiasing. */
  red: number;
}

async function canvasPixels(page: Page, id: string): Promise<CanvasPixels> {
  return shown(page, `#${id} canvas`).evaluate((el) => {
    const canvas = el as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    let red = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      painted += 1;
      if (Math.abs(data[i] - 0xc8) < 24 && data[i + 1] < 60 && data[i + 2] < 70 && data[i + 3] > 200) red += 1;
    }
    return { width: canvas.width, height: canvas.height, styleWidth: canvas.getBoundingClientRect().width, painted, red };
  });
}

/** Each bar's fill width over its track width, in the order shown. */
async function barShares(page: Page, id: string): Promise<number[]> {
  const rows = page.locator(`#${id}:visible .chart-bars__row`);
  const shares: number[] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const [track, fill] = await Promise.all([rows.nth(i).locator('.chart-bars__track').boundingBox(), rows.nth(i).locator('.chart-bars__fill').boundingBox()]);
    shares.push(fill!.width / track!.width);
  }
  return shares;
}

async function fontSize(page: Page, selector: string): Promise<number> {
  return shown(page, selector).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

describe('the console charts', () => {
  it('draw bars and lines, say 暂无数据 when empty, and follow 大字模式 and the width', async () => {
    const { context, page } = await env.open();
    try {
      await page.locator('#login-member').click();
      await page.getByText('王秀英').first().waitFor();
      await page.goto(`${env.t.cloud.url}/#/subpackages/console/charts/preview`);
      await shown(page, '#preview-trend canvas').waitFor();

      // The trend chart drew: a good part of the canvas is painted, the first series in party red.
      let pixels!: CanvasPixels;
      await eventually(async () => {
        pixels = await canvasPixels(page, 'preview-trend');
        expect(pixels.painted).toBeGreaterThan(pixels.width * pixels.height * 0.02);
        expect(pixels.red).toBeGreaterThan(200);
      });
      // Sharp on a 2x screen: the backing store is twice the laid-out size.
      expect(pixels.width).toBe(Math.round(pixels.styleWidth * 2));

      // The legend is text, one key per series, in order.
      await expect(shown(page, '#preview-trend').locator('.chart-trend__name').allInnerTexts()).resolves.toEqual(['打卡', '答题', '考试']);

      // Bars: 80, 40 and 20 of 100; and 30, 15 and 60 people against the largest, 60.
      const rates = await barShares(page, 'preview-rates');
      expect(rates.map((r) => Math.round(r * 100))).toEqual([80, 40, 20]);
      const counts = await barShares(page, 'preview-counts');
      expect(counts.map((r) => Math.round(r * 100))).toEqual([50, 25, 100]);
      await expect(shown(page, '#preview-rates').innerText()).resolves.toMatch(/第一支部[\s\S]*8\/10 人[\s\S]*80%/);
      await expect(shown(page, '#preview-counts').innerText()).resolves.toContain('60人');

      // Empty data: a plain 暂无数据, no canvas.
      await expect(shown(page, '#preview-trend-empty').innerText()).resolves.toBe('暂无数据');
      await expect(page.locator('#preview-trend-empty canvas').count()).resolves.toBe(0);
      await expect(shown(page, '#preview-bars-empty').innerText()).resolves.toBe('暂无数据');

      // Reading text at 16 px or more.
      for (const sel of ['#preview-rates .chart-bars__label', '#preview-rates .chart-bars__note', '#preview-rates .chart-bars__value', '#preview-trend .chart-trend__name']) {
        expect(await fontSize(page, sel)).toBeGreaterThanOrEqual(16);
      }
      const normalHeight = pixels.height;

      // 大字模式: the text grows to 20 px and the canvas is drawn taller, for its larger labels.
      await shown(page, '#chart-preview-senior').click();
      await shown(page, '.shell--senior').waitFor();
      for (const sel of ['#preview-rates .chart-bars__label', '#preview-rates .chart-bars__value', '#preview-trend .chart-trend__name']) {
        expect(await fontSize(page, sel)).toBeGreaterThanOrEqual(20);
      }
      await eventually(async () => {
        const senior = await canvasPixels(page, 'preview-trend');
        expect(senior.height).toBeGreaterThan(normalHeight);
        expect(senior.red).toBeGreaterThan(200);
      });

      // A narrower window: the chart is drawn again at the new width, and the bars keep their shares.
      await page.setViewportSize({ width: 320, height: 667 });
      await eventually(async () => {
        const narrow = await canvasPixels(page, 'preview-trend');
        expect(narrow.styleWidth).toBeLessThan(pixels.styleWidth);
        expect(narrow.width).toBe(Math.round(narrow.styleWidth * 2));
        expect(narrow.red).toBeGreaterThan(200);
      });
      expect((await barShares(page, 'preview-rates')).map((r) => Math.round(r * 100))).toEqual([80, 40, 20]);

      await shown(page, '#chart-preview-senior').click(); // leave the preference as found

      // The same page opened over itself: its chart finds its own canvas, not the hidden one below.
      await shown(page, '#chart-preview-again').click();
      await eventually(async () => {
        await expect(page.locator('#preview-trend canvas').count()).resolves.toBe(2);
      });
      await eventually(async () => {
        const again = await canvasPixels(page, 'preview-trend');
        expect(again.styleWidth).toBeGreaterThan(0);
        expect(again.width).toBe(Math.round(again.styleWidth * 2));
        expect(again.red).toBeGreaterThan(200);
      });
    } finally {
      await context.close();
    }
  });
});

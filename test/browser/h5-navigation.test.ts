// Every sub-page of the web app has a title bar and 返回 (issue 19), in headless Chromium at
// 375×667: opened from a tab, 返回 goes back to it; opened directly by its address (a link, a
// scanned code), 返回 goes to 首页. The title is the page's configured title, or the one the page
// sets while showing, and stays with its page when another page sets its own. The bar's text is
// 16 px or more (20 px in 大字模式) and 返回 is at least 44×44 px (test/helpers/measure.ts); the
// bar is part of the page's flow, not fixed over it. Tab pages have no bar.
import type { BrowserContext, Page } from 'playwright-core';
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { measure, settled, TRACK_TAPS } from '../helpers/measure';
import { eventually, openTab, shown } from '../helpers/ui';

jest.setTimeout(120_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);
afterAll(async () => {
  await env?.close();
});

/** A page's navigationBarTitleText, read from its config as the build reads it. */
function configTitle(page: string): string {
  (globalThis as { definePageConfig?: (c: unknown) => unknown }).definePageConfig = (c) => c;
  const config = (require(`../../src/${page}.config`) as { default: { navigationBarTitleText: string } }).default;
  return config.navigationBarTitleText;
}

/** The page being shown, by the path in the address (hash routing). */
function shownPath(page: Page): string {
  return new URL(page.url()).hash.replace(/^#\/?/, '').split('?')[0];
}

/** 首页 is showing: its address and the tab bar, with no title bar. */
async function onHome(page: Page): Promise<void> {
  await eventually(async () => expect(shownPath(page)).toBe('pages/home/index'));
  await shown(page, '.app-tabbar').waitFor();
  // The page left is hidden by a timer of Taro's router (at once: the web app has no page slide).
  await eventually(async () => expect(await page.locator('#title-bar:visible').count()).toBe(0));
}

async function titleOf(page: Page): Promise<string> {
  return (await shown(page, '#title-bar-title').innerText()).trim();
}

/** A fresh visitor signed in as `who`, with taps counted for measure(). */
async function signedIn(who: 'member' | 'admin'): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await env.open();
  await context.addInitScript(TRACK_TAPS);
  await page.reload();
  await page.locator(`#login-${who}`).click();
  await onHome(page);
  return { context, page };
}

/** Opens an address as a new visit (a full load, as a link or a scanned code would). */
async function openDirectly(page: Page, path: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${env.t.cloud.url}/#/${path}`);
}

/** The bar's own text and taps measured at the mode's limits; the bar is in the page's flow. */
async function checkBar(page: Page, limits: { minFont: number; minTap: number }): Promise<void> {
  await settled(page);
  const bar = shown(page, '#title-bar');
  await expect(bar.evaluate((el) => getComputedStyle(el).position)).resolves.toBe('static');
  const m = await measure(page, limits);
  const inBar = (where: string) => where.includes('title-bar');
  expect(m.small.filter((p) => inBar(p.where))).toEqual([]);
  expect(m.tiny.filter((p) => inBar(p.where))).toEqual([]);
  // The bar was measured: its title, 返回 and the arrow, and 返回 as a tap target.
  const back = await shown(page, '#title-bar-back').boundingBox();
  expect(back!.width).toBeGreaterThanOrEqual(limits.minTap);
  expect(back!.height).toBeGreaterThanOrEqual(limits.minTap);
  const sizes = await bar.evaluate((el) => Array.from(el.querySelectorAll('*')).filter((e) => e.childElementCount === 0 && (e.textContent ?? '').trim() !== '').map((e) => parseFloat(getComputedStyle(e).fontSize)));
  expect(sizes.length).toBeGreaterThanOrEqual(3);
  sizes.forEach((px) => expect(px).toBeGreaterThanOrEqual(limits.minFont));
}

describe('the title bar and 返回', () => {
  it('opened from a tab: shows the page’s title, 返回 goes back to the tab; tabs have no bar', async () => {
    const { context, page } = await signedIn('member');
    try {
      await openTab(page, '我的');
      await shown(page, '#go-points').click();
      await eventually(async () => expect(await titleOf(page)).toBe(configTitle('subpackages/points/mine')));
      expect(shownPath(page)).toBe('subpackages/points/mine');
      await eventually(async () => expect(await page.locator('.app-tabbar:visible').count()).toBe(0));
      await checkBar(page, { minFont: 16, minTap: 44 });
      await shot(page, 'h5-title-bar');

      // One page further and back again, one page at a time.
      await shown(page, '#points-go-rules').click();
      await eventually(async () => expect(await titleOf(page)).toBe(configTitle('subpackages/points/rules')));
      await shown(page, '#title-bar-back').click();
      await eventually(async () => expect(shownPath(page)).toBe('subpackages/points/mine'));
      await eventually(async () => expect(await titleOf(page)).toBe(configTitle('subpackages/points/mine')));
      await shown(page, '#title-bar-back').click();
      await shown(page, '#go-points').waitFor();
      expect(shownPath(page)).toBe('pages/mine/index');
      await eventually(async () => expect(await page.locator('#title-bar:visible').count()).toBe(0));
    } finally {
      await context.close();
    }
  });

  it('opened by its address: 返回 goes to 首页, in 大字模式 too', async () => {
    const { context, page } = await signedIn('member');
    try {
      await openTab(page, '我的');
      await shown(page, '#senior-switch').click();
      await shown(page, '.shell--senior').waitFor();

      await openDirectly(page, 'subpackages/points/rules');
      await eventually(async () => expect(await titleOf(page)).toBe(configTitle('subpackages/points/rules')));
      await shown(page, '.shell--senior #title-bar').waitFor();
      await checkBar(page, { minFont: 20, minTap: 44 });
      await shot(page, 'h5-title-bar-senior');

      await shown(page, '#title-bar-back').click();
      await onHome(page);
    } finally {
      await context.close();
    }
  });

  it('going back as soon as a page shows, by the browser or by 返回, shows the tab page again (not a blank screen)', async () => {
    // Taro's H5 router shades the page it leaves when its slide-in timer ends; with the slide on, a
    // back within that time showed the tab page and then the timer shaded it: a blank screen (a
    // fast member, a double tap). The web app has no page slide (src/app.config.ts).
    const { context, page } = await signedIn('member');
    try {
      // Switch tabs first, so 我的 is a cached tab page, as after any tab switch.
      for (const [tab, path] of [['我的', 'pages/mine/index'], ['学习', 'pages/study/index'], ['我的', 'pages/mine/index']] as const) {
        await openTab(page, tab);
        await eventually(async () => expect(shownPath(page)).toBe(path));
        // The tab's page is drawn (its own bar marks it), not only addressed.
        await page.locator('.app-tabbar__item--on:visible', { hasText: tab }).waitFor();
      }
      await shown(page, '#go-points').waitFor();
      for (const how of ['browser', '返回'] as const) {
        await shown(page, '#go-points').click();
        await eventually(async () => expect(shownPath(page)).toBe('subpackages/points/mine'));
        // Drawn, then back at once: well inside the slide's 300 ms.
        await eventually(async () => expect(await titleOf(page)).toBe(configTitle('subpackages/points/mine')));
        if (how === 'browser') await page.goBack();
        else await shown(page, '#title-bar-back').click();
        await eventually(async () => expect(shownPath(page)).toBe('pages/mine/index'));
        // Past any transition timer: 我的 is still the page on screen.
        await page.waitForTimeout(1_000);
        await shown(page, '#go-points').waitFor({ timeout: 2_000 });
        await expect(page.locator('.taro_page:visible').count()).resolves.toBe(1);
      }
    } finally {
      await context.close();
    }
  });

  it('takes the title a page sets while showing, and each page keeps its own', async () => {
    const { context, page } = await signedIn('admin');
    try {
      await openDirectly(page, 'subpackages/exam-admin/bank');
      await eventually(async () => expect(await titleOf(page)).toBe(configTitle('subpackages/exam-admin/bank')));
      await shown(page, '#bank-new').click();
      // The question page's config says 编辑题目; a new question sets 新增题目 when it opens.
      expect(configTitle('subpackages/exam-admin/question')).not.toBe('新增题目');
      await eventually(async () => expect(await titleOf(page)).toBe('新增题目'));
      expect(shownPath(page)).toBe('subpackages/exam-admin/question');

      await shown(page, '#title-bar-back').click();
      await eventually(async () => expect(shownPath(page)).toBe('subpackages/exam-admin/bank'));
      await eventually(async () => expect(await titleOf(page)).toBe(configTitle('subpackages/exam-admin/bank')));
      // The bank was opened directly: its 返回 goes to 首页.
      await shown(page, '#title-bar-back').click();
      await onHome(page);
    } finally {
      await context.close();
    }
  });

  it('on the sign-in page, shows the title and no 返回 that would only lead back to it', async () => {
    const { context, page } = await env.open();
    try {
      await page.locator('#login-member').waitFor();
      await eventually(async () => expect(await titleOf(page)).toBe(configTitle('pages/login/index')));
      await expect(shown(page, '#title-bar-back').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });
});

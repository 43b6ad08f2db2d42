// 大字模式 and the standard sizes, measured in headless Chromium at 375×667 (issue 17): on 首页, the
// four other tabs, an exam's intro, its 开始答题 warning and a feed post, every visible piece of
// text is at least 16 px (20 px in 大字模式, where body and secondary lines alike are 20 px or more)
// and everything that answers a tap is at least 44×44 px. The tab bar and the warning are the
// app's own, so they are measured with the page. 大字模式 also keeps 首页 to today's tasks and the
// four entries. A multi-line text box takes a tap anywhere in its frame.
import type { Page } from 'playwright-core';
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { dataOf } from '../helpers/cloud';
import { measure, settled, TRACK_TAPS } from '../helpers/measure';
import { openTab, shown } from '../helpers/ui';
import { seedDemoContent } from '../../scripts/lib/demo-content';

jest.setTimeout(180_000);

const ADMIN = 'demo-admin';
const TITLE = '字号测试考试';
const LIMITS = {
  normal: { minFont: 16, minTap: 44 },
  senior: { minFont: 20, minTap: 44 },
};
type Mode = keyof typeof LIMITS;
/** Pages kept in docs/screenshots in both modes (`npm run screenshots`). */
const SHOTS = new Set(['home', 'study', 'exam-intro', 'exam-start-dialog', 'feed-post']);

let env: BrowserEnv;
let examId: string;

beforeAll(async () => {
  env = await startBrowserEnv();
  const t = env.t;
  await seedDemoContent(t.cloud, t.db); // events and posts, so cards and post lines are on the pages
  dataOf(await t.call(ADMIN, 'exam', 'installSeedBank', {}));
  const now = Date.now();
  const saved = dataOf(
    await t.call<{ id: string }>(ADMIN, 'exam', 'saveExam', {
      exam: { title: TITLE, unitIds: ['br-retired'], opensAt: now - 60_000, closesAt: now + 3 * 86_400_000, durationMinutes: 60, paper: { mode: 'rules', rules: [{ type: 'judge', tag: null, count: 2 }] }, passScore: 1 },
    }),
  );
  examId = saved.id;
  dataOf(await t.call(ADMIN, 'exam', 'publishExam', { examId }));
}, 300_000);

afterAll(async () => {
  await env?.close();
});

/** What each page measured under the limits; all pages are walked, then this must be empty. */
const problems: Array<{ page: string; mode: Mode; small: unknown[]; tiny: unknown[] }> = [];

/** Measures the page being shown and keeps its problems, named by page and mode. */
async function check(page: Page, mode: Mode, name: string): Promise<void> {
  await settled(page);
  const m = await measure(page, LIMITS[mode]);
  if (SHOTS.has(name)) await shot(page, `size-${mode}-${name}`);
  if (m.small.length > 0 || m.tiny.length > 0) problems.push({ page: name, mode, small: m.small, tiny: m.tiny });
  expect(m.texts).toBeGreaterThan(5);
  expect(m.targets).toBeGreaterThan(0);
}

async function walk(page: Page, mode: Mode): Promise<void> {
  await openTab(page, '首页');
  await shown(page, '#today-tasks').waitFor();
  await check(page, mode, 'home');
  if (mode === 'senior') {
    // Today's tasks and the four entries, nothing else.
    await expect(shown(page, '#home-feed').count()).resolves.toBe(0);
    for (const id of ['entry-quiz', 'entry-study', 'entry-exam', 'entry-activity']) await shown(page, `#${id}`).waitFor();
    // The feed stays one tap away: the row opens it below, at the same sizes.
    await shown(page, '#home-feed-open').click();
    await shown(page, '#home-feed').waitFor();
    await check(page, mode, 'home-feed');
    await expect(shown(page, '#home-feed-open').count()).resolves.toBe(0);
  }

  await openTab(page, '学习');
  await shown(page, '#checkin-submit, #checkin-done').waitFor();
  await check(page, mode, 'study');

  await openTab(page, '答题');
  await shown(page, `#exam-${examId}`).waitFor();
  await check(page, mode, 'answer');

  await openTab(page, '活动');
  await shown(page, '[id^="event-card-"]').waitFor();
  await check(page, mode, 'activity');

  await openTab(page, '我的');
  await shown(page, '#senior-switch').waitFor();
  await check(page, mode, 'mine');

  // An exam's intro: each label stands apart from its value (no "答题时长60 分钟").
  await openTab(page, '答题');
  await shown(page, `#exam-${examId}`).click();
  await shown(page, '#exam-start').waitFor();
  await check(page, mode, 'exam-intro');
  const duration = shown(page, '#exam-fact-duration');
  const labelEl = duration.locator('.exam-fact__label');
  const [label, value] = await Promise.all([labelEl.boundingBox(), duration.locator('.exam-fact__value').boundingBox()]);
  expect(label && value).toBeTruthy();
  // The label's text fits its box, and the value sits beside it with a gap or on a line below.
  await expect(labelEl.evaluate((el) => el.scrollWidth <= el.clientWidth)).resolves.toBe(true);
  expect(value!.x >= label!.x + label!.width + 8 || value!.y >= label!.y + label!.height - 1).toBe(true);

  // The warning before the timer starts is the app's own dialog, at the page's sizes.
  await shown(page, '#exam-start').click();
  const dialog = shown(page, '#confirm-dialog');
  await dialog.waitFor();
  await expect(dialog.innerText()).resolves.toContain('开始后计时不会暂停');
  await check(page, mode, 'exam-start-dialog');
  await shown(page, '#confirm-dialog-cancel').click();
  await dialog.waitFor({ state: 'hidden' });
  await page.goBack();

  // A feed post, by its address (the feed is not on 首页 in 大字模式).
  const posts = (await env.t.cloud.db.find('posts', {}, {})) as unknown as Array<{ _id: string; status: string }>;
  const post = posts.find((p) => p.status === 'published');
  expect(post).toBeDefined();
  await page.goto(`${env.t.cloud.url}/#/subpackages/feed/post?id=${post!._id}`);
  await shown(page, '#post-title').waitFor();
  await check(page, mode, 'feed-post');
  // The comment box answers a tap anywhere in its frame: the text area fills the box drawn.
  const box = await shown(page, '#comment-input').boundingBox();
  const area = await shown(page, '#comment-input textarea').boundingBox();
  expect(box && area).toBeTruthy();
  // Within the box's 1 px border on each side.
  const edges = (r: { x: number; y: number; width: number; height: number }) => [r.x, r.y, r.x + r.width, r.y + r.height];
  edges(area!).forEach((v, i) => expect(Math.abs(v - edges(box!)[i])).toBeLessThanOrEqual(2));
  await shown(page, '#comment-input').click({ position: { x: box!.width / 2, y: box!.height - 6 } });
  await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('TEXTAREA');
  await page.goto(`${env.t.cloud.url}/#/pages/home/index`);
  await shown(page, '#today-tasks').waitFor();
}

describe('font sizes and tap targets', () => {
  it('meet the limits on the main pages in the standard mode and in 大字模式', async () => {
    const { context, page } = await env.open();
    try {
      await context.addInitScript(TRACK_TAPS);
      await page.reload();
      await page.locator('#login-member').click();
      await page.getByText('王秀英').first().waitFor();
      await walk(page, 'normal');

      await openTab(page, '我的');
      await shown(page, '#senior-switch').click();
      await shown(page, '.shell--senior').waitFor();
      await walk(page, 'senior');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

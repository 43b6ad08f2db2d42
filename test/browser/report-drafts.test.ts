// Reports from the work itself in headless Chromium (issue 18): once an exam has closed, the org
// admin taps 生成考试总结 on its 考试情况 page, reads the draft as plain paragraphs with the
// figures, and opens it in the feed's editor as text to finish — no markup anywhere on screen.
// (The event's 生成活动报道 is walked in event-journey.test.ts.)
import type { BrowserContext, Page } from 'playwright-core';
import { correctAnswers } from '../../scripts/lib/demo-exams';
import { startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { dataOf } from '../helpers/cloud';
import { eventually, shown } from '../helpers/ui';

jest.setTimeout(240_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);
afterAll(async () => {
  env?.t.cloud.clock.reset();
  await env?.close();
});

const MIN = 60_000;
const TITLE = '总结测试：党章党规知识测试';
const MARKUP = /<\/?[a-z][^>]*>|&[a-z]+;/i;
const text = (page: Page, selector: string) => shown(page, selector).innerText();
const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await env.t.call<T>(openid, 'exam', action, payload));

async function signInAsAdmin(): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await env.open();
  await page.locator('#login-admin').click();
  await page.getByText('张伟').first().waitFor();
  return { context, page };
}

it('after an exam closes, 生成考试总结 drafts its figures as plain paragraphs and opens them in the feed editor', async () => {
  const t0 = Math.ceil((Date.now() + 60 * MIN) / MIN) * MIN;
  env.t.cloud.clock.set(t0);
  await ok('demo-admin', 'installSeedBank');
  const paper = (env.t.cloud.db.find('questions', { type: 'single' }) as unknown as Array<{ _id: string }>)
    .map((d) => d._id)
    .sort()
    .slice(0, 4);
  const saved = await ok<{ id: string }>('demo-admin', 'saveExam', {
    exam: { title: TITLE, unitIds: ['br-office', 'br-school'], opensAt: t0 - MIN, closesAt: t0 + 60 * MIN, durationMinutes: 20, passScore: 1, shuffleQuestions: false, paper: { mode: 'fixed', questionIds: paper } },
  });
  const examId = saved.id;
  await ok('demo-admin', 'publishExam', { examId });
  for (const [who, right] of [
    ['demo-m-02', 4],
    ['demo-m-03', 0],
    ['demo-m-12', 2],
  ] as const) {
    const view = await ok<{ attemptId: string }>(who, 'startExam', { examId });
    await ok(who, 'submitAttempt', { attemptId: view.attemptId, answers: correctAnswers(env.t.cloud.db, view.attemptId).slice(0, right) });
  }

  const { context, page } = await signInAsAdmin();
  // Open: no report card yet.
  await page.goto(`${env.t.cloud.url}/#/subpackages/exam-admin/stats?id=${examId}`);
  await shown(page, '#stats-head').waitFor();
  await expect(page.locator('#stats-report:visible').count()).resolves.toBe(0);

  env.t.cloud.clock.set(t0 + 61 * MIN);
  await page.reload();
  await shown(page, '#stats-report').click();
  await shown(page, '#stats-report-draft').waitFor();
  const drafted = await text(page, '#stats-report-draft');
  expect(drafted).toContain(`考试｜${TITLE}`);
  expect(drafted).toContain('应考20人，实考3人，参考率15%；及格2人，及格率67%');
  expect(drafted).toContain('各支部情况：机关第一党支部参考率20%（2/10人），及格率50%；实验中学党支部参考率10%（1/10人），及格率100%。');
  expect(drafted).toContain('答错较多的题目：');
  expect(drafted).not.toMatch(MARKUP);

  await shown(page, '#stats-report-open').click();
  await eventually(async () => expect(shown(page, '#editor-body textarea').inputValue()).resolves.toContain('及格率67%'));
  const body = await shown(page, '#editor-body textarea').inputValue();
  expect(body).not.toMatch(MARKUP);
  expect(body.split('\n').pop()).toMatch(/^【请补充：.+】$/);
  await expect(text(page, '#editor-status')).resolves.toContain('由考试自动生成的草稿');
  await expect(shown(page, '#editor-title input').inputValue()).resolves.toBe(`考试｜${TITLE}`);
  await expect(text(page, '#editor-form')).resolves.not.toMatch(/<\/?p>/);
  // The closing prompt still there: publishing says so instead of sending it to members.
  await shown(page, '#post-publish').click();
  await eventually(async () => expect(text(page, '#editor-error')).resolves.toContain('【请补充：…】'));
  await context.close();
});

// The regrade journey in headless Chromium (issue 15): an exam whose first question was pinned
// with the wrong option; two members hand in; the org admin opens 更正答案并重新评分 from the
// exam's statistics, picks the question, sets the right option, reads the preview, gives a reason
// and confirms; 考试情况 then shows the pass count and the 重新评分记录, and the member's result
// says 本题答案已更正，成绩已重新计算. Then the same from a member's 纠错 report: the report's
// 更正答案并重新评分 link, the preview, the confirmation, the report closed as 已修改 with a reply.
import type { AttemptResult, AttemptView, ExamStatsView } from '../../core/contracts/exam';
import { correctAnswers } from '../../scripts/lib/demo-exams';
import { startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { dataOf } from '../helpers/cloud';
import { eventually, fill, shown } from '../helpers/ui';

jest.setTimeout(240_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);
afterAll(async () => {
  await env?.close();
});

interface Stored {
  _id: string;
  options: string[];
  answer: number[];
}

const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await env.t.call<T>(openid, 'exam', action, payload));

/** 王秀英 opens her result and reads that the key was corrected: 4 → 6 分, now passed. */
async function memberIsTold(attemptId: string) {
  const member = await env.open();
  await member.page.locator('#login-member').click();
  await member.page.getByText('王秀英').first().waitFor();
  await member.page.goto(`${env.t.cloud.url}/#/subpackages/exam/result?attemptId=${attemptId}`);
  await expect(shown(member.page, '#result-regrade').innerText()).resolves.toMatch(/本题答案已更正，成绩已重新计算[\s\S]*由 4 分改为 6 分，现已通过/);
  await member.context.close();
}

describe('organiser, regrade after a wrong key', () => {
  it('corrects the key from the statistics page, sees the preview, confirms, and the member is told', async () => {
    await ok('demo-admin', 'installSeedBank');
    const singles = (env.t.cloud.db.find('questions', { type: 'single' }) as unknown as Stored[]).filter((q) => q.options.length === 4).sort((a, b) => a._id.localeCompare(b._id)).slice(0, 3);
    const q0 = singles[0];
    const fixedOption = (q0.answer[0] + 1) % 4;
    const now = env.t.cloud.clock.now();
    const saved = await ok<{ id: string }>('demo-admin', 'saveExam', {
      exam: { title: '浏览器测试：答案更正', unitIds: ['br-retired'], opensAt: now - 60_000, closesAt: now + 3_600_000, durationMinutes: 30, paper: { mode: 'fixed', questionIds: singles.map((q) => q._id) }, passScore: 6, shuffleQuestions: false },
    });
    const examId = saved.id;
    await ok('demo-admin', 'publishExam', { examId });
    // 王秀英 chose the option that is really right (4 → 6 points, now passing); 郑桂兰 the pinned one (6 → 4).
    const take = async (openid: string, fixed: boolean) => {
      const view = await ok<AttemptView>(openid, 'startExam', { examId });
      const order = (env.t.cloud.db.find('examAttempts', { _id: view.attemptId })[0] as unknown as { paper: Array<{ qid: string; order: number[] }> }).paper[0].order;
      const answers = correctAnswers(env.t.cloud.db, view.attemptId).map((a) => (a.qid === q0._id && fixed ? { qid: a.qid, choice: [order.indexOf(fixedOption)] } : a));
      return ok<AttemptResult>(openid, 'submitAttempt', { attemptId: view.attemptId, answers });
    };
    const mine = await take('demo-member', true);
    expect(mine).toMatchObject({ score: 4, passed: false });
    expect(await take('demo-m-23', false)).toMatchObject({ score: 6, passed: true });
    const index = (await ok<ExamStatsView>('demo-admin', 'examStats', { examId })).questions.find((q) => q.qid === q0._id)?.index;

    const { context, page } = await env.open();
    await page.locator('#login-admin').click();
    await page.getByText('张伟').first().waitFor();
    await page.goto(`${env.t.cloud.url}/#/subpackages/exam-admin/stats?id=${examId}`);
    await shown(page, '#stats-regrade').click();
    await shown(page, `#regrade-pick-${index}`).click();
    await expect(shown(page, '#regrade-current').innerText()).resolves.toContain(`${'ABCD'[q0.answer[0]]}. ${q0.options[q0.answer[0]]}`);
    await shown(page, '#regrade-answer').getByText('ABCD'[fixedOption], { exact: false }).click();
    await shown(page, '#regrade-preview').click();
    await expect(shown(page, '#regrade-summary').innerText()).resolves.toContain('2 份答卷中，2 份分数变化；及格人数 1 → 1');
    await fill(page, 'regrade-reason', '标准答案录错了');
    await shown(page, '#regrade-confirm').click();
    await eventually(async () => expect(env.t.cloud.db.count('examRegrades', { examId })).toBe(1));
    // Back on 考试情况: one passes (王秀英 now, 郑桂兰 no longer), and the regrade is on record.
    await expect(shown(page, '#stats-cell-all-passed').innerText()).resolves.toBe('1');
    await expect(shown(page, '#stats-regrades').innerText()).resolves.toMatch(
      new RegExp(`第 ${index} 题[\\s\\S]*原答案：${'ABCD'[q0.answer[0]]}\\. [\\s\\S]*更正为：${'ABCD'[fixedOption]}\\. [\\s\\S]*原因：标准答案录错了[\\s\\S]*2 份答卷中 2 份分数变化；及格人数 1 → 1[\\s\\S]*张伟 · `),
    );
    await context.close();

    await memberIsTold(mine.attemptId);
  });

  it('a member reports the wrong key; the org admin follows the report to 更正答案并重新评分, confirms, and the report is closed with the fix', async () => {
    const singles = (env.t.cloud.db.find('questions', { type: 'single' }) as unknown as Stored[]).filter((q) => q.options.length === 4).sort((a, b) => a._id.localeCompare(b._id)).slice(3, 6);
    const q0 = singles[0];
    const fixedOption = (q0.answer[0] + 1) % 4;
    const now = env.t.cloud.clock.now();
    const examId = (
      await ok<{ id: string }>('demo-admin', 'saveExam', {
        exam: {
          title: '浏览器测试：纠错后重新评分',
          unitIds: ['br-retired'],
          opensAt: now - 60_000,
          closesAt: now + 3_600_000,
          durationMinutes: 30,
          paper: { mode: 'fixed', questionIds: singles.map((q) => q._id) },
          passScore: 6,
          shuffleQuestions: false,
          // Members report errors in the review, which this exam shows right after submitting.
          releaseAnswers: 'after_submit',
        },
      })
    ).id;
    await ok('demo-admin', 'publishExam', { examId });
    // 王秀英 chose the option that is really right: 4 points, failing; she reports the key.
    const view = await ok<AttemptView>('demo-member', 'startExam', { examId });
    const order = (env.t.cloud.db.find('examAttempts', { _id: view.attemptId })[0] as unknown as { paper: Array<{ qid: string; order: number[] }> }).paper[0].order;
    const answers = correctAnswers(env.t.cloud.db, view.attemptId).map((a) => (a.qid === q0._id ? { qid: a.qid, choice: [order.indexOf(fixedOption)] } : a));
    const mine = await ok<AttemptResult>('demo-member', 'submitAttempt', { attemptId: view.attemptId, answers });
    expect(mine).toMatchObject({ score: 4, passed: false });
    const { reportId } = await ok<{ reportId: string }>('demo-member', 'reportQuestion', { attemptId: view.attemptId, qid: q0._id, note: `第一题的答案应该是${'ABCD'[fixedOption]}` });

    const { context, page } = await env.open();
    await page.locator('#login-admin').click();
    await page.getByText('张伟').first().waitFor();
    await page.goto(`${env.t.cloud.url}/#/subpackages/exam-admin/reports`);
    await shown(page, `#report-regrade-${reportId}`).click();
    await expect(shown(page, '#regrade-current').innerText()).resolves.toContain(`${'ABCD'[q0.answer[0]]}. ${q0.options[q0.answer[0]]}`);
    await shown(page, `#regrade-answer-${fixedOption}`).click();
    await shown(page, '#regrade-preview').click();
    await expect(shown(page, '#regrade-summary').innerText()).resolves.toContain('1 份答卷中，1 份分数变化；及格人数 0 → 1');
    await fill(page, 'regrade-reason', '党员纠错：标准答案录错了');
    await shown(page, '#regrade-confirm').click();
    // 考试情况 follows, with the new pass count.
    await expect(shown(page, '#stats-cell-all-passed').innerText()).resolves.toBe('1');
    expect(env.t.cloud.db.get('questionReports', reportId)).toMatchObject({ status: 'fixed', reply: '答案已更正，成绩已重新计算，谢谢指出' });
    await page.goto(`${env.t.cloud.url}/#/subpackages/exam-admin/reports`);
    await shown(page, '#reports-closed').click();
    await expect(shown(page, `#report-${reportId}`).innerText()).resolves.toMatch(/已修改[\s\S]*回复：答案已更正，成绩已重新计算，谢谢指出/);
    await context.close();

    await memberIsTold(mine.attemptId);
  });
});

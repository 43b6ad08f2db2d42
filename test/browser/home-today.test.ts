// 今日任务 on 首页 in headless Chromium against the H5 build (issue 16): a member sees an open exam of
// their branch, today's check-in and the daily quiz, each row one tap to its page; checks in with
// one tap on 首页; and tasks done elsewhere (the exam handed in, the quiz played, while on another
// tab) are gone when 首页 shows again.
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { dataOf } from '../helpers/cloud';
import { playRound } from '../helpers/quiz';
import { openTab, shown } from '../helpers/ui';

jest.setTimeout(90_000);

const ADMIN = 'demo-admin';
const MEMBER = 'demo-member'; // 王秀英, br-retired
const TITLE = '首页任务测试';

let env: BrowserEnv;
let examId: string;

beforeAll(async () => {
  env = await startBrowserEnv();
  const t = env.t;
  dataOf(await t.call(ADMIN, 'exam', 'installSeedBank', {}));
  const now = Date.now();
  const saved = dataOf(
    await t.call<{ id: string }>(ADMIN, 'exam', 'saveExam', {
      exam: {
        title: TITLE,
        unitIds: ['br-retired'],
        opensAt: now - 60_000,
        closesAt: now + 3 * 86_400_000,
        durationMinutes: 30,
        paper: { mode: 'rules', rules: [{ type: 'judge', tag: null, count: 2 }] },
        passScore: 1,
      },
    }),
  );
  examId = saved.id;
  dataOf(await t.call(ADMIN, 'exam', 'publishExam', { examId }));
  // Another branch's exam: never on this member's list.
  const other = dataOf(
    await t.call<{ id: string }>(ADMIN, 'exam', 'saveExam', {
      exam: { title: '其他支部的考试', unitIds: ['br-school'], opensAt: now - 60_000, closesAt: now + 86_400_000, durationMinutes: 30, paper: { mode: 'rules', rules: [{ type: 'judge', tag: null, count: 2 }] }, passScore: 1 },
    }),
  );
  dataOf(await t.call(ADMIN, 'exam', 'publishExam', { examId: other.id }));
}, 240_000);

afterAll(async () => {
  await env?.close();
});

describe('今日任务 on 首页', () => {
  it('lists the exam and the check-in, opens each with one tap, checks in with one tap, and drops what is done', async () => {
    const { context, page } = await env.open();
    try {
      await page.locator('#login-member').waitFor();
      await page.locator('#login-member').click();
      await page.getByText('王秀英').first().waitFor();

      const tasks = page.locator('#today-tasks');
      const examRow = page.locator(`#today-exam-${examId}`);
      await examRow.waitFor();
      await expect(examRow.innerText()).resolves.toContain(TITLE);
      await expect(examRow.innerText()).resolves.toMatch(/截止/);
      await page.locator('#today-checkin').waitFor();
      await expect(tasks.innerText()).resolves.toContain('今天还没有打卡');
      await expect(tasks.innerText()).resolves.not.toContain('其他支部的考试');
      await page.locator('#today-quiz').waitFor();
      // The exam closes first, so it comes before the check-in and the quiz.
      const order = await tasks.locator('.today-task').evaluateAll((els) => els.map((el) => el.id));
      expect(order).toEqual([`today-exam-${examId}`, 'today-checkin', 'today-quiz']);
      await shot(page, 'home-today');

      // One tap on the exam opens its page; back on 首页 it is still there (not handed in).
      await examRow.locator('.today-task__main').click();
      await shown(page, '#exam-start').waitFor();
      await page.goBack();
      await examRow.waitFor();

      // One tap on the check-in row opens the check-in on 学习.
      await page.locator('#today-checkin .today-task__main').click();
      await shown(page, '#checkin-today').waitFor();
      await openTab(page, '首页');

      // One tap on the quiz row opens today's round at its first question.
      await page.locator('#today-quiz .today-task__main').click();
      await shown(page, '#quiz-index').filter({ hasText: '第 1 / 5 题' }).waitFor();
      await page.goBack();
      await page.locator('#today-quiz').waitFor();

      // One tap checks in: the task is gone, and 首页 says it is done.
      await page.locator('#today-checkin-quick').click();
      await page.locator('#today-checkin').waitFor({ state: 'detached' });
      await page.locator('#today-done', { hasText: '今天的学习打卡已完成' }).waitFor();
      expect(env.t.cloud.db.count('checkins', { memberId: 'demo-member-21' })).toBe(1);

      // 学习 agrees; meanwhile the exam is handed in and the quiz round opened above is finished (as
      // on their pages; answered at a script's speed, which only flags it).
      await openTab(page, '学习');
      await shown(page, '#checkin-done').waitFor();
      const attempt = dataOf(await env.t.call<{ attemptId: string }>(MEMBER, 'exam', 'startExam', { examId }));
      dataOf(await env.t.call(MEMBER, 'exam', 'submitAttempt', { attemptId: attempt.attemptId, answers: [] }));
      await playRound(env.t, MEMBER, { stepMs: 0 });

      // Back on 首页 (shown again, so reloaded): nothing left, said plainly, with what was done.
      await openTab(page, '首页');
      await examRow.waitFor({ state: 'detached' });
      await tasks.getByText('今天的任务都完成了').waitFor();
      await expect(page.locator('#today-done').innerText()).resolves.toContain(`今天已交卷：${TITLE}`);
      await expect(page.locator('#today-done').innerText()).resolves.toContain('今天的每日答题已完成');
      await expect(page.locator('#today-checkin').count()).resolves.toBe(0);
      await shot(page, 'home-today-done');
    } finally {
      await context.close();
    }
  });
});

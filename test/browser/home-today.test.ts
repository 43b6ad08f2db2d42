// 今日任务 on 首页 in headless Chromium against the H5 build (issue 16): a member sees an open exam of
// their branch, today's check-in and the daily quiz, each row one tap to its page; checks in with
// one tap on 首页; and tasks done elsewhere (the exam handed in, the quiz played, while on another
// tab) are gone when 首页 shows again. Then events signed up for today and tomorrow and a contest
// with a counting round left: each row opens its page, the contest round is played from it, and
// each is gone once done (the round played, the attendance recorded), tomorrow's event staying.
import type { EventAdminView, ManagedContest } from '../../core/contracts';
import { addDays, beijingDayKey, beijingDayStart } from '../../core/domain/time';
import { COLLECTIONS } from '../../functions/lib/collections';
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { dataOf } from '../helpers/cloud';
import type { StoredContestRound } from '../helpers/contest';
import { playRound } from '../helpers/quiz';
import { openTab, shown } from '../helpers/ui';

jest.setTimeout(90_000);

const ADMIN = 'demo-admin';
const MEMBER = 'demo-member'; // 王秀英, br-retired
const TITLE = '首页任务测试';

const HOUR = 3_600_000;
// 10:00 Beijing time of the current Beijing day on the server's clock, so that an event later today
// and one tomorrow exist whenever the test runs.
const TODAY = beijingDayKey(Date.now());
const T0 = beijingDayStart(TODAY) + 10 * HOUR;

let env: BrowserEnv;
let examId: string;

beforeAll(async () => {
  env = await startBrowserEnv();
  const t = env.t;
  t.cloud.clock.set(T0);
  dataOf(await t.call(ADMIN, 'exam', 'installSeedBank', {}));
  const now = t.cloud.clock.now();
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
  env?.t.cloud.clock.reset();
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

  it('lists events signed up for today and tomorrow and a contest with a counting round left; each opens its page and is gone once done', async () => {
    const t = env.t;
    const publishEvent = async (title: string, startsAt: number) => {
      const event = {
        kind: 'party_day',
        title,
        description: '',
        place: '党员活动室',
        signupOpensAt: t.cloud.clock.now() - HOUR,
        signupClosesAt: startsAt - HOUR,
        startsAt,
        endsAt: startsAt + 2 * HOUR,
        capacity: 0,
        waitlist: false,
        approval: false,
        unitIds: ['br-retired'],
        cancelHours: 2,
      };
      const saved = dataOf(await t.call<EventAdminView>(ADMIN, 'event', 'saveEvent', { event }));
      dataOf(await t.call(ADMIN, 'event', 'publishEvent', { eventId: saved.id }));
      dataOf(await t.call(MEMBER, 'event', 'signUp', { eventId: saved.id }));
      return saved.id;
    };
    const today = await publishEvent('今天的主题党日', beijingDayStart(TODAY) + 14.5 * HOUR);
    const tomorrow = await publishEvent('明天的党课', beijingDayStart(addDays(TODAY, 1)) + 9 * HOUR);
    const contest = { title: '首页竞赛测试', description: '', opensAt: t.cloud.clock.now(), closesAt: beijingDayStart(addDays(TODAY, 3)) + 18 * HOUR, questionsPerRound: 5, secondsPerQuestion: null, countingRounds: 1, audienceUnitId: 'org-demo', tags: [] };
    const contestId = dataOf(await t.call<ManagedContest>(ADMIN, 'quiz', 'saveContest', { contest })).contestId;
    dataOf(await t.call(ADMIN, 'quiz', 'publishContest', { contestId }));

    const { context, page } = await env.open();
    try {
      await page.locator('#login-member').click();
      await page.getByText('王秀英').first().waitFor();
      const tasks = page.locator('#today-tasks');
      const todayRow = page.locator(`#today-event-${today}`);
      const tomorrowRow = page.locator(`#today-event-${tomorrow}`);
      const contestRow = page.locator(`#today-contest-${contestId}`);
      await contestRow.waitFor();
      await expect(todayRow.innerText()).resolves.toMatch(/今天的主题党日[\s\S]*今天 14:30 开始 · 党员活动室/);
      await expect(tomorrowRow.innerText()).resolves.toMatch(/明天的党课[\s\S]*明天 09:00 开始 · 党员活动室/);
      await expect(contestRow.innerText()).resolves.toMatch(/首页竞赛测试[\s\S]*知识竞赛：还可计分 1 局，/);
      // Today's event first, then the contest's round, then tomorrow's event (a heads-up).
      const order = await tasks.locator('.today-task').evaluateAll((els) => els.map((el) => el.id));
      expect(order).toEqual([`today-event-${today}`, `today-contest-${contestId}`, `today-event-${tomorrow}`]);

      // One tap opens the event's page.
      await todayRow.locator('.today-task__main').click();
      await shown(page, '#event-name').filter({ hasText: '今天的主题党日' }).waitFor();
      await page.goBack();
      await contestRow.waitFor();

      // One tap opens the contest; its counting round is played there.
      await contestRow.locator('.today-task__main').click();
      await shown(page, '#contest-start').click();
      for (let i = 1; i <= 5; i++) {
        await shown(page, '#quiz-index').filter({ hasText: `第 ${i} / 5 题` }).waitFor();
        const rounds = t.cloud.db.find(COLLECTIONS.contestRounds, { memberId: 'demo-member-21', contestId, status: 'open' }) as unknown as StoredContestRound[];
        expect(rounds).toHaveLength(1);
        const item = rounds[0].items[i - 1];
        t.cloud.clock.set(t.cloud.clock.now() + 15_000);
        if (item.type === 'fill') {
          const boxes = page.locator('.quiz-blank:visible input');
          for (let b = 0; b < item.blanks.length; b++) await boxes.nth(b).fill(item.blanks[b][0]);
          await shown(page, '#quiz-submit').click();
        } else {
          const right = item.order.map((original, pos) => (item.answer.includes(original) ? pos : -1)).filter((p) => p >= 0);
          for (const p of right) await shown(page, `.quiz-option[data-index="${p}"]`).click();
          if (item.type === 'multiple') await shown(page, '#quiz-submit').click();
        }
        await shown(page, '#quiz-verdict').waitFor();
        await shown(page, '#contest-next').click();
      }
      await shown(page, '#contest-summary').waitFor();

      // Back on 首页: the contest is done for today; the events stay until attendance.
      await page.goBack();
      await contestRow.waitFor({ state: 'detached' });
      await page.locator('#today-done', { hasText: '今天的知识竞赛计分局已答完：首页竞赛测试' }).waitFor();
      await todayRow.waitFor();

      // The organiser records her attendance at today's event: gone, and said done; tomorrow's stays.
      t.cloud.clock.set(beijingDayStart(TODAY) + 14 * HOUR);
      dataOf(await t.call(ADMIN, 'event', 'markAttendance', { eventId: today, memberId: 'demo-member-21', attended: true, reason: '现场签到' }));
      // Away to 我的 (shown before going on: the tab bar changes under the tap) and back reloads 首页.
      await openTab(page, '我的');
      await shown(page, '#go-points').waitFor();
      await openTab(page, '首页');
      await todayRow.waitFor({ state: 'detached' });
      await page.locator('#today-done', { hasText: '已签到：今天的主题党日' }).waitFor();
      await tomorrowRow.waitFor();
      const left = await tasks.locator('.today-task').evaluateAll((els) => els.map((el) => el.id));
      expect(left).toEqual([`today-event-${tomorrow}`]);
    } finally {
      await context.close();
    }
  });
});

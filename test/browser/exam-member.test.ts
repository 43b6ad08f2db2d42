// A member takes a closed-book exam in headless Chromium against the H5 build, with the real
// `exam` function behind it: the 答题 tab, the intro, answering, a reload in the middle (answers
// saved as they went are still there), the submit confirmation naming what is unanswered, the
// result, and the review with a 纠错 note.
import type { Page } from 'playwright-core';
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { answerModal, openTab } from '../helpers/ui';
import { dataOf } from '../helpers/cloud';

jest.setTimeout(90_000);

const ADMIN = 'demo-admin';
const MEMBER = 'demo-member';
const TITLE = '党史知识浏览器测试';

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
        description: '闭卷作答，独立完成。',
        unitIds: ['br-retired'],
        opensAt: now - 60_000,
        closesAt: now + 3_600_000,
        durationMinutes: 30,
        paper: {
          mode: 'rules',
          rules: [
            { type: 'single', tag: null, count: 3 },
            { type: 'judge', tag: null, count: 2 },
          ],
        },
        passScore: 3,
        // Answers right after handing in, so the review can be checked in the same run.
        releaseAnswers: 'after_submit',
      },
    }),
  );
  examId = saved.id;
  dataOf(await t.call(ADMIN, 'exam', 'publishExam', { examId }));
}, 240_000);

afterAll(async () => {
  await env?.close();
});

/** What the phone does when the member switches to another app and back (page onHide / onShow). */
async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, state);
}

async function waitSaved(page: Page): Promise<void> {
  await page.locator('#take-save', { hasText: '已保存' }).waitFor();
}

async function stem(page: Page): Promise<string> {
  return (await page.locator('#take-stem').innerText()).trim();
}

async function chosen(page: Page): Promise<string[]> {
  return page.locator('.take-option.take-option--on').evaluateAll((els) => els.map((el) => el.getAttribute('data-index') ?? ''));
}

async function goTo(page: Page, index: number): Promise<void> {
  await page.locator('#take-sheet').click();
  await page.locator(`#sheet-item-${index}`).click();
  await page.locator('#take-index', { hasText: `第 ${index} / 5 题` }).waitFor();
}

describe('member takes an exam', () => {
  it('finds it on 答题, starts, resumes after a reload with saved answers, hands in and sees the result and review', async () => {
    const { context, page } = await env.open();
    await page.locator('#login-member').waitFor();
    await page.locator('#login-member').click();
    await page.getByText('王秀英').first().waitFor();

    // 答题 tab: the exam under 待考.
    await openTab(page, '答题');
    const card = page.locator(`#exam-${examId}`);
    await card.waitFor();
    const cardText = await card.innerText();
    expect(cardText).toContain(TITLE);
    expect(cardText).toContain('可参加');
    expect(cardText).toMatch(/共 5 题/);
    expect(cardText).toMatch(/满分 8 分/); // 3 single × 2 + 2 judge × 1
    await shot(page, 'exam-list');

    // Intro: the rules, then start with a confirmation.
    await card.click();
    const facts = page.locator('#exam-facts');
    await facts.waitFor();
    const factsText = await facts.innerText();
    expect(factsText).toContain('单选题 3 道');
    expect(factsText).toContain('判断题 2 道');
    expect(factsText).toContain('30 分钟');
    expect(factsText).toContain('交卷后即可查看答案');
    expect(factsText).toMatch(/超过 3 次将被标记/);
    await shot(page, 'exam-intro');
    // 考试提醒: consent is assumed on H5 and the credit is counted on the server.
    await page.locator('#exam-remind').click();
    await page.getByText('已开启提醒').first().waitFor();
    await page.locator('#exam-start').click();
    await answerModal(page, /30 分钟/, 'confirm');

    // Take: one question per screen, countdown from the server's clock.
    await page.locator('#take-question').waitFor();
    await expect(page.locator('#take-countdown').innerText()).resolves.toMatch(/^(29|30):\d\d$/);
    const attemptId = /attemptId=([A-Za-z0-9_-]+)/.exec(page.url())?.[1] ?? '';
    expect(attemptId).not.toBe('');

    const stems: string[] = [];
    const picks = [1, 0, 2];
    for (let i = 0; i < 3; i++) {
      await page.locator('#take-index', { hasText: `第 ${i + 1} / 5 题` }).waitFor();
      stems.push(await stem(page));
      await page.locator(`.take-option[data-index="${picks[i]}"]`).click();
      await expect(chosen(page)).resolves.toEqual([String(picks[i])]);
      await page.locator('#take-next').click();
    }
    await waitSaved(page);
    await expect(page.locator('#take-answered').innerText()).resolves.toContain('已答 3 / 5 题');
    await shot(page, 'exam-take');

    // The answers reached the server as the member went.
    const saved = dataOf(await env.t.call<{ answers: Record<string, { choice?: number[] }> }>(MEMBER, 'exam', 'getAttempt', { attemptId }));
    expect(Object.values(saved.answers).map((a) => a.choice)).toEqual(expect.arrayContaining([[1], [0], [2]]));

    // Reload in the middle: the same paper comes back, open at the first unanswered question,
    // with the saved answers shown.
    await page.reload();
    await page.locator('#take-index', { hasText: '第 4 / 5 题' }).waitFor();
    await expect(page.locator('#take-answered').innerText()).resolves.toContain('已答 3 / 5 题');
    for (let i = 0; i < 3; i++) {
      await goTo(page, i + 1);
      await expect(stem(page)).resolves.toBe(stems[i]);
      await expect(chosen(page)).resolves.toEqual([String(picks[i])]);
    }

    // Leaving the page (another app, a chat) is reported; coming back shows a gentle warning.
    const before = Number(env.t.cloud.db.get('examAttempts', attemptId)?.switchCount ?? 0);
    await setVisibility(page, 'hidden');
    await setVisibility(page, 'visible');
    await answerModal(page, /已离开答题页面 \d+ 次，超过 3 次将被标记/, 'confirm');
    expect(env.t.cloud.db.get('examAttempts', attemptId)?.switchCount).toBe(before + 1);

    // Question 4 (判断题), then try to hand in with question 5 unanswered: the confirmation names it.
    await goTo(page, 4);
    await expect(page.locator('#take-question').innerText()).resolves.toContain('判断题');
    await page.locator('.take-option[data-index="0"]').click();
    await page.locator('#take-sheet').click();
    await page.locator('#take-sheet-panel').waitFor();
    await expect(page.locator('#sheet-item-4').getAttribute('class')).resolves.toContain('take-sheet__item--done');
    await expect(page.locator('#sheet-item-5').getAttribute('class')).resolves.not.toContain('take-sheet__item--done');
    await shot(page, 'exam-sheet');
    await page.locator('#take-sheet-close').click();
    await page.locator('#take-submit').click();
    await answerModal(page, /还有第 5 题未作答/, 'cancel');

    // Answer the last one and hand in.
    await page.locator('#take-next').click();
    await page.locator('#take-index', { hasText: '第 5 / 5 题' }).waitFor();
    await page.locator('.take-option[data-index="1"]').click();
    await page.locator('#take-submit').click();
    await answerModal(page, /已全部作答/, 'confirm');

    // Result: the score the server graded.
    const score = page.locator('#result-score');
    await score.waitFor();
    const graded = dataOf(await env.t.call<{ score: number; total: number; passed: boolean; answeredCount: number }>(MEMBER, 'exam', 'getResult', { attemptId }));
    expect(graded).toMatchObject({ total: 8, answeredCount: 5 });
    await expect(score.innerText()).resolves.toMatch(new RegExp(`^${graded.score}\\s*/\\s*8 分$`));
    await expect(page.locator('#result-verdict').innerText()).resolves.toContain(graded.passed ? '通过' : '未通过');
    await expect(page.locator('#result-answered').innerText()).resolves.toContain('5 / 5 题');
    await expect(page.locator('#result-closed-by').innerText()).resolves.toContain('本人交卷');
    await shot(page, 'exam-result');

    // Review: every question with the right answer marked; a 纠错 note reaches the bank.
    await page.locator('#result-review').click();
    await page.locator('#review-1').waitFor();
    await expect(page.locator('.review-item').count()).resolves.toBe(5);
    await expect(page.locator('#review-1 .review-option--right').count()).resolves.toBe(1);
    await shot(page, 'exam-review');
    await page.locator('#review-filter-wrong').click();
    await expect(page.locator('.review-item').count()).resolves.toBe(5 - (await correctCount(attemptId)));
    await page.locator('#review-filter-all').click();
    await page.locator('#review-1 .review-report').click();
    await page.locator('#review-note textarea, textarea#review-note').first().fill('第一题的解析和答案对不上');
    await page.locator('#review-note-submit').click();
    await page.locator('#review-1 .review-report', { hasText: '已提交纠错' }).waitFor();
    expect(env.t.cloud.db.count('questionReports', { note: '第一题的解析和答案对不上' })).toBe(1);

    // Back to the result, then 返回答题: the exam has left 待考 and is listed under 已完成.
    await page.goBack();
    await page.locator('#result-back').click();
    await page.locator('#quiz-tab-done').click();
    const done = page.locator(`#quiz-list-done #exam-${examId}`);
    await done.waitFor();
    await expect(done.innerText()).resolves.toContain(graded.passed ? '已通过' : '未通过');
    await expect(done.innerText()).resolves.toContain(`最好成绩 ${graded.score} 分`);
    await page.locator('#quiz-tab-todo').click();
    await page.getByText('暂无待考的考试').first().waitFor();

    await context.close();
  });
});

describe('the clock runs out', () => {
  it('hands the paper in at the deadline with the answers saved so far and says so', async () => {
    const t = env.t;
    const now = Date.now();
    const saved = dataOf(
      await t.call<{ id: string }>(ADMIN, 'exam', 'saveExam', {
        exam: {
          title: '限时小测',
          unitIds: ['br-retired'],
          opensAt: now - 60_000,
          closesAt: now + 3_600_000,
          durationMinutes: 10,
          paper: { mode: 'rules', rules: [{ type: 'judge', tag: null, count: 2 }] },
          passScore: 1,
        },
      }),
    );
    dataOf(await t.call(ADMIN, 'exam', 'publishExam', { examId: saved.id }));

    const { context, page } = await env.open();
    try {
      // 郑桂兰, a bound member of the same branch.
      await page.locator('#login-openid input, input#login-openid').first().fill('demo-m-23');
      await page.locator('#login-openid-submit').click();
      await page.getByText('郑桂兰').first().waitFor();
      await openTab(page, '答题');
      await page.locator(`#exam-${saved.id}`).click();
      await page.locator('#exam-start').click();
      await answerModal(page, /10 分钟/, 'confirm');
      await page.locator('#take-question').waitFor();
      const attemptId = /attemptId=([A-Za-z0-9_-]+)/.exec(page.url())?.[1] ?? '';

      await page.locator('.take-option[data-index="0"]').click();
      await waitSaved(page);
      // The server's clock jumps to 4 seconds before this attempt's deadline; the next save
      // brings the page the new time, and the countdown follows the server, not the phone.
      const deadline = Number(t.cloud.db.get('examAttempts', attemptId)?.deadline);
      t.cloud.clock.set(deadline - 4_000);
      await page.locator('#take-next').click();
      await page.locator('.take-option[data-index="1"]').click();
      await waitSaved(page);
      await expect(page.locator('#take-countdown').innerText()).resolves.toMatch(/^00:0[0-4]$/);

      const notice = page.locator('#result-auto');
      await notice.waitFor({ timeout: 15_000 });
      await expect(notice.innerText()).resolves.toContain('时间到，已自动交卷');
      await expect(page.locator('#result-answered').innerText()).resolves.toContain('2 / 2 题');
      await expect(page.locator('#result-closed-by').innerText()).resolves.toContain('到时自动交卷');
      await shot(page, 'exam-result-auto');
      expect(t.cloud.db.get('examAttempts', attemptId)).toMatchObject({ status: 'submitted', answeredCount: 2 });
    } finally {
      env.t.cloud.clock.reset();
      await context.close();
    }
  });
});

async function correctCount(attemptId: string): Promise<number> {
  return dataOf(await env.t.call<{ correctCount: number }>(MEMBER, 'exam', 'getResult', { attemptId })).correctCount;
}

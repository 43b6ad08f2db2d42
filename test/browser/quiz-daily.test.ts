// A member does the daily quiz in headless Chromium against the H5 build, with the real `quiz`
// function behind it: 答题 → the 每日答题 card → five questions, each answered with a tap (or
// chosen then 提交), its verdict in words, the right answer and 解析, then 下一题; the summary with
// the score, 今日得分已记录, the points, where they stand against today's cap for 每日答题, and the
// streak; 再练一组 is practice and says so; 我的积分 agrees (每日答题 4/5, the streak). A scripted
// client answering as fast as the API lets it is flagged, and the organiser sees it on 答题异常.
import type { Page } from 'playwright-core';
import { COLLECTIONS } from '../../functions/lib/collections';
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { dataOf } from '../helpers/cloud';
import { playRound, type StoredRound } from '../helpers/quiz';
import { eventually, openTab, shown } from '../helpers/ui';

jest.setTimeout(120_000);

let env: BrowserEnv;

beforeAll(async () => {
  env = await startBrowserEnv();
  dataOf(await env.t.call('demo-admin', 'exam', 'installSeedBank', {}));
}, 240_000);

afterAll(async () => {
  await env?.close();
});

/** The member's round under way, as stored (it holds the keys the test answers with). */
function openRound(): StoredRound {
  const rounds = env.t.cloud.db.find(COLLECTIONS.quizRounds, { memberId: 'demo-member-21', status: 'open' }) as unknown as StoredRound[];
  expect(rounds).toHaveLength(1);
  return rounds[0];
}

/** Answer the question on screen: right, or (when `right` is false) wrong. */
async function answer(page: Page, index: number, right: boolean): Promise<void> {
  await shown(page, '#quiz-index').filter({ hasText: `第 ${index} / 5 题` }).waitFor();
  const item = openRound().items[index - 1];
  if (item.type === 'fill') {
    const boxes = page.locator('.quiz-blank:visible input');
    for (let b = 0; b < item.blanks.length; b++) await boxes.nth(b).fill(right ? item.blanks[b][0] : '不知道');
    await shown(page, '#quiz-submit').click();
    return;
  }
  const rightShown = item.order.map((original, pos) => (item.answer.includes(original) ? pos : -1)).filter((p) => p >= 0);
  const picks = right ? rightShown : [item.order.map((_, pos) => pos).find((p) => !rightShown.includes(p)) as number];
  for (const p of picks) await shown(page, `.quiz-option[data-index="${p}"]`).click();
  if (item.type === 'multiple') await shown(page, '#quiz-submit').click();
}

describe('the daily quiz', () => {
  it('a member answers five, sees each verdict and 解析, the summary with points and streak, then practises', async () => {
    const { page } = await env.open();
    await page.locator('#login-member').click();
    await page.getByText('王秀英').first().waitFor();

    await openTab(page, '答题');
    const card = shown(page, '#daily-card');
    await card.getByText('今天还没有答题').waitFor();
    await expect(card.innerText()).resolves.toContain('今天答完就开始连续答题');
    await shot(page, 'quiz-card');
    await shown(page, '#daily-start').click();

    await shown(page, '#quiz-round-kind').filter({ hasText: '今日答题 · 计分' }).waitFor();
    for (let i = 1; i <= 5; i++) {
      const right = i !== 2;
      await shown(page, '#quiz-index').filter({ hasText: `第 ${i} / 5 题` }).waitFor();
      // The stored explanation (the round closes with its last answer: read it before).
      const explanation = openRound().items[i - 1].explanation;
      expect(explanation.length).toBeGreaterThan(0);
      await answer(page, i, right);
      const verdict = shown(page, '#quiz-verdict');
      await verdict.waitFor();
      const text = await verdict.innerText();
      expect(text).toContain(right ? '✓ 回答正确' : '✗ 回答错误');
      expect(text).toContain('正确答案：');
      if (!right) expect(text).toContain('您的答案：');
      // 解析 right after the answer, in the verdict.
      await expect(shown(page, '#quiz-explanation').innerText()).resolves.toBe(`解析：${explanation}`);
      if (i === 2) await shot(page, 'quiz-verdict');
      await shown(page, '#quiz-next').click();
    }

    const summary = shown(page, '#quiz-summary');
    await summary.waitFor();
    const summaryText = await summary.innerText();
    expect(summaryText).toContain('答对 4 / 5 题');
    expect(summaryText).toContain('今日得分已记录');
    expect(summaryText).toContain('获得积分 4 分');
    expect(summaryText).toContain('连续答题 1 天');
    // Against today's cap for 每日答题 (5 by default): 4 of 5, not yet reached.
    const cap = shown(page, '#quiz-points-cap');
    await cap.waitFor();
    await expect(cap.innerText()).resolves.toBe('今日每日答题积分 4/5');
    await shot(page, 'quiz-summary');

    // 再练一组: practice, said on the page and at its end.
    await shown(page, '#quiz-practice').click();
    await shown(page, '#quiz-round-kind').filter({ hasText: '练习 · 不计分' }).waitFor();
    for (let i = 1; i <= 5; i++) {
      await answer(page, i, true);
      await shown(page, '#quiz-verdict').waitFor();
      await shown(page, '#quiz-next').click();
    }
    const practice = await shown(page, '#quiz-summary').innerText();
    expect(practice).toContain('答对 5 / 5 题');
    expect(practice).toContain('练习：不计入今日得分');
    expect(practice).not.toContain('获得积分');
    expect(practice).not.toContain('今日每日答题积分');
    await expect(page.locator('#quiz-points-cap:visible').count()).resolves.toBe(0);

    // Back on 答题, the card says today is done, with the scored round's result.
    await shown(page, '#quiz-back').click();
    await shown(page, '#daily-line').filter({ hasText: '今日已完成：答对 4 / 5 题' }).waitFor();
    await expect(shown(page, '#daily-streak').innerText()).resolves.toContain('连续答题 1 天');

    // 我的积分: the 4 points, 每日答题 4/5 against its cap, and the streak.
    await openTab(page, '我的');
    await eventually(async () => expect(await shown(page, '#mine-points-total').innerText()).toBe('4 分'));
    await shown(page, '#go-points').click();
    await expect(shown(page, '#points-total').getAttribute('data-total')).resolves.toBe('4');
    const quizToday = shown(page, '#points-today-quiz');
    await expect(quizToday.getAttribute('data-earned')).resolves.toBe('4');
    await expect(quizToday.getAttribute('data-cap')).resolves.toBe('5');
    await expect(quizToday.innerText()).resolves.toMatch(/每日答题[\s\S]*4\/5/);
    await expect(quizToday.innerText()).resolves.not.toContain('已满');
    await expect(shown(page, '#points-streak').innerText()).resolves.toBe('连续 1 天获得积分');
  });
});

describe('答题异常 for organisers', () => {
  it('a scripted client answering as fast as it can is flagged, and the org admin sees it from 管理后台 and from 知识竞赛管理', async () => {
    // Through the API, every answer the moment its question was served.
    const script = await playRound(env.t, 'demo-m-13', { stepMs: 0 });
    expect(script.answers).toHaveLength(5);

    const { page } = await env.open();
    await page.locator('#login-admin').click();
    await page.getByText('张伟').first().waitFor();
    await openTab(page, '我的');
    await page.locator('#go-admin').click();
    await shown(page, '#admin-quiz-flags').click();
    const row = shown(page, '#qf-flag-demo-member-13');
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('答得太快 5 次');
    const note = await shown(page, '#qf-about').innerText();
    expect(note).toContain('不会告诉党员');
    await shot(page, 'quiz-flags');

    // The same page from 知识竞赛管理, reached from 管理后台 opened afresh (not through the
    // browser's history: a slow machine once went back past 管理后台).
    await page.goto(`${env.t.cloud.url}/#/subpackages/org-admin/index`);
    await shown(page, '#admin-contests').click();
    await shown(page, '#qa-quiz-flags').click();
    await shown(page, '#qf-flag-demo-member-13').waitFor();
    // Yesterday had nothing.
    await shown(page, '#qf-day-1').click();
    await shown(page, '#qf-list').getByText('这一天没有异常答题').waitFor();
  });
});

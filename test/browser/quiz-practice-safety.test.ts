// Practice never serves an open exam's question (issue 16, done-when), in headless Chromium against
// the H5 build: a bank of eight questions, three of them on an exam published after the day's
// pools were chosen (so the pools name them and a round would otherwise draw them). A member plays
// the daily round, a practice round and a contest round in the pages: only the five free questions
// appear, on screen and in the stored rounds. The exam closes; its pins hold for 24 h more (the
// make-up margin); after that, rounds serve its questions again, unseen ones first.
import type { Page } from 'playwright-core';
import type { ManagedContest } from '../../core/contracts';
import { addDays, beijingDayKey, beijingDayStart } from '../../core/domain/time';
import { COLLECTIONS } from '../../functions/lib/collections';
import { startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { dataOf } from '../helpers/cloud';
import type { StoredContestRound } from '../helpers/contest';
import type { StoredRound } from '../helpers/quiz';
import { openTab, shown } from '../helpers/ui';

jest.setTimeout(120_000);

const ADMIN = 'demo-admin';
const MEMBER = 'demo-member'; // 王秀英
const MEMBER_ID = 'demo-member-21';
const HOUR = 3_600_000;
// 09:00 Beijing time of the current Beijing day: the exam's window and its 24 h margin stay clear
// of midnight whenever the test runs.
const T0 = beijingDayStart(beijingDayKey(Date.now())) + 9 * HOUR;
const PIN_MARGIN = 24 * HOUR;

let env: BrowserEnv;
let free: string[];
let onExam: string[];
let examClosesAt: number;
let contestId: string;

beforeAll(async () => {
  env = await startBrowserEnv();
  const t = env.t;
  t.cloud.clock.set(T0);
  const ids: string[] = [];
  for (let i = 1; i <= 8; i++) {
    const kind = i <= 5 ? '练习题' : '考试题';
    const question = { type: 'single', stem: `${kind}${i}：党的根本宗旨是什么？`, options: ['全心全意为人民服务', '发展经济', '加强团结'], answer: [0], explanation: `${kind}${i}的解析` };
    ids.push(dataOf(await t.call<{ id: string }>(ADMIN, 'exam', 'saveQuestion', { question })).id);
  }
  [free, onExam] = [ids.slice(0, 5), ids.slice(5)];

  // The day's pools are chosen first, with all eight: the daily one when the member's card loads,
  // the contest's when it is published (it opens today).
  dataOf(await t.call(MEMBER, 'quiz', 'getDaily', {}));
  const contest = { title: '练习安全竞赛', description: '', opensAt: T0, closesAt: T0 + 7 * 24 * HOUR, questionsPerRound: 5, secondsPerQuestion: null, countingRounds: 2, audienceUnitId: 'org-demo', tags: [] };
  contestId = dataOf(await t.call<ManagedContest>(ADMIN, 'quiz', 'saveContest', { contest })).contestId;
  dataOf(await t.call(ADMIN, 'quiz', 'publishContest', { contestId }));
  const day = beijingDayKey(T0);
  expect(poolOf(COLLECTIONS.quizPools, `org-demo_${day}`)).toEqual([...ids].sort());
  expect(poolOf(COLLECTIONS.contestPools, `${contestId}_${day}`)).toEqual([...ids].sort());

  // Then an exam of the whole organisation opens with three of them on its paper.
  examClosesAt = T0 + 2 * HOUR;
  const exam = { title: '练习安全考试', unitIds: [], opensAt: T0 - 60_000, closesAt: examClosesAt, durationMinutes: 20, passScore: 1, paper: { mode: 'fixed', questionIds: onExam } };
  const examId = dataOf(await t.call<{ id: string }>(ADMIN, 'exam', 'saveExam', { exam })).id;
  dataOf(await t.call(ADMIN, 'exam', 'publishExam', { examId }));
}, 240_000);

afterAll(async () => {
  env?.t.cloud.clock.reset();
  await env?.close();
});

function poolOf(collection: string, id: string): string[] {
  return [...(env.t.cloud.db.get(collection, id) as unknown as { qids: string[] }).qids].sort();
}

function openDaily(): StoredRound {
  const rounds = env.t.cloud.db.find(COLLECTIONS.quizRounds, { memberId: MEMBER_ID, status: 'open' }) as unknown as StoredRound[];
  expect(rounds).toHaveLength(1);
  return rounds[0];
}

function openContest(): StoredContestRound {
  const rounds = env.t.cloud.db.find(COLLECTIONS.contestRounds, { memberId: MEMBER_ID, contestId, status: 'open' }) as unknown as StoredContestRound[];
  expect(rounds).toHaveLength(1);
  return rounds[0];
}

/**
 * Answer the five questions of the round on screen, each right, 20 s later on the server's clock
 * (as a reader would); the stems shown and the stored round's qids.
 */
async function playInPage(page: Page, kind: 'daily' | 'contest'): Promise<{ stems: string[]; qids: string[] }> {
  const stems: string[] = [];
  let qids: string[] = [];
  for (let i = 1; i <= 5; i++) {
    await shown(page, '#quiz-index').filter({ hasText: `第 ${i} / 5 题` }).waitFor();
    stems.push(await shown(page, '#quiz-stem').innerText());
    const round = kind === 'daily' ? openDaily() : openContest();
    qids = round.items.map((x) => x.qid);
    const item = round.items[i - 1];
    env.t.cloud.clock.set(env.t.cloud.clock.now() + 20_000);
    const right = item.order.findIndex((original) => item.answer.includes(original));
    await shown(page, `.quiz-option[data-index="${right}"]`).click();
    await shown(page, '#quiz-verdict').filter({ hasText: '✓ 回答正确' }).waitFor();
    await shown(page, kind === 'daily' ? '#quiz-next' : '#contest-next').click();
  }
  await shown(page, kind === 'daily' ? '#quiz-summary' : '#contest-summary').waitFor();
  return { stems, qids };
}

const examStems = (stems: string[]) => stems.filter((s) => s.startsWith('考试题'));

describe('practice never serves an open exam’s question', () => {
  it('serves only the free questions in the daily quiz, its practice and a contest round while the exam is open and for 24 h after it closed; then the exam’s again', async () => {
    const { context, page } = await env.open();
    try {
      await page.locator('#login-member').click();
      await page.getByText('王秀英').first().waitFor();

      // Today's scored round, from 答题: the five free questions, all right, up to the cap.
      await openTab(page, '答题');
      await shown(page, '#daily-start').click();
      await shown(page, '#quiz-round-kind').filter({ hasText: '今日答题 · 计分' }).waitFor();
      const scored = await playInPage(page, 'daily');
      expect(examStems(scored.stems)).toEqual([]);
      expect([...scored.qids].sort()).toEqual([...free].sort());
      await expect(shown(page, '#quiz-points-cap').innerText()).resolves.toBe('今日每日答题积分 5/5，已达上限');

      // Practice: unseen questions first would be the exam's three — they are not served.
      env.t.cloud.clock.set(env.t.cloud.clock.now() + 2 * 60_000);
      await shown(page, '#quiz-practice').click();
      await shown(page, '#quiz-round-kind').filter({ hasText: '练习 · 不计分' }).waitFor();
      const practice = await playInPage(page, 'daily');
      expect(examStems(practice.stems)).toEqual([]);
      expect([...practice.qids].sort()).toEqual([...free].sort());

      // A contest round, though the contest's pool of the day names the exam's questions.
      await page.goto(`${env.t.cloud.url}/#/subpackages/quiz/contest?id=${contestId}`);
      await shown(page, '#contest-start').click();
      const round = await playInPage(page, 'contest');
      expect(examStems(round.stems)).toEqual([]);
      expect([...round.qids].sort()).toEqual([...free].sort());

      // The exam has closed, but its questions stay out for 24 h (a make-up may still use them).
      env.t.cloud.clock.set(examClosesAt + PIN_MARGIN - 5 * 60_000);
      expect(beijingDayKey(env.t.cloud.clock.now())).toBe(addDays(beijingDayKey(T0), 1));
      await page.goto(`${env.t.cloud.url}/#/subpackages/quiz/daily`);
      await shown(page, '#quiz-round-kind').filter({ hasText: '今日答题 · 计分' }).waitFor();
      const margin = await playInPage(page, 'daily');
      expect(examStems(margin.stems)).toEqual([]);
      expect([...margin.qids].sort()).toEqual([...free].sort());

      // Past the margin, on the next day (the margin day's pools were chosen while the pins held):
      // the exam's questions are served again, those not seen in 30 days first.
      env.t.cloud.clock.set(T0 + 48 * HOUR);
      expect(env.t.cloud.clock.now()).toBeGreaterThan(examClosesAt + PIN_MARGIN);
      await page.goto(`${env.t.cloud.url}/#/subpackages/quiz/daily`);
      await shown(page, '#quiz-round-kind').filter({ hasText: '今日答题 · 计分' }).waitFor();
      const after = await playInPage(page, 'daily');
      expect(examStems(after.stems).length).toBe(3);
      for (const id of onExam) expect(after.qids).toContain(id);
      await page.goto(`${env.t.cloud.url}/#/subpackages/quiz/contest?id=${contestId}`);
      await shown(page, '#contest-start').click();
      const contestAfter = await playInPage(page, 'contest');
      expect(examStems(contestAfter.stems).length).toBe(3);
      for (const id of onExam) expect(contestAfter.qids).toContain(id);

      // Every round the member played is stored: none before the margin's end held an exam question.
      const rounds = [
        ...(env.t.cloud.db.find(COLLECTIONS.quizRounds, { memberId: MEMBER_ID }) as unknown as Array<{ startedAt: number; items: Array<{ qid: string }> }>),
        ...(env.t.cloud.db.find(COLLECTIONS.contestRounds, { memberId: MEMBER_ID, contestId }) as unknown as Array<{ startedAt: number; items: Array<{ qid: string }> }>),
      ];
      expect(rounds).toHaveLength(6);
      const during = rounds.filter((r) => r.startedAt < examClosesAt + PIN_MARGIN);
      expect(during).toHaveLength(4);
      for (const r of during) expect(r.items.map((x) => x.qid).filter((id) => onExam.includes(id))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

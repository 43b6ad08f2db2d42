// Contest boards in headless Chromium against the H5 build (issue 16), beside quiz-contest.test.ts:
// the board before and after two members play counting rounds (each unit's participation and
// average, the organisation's total, 总榜); the 竞赛排名 switch in 我的 — off by default, on puts the
// member's name on the board others see, off again hides it; and after the close, the organiser's
// 生成宣传稿 opens the feed editor with the winner who opted in and participation by unit.
import type { BrowserContext, Page } from 'playwright-core';
import type { ManagedContest } from '../../core/contracts';
import { COLLECTIONS } from '../../functions/lib/collections';
import { startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { dataOf } from '../helpers/cloud';
import { playContest } from '../helpers/contest';
import { eventually, openTab, shown } from '../helpers/ui';

jest.setTimeout(120_000);

const MIN = 60_000;
const TITLE = '榜单测试竞赛';
let env: BrowserEnv;
let contestId = '';
let T0 = 0;
let closesAt = 0;

beforeAll(async () => {
  env = await startBrowserEnv();
  const t = env.t;
  T0 = Math.ceil(Date.now() / MIN) * MIN;
  t.cloud.clock.set(T0);
  dataOf(await t.call('demo-admin', 'exam', 'installSeedBank', {}));
  closesAt = T0 + 2 * 86_400_000;
  const contest = { title: TITLE, description: '', opensAt: T0, closesAt, questionsPerRound: 5, secondsPerQuestion: null, countingRounds: 2, audienceUnitId: 'org-demo', tags: [] };
  contestId = dataOf(await t.call<ManagedContest>('demo-admin', 'quiz', 'saveContest', { contest })).contestId;
  dataOf(await t.call('demo-admin', 'quiz', 'publishContest', { contestId }));
}, 240_000);

afterAll(async () => {
  env?.t.cloud.clock.reset();
  await env?.close();
});

const timer = () => env.t.cloud.invoke('quiz', { Type: 'Timer', TriggerName: 'preparePools' }, { openid: '' });

async function signIn(openid: string, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await env.open();
  if (openid === 'demo-member') await page.locator('#login-member').click();
  else if (openid === 'demo-admin') await page.locator('#login-admin').click();
  else {
    await page.locator('#login-openid input, input#login-openid').first().fill(openid);
    await page.locator('#login-openid-submit').click();
  }
  await page.getByText(name).first().waitFor();
  return { context, page };
}

async function openBoard(page: Page, tab: 'units' | 'total'): Promise<void> {
  await page.goto(`${env.t.cloud.url}/#/subpackages/quiz/board?id=${contestId}`);
  await page.reload();
  await shown(page, '#board-tab-units').filter({ hasText: '✓ 单位参与' }).waitFor();
  if (tab === 'total') {
    await shown(page, '#board-tab-total').click();
    await shown(page, '#board-people').filter({ hasText: '总榜' }).waitFor();
  } else {
    await shown(page, '#board-unit-br-retired').waitFor();
  }
}

const text = (page: Page, selector: string) => shown(page, selector).innerText();

describe('contest boards', () => {
  it('show each unit’s participation and average, and the people, before and after two members play', async () => {
    await timer();
    const { context, page } = await signIn('demo-admin', '张伟');
    try {
      await openBoard(page, 'units');
      await expect(text(page, '#board-unit-br-retired')).resolves.toContain('参与率 0%（0 / 10 人）');
      await expect(text(page, '#board-unit-br-retired')).resolves.toContain('还没有人完成计分局');
      await expect(text(page, '#board-unit-br-school')).resolves.toContain('参与率 0%（0 / 10 人）');
      const orgBefore = await text(page, '#board-unit-org-demo');
      expect(orgBefore).toMatch(/参与率 0%（0 \/ \d+ 人）/);
      await shown(page, '#board-tab-total').click();
      await shown(page, '#board-people').getByText('还没有人上榜').waitFor();

      // 王秀英 (离退休干部党支部) answers five right, 马俊 (实验中学党支部) three: 50 and 30.
      await playContest(env.t, 'demo-member', contestId, { stepMs: 10_000 });
      await playContest(env.t, 'demo-m-12', contestId, { right: 3, stepMs: 10_000 });
      // The units' figures come from the timer's roll-ups (every ten minutes).
      env.t.cloud.clock.set(env.t.cloud.clock.now() + MIN);
      await timer();

      await openBoard(page, 'units');
      await expect(text(page, '#board-unit-br-retired')).resolves.toContain('参与率 10%（1 / 10 人）');
      await expect(text(page, '#board-unit-br-retired')).resolves.toContain('计分 1 局，平均每局 50 分');
      await expect(text(page, '#board-unit-br-school')).resolves.toContain('参与率 10%（1 / 10 人）');
      await expect(text(page, '#board-unit-br-school')).resolves.toContain('计分 1 局，平均每局 30 分');
      const members = Number(/（0 \/ (\d+) 人）/.exec(orgBefore)?.[1]);
      await expect(text(page, '#board-unit-org-demo')).resolves.toContain(`（2 / ${members} 人）`);
      await expect(text(page, '#board-unit-org-demo')).resolves.toContain('计分 2 局，平均每局 40 分');
      await shown(page, '#board-tab-total').click();
      const people = shown(page, '#board-people');
      await people.getByText('50 分').waitFor();
      const rows = await people.locator('.board-person').allInnerTexts();
      expect(rows).toHaveLength(2);
      // Neither has opted in: places and scores, no names.
      expect(rows[0]).toMatch(/^1[\s\S]*党员（未公开）[\s\S]*50 分$/);
      expect(rows[1]).toMatch(/^2[\s\S]*党员（未公开）[\s\S]*30 分$/);
    } finally {
      await context.close();
    }
  });

  it('the 竞赛排名 switch in 我的: off by default; on, others see the name on the board; off, they do not', async () => {
    const member = await signIn('demo-member', '王秀英');
    const viewer = await signIn('demo-m-12', '马俊');
    try {
      const { page } = member;
      await openTab(page, '我的');
      const state = shown(page, '#rank-switch-state');
      await expect(state.innerText()).resolves.toContain('未公开');
      expect(env.t.cloud.db.get(COLLECTIONS.quizSettings, 'demo-member-21')).toBeUndefined();

      await openBoard(viewer.page, 'total');
      await expect(text(viewer.page, '#board-people')).resolves.not.toContain('王秀英');
      await expect(text(viewer.page, '#board-people')).resolves.toContain('马俊（我）');

      // On: the viewer's board names her, with her branch.
      await shown(page, '#rank-switch').click();
      await eventually(async () => expect(await state.innerText()).toContain('已公开'));
      expect(env.t.cloud.db.get(COLLECTIONS.quizSettings, 'demo-member-21')).toMatchObject({ showRank: true });
      await openBoard(viewer.page, 'total');
      const first = viewer.page.locator('#board-people:visible .board-person').first();
      await expect(first.innerText()).resolves.toMatch(/^1[\s\S]*王秀英[\s\S]*离退休干部党支部[\s\S]*50 分$/);

      // Off again: gone from the viewer's board at once; her own board says it is not shown.
      await openTab(page, '我的');
      await shown(page, '#rank-switch').click();
      await eventually(async () => expect(await state.innerText()).toContain('未公开'));
      await openBoard(viewer.page, 'total');
      await expect(text(viewer.page, '#board-people')).resolves.not.toContain('王秀英');
      await expect(viewer.page.locator('#board-people:visible .board-person').first().innerText()).resolves.toMatch(/^1[\s\S]*党员（未公开）[\s\S]*50 分$/);
      await openBoard(page, 'total');
      await expect(text(page, '#board-me-show')).resolves.toContain('排行榜上不显示您的姓名');
      await expect(text(page, '#board-people')).resolves.toContain('王秀英（我）');
    } finally {
      await member.context.close();
      await viewer.context.close();
    }
  });

  it('after the close, 生成宣传稿 opens the feed editor with the winner who opted in and participation by unit', async () => {
    // 马俊 chooses to show his name; 王秀英 (first) has turned hers off.
    dataOf(await env.t.call('demo-m-12', 'quiz', 'setContestRankSetting', { showRank: true }));
    const { context, page } = await signIn('demo-admin', '张伟');
    try {
      await page.goto(`${env.t.cloud.url}/#/subpackages/quiz-admin/contest?id=${contestId}`);
      await shown(page, '#qa-contest-title').filter({ hasText: TITLE }).waitFor();
      // Open: no 生成宣传稿 yet.
      await expect(page.locator('#qa-report:visible').count()).resolves.toBe(0);

      env.t.cloud.clock.set(closesAt + 60 * MIN);
      await timer();
      await page.reload();
      await shown(page, '#qa-report').click();
      await expect(text(page, '#qa-report-done')).resolves.toContain(`宣传稿草稿已生成：知识竞赛｜${TITLE}`);
      await shown(page, '#qa-report-open').click();
      await eventually(async () => expect(shown(page, '#editor-body textarea').inputValue()).resolves.toContain('马俊'));
      const body = await shown(page, '#editor-body textarea').inputValue();
      expect(body).toContain('第2名马俊（实验中学党支部，30分）');
      expect(body).not.toContain('王秀英');
      expect(body).toContain('离退休干部党支部10%（1/10人）');
      expect(body).toContain('实验中学党支部10%（1/10人）');
      expect(body).not.toMatch(/<\/?[a-z][^>]*>/i);
      await expect(shown(page, '#editor-title input').inputValue()).resolves.toBe(`知识竞赛｜${TITLE}`);
    } finally {
      await context.close();
    }
  });
});

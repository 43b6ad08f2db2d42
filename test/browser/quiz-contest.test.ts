// Knowledge contests in headless Chromium against the H5 build (issue 16): the org admin sets one up
// and publishes it from 管理后台 → 知识竞赛; two members play a timed round each from the 答题 tab
// (the countdown on screen, the verdict, 解析 and the points after each answer), one of them with
// an answer that reaches the server after its time (refused by the server; the page says so in
// large words, sends the time-up itself, shows the right answer and goes on); the boards show
// the units' participation first, then the people by opt-in; a scripted client answering faster
// than anyone reads is flagged, and the organiser sees it and the late answer on the contest's page;
// a branch organiser finds the organisation's contest read-only, with their own branch's part only.
import type { Page } from 'playwright-core';
import { COLLECTIONS } from '../../functions/lib/collections';
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { dataOf } from '../helpers/cloud';
import { playContest, type StoredContestRound } from '../helpers/contest';
import { answerModal, eventually, fill, openTab, shown } from '../helpers/ui';

jest.setTimeout(240_000);

let env: BrowserEnv;
let contestId = '';
const TITLE = '浏览器党史知识竞赛';

beforeAll(async () => {
  env = await startBrowserEnv();
  dataOf(await env.t.call('demo-admin', 'exam', 'installSeedBank', {}));
}, 240_000);

afterAll(async () => {
  env.t.cloud.clock.reset();
  await env?.close();
});

async function signIn(page: Page, openid: string, name: string): Promise<void> {
  await page.locator('#login-openid input, input#login-openid').first().fill(openid);
  await page.locator('#login-openid-submit').click();
  await page.getByText(name).first().waitFor();
}

/** The member's round under way, as stored (it holds the keys the test answers with). */
function openRound(memberId: string): StoredContestRound {
  const rounds = env.t.cloud.db.find(COLLECTIONS.contestRounds, { memberId, contestId, status: 'open' }) as unknown as StoredContestRound[];
  expect(rounds).toHaveLength(1);
  return rounds[0];
}

/** Wait for question `index` on screen, let `serverMs` pass on the server's clock, and answer it right. */
async function answerRight(page: Page, memberId: string, index: number, serverMs: number): Promise<void> {
  await shown(page, '#quiz-index').filter({ hasText: `第 ${index} / 5 题` }).waitFor({ timeout: 20_000 });
  const item = openRound(memberId).items[index - 1];
  env.t.cloud.clock.set(env.t.cloud.clock.now() + serverMs);
  if (item.type === 'fill') {
    const boxes = page.locator('.quiz-blank:visible input');
    for (let b = 0; b < item.blanks.length; b++) await boxes.nth(b).fill(item.blanks[b][0]);
    await shown(page, '#quiz-submit').click();
    return;
  }
  const right = item.order.map((original, pos) => (item.answer.includes(original) ? pos : -1)).filter((p) => p >= 0);
  for (const p of right) await shown(page, `.quiz-option[data-index="${p}"]`).click();
  if (item.type === 'multiple') await shown(page, '#quiz-submit').click();
}

/** Play a round of five from the 答题 tab; question 2 reaches the server `lateMs` after it was served when set. */
async function playInBrowser(page: Page, memberId: string, lateMs: number | null): Promise<string> {
  await openTab(page, '答题');
  const row = shown(page, `#contest-${contestId}`);
  await row.waitFor();
  await expect(row.innerText()).resolves.toContain('今天还有 2 局计分');
  await expect(shown(page, `#contest-go-${contestId}`).innerText()).resolves.toContain('开始答题');
  await shown(page, `#contest-go-${contestId}`).click();
  await shown(page, '#contest-intro').waitFor();
  await expect(shown(page, '#contest-rules').innerText()).resolves.toContain('每题限时 20 秒');
  await shown(page, '#contest-start').click();
  await shown(page, '#contest-round-kind').filter({ hasText: '第 1 局 · 计分' }).waitFor();
  // The countdown is on screen, in seconds, before the answer.
  await expect(shown(page, '#contest-clock').innerText()).resolves.toMatch(/\d+\s*秒/);
  for (let i = 1; i <= 5; i++) {
    await answerRight(page, memberId, i, i === 2 && lateMs !== null ? lateMs : 10_000);
    const points = shown(page, '#contest-points');
    await points.waitFor();
    const text = await points.innerText();
    if (i === 2 && lateMs !== null) {
      // Refused by the server (本题作答时间已过，不计分), said on the page; then the key and 解析 without a tap.
      await expect(shown(page, '#contest-late').innerText()).resolves.toContain('本题作答时间已过，不计分');
      expect(text).toContain('超过答题时间才提交，本题不得分');
      await expect(shown(page, '#quiz-verdict').innerText()).resolves.toContain('正确答案：');
      await expect(page.locator('#contest-error:visible').count()).resolves.toBe(0);
      await shot(page, 'contest-late');
    } else {
      // 10 s on the server's clock after the question's time began: 8 of 20 s used → 10 + 3.
      expect(text).toContain('本题得 13 分');
    }
    if (i === 1) await shot(page, 'contest-verdict');
    // The next question comes by itself after the pause for reading 解析; the last one shows the result.
    if (i === 5) await shown(page, '#contest-next').click();
  }
  const summary = shown(page, '#contest-summary');
  await summary.waitFor();
  return summary.innerText();
}

describe('a knowledge contest', () => {
  it('the org admin sets up a timed contest for the whole organisation and publishes it', async () => {
    const { page } = await env.open();
    await page.locator('#login-admin').click();
    await page.getByText('张伟').first().waitFor();
    await openTab(page, '我的');
    await page.locator('#go-admin').click();
    await shown(page, '#admin-contests').click();
    await shown(page, '#qa-new').click();
    await fill(page, 'qa-title', TITLE);
    await fill(page, 'qa-questions', '5');
    await fill(page, 'qa-tags', '党史');
    await expect(shown(page, '#qa-audience').innerText()).resolves.toContain('✓ 全单位');
    await shot(page, 'contest-editor');
    await shown(page, '#qa-publish').click();
    await answerModal(page, /每局5题、每题20秒、每天前2局计分/, 'confirm');
    await shown(page, '#qa-contest-title').filter({ hasText: TITLE }).waitFor();
    const stored = env.t.cloud.db.find(COLLECTIONS.contests, { title: TITLE }) as unknown as Array<{ _id: string; opensAt: number; status: string }>;
    expect(stored).toHaveLength(1);
    expect(stored[0].status).toBe('published');
    contestId = stored[0]._id;
    // It opens at the next whole hour: move the server's clock there.
    env.t.cloud.clock.set(stored[0].opensAt + 60_000);
  });

  it('two members play a round each; an answer that reaches the server after its time is refused, said so, and the round goes on to the next question', async () => {
    const first = await env.open();
    await first.page.locator('#login-member').click();
    await first.page.getByText('王秀英').first().waitFor();
    const a = await playInBrowser(first.page, 'demo-member-21', 30_000);
    expect(a).toContain('52 分');
    expect(a).toContain('计分局：已计入竞赛成绩');
    expect(a).toContain('超时提交 1 题');
    expect(a).toContain('竞赛总成绩 52 分，总榜第 1 名');
    await shot(first.page, 'contest-summary');

    const second = await env.open();
    await signIn(second.page, 'demo-m-12', '马俊');
    const b = await playInBrowser(second.page, 'demo-member-12', null);
    expect(b).toContain('65 分');
    expect(b).toContain('竞赛总成绩 65 分，总榜第 1 名');

    // The timer rolls the units' figures up; 单位参与 is the board shown first.
    await env.t.cloud.invoke('quiz', { Type: 'Timer', TriggerName: 'preparePools' }, { openid: '' });
    await shown(first.page, '#contest-to-board').click();
    await shown(first.page, '#board-tab-units').filter({ hasText: '✓ 单位参与' }).waitFor();
    const retired = shown(first.page, '#board-unit-br-retired');
    await retired.waitFor();
    await expect(retired.innerText()).resolves.toContain('参与率 10%（1 / 10 人）');
    await expect(shown(first.page, '#board-unit-br-school').innerText()).resolves.toContain('平均每局 65 分');
    await expect(shown(first.page, '#board-me').innerText()).resolves.toContain('第 2 名');
    await shot(first.page, 'contest-board');
    // 总榜: 马俊 has not chosen to show his name.
    await shown(first.page, '#board-tab-total').click();
    const people = shown(first.page, '#board-people');
    await people.getByText('党员（未公开）').waitFor();
    await expect(people.innerText()).resolves.toContain('王秀英（我）');
    await expect(people.innerText()).resolves.not.toContain('马俊');
  });

  it('flags a scripted client that answers faster than anyone reads, and shows it and the late answer to the organiser', async () => {
    env.t.cloud.clock.set(env.t.cloud.clock.now() + 5 * 60_000);
    const script = await playContest(env.t, 'demo-m-13', contestId, { stepMs: 0 });
    expect(script.answers.every((x) => x.verdict.fast && x.verdict.points === 0)).toBe(true);

    const { page } = await env.open();
    await page.locator('#login-admin').click();
    await page.getByText('张伟').first().waitFor();
    await openTab(page, '我的');
    await page.locator('#go-admin').click();
    await shown(page, '#admin-contests').click();
    await shown(page, `#qa-contest-${contestId}`).click();
    const fast = shown(page, '#qa-flag-demo-member-13');
    await fast.waitFor();
    await expect(fast.innerText()).resolves.toContain('答得太快 5 次');
    await expect(shown(page, '#qa-flag-demo-member-21').innerText()).resolves.toContain('超时提交 1 次');
    await eventually(async () => expect(await shown(page, '#qa-figures').innerText()).toContain('离退休干部党支部'));
    await shot(page, 'contest-organiser');
  });

  it('a branch organiser finds the organisation’s contest under 上级组织的竞赛, read-only, with their own branch’s figures and flags only', async () => {
    const { page } = await env.open();
    await page.locator('#login-organiser').click();
    await page.getByText('李强').first().waitFor();
    await openTab(page, '我的');
    await page.locator('#go-admin').click();
    await shown(page, '#admin-contests').click();
    const wider = shown(page, '#qa-wider');
    await wider.waitFor();
    await expect(wider.innerText()).resolves.toContain(TITLE);
    await expect(wider.innerText()).resolves.toContain('只读');
    await expect(shown(page, '#qa-list').innerText()).resolves.not.toContain(TITLE);
    await wider.locator(`#qa-contest-${contestId}`).click();
    await expect(shown(page, '#qa-readonly').innerText()).resolves.toContain('只显示本单位党员');
    // 朱敏 (实验中学) is flagged; 王秀英 of 离退休干部党支部 is not theirs to see.
    await expect(shown(page, '#qa-flag-demo-member-13').innerText()).resolves.toContain('答得太快 5 次');
    await expect(page.locator('#qa-flag-demo-member-21').count()).resolves.toBe(0);
    const figures = shown(page, '#qa-figures');
    await eventually(async () => expect(await figures.innerText()).toContain('实验中学党支部（合计）'));
    await expect(figures.innerText()).resolves.not.toContain('离退休干部党支部');
    for (const id of ['#qa-edit', '#qa-cancel', '#qa-publish-now', '#qa-report']) await expect(page.locator(`${id}:visible`).count()).resolves.toBe(0);
    await shot(page, 'contest-branch-organiser');
  });
});

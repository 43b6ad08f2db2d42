// 未参加名单 in headless Chromium against the H5 build, with the real `console`, `exam` and `org`
// functions behind it: over a 3-level subtree (教育和老干部工委 above 实验中学 and 离退休干部) where
// members of both branches took part partly, the organiser sees each member's states in words,
// unbound entries marked and offered 邀请, an open exam's 未参加 and the nudge — its copy text,
// the reminder sent and the honest counts, the share offered — and, once the clock passes the
// exam's close, the same exam as 缺考.
import type { Page } from 'playwright-core';
import type { GapResponses } from '../../core/contracts/consoleGaps';
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { dataOf } from '../helpers/cloud';
import { eventually, shown } from '../helpers/ui';

jest.setTimeout(180_000);

const MIN = 60_000;
const HOUR = 60 * MIN;
const beijing = (d: string, hh: number) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8);
const T0 = beijing('2036-11-26', 10);
const CLOSE = beijing('2036-11-28', 18);
const ADMIN = 'demo-admin';

let env: BrowserEnv;
let mid: string;
let examId: string;
const act = async <T>(openid: string, fn: 'org' | 'exam' | 'console', action: string, payload: unknown = {}) => dataOf(await env.t.call<T>(openid, fn, action, payload));

beforeAll(async () => {
  env = await startBrowserEnv();
  env.t.cloud.clock.set(T0);
  await act(ADMIN, 'exam', 'installSeedBank');
  mid = (await act<{ unit: { id: string } }>(ADMIN, 'org', 'createUnit', { parentId: 'org-demo', name: '教育和老干部工委', kind: 'committee' })).unit.id;
  await act(ADMIN, 'org', 'moveUnit', { unitId: 'br-school', parentId: mid });
  await act(ADMIN, 'org', 'moveUnit', { unitId: 'br-retired', parentId: mid });
  const exam = { title: '党章学习测试', unitIds: [mid], opensAt: T0 - HOUR, closesAt: CLOSE, durationMinutes: 20, paper: { mode: 'rules', rules: [{ type: 'judge', tag: null, count: 2 }] }, passScore: 1 };
  examId = (await act<{ id: string }>(ADMIN, 'exam', 'saveExam', { exam })).id;
  await act(ADMIN, 'exam', 'publishExam', { examId });
  // 马俊 (实验中学) and 王秀英 (离退休) hand in; 朱敏 has started; 郭峰 allowed one exam reminder.
  for (const who of ['demo-m-12', 'demo-member']) {
    const a = await act<{ attemptId: string }>(who, 'exam', 'startExam', { examId });
    await act(who, 'exam', 'submitAttempt', { attemptId: a.attemptId, answers: [] });
  }
  await act('demo-m-13', 'exam', 'startExam', { examId });
  await act('demo-m-15', 'org', 'grantReminders', { topics: ['exam'] });
}, 240_000);
afterAll(async () => {
  env?.t.cloud.clock.reset();
  await env?.close();
});

const rowText = (page: Page, memberId: string) => shown(page, `#gap-${memberId}`).innerText();

describe('organiser, 未参加名单', () => {
  it('shows each member’s states over a 3-level subtree, 未绑定 with 邀请, the nudge with honest counts, and 缺考 after the close', async () => {
    const { context, page } = await env.open();
    await page.locator('#login-admin').click();
    await page.getByText('张伟').first().waitFor();
    await page.goto(`${env.t.cloud.url}/#/subpackages/console/gaps?unitId=${mid}`);
    await shown(page, '#gap-list').waitFor();

    // Leaders apart from the others; both branches' members listed.
    const leaders = await shown(page, '#gap-leaders').innerText();
    for (const name of ['李强', '马俊', '王秀英', '宋德明']) expect(leaders).toContain(name);
    const members = await shown(page, '#gap-members').innerText();
    for (const name of ['朱敏', '胡雪', '郑桂兰', '高远']) expect(members).toContain(name);
    await expect(rowText(page, 'demo-member-12')).resolves.toContain('党章学习测试：已交卷（未合格）');
    await expect(rowText(page, 'demo-member-13')).resolves.toContain('党章学习测试：考试中');
    await expect(rowText(page, 'demo-member-14')).resolves.toContain('党章学习测试：未参加');
    await expect(rowText(page, 'demo-member-14')).resolves.toContain('学习打卡：本周未打卡');
    // 高远 never bound: 未绑定, with an invitation, never 未参加.
    const unbound = await rowText(page, 'demo-member-17');
    expect(unbound).toContain('未绑定');
    expect(unbound).not.toContain('未参加');
    await shown(page, '#gap-invite-demo-member-17').waitFor();
    await expect(page.locator('#gap-invite-demo-member-14').count()).resolves.toBe(0);
    await shot(page, 'console-gaps');

    // The exam's nudge: the text the function composed, copied; the counts said in words.
    await shown(page, '#gap-filter-exam').click();
    await shown(page, '#gap-nudge-text').waitFor();
    const nudge = await act<GapResponses['gapsNudge']>(ADMIN, 'console', 'gapsNudge', { unitId: mid, period: { kind: 'week' }, activity: 'exam', refId: examId });
    expect(nudge.text).toContain('11月28日（周五）18:00前');
    await expect(shown(page, '#gap-nudge-text').innerText()).resolves.toBe(nudge.text);
    await expect(shown(page, '#gap-nudge-counts').innerText()).resolves.toBe('可发送提醒 1 人；8 人未开启提醒，可转发到群里；8 人未绑定，请发送邀请');
    await shown(page, '#gap-copy').click();
    await eventually(async () => {
      const copied = await page.evaluate(() => localStorage.getItem('taro_clipboard'));
      expect((JSON.parse(copied ?? '{}') as { data?: string }).data).toBe(nudge.text);
    });
    await shown(page, '#gap-remind').click();
    await eventually(async () => {
      await expect(shown(page, '#gap-nudge-counts').innerText()).resolves.toBe('已提醒 1 人；8 人未开启提醒，可转发到群里；8 人未绑定，请发送邀请');
    });
    // The share card for those a reminder cannot reach (in the browser: copy and paste).
    await shown(page, '#gap-share').waitFor();

    // After the close the same exam is 缺考 for the same member.
    env.t.cloud.clock.set(CLOSE + MIN);
    await page.goto(`${env.t.cloud.url}/#/subpackages/console/gaps?unitId=${mid}&after=1`);
    await eventually(async () => {
      await expect(rowText(page, 'demo-member-14')).resolves.toContain('党章学习测试：缺考');
    });
    await expect(rowText(page, 'demo-member-17')).resolves.not.toContain('缺考');
    await context.close();
  });
});

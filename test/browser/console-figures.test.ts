// 工作台 in headless Chromium against the H5 build, with the real functions behind it: an org admin
// signs in, finds the week's summary first on 首页 (before 今日任务), opens 工作台, sees what waits
// for them (a member's submission to review) with a way to it, the organisation's child units side
// by side, and drills into a committee above two branches to see each branch's rates.
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { dataOf } from '../helpers/cloud';
import { eventually, shown } from '../helpers/ui';

jest.setTimeout(240_000);

const ADMIN = 'demo-admin';
let env: BrowserEnv;
let mid: string;
const act = async <T>(openid: string, fn: 'org' | 'checkin' | 'feed', action: string, payload: unknown = {}) => dataOf(await env.t.call<T>(openid, fn, action, payload));

beforeAll(async () => {
  env = await startBrowserEnv();
  mid = (await act<{ unit: { id: string } }>(ADMIN, 'org', 'createUnit', { parentId: 'org-demo', name: '教育和老干部工委', kind: 'committee' })).unit.id;
  await act(ADMIN, 'org', 'moveUnit', { unitId: 'br-school', parentId: mid });
  await act(ADMIN, 'org', 'moveUnit', { unitId: 'br-retired', parentId: mid });
  // One check-in in each branch, and a member's submission waiting for review.
  for (const who of ['demo-m-12', 'demo-member']) await act(who, 'checkin', 'checkIn', { title: '学习党章', minutes: 30, note: '', share: false });
  await act('demo-member', 'feed', 'submitPost', { kind: 'report', title: '老同志的读书会', body: '<p>读书会</p>' });
}, 300_000);
afterAll(async () => {
  await env?.close();
});

describe('organiser, 工作台', () => {
  it('首页 opens with the week’s summary; 工作台 shows the waiting items and each child unit’s rates', async () => {
    const { context, page } = await env.open();
    await page.locator('#login-admin').click();
    await page.getByText('张伟').first().waitFor();

    // The summary is the first card on 首页, above the organiser's own 今日任务.
    const summary = shown(page, '#console-summary');
    await summary.waitFor();
    await eventually(async () => expect(await shown(page, '#sum-waiting').innerText()).toMatch(/有 \d+\+? 项待您处理/));
    expect(await shown(page, '#sum-checkin').innerText()).toContain('打卡完成率');
    const order = await page.evaluate(() => {
      const s = document.querySelector('#console-summary');
      const tasks = document.querySelector('.today-task, #today-empty, #today-list') ?? document.querySelector('[id^="today"]');
      return s && tasks ? Boolean(s.compareDocumentPosition(tasks) & Node.DOCUMENT_POSITION_FOLLOWING) : null;
    });
    expect(order).not.toBe(false);
    await shot(page, 'console-home-summary');

    await shown(page, '#go-console').click();
    await shown(page, '#console-unit').waitFor();
    expect(await shown(page, '#console-unit').innerText()).toContain('党员');
    // Waiting first: the submission, one tap from its review page.
    const waiting = shown(page, '#waiting-submissions');
    await waiting.waitFor();
    expect(await waiting.innerText()).toContain('投稿待审核');
    // The organisation's direct children side by side.
    await shown(page, `#child-${mid}`).waitFor();
    await shown(page, '#child-br-office').waitFor();
    expect(await shown(page, '#console-period-label').innerText()).toContain('本周');

    // Drill into the committee: its two branches, each with its rates.
    await shown(page, `#child-${mid}`).click();
    await eventually(async () => expect(await shown(page, '#console-unit').innerText()).toContain('教育和老干部工委'));
    for (const id of ['br-school', 'br-retired']) {
      const row = await shown(page, `#child-${id}`).innerText();
      expect(row).toMatch(/打卡 \d+%/);
      expect(row).toContain('答题');
      expect(row).toContain('考试');
    }
    // The committee's leaders apart (the demo's first two members of each branch), each one tap
    // from their whole picture.
    const leaders = shown(page, '#console-leaders');
    await eventually(async () => expect(await leaders.innerText()).toMatch(/领导班子（4人）/));
    expect(await leaders.innerText()).toMatch(/都已参加|未完成|未绑定/);
    const bars = await shown(page, '#bars-checkin').innerText();
    expect(bars).toContain('实验中学党支部');
    expect(bars).toContain('离退休干部党支部');
    await shown(page, '#trend-checkin').waitFor();
    await shot(page, 'console-figures');

    // Back up to the organisation, then 本月.
    await shown(page, '#console-up').click();
    await eventually(async () => expect(await shown(page, '#console-unit').innerText()).not.toContain('教育和老干部工委'));
    await page.getByText('本月').first().click();
    await eventually(async () => expect(await shown(page, '#console-period-label').innerText()).toContain('本月'));

    // 自定义: the last 30 days until other days are picked, with both day boxes.
    await page.getByText('自定义').first().click();
    await shown(page, '#console-from').waitFor();
    await shown(page, '#console-to').waitFor();
    await eventually(async () => expect(await shown(page, '#console-period-label').innerText()).toMatch(/统计时间：\d+月\d+日—\d+月\d+日$/));

    // The waiting row opens the review page.
    await shown(page, '#waiting-submissions').click();
    await eventually(async () => expect(page.url()).toContain('feed-admin/review'));
    await context.close();

    // A unit's 工作台 opened by its address for 本月; 查看未参加名单 opens the members' gaps of that
    // unit for the same period.
    const fresh = await env.open();
    await fresh.page.locator('#login-admin').click();
    await fresh.page.getByText('张伟').first().waitFor();
    await fresh.page.goto(`${env.t.cloud.url}/#/subpackages/console/index?unitId=${mid}&kind=month`);
    await eventually(async () => expect(await shown(fresh.page, '#console-unit').innerText()).toContain('教育和老干部工委'));
    await eventually(async () => expect(await shown(fresh.page, '#console-period-label').innerText()).toContain('本月'));
    await shown(fresh.page, '#go-gaps').click();
    await eventually(async () => expect(fresh.page.url()).toContain(`console/gaps?unitId=${mid}&kind=month`));
    await eventually(async () => expect(await shown(fresh.page, '#gap-period').innerText()).toContain('本月'));
    await fresh.context.close();
  });
});

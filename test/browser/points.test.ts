// 我的积分 and 积分规则 in headless Chromium against the H5 build, with the real functions behind
// them: a member checks in on 学习 and finds the point on 我的 (the row's total), on 我的积分 (the
// total, today's 学习打卡 1/1 and the history line); an org admin changes a rule from tomorrow and
// sees it scheduled and in the change log, while the rules in force stay as they were.
import { addDays, beijingDayKey } from '../../core/domain/time';
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { eventually, fill, openTab, shown } from '../helpers/ui';

jest.setTimeout(120_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);
afterAll(async () => {
  await env?.close();
});

describe('points', () => {
  it('a member checks in and sees the point on 我的 and on 我的积分: the total, 学习打卡 1/1 and the history line', async () => {
    const { context, page } = await env.open();
    try {
      await page.locator('#login-member').click();
      await page.getByText('王秀英').first().waitFor();
      await openTab(page, '学习');
      await fill(page, 'checkin-title', '学习党章第一章');
      await shown(page, '#checkin-submit').click();
      await shown(page, '#checkin-done').waitFor();

      await openTab(page, '我的');
      await eventually(async () => expect(await shown(page, '#mine-points-total').innerText()).toBe('1 分'));
      await shown(page, '#go-points').click();
      await expect(shown(page, '#points-total').getAttribute('data-total')).resolves.toBe('1');
      const checkin = shown(page, '#points-today-checkin');
      await expect(checkin.innerText()).resolves.toMatch(/学习打卡[\s\S]*每天打卡 1 分，每日最多 1 分[\s\S]*1\/1[\s\S]*已满/);
      await expect(shown(page, '#points-today-quiz').innerText()).resolves.toMatch(/每日答题[\s\S]*0\/5/);
      await expect(shown(page, '#points-streak').innerText()).resolves.toBe('连续 1 天获得积分');
      const today = beijingDayKey(env.t.cloud.clock.now());
      const line = shown(page, `#points-entry-checkin_demo-member-21_${today}`);
      await expect(line.innerText()).resolves.toMatch(new RegExp(`学习打卡[\\s\\S]*${today} \\d\\d:\\d\\d[\\s\\S]*\\+1`));
      // Reading text at least 16 px (32 rpx at 375 px wide).
      const size = await line.locator('.points-entry__time').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(16);
      await shot(page, 'points-mine');
    } finally {
      await context.close();
    }
  });

  it('an org admin changes a rule from tomorrow: it is scheduled and in the change log, today’s rules unchanged', async () => {
    const { context, page } = await env.open();
    try {
      await page.locator('#login-admin').click();
      await page.getByText('张伟').first().waitFor();
      await openTab(page, '我的');
      await shown(page, '#go-points').click();
      await shown(page, '#points-go-rules').click();
      await expect(shown(page, '#points-log').innerText()).resolves.toContain('规则还没有修改过');
      const tomorrow = addDays(beijingDayKey(env.t.cloud.clock.now()), 1);
      await expect(shown(page, '#points-from').getAttribute('data-day')).resolves.toBe(tomorrow);
      for (let i = 0; i < 3; i++) await shown(page, '#points-edit-quiz-cap-plus').click();
      await fill(page, 'points-note', '鼓励每日答题');
      await shown(page, '#points-save').click();

      const log = shown(page, '#points-log-1');
      await log.waitFor();
      await expect(log.innerText()).resolves.toMatch(new RegExp(`将于 ${tomorrow} 起执行[\\s\\S]*每日答题：每日上限 5 → 8 分[\\s\\S]*说明：鼓励每日答题[\\s\\S]*张伟 修改于`));
      await expect(shown(page, '#points-scheduled-rules-quiz').innerText()).resolves.toContain('每日最多 8 分');
      await expect(shown(page, '#points-current-rules-quiz').innerText()).resolves.toContain('每日最多 5 分');
      await shown(page, '#points-scheduled').scrollIntoViewIfNeeded();
      await page.waitForTimeout(1600); // the 已保存 toast has gone
      await shot(page, 'points-rules');
    } finally {
      await context.close();
    }
  });
});

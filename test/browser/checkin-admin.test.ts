// The organiser's check-in pages in headless Chromium against the H5 build, with the real
// `checkin` function behind them: 打卡统计 for the day and its trend, one branch's names with the
// list of who has not checked in (copied, reminded, exported as an xlsx whose cells are checked),
// then a challenge for the branch that a member follows on her 学习 tab.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { deadlineWords } from '../../core/domain/nudge';
import { addDays, beijingDayKey, beijingDayStart } from '../../core/domain/time';
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { dataOf } from '../helpers/cloud';
import { eventually, fill, openTab, shown } from '../helpers/ui';

jest.setTimeout(180_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);
afterAll(async () => {
  await env?.close();
});

/** 实验中学党支部 (br-school): 李强 organises it; 马俊, 朱敏, 胡雪, 郭峰, 何琳 are bound; four are not yet. */
const SCHOOL = ['李强', '马俊', '朱敏', '胡雪', '郭峰', '何琳', '高远', '林晓', '罗斌', '梁红'];
const CHECKED = ['马俊', '朱敏'];
const UNBOUND = ['高远', '林晓', '罗斌', '梁红'];
const CHALLENGE = '浏览器测试：党史学习打卡周';

const act = async <T>(openid: string, fn: 'checkin' | 'org', action: string, payload: unknown) => dataOf(await env.t.call<T>(openid, fn, action, payload));

async function signInOrganiser(page: Page): Promise<void> {
  await page.locator('#login-organiser').click();
  await page.getByText('李强').first().waitFor();
}

/** 我的 → 管理后台 → 学习打卡统计. */
async function openCheckinAdmin(page: Page): Promise<void> {
  await openTab(page, '我的');
  await page.locator('#go-admin').click();
  await shown(page, '#admin-checkins').click();
  await shown(page, '#checkin-overview').waitFor();
}

describe('organiser, check-ins', () => {
  it("shows today's completion of the branch, copies and reminds those who have not checked in, and exports the day cell by cell", async () => {
    // GIVEN 马俊 and 朱敏 of 实验中学 checked in today, and 胡雪 allowed two check-in reminders
    const today = beijingDayKey(env.t.cloud.clock.now());
    await act('demo-m-12', 'checkin', 'checkIn', { title: '学习党章总纲', minutes: 30 });
    await act('demo-m-13', 'checkin', 'checkIn', { title: '学习党史第一章', minutes: 45, note: '收获很大', share: true });
    await act('demo-m-14', 'org', 'grantReminders', { topics: ['checkin'] });
    await act('demo-m-14', 'org', 'grantReminders', { topics: ['checkin'] });

    // WHEN 李强 opens 打卡统计
    const { context, page } = await env.open();
    await signInOrganiser(page);
    await openCheckinAdmin(page);

    // THEN his branch shows 2 of 10 (20 %) today, in the week's bars and on the 30-day trend
    const card = shown(page, '#branch-br-school');
    await expect(card.innerText()).resolves.toMatch(/实验中学党支部[\s\S]*已打卡\s*2\s*\/\s*10 人[\s\S]*20%/);
    await expect(card.getAttribute('data-rate')).resolves.toBe('20');
    await expect(shown(page, `#week-br-school-${today}`).getAttribute('data-count')).resolves.toBe('2');
    // The four never bound are counted apart: they cannot check in until they bind.
    await expect(shown(page, '#checkin-totals').innerText()).resolves.toMatch(/^2\s+已打卡\s+4\s+未打卡\s+4\s+未绑定\s+20%\s+完成率/);
    // A branch organiser sees only his own branch.
    await expect(page.locator('#branch-br-office').count()).resolves.toBe(0);
    await expect(shown(page, '#checkin-day').getAttribute('data-day')).resolves.toBe(today);
    // No later day to look at than today.
    await expect(shown(page, '#checkin-day-next').getAttribute('class')).resolves.toContain('nut-button-disabled');
    const todayBar = shown(page, `#trend-${today}`);
    await expect(todayBar.getAttribute('data-count')).resolves.toBe('2');
    await expect(todayBar.locator('.trend__fill').getAttribute('style')).resolves.toContain('height: 20%');
    await expect(page.locator('#checkin-trend .trend__col:visible').count()).resolves.toBe(30);
    await shot(page, 'checkin-admin-home');

    // WHEN he opens the branch
    await card.click();
    await shown(page, '#roster-head').waitFor();

    // THEN the names: who checked in (and how long), and who has not
    await expect(shown(page, '#roster-demo-member-12').innerText()).resolves.toMatch(/马俊[\s\S]*30 分钟[\s\S]*已打卡/);
    await expect(shown(page, '#roster-demo-member-13').innerText()).resolves.toMatch(/朱敏[\s\S]*45 分钟[\s\S]*已打卡/);
    await expect(shown(page, '#roster-demo-member-14').getAttribute('data-status')).resolves.toBe('missing');
    // … and those never bound to WeChat marked 未绑定 (not 未打卡), each with an invitation to send
    for (const [i, name] of UNBOUND.entries()) {
      const row = shown(page, `#roster-demo-member-${17 + i}`);
      await expect(row.getAttribute('data-status')).resolves.toBe('unbound');
      await expect(row.innerText()).resolves.toMatch(new RegExp(`${name}[\\s\\S]*未绑定[\\s\\S]*发送邀请`));
      await expect(row.innerText()).resolves.not.toContain('未打卡');
    }
    await expect(shown(page, '#roster-counts').innerText()).resolves.toMatch(/^2\s+已打卡\s+4\s+未打卡\s+4\s+未绑定/);
    // The copy text is a nudge to the four bound who have not checked in: what, by when (in words), how.
    const missingText = await shown(page, '#roster-missing-text').innerText();
    const byMidnight = deadlineWords(beijingDayStart(addDays(today, 1)), env.t.cloud.clock.now());
    expect(missingText).toContain(`同志（共4人）：请在${byMidnight}完成「学习打卡」。`);
    expect(missingText).toContain('“党员学习”小程序');
    expect(missingText).not.toContain(today);
    for (const name of SCHOOL) {
      if (CHECKED.includes(name) || UNBOUND.includes(name)) expect(missingText).not.toContain(name);
      else expect(missingText).toContain(name);
    }
    await shown(page, '#roster-filter-missing').click();
    await eventually(async () => {
      const listed = await shown(page, '#roster-list').innerText();
      expect(listed).toContain('胡雪');
      expect(listed).not.toContain('马俊');
      expect(listed).not.toContain('朱敏');
      expect(listed).not.toContain('高远');
    });
    await expect(page.locator('#roster-list .ca-row:visible').count()).resolves.toBe(4);
    await shown(page, '#roster-filter-unbound').click();
    await eventually(async () => {
      const listed = await shown(page, '#roster-list').innerText();
      for (const name of UNBOUND) expect(listed).toContain(name);
      expect(listed).not.toContain('胡雪');
    });
    await expect(page.locator('#roster-list .ca-row:visible').count()).resolves.toBe(4);
    await shot(page, 'checkin-admin-branch');

    // … copies the list for the group chat
    await shown(page, '#roster-copy').click();
    await page.getByText('已复制', { exact: true }).waitFor();
    // Taro's H5 clipboard keeps {"data": text} in localStorage.
    const copied = await page.evaluate(() => localStorage.getItem('taro_clipboard'));
    expect((JSON.parse(copied ?? '{}') as { data?: string }).data).toBe(missingText);

    // … and reminds them: only 胡雪 allowed reminders; three bound members did not, four never bound
    await shown(page, '#roster-remind').click();
    await shown(page, '#remind-result').waitFor();
    await expect(shown(page, '#remind-sent').innerText()).resolves.toMatch(/^1\s+已提醒/);
    await expect(shown(page, '#remind-without-credit').innerText()).resolves.toMatch(/^3\s+未开启提醒/);
    await expect(shown(page, '#remind-unbound').innerText()).resolves.toMatch(/^4\s+未绑定/);
    await expect(shown(page, '#remind-already').innerText()).resolves.toMatch(/^0\s+今天已提醒过/);
    // Said honestly in words, with the other ways to reach them at hand.
    await expect(shown(page, '#remind-summary').innerText()).resolves.toBe('已提醒 1 人；3 人未开启提醒（可复制文字或转发到群里）；4 人未绑定（请发送邀请）');
    await shown(page, '#remind-share').waitFor();
    await page.evaluate(() => localStorage.removeItem('taro_clipboard'));
    await shown(page, '#remind-copy').click();
    await eventually(async () => {
      const again = await page.evaluate(() => localStorage.getItem('taro_clipboard'));
      expect((JSON.parse(again ?? '{}') as { data?: string }).data).toBe(missingText);
    });
    expect(env.t.cloud.db.count('checkinReminders', { _id: `demo-member-14_${today}` })).toBe(1);
    // A second tap the same day does not remind her again, though she has a credit left.
    await shown(page, '#roster-remind').click();
    await eventually(async () => {
      await expect(shown(page, '#remind-already').innerText()).resolves.toMatch(/^1\s+今天已提醒过/);
    });
    await expect(shown(page, '#remind-sent').innerText()).resolves.toMatch(/^0\s+已提醒/);
    await expect(shown(page, '#remind-without-credit').innerText()).resolves.toMatch(/^3\s+未开启提醒/);

    // … and exports the branch's day: every member of the branch with the right state
    const [download] = await Promise.all([page.waitForEvent('download'), shown(page, '#roster-export').click()]);
    expect(download.suggestedFilename()).toBe(`学习打卡-实验中学党支部-${today}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.getWorksheet('打卡名单');
    expect(sheet).toBeDefined();
    const values = (r: number) => (sheet?.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['支部', '姓名', '状态', '学习内容', '时长（分钟）', '打卡时间']);
    const rows = Array.from({ length: (sheet?.rowCount ?? 1) - 1 }, (_, i) => values(i + 2));
    expect(rows.map((r) => r[1]).sort()).toEqual([...SCHOOL].sort());
    for (const row of rows) {
      expect(row[0]).toBe('实验中学党支部');
      if (row[1] === '马俊') expect(row.slice(2, 5)).toEqual(['已打卡', '学习党章总纲', 30]);
      else if (row[1] === '朱敏') expect(row.slice(2, 5)).toEqual(['已打卡', '学习党史第一章', 45]);
      else expect(row[2]).toBe(UNBOUND.includes(String(row[1])) ? '未绑定' : '未打卡');
      if (CHECKED.includes(String(row[1]))) expect(String(row[5])).toMatch(new RegExp(`^${today} \\d{2}:\\d{2}$`));
    }
    const week = book.getWorksheet('近7天');
    expect((week?.getRow(2).values as unknown[]).slice(1)).toEqual(['实验中学党支部', 10, 0, 0, 0, 0, 0, 0, 2, 20]);

    // … and an unbound member's invitation opens the branch's invite card
    await shown(page, '#roster-filter-unbound').click();
    await shown(page, '#roster-invite-demo-member-17').click();
    await expect(shown(page, '#invite-unit').innerText()).resolves.toBe('实验中学党支部');

    await context.close();
  });

  it('creates a challenge for his branch; a member of the branch sees it on her 学习 tab and her progress after checking in', async () => {
    // GIVEN 马俊 checked in today (a repeat of the first case's check-in writes nothing), and 李强 on 打卡活动
    await act('demo-m-12', 'checkin', 'checkIn', { title: '学习党章总纲', minutes: 30 });
    const { context, page } = await env.open();
    await signInOrganiser(page);
    await openCheckinAdmin(page);
    await shown(page, '#checkin-challenges').click();
    await shown(page, '#challenge-new').click();

    // WHEN he starts a 21-day challenge (from today) needing 5 days, for his only branch
    await shown(page, '#challenge-form').waitFor();
    // A branch organiser may not address the whole organisation; his one branch is chosen for him.
    await expect(page.locator('#challenge-unit-all').count()).resolves.toBe(0);
    await expect(shown(page, '#challenge-unit-br-school').getAttribute('aria-checked')).resolves.toBe('true');
    await fill(page, 'challenge-title', CHALLENGE);
    await fill(page, 'challenge-description', '每天学习一篇党史故事');
    await fill(page, 'challenge-required', '5');
    await expect(shown(page, '#challenge-form').innerText()).resolves.toContain('活动共 21 天');
    await shot(page, 'checkin-admin-challenge-form');
    await shown(page, '#challenge-submit').click();

    // THEN it is listed and stored for his branch
    await shown(page, '#challenge-new').waitFor();
    const stored = env.t.cloud.db.find('checkinChallenges', { title: CHALLENGE }, {});
    expect(stored).toHaveLength(1);
    const challenge = stored[0] as unknown as { _id: string; audience: string[]; requiredDays: number; startDay: string };
    const today = beijingDayKey(env.t.cloud.clock.now());
    expect(challenge).toMatchObject({ audience: ['br-school'], requiredDays: 5, startDay: today });
    const item = shown(page, `#challenge-${challenge._id}`);
    await expect(item.innerText()).resolves.toMatch(new RegExp(`${CHALLENGE}[\\s\\S]*进行中[\\s\\S]*打卡满 5 天达标 · 共 21 天[\\s\\S]*面向：实验中学党支部[\\s\\S]*发起人：李强`));
    await shot(page, 'checkin-admin-challenges');

    // WHEN 胡雪, a member of the branch, opens 学习: the challenge is there with nothing done yet
    const member = await env.open();
    const mp = member.page;
    await mp.locator('#login-openid input, input#login-openid').first().fill('demo-m-14');
    await mp.locator('#login-openid-submit').click();
    await mp.getByText('胡雪').first().waitFor();
    await openTab(mp, '学习');
    const mine = shown(mp, `#my-challenge-${challenge._id}`);
    await expect(mine.innerText()).resolves.toMatch(new RegExp(`${CHALLENGE}[\\s\\S]*进度正常[\\s\\S]*已打卡 0/5 天`));

    // … and checks in
    await fill(mp, 'checkin-title', '学习党史故事：南湖红船');
    await shown(mp, '#checkin-submit').click();
    await shown(mp, '#checkin-done').waitFor();

    // THEN her progress is 1 of 5
    await eventually(async () => {
      await expect(shown(mp, `#my-challenge-progress-${challenge._id}`).innerText()).resolves.toBe('已打卡 1/5 天');
    });
    await shot(mp, 'checkin-my-challenges');
    await member.context.close();

    // … and the organiser's progress view counts her (and those who checked in earlier today)
    await item.locator(`#challenge-open-${challenge._id}`).click();
    await shown(page, '#progress-summary').waitFor();
    await expect(shown(page, '#progress-demo-member-14').innerText()).resolves.toMatch(/胡雪[\s\S]*1\/5 天[\s\S]*进度正常/);
    await expect(shown(page, '#progress-demo-member-12').innerText()).resolves.toMatch(/马俊[\s\S]*1\/5 天/);
    await expect(shown(page, '#progress-demo-member-15').innerText()).resolves.toMatch(/郭峰[\s\S]*0\/5 天/);
    await expect(shown(page, '#progress-count-on_track').getAttribute('data-count')).resolves.toBe('10');
    // … with the challenge's days as a trend, today's bar counting the branch's check-ins
    const branchToday = env.t.cloud.db.count('checkins', { day: today, unitId: 'br-school' });
    await expect(shown(page, `#challenge-trend-${today}`).getAttribute('data-count')).resolves.toBe(String(branchToday));
    await shot(page, 'checkin-admin-challenge-progress');

    await context.close();
  });

  it("lets the org admin follow one branch's trend and change the make-up and reminder settings, which a branch organiser can only read", async () => {
    // GIVEN 刘洋 of 机关第一党支部 checked in today
    const today = beijingDayKey(env.t.cloud.clock.now());
    await act('demo-m-02', 'checkin', 'checkIn', { title: '学习党纪处分条例', minutes: 20 });
    const allToday = env.t.cloud.db.count('checkins', { day: today });

    // WHEN 张伟, the org admin, opens 打卡统计
    const admin = await env.open();
    const page = admin.page;
    await page.locator('#login-admin').click();
    await page.getByText('张伟').first().waitFor();
    await openCheckinAdmin(page);

    // THEN he sees every branch, and the trend covers all of them until he picks one
    for (const unit of ['br-office', 'br-school', 'br-retired']) await shown(page, `#branch-${unit}`).waitFor();
    await expect(shown(page, '#branch-br-office').innerText()).resolves.toMatch(/已打卡\s*1\s*\/\s*10 人/);
    await expect(shown(page, `#trend-${today}`).getAttribute('data-count')).resolves.toBe(String(allToday));
    await expect(shown(page, '#trend-average').innerText()).resolves.toContain('共 30 人');
    await shown(page, '#trend-unit-br-office').click();
    await eventually(async () => {
      await expect(shown(page, '#trend-average').innerText()).resolves.toContain('共 10 人');
      await expect(shown(page, `#trend-${today}`).getAttribute('data-count')).resolves.toBe('1');
    });

    // WHEN he opens 打卡设置 (the defaults: 3 days, 2 a month, a reminder at 20:00) and changes them
    await shown(page, '#checkin-settings').click();
    await shown(page, '#settings-save').waitFor();
    await expect(shown(page, '#settings-window input').inputValue()).resolves.toBe('3');
    await expect(shown(page, '#settings-per-month input').inputValue()).resolves.toBe('2');
    await expect(shown(page, '#settings-time').getAttribute('data-time')).resolves.toBe('20:00');
    await shown(page, '#settings-window-minus').click();
    await shown(page, '#settings-per-month-plus').click();
    await shown(page, '#settings-reminder').click();
    await expect(page.locator('#settings-time:visible').count()).resolves.toBe(0);
    await shot(page, 'checkin-admin-settings');
    await shown(page, '#settings-save').click();
    await page.getByText('已保存', { exact: true }).waitFor();

    // THEN the organisation's settings are stored
    expect(env.t.cloud.db.get('checkinSettings', 'org-demo')).toMatchObject({ makeupWindowDays: 2, makeupPerMonth: 3, reminderEnabled: false, reminderTime: '20:00' });
    await admin.context.close();

    // … and 李强, a branch organiser, reads them without a form
    const organiser = await env.open();
    await signInOrganiser(organiser.page);
    await openCheckinAdmin(organiser.page);
    await shown(organiser.page, '#checkin-settings').click();
    await shown(organiser.page, '#settings-view').waitFor();
    await expect(shown(organiser.page, '#settings-view-window').innerText()).resolves.toContain('漏打的日子 2 天内可以补卡');
    await expect(shown(organiser.page, '#settings-view-per-month').innerText()).resolves.toContain('3 次');
    await expect(shown(organiser.page, '#settings-view-reminder').innerText()).resolves.toMatch(/每日提醒\s*关/);
    await expect(organiser.page.locator('#settings-save').count()).resolves.toBe(0);
    await organiser.context.close();
  });
});

// A member checks in on the 学习 tab in headless Chromium against the H5 build, with the real
// `checkin` function behind it: today's check-in, the streak and the calendar, then (the server's
// clock moved two days on, the day between skipped) a make-up of the missed day from the calendar.
// Then a check-in with a photo, shared, that a branch mate sees in 支部动态.
import type { BrowserContext, Page } from 'playwright-core';
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { eventually, fill, openTab, shown } from '../helpers/ui';
import { addDays, beijingDayKey } from '../../core/domain/time';
import { encodePng } from '../../localcloud/png';

jest.setTimeout(90_000);

const DAY_MS = 86_400_000;

let env: BrowserEnv;

beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);

afterAll(async () => {
  env?.t.cloud.clock.reset();
  await env?.close();
});

async function statusOf(page: Page, day: string): Promise<string | null> {
  return page.locator(`#day-${day}`).getAttribute('data-status');
}

/** Show the month of `day` in the calendar (it opens on the server's current month). */
async function showMonthOf(page: Page, day: string): Promise<void> {
  const cell = page.locator(`#day-${day}`);
  if ((await cell.count()) === 0) {
    await page.locator('#checkin-prev').click();
  }
  await cell.waitFor();
}

describe('member checks in and makes up a missed day', () => {
  it('checks in today, then makes up yesterday from the calendar two days later', async () => {
    const { context, page } = await env.open();
    try {
      await page.locator('#login-member').waitFor();
      await page.locator('#login-member').click();
      await page.getByText('王秀英').first().waitFor();

      // 学习 tab: not yet checked in today, a form with the default 30 minutes.
      await openTab(page, '学习');
      const base = env.t.cloud.clock.now();
      const today = beijingDayKey(base);
      await page.locator('#checkin-submit').waitFor();
      await expect(page.locator('#checkin-minutes input, input#checkin-minutes').first().inputValue()).resolves.toBe('30');
      await expect(statusOf(page, today)).resolves.toBe('today_open');
      await expect(page.locator('#checkin-streak').innerText()).resolves.toMatch(/连续打卡\s*0\s*天/);

      // An empty title is refused on the page before anything is sent.
      await page.locator('#checkin-submit').click();
      await page.locator('#checkin-error', { hasText: '请填写学习内容' }).waitFor();

      await fill(page, 'checkin-title', '学习党章第一章');
      await fill(page, 'checkin-note', '重温入党誓词，很受教育。');
      await page.locator('#checkin-share').click();
      await shot(page, 'checkin-form');
      await page.locator('#checkin-submit').click();

      await page.locator('#checkin-done', { hasText: '今日已打卡' }).waitFor();
      await page.locator('#checkin-streak', { hasText: /连续打卡\s*1\s*天/ }).waitFor();
      await eventually(async () => expect(await statusOf(page, today)).toBe('checked'));
      await expect(page.locator(`#day-${today}`).innerText()).resolves.toContain('✓');
      await expect(page.locator('#checkin-total').innerText()).resolves.toContain('累计 1 天');
      await expect(page.locator('#checkin-makeups-left').innerText()).resolves.toContain('本月还可补卡 2 次');
      const saved = env.t.cloud.db.count('checkins', { day: today, title: '学习党章第一章', share: true });
      expect(saved).toBe(1);

      // 开启打卡提醒: consent is assumed on H5.
      await page.locator('#checkin-remind').click();
      await page.locator('#checkin-remind-on', { hasText: '已开启打卡提醒' }).waitFor();
      await shot(page, 'checkin-done');

      // The next day passes without a check-in; the day after, yesterday can still be made up.
      env.t.cloud.clock.set(base + DAY_MS);
      env.t.cloud.clock.set(base + 2 * DAY_MS);
      const yesterday = addDays(today, 1);
      await page.reload();
      await page.locator('#checkin-submit').waitFor();
      await page.locator('#checkin-streak', { hasText: /连续打卡\s*0\s*天/ }).waitFor();
      await showMonthOf(page, yesterday);
      await expect(statusOf(page, yesterday)).resolves.toBe('makeup_open');
      await expect(page.locator(`#day-${yesterday}`).innerText()).resolves.toContain('可补');
      await shot(page, 'checkin-calendar');

      await page.locator(`#day-${yesterday}`).click();
      await page.locator('#makeup-form').waitFor();
      await fill(page, 'makeup-title', '学习《习近平谈治国理政》');
      await page.locator('#makeup-submit').click();

      await page.locator('#makeup-form').waitFor({ state: 'detached' });
      await eventually(async () => expect(await statusOf(page, yesterday)).toBe('made_up'));
      await expect(page.locator(`#day-${yesterday}`).innerText()).resolves.toContain('补');
      await expect(page.locator(`#day-${yesterday}`).getAttribute('aria-label')).resolves.toContain('已补卡');
      // Today is still open, so the run ending yesterday counts: the first day and the made-up one.
      await page.locator('#checkin-streak', { hasText: /连续打卡\s*2\s*天/ }).waitFor();
      await expect(page.locator('#checkin-longest').innerText()).resolves.toContain('最长 2 天');
      await expect(page.locator('#checkin-total').innerText()).resolves.toContain('累计 2 天');
      await expect(page.locator('#checkin-makeups-left').innerText()).resolves.toContain('本月还可补卡 1 次');
      expect(env.t.cloud.db.count('checkins', { day: yesterday, madeUp: true })).toBe(1);
      await shot(page, 'checkin-made-up');
    } finally {
      env.t.cloud.clock.reset();
      await context.close();
    }
  });
});

/** A small red square as a PNG (RGBA scanlines, each row led by filter byte 0). */
function redSquarePng(size: number): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 4, Buffer.from([0xc8, 0x16, 0x1d, 0xff]))]);
  return encodePng(size, size, 6, Buffer.concat(Array.from({ length: size }, () => row)));
}

async function signInAs(openid: string, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await env.open();
  await page.locator('#login-openid input, input#login-openid').first().fill(openid);
  await page.locator('#login-openid-submit').click();
  await page.getByText(name).first().waitFor();
  return { context, page };
}

describe('a shared check-in with a photo', () => {
  it('refuses a file that is not an image, keeps a real photo, and shows it to a branch mate in 支部动态', async () => {
    const today = beijingDayKey(env.t.cloud.clock.now());
    // GIVEN 郑桂兰 (离退休干部党支部) on 学习, not yet checked in today
    const author = await signInAs('demo-m-23', '郑桂兰');
    const page = author.page;
    try {
      await openTab(page, '学习');
      await page.locator('#checkin-submit').waitFor();
      await fill(page, 'checkin-title', '学习《中国共产党简史》');
      await fill(page, 'checkin-note', '和老同志们一起读书。');
      await page.locator('#checkin-share').click();

      // WHEN she attaches a file called .png that is not an image: the server refuses it, nothing is written
      await page.locator('#checkin-photo-input').setInputFiles({ name: '照片.png', mimeType: 'image/png', buffer: Buffer.from('这不是图片', 'utf8') });
      await shown(page, '#checkin-photo-thumb').waitFor();
      await page.locator('#checkin-submit').click();
      await page.locator('#checkin-error', { hasText: '不是图片' }).waitFor();
      expect(env.t.cloud.db.count('checkins', { memberId: 'demo-member-23' })).toBe(0);

      // … then takes it away (the refusal goes with it) and attaches a real photo
      await shown(page, '#checkin-photo-remove').click();
      await page.locator('#checkin-error').waitFor({ state: 'detached' });
      await page.locator('#checkin-photo-input').setInputFiles({ name: '读书.png', mimeType: 'image/png', buffer: redSquarePng(16) });
      await shown(page, '#checkin-photo-thumb img').waitFor();
      await shot(page, 'checkin-photo');
      await page.locator('#checkin-submit').click();
      await page.locator('#checkin-done', { hasText: '今日已打卡' }).waitFor();

      // THEN the check-in keeps the photo and is shared, and her own feed shows it
      const saved = env.t.cloud.db.find('checkins', { _id: `demo-member-23_${today}` }, {})[0] as unknown as { photo: string | null; share: boolean };
      expect(saved).toMatchObject({ share: true, photo: expect.stringMatching(/^cloud:\/\//) });
      await shown(page, `#shared-checkin-demo-member-23_${today}`).waitFor();
    } finally {
      await author.context.close();
    }

    // WHEN 韩淑珍, of the same branch, opens 学习
    const reader = await signInAs('demo-m-25', '韩淑珍');
    try {
      await openTab(reader.page, '学习');
      const item = shown(reader.page, `#shared-checkin-demo-member-23_${today}`);
      await item.waitFor();

      // THEN she sees 郑桂兰's check-in with its words and the photo, loaded
      await expect(item.innerText()).resolves.toMatch(/郑桂兰[\s\S]*学习《中国共产党简史》 · 30 分钟[\s\S]*和老同志们一起读书。/);
      await expect(item.innerText()).resolves.not.toContain('补卡');
      // The feed's images load lazily: scroll to it as she would.
      const img = item.locator('img');
      await img.scrollIntoViewIfNeeded();
      await eventually(async () => {
        expect(await img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBe(16);
      });
      await shot(reader.page, 'checkin-shared-checkins');
    } finally {
      await reader.context.close();
    }
  });
});

describe('a title from the study materials', () => {
  it('fills the title from a 学习资料 post in one tap and keeps which material it was', async () => {
    const today = beijingDayKey(env.t.cloud.clock.now());
    // GIVEN the org admin has published a study material to the feed
    const saved = await env.t.call<{ id: string }>('demo-admin', 'feed', 'savePost', {
      post: { kind: 'material', title: '《中国共产党章程》导读', body: '<p>逐章学习党章。</p>', tags: ['学习资料'], unitId: null },
    });
    if (!saved.ok) throw new Error(saved.message);
    await env.t.call('demo-admin', 'feed', 'publishPost', { postId: saved.data.id });
    const member = await signInAs('demo-m-24', '谢国华');
    try {
      // WHEN 谢国华 opens 学习 and taps the material under the title
      await openTab(member.page, '学习');
      const chip = shown(member.page, `#checkin-material-${saved.data.id}`);
      await chip.waitFor();
      await chip.click();
      await expect(member.page.locator('#checkin-title input, input#checkin-title').first().inputValue()).resolves.toBe('《中国共产党章程》导读');
      await member.page.locator('#checkin-submit').click();
      await member.page.locator('#checkin-done', { hasText: '今日已打卡' }).waitFor();
      // THEN the check-in carries the material's title and id
      expect(env.t.cloud.db.find('checkins', { _id: `demo-member-24_${today}` }, {})[0]).toMatchObject({ title: '《中国共产党章程》导读', materialId: saved.data.id });
    } finally {
      await member.context.close();
    }
  });
});

// User journeys of the foundation, in headless Chromium against the H5 build served by the
// local cloud, with the real `org` function behind it.
import type { Page } from 'playwright-core';
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { answerModal, openTab } from '../helpers/ui';

jest.setTimeout(60_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);
afterAll(async () => {
  await env?.close();
});

async function signIn(page: Page, who: 'member' | 'organiser' | 'admin'): Promise<void> {
  // An unauthenticated visitor is sent to the sign-in page.
  await page.locator('#login-member').waitFor();
  await shot(page, 'login');
  await page.locator(`#login-${who}`).click();
}

/** Signs in as the demo branch organiser and opens 管理后台 from 我的. */
async function openAdminAsOrganiser(page: Page): Promise<void> {
  await signIn(page, 'organiser');
  await page.getByText('李强').first().waitFor();
  await openTab(page, '我的');
  await page.locator('#go-admin').click();
}

describe('member', () => {
  it('signs in and sees home and 我的 with their own name, branch and role', async () => {
    const { context, page } = await env.open();
    await signIn(page, 'member');

    await page.getByText('王秀英').first().waitFor();
    await expect(page.getByText('离退休干部党支部').first().isVisible()).resolves.toBe(true);
    await shot(page, 'home-member');

    await openTab(page, '我的');
    const profile = page.locator('#mine-profile');
    await profile.waitFor();
    await expect(profile.innerText()).resolves.toMatch(/王秀英/);
    const mine = await page.locator('.mine-info__value').allInnerTexts();
    expect(mine).toEqual(expect.arrayContaining(['离退休干部党支部', '示例市直机关党委', '党员', '正式党员']));
    // A member has no way into the organiser pages.
    await expect(page.locator('#go-admin').count()).resolves.toBe(0);
    await shot(page, 'mine-member');
    await context.close();
  });
});

describe('organiser', () => {
  it('imports a roster with one bad row, sees the row-by-row report, and only good rows are saved', async () => {
    const { context, page } = await env.open();
    await openAdminAsOrganiser(page);
    await page.locator('#admin-import').waitFor();
    // Taro H5 keeps earlier pages in the DOM, hidden: look inside the admin page only.
    const adminPage = page.locator('.taro_page').filter({ has: page.locator('#admin-import') });
    await adminPage.getByText('实验中学党支部').first().waitFor();
    await shot(page, 'admin-home');

    await page.locator('#admin-import').click();
    await page.locator('#import-file-input').waitFor({ state: 'attached' });
    const csv = ['姓名,所在支部,手机号,党员类别', '浏览器甲,实验中学党支部,13600000001,正式党员', '浏览器乙,实验中学党支部,1360000,正式党员', '浏览器丙,,13600000003,预备党员'].join('\n');
    await page.locator('#import-file-input').setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('#import-picked').waitFor();
    await page.locator('#import-preview').click();

    const preview = page.locator('#import-preview-result');
    await preview.waitFor();
    await expect(page.locator('#import-totals').innerText()).resolves.toMatch(/^2\s+可导入\s+0\s+已存在\s+1\s+有问题/);
    const rows = page.locator('#import-rows');
    await expect(rows.innerText()).resolves.toContain('手机号应为11位数字');
    await expect(rows.innerText()).resolves.toContain('浏览器乙');
    await shot(page, 'admin-import-preview');

    // Nothing is written by the preview.
    expect(env.t.cloud.db.count('members', { name: { $in: ['浏览器甲', '浏览器丙'] } })).toBe(0);

    await page.locator('#import-commit').click();
    const done = page.locator('#import-done');
    await done.waitFor();
    await expect(done.innerText()).resolves.toContain('已导入 2 人');
    await shot(page, 'admin-import-done');

    const saved = env.t.cloud.db.find('members', { name: { $regex: '^浏览器' } }, {});
    expect(saved.map((m) => [m.name, m.unitId, m.category]).sort()).toEqual([
      ['浏览器丙', 'br-school', 'probationary'],
      ['浏览器甲', 'br-school', 'full'],
    ]);
    await context.close();
  });
});

describe('new WeChat user', () => {
  it('binds to the roster with name and invite code, after a wrong code is refused in plain words', async () => {
    const { context, page } = await env.open();
    await page.locator('#login-openid').waitFor();
    await page.locator('#login-openid input, input#login-openid').first().fill('o-browser-newcomer');
    await page.locator('#login-openid-submit').click();

    await page.locator('#go-bind').first().click();
    await page.locator('#bind-name').waitFor();
    await page.locator('#bind-name input, input#bind-name').first().fill('梁红');
    await page.locator('#bind-code input, input#bind-code').first().fill('zzzzzz');
    await page.locator('#bind-submit').click();
    await expect(page.locator('#bind-error').innerText()).resolves.toContain('邀请码不正确');
    await shot(page, 'bind-error');

    await page.locator('#bind-code input, input#bind-code').first().fill('syzx02');
    await page.locator('#bind-submit').click();
    await page.locator('#bind-done').waitFor();
    await expect(page.locator('#bind-done').innerText()).resolves.toContain('实验中学党支部');

    const entry = env.t.cloud.db.find('members', { name: '梁红' }, {});
    expect(entry.map((m) => [m.unitId, m.openid])).toEqual([['br-school', 'o-browser-newcomer']]);
    await context.close();
  });
});

describe('organiser, roster', () => {
  it('releases a member from their old WeChat account, with a reason, and the roster shows it', async () => {
    const { context, page } = await env.open();
    await openAdminAsOrganiser(page);
    await page.locator('#admin-roster').click();

    const row = page.locator('#member-demo-member-14');
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('已绑定');
    await row.click();
    await page.getByText('解除微信绑定', { exact: true }).click();
    await page.getByText('更换了手机或微信', { exact: true }).click();
    await shot(page, 'admin-unbind-confirm');
    await answerModal(page, /需要用新的微信重新绑定/, 'confirm');

    await page.locator('#member-demo-member-14', { hasText: '未绑定' }).waitFor();
    expect(env.t.cloud.db.get('members', 'demo-member-14')).toMatchObject({ openid: null, lastUnbind: { reason: '更换了手机或微信' } });
    await context.close();
  });
});

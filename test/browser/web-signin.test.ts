// Web sign-in in Chromium (docs/WEB-APP.md): an organiser issues a member a 网页登录码 from the
// roster page of 管理后台; a fresh browser (its own storage: nobody) signs in with it on the login
// page and sees the member's 首页 and name; a wrong code shows the plain reason and signs nobody in.

import { startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { eventually, openTab, shown } from '../helpers/ui';
import { issueWebCodeFor, signInOnWeb, webLoginError } from '../helpers/web';
import { WEB_TEXT } from '../../functions/org/webSignIn';

jest.setTimeout(120_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 180_000);
afterAll(async () => {
  await env?.close();
});

it('signs a fresh browser in as the member with a code their organiser issued', async () => {
  const code = await issueWebCodeFor(env.t, 'demo-member', 'demo-m-22');
  const { context, page } = await env.open();
  try {
    // Nobody yet: the app opens on the login page, with the code form first.
    await shown(page, '#web-code').waitFor();
    await signInOnWeb(page, code);
    await openTab(page, '我的');
    await eventually(async () => expect(await shown(page, '#mine-profile').innerText()).toContain('王秀英'));
    expect(await shown(page, '.mine-session').innerText()).toContain('网页登录码');
    // The code is spent.
    expect(await env.t.cloud.db.find('identities', { _id: 'demo-member' })[0]?.webUid).toEqual(expect.any(String));
  } finally {
    await context.close();
  }
});

it('shows a wrong code’s reason and stays on the login page', async () => {
  const { context, page } = await env.open();
  try {
    expect(await webLoginError(page, '00000000')).toContain(WEB_TEXT.wrong);
    expect(await shown(page, '#web-code').isVisible()).toBe(true);
    expect(await page.locator('.app-tabbar__item:visible').count()).toBe(0);
  } finally {
    await context.close();
  }
});

it('lets an organiser issue a code from the roster and the member sign in with it', async () => {
  const { context, page } = await env.open();
  let code = '';
  try {
    // 宋德明, organiser of 离退休干部党支部 (the demo's dev login, offered by the local cloud).
    await page.locator('#login-openid input, input#login-openid').first().fill('demo-m-22');
    await page.locator('#login-openid-submit').click();
    await page.locator('.app-tabbar__item:visible').first().waitFor();
    await page.goto(`${env.t.cloud.url}/#/subpackages/org-admin/roster?unitId=br-retired`);
    const row = shown(page, '#member-demo-member-23');
    await row.waitFor();
    await row.click();
    await page.locator('.taro-actionsheet__cell, .taro-actionsheet__item').filter({ hasText: '发网页登录码' }).first().click();
    const dialog = page.locator('.taro-modal__content').first();
    await dialog.waitFor();
    const text = await dialog.innerText();
    expect(text).toContain('郑桂兰的网页登录码');
    code = /(\d{4}) (\d{4})/.exec(text)?.slice(1).join('') ?? '';
    expect(code).toMatch(/^\d{8}$/);
  } finally {
    await context.close();
  }
  const fresh = await env.open();
  try {
    await signInOnWeb(fresh.page, code);
    await openTab(fresh.page, '我的');
    await eventually(async () => expect(await shown(fresh.page, '#mine-profile').innerText()).toContain('郑桂兰'));
  } finally {
    await fresh.context.close();
  }
});

it('when an organiser revokes the web sign-in, sends the member to sign in and then back to the page they were on', async () => {
  const code = await issueWebCodeFor(env.t, 'demo-member', 'demo-m-22');
  const { context, page } = await env.open();
  try {
    await signInOnWeb(page, code);
    await openTab(page, '我的');
    await shown(page, '#go-points').click();
    await eventually(async () => expect(new URL(page.url()).hash).toContain('subpackages/points/mine'));
    await shown(page, '#title-bar-title').waitFor();
    // The page's calls (the total, the history) are answered before the revocation: one still on
    // its way would be refused and send the member to sign in before the reload below, and the
    // reload would then race that navigation (seen on a loaded machine).
    await shown(page, '#points-total').waitFor();
    await shown(page, '#points-history').getByText(/共 \d+ 条|还没有积分记录/).waitFor();

    // 宋德明 revokes it from 管理后台; the member's next call is refused and the app notices.
    const memberId = (env.t.cloud.db.find('identities', { _id: 'demo-member' })[0] as { memberId: string }).memberId;
    const revoked = await env.t.call<{ revoked: boolean }>('demo-m-22', 'org', 'revokeWebKey', { memberId });
    expect(revoked).toMatchObject({ ok: true, data: { revoked: true } });
    await page.reload();
    await shown(page, '#web-code').waitFor();
    const hash = decodeURIComponent(new URL(page.url()).hash);
    expect(hash).toContain('pages/login/index');
    expect(hash).toContain('back=/subpackages/points/mine');

    // A new code signs them in again, back on the page they were on, not on 首页.
    await typeCodeAndSubmit(page, await issueWebCodeFor(env.t, 'demo-member', 'demo-m-22'));
    await eventually(async () => expect(new URL(page.url()).hash).toContain('subpackages/points/mine'));
    await shown(page, '#title-bar-title').waitFor();
  } finally {
    await context.close();
  }
});

/** Types a code on the login page being shown and submits it (signInOnWeb waits for 首页; this page returns elsewhere). */
async function typeCodeAndSubmit(page: import('playwright-core').Page, code: string): Promise<void> {
  await page.locator('#web-code input:visible, input#web-code:visible').first().fill(code);
  await page.locator('#web-code-submit:visible').first().click();
}

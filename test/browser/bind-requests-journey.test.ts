// The organiser's bind-request queue in headless Chromium against the H5 build: each request says
// what it is, and a request for a name already bound on the roster is approved only by choosing
// 换绑 (the entry moves to the new WeChat) or a new entry, never by a plain 通过.
import type { Page } from 'playwright-core';
import { dataOf } from '../helpers/cloud';
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

async function openRequestsAsOrganiser(page: Page): Promise<void> {
  await page.locator('#login-organiser').waitFor();
  await page.locator('#login-organiser').click();
  await page.getByText('李强').first().waitFor();
  await openTab(page, '我的');
  await page.locator('#go-admin').click();
  await page.locator('#admin-requests').click();
  await page.locator('#request-list').waitFor();
}

it('shows what each request is, and moves a bound member to a new WeChat only through 换绑', async () => {
  const bound = env.t.cloud.db.find('members', { name: '胡雪' })[0] as { _id: string; openid: string };
  for (const [openid, name] of [
    ['o-browser-rebind', '胡雪'],
    ['o-browser-stranger', '王新来'],
  ]) {
    expect(dataOf(await env.t.call(openid, 'org', 'bindMember', { name, inviteCode: 'SYZX02' }))).toMatchObject({ status: 'pending' });
  }
  const requestId = (openid: string) => String(env.t.cloud.db.find('bindRequests', { openid })[0]._id);

  const { context, page } = await env.open();
  await openRequestsAsOrganiser(page);
  const rebind = page.locator(`#request-${requestId('o-browser-rebind')}`);
  const stranger = page.locator(`#request-${requestId('o-browser-stranger')}`);
  await expect(rebind.locator(`#request-kind-${requestId('o-browser-rebind')}`).innerText()).resolves.toContain('名册中有同名已绑定成员');
  await expect(stranger.innerText()).resolves.toContain('名册中没有此人');
  // No plain 通过 for the bound name: the choices are 换绑, a new entry, or 不通过.
  await expect(rebind.locator('.request__btn').filter({ hasText: /^通过$/ }).count()).resolves.toBe(0);
  await expect(rebind.locator('.request__btn').filter({ hasText: /^作为新成员加入$/ }).count()).resolves.toBe(1);
  await shot(page, 'admin-requests-cases');

  await rebind.locator('.request__btn').filter({ hasText: /^换绑到新微信$/ }).click();
  await answerModal(page, /原来的微信不能再使用本小程序/, 'confirm'); // the 换绑 confirmation
  await page.locator('.request--done', { hasText: '胡雪' }).waitFor();
  expect(env.t.cloud.db.find('members', { name: '胡雪' })).toHaveLength(1);
  expect(env.t.cloud.db.get('members', bound._id)).toMatchObject({ openid: 'o-browser-rebind', lastUnbind: { openid: bound.openid } });

  await stranger.locator('.request__btn').filter({ hasText: /^通过$/ }).click();
  await page.locator('.request--done', { hasText: '王新来' }).waitFor();
  expect(env.t.cloud.db.find('members', { name: '王新来' })).toHaveLength(1);
  await context.close();
});

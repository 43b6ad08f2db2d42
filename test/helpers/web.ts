// Web sign-in for tests (docs/WEB-APP.md): a member's one-time code (网页登录码), web callers that
// run functions as CloudBase runs a call from @cloudbase/js-sdk (their uid, no openid), and
// signing in on the H5 login page.
//
//   issueWebCodeFor(t, memberOpenid, byOpenid?) → the 8-digit code for the bound member with that
//     openid: their own (as 我的 in the mini-program issues it) or, with `byOpenid`, issued by that
//     organiser from 管理后台. Fails the test when the issue is refused.
//   newWebUid() → a fresh web uid (an anonymous web session's, never signed in).
//   webCall(t, uid, fn, action, payload?) → the envelope the function answered that web caller.
//   signInAsWeb(t, memberOpenid) → a fresh uid already signed in as that member (code issued and redeemed).
//   signInOnWeb(page, code) → on the H5 app (a page of BrowserEnv.open(), or any page of the app):
//     opens the login page if not there, types the code under 输入网页登录码, submits it and waits
//     until 首页 shows. Throws with the page's error text when the code is refused.
//   webLoginError(page, code) → types the code and returns the error text the page shows.

import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { ContextName } from '../../core/contracts';
import type { Envelope } from '../../core/envelope';
import { dataOf, type TestCloud } from './cloud';

export async function issueWebCodeFor(t: TestCloud, memberOpenid: string, byOpenid?: string): Promise<string> {
  if (!byOpenid) return dataOf(await t.call<{ code: string }>(memberOpenid, 'org', 'issueWebCode', {})).code;
  const identity = t.cloud.db.find('identities', { _id: memberOpenid })[0] as { memberId?: string } | undefined;
  if (!identity?.memberId) throw new Error(`${memberOpenid} is not bound: no web code for them`);
  return dataOf(await t.call<{ code: string }>(byOpenid, 'org', 'issueWebCode', { memberId: identity.memberId })).code;
}

export function newWebUid(): string {
  return `web-test-${randomBytes(8).toString('hex')}`;
}

export async function webCall<T = unknown>(t: TestCloud, uid: string, fn: ContextName, action: string, payload: unknown = {}): Promise<Envelope<T>> {
  return (await t.cloud.invoke(fn, { action, payload }, { openid: '', uid, source: 'web' })).result as Envelope<T>;
}

export async function signInAsWeb(t: TestCloud, memberOpenid: string): Promise<string> {
  const uid = newWebUid();
  const code = await issueWebCodeFor(t, memberOpenid);
  dataOf(await webCall(t, uid, 'org', 'redeemWebCode', { code }));
  return uid;
}

const LOGIN_HASH = '#/pages/login/index';

async function typeCode(page: Page, code: string): Promise<void> {
  const input = page.locator('#web-code input:visible, input#web-code:visible').first();
  if (!(await input.isVisible().catch(() => false))) {
    const url = new URL(page.url());
    if (!url.hash.startsWith(LOGIN_HASH)) await page.goto(`${url.origin}/${LOGIN_HASH}`);
  }
  await input.waitFor();
  await input.fill(code);
  await page.locator('#web-code-submit:visible').first().click();
}

export async function signInOnWeb(page: Page, code: string): Promise<void> {
  await typeCode(page, code);
  const error = page.locator('#login-error:visible').first();
  const home = page.locator('.app-tabbar__item:visible').filter({ hasText: '首页' }).first();
  await home.or(error).first().waitFor({ timeout: 15_000 });
  if (await error.isVisible()) throw new Error(`web sign-in refused: ${await error.innerText()}`);
}

export async function webLoginError(page: Page, code: string): Promise<string> {
  await typeCode(page, code);
  const error = page.locator('#login-error:visible').first();
  await error.waitFor({ timeout: 15_000 });
  return error.innerText();
}

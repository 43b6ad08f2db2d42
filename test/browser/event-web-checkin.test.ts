// On-site check-in on the web, in headless Chromium against the H5 build (issue 19): the organiser
// of 实验中学党支部 shows the rotating code, whose content is a URL on the web app's domain (here
// the local cloud's own address); a member signed in on the web with a one-time code opens that URL
// in a fresh page, as a phone camera would, and sees 已签到, and the organiser's count goes up; a
// browser that is not signed in opens the URL and is told to scan with 微信「扫一扫」, with a
// 网页登录 button that leads to the login page and back.
import type { Page } from 'playwright-core';
import { startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { dataOf } from '../helpers/cloud';
import { eventually, shown } from '../helpers/ui';
import { issueWebCodeFor, signInOnWeb } from '../helpers/web';

jest.setTimeout(240_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);
afterAll(async () => {
  env?.t.cloud.clock.reset();
  await env?.close();
});

const MIN = 60_000;
const ORGANISER = 'demo-organiser'; // 李强, br-school
const GUO = 'demo-m-15'; // 郭峰, br-school
const TITLE = '浏览器测试：网页扫码签到';
let eventId = '';

/** The code on the organiser's screen now: what the image holds, as the page shows it in text. */
async function codeOnScreen(page: Page): Promise<string> {
  const el = shown(page, '#event-qr-content');
  return (await el.getAttribute('data-content')) ?? '';
}

beforeAll(async () => {
  const now = env.t.cloud.clock.now();
  const event = {
    kind: 'party_lecture',
    title: TITLE,
    description: '',
    place: '学校报告厅',
    signupOpensAt: now - 60 * MIN,
    signupClosesAt: now + 10 * MIN,
    startsAt: now + 30 * MIN,
    endsAt: now + 120 * MIN,
    capacity: 0,
    waitlist: false,
    approval: false,
    unitIds: ['br-school'],
    cancelHours: 0,
  };
  eventId = dataOf(await env.t.call<{ id: string }>(ORGANISER, 'event', 'saveEvent', { event })).id;
  dataOf(await env.t.call(ORGANISER, 'event', 'publishEvent', { eventId }));
  dataOf(await env.t.call(GUO, 'event', 'signUp', { eventId }));
  dataOf(await env.t.call('demo-m-13', 'event', 'signUp', { eventId }));
}, 60_000);

it('a web member opens the code’s URL and is checked in; the organiser’s count goes up', async () => {
  const organiser = await env.open();
  const page = organiser.page;
  await page.locator('#login-openid input, input#login-openid').first().fill(ORGANISER);
  await page.locator('#login-openid-submit').click();
  await page.getByText('李强').first().waitFor();
  await page.goto(`${env.t.cloud.url}/#/subpackages/event-admin/qr?id=${eventId}`);
  await shown(page, '#event-qr').waitFor();
  await expect(shown(page, '#event-qr-lead').innerText()).resolves.toContain('请用微信「扫一扫」或手机相机扫码签到');
  await expect(shown(page, '#event-qr-how').innerText()).resolves.toContain('手机自带相机');
  await eventually(async () => expect(shown(page, '#event-qr-count').innerText()).resolves.toMatch(/已签到 0 \/ 2 人/));
  const first = await codeOnScreen(page);
  expect(first).toMatch(new RegExp(`^${env.t.cloud.url.replace(/\./g, '\\.')}/qr/checkin\\?e=${eventId}&t=[A-Za-z0-9_-]{16}$`));

  // 郭峰 signs in on the web with a one-time code, then opens the URL on the screen in a fresh page.
  const member = await env.open();
  await signInOnWeb(member.page, await issueWebCodeFor(env.t, GUO));
  const scan = await member.context.newPage();
  await scan.goto(await codeOnScreen(page));
  const result = shown(scan, '#event-checkin-result');
  await result.waitFor();
  await expect(result.innerText()).resolves.toMatch(new RegExp(`已签到[\\s\\S]*${TITLE}[\\s\\S]*签到时间：`));
  expect(scan.url()).toContain(`#/subpackages/event/attendance?e=${eventId}&t=`);
  const reg = env.t.cloud.db.find('eventRegistrations', { _id: `${eventId}_demo-member-15` })[0] as { attended?: boolean; attendedBy?: string };
  expect(reg).toMatchObject({ attended: true, attendedBy: 'qr' });
  // The organiser's screen fetches the next code every 15 seconds, and the count with it.
  await eventually(async () => expect(shown(page, '#event-qr-count').innerText()).resolves.toMatch(/已签到 1 \/ 2 人/), 40_000);
  await member.context.close();
  await organiser.context.close();
});

it('a browser not signed in is told to scan with WeChat, and 网页登录 leads to the login page and back to this check-in', async () => {
  // The server's clock stands still, so the code stays current while the test signs in.
  env.t.cloud.clock.set(env.t.cloud.clock.now());
  const code = dataOf(await env.t.call<{ content: string }>(ORGANISER, 'event', 'qrToken', { eventId }));
  const { context, page } = await env.open();
  await page.goto(code.content);
  const result = shown(page, '#event-checkin-result');
  await result.waitFor();
  await expect(shown(page, '#event-checkin-wechat').innerText()).resolves.toBe('请用微信扫码签到');
  await expect(result.innerText()).resolves.toMatch(/打开微信[\s\S]*扫一扫[\s\S]*现场屏幕上的签到码/);
  const login = shown(page, '#event-checkin-login');
  await expect(login.innerText()).resolves.toContain('网页登录');
  // Nothing was attempted: no check-in, no trip to the login page on its own.
  expect(page.url()).toContain('#/subpackages/event/attendance');
  const zhu = env.t.cloud.db.find('eventRegistrations', { _id: `${eventId}_demo-member-13` })[0] as { attended?: boolean };
  expect(zhu.attended).toBe(false);

  await login.click();
  await eventually(async () => expect(page.url()).toContain('#/pages/login/index'));
  await signInOnWebAndReturn(page, await issueWebCodeFor(env.t, 'demo-m-13'));
  const back = shown(page, '#event-checkin-result');
  await eventually(async () => expect(back.innerText()).resolves.toMatch(new RegExp(`已签到[\\s\\S]*${TITLE}`)), 20_000);
  expect((env.t.cloud.db.find('eventRegistrations', { _id: `${eventId}_demo-member-13` })[0] as { attended?: boolean }).attended).toBe(true);
  await context.close();
  env.t.cloud.clock.reset();
});

/** Sign in on the login page opened from the check-in page: it returns there, not to 首页. */
async function signInOnWebAndReturn(page: Page, code: string): Promise<void> {
  const input = page.locator('#web-code input:visible, input#web-code:visible').first();
  await input.waitFor();
  await input.fill(code);
  await page.locator('#web-code-submit:visible').first().click();
  await eventually(async () => expect(page.url()).toContain('#/subpackages/event/attendance'), 15_000);
}

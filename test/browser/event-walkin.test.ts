// Attendance by hand for a member without a smartphone, in headless Chromium (issue 18): the
// organiser of 实验中学党支部 opens the event's list, picks 高远 — never bound, never signed up —
// from the branch roster, records him present with a reason, and sees him on the list and counted.
import { startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { dataOf } from '../helpers/cloud';
import { eventually, shown } from '../helpers/ui';

jest.setTimeout(240_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);
afterAll(async () => {
  await env?.close();
});

const ORGANISER = 'demo-organiser'; // 李强
const GAO = 'demo-member-17'; // 高远, never bound

it('records a walk-in without a smartphone present from the branch roster', async () => {
  const now = env.t.cloud.clock.now();
  const MIN = 60_000;
  const event = {
    kind: 'party_day',
    title: '浏览器测试：送学上门',
    description: '',
    place: '党员活动室',
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
  const eventId = dataOf(await env.t.call<{ id: string }>(ORGANISER, 'event', 'saveEvent', { event })).id;
  dataOf(await env.t.call(ORGANISER, 'event', 'publishEvent', { eventId }));

  const { context, page } = await env.open();
  await page.locator('#login-openid input, input#login-openid').first().fill(ORGANISER);
  await page.locator('#login-openid-submit').click();
  await page.getByText('李强').first().waitFor();
  await page.goto(`${env.t.cloud.url}/#/subpackages/event-admin/roster?id=${eventId}`);
  await shown(page, '#roster-walkin').click();
  await shown(page, `#walkin-member-${GAO}`).click();
  await shown(page, '#walkin-dialog-confirm').click();
  await eventually(async () => {
    const row = await shown(page, `#roster-${GAO}`).innerText();
    expect(row).toContain('高远');
    expect(row).toContain('管理员登记');
  });
  const stored = env.t.cloud.db.find('eventRegistrations').find((d) => d._id === `${eventId}_${GAO}`) as Record<string, unknown>;
  expect(stored).toMatchObject({ walkIn: true, attended: true, attendedBy: 'organiser' });
  expect((stored.attendanceLog as Array<{ reason: string }>)[0].reason).toBe('行动不便，送学上门');
  await context.close();
});

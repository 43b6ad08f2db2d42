// Reminders fail closed on configuration: a function with no template id for a topic sends
// nothing and spends no member's credit (said in its log), where it used to send with a made-up
// id that WeChat refuses after the credit is gone; and a message opens the mini-program version
// the member granted the credit from (envVersion → miniprogramState), not always the formal one.
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

const ORGANISER = 'demo-organiser'; // 李强, organiser of br-school
const HOLDERS = ['demo-m-15', 'demo-m-16']; // bound members of br-school
const beijing = (d: string, hh: number) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8);
const sends = (t: TestCloud) => t.cloud.openapiCalls().filter((c) => c.api === 'subscribeMessage.send');
const credit = (t: TestCloud, openid: string) => t.cloud.db.find('reminderCredits', { openid })[0] as { checkin: number; state?: string } | undefined;

describe('a function without a template id for a topic', () => {
  let t: TestCloud;
  const log: string[] = [];
  beforeAll(async () => {
    // No TEMPLATE_ID_* on the functions, as a deployment that forgot them.
    t = await startTestCloud({ functionEnv: {}, logger: (line) => log.push(line) });
    t.cloud.clock.set(beijing('2036-05-06', 9));
  });
  afterAll(async () => {
    t.cloud.clock.reset();
    await t?.close();
  });

  it('sends nothing, keeps every credit and leaves the day open, and says why in its log', async () => {
    for (const who of HOLDERS) dataOf(await t.call(who, 'org', 'grantReminders', { topics: ['checkin'] }));
    const before = sends(t).length;
    const r = dataOf(await t.call<{ sent: number }>(ORGANISER, 'checkin', 'remindBranch', { unitId: 'br-school' }));
    expect(r.sent).toBe(0);
    expect(sends(t).length).toBe(before);
    for (const who of HOLDERS) expect(credit(t, who)).toMatchObject({ checkin: 1 });
    // The day's markers were taken back: nobody counts as reminded today.
    expect(t.cloud.db.find('checkinReminders', {})).toHaveLength(0);
    expect(log.some((line) => line.includes('TEMPLATE_ID_CHECKIN is not set') && line.includes('no member'))).toBe(true);
    // The timer at the reminder time does the same: nothing sent, nothing spent.
    t.cloud.clock.set(beijing('2036-05-06', 20));
    await t.cloud.invoke('checkin', { Type: 'Timer', TriggerName: 'dailyReminders', Time: new Date().toISOString() }, { openid: '' });
    expect(sends(t).length).toBe(before);
    for (const who of HOLDERS) expect(credit(t, who)).toMatchObject({ checkin: 1 });
  });
});

describe('the mini-program version a reminder opens', () => {
  let t: TestCloud;
  beforeAll(async () => {
    t = await startTestCloud();
    t.cloud.clock.set(beijing('2036-05-07', 9));
  });
  afterAll(async () => {
    t.cloud.clock.reset();
    await t?.close();
  });

  it('is the version the credit was granted from: trial opens trial, develop the developer version, none (H5, older clients) the formal one', async () => {
    const [trial, develop] = HOLDERS;
    dataOf(await t.call(trial, 'org', 'grantReminders', { topics: ['checkin'], envVersion: 'trial' }));
    dataOf(await t.call(develop, 'org', 'grantReminders', { topics: ['checkin'], envVersion: 'develop' }));
    dataOf(await t.call(ORGANISER, 'org', 'grantReminders', { topics: ['checkin'] }));
    expect(credit(t, trial)).toMatchObject({ checkin: 1, state: 'trial' });
    expect(credit(t, ORGANISER)).toMatchObject({ checkin: 1, state: 'formal' });
    const before = sends(t).length;
    expect(dataOf(await t.call<{ sent: number }>(ORGANISER, 'checkin', 'remindBranch', { unitId: 'br-school' })).sent).toBe(3);
    const byUser = new Map(sends(t).slice(before).map((c): [string, Record<string, unknown>] => [(c.params as { touser: string }).touser, c.params as Record<string, unknown>]));
    expect(byUser.get(trial)).toMatchObject({ template_id: 'local-checkin-reminder', miniprogram_state: 'trial' });
    expect(byUser.get(develop)).toMatchObject({ miniprogram_state: 'developer' });
    expect(byUser.get(ORGANISER)).toMatchObject({ miniprogram_state: 'formal' });
  });

  it('refuses a version WeChat does not have, naming the field', async () => {
    const r = await t.call(HOLDERS[0], 'org', 'grantReminders', { topics: ['checkin'], envVersion: 'beta' });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    if (!r.ok) expect(r.message).toContain('envVersion');
  });
});

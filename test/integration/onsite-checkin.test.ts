// The rotating on-site code as a URL every phone opens: qrToken writes the organisation's https
// address from the event function's WEB_APP_URL (https://<domain>/qr/checkin?e=&t=), small enough
// to scan from a projector; without the setting it answers FAILED_PRECONDITION naming it, never a
// bare path; and a member checks in with what the URL carries, read back by the shared parser.
import qrcode from 'qrcode-generator';
import type { EventAdminView, EventDraft, EventResponses } from '../../core/contracts/event';
import { parseOnsiteCode } from '../../core/domain/onsiteUrl';
import { LOCAL_FUNCTION_ENV } from '../../scripts/lib/function-env';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

const HOUR = 3_600_000;
const MIN = 60_000;
const ORGANISER = 'demo-organiser'; // 李强, br-school
const MEMBER = 'demo-m-12'; // 马俊, br-school
const OTHER = 'demo-m-13'; // 朱敏, br-school
const DOMAIN = 'https://dj.example.org.cn';

function draft(t0: number, over: Partial<EventDraft> = {}): EventDraft {
  return {
    kind: 'party_lecture',
    title: '现场签到党课',
    description: '扫现场屏幕上的签到码签到。',
    place: '学校报告厅',
    signupOpensAt: t0,
    signupClosesAt: t0 + 20 * HOUR,
    startsAt: t0 + 24 * HOUR,
    endsAt: t0 + 26 * HOUR,
    capacity: 0,
    waitlist: false,
    approval: false,
    unitIds: ['br-school'],
    cancelHours: 2,
    ...over,
  };
}

/** An event of br-school that `members` signed up for, with the clock in its first half hour. */
async function eventUnderway(t: TestCloud, members: string[]): Promise<string> {
  const t0 = Math.ceil((Date.now() + 60 * MIN) / MIN) * MIN;
  t.cloud.clock.set(t0 + MIN);
  const saved = dataOf(await t.call<EventAdminView>(ORGANISER, 'event', 'saveEvent', { event: draft(t0) }));
  dataOf(await t.call(ORGANISER, 'event', 'publishEvent', { eventId: saved.id }));
  for (const m of members) dataOf(await t.call(m, 'event', 'signUp', { eventId: saved.id }));
  t.cloud.clock.set(t0 + 24 * HOUR + 10 * MIN);
  return saved.id;
}

describe('with the web app address set (WEB_APP_URL)', () => {
  let t: TestCloud;
  let eventId: string;
  beforeAll(async () => {
    t = await startTestCloud({ functionEnv: { ...LOCAL_FUNCTION_ENV, WEB_APP_URL: `${DOMAIN}/` } });
    eventId = await eventUnderway(t, [MEMBER, OTHER]);
  });
  afterAll(async () => {
    t?.cloud.clock.reset();
    await t?.close();
  });

  it('the code holds the https URL on that domain, small enough for a projector', async () => {
    const code = dataOf(await t.call<EventResponses['qrToken']>(ORGANISER, 'event', 'qrToken', { eventId }));
    expect(code.content).toBe(`${DOMAIN}/qr/checkin?e=${eventId}&t=${code.token}`);
    expect(code.image).toMatch(/^data:image\/gif;base64,/);
    // Error correction M: the same 37 modules (version 5) the old bare path needed.
    const qr = qrcode(0, 'M');
    qr.addData(code.content);
    qr.make();
    expect(qr.getModuleCount()).toBe(37);
  });

  it('a member checks in with what the URL carries: as scanned, as the q option, and once only', async () => {
    const code = dataOf(await t.call<EventResponses['qrToken']>(ORGANISER, 'event', 'qrToken', { eventId }));
    const scanned = parseOnsiteCode(code.content, { origin: DOMAIN });
    expect(scanned).toEqual({ eventId, token: code.token });
    const first = dataOf(await t.call<EventResponses['attendByCode']>(MEMBER, 'event', 'attendByCode', scanned));
    expect(first).toMatchObject({ eventId, title: '现场签到党课', already: false });
    const fromQ = parseOnsiteCode(encodeURIComponent(code.content));
    expect(dataOf(await t.call<EventResponses['attendByCode']>(MEMBER, 'event', 'attendByCode', fromQ))).toMatchObject({ already: true });
    expect(t.cloud.db.find('events', { _id: eventId })[0]).toMatchObject({ attended: 1 });
  });

  it('a URL with a changed token or another event is refused in words, nothing written', async () => {
    const code = dataOf(await t.call<EventResponses['qrToken']>(ORGANISER, 'event', 'qrToken', { eventId }));
    const forged = parseOnsiteCode(code.content.replace(/t=[^&]+/, 't=AAAAAAAAAAAAAAAA'));
    const r = await t.call(OTHER, 'event', 'attendByCode', forged);
    expect(r).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: expect.stringContaining('签到码已过期或不属于这个活动') });
    const malformed = await t.call(OTHER, 'event', 'attendByCode', { eventId, token: '' });
    expect(malformed).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(t.cloud.db.count('eventRegistrations', { eventId, attended: true })).toBe(1);
  });
});

describe('without the web app address', () => {
  let t: TestCloud;
  beforeAll(async () => {
    // The reminder template ids but no WEB_APP_URL, as a deployment that forgot it.
    t = await startTestCloud({ functionEnv: { ...LOCAL_FUNCTION_ENV } });
  });
  afterAll(async () => {
    t?.cloud.clock.reset();
    await t?.close();
  });

  it('qrToken answers FAILED_PRECONDITION naming the setting, and no code at all', async () => {
    const eventId = await eventUnderway(t, [MEMBER]);
    const r = await t.call(ORGANISER, 'event', 'qrToken', { eventId });
    expect(r).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    if (r.ok) return;
    expect(r.message).toContain('WEB_APP_URL');
    expect(r.message).toContain('https://');
    expect(JSON.stringify(r)).not.toContain('subpackages/event/attendance');
    // A member who is not the organiser still learns nothing about the configuration.
    expect(await t.call(MEMBER, 'event', 'qrToken', { eventId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

// The event function against the local cloud: capacity settled by the database under 1,000
// concurrent sign-ups, the waitlist and its promotions, cancellations that keep the history, the
// rotating on-site code, attendance by hand, the roster export, reminders and the draft report.
import ExcelJS from 'exceljs';
import type { EventAdminView, EventDetail, EventDraft, EventResponses, SignUpResult } from '../../core/contracts/event';
import type { Envelope } from '../../core/envelope';
import { encodePng } from '../../localcloud/png';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const HOUR = 3_600_000;
const MIN = 60_000;
const ORGANISER = 'demo-organiser'; // 李强, br-school
const SCHOOL = ['demo-m-12', 'demo-m-13', 'demo-m-14', 'demo-m-15', 'demo-m-16']; // 马俊 朱敏 胡雪 郭峰 何琳
const call = <T>(openid: string, action: string, payload: unknown = {}) => t.call<T>(openid, 'event', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await call<T>(openid, action, payload));
const refused = async (openid: string, action: string, payload: unknown, code: string, message?: string | RegExp) => {
  const r = await call(openid, action, payload);
  expect(r).toMatchObject({ ok: false, code });
  if (message && !r.ok) expect(r.message).toMatch(message);
};
/** Base time of the suite: a whole minute, well after the demo data was written. */
let T0: number;

function draft(over: Partial<EventDraft> = {}): EventDraft {
  return {
    kind: 'party_lecture',
    title: '专题党课：学习党的光辉历史',
    description: '由支部书记讲授，欢迎大家参加。',
    place: '学校报告厅',
    signupOpensAt: T0,
    signupClosesAt: T0 + 20 * HOUR,
    startsAt: T0 + 24 * HOUR,
    endsAt: T0 + 26 * HOUR,
    capacity: 3,
    waitlist: true,
    approval: false,
    unitIds: ['br-school'],
    cancelHours: 2,
    ...over,
  };
}

async function publish(openid: string, d: EventDraft): Promise<string> {
  const saved = await ok<EventAdminView>(openid, 'saveEvent', { event: d });
  await ok(openid, 'publishEvent', { eventId: saved.id });
  return saved.id;
}

/** `count` bound members in a branch, written straight to the roster (as an import would). */
async function addMembers(prefix: string, count: number, unitId: string): Promise<string[]> {
  const now = new Date();
  const openids: string[] = [];
  const members: Array<Record<string, unknown>> = [];
  const identities: Array<Record<string, unknown>> = [];
  for (let i = 0; i < count; i++) {
    const id = `${prefix}-member-${i}`;
    openids.push(`${prefix}-openid-${i}`);
    members.push({ _id: id, orgId: 'org-demo', unitId, name: `${prefix}${String(i).padStart(4, '0')}`, phone: null, category: 'full', role: 'member', manages: [], openid: openids[i], boundAt: now, source: 'seed', createdAt: now, updatedAt: now });
    identities.push({ _id: openids[i], memberId: id, orgId: 'org-demo', createdAt: now });
  }
  for (let i = 0; i < count; i += 100) {
    await t.db.collection('members').add({ data: members.slice(i, i + 100) });
    await t.db.collection('identities').add({ data: identities.slice(i, i + 100) });
  }
  return openids;
}

beforeAll(async () => {
  t = await startTestCloud();
  T0 = Math.ceil((Date.now() + 60 * MIN) / MIN) * MIN;
});
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('creating events', () => {
  it('checks times, audience and role on the server; a draft is invisible to members until published', async () => {
    t.cloud.clock.set(T0 + MIN);
    await refused(ORGANISER, 'saveEvent', { event: draft({ endsAt: T0 + 23 * HOUR }) }, 'INVALID_ARGUMENT', '结束时间应晚于开始时间');
    await refused(ORGANISER, 'saveEvent', { event: draft({ signupClosesAt: T0 + 25 * HOUR }) }, 'INVALID_ARGUMENT', '报名截止时间不能晚于活动开始时间');
    await refused(ORGANISER, 'saveEvent', { event: draft({ unitIds: ['br-office'] }) }, 'FORBIDDEN');
    await refused(ORGANISER, 'saveEvent', { event: draft({ unitIds: [] }) }, 'FORBIDDEN');
    await refused('demo-m-12', 'saveEvent', { event: draft() }, 'FORBIDDEN');
    await refused(ORGANISER, 'saveEvent', { event: { ...draft(), kind: 'party' } }, 'INVALID_ARGUMENT');
    const saved = await ok<EventAdminView>(ORGANISER, 'saveEvent', { event: draft() });
    expect(saved).toMatchObject({ status: 'draft', seatsLeft: 3, audienceNames: ['实验中学党支部'], canEdit: true });
    expect(JSON.stringify(saved)).not.toContain('qrSecret');
    await refused('demo-m-12', 'getEvent', { eventId: saved.id }, 'NOT_FOUND');
    await ok(ORGANISER, 'publishEvent', { eventId: saved.id });
    await expect(ok<EventDetail>('demo-m-12', 'getEvent', { eventId: saved.id })).resolves.toMatchObject({ phase: 'signup_open', seatsLeft: 3, canSignUp: true, myStatus: null });
    // Another branch's member does not see it, and cannot sign up for it.
    await refused('demo-m-02', 'getEvent', { eventId: saved.id }, 'NOT_FOUND');
    await refused('demo-m-02', 'signUp', { eventId: saved.id }, 'NOT_FOUND', '不面向您所在的支部');
    expect(t.cloud.db.count('eventRegistrations', { eventId: saved.id })).toBe(0);
    await expect(ok<EventResponses['listEvents']>('demo-m-12', 'listEvents', { tab: 'open' })).resolves.toMatchObject({ items: [{ id: saved.id, seatsLeft: 3 }] });
    await expect(ok<EventResponses['listEvents']>('demo-m-02', 'listEvents', { tab: 'open' })).resolves.toMatchObject({ items: [] });
  });
});

describe('sign-up, waitlist and cancellation (3 seats)', () => {
  let eventId: string;

  it('confirms up to the capacity, waitlists the fourth, and treats a second sign-up as harmless', async () => {
    t.cloud.clock.set(T0 + 2 * MIN);
    eventId = await publish(ORGANISER, draft({ title: '三个名额的党课' }));
    for (const who of SCHOOL.slice(0, 3)) await expect(ok<SignUpResult>(who, 'signUp', { eventId })).resolves.toMatchObject({ status: 'confirmed', created: true });
    await expect(ok<SignUpResult>(SCHOOL[3], 'signUp', { eventId })).resolves.toMatchObject({ status: 'waitlisted', waitPosition: 1, seatsLeft: 0 });
    await expect(ok<SignUpResult>(SCHOOL[0], 'signUp', { eventId })).resolves.toMatchObject({ status: 'confirmed', created: false });
    expect(t.cloud.db.count('eventRegistrations', { eventId })).toBe(4);
    expect(t.cloud.db.find('events', { _id: eventId })[0]).toMatchObject({ confirmed: 3, waitlisted: 1 });
  });

  it('a cancellation promotes the first on the waitlist, tells them, and keeps the history', async () => {
    await t.call(SCHOOL[3], 'org', 'grantReminders', { topics: ['event'] });
    const before = t.cloud.openapiCalls().filter((c) => c.api === 'subscribeMessage.send').length;
    await expect(ok(SCHOOL[1], 'cancelSignUp', { eventId })).resolves.toEqual({ status: 'cancelled', promotedOthers: 1 });
    const promoted = await ok<EventDetail>(SCHOOL[3], 'getEvent', { eventId });
    expect(promoted).toMatchObject({ myStatus: 'confirmed', myPromoted: true, seatsLeft: 0 });
    const sent = t.cloud.openapiCalls().filter((c) => c.api === 'subscribeMessage.send').slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ params: { touser: SCHOOL[3], page: `subpackages/event/detail?id=${eventId}` } });
    const cancelled = t.cloud.db.find('eventRegistrations', { _id: `${eventId}_demo-member-13` })[0] as { status: string; history: Array<{ status: string }> };
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.history.map((h) => h.status)).toEqual(['confirmed', 'cancelled']);
    expect(t.cloud.db.find('events', { _id: eventId })[0]).toMatchObject({ confirmed: 3, waitlisted: 0, cancelled: 1 });
  });

  it('refuses a sign-up outside the window and a cancellation after the cut-off, writing nothing', async () => {
    t.cloud.clock.set(T0 + 21 * HOUR);
    await refused(SCHOOL[4], 'signUp', { eventId }, 'FAILED_PRECONDITION', '报名已经截止');
    t.cloud.clock.set(T0 + 23 * HOUR);
    await refused(SCHOOL[0], 'cancelSignUp', { eventId }, 'FAILED_PRECONDITION', '活动开始前2小时内不能取消报名');
    expect(t.cloud.db.count('eventRegistrations', { eventId, status: 'confirmed' })).toBe(3);
    expect(t.cloud.db.count('eventRegistrations', { eventId: eventId, memberId: 'demo-member-16' })).toBe(0);
  });

  it('checks in with the current on-site code only: not another event’s, not an expired screenshot, not a non-attendee', async () => {
    const other = await publish(ORGANISER, draft({ title: '另一场活动', signupOpensAt: T0 + 23 * HOUR, signupClosesAt: T0 + 23 * HOUR + 30 * MIN }));
    t.cloud.clock.set(T0 + 23 * HOUR + 30 * MIN);
    const otherCode = await ok<EventResponses['qrToken']>(ORGANISER, 'qrToken', { eventId: other });
    const code = await ok<EventResponses['qrToken']>(ORGANISER, 'qrToken', { eventId });
    // The code is a URL on the web app's domain: on the local cloud, its own address (WEB_APP_URL).
    expect(code.content).toBe(`${t.cloud.url}/qr/checkin?e=${eventId}&t=${code.token}`);
    expect(code.image).toMatch(/^data:image\/gif;base64,/);
    // The static code of the event page: wxacode.getUnlimited with the event in its scene.
    const entry = await ok<EventResponses['entryCode']>(ORGANISER, 'entryCode', { eventId });
    const png = (await t.sdk.downloadFile({ fileID: entry.fileID })).fileContent as Buffer;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(t.cloud.openapiCalls().filter((c) => c.api === 'wxacode.getUnlimited').at(-1)).toMatchObject({ params: { scene: `e=${eventId}`, page: 'subpackages/event/detail' } });
    await refused(SCHOOL[0], 'attendByCode', { eventId, token: otherCode.token }, 'FAILED_PRECONDITION', '签到码已过期或不属于这个活动');
    await refused(SCHOOL[4], 'attendByCode', { eventId, token: code.token }, 'FAILED_PRECONDITION', '您没有报名这个活动');
    await expect(ok<EventResponses['attendByCode']>(SCHOOL[0], 'attendByCode', { eventId, token: code.token })).resolves.toMatchObject({ already: false });
    await expect(ok<EventResponses['attendByCode']>(SCHOOL[0], 'attendByCode', { eventId, token: code.token })).resolves.toMatchObject({ already: true });
    // A phone still on the version before the rename calls the action by its old name.
    await expect(ok<EventResponses['attendByCode']>(SCHOOL[0], 'checkInEvent', { eventId, token: code.token })).resolves.toMatchObject({ already: true });
    // 31 seconds later the same code is a screenshot: refused.
    t.cloud.clock.set(T0 + 23 * HOUR + 30 * MIN + 31_000);
    await refused(SCHOOL[2], 'attendByCode', { eventId, token: code.token }, 'FAILED_PRECONDITION', '签到码已过期');
    const fresh = await ok<EventResponses['qrToken']>(ORGANISER, 'qrToken', { eventId });
    expect(fresh.token).not.toBe(code.token);
    await ok(SCHOOL[2], 'attendByCode', { eventId, token: fresh.token });
    // The code of this event marks nobody present at the other one.
    expect(t.cloud.db.count('eventRegistrations', { eventId: other, attended: true })).toBe(0);
    expect(t.cloud.db.find('events', { _id: eventId })[0]).toMatchObject({ attended: 2, byUnit: { 'br-school': { c: 3, a: 2 } } });
  });

  it('attendance by hand keeps the reason; the roster by status and the export are right cell by cell', async () => {
    await refused(ORGANISER, 'markAttendance', { eventId, memberId: 'demo-member-15', attended: true, reason: '' }, 'INVALID_ARGUMENT');
    await refused('demo-m-12', 'markAttendance', { eventId, memberId: 'demo-member-15', attended: true, reason: '现场签到表' }, 'FORBIDDEN');
    await expect(ok(ORGANISER, 'markAttendance', { eventId, memberId: 'demo-member-15', attended: true, reason: '手机没电，现场签到表' })).resolves.toEqual({ attended: true });
    const log = (t.cloud.db.find('eventRegistrations', { _id: `${eventId}_demo-member-15` })[0] as { attendanceLog: Array<{ reason: string; byName: string }> }).attendanceLog;
    expect(log).toEqual([expect.objectContaining({ reason: '手机没电，现场签到表', byName: '李强', attended: true })]);
    const attended = await ok<EventResponses['eventRoster']>(ORGANISER, 'eventRoster', { eventId, filter: 'attended' });
    expect(attended.rows.map((r) => r.name).sort()).toEqual(['胡雪', '郭峰', '马俊'].sort());
    const cancelled = await ok<EventResponses['eventRoster']>(ORGANISER, 'eventRoster', { eventId, filter: 'cancelled' });
    expect(cancelled.rows.map((r) => r.name)).toEqual(['朱敏']);
    t.cloud.clock.set(T0 + 27 * HOUR);
    const file = await ok<EventResponses['exportRoster']>(ORGANISER, 'exportRoster', { eventId });
    expect(file.fileName).toBe('党课-三个名额的党课-报名名单.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await t.sdk.downloadFile({ fileID: file.fileID })).fileContent as unknown as ArrayBuffer);
    const rows = (wb.getWorksheet('报名名单') as ExcelJS.Worksheet).getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1, 6));
    expect(rows[0]).toEqual(['支部', '姓名', '报名状态', '出席', '签到方式']);
    expect(rows.slice(1).sort((a, b) => String(a[1]).localeCompare(String(b[1])))).toEqual(
      [
        ['实验中学党支部', '马俊', '已报名', '出席', '扫码'],
        ['实验中学党支部', '朱敏', '已取消', '', ''],
        ['实验中学党支部', '胡雪', '已报名', '出席', '扫码'],
        ['实验中学党支部', '郭峰', '已报名', '出席', '管理员登记'],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
    const perUnit = (wb.getWorksheet('支部出席率') as ExcelJS.Worksheet).getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(perUnit).toEqual([
      ['支部', '已报名', '出席', '出席率（%）'],
      ['实验中学党支部', 3, 3, 100],
    ]);
  });

  it('drafts an activity report from the ended event, with the attendance count', async () => {
    const draftPost = await ok<EventResponses['draftReport']>(ORGANISER, 'draftReport', { eventId });
    expect(draftPost).toMatchObject({ title: '党课｜三个名额的党课', attended: 3 });
    expect(draftPost.text).toContain('本次活动共3人报名，3人出席。');
    expect(t.cloud.db.find('posts', { _id: draftPost.postId })[0]).toMatchObject({ status: 'draft', kind: 'report', tags: ['党课'], source: { type: 'event', id: eventId } });
    await refused('demo-m-12', 'draftReport', { eventId }, 'FORBIDDEN');
  });
});

describe('races settled by the database', () => {
  it('1,000 concurrent sign-ups for 100 seats: exactly 100 confirmed, 900 waitlisted, nothing lost, no error', async () => {
    t.cloud.clock.set(T0 + 3 * MIN);
    const crowd = await addMembers('storm', 1000, 'br-school');
    const eventId = await publish(ORGANISER, draft({ title: '百人宣讲', kind: 'lecture_tour', capacity: 100 }));
    const answers = await Promise.all(crowd.map((who) => call<SignUpResult>(who, 'signUp', { eventId })));
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    const statuses = answers.map((a) => (a as Envelope<SignUpResult> & { ok: true }).data.status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(100);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(900);
    expect(t.cloud.db.count('eventRegistrations', { eventId })).toBe(1000);
    expect(t.cloud.db.count('eventRegistrations', { eventId, status: 'confirmed' })).toBe(100);
    expect(t.cloud.db.find('events', { _id: eventId })[0]).toMatchObject({ confirmed: 100, waitlisted: 900 });

    // Then 50 cancellations and 50 new sign-ups at once: still 100 confirmed, each promotion once.
    const late = await addMembers('late', 50, 'br-school');
    const confirmedNow = (t.cloud.db.find('eventRegistrations', { eventId, status: 'confirmed' }) as Array<{ memberId: string }>).map((r) => r.memberId);
    const leaving = confirmedNow.slice(0, 50).map((id) => id.replace('storm-member-', 'storm-openid-'));
    const mixed = await Promise.all([...leaving.map((who) => call(who, 'cancelSignUp', { eventId })), ...late.map((who) => call(who, 'signUp', { eventId }))]);
    expect(mixed.filter((a) => !a.ok)).toEqual([]);
    expect(t.cloud.db.count('eventRegistrations', { eventId, status: 'confirmed' })).toBe(100);
    expect(t.cloud.db.count('eventRegistrations', { eventId, status: 'cancelled' })).toBe(50);
    expect(t.cloud.db.count('eventRegistrations', { eventId, status: 'waitlisted' })).toBe(900);
    const regs = t.cloud.db.find('eventRegistrations', { eventId }) as Array<{ history: Array<{ by: string }>; promoted: boolean; memberId: string }>;
    expect(regs.every((r) => r.history.filter((h) => h.by === 'waitlist').length <= 1)).toBe(true);
    // The 50 promoted are the first 50 of the original waitlist: none of the latecomers jumped it.
    expect(regs.filter((r) => r.promoted).every((r) => r.memberId.startsWith('storm-'))).toBe(true);
    expect(regs.filter((r) => r.promoted)).toHaveLength(50);
    expect(t.cloud.db.find('events', { _id: eventId })[0]).toMatchObject({ confirmed: 100, waitlisted: 900, cancelled: 50, byUnit: { 'br-school': { c: 100 } } });
  }, 120_000);

  it('under the storm that overbooks a count-then-insert function (every caller past its reads before any write), exactly the seats are given; one member’s 16 taps make one registration', async () => {
    t.cloud.clock.set(T0 + 3 * MIN);
    // 16 callers, one per instance of the test cloud, each held before its first write until all have read.
    const crowd = await addMembers('barrier', 16, 'br-school');
    const eventId = await publish(ORGANISER, draft({ title: '栅栏报名', capacity: 5 }));
    const barrier = t.cloud.barrier({ action: 'database.modifyDocument', collection: 'events', parties: 16 });
    const answers = await Promise.all(crowd.map((who) => call<SignUpResult>(who, 'signUp', { eventId })));
    await expect(barrier.tripped).resolves.toBe(16);
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    expect(t.cloud.db.count('eventRegistrations', { eventId, status: 'confirmed' })).toBe(5);
    expect(t.cloud.db.count('eventRegistrations', { eventId, status: 'waitlisted' })).toBe(11);
    expect(t.cloud.db.find('events', { _id: eventId })[0]).toMatchObject({ confirmed: 5, waitlisted: 11 });

    const taps = await publish(ORGANISER, draft({ title: '连点报名', capacity: 50 }));
    const tapsBarrier = t.cloud.barrier({ action: 'database.getDocument', collection: 'eventRegistrations', parties: 16 });
    const tapped = await Promise.all(Array.from({ length: 16 }, () => call<SignUpResult>(crowd[0], 'signUp', { eventId: taps })));
    await expect(tapsBarrier.tripped).resolves.toBe(16);
    expect(tapped.filter((a) => !a.ok)).toEqual([]);
    expect(t.cloud.db.count('eventRegistrations', { eventId: taps })).toBe(1);
    expect(t.cloud.db.find('events', { _id: taps })[0]).toMatchObject({ confirmed: 1 });
  }, 60_000);

  it('without a waitlist, the 101st and later are refused plainly and nothing is written for them', async () => {
    const crowd = (await addMembers('nowait', 300, 'br-school')).slice(0, 300);
    const eventId = await publish(ORGANISER, draft({ title: '不设候补', capacity: 100, waitlist: false }));
    const answers = await Promise.all(crowd.map((who) => call<SignUpResult>(who, 'signUp', { eventId })));
    expect(answers.filter((a) => a.ok)).toHaveLength(100);
    expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.code === 'FAILED_PRECONDITION' && a.message === '名额已满，报名未成功')).toBe(true);
    expect(t.cloud.db.count('eventRegistrations', { eventId })).toBe(100);
    expect(t.cloud.db.find('events', { _id: eventId })[0]).toMatchObject({ confirmed: 100, waitlisted: 0 });
  }, 60_000);

  it('a seat taken by a sign-up that died before writing its registration is given back by the timer, after a minute unchanged', async () => {
    t.cloud.clock.set(T0 + 3 * MIN);
    const eventId = await publish(ORGANISER, draft({ title: '名额修复', capacity: 3 }));
    await ok('demo-m-12', 'signUp', { eventId });
    await ok('demo-m-13', 'signUp', { eventId });
    // A sign-up took the third seat and died (as a function timing out would) before its registration.
    await t.db.collection('events').doc(eventId).update({ data: { confirmed: t.db.command.inc(1) } });
    await expect(ok<SignUpResult>('demo-m-14', 'signUp', { eventId })).resolves.toMatchObject({ status: 'waitlisted', seatsLeft: 0 });
    const timer = () => t.cloud.invoke('event', { Type: 'Timer', TriggerName: 'remindUpcoming' }, { openid: '' });
    // The first check only notes the difference (a sign-up may be in flight) …
    await expect(timer()).resolves.toMatchObject({ result: { ok: true, data: { seatsRepaired: 0 } } });
    t.cloud.clock.set(T0 + 3 * MIN + 30_000);
    await expect(timer()).resolves.toMatchObject({ result: { ok: true, data: { seatsRepaired: 0 } } });
    // … a minute later, unchanged, the seat is given back and goes to the waitlist.
    t.cloud.clock.set(T0 + 4 * MIN + 1_000);
    await expect(timer()).resolves.toMatchObject({ result: { ok: true, data: { seatsRepaired: 1 } } });
    expect(t.cloud.db.find('events', { _id: eventId })[0]).toMatchObject({ confirmed: 3, waitlisted: 0 });
    expect(t.cloud.db.find('events', { _id: eventId })[0]).not.toHaveProperty('seatCheck');
    await expect(ok<EventDetail>('demo-m-14', 'getEvent', { eventId })).resolves.toMatchObject({ myStatus: 'confirmed', myPromoted: true });
  });

  it('a sign-up costs a fixed number of operations, and seats left is read from the event', async () => {
    const eventId = await publish(ORGANISER, draft({ title: '计数', capacity: 0 }));
    await ok('demo-m-12', 'signUp', { eventId });
    const { result, stats } = await t.invoke('demo-m-13', 'event', 'signUp', { eventId });
    expect(result).toMatchObject({ ok: true, data: { status: 'confirmed', seatsLeft: null } });
    // identity 1, event, registration, the event again for seats left | seat, registration | the
    // per-member limit (issue 14, item 9) in a minute this member has not used yet: its conditional
    // update matches nothing, then the minute's document is created (2 writes)
    expect([stats.reads, stats.writes]).toEqual([4, 4]);
  });
});

describe('covers', () => {
  it('accept an uploaded image and refuse a file that is not one; cards carry a temporary URL', async () => {
    t.cloud.clock.set(T0 + 4 * MIN);
    const png = encodePng(1, 1, 0, Buffer.from([0, 200]));
    const cover = await t.uploadAs(ORGANISER, 'event', 'cover', 'cover.png', png);
    const notImage = await t.uploadAs(ORGANISER, 'event', 'cover', 'cover.jpg', Buffer.from('<script>alert(1)</script>', 'utf8'));
    await refused(ORGANISER, 'saveEvent', { event: draft({ cover: notImage }) }, 'INVALID_ARGUMENT', '封面文件不是图片');
    const eventId = await publish(ORGANISER, draft({ title: '有封面的活动', cover }));
    const page = await ok<EventResponses['listEvents']>('demo-m-12', 'listEvents', { tab: 'open', limit: 50 });
    expect(page.items.find((e) => e.id === eventId)?.coverUrl).toMatch(/^https?:\/\//);
    expect(page.items.filter((e) => e.id !== eventId).every((e) => e.coverUrl === null)).toBe(true);
  });
});

describe('approval and reminders', () => {
  it('holds sign-ups for review; the organiser approves one into a seat and rejects one with a reason', async () => {
    t.cloud.clock.set(T0 + 4 * MIN);
    const eventId = await publish(ORGANISER, draft({ title: '需要审核', approval: true, capacity: 1 }));
    await expect(ok<SignUpResult>('demo-m-12', 'signUp', { eventId })).resolves.toMatchObject({ status: 'pending' });
    await ok('demo-m-13', 'signUp', { eventId });
    await refused(ORGANISER, 'reviewSignUp', { eventId, memberId: 'demo-member-13', approve: false }, 'INVALID_ARGUMENT');
    await expect(ok(ORGANISER, 'reviewSignUp', { eventId, memberId: 'demo-member-12', approve: true })).resolves.toEqual({ status: 'confirmed' });
    await expect(ok(ORGANISER, 'reviewSignUp', { eventId, memberId: 'demo-member-13', approve: false, reason: '本次面向党小组长' })).resolves.toEqual({ status: 'rejected' });
    await refused('demo-m-13', 'signUp', { eventId }, 'FAILED_PRECONDITION', '未通过审核');
    await expect(ok<EventDetail>('demo-m-13', 'getEvent', { eventId })).resolves.toMatchObject({ myStatus: 'rejected', myReviewReason: '本次面向党小组长', canSignUp: false });
    expect(t.cloud.db.find('events', { _id: eventId })[0]).toMatchObject({ confirmed: 1, pending: 0 });
  });

  it('cancelling an event tells those signed up (by message where a credit exists) and shows them the reason', async () => {
    t.cloud.clock.set(T0 + 4 * MIN);
    const eventId = await publish(ORGANISER, draft({ title: '将被取消的活动', capacity: 0 }));
    await ok('demo-m-12', 'signUp', { eventId });
    await ok('demo-m-13', 'signUp', { eventId });
    await t.call('demo-m-13', 'org', 'grantReminders', { topics: ['event'] });
    await refused(ORGANISER, 'cancelEvent', { eventId, reason: '' }, 'INVALID_ARGUMENT');
    await expect(ok(ORGANISER, 'cancelEvent', { eventId, reason: '场地临时检修' })).resolves.toMatchObject({ status: 'cancelled', notified: 1 });
    await expect(ok<EventDetail>('demo-m-12', 'getEvent', { eventId })).resolves.toMatchObject({ phase: 'cancelled', cancelReason: '场地临时检修', canCancel: false, canSignUp: false });
    await refused('demo-m-14', 'signUp', { eventId }, 'FAILED_PRECONDITION', '活动已取消');
    const rejectedFor = await ok<EventDetail>('demo-m-13', 'getEvent', { eventId });
    expect(rejectedFor.myReviewReason).toBe('');
  });

  it('reminds confirmed members with a credit two hours before the start, once', async () => {
    t.cloud.clock.set(T0 + 5 * MIN);
    const eventId = await publish(ORGANISER, draft({ title: '提醒测试', signupClosesAt: T0 + 2 * HOUR, startsAt: T0 + 3 * HOUR, endsAt: T0 + 4 * HOUR, capacity: 0 }));
    await ok('demo-m-14', 'signUp', { eventId });
    await ok('demo-m-16', 'signUp', { eventId });
    await t.call('demo-m-16', 'org', 'grantReminders', { topics: ['event'] });
    const timer = () => t.cloud.invoke('event', { Type: 'Timer', TriggerName: 'remindUpcoming' }, { openid: '' });
    const outbox = () => t.cloud.openapiCalls().filter((c) => c.api === 'subscribeMessage.send' && (c.params as { page: string }).page.includes(eventId));
    t.cloud.clock.set(T0 + 30 * MIN);
    await timer();
    expect(outbox()).toHaveLength(0);
    t.cloud.clock.set(T0 + 61 * MIN);
    await Promise.all([timer(), timer()]);
    expect(outbox().map((c) => (c.params as { touser: string }).touser)).toEqual(['demo-m-16']);
    await timer();
    expect(outbox()).toHaveLength(1);
  });
});

describe('limits', () => {
  it('signing up and cancelling in a loop stops after 3 cancellations: history and cancellation counts stay bounded (issue 14, item 11)', async () => {
    t.cloud.clock.set(T0 + 3 * MIN);
    const eventId = await publish(ORGANISER, draft({ title: '反复报名', capacity: 10 }));
    const who = SCHOOL[3];
    for (let i = 0; i < 3; i++) {
      await ok(who, 'signUp', { eventId });
      await ok(who, 'cancelSignUp', { eventId });
    }
    await refused(who, 'signUp', { eventId }, 'FAILED_PRECONDITION', '您已取消过3次报名');
    const reg = t.cloud.db.find('eventRegistrations', { eventId })[0] as { history: unknown[]; status: string };
    expect(reg.status).toBe('cancelled');
    expect(reg.history).toHaveLength(6);
    expect(t.cloud.db.find('events', { _id: eventId })[0]).toMatchObject({ cancelled: 3, confirmed: 0 });
  });
});

describe('the roster copy text', () => {
  it('names the event once in 「」, even when its title already holds 「」 (no 「「…」…」)', async () => {
    t.cloud.clock.set(T0);
    const eventId = await publish(ORGANISER, draft({ title: '「四史」宣讲会', capacity: 10 }));
    await ok(SCHOOL[0], 'signUp', { eventId });
    const roster = await ok<EventResponses['eventRoster']>(ORGANISER, 'eventRoster', { eventId, filter: 'all' });
    expect(roster.text).toBe('「『四史』宣讲会」报名（1人）：马俊');
  });
});

// Attendance recorded by hand for members who never signed up (issue 18): a walk-in, or a roster
// entry never bound to WeChat who could not sign up. The organiser of the member's unit marks them
// present with a reason; a registration is made for them (one, however many identical calls race)
// and counted in the event's counters and the roll-up once; marking them absent later takes it back
// with the reason kept. A refusal names its field and writes nothing.
import type { Rollup } from '../../core/contracts/org';
import { COLLECTIONS } from '../../functions/lib/collections';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const beijing = (d: string, hh: number, mm = 0) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8, mm);
const ORGANISER = 'demo-organiser'; // 李强, 实验中学党支部
const GAO = 'demo-member-17'; // 高远, 实验中学, never bound
let eventId = '';

const mark = (memberId: string, attended: boolean, reason: string, openid = ORGANISER) => t.call<{ attended: boolean }>(openid, 'event', 'markAttendance', { eventId, memberId, attended, reason });
const stored = () => JSON.stringify([t.cloud.db.find(COLLECTIONS.eventRegistrations).filter((d) => d.eventId === eventId), t.cloud.db.find(COLLECTIONS.events).filter((d) => d._id === eventId)]);
const counters = () => {
  const e = t.cloud.db.find(COLLECTIONS.events).find((d) => d._id === eventId) as unknown as { confirmed: number; attended: number; byUnit: Record<string, { c?: number; a?: number }> };
  return { confirmed: e.confirmed, attended: e.attended, c: e.byUnit['br-school']?.c ?? 0, a: e.byUnit['br-school']?.a ?? 0 };
};
const reg = (memberId: string) => t.cloud.db.find(COLLECTIONS.eventRegistrations).find((d) => d._id === `${eventId}_${memberId}`) as Record<string, unknown> | undefined;

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(beijing('2036-11-24', 9));
  const event = {
    kind: 'party_day',
    title: '送学上门：主题党日',
    description: '',
    place: '党员活动室',
    signupOpensAt: beijing('2036-11-24', 8),
    signupClosesAt: beijing('2036-11-25', 12),
    startsAt: beijing('2036-11-25', 14),
    endsAt: beijing('2036-11-25', 16),
    capacity: 0,
    waitlist: false,
    approval: false,
    unitIds: ['br-school'],
    cancelHours: 2,
  };
  eventId = dataOf(await t.call<{ id: string }>(ORGANISER, 'event', 'saveEvent', { event })).id;
  dataOf(await t.call(ORGANISER, 'event', 'publishEvent', { eventId }));
  t.cloud.clock.set(beijing('2036-11-25', 14, 30));
}, 60_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('event.markAttendance for members who never signed up', () => {
  it('refuses another branch’s organiser, someone not on the roster or outside the audience, and an absence with nothing to take back; writes nothing', async () => {
    const before = stored();
    await expect(mark(GAO, true, '送学上门', 'demo-m-22')).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const stranger = await mark('demo-member-nobody', true, '送学上门');
    expect(stranger).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(stranger.ok === false && stranger.message).toContain('成员');
    const outside = await mark('demo-member-25', true, '送学上门', 'demo-admin');
    expect(outside).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(outside.ok === false && outside.message).toContain('成员');
    await expect(mark(GAO, false, '没来')).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(stored()).toBe(before);
  });

  it('records an unbound member present once under ten identical calls, counted in the event and the roll-up', async () => {
    const rollup = () => t.call<Rollup>('demo-admin', 'org', 'getRollup', { unitId: 'br-school', fromDay: '2036-11-25', toDay: '2036-11-25' }).then((r) => dataOf(r).events);
    const before = counters();
    const rollBefore = await rollup();
    const answers = await Promise.all(Array.from({ length: 10 }, () => mark(GAO, true, '行动不便，送学上门')));
    for (const a of answers) expect(a).toMatchObject({ ok: true, data: { attended: true } });
    expect(counters()).toEqual({ confirmed: before.confirmed + 1, attended: before.attended + 1, c: before.c + 1, a: before.a + 1 });
    expect(reg(GAO)).toMatchObject({ status: 'confirmed', attended: true, attendedBy: 'organiser', walkIn: true });
    expect(reg(GAO)?.attendanceLog).toEqual([expect.objectContaining({ attended: true, reason: '行动不便，送学上门', byName: '李强' })]);
    expect(await rollup()).toMatchObject({ attended: rollBefore.attended + 1 });
  });

  it('a bound walk-in too; marking them absent takes the place back with the reason kept, and present again restores it', async () => {
    const before = counters();
    dataOf(await mark('demo-member-13', true, '现场参加'));
    expect(counters()).toEqual({ confirmed: before.confirmed + 1, attended: before.attended + 1, c: before.c + 1, a: before.a + 1 });
    const undo = await Promise.all(Array.from({ length: 5 }, () => mark('demo-member-13', false, '登记错了人')));
    for (const a of undo) expect(a).toMatchObject({ ok: true, data: { attended: false } });
    expect(counters()).toEqual(before);
    expect(reg('demo-member-13')).toMatchObject({ status: 'cancelled', attended: false });
    expect((reg('demo-member-13')?.attendanceLog as Array<{ attended: boolean; reason: string }>).map((e) => [e.attended, e.reason])).toEqual([
      [true, '现场参加'],
      [false, '登记错了人'],
    ]);
    dataOf(await mark('demo-member-13', true, '确实来了'));
    expect(counters()).toEqual({ confirmed: before.confirmed + 1, attended: before.attended + 1, c: before.c + 1, a: before.a + 1 });
    expect(reg('demo-member-13')).toMatchObject({ status: 'confirmed', attended: true });
  });
});

// Roll-ups against the local cloud: the demo organisation's history is made by the real actions
// (two weeks of check-ins, an exam taken and closed, an event with attendance), the tree then
// gains a middle level, and the figures of the middle unit and of the whole organisation must
// equal a count of the underlying records. Then the read count is pinned at large scale.
import type { Rollup } from '../../core/contracts/org';
import { addDays, beijingDayKey, beijingDayStart } from '../../core/domain/time';
import { COLLECTIONS } from '../../functions/lib/collections';
import { insertMany, list } from '../../functions/lib/db';
import type { MemberDoc, UnitDoc } from '../../functions/lib/model';
import { seedDemoCheckins } from '../../scripts/lib/demo-checkins';
import { seedDemoContent } from '../../scripts/lib/demo-content';
import { seedDemoExams } from '../../scripts/lib/demo-exams';
import { seedDemo } from '../../scripts/lib/setup';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

jest.setTimeout(120_000);

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({ seed: false });
  await seedDemo(t.db, new Date(Date.now() - 30 * 86_400_000));
  await seedDemoExams(t.cloud, t.db);
  await seedDemoCheckins(t.cloud, t.db);
  await seedDemoContent(t.cloud, t.db);
  t.cloud.clock.reset();
});
afterAll(async () => {
  await t?.close();
});

const ADMIN = 'demo-admin';
/** The check-in timer: reminders when due, then the closed-day roll-ups. */
const timer = async (cloud = t) => {
  const { result } = await cloud.cloud.invoke('checkin', { Type: 'Timer', TriggerName: 'dailyReminders' }, { openid: '' });
  expect(result).toMatchObject({ ok: true });
  return (result as { data: { rollups: { days: number; writes: number; done: boolean } } }).data.rollups;
};
const org = <T>(openid: string, action: string, payload: unknown = {}) => t.call<T>(openid, 'org', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await org<T>(openid, action, payload));
const all = async <T extends { _id: string }>(collection: string, where: Record<string, unknown>) =>
  list<T>(t.db.collection(collection).where(where).limit(1000));

/**
 * Counts of the underlying records for a set of units over [fromDay, toDay], by queries on
 * declared indexes (the harness refuses any other) and filters in memory.
 */
async function countRecords(unitIds: string[], fromDay: string, toDay: string) {
  const _ = t.db.command;
  const inDays = (d: string) => d >= fromDay && d <= toDay;
  const checkins = (await all<{ _id: string; day: string }>(COLLECTIONS.checkins, { unitId: _.in(unitIds) })).filter((c) => inDays(c.day));
  const members = await all<MemberDoc>(COLLECTIONS.members, { unitId: _.in(unitIds) });
  const exams = await all<{ _id: string }>(COLLECTIONS.exams, { orgId: 'org-demo' });
  const takers = await all<{ _id: string; examId: string; best: { passed: boolean } | null }>(COLLECTIONS.examTakers, {
    examId: _.in(exams.map((e) => e._id)),
    unitId: _.in(unitIds),
  });
  const from = beijingDayStart(fromDay);
  const to = beijingDayStart(addDays(toDay, 1));
  const events = await all<{ _id: string; startsAt: number }>(COLLECTIONS.events, { orgId: 'org-demo', status: 'published', startsAt: _.gte(from).and(_.lt(to)) });
  const regs = await all<{ _id: string; status: string; attended: boolean }>(COLLECTIONS.eventRegistrations, {
    eventId: _.in(events.map((e) => e._id)),
    unitId: _.in(unitIds),
  });
  return {
    members: members.length,
    bound: members.filter((m) => m.openid !== null).length,
    checkins: checkins.length,
    byDay: checkins.reduce<Record<string, number>>((m, c) => ({ ...m, [c.day]: (m[c.day] ?? 0) + 1 }), {}),
    submittedByExam: takers.reduce<Record<string, number>>((m, k) => (k.best ? { ...m, [k.examId]: (m[k.examId] ?? 0) + 1 } : m), {}),
    passedByExam: takers.reduce<Record<string, number>>((m, k) => (k.best?.passed ? { ...m, [k.examId]: (m[k.examId] ?? 0) + 1 } : m), {}),
    confirmed: regs.filter((r) => r.status === 'confirmed').length,
    attended: regs.filter((r) => r.attended).length,
  };
}

describe('roll-ups up the tree', () => {
  const today = beijingDayKey(Date.now());
  const fromDay = addDays(today, -20);
  let mid: string;

  it('GIVEN real history and a middle level added later THEN the middle unit and the organisation match the records', async () => {
    mid = (await ok<{ unit: { id: string } }>(ADMIN, 'createUnit', { parentId: 'org-demo', name: '教育和老干部工委', kind: 'committee' })).unit.id;
    await ok(ADMIN, 'moveUnit', { unitId: 'br-school', parentId: mid });
    await ok(ADMIN, 'moveUnit', { unitId: 'br-retired', parentId: mid });

    // Twice: before the timer has computed any closed day (every day read from the per-unit
    // counters), and after (closed days from the roll-ups, today from the counters).
    for (const phase of ['live', 'rolled up'] as const) {
      if (phase === 'rolled up') {
        const run = await timer();
        expect(run.writes).toBeGreaterThan(0);
        expect(t.cloud.db.count(COLLECTIONS.checkinRollups, { unitId: mid })).toBeGreaterThan(7);
      }
    for (const [unitId, ids] of [
      [mid, [mid, 'br-school', 'br-retired']],
      ['org-demo', ['org-demo', mid, 'br-school', 'br-retired', 'br-office']],
    ] as const) {
      const r = await ok<Rollup>(ADMIN, 'getRollup', { unitId, fromDay, toDay: today });
      const want = await countRecords([...ids], fromDay, today);
      expect(want.checkins).toBeGreaterThan(20); // the demo history is really there
      expect(r.members).toBe(want.members);
      expect(r.bound).toBe(want.bound);
      expect(r.checkins.total).toBe(want.checkins);
      expect(Object.fromEntries(r.checkins.days.filter((d) => d.count > 0).map((d) => [d.day, d.count]))).toEqual(want.byDay);
      expect(r.checkins.days).toHaveLength(21);
      expect(r.exams.length).toBeGreaterThan(0);
      for (const e of r.exams) {
        expect(e.submitted).toBe(want.submittedByExam[e.examId] ?? 0);
        expect(e.passed).toBe(want.passedByExam[e.examId] ?? 0);
        // 缺考 only once the window has closed; 未参加 while it is open.
        if (e.phase === 'open') expect(e.absent).toBe(0);
        if (e.phase === 'closed') expect(e.notYet).toBe(0);
      }
      expect(r.exams.some((e) => e.phase === 'closed' && e.submitted > 0)).toBe(true);
      expect(r.events.confirmed).toBe(want.confirmed);
      expect(r.events.attended).toBe(want.attended);
    }
    }
    // identity, unit, subtree, the root (tree version), the check-in roll-ups, today's aggregate,
    // exams, their per-unit aggregate, events: 9 reads (the root's own: 8, it is the unit).
    const { stats } = await t.invoke(ADMIN, 'org', 'getRollup', { unitId: mid, fromDay, toDay: today });
    expect([stats.reads, stats.writes]).toEqual([9, 0]);
    const rootCost = await t.invoke(ADMIN, 'org', 'getRollup', { unitId: 'org-demo', fromDay, toDay: today });
    expect([rootCost.stats.reads, rootCost.stats.writes]).toEqual([8, 0]);
    const root = await ok<Rollup>(ADMIN, 'getRollup', { unitId: 'org-demo', fromDay, toDay: today });
    expect(root.units).toBe(5);
    expect(root.members).toBe(30);
    expect(root.events.attended).toBeGreaterThan(0);
  });

  it('a member who moves counts in the new unit from the move on; what happened before stays where it happened', async () => {
    const before = await ok<Rollup>(ADMIN, 'getRollup', { unitId: mid, fromDay, toDay: today });
    const office = await ok<Rollup>(ADMIN, 'getRollup', { unitId: 'br-office', fromDay, toDay: today });
    // 马俊 (demo-m-12, 实验中学) moves to 机关第一党支部, then checks in today.
    await ok(ADMIN, 'moveMember', { memberId: 'demo-member-12', unitId: 'br-office' });
    expect(await t.call('demo-m-12', 'checkin', 'checkIn', { title: '学习党章', minutes: 30, note: '', share: false })).toMatchObject({ ok: true });
    const after = await ok<Rollup>(ADMIN, 'getRollup', { unitId: mid, fromDay, toDay: today });
    const officeAfter = await ok<Rollup>(ADMIN, 'getRollup', { unitId: 'br-office', fromDay, toDay: today });
    expect(after.checkins.total).toBe(before.checkins.total);
    expect(officeAfter.checkins.total).toBe(office.checkins.total + 1);
    expect(after.members).toBe(before.members - 1);
    expect(officeAfter.members).toBe(office.members + 1);
  });

  it('a unit that moves takes its own history with it', async () => {
    const school = await ok<Rollup>(ADMIN, 'getRollup', { unitId: 'br-school', fromDay, toDay: today });
    const midBefore = await ok<Rollup>(ADMIN, 'getRollup', { unitId: mid, fromDay, toDay: today });
    await ok(ADMIN, 'moveUnit', { unitId: 'br-school', parentId: 'org-demo' });
    // At once (the roll-ups of the old tree are set aside), and after the timer recomputed them.
    for (const when of ['before the timer', 'after the timer']) {
      if (when === 'after the timer') await timer();
      const midAfter = await ok<Rollup>(ADMIN, 'getRollup', { unitId: mid, fromDay, toDay: today });
      expect(midAfter.checkins.total).toBe(midBefore.checkins.total - school.checkins.total);
      expect(midAfter.members).toBe(midBefore.members - school.members);
      const schoolAfter = await ok<Rollup>(ADMIN, 'getRollup', { unitId: 'br-school', fromDay, toDay: today });
      expect(schoolAfter.checkins.total).toBe(school.checkins.total);
    }
  });

  it('an organiser reads roll-ups only inside their subtree; bad periods are refused', async () => {
    expect(await org('demo-organiser', 'getRollup', { unitId: 'org-demo' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(ok<Rollup>('demo-organiser', 'getRollup', { unitId: 'br-school' })).resolves.toMatchObject({ unit: { id: 'br-school' } });
    expect(await org(ADMIN, 'getRollup', { unitId: 'org-demo', fromDay: today, toDay: addDays(today, -1) })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await org(ADMIN, 'getRollup', { unitId: 'org-demo', fromDay: addDays(today, -400), toDay: today })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await org(ADMIN, 'getRollup', { unitId: 'org-demo', fromDay: '2026-02-30x' })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });
});

describe('roll-up read cost at scale', () => {
  it('GIVEN 5 levels, 500 units and 20,000 members THEN any unit’s figures cost the same fixed number of reads', async () => {
    // Seeding directly is allowed here only to pin the read count at a scale the actions would
    // take minutes to build: 4 + 20 + 80 + 395 units under the root, 40 members each.
    const s = await startTestCloud({ seed: false });
    try {
      const now = new Date();
      const monthAgo = new Date(Date.now() - 30 * 86_400_000); // the organisation's creation
      const orgId = 'big-org';
      const units: UnitDoc[] = [];
      const add = (id: string, parent: UnitDoc | null) => {
        const u: UnitDoc = {
          _id: id,
          kind: parent ? 'branch' : 'org',
          name: id,
          parentId: parent?._id ?? null,
          path: parent ? [...parent.path, id] : [id],
          order: 0,
          orgId,
          inviteCode: null,
          memberCount: parent ? 40 : 0,
          boundCount: parent ? 30 : 0,
          status: 'active',
          closedAt: null,
          createdAt: monthAgo,
        };
        units.push(u);
        return u;
      };
      const root = add(orgId, null);
      for (let a = 0; a < 4; a++) {
        const l1 = add(`a${a}`, root);
        for (let b = 0; b < 5; b++) {
          const l2 = add(`a${a}b${b}`, l1);
          for (let c = 0; c < 4; c++) {
            const l3 = add(`a${a}b${b}c${c}`, l2);
            for (let d = 0; d < 5 && units.length < 500; d++) add(`a${a}b${b}c${c}d${d}`, l3);
          }
        }
      }
      expect(units).toHaveLength(500);
      expect(Math.max(...units.map((u) => u.path.length))).toBe(5);
      for (let i = 0; i < units.length; i += 100) await insertMany(s.db, COLLECTIONS.units, units.slice(i, i + 100) as unknown as Array<Record<string, unknown>>);
      const today = beijingDayKey(Date.now());
      const daily = units.slice(1).flatMap((u) => [0, 1, 2].map((k) => ({ _id: `${u._id}_${addDays(today, -k)}`, unitId: u._id, orgId, day: addDays(today, -k), count: 25 })));
      for (let i = 0; i < daily.length; i += 100) await insertMany(s.db, COLLECTIONS.checkinDaily, daily.slice(i, i + 100));
      const admin = { _id: 'big-admin', orgId, unitId: orgId, unitPath: [orgId], name: '管理员', category: 'full', role: 'org_admin', manages: [], leader: false };
      await s.db.collection(COLLECTIONS.identities).add({ data: { ...admin, _id: 'o-big-admin', memberId: 'big-admin', boundAt: now, memberCreatedAt: now, v: 2, createdAt: now } as never });

      const cost = async (unitId: string) => {
        const { result, stats } = await s.invoke('o-big-admin', 'org', 'getRollup', { unitId, fromDay: addDays(today, -2), toDay: today });
        expect(result).toMatchObject({ ok: true });
        return { reads: stats.reads, writes: stats.writes, data: (result as { data: Rollup }).data };
      };
      // identity, the unit, the subtree's units, (below the root: the root, for its tree version),
      // the check-in roll-ups, one aggregate of the days they do not cover, the period's exams
      // (none here, so their per-unit aggregate is skipped), the period's events.
      for (const phase of ['no roll-ups yet', 'closed days rolled up'] as const) {
        if (phase === 'closed days rolled up') {
          const run = await timer(s);
          expect(run.writes).toBeGreaterThanOrEqual(500 * 2); // every unit, for the two closed days
        }
        const whole = await cost(orgId);
        const branch = await cost('a0b0c0d0');
        const middle = await cost('a1b2');
        expect([whole.reads, whole.writes]).toEqual([7, 0]);
        expect([branch.reads, branch.writes]).toEqual([8, 0]);
        expect([middle.reads, middle.writes]).toEqual([8, 0]);
        expect(whole.data).toMatchObject({ units: 500, members: 499 * 40, bound: 499 * 30, checkins: { total: 499 * 3 * 25 } });
        expect(middle.data.units).toBe(1 + 4 + 20);
        expect(middle.data.checkins.total).toBe(25 * 3 * 25);
        expect(branch.data).toMatchObject({ units: 1, members: 40, checkins: { total: 75 } });
      }
    } finally {
      await s.close();
    }
  });
});

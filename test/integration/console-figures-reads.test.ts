// 工作台's read budget (docs/CONSOLE.md, "Reads"): for any unit of an organisation of 5 levels,
// 500 units and 20,000 members, and any period up to 366 days, getConsole reads at most 60 times
// and writes nothing — whatever the number of members, from roll-ups and counters only. The tree,
// its day counters, exams with per-unit counters in every unit, an event and a contest are
// inserted directly (the actions would take minutes to build this); the timers then roll the
// closed days up as in production.
import type { ConsoleView } from '../../core/contracts/console';
import { addDays, beijingDayKey } from '../../core/domain/time';
import { COLLECTIONS } from '../../functions/lib/collections';
import { insertMany } from '../../functions/lib/db';
import type { UnitDoc } from '../../functions/lib/model';
import { startTestCloud, type TestCloud } from '../helpers/cloud';

jest.setTimeout(300_000);

const BUDGET = 60;
const ORG = 'big-org';
const ADMIN = 'o-big-admin';
const ORGANISER = 'o-big-organiser';
let s: TestCloud;
const units: UnitDoc[] = [];

async function insertAll(collection: string, docs: Array<Record<string, unknown>>) {
  for (let i = 0; i < docs.length; i += 100) await insertMany(s.db, collection, docs.slice(i, i + 100));
}

beforeAll(async () => {
  s = await startTestCloud({ seed: false });
  const yearAgo = new Date(Date.now() - 400 * 86_400_000); // the organisation's creation
  const add = (id: string, parent: UnitDoc | null) => {
    const u: UnitDoc = {
      _id: id,
      kind: parent ? 'branch' : 'org',
      name: id,
      parentId: parent?._id ?? null,
      path: parent ? [...parent.path, id] : [id],
      order: 0,
      orgId: ORG,
      inviteCode: null,
      memberCount: parent ? 40 : 0,
      boundCount: parent ? 30 : 0,
      status: 'active',
      closedAt: null,
      createdAt: yearAgo,
    };
    units.push(u);
    return u;
  };
  // 4 + 20 + 80 + 395 units under the root, 40 members each: 19,960 members.
  const root = add(ORG, null);
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
  await insertAll(COLLECTIONS.units, units as unknown as Array<Record<string, unknown>>);

  // Every unit's day counters of today and the two days before, in every context the console reads.
  const today = beijingDayKey(Date.now());
  const leafDays = units.slice(1).flatMap((u) => [0, 1, 2].map((k) => ({ u, day: addDays(today, -k) })));
  await insertAll(COLLECTIONS.checkinDaily, leafDays.map(({ u, day }) => ({ _id: `${u._id}_${day}`, unitId: u._id, orgId: ORG, day, count: 25 })));
  await insertAll(COLLECTIONS.pointsUnitDays, leafDays.map(({ u, day }) => ({ _id: `${u._id}_${day}`, unitId: u._id, orgId: ORG, day, points: 50, members: 20 })));
  await insertAll(
    COLLECTIONS.quizUnitDays,
    leafDays.map(({ u, day }) => ({ _id: `${u._id}_${day}`, unitId: u._id, orgId: ORG, day, participants: 10, correct: 40, answered: 50, perfect: 2 })),
  );
  // 20 exams of the last two weeks (the most a period shows), counted in every unit.
  const now = Date.now();
  const exams = Array.from({ length: 20 }, (_x, i) => ({
    _id: `big-exam-${i}`,
    orgId: ORG,
    title: `考试${i}`,
    kind: 'exam',
    status: 'published',
    audience: ['ALL'],
    unitIds: [ORG],
    inviteOnly: false,
    opensAt: now - (i + 2) * 86_400_000,
    closesAt: now + (i % 2 === 0 ? 1 : -1) * 3_600_000,
    createdAt: now - 20 * 86_400_000,
  }));
  await insertAll(COLLECTIONS.exams, exams);
  await insertAll(
    COLLECTIONS.examStats,
    exams.flatMap((e) => units.slice(1).map((u) => ({ _id: `${e._id}_${u._id}`, examId: e._id, unitId: u._id, invited: 0, started: 30, submitted: 28, passed: 25 }))),
  );
  const byUnit = Object.fromEntries(units.slice(1).map((u) => [u._id, { c: 10, a: 8 }]));
  await insertAll(COLLECTIONS.events, [{ _id: 'big-event', orgId: ORG, title: '党课', status: 'published', audience: ['ALL'], startsAt: now - 3_600_000, endsAt: now, byUnit }]);
  const admin = { orgId: ORG, unitId: ORG, unitPath: [ORG], name: '管理员', category: 'full', role: 'org_admin', manages: [], leader: false };
  const at = new Date();
  await s.db.collection(COLLECTIONS.identities).add({ data: { ...admin, _id: ADMIN, memberId: 'big-admin', boundAt: at, memberCreatedAt: at, v: 2, createdAt: at } as never });
  // A unit organiser of one level-1 unit: the queues they may act on cost a few reads more.
  const organiser = { orgId: ORG, unitId: 'a1', unitPath: [ORG, 'a1'], name: '组织员', category: 'full', role: 'unit_organiser', manages: ['a1'], leader: false };
  await s.db.collection(COLLECTIONS.identities).add({ data: { ...organiser, _id: ORGANISER, memberId: 'big-organiser', boundAt: at, memberCreatedAt: at, v: 2, createdAt: at } as never });
  for (const [fn, name] of [['checkin', 'dailyReminders'], ['points', 'pointsRollups'], ['quiz', 'preparePools']] as const) {
    const { result } = await s.cloud.invoke(fn, { Type: 'Timer', TriggerName: name }, { openid: '' });
    expect(result).toMatchObject({ ok: true });
  }
});
afterAll(async () => {
  await s?.close();
});

describe('getConsole at scale', () => {
  const today = beijingDayKey(Date.now());
  const periods = {
    本周: { kind: 'week' },
    本月: { kind: 'month' },
    '366 days': { kind: 'range', fromDay: addDays(today, -365), toDay: today },
  } as const;

  it.each(Object.entries(periods))('%s: the root, a middle unit and a leaf (for the org admin and a unit organiser) each read at most 60 times and write nothing', async (_label, period) => {
    for (const [who, unitId] of [[ADMIN, ORG], [ADMIN, 'a1b2'], [ADMIN, 'a0b0c0d0'], [ORGANISER, 'a1'], [ORGANISER, 'a1b2c3d0']]) {
      const { result, stats } = await s.invoke(who, 'console', 'getConsole', { unitId, period });
      expect(result).toMatchObject({ ok: true });
      const v = (result as { data: ConsoleView }).data;
      expect(stats.writes).toBe(0);
      expect(stats.reads).toBeLessThanOrEqual(BUDGET);
      // The figures are really there (so the reads were not skipped).
      const inUnit = units.filter((u) => u.path.includes(unitId) && u._id !== ORG).length;
      expect(v.total.members).toBe(inUnit * 40);
      const days = Math.min(3, v.period.days);
      expect(v.total.checkins.total).toBe(inUnit * 25 * days);
      expect(v.total.points.points).toBe(inUnit * 50 * days);
      expect(v.total.quiz.participantDays).toBe(inUnit * 10 * days);
      expect(v.total.exams.items).toHaveLength(20);
      expect(v.total.exams.submitted).toBe(inUnit * 28 * 20);
      expect(v.total.events).toMatchObject({ count: 1, confirmed: inUnit * 10 });
      // The children add up to the unit, less the unit's own members' check-ins.
      const own = unitId === ORG ? 0 : 25 * days;
      expect(v.children.reduce((n, c) => n + c.figures.checkins.total, 0)).toBe(v.total.checkins.total - own);
      console.log(`${String(_label)} ${who === ADMIN ? 'admin' : 'organiser'} ${unitId}: ${stats.reads} reads`);
    }
  });
});

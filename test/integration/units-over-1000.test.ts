// An organisation of more than 1,000 units (12 党委 of 100 branches each, 1,213 units with the root),
// against the local cloud: one read returns at most 1,000 documents, so every timer that reads all
// of an organisation's units or all of its per-unit rows of a day must page through them.
// - the points timer's repair keeps every unit's day counter as it is when it is right, repairs
//   the one left short, and never "repairs" a unit it did not read down to 0;
// - the points, daily-quiz and contest roll-ups count every unit: the root's subtree total is the
//   sum of all 1,200 branches.
// The units, member days and unit counters are inserted directly into the store, as the org
// import and the awards would write them (1,200 imports and awards through the function would take
// minutes); a few members of the last units earn their points through the real `awardPoints`.
// The counters are inserted in the reverse order of the member days, as happens when units earn
// in a different order from the one their members' first awards were written in.
// - the org admin's points of the whole organisation (unitPoints) count all 1,200 branches on a
//   day not rolled up yet (today).
import type { PointsResponses } from '../../core/contracts/points';
import type { MemberDoc } from '../../functions/lib/model';
import { identityOf } from '../../functions/org/ports';
import { awardPoints } from '../../functions/points/ports';
import { beijing, bigTree } from '../helpers/bigTree';
import { startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const MIN = 60_000;

const ORG = 'org-big';
const DAY = '2036-09-09'; // a closed day: the points roll-ups cover closed days
const TODAY = '2036-09-10';
const NOW = beijing(TODAY, 9);
const { committees, branches, insertUnits } = bigTree(ORG);
/** Points of the one member of branch i who earned on DAY (1 to 5). */
const pointsOf = (i: number) => 1 + (i % 5);
/** The branches past the 1,000th whose members also earn through the real port. */
const awarded = branches.slice(-12).map((b) => b.id);
const SHORT = branches[1150].id;

type Doc = Record<string, unknown>;
const find = (collection: string, filter: Doc = {}) => t.cloud.db.find(collection, filter) as Doc[];
const insert = (collection: string, doc: Doc) => t.cloud.db.insert(collection, doc);


beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(NOW);
  insertUnits(insert, 1, new Date(beijing('2036-01-01', 9)));
  // One member of every branch earned on DAY: their day document, then (reverse order) the counters.
  branches.forEach((b, i) =>
    insert('pointsDays', { _id: `big-m${i}_${DAY}`, orgId: ORG, memberId: `big-m${i}`, unitId: b.id, day: DAY, bySource: { checkin: pointsOf(i) }, total: pointsOf(i), at: beijing(DAY, 9) }),
  );
  [...branches.entries()].reverse().forEach(([i, b]) => insert('pointsUnitDays', { _id: `${b.id}_${DAY}`, orgId: ORG, unitId: b.id, day: DAY, points: pointsOf(i), members: 1 }));
  // A second member of each of the last 12 branches attends an event on DAY, through the ledger.
  for (const unitId of awarded) {
    const parent = unitId.slice(0, 7);
    const r = await awardPoints(t.db, { orgId: ORG, memberId: `big-x-${unitId}`, unitId, unitPath: [ORG, parent, unitId], source: 'event', ref: 'ev-big', asked: 1, at: beijing(DAY, 15) });
    expect(r.awarded).toBe(2);
  }
}, 120_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

/** What each branch's counter must hold on DAY: its members' day documents. */
function expected(): Map<string, { points: number; members: number }> {
  const want = new Map(branches.map((b, i) => [b.id, { points: pointsOf(i), members: 1 }]));
  for (const unitId of awarded) {
    const w = want.get(unitId)!;
    want.set(unitId, { points: w.points + 2, members: w.members + 1 });
  }
  return want;
}

describe('more than 1,000 units', () => {
  it('the points timer keeps every unit’s day counter right, repairs the one left short, and rolls all 1,200 branches up to the root', async () => {
    const want = expected();
    // An award whose unit increment died: this counter is one member and its points short.
    const s = want.get(SHORT)!;
    await t.db.collection('pointsUnitDays').doc(`${SHORT}_${DAY}`).update({ data: { points: s.points - pointsOf(1150), members: s.members - 1 } });

    const timer = () => t.cloud.invoke('points', { Type: 'Timer', TriggerName: 'pointsRollups' }, { openid: '' });
    t.cloud.clock.set(NOW);
    await timer();
    t.cloud.clock.set(NOW + 2 * MIN);
    await timer();
    t.cloud.clock.set(NOW + 4 * MIN);
    await timer();

    const counters = find('pointsUnitDays', { orgId: ORG, day: DAY });
    expect(counters).toHaveLength(branches.length);
    const wrong = counters.filter((c) => {
      const w = want.get(c.unitId as string)!;
      return c.points !== w.points || c.members !== w.members;
    });
    expect(wrong.map((c) => `${String(c.unitId)} ${String(c.points)}/${String(c.members)}`)).toEqual([]);

    // The roll-ups of the closed day: the root holds all 1,200 branches, each 党委 its 100.
    const total = [...want.values()].reduce((a, w) => ({ points: a.points + w.points, members: a.members + w.members }), { points: 0, members: 0 });
    expect(find('pointsRollups', { _id: `${ORG}_${DAY}` })[0]).toMatchObject(total);
    for (const c of committees) {
      const own = branches.filter((b) => b.parent === c).map((b) => want.get(b.id)!);
      expect(find('pointsRollups', { _id: `${c}_${DAY}` })[0]).toMatchObject({
        points: own.reduce((a, w) => a + w.points, 0),
        members: own.reduce((a, w) => a + w.members, 0),
      });
    }
  }, 120_000);

  it('the quiz timer rolls the daily quiz’s and a contest’s unit counters of all 1,200 branches up to the root', async () => {
    t.cloud.clock.set(NOW);
    branches.forEach((b, i) => insert('quizUnitDays', { _id: `${b.id}_${TODAY}`, orgId: ORG, unitId: b.id, day: TODAY, participants: 1, correct: pointsOf(i), answered: 5, perfect: 0 }));
    const contestId = 'big-contest';
    insert('contests', {
      _id: contestId,
      orgId: ORG,
      title: '千支部知识竞赛',
      description: '',
      opensAt: beijing('2036-09-08', 8),
      closesAt: beijing('2036-09-14', 22),
      questionsPerRound: 5,
      secondsPerQuestion: null,
      countingRounds: 2,
      audienceUnitId: ORG,
      audience: ORG,
      audiencePath: [ORG],
      audienceName: ORG,
      tags: [],
      status: 'published',
      rev: 1,
      createdBy: 'big-admin',
      createdByName: '管理员',
      createdAt: beijing('2036-09-01', 9),
      updatedAt: beijing('2036-09-01', 9),
      publishedAt: beijing('2036-09-01', 9),
    });
    for (const day of [TODAY, 'all']) {
      [...branches.entries()].reverse().forEach(([i, b]) => insert('contestUnits', { _id: `${contestId}_${b.id}_${day}`, contestId, orgId: ORG, unitId: b.id, day, participants: 1, rounds: 2, scoreSum: 10 * pointsOf(i) }));
    }

    const run = await t.cloud.invoke('quiz', { Type: 'Timer', TriggerName: 'preparePools' }, { openid: '' });
    expect(run.result).toMatchObject({ ok: true });

    const correct = branches.reduce((a, _b, i) => a + pointsOf(i), 0);
    expect(find('quizRollups', { _id: `${ORG}_${TODAY}` })[0]).toMatchObject({ participants: 1200, correct, answered: 6000 });
    expect(find('quizRollups', { orgId: ORG, day: TODAY })).toHaveLength(1 + committees.length + branches.length);
    for (const day of [TODAY, 'all']) {
      expect(find('contestRollups', { _id: `${contestId}_${ORG}_${day}` })[0]).toMatchObject({ participants: 1200, rounds: 2400, scoreSum: 10 * correct });
      expect(find('contestRollups', { contestId, day })).toHaveLength(1 + committees.length + branches.length);
    }
  }, 120_000);

  it('the org admin’s points of the whole organisation count all 1,200 branches today, before any roll-up', async () => {
    const ADMIN = 'big-admin';
    const member = { _id: 'big-admin-m', orgId: ORG, unitId: committees[0], unitPath: [ORG, committees[0]], name: '管理员', category: 'full', role: 'org_admin', manages: [], leader: false, createdAt: new Date(NOW) };
    insert('members', { ...member, openid: ADMIN });
    insert('identities', identityOf(member as unknown as MemberDoc, ADMIN, new Date(NOW)) as unknown as Doc);
    branches.forEach((b, i) => insert('pointsUnitDays', { _id: `${b.id}_${TODAY}`, orgId: ORG, unitId: b.id, day: TODAY, points: pointsOf(i), members: 1 }));
    t.cloud.clock.set(NOW + 10 * MIN);
    const r = await t.call<PointsResponses['unitPoints']>(ADMIN, 'points', 'unitPoints', { unitId: ORG, fromDay: DAY, toDay: TODAY });
    expect(r).toMatchObject({ ok: true });
    const days = (r as { data: PointsResponses['unitPoints'] }).data.days;
    const today = branches.reduce((a, _b, i) => a + pointsOf(i), 0);
    const closed = [...expected().values()].reduce((a, w) => a + w.points, 0);
    expect(days).toEqual([
      { day: DAY, points: closed, members: 1212 },
      { day: TODAY, points: today, members: 1200 },
    ]);
  }, 60_000);
});

// Check-in counters of an organisation of more than 1,000 units (12 党委 of 100 branches each, 1,213
// units with the root), against the local cloud: one read (and one aggregate) returns at most 1,000
// documents, so the check-in timer must page through the day's check-ins and counters.
// - the repair of the branches' daily counters keeps every counter that is right as it is (a
//   counter it did not read against its check-ins, or check-ins it did not count, must never be
//   "repaired" to 0), and repairs the one left short by a died call;
// - the closed-day roll-ups count every branch: the root's total is the check-ins of all 1,200.
// The units, check-ins and counters are inserted directly into the store, as the org import and
// 1,200 check-ins would write them (through the function they would take minutes). The counters
// are inserted in the reverse order of the check-ins, as when branches check in in a different
// order from the one their first members did.
import { beijing, bigTree } from '../helpers/bigTree';
import { startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const MIN = 60_000;

const ORG = 'org-big';
const DAY = '2036-09-09'; // a closed day the repair still checks (make-ups reach back 7 days)
const TODAY = '2036-09-10';
const NOW = beijing(TODAY, 9);
const { committees, branches, insertUnits } = bigTree(ORG);
/** Check-ins of branch i on DAY (1 to 3). */
const checkinsOf = (i: number) => 1 + (i % 3);
const SHORT = branches[1150].id;

type Doc = Record<string, unknown>;
const find = (collection: string, filter: Doc = {}) => t.cloud.db.find(collection, filter) as Doc[];
const insert = (collection: string, doc: Doc) => t.cloud.db.insert(collection, doc);


beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(NOW);
  insertUnits(insert, 3, new Date(beijing('2036-01-01', 9)));
  // The members of every branch who checked in on DAY, then (reverse order) the branches' counters.
  branches.forEach((b, i) => {
    for (let k = 0; k < checkinsOf(i); k++) {
      const memberId = `big-m${i}-${k}`;
      insert('checkins', {
        _id: `${memberId}_${DAY}`,
        memberId,
        name: memberId,
        orgId: ORG,
        unitId: b.id,
        day: DAY,
        at: beijing(DAY, 9),
        title: '学习党章',
        minutes: 30,
        note: '',
        materialId: null,
        share: false,
        photo: null,
        madeUp: false,
      });
    }
  });
  [...branches.entries()].reverse().forEach(([i, b]) => insert('checkinDaily', { _id: `${b.id}_${DAY}`, unitId: b.id, orgId: ORG, day: DAY, count: checkinsOf(i) }));
}, 120_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('more than 1,000 units', () => {
  it('the check-in timer keeps every branch’s day counter right, repairs the one left short, and rolls all 1,200 branches up to the root', async () => {
    // A check-in whose counter increment died: this counter is one short.
    t.cloud.db.update('checkinDaily', { _id: `${SHORT}_${DAY}` }, { $set: { count: checkinsOf(1150) - 1 } });

    const timer = () => t.cloud.invoke('checkin', { Type: 'Timer', TriggerName: 'dailyReminders' }, { openid: '' });
    for (const at of [NOW, NOW + 2 * MIN, NOW + 4 * MIN]) {
      t.cloud.clock.set(at);
      await timer();
    }

    const counters = find('checkinDaily', { orgId: ORG, day: DAY });
    expect(counters).toHaveLength(branches.length);
    const want = new Map(branches.map((b, i) => [b.id, checkinsOf(i)]));
    const wrong = counters.filter((c) => c.count !== want.get(c.unitId as string) || c.check !== undefined);
    expect(wrong.map((c) => `${String(c.unitId)} ${String(c.count)}${c.check ? ' noted' : ''}`)).toEqual([]);

    // The roll-ups of the closed day: the root holds all 1,200 branches, each 党委 its 100, each branch its own.
    const total = branches.reduce((a, _b, i) => a + checkinsOf(i), 0);
    expect(find('checkinRollups', { _id: `${ORG}_${DAY}` })[0]).toMatchObject({ count: total });
    for (const c of committees) {
      const own = branches.map((b, i) => (b.parent === c ? checkinsOf(i) : 0)).reduce((a, n) => a + n, 0);
      expect(find('checkinRollups', { _id: `${c}_${DAY}` })[0]).toMatchObject({ count: own });
    }
    const rollups = find('checkinRollups', { orgId: ORG, day: DAY });
    expect(rollups).toHaveLength(1 + committees.length + branches.length);
    expect(rollups.filter((r) => want.has(r.unitId as string) && r.count !== want.get(r.unitId as string))).toEqual([]);
  }, 120_000);

  it('the roll-up of a day written before for all 1,213 units is recomputed whole after a move (none left stale)', async () => {
    // A move raises the tree version: every roll-up of the day is rewritten under it, the ones
    // past the first 1,000 read included (a unit read as missing would be written as 0).
    t.cloud.db.update('units', { _id: ORG }, { $inc: { treeVersion: 1 } });
    t.cloud.clock.set(NOW + 10 * MIN);
    await t.cloud.invoke('checkin', { Type: 'Timer', TriggerName: 'dailyReminders' }, { openid: '' });
    const rollups = find('checkinRollups', { orgId: ORG, day: DAY });
    expect(rollups).toHaveLength(1 + committees.length + branches.length);
    expect(rollups.filter((r) => r.tree !== 1).map((r) => r.unitId)).toEqual([]);
    const want = new Map(branches.map((b, i) => [b.id, checkinsOf(i)]));
    expect(rollups.filter((r) => want.has(r.unitId as string) && r.count !== want.get(r.unitId as string)).map((r) => `${String(r.unitId)} ${String(r.count)}`)).toEqual([]);
    const total = branches.reduce((a, _b, i) => a + checkinsOf(i), 0);
    expect(find('checkinRollups', { _id: `${ORG}_${DAY}` })[0]).toMatchObject({ count: total, tree: 1 });
  }, 120_000);
});

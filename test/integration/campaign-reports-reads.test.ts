// The reports' read budget (docs/CAMPAIGNS.md, "Reports"): an ask's status per unit over a
// campaign of 500 units reads a fixed number of times — identity, campaign, units, reports, the
// rows' assessments — the same as over 50, and writes nothing; getCampaign's report totals come
// from one aggregate, exact past the 1000 documents a read returns (3 asks × 499 units), at the
// same cost as for 50 units.
// The trees, campaigns and reports are inserted directly (the actions would take minutes).
import type { CampaignResponses, ReportStatusView } from '../../core/contracts/campaign';
import { COLLECTIONS } from '../../functions/lib/collections';
import { insertMany } from '../../functions/lib/db';
import type { UnitDoc } from '../../functions/lib/model';
import type { CampaignDoc, ReportDoc } from '../../functions/campaign/model';
import { reportId } from '../../functions/campaign/model';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

jest.setTimeout(300_000);

let s: TestCloud;
const beijing = (d: string, hh: number) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8);
const NOW = beijing('2036-12-10', 10);
/** identity, campaign, the campaign's units, the ask's reports, the assessments of the rows' units (by id). */
const STATUS_READS = 5;

async function insertAll(collection: string, docs: Array<Record<string, unknown>>) {
  for (let i = 0; i < docs.length; i += 100) await insertMany(s.db, collection, docs.slice(i, i + 100));
}

/** An organisation of `size` units over 5 levels, a campaign of its root with 3 asks, and reports of most units. */
async function seedOrg(org: string, size: number): Promise<UnitDoc[]> {
  const units: UnitDoc[] = [];
  const at = new Date(NOW - 100 * 86_400_000);
  const add = (id: string, parent: UnitDoc | null) => {
    const u: UnitDoc = {
      _id: id,
      kind: parent ? 'branch' : 'org',
      name: id,
      parentId: parent?._id ?? null,
      path: parent ? [...parent.path, id] : [id],
      order: 0,
      orgId: org,
      inviteCode: null,
      memberCount: 0,
      boundCount: 0,
      status: 'active',
      closedAt: null,
      createdAt: at,
    };
    units.push(u);
    return u;
  };
  const root = add(org, null);
  for (let a = 0; a < 4 && units.length < size; a++) {
    const l1 = add(`${org}-a${a}`, root);
    for (let b = 0; b < 5 && units.length < size; b++) {
      const l2 = add(`${l1._id}b${b}`, l1);
      for (let c = 0; c < 4 && units.length < size; c++) {
        const l3 = add(`${l2._id}c${c}`, l2);
        for (let d = 0; d < 5 && units.length < size; d++) add(`${l3._id}d${d}`, l3);
      }
    }
  }
  expect(units).toHaveLength(size);
  await insertAll(COLLECTIONS.units, units as unknown as Array<Record<string, unknown>>);

  const campaign: CampaignDoc = {
    _id: `${org}-campaign`,
    orgId: org,
    unitId: org,
    unitPath: [org],
    title: '专项行动',
    description: '',
    stages: [{ key: 's1', name: '启动部署', startDay: '2036-12-01', endDay: '2036-12-31' }],
    asks: [
      { key: 'plan', kind: 'plan', title: '活动方案', stageKey: null, dueDay: '2036-12-05', audience: 'all' },
      { key: 'st1', kind: 'stage', title: '阶段报告', stageKey: 's1', dueDay: '2036-12-08', audience: 'all' },
      { key: 'final', kind: 'final', title: '专题报告', stageKey: null, dueDay: '2036-12-30', audience: 'all' },
    ],
    attached: { exams: [], challenges: [], events: [], contests: [], taskLists: [] },
    status: 'open',
    acceptLate: true,
    closedAt: null,
    createdBy: 'x',
    createdByName: '管理员',
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await s.db.collection(COLLECTIONS.campaigns).add({ data: campaign as never });
  // Every unit below the root reports each ask, in turn submitted on time, late, accepted, returned;
  // every fifth unit has sent nothing.
  const states = ['submitted', 'submitted', 'accepted', 'returned'] as const;
  const reports: ReportDoc[] = [];
  units.slice(1).forEach((u, i) => {
    if (i % 5 === 4) return;
    for (const ask of campaign.asks) {
      const state = states[i % 4];
      const late = i % 4 === 1 ? 90 : null;
      reports.push({
        _id: reportId(campaign._id, ask.key, u._id),
        orgId: org,
        campaignId: campaign._id,
        askKey: ask.key,
        unitId: u._id,
        unitPath: u.path,
        parentUnitId: u.parentId,
        state,
        text: '报告正文',
        files: [],
        gathered: [],
        dueAt: at,
        submittedAt: at,
        lateMinutes: late,
        returnedReason: state === 'returned' ? '请补充' : null,
        reviewedBy: null,
        reviewedAt: null,
        history: [],
        updatedAt: at,
        version: 1,
      });
    }
  });
  await insertAll(COLLECTIONS.campaignReports, reports as unknown as Array<Record<string, unknown>>);
  const when = new Date(NOW);
  const admin = { orgId: org, unitId: org, unitPath: [org], name: '管理员', category: 'full', role: 'org_admin', manages: [], leader: false };
  await s.db.collection(COLLECTIONS.identities).add({ data: { ...admin, _id: `${org}-admin`, memberId: `${org}-admin-m`, boundAt: when, memberCreatedAt: when, v: 2, createdAt: when } as never });
  // An organiser of a level-2 unit (there in both trees).
  const l2 = `${org}-a0b0`;
  const organiser = { orgId: org, unitId: l2, unitPath: [org, `${org}-a0`, l2], name: '组织员', category: 'full', role: 'unit_organiser', manages: [l2], leader: false };
  await s.db.collection(COLLECTIONS.identities).add({ data: { ...organiser, _id: `${org}-organiser`, memberId: `${org}-organiser-m`, boundAt: when, memberCreatedAt: when, v: 2, createdAt: when } as never });
  return units;
}

/** The totals the seeded states give for `n` units below the root (every fifth sent nothing). */
function expectedTotals(n: number) {
  const t = { expected: n, submitted: 0, late: 0, missing: 0, returned: 0, accepted: 0 };
  for (let i = 0; i < n; i++) {
    if (i % 5 === 4) continue;
    const k = i % 4;
    if (k === 3) t.returned++;
    else {
      t.submitted++;
      if (k === 1) t.late++;
      if (k === 2) t.accepted++;
    }
  }
  return t;
}

beforeAll(async () => {
  s = await startTestCloud({ seed: false });
  s.cloud.clock.set(NOW);
  await seedOrg('big', 500);
  await seedOrg('small', 50);
});
afterAll(async () => {
  s.cloud.clock.reset();
  await s?.close();
});

describe('reportStatus at scale', () => {
  it('500 units: 5 reads (identity, campaign, units, reports, assessments), no write, a row for each of the 499 below; the same at 50', async () => {
    const counts: Record<string, number> = {};
    for (const [org, size] of [['big', 500], ['small', 50]] as const) {
      const { result, stats } = await s.invoke(`${org}-admin`, 'campaign', 'reportStatus', { campaignId: `${org}-campaign`, askKey: 'plan' });
      const view = dataOf(result as never) as ReportStatusView;
      expect(view.rows).toHaveLength(size - 1);
      const e = expectedTotals(size - 1);
      // The plan was due 2036-12-05: the units that sent nothing are missing.
      expect(view.totals).toEqual({ ...e, missing: e.expected - e.submitted - e.returned, pending: 0 });
      expect(view.rows[0]).toMatchObject({ state: 'submitted', lateMinutes: 90 });
      expect([stats.reads, stats.writes]).toEqual([STATUS_READS, 0]);
      counts[org] = stats.reads;
      // A unit organiser of one level-2 unit: the same reads, the rows of their subtree.
      const own = await s.invoke(`${org}-organiser`, 'campaign', 'reportStatus', { campaignId: `${org}-campaign`, askKey: 'final' });
      const ownRows = (dataOf(own.result as never) as ReportStatusView).rows;
      expect(ownRows).toHaveLength(24);
      expect(ownRows.every((r) => r.unitId.startsWith(`${org}-a0b0`) && r.unitId !== `${org}-a0b0`)).toBe(true);
      expect([own.stats.reads, own.stats.writes]).toEqual([STATUS_READS, 0]);
    }
    expect(counts.big).toBe(counts.small);
  });

  it('getCampaign’s report totals: exact over 1497 reports (3 asks × 499 units), from one aggregate — the same reads as at 50 units', async () => {
    const reads: Record<string, number> = {};
    for (const [org, size] of [['big', 500], ['small', 50]] as const) {
      const { result, stats } = await s.invoke(`${org}-admin`, 'campaign', 'getCampaign', { campaignId: `${org}-campaign` });
      const view = dataOf(result as never) as CampaignResponses['getCampaign'];
      const e = expectedTotals(size - 1);
      const rest = e.expected - e.submitted - e.returned;
      expect(view.askTotals).toEqual([
        { askKey: 'plan', ...e, missing: rest },
        { askKey: 'st1', ...e, missing: rest },
        // Not due yet: nothing is missing.
        { askKey: 'final', ...e, missing: 0 },
      ]);
      expect(stats.ops.filter((o) => o.collection === COLLECTIONS.campaignReports)).toHaveLength(1);
      expect(stats.writes).toBe(0);
      reads[org] = stats.reads;
    }
    console.log(`getCampaign reads: ${reads.big} at 500 units, ${reads.small} at 50`);
    expect(reads.big).toBe(reads.small);
  });
});

// 专项行动's load for the bench: a campaign over the large organisation (bench/prepare.ts,
// prepareBigOrg: 500 units over 5 levels, 40 members each on the units' counters, 30 days of
// check-in counters), written directly as the actions would leave it — two leaders per unit, an
// exam and an event with counters in every unit (the leaders' takers and places for half of
// them), task counters, a plan reported by nine units in ten (one in ten of those late), a
// stage report by the cities, assessments of the cities. Measured: the 四落实 workbook of the whole
// organisation (exportEvaluation: a row and a sheet per unit, from counters) and one ask's
// status at 500 units (reportStatus).
//
//   npx tsx scripts/bench/campaign.ts   this scenario alone, in a cloud of its own: the workbook
//                                       12 times one after another, then 4 at once, and reportStatus
//   npm run bench                       the whole bench, these rows among the others

import { addDays, beijingDayKey } from '../../core/domain/time';
import type { LocalCloud } from '../../localcloud';
import type { sdkDatabase } from '../lib/sdk';
import type { Scenario } from './load';

type Db = ReturnType<typeof sdkDatabase>;
type Big = { rootId: string; units: number; members: number };

const CAMPAIGN = 'bench-campaign';
const EXAM = 'bench-campaign-exam';
const EVENT = 'bench-campaign-event';
/** Workbooks asked for one after another in the scenario run alone (each builds a row and a sheet per unit). */
export const EXPORT_RUNS = 12;
/**
 * Workbooks asked for at once in the bench's table: a few organisers at the same moment. Each new
 * instance loads exceljs cold, and on two cores a dozen at once wait behind each other for ~30 s.
 */
export const EXPORT_AT_ONCE = 4;

async function addAll(db: Db, collection: string, docs: Array<Record<string, unknown>>): Promise<void> {
  for (let i = 0; i < docs.length; i += 500) await db.collection(collection).add({ data: docs.slice(i, i + 500) });
}

/** The campaign and everything its evaluation reads, written into the large organisation. */
export async function prepareCampaign(db: Db, big: Big): Promise<void> {
  const now = Date.now();
  const today = beijingDayKey(now);
  const at = new Date(now);
  const units = ((await db.collection('units').where({ orgId: big.rootId }).limit(1000).get()) as unknown as { data: Array<{ _id: string; path: string[]; parentId: string | null }> }).data;
  const below = units.filter((u) => u.parentId !== null);
  const leaders = below.flatMap((u) =>
    [0, 1].map((k) => ({
      _id: `${u._id}-leader${k}`,
      orgId: big.rootId,
      unitId: u._id,
      unitPath: u.path,
      name: `领导${k}`,
      sortKey: `0:ling-dao-${k}-${u._id}`,
      phone: null,
      category: 'full',
      role: 'member',
      manages: [],
      leader: true,
      openid: null,
      boundAt: null,
      source: 'seed',
      createdAt: at,
      updatedAt: at,
    })),
  );
  await addAll(db, 'members', leaders);
  // An exam ten days ago and an event five days ago, counted in every unit below the root.
  await db.collection('exams').add({
    data: { _id: EXAM, orgId: big.rootId, title: '专项行动应知应会测试', kind: 'exam', status: 'published', audience: ['ALL'], unitIds: [big.rootId], inviteOnly: false, opensAt: now - 10 * 86_400_000, closesAt: now - 9 * 86_400_000, createdAt: at },
  });
  await addAll(db, 'examStats', below.map((u) => ({ _id: `${EXAM}_${u._id}`, examId: EXAM, unitId: u._id, invited: 0, started: 32, submitted: 30, passed: 27 })));
  await addAll(db, 'examTakers', leaders.filter((_l, i) => i % 2 === 0).map((l) => ({ _id: `${EXAM}_${l._id}`, examId: EXAM, orgId: big.rootId, unitId: l.unitId, memberId: l._id, name: l.name, invited: false, attemptsUsed: 1, openAttemptId: null, best: { score: 90, passed: true }, lastSubmittedAt: now - 9.5 * 86_400_000, createdAt: at })));
  const byUnit = Object.fromEntries(below.map((u) => [u._id, { c: 12, a: 10 }]));
  await db.collection('events').add({ data: { _id: EVENT, orgId: big.rootId, title: '专题党课', status: 'published', audience: ['ALL'], startsAt: now - 5 * 86_400_000, endsAt: now - 5 * 86_400_000 + 7_200_000, byUnit, createdAt: at } });
  await addAll(db, 'eventRegistrations', leaders.filter((_l, i) => i % 4 === 1).map((l) => ({ _id: `${EVENT}_${l._id}`, eventId: EVENT, memberId: l._id, orgId: big.rootId, unitId: l.unitId, name: l.name, status: 'confirmed', attended: true })));
  await addAll(db, 'taskUnits', below.map((u, i) => ({ _id: u._id, orgId: big.rootId, unitPath: u.path, lists: 1, total: 5, done: i % 5, openByDeadline: { [addDays(today, -2)]: 1, [addDays(today, 10)]: 4 - (i % 5) }, updatedAt: at })));

  const stages = [
    { key: 's1', name: '启动部署', startDay: addDays(today, -29), endDay: addDays(today, -15) },
    { key: 's2', name: '组织实施', startDay: addDays(today, -14), endDay: addDays(today, 30) },
  ];
  const asks = [
    { key: 'plan', kind: 'plan', title: '活动方案', stageKey: null, dueDay: addDays(today, -20), audience: 'all' },
    { key: 'mid', kind: 'stage', title: '阶段报告', stageKey: 's2', dueDay: addDays(today, -3), audience: 'children' },
    { key: 'fin', kind: 'final', title: '专题报告', stageKey: null, dueDay: addDays(today, 40), audience: 'all' },
  ];
  await db.collection('campaigns').add({
    data: {
      _id: CAMPAIGN,
      orgId: big.rootId,
      unitId: big.rootId,
      unitPath: [big.rootId],
      title: '学习贯彻专项行动',
      description: '',
      stages,
      asks,
      attached: { exams: [EXAM], challenges: [], events: [EVENT], contests: [], taskLists: [] },
      status: 'open',
      acceptLate: true,
      closedAt: null,
      createdBy: 'bench-rollup-admin',
      createdByName: '管理员',
      createdAt: at,
      updatedAt: at,
      version: 0,
    },
  });
  const report = (u: { _id: string; path: string[]; parentId: string | null }, askKey: string, lateMinutes: number | null) => ({
    _id: `${CAMPAIGN}:${askKey}:${u._id}`,
    orgId: big.rootId,
    campaignId: CAMPAIGN,
    askKey,
    unitId: u._id,
    unitPath: u.path,
    parentUnitId: u.parentId,
    state: 'submitted',
    text: '已按要求部署。',
    files: [],
    gathered: [],
    dueAt: at,
    submittedAt: at,
    lateMinutes,
    returnedReason: null,
    reviewedBy: null,
    reviewedAt: null,
    history: [],
    updatedAt: at,
    version: 1,
  });
  const plans = below.filter((_u, i) => i % 10 !== 9).map((u, i) => report(u, 'plan', i % 10 === 0 ? 2 * 1440 : null));
  const mids = below.filter((u) => u.parentId === big.rootId).map((u) => report(u, 'mid', null));
  await addAll(db, 'campaignReports', [...plans, ...mids]);
  await addAll(
    db,
    'campaignAssessments',
    below.filter((u) => u.parentId === big.rootId).map((u) => ({ _id: `${CAMPAIGN}:${u._id}`, orgId: big.rootId, campaignId: CAMPAIGN, unitId: u._id, grade: 'good', text: '部署及时，推进有力。', byName: '管理员', byMemberId: 'bench-rollup-admin', at })),
  );
}

/** The rows of the bench's table: the workbook (EXPORT_AT_ONCE requests, all at once) and one ask's status at 500 units. */
export async function campaignScenarios(cloud: LocalCloud, db: Db, big: Big, token: string): Promise<Scenario[]> {
  await prepareCampaign(db, big);
  const url = `${cloud.url}/api/fn/campaign`;
  return [
    {
      name: `local host: campaign.exportEvaluation, whole organisation (${big.units} units, ${big.members} members: a row and a sheet per unit), ${EXPORT_AT_ONCE} at once`,
      url,
      bodies: [JSON.stringify({ action: 'exportEvaluation', payload: { campaignId: CAMPAIGN } })],
      tokens: [token],
      once: EXPORT_AT_ONCE,
    },
    {
      name: `local host: campaign.reportStatus, one ask at ${big.units} units`,
      url,
      bodies: [JSON.stringify({ action: 'reportStatus', payload: { campaignId: CAMPAIGN, askKey: 'plan' } })],
      tokens: [token],
    },
  ];
}

/** This scenario alone: `npx tsx scripts/bench/campaign.ts` (see the comment at the top). */
async function main(): Promise<void> {
  const os = await import('node:os');
  const { startLocalCloud } = await import('../../localcloud');
  const { resolveDemoKey } = await import('../lib/demo-data');
  const { sdkDatabase } = await import('../lib/sdk');
  const { ensureCollections } = await import('../lib/setup');
  const { buildFunctions } = await import('../build-functions');
  const { prepareBigOrg } = await import('./prepare');
  const { load, login, row } = await import('./load');
  await buildFunctions({ quiet: true });
  const cloud = await startLocalCloud({ dataDir: ':memory:', resolveDemoKey, logger: () => undefined });
  try {
    const db = sdkDatabase({ env: cloud.sdkEnv() });
    await ensureCollections(db);
    const big = await prepareBigOrg(db);
    const token = await login(cloud.url, { openid: big.adminOpenid });
    const [exportAll, status] = await campaignScenarios(cloud, db, big, token);
    // Warm the instance once (a cold start is a separate question), then measure.
    await load({ ...exportAll, once: 1 }, 1, 1);
    const sequential = await load(exportAll, EXPORT_RUNS, 1);
    const together = await load(exportAll, EXPORT_AT_ONCE, EXPORT_AT_ONCE);
    await load(status, 100, 8);
    const statusRun = await load(status, 1000, 8);
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    console.log(`
${new Date().toISOString().slice(0, 10)} · \`npx tsx scripts/bench/campaign.ts\` · ${os.cpus().length} cores (${cpu}), Node ${process.version}

| scenario | DB ops per request | requests | errors | req/s | ratio to bare | p50 ms | p99 ms | max ms |
|---|---|---|---|---|---|---|---|---|
${row(exportAll.name.replace(`${EXPORT_AT_ONCE} at once`, 'one at a time'), sequential, 0)}
${row(exportAll.name, together, 0)}
${row(`${status.name}, 8 in flight`, statusRun, 0)}
`);
  } finally {
    await cloud.close();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

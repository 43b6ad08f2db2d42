// Campaigns themselves (专项行动, docs/CAMPAIGNS.md "Campaigns"): set up over a 3-level subtree with
// stages and every kind of activity attached; refusals that name the field and write nothing;
// two editors saving from one version (exactly one wins); closing; who lists what; the figures
// of the attached activities seen from a county and from a branch; getCampaign's reads pinned.
//
// The tree: 示范市委 (CITY) → 示范县委 (COUNTY: 实验中学党支部, 离退休干部党支部) and 邻县县委
// (SIBLING: 机关第一党支部). 陈静 organises COUNTY, 杨帆 SIBLING, 李强 his branch (实验中学).
import type { CampaignSummary, CampaignView } from '../../core/contracts/campaign';
import { addDays, beijingDayKey } from '../../core/domain/time';
import { COLLECTIONS } from '../../functions/lib/collections';
import { insertMany } from '../../functions/lib/db';
import type { UnitDoc } from '../../functions/lib/model';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

jest.setTimeout(180_000);

let t: TestCloud;
const ADMIN = 'demo-admin';
const COUNTY_ORG = 'demo-m-03'; // 陈静
const SIBLING_ORG = 'demo-m-04'; // 杨帆
const BRANCH_ORG = 'demo-organiser'; // 李强, 实验中学党支部
const MEMBER_RETIRED = 'demo-member'; // 王秀英, 离退休干部党支部
const MEMBER_SCHOOL = 'demo-m-12'; // 马俊, 实验中学党支部
const DAY = 86_400_000;
type Fn = 'org' | 'exam' | 'checkin' | 'event' | 'quiz' | 'campaign';
const ok = async <T = Record<string, unknown>>(openid: string, fn: Fn, action: string, payload: unknown = {}) => dataOf(await t.call<T>(openid, fn, action, payload));
const now = () => t.cloud.clock.now();
const today = () => beijingDayKey(now());
const campaignCount = async () => ((await t.db.collection(COLLECTIONS.campaigns).where({ orgId: 'org-demo' }).count()) as { total: number }).total;

let CITY: string;
let COUNTY: string;
let SIBLING: string;
const ids = { exam: '', siblingExam: '', challenge: '', event: '', contest: '', countyList: 'tl-county', retiredList: 'tl-retired' };

const paper = { mode: 'rules', rules: [{ type: 'single', tag: null, count: 3 }] };
async function publishExam(title: string, unitIds: string[]): Promise<string> {
  const exam = { title, unitIds, opensAt: now() - 60_000, closesAt: now() + 3_600_000, durationMinutes: 20, paper, passScore: 1 };
  const { id } = await ok<{ id: string }>(ADMIN, 'exam', 'saveExam', { exam });
  await ok(ADMIN, 'exam', 'publishExam', { examId: id });
  return id;
}
async function submitExam(openid: string, examId: string) {
  const { attemptId } = await ok<{ attemptId: string }>(openid, 'exam', 'startExam', { examId });
  await ok(openid, 'exam', 'submitAttempt', { attemptId, answers: [] });
}
async function publishEvent(title: string, unitIds: string[]): Promise<string> {
  const event = {
    kind: 'party_day',
    title,
    place: '党员活动室',
    signupOpensAt: now() - 60_000,
    signupClosesAt: now() + 20 * 60_000,
    startsAt: now() + 30 * 60_000,
    endsAt: now() + 150 * 60_000,
    capacity: 0,
    approval: false,
    unitIds,
  };
  const { id } = await ok<{ id: string }>(ADMIN, 'event', 'saveEvent', { event });
  await ok(ADMIN, 'event', 'publishEvent', { eventId: id });
  return id;
}
async function publishContest(title: string, audienceUnitId: string): Promise<string> {
  const contest = { title, description: '', opensAt: now() - 60_000, closesAt: now() + 2 * DAY, questionsPerRound: 5, secondsPerQuestion: null, countingRounds: 2, audienceUnitId, tags: [] };
  const { contestId } = await ok<{ contestId: string }>(ADMIN, 'quiz', 'saveContest', { contest });
  await ok(ADMIN, 'quiz', 'publishContest', { contestId });
  return contestId;
}
/** A task list as the task actions leave it, with its own counters (those actions are another part's). */
async function insertTaskList(_id: string, unit: { _id: string; path: string[] }, title: string, total: number, done: number) {
  const at = new Date(now());
  await insertMany(t.db, COLLECTIONS.taskLists, [
    { _id, orgId: 'org-demo', unitId: unit._id, unitPath: unit.path, kind: 'service', title, public: false, createdBy: 'demo-member-01', createdAt: at, updatedAt: at, total, done, openByDeadline: {} },
  ]);
}
const unitPath = async (id: string) => ((await t.db.collection(COLLECTIONS.units).doc(id).get()) as unknown as { data: UnitDoc }).data.path;

function plan(extra: Record<string, unknown> = {}) {
  const d = today();
  return {
    title: '学习贯彻专项行动',
    description: '分三个阶段推进。',
    stages: [
      { key: 's1', name: '启动部署', startDay: d, endDay: addDays(d, 10) },
      { key: 's2', name: '组织实施', startDay: addDays(d, 10), endDay: addDays(d, 60) },
      { key: 's3', name: '评估检验', startDay: addDays(d, 61), endDay: addDays(d, 80) },
    ],
    asks: [
      { key: 'plan', kind: 'plan', title: '活动方案', dueDay: addDays(d, 5) },
      { key: 'mid', kind: 'stage', title: '阶段报告', stageKey: 's2', dueDay: addDays(d, 60), audience: 'children' },
      { key: 'fin', kind: 'final', title: '专题报告', dueDay: addDays(d, 90) },
    ],
    attached: { exams: [], challenges: [], events: [], contests: [], taskLists: [] },
    ...extra,
  };
}
const allAttached = () => ({ exams: [ids.exam], challenges: [ids.challenge], events: [ids.event], contests: [ids.contest], taskLists: [ids.countyList, ids.retiredList] });

beforeAll(async () => {
  t = await startTestCloud();
  await ok(ADMIN, 'exam', 'installSeedBank');
  const unit = async (parentId: string, name: string) => (await ok<{ unit: { id: string } }>(ADMIN, 'org', 'createUnit', { parentId, name, kind: 'committee' })).unit.id;
  CITY = await unit('org-demo', '示范市委');
  COUNTY = await unit(CITY, '示范县委');
  SIBLING = await unit(CITY, '邻县县委');
  await ok(ADMIN, 'org', 'moveUnit', { unitId: 'br-school', parentId: COUNTY });
  await ok(ADMIN, 'org', 'moveUnit', { unitId: 'br-retired', parentId: COUNTY });
  await ok(ADMIN, 'org', 'moveUnit', { unitId: 'br-office', parentId: SIBLING });
  await ok(ADMIN, 'org', 'moveMember', { memberId: 'demo-member-03', unitId: COUNTY });
  await ok(ADMIN, 'org', 'setMemberRole', { memberId: 'demo-member-03', role: 'unit_organiser', unitIds: [COUNTY] });
  await ok(ADMIN, 'org', 'setMemberRole', { memberId: 'demo-member-04', role: 'unit_organiser', unitIds: [SIBLING] });

  ids.exam = await publishExam('县委党章测试', [COUNTY]);
  ids.siblingExam = await publishExam('邻县党章测试', ['br-office']);
  ids.challenge = (await ok<{ id: string }>(ADMIN, 'checkin', 'createChallenge', { title: '每日学习打卡', startDay: today(), endDay: addDays(today(), 20), requiredDays: 10, unitIds: ['br-school', 'br-retired'] })).id;
  ids.event = await publishEvent('主题党日', [COUNTY]);
  ids.contest = await publishContest('党史知识竞赛', CITY);
  await insertTaskList(ids.countyList, { _id: COUNTY, path: await unitPath(COUNTY) }, '县委为民办实事清单', 8, 3);
  await insertTaskList(ids.retiredList, { _id: 'br-retired', path: await unitPath('br-retired') }, '离退休支部实事清单', 4, 4);

  // What members did: one of each branch submitted the exam, signed up, checked in; one attended.
  for (const m of [MEMBER_RETIRED, MEMBER_SCHOOL]) {
    await submitExam(m, ids.exam);
    await ok(m, 'event', 'signUp', { eventId: ids.event });
    await ok(m, 'checkin', 'checkIn', { title: '学习党章', minutes: 30 });
  }
  await ok(ADMIN, 'event', 'markAttendance', { eventId: ids.event, memberId: 'demo-member-12', attended: true, reason: '现场签到' });
  // The contest's whole-contest roll-ups, as the quiz timer writes them from the rounds.
  const at = now();
  await insertMany(
    t.db,
    COLLECTIONS.contestRollups,
    [
      [CITY, 7],
      [COUNTY, 5],
      ['br-school', 3],
      ['br-retired', 2],
    ].map(([unitId, participants]) => ({ _id: `${ids.contest}_all_${unitId}`, contestId: ids.contest, orgId: 'org-demo', unitId, day: 'all', participants, rounds: 0, scoreSum: 0, tree: 0, at })),
  );
});
afterAll(async () => {
  await t?.close();
});

/** The city's campaign, with every kind attached (the first test sets it up). */
let cityCampaign: string;

describe('createCampaign', () => {
  let campaignId: string;

  it('GIVEN the org admin THEN a campaign over the city with three stages, three asks and all five kinds attached is one open document', async () => {
    const before = await campaignCount();
    ({ campaignId } = await ok<{ campaignId: string }>(ADMIN, 'campaign', 'createCampaign', { unitId: CITY, ...plan({ attached: allAttached() }) }));
    expect(await campaignCount()).toBe(before + 1);
    const doc = ((await t.db.collection(COLLECTIONS.campaigns).doc(campaignId).get()) as unknown as { data: Record<string, unknown> }).data;
    expect(doc).toMatchObject({ orgId: 'org-demo', unitId: CITY, unitPath: ['org-demo', CITY], status: 'open', acceptLate: true, closedAt: null, version: 0, createdBy: 'demo-member-01' });
    expect((doc.asks as Array<{ key: string; stageKey: string | null; audience: string }>).map((a) => [a.key, a.stageKey, a.audience])).toEqual([
      ['plan', null, 'all'],
      ['mid', 's2', 'children'],
      ['fin', null, 'all'],
    ]);
    expect(doc.attached).toEqual(allAttached());
    cityCampaign = campaignId;
    // A double tap answers the campaign already written.
    const again = await ok<{ campaignId: string }>(ADMIN, 'campaign', 'createCampaign', { unitId: CITY, ...plan({ attached: allAttached() }) });
    expect(again.campaignId).toBe(campaignId);
    expect(await campaignCount()).toBe(before + 1);
  });

  it('refuses, naming the field, and writes nothing: overlapping stages, an unknown stage, a day not on the calendar, an activity outside the subtree or not found', async () => {
    const before = await campaignCount();
    const refuse = async (openid: string, payload: Record<string, unknown>, code: string, text: string) => {
      const res = await t.call(openid, 'campaign', 'createCampaign', payload);
      expect(res).toMatchObject({ ok: false, code });
      expect((res as { message: string }).message).toContain(text);
    };
    const p = plan();
    await refuse(ADMIN, { unitId: CITY, ...plan({ stages: [p.stages[0], { ...p.stages[1], startDay: addDays(today(), 5) }] }) }, 'INVALID_ARGUMENT', '阶段「组织实施」与上一阶段「启动部署」时间重叠');
    await refuse(ADMIN, { unitId: CITY, ...plan({ asks: [{ ...p.asks[1], stageKey: 's9' }] }) }, 'INVALID_ARGUMENT', '报告「阶段报告」所属阶段「s9」不存在');
    await refuse(ADMIN, { unitId: CITY, ...plan({ stages: [{ key: 's1', name: '启动部署', startDay: '2026-02-30', endDay: '2026-03-10' }], asks: [] }) }, 'INVALID_ARGUMENT', '2026-02-30 不是有效日期');
    // The county's organiser cannot attach an exam of the sibling county's branch.
    await refuse(COUNTY_ORG, { unitId: COUNTY, ...plan({ attached: { ...allAttached(), exams: [ids.exam, ids.siblingExam] } }) }, 'INVALID_ARGUMENT', '考试「邻县党章测试」不在本单位范围内');
    await refuse(COUNTY_ORG, { unitId: COUNTY, ...plan({ attached: { ...allAttached(), events: ['no-such-event'] } }) }, 'INVALID_ARGUMENT', '找不到所选活动');
    // A branch's organiser acting on the county above them.
    await refuse(BRANCH_ORG, { unitId: COUNTY, ...plan() }, 'FORBIDDEN', '不在您的管理范围内');
    // A plain member.
    await refuse(MEMBER_SCHOOL, { unitId: 'br-school', ...plan() }, 'FORBIDDEN', '管理员');
    expect(await campaignCount()).toBe(before);
  });

  it('an organiser creates for their own unit by default', async () => {
    const { campaignId: id } = await ok<{ campaignId: string }>(COUNTY_ORG, 'campaign', 'createCampaign', plan({ title: '县委专项行动', attached: { ...allAttached(), contests: [] } }));
    const doc = ((await t.db.collection(COLLECTIONS.campaigns).doc(id).get()) as unknown as { data: { unitId: string } }).data;
    expect(doc.unitId).toBe(COUNTY);
  });

  describe('updateCampaign and closeCampaign', () => {
    let id: string;
    beforeAll(async () => {
      ({ campaignId: id } = await ok<{ campaignId: string }>(ADMIN, 'campaign', 'createCampaign', { unitId: COUNTY, ...plan({ title: '待修改的行动' }) }));
    });

    it('GIVEN two editors saving from the same version at once THEN exactly one wins, the other is told to refresh', async () => {
      const results = await Promise.all([
        t.call(ADMIN, 'campaign', 'updateCampaign', { campaignId: id, version: 0, ...plan({ title: '管理员改的' }) }),
        t.call(COUNTY_ORG, 'campaign', 'updateCampaign', { campaignId: id, version: 0, ...plan({ title: '县委改的' }) }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: 'CONFLICT', message: '已被其他管理员修改，请刷新后重试' });
      const doc = ((await t.db.collection(COLLECTIONS.campaigns).doc(id).get()) as unknown as { data: { version: number; title: string } }).data;
      expect(doc.version).toBe(1);
      expect(['管理员改的', '县委改的']).toContain(doc.title);
    });

    it('refuses the branch organiser below, an overlap (nothing changed), and removing an ask a unit already reported on', async () => {
      expect(await t.call(BRANCH_ORG, 'campaign', 'updateCampaign', { campaignId: id, version: 1, ...plan() })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      const p = plan();
      const overlap = await t.call(ADMIN, 'campaign', 'updateCampaign', { campaignId: id, version: 1, ...plan({ title: '待修改的行动', stages: [p.stages[1], p.stages[0]] }) });
      expect(overlap).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
      // A branch's plan, as the reports part writes it.
      await insertMany(t.db, COLLECTIONS.campaignReports, [{ _id: `${id}:plan:br-school`, orgId: 'org-demo', campaignId: id, askKey: 'plan', unitId: 'br-school', state: 'draft', version: 0 }]);
      const removed = await t.call(ADMIN, 'campaign', 'updateCampaign', { campaignId: id, version: 1, ...plan({ title: '待修改的行动', asks: p.asks.slice(1) }) });
      expect(removed).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '报告「活动方案」已有单位填报，不能删除' });
      const doc = ((await t.db.collection(COLLECTIONS.campaigns).doc(id).get()) as unknown as { data: { version: number; asks: unknown[] } }).data;
      expect(doc.version).toBe(1);
      expect(doc.asks).toHaveLength(3);
      // Removing an ask nobody reported on is fine.
      await expect(ok(COUNTY_ORG, 'campaign', 'updateCampaign', { campaignId: id, version: 1, ...plan({ title: '待修改的行动', asks: p.asks.slice(0, 2) }) })).resolves.toEqual({ campaignId: id, version: 2 });
    });

    it('closes with acceptLate false, then true (closing again changes only that); a closed campaign cannot be edited', async () => {
      expect(await t.call(BRANCH_ORG, 'campaign', 'closeCampaign', { campaignId: id, acceptLate: false })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      await expect(ok(COUNTY_ORG, 'campaign', 'closeCampaign', { campaignId: id, acceptLate: false })).resolves.toEqual({ campaignId: id, status: 'closed', acceptLate: false });
      const first = ((await t.db.collection(COLLECTIONS.campaigns).doc(id).get()) as unknown as { data: { status: string; acceptLate: boolean; closedAt: Date; version: number } }).data;
      expect(first).toMatchObject({ status: 'closed', acceptLate: false });
      expect(first.closedAt).toBeTruthy();
      // A minute later: closing again keeps the first close's time.
      t.cloud.clock.set(now() + 60_000);
      try {
        await expect(ok(ADMIN, 'campaign', 'closeCampaign', { campaignId: id, acceptLate: true })).resolves.toEqual({ campaignId: id, status: 'closed', acceptLate: true });
      } finally {
        t.cloud.clock.reset();
      }
      const second = ((await t.db.collection(COLLECTIONS.campaigns).doc(id).get()) as unknown as { data: { acceptLate: boolean; closedAt: Date; version: number } }).data;
      expect(second.acceptLate).toBe(true);
      expect(new Date(second.closedAt).getTime()).toBe(new Date(first.closedAt).getTime());
      const edit = await t.call(ADMIN, 'campaign', 'updateCampaign', { campaignId: id, version: second.version, ...plan() });
      expect(edit).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    });
  });

  describe('listCampaigns and getCampaign', () => {
    let siblingCampaign: string;
    beforeAll(async () => {
      ({ campaignId: siblingCampaign } = await ok<{ campaignId: string }>(SIBLING_ORG, 'campaign', 'createCampaign', plan({ title: '邻县专项行动' })));
    });
    const titles = async (openid: string, status = 'all') => (await ok<{ items: CampaignSummary[] }>(openid, 'campaign', 'listCampaigns', { status })).items;

    it('a branch organiser sees the county’s and the city’s campaigns from above, not the sibling county’s', async () => {
      const items = await titles(BRANCH_ORG);
      const names = items.map((c) => c.title);
      expect(names).toEqual(expect.arrayContaining(['学习贯彻专项行动', '县委专项行动']));
      expect(names).not.toContain('邻县专项行动');
      const city = items.find((c) => c.campaignId === cityCampaign)!;
      expect(city).toMatchObject({ unitName: '示范市委', status: 'open', currentStage: '启动部署', startDay: today(), nextDueDay: addDays(today(), 5), own: false });
      // Newest first.
      expect(names.indexOf('县委专项行动')).toBeLessThan(names.indexOf('学习贯彻专项行动'));
      // The county's organiser may edit their own; the sibling's organiser sees the city's and their own only.
      expect((await titles(COUNTY_ORG)).find((c) => c.title === '县委专项行动')?.own).toBe(true);
      const sibling = (await titles(SIBLING_ORG)).map((c) => c.title);
      expect(sibling).toEqual(expect.arrayContaining(['学习贯彻专项行动', '邻县专项行动']));
      expect(sibling).not.toContain('县委专项行动');
      // By status: the closed one is listed under closed only.
      expect((await titles(COUNTY_ORG, 'closed')).map((c) => c.title)).toEqual(['待修改的行动']);
      expect((await titles(COUNTY_ORG, 'open')).map((c) => c.title)).not.toContain('待修改的行动');
      expect((await titles(ADMIN)).map((c) => c.title)).toEqual(expect.arrayContaining(['邻县专项行动', '县委专项行动', '学习贯彻专项行动', '待修改的行动']));
      expect(await t.call(MEMBER_SCHOOL, 'campaign', 'listCampaigns', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    });

    it('GIVEN the city’s campaign THEN the county sees its subtree’s figures, the branch its own', async () => {
      const city = cityCampaign;
      const fromCounty = await ok<CampaignView>(COUNTY_ORG, 'campaign', 'getCampaign', { campaignId: city });
      const fromBranch = await ok<CampaignView>(BRANCH_ORG, 'campaign', 'getCampaign', { campaignId: city });
      expect(fromCounty.seenFrom).toEqual({ unitId: COUNTY, unitName: '示范县委' });
      expect(fromBranch.seenFrom).toEqual({ unitId: 'br-school', unitName: '实验中学党支部' });
      expect([fromCounty.mayEdit, fromBranch.mayEdit]).toEqual([false, false]);
      expect(fromCounty).toMatchObject({ unitName: '示范市委', status: 'open', currentStage: 's1', version: 0 });
      const figures = (v: CampaignView) => v.activities.map((a) => [a.kind, a.label, a.done, a.of]);
      // County: 20 members in its two branches and 陈静 in the county itself (the exam names the county).
      expect(figures(fromCounty)).toEqual([
        ['exam', '已交卷', 2, 21],
        ['challenge', '打卡人次', 2, null],
        ['event', '到场人数', 1, 2],
        ['contest', '参加人数', 5, null],
        ['taskList', '已完成事项', 3, 8],
        ['taskList', '已完成事项', 4, 4],
      ]);
      // The branch: its 10 members; the county's list counts from below, the sibling branch's does not.
      expect(figures(fromBranch)).toEqual([
        ['exam', '已交卷', 1, 10],
        ['challenge', '打卡人次', 1, null],
        ['event', '到场人数', 1, 1],
        ['contest', '参加人数', 3, null],
        ['taskList', '已完成事项', 3, 8],
        ['taskList', '已完成事项', 0, 0],
      ]);
      const exam = fromCounty.activities[0];
      expect(exam).toMatchObject({ id: ids.exam, title: '县委党章测试', path: `/subpackages/exam-admin/stats?id=${ids.exam}`, fromDay: today() });
      expect(fromCounty.activities.map((a) => a.path.split('?')[0])).toEqual([
        '/subpackages/exam-admin/stats',
        '/subpackages/checkin-admin/challenge',
        '/subpackages/event-admin/manage',
        '/subpackages/quiz-admin/contest',
        '/subpackages/campaign-admin/tasklist',
        '/subpackages/campaign-admin/tasklist',
      ]);
      // The admin asks for the branch's view; the branch organiser may not look from the county.
      const adminFromBranch = await ok<CampaignView>(ADMIN, 'campaign', 'getCampaign', { campaignId: city, unitId: 'br-school' });
      expect(figures(adminFromBranch)).toEqual(figures(fromBranch));
      expect(adminFromBranch.mayEdit).toBe(true);
      expect(await t.call(BRANCH_ORG, 'campaign', 'getCampaign', { campaignId: city, unitId: COUNTY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await t.call(BRANCH_ORG, 'campaign', 'getCampaign', { campaignId: city, unitId: 'br-office' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      // The sibling's organiser sees nothing of the county's campaign; the branch sees nothing of the sibling's.
      const county = (await titles(ADMIN)).find((c) => c.title === '县委专项行动')!.campaignId;
      expect(await t.call(SIBLING_ORG, 'campaign', 'getCampaign', { campaignId: county })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await t.call(BRANCH_ORG, 'campaign', 'getCampaign', { campaignId: siblingCampaign })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    });
  });
});

describe('getCampaign reads', () => {
  // Two subtrees under the city, inserted directly: 3 units and 61 units of 30 members each, with
  // the day counters of today in every unit; a campaign on each with the same five org-wide
  // activities attached (and a task list of its own).
  const READS = 12;
  const subtree = (root: string, branches: number): UnitDoc[] => {
    const at = new Date(now());
    const unit = (id: string, parent: UnitDoc | null): UnitDoc => ({
      _id: id,
      kind: parent ? 'branch' : 'committee',
      name: id,
      parentId: parent?._id ?? CITY,
      path: [...(parent?.path ?? ['org-demo', CITY]), id],
      order: 0,
      orgId: 'org-demo',
      inviteCode: null,
      memberCount: 30,
      boundCount: 20,
      status: 'active',
      closedAt: null,
      createdAt: at,
    });
    const top = unit(root, null);
    return [top, ...Array.from({ length: branches }, (_x, i) => unit(`${root}-b${i}`, top))];
  };

  it('are the same for a subtree of 3 units and one of 61, and write nothing', async () => {
    const small = subtree('pin-small', 2);
    const big = subtree('pin-big', 60);
    await insertMany(t.db, COLLECTIONS.units, [...small, ...big] as unknown as Array<Record<string, unknown>>);
    await insertMany(
      t.db,
      COLLECTIONS.checkinDaily,
      [...small, ...big].map((u) => ({ _id: `${u._id}_${today()}`, unitId: u._id, orgId: 'org-demo', day: today(), count: 4 })),
    );
    const exam = await publishExam('全单位考试', []);
    const challenge = (await ok<{ id: string }>(ADMIN, 'checkin', 'createChallenge', { title: '全单位打卡', startDay: today(), endDay: addDays(today(), 9), requiredDays: 5, unitIds: [] })).id;
    const event = await publishEvent('全单位党课', []);
    const contest = await publishContest('全单位竞赛', 'org-demo');
    const views: CampaignView[] = [];
    const reads: number[] = [];
    for (const [root, units] of [
      ['pin-small', small],
      ['pin-big', big],
    ] as const) {
      await insertTaskList(`tl-${root}`, units[0], `${root}清单`, 2, 1);
      const attached = { exams: [exam], challenges: [challenge], events: [event], contests: [contest], taskLists: [`tl-${root}`] };
      const { campaignId } = await ok<{ campaignId: string }>(ADMIN, 'campaign', 'createCampaign', { unitId: root, ...plan({ title: `${root}行动`, attached }) });
      const { result, stats } = await t.invoke(ADMIN, 'campaign', 'getCampaign', { campaignId });
      expect(result).toMatchObject({ ok: true });
      expect(stats.writes).toBe(0);
      reads.push(stats.reads);
      views.push((result as { data: CampaignView }).data);
    }
    expect(reads[0]).toBe(reads[1]);
    // identity, campaign, its units; exams, challenges, events, contests, task lists; the exams'
    // counters, the challenges' check-ins, the contests' roll-ups (and the reports' summary).
    expect(reads[0]).toBeLessThanOrEqual(READS + 1);
    console.log(`getCampaign with 5 activities: ${reads.join(' / ')} reads (3 / 61 units)`);
    // The figures are really there: the check-ins of every unit, the members the exam reaches.
    expect(views[0].activities.find((a) => a.kind === 'challenge')?.done).toBe(3 * 4);
    expect(views[1].activities.find((a) => a.kind === 'challenge')?.done).toBe(61 * 4);
    expect(views[1].activities.find((a) => a.kind === 'exam')?.of).toBe(61 * 30);
    expect(views[1].activities.find((a) => a.kind === 'taskList')).toMatchObject({ done: 1, of: 2 });
  });
});

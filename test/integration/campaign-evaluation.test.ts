// The 四落实 evaluation (docs/CAMPAIGNS.md, "Evaluation") against the local cloud: a campaign over a
// 3-level subtree (示范市委 → 示范县委 → two branches, and 邻县县委 → 机关第一党支部) with an exam, an
// event and a challenge attached, members taking part, task counters, reports on time, late and
// missing, and written assessments. The workbook is downloaded and opened: 汇总's rows and each
// unit's sheet equal the data (read back from the counters the other contexts keep). Refusals:
// outside the subtree, an assessment of one's own unit, a stage not ended; nothing written. The
// export's reads are the same for 3, 6 and 46 units, and it writes nothing to the database.
import ExcelJS from 'exceljs';
import { addDays, beijingDayKey } from '../../core/domain/time';
import { COLLECTIONS } from '../../functions/lib/collections';
import { insertMany } from '../../functions/lib/db';
import type { UnitDoc } from '../../functions/lib/model';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

jest.setTimeout(240_000);

let t: TestCloud;
const ADMIN = 'demo-admin';
const COUNTY_ORG = 'demo-m-03'; // 陈静, organiser of 示范县委
const SIBLING_ORG = 'demo-m-04'; // 杨帆, organiser of 邻县县委
const BRANCH_ORG = 'demo-organiser'; // 李强, organiser of 实验中学党支部 (a leader of it)
const RETIRED = 'demo-member'; // 王秀英, a leader of 离退休干部党支部
const SCHOOL = 'demo-m-12'; // 马俊, a leader of 实验中学党支部
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
type Fn = 'org' | 'exam' | 'checkin' | 'event' | 'campaign';
const ok = async <T = Record<string, unknown>>(openid: string, fn: Fn, action: string, payload: unknown = {}) => dataOf(await t.call<T>(openid, fn, action, payload));
const now = () => t.cloud.clock.now();

let CITY = '';
let COUNTY = '';
let SIBLING = '';
let campaignId = '';
let examId = '';
let eventId = '';
const base = Date.now();
const today = beijingDayKey(base);
const stored = () => JSON.stringify(t.cloud.db.find(COLLECTIONS.campaignAssessments));

async function workbook(openid: string, unitId?: string) {
  const { result, stats } = await t.invoke(openid, 'campaign', 'exportEvaluation', { campaignId, ...(unitId ? { unitId } : {}) });
  const file = dataOf(result as never) as { fileID: string; url: string; units: number };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await t.sdk.downloadFile({ fileID: file.fileID })).fileContent as unknown as ArrayBuffer);
  return { wb, file, stats };
}
const cellValue = (c: ExcelJS.Cell) => c.value;
/** 汇总's rows by unit name, each column by its second-row header. */
function summary(wb: ExcelJS.Workbook) {
  const ws = wb.getWorksheet('汇总')!;
  const header = (ws.getRow(2).values as unknown[]).slice(1);
  const rows = new Map<string, Record<string, unknown>>();
  const formats = new Map<string, Record<string, string | undefined>>();
  ws.eachRow((row, n) => {
    if (n <= 2) return;
    const name = String(row.getCell(1).value);
    const rec: Record<string, unknown> = { 上级单位: row.getCell(2).value };
    const fmt: Record<string, string | undefined> = {};
    header.forEach((h, i) => {
      if (typeof h !== 'string') return;
      rec[h] = cellValue(row.getCell(i + 1));
      fmt[h] = row.getCell(i + 1).numFmt;
    });
    rows.set(name, rec);
    formats.set(name, fmt);
  });
  return { ws, rows, formats, order: [...rows.keys()] };
}
/** A unit sheet's value beside a label in column A. */
function sheetValue(ws: ExcelJS.Worksheet, label: string): unknown {
  let out: unknown = undefined;
  ws.eachRow((row) => {
    if (out === undefined && row.getCell(1).value === label) out = row.getCell(2).value;
  });
  return out;
}
const stats = (unitIds: string[]) => {
  const docs = t.cloud.db.find(COLLECTIONS.examStats).filter((d) => d.examId === examId && unitIds.includes(String(d.unitId))) as unknown as Array<{ submitted: number; passed: number }>;
  return { submitted: docs.reduce((n, d) => n + d.submitted, 0), passed: docs.reduce((n, d) => n + d.passed, 0) };
};
const unitDoc = (id: string) => t.cloud.db.find(COLLECTIONS.units).find((u) => u._id === id) as unknown as UnitDoc;

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

  // Two days ago: an exam for the county (three take it) and a 主题党日 (two sign up, one attends).
  const past = base - 2 * DAY;
  t.cloud.clock.set(past - HOUR);
  const question = { type: 'single', stem: '四落实测试题', options: ['甲', '乙'], answer: [1], explanation: '' };
  const qid = (await ok<{ id: string }>(ADMIN, 'exam', 'saveQuestion', { question })).id;
  const exam = { title: '县委党章测试', unitIds: [COUNTY], opensAt: now() - 60_000, closesAt: now() + HOUR, durationMinutes: 20, paper: { mode: 'fixed', questionIds: [qid] }, passScore: 1 };
  examId = (await ok<{ id: string }>(ADMIN, 'exam', 'saveExam', { exam })).id;
  await ok(ADMIN, 'exam', 'publishExam', { examId });
  for (const [who, choice] of [[RETIRED, 1], [SCHOOL, 0], ['demo-m-13', 0]] as const) {
    const { attemptId } = await ok<{ attemptId: string }>(who, 'exam', 'startExam', { examId });
    await ok(who, 'exam', 'submitAttempt', { attemptId, answers: [{ qid, choice: [choice] }] });
  }
  const event = { kind: 'party_day', title: '主题党日', place: '党员活动室', signupOpensAt: now() - 60_000, signupClosesAt: now() + 20 * 60_000, startsAt: now() + 30 * 60_000, endsAt: now() + 150 * 60_000, capacity: 0, approval: false, unitIds: [COUNTY] };
  eventId = (await ok<{ id: string }>(ADMIN, 'event', 'saveEvent', { event })).id;
  await ok(ADMIN, 'event', 'publishEvent', { eventId });
  for (const who of [RETIRED, SCHOOL]) await ok(who, 'event', 'signUp', { eventId });
  t.cloud.clock.set(past);
  await ok(ADMIN, 'event', 'markAttendance', { eventId, memberId: 'demo-member-12', attended: true, reason: '现场签到' });
  t.cloud.clock.reset();

  // Today: check-ins, a challenge; task counters of the school branch (the task actions' documents).
  const challengeId = (await ok<{ id: string }>(ADMIN, 'checkin', 'createChallenge', { title: '每日学习打卡', startDay: today, endDay: addDays(today, 20), requiredDays: 10, unitIds: ['br-school', 'br-retired'] })).id;
  for (const who of [RETIRED, SCHOOL]) await ok(who, 'checkin', 'checkIn', { title: '学习党章', minutes: 30 });
  const at = new Date();
  await insertMany(t.db, COLLECTIONS.taskUnits, [
    { _id: 'br-school', orgId: 'org-demo', unitPath: unitDoc('br-school').path, lists: 1, total: 3, done: 1, openByDeadline: { [addDays(today, -3)]: 1, [addDays(today, 5)]: 1 }, updatedAt: at },
  ]);

  // The campaign: 启动部署 (20 days ago to yesterday) and 组织实施 (today on); a plan due 10 days ago.
  campaignId = (
    await ok<{ campaignId: string }>(ADMIN, 'campaign', 'createCampaign', {
      unitId: CITY,
      title: '学习贯彻专项行动',
      stages: [
        { key: 's1', name: '启动部署', startDay: addDays(today, -20), endDay: addDays(today, -1) },
        { key: 's2', name: '组织实施', startDay: today, endDay: addDays(today, 30) },
      ],
      asks: [{ key: 'plan', kind: 'plan', title: '活动方案', dueDay: addDays(today, -10) }],
      attached: { exams: [examId], challenges: [challengeId], events: [eventId], contests: [], taskLists: [] },
    })
  ).campaignId;
  // Reports as the reports part leaves them: the school branch and the sibling's branch on time, the county 2 days late; the retired branch and the sibling county never sent theirs.
  const report = (unitId: string, state: string, lateMinutes: number | null) => {
    const u = unitDoc(unitId);
    return { _id: `${campaignId}:plan:${unitId}`, orgId: 'org-demo', campaignId, askKey: 'plan', unitId, unitPath: u.path, parentUnitId: u.parentId, state, text: '方案', files: [], gathered: [], dueAt: at, submittedAt: at, lateMinutes, returnedReason: null, reviewedBy: null, reviewedAt: null, history: [], updatedAt: at, version: 1 };
  };
  await insertMany(t.db, COLLECTIONS.campaignReports, [report('br-school', 'accepted', null), report(COUNTY, 'submitted', 2 * 1440 + 30), report('br-office', 'submitted', null)]);
});
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('saveAssessment', () => {
  it('refuses an organiser’s own unit, a unit outside their subtree, a plain member, an empty assessment; writes nothing', async () => {
    const before = stored();
    const refuse = async (openid: string, payload: Record<string, unknown>, code: string, text: string) => {
      const res = await t.call(openid, 'campaign', 'saveAssessment', { campaignId, ...payload });
      expect(res).toMatchObject({ ok: false, code });
      expect((res as { message: string }).message).toContain(text);
    };
    await refuse(COUNTY_ORG, { unitId: COUNTY, grade: 'excellent', text: '自评' }, 'FORBIDDEN', '不能评价本单位');
    await refuse(BRANCH_ORG, { unitId: 'br-school', grade: 'excellent', text: '自评' }, 'FORBIDDEN', '不能评价本单位');
    await refuse(SIBLING_ORG, { unitId: 'br-school', grade: 'poor', text: '越权' }, 'FORBIDDEN', '不在您的管理范围内');
    await refuse(COUNTY_ORG, { unitId: 'br-office', grade: 'poor', text: '越权' }, 'FORBIDDEN', '不在您的管理范围内');
    await refuse(SCHOOL, { unitId: 'br-school', grade: 'good', text: '成员' }, 'FORBIDDEN', '管理员');
    await refuse(COUNTY_ORG, { unitId: 'br-school', text: '  ' }, 'INVALID_ARGUMENT', '评价');
    await refuse(COUNTY_ORG, { unitId: 'no-such-unit', text: '好' }, 'NOT_FOUND', '不在本次专项行动');
    const bad = await t.call(COUNTY_ORG, 'campaign', 'saveAssessment', { campaignId, unitId: 'br-school', grade: 'best', text: '好' });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(stored()).toBe(before);
  });

  it('the level above assesses; saving again replaces it whole, and two saving at once leave one complete assessment', async () => {
    expect(await ok(COUNTY_ORG, 'campaign', 'saveAssessment', { campaignId, unitId: 'br-school', grade: 'fair', text: '初稿' })).toEqual({ unitId: 'br-school', grade: 'fair', text: '初稿' });
    const texts = Array.from({ length: 6 }, (_x, i) => `学习扎实，实事办得好${i}`);
    const answers = await Promise.all(texts.map((text, i) => t.call(i % 2 ? ADMIN : COUNTY_ORG, 'campaign', 'saveAssessment', { campaignId, unitId: 'br-school', grade: 'good', text })));
    for (const a of answers) expect(a).toMatchObject({ ok: true });
    const docs = t.cloud.db.find(COLLECTIONS.campaignAssessments).filter((d) => d.unitId === 'br-school') as unknown as Array<{ _id: string; text: string; byName: string; grade: string }>;
    expect(docs).toHaveLength(1);
    expect(docs[0]._id).toBe(`${campaignId}:br-school`);
    const i = texts.indexOf(docs[0].text);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(docs[0]).toMatchObject({ grade: 'good', byName: i % 2 ? '张伟' : '陈静' });
    await ok(COUNTY_ORG, 'campaign', 'saveAssessment', { campaignId, unitId: 'br-school', grade: 'good', text: '学习扎实，实事办得好' });
    await ok(ADMIN, 'campaign', 'saveAssessment', { campaignId, unitId: COUNTY, grade: 'excellent', text: '组织有力，按时部署' });
  });
});

describe('exportEvaluation', () => {
  it('汇总: one row per unit in tree order, each equal to the data of its subtree', async () => {
    const { wb, file, stats: cost } = await workbook(ADMIN);
    expect(cost.writes).toBe(0);
    expect(file.url).toMatch(/^http/);
    expect(file.units).toBe(5);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '示范县委', '实验中学党支部', '离退休干部党支部', '邻县县委', '机关第一党支部', '说明']);
    const s = summary(wb);
    expect(s.order).toEqual(['示范市委', '示范县委', '实验中学党支部', '离退休干部党支部', '邻县县委', '机关第一党支部']);
    expect(s.ws.getCell('C1').value).toBe('人员');
    expect(s.ws.getCell('C1').isMerged).toBe(true);

    const county = s.rows.get('示范县委')!;
    const members = ['br-school', 'br-retired', COUNTY].reduce((n, id) => n + unitDoc(id).memberCount, 0);
    const bound = ['br-school', 'br-retired', COUNTY].reduce((n, id) => n + unitDoc(id).boundCount, 0);
    const exam = stats(['br-school', 'br-retired', COUNTY]);
    // Options are shuffled on each paper: who passed is read back from the counters.
    expect(exam.submitted).toBe(3);
    expect(county).toMatchObject({ 上级单位: '示范市委', 应参加: members, 已绑定: bound, 参加人数: 3, 领导班子参加: '—', 领导班子人数: 0 });
    expect(county['覆盖率']).toBeCloseTo(3 / members, 6);
    expect(s.formats.get('示范县委')!['覆盖率']).toBe('0.0%');
    // 时间: the county itself 2 days late, the school branch on time, the retired branch missing.
    expect(county).toMatchObject({ 应报送: 3, 按时报送: 1, 晚交: 1, 未交: 1 });
    expect(county['按时率']).toBeCloseTo(1 / 3, 6);
    // 内容 and 效果 from the exam's counters, the event's, the check-ins and the task counters.
    expect(county).toMatchObject({ 考试: 1, 活动: 1, 学习打卡: 2, 竞赛: 0, 实事: 3, 实事完成: 1, 实事总数: 3, 逾期: 1 });
    expect(county['考试及格率']).toBeCloseTo(exam.passed / exam.submitted, 6);
    // Asked: the county's members for the exam and for the event; took part: 3 exams handed in, 1 attendance.
    expect(county['参与率']).toBeCloseTo((3 + 1) / (2 * members), 6);
    expect(county).toMatchObject({ 评价等次: '优秀', 书面评价: '组织有力，按时部署' });

    const school = s.rows.get('实验中学党支部')!;
    const mine = stats(['br-school']);
    expect(school).toMatchObject({ 应参加: unitDoc('br-school').memberCount, 参加人数: 2, 领导班子参加: 1, 领导班子人数: 2, 应报送: 1, 按时报送: 1, 晚交: 0, 未交: 0, 学习打卡: 1, 实事完成: 1, 实事总数: 3, 逾期: 1 });
    expect(school['考试及格率']).toBe(mine.passed / mine.submitted);
    expect(school).toMatchObject({ 评价等次: '良好', 书面评价: '学习扎实，实事办得好' });
    const retired = s.rows.get('离退休干部党支部')!;
    expect(retired).toMatchObject({ 参加人数: 1, 领导班子参加: 1, 领导班子人数: 2, 应报送: 1, 按时报送: 0, 未交: 1, 按时率: 0, 实事总数: 0, 评价等次: null });
    expect(retired['考试及格率']).toBe(stats(['br-retired']).passed);
    // The sibling county: nothing held there; its own plan missing, its branch's on time.
    const sibling = s.rows.get('邻县县委')!;
    expect(sibling).toMatchObject({ 考试: 0, 活动: 0, 参与率: '—', 考试及格率: '—', 应报送: 2, 按时报送: 1, 未交: 1 });
    const city = s.rows.get('示范市委')!;
    expect(city).toMatchObject({ 上级单位: null, 应报送: 5, 按时报送: 2, 晚交: 1, 未交: 2, 考试: 1, 活动: 1 });
  });

  it('each unit’s sheet: the four blocks with its figures, its leaders, its reports and its assessment; 说明 explains the columns', async () => {
    const { wb } = await workbook(COUNTY_ORG);
    // Seen from the county organiser's own unit: the county and its two branches.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '实验中学党支部', '离退休干部党支部', '说明']);
    const ws = wb.getWorksheet('实验中学党支部')!;
    const labels: unknown[] = [];
    ws.eachRow((r) => labels.push(r.getCell(1).value));
    for (const h of ['一、人员', '二、时间', '三、内容', '四、效果', '评价']) expect(labels).toContain(h);
    expect(labels.indexOf('一、人员')).toBeLessThan(labels.indexOf('二、时间'));
    expect(sheetValue(ws, '专项行动')).toBe('学习贯彻专项行动');
    expect(sheetValue(ws, '上级单位')).toBe('示范县委');
    expect(sheetValue(ws, '统计期间')).toBe(`${addDays(today, -20)} 至 ${today}`);
    expect(sheetValue(ws, '应参加人数')).toBe(unitDoc('br-school').memberCount);
    expect(sheetValue(ws, '领导班子参加')).toBe(1);
    // Leaders first: 李强 did not take part, 马俊 handed the exam in and attended.
    expect(sheetValue(ws, '李强')).toBe('未参加');
    expect(sheetValue(ws, '马俊')).toBe('参加');
    expect(sheetValue(ws, '按时报送')).toBe(1);
    expect(sheetValue(ws, '活动方案')).toBe(addDays(today, -10));
    expect(sheetValue(ws, '考试（场）')).toBe(1);
    expect(sheetValue(ws, '县委党章测试')).toBe(unitDoc('br-school').memberCount);
    expect(sheetValue(ws, '主题党日')).toBe(1);
    expect(sheetValue(ws, '实事总数')).toBe(3);
    expect(sheetValue(ws, '评价等次')).toBe('良好');
    expect(sheetValue(ws, '书面评价')).toBe('学习扎实，实事办得好');
    expect(sheetValue(ws, '评价人')).toBe('陈静');
    const retired = wb.getWorksheet('离退休干部党支部')!;
    expect(sheetValue(retired, '评价等次')).toBe('未评价');
    expect(sheetValue(retired, '活动方案')).toBe(addDays(today, -10));
    const notes = wb.getWorksheet('说明')!;
    const explained: unknown[] = [];
    notes.eachRow((r) => explained.push(r.getCell(1).value));
    for (const k of ['应参加', '参加人数', '覆盖率', '按时报送', '参与率', '逾期']) expect(explained).toContain(k);
  });

  it('refuses outside the subtree and the campaign: a branch organiser cannot look from the county, another county’s organiser not from a foreign branch', async () => {
    await expect(t.call(BRANCH_ORG, 'campaign', 'exportEvaluation', { campaignId, unitId: COUNTY })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(t.call(SIBLING_ORG, 'campaign', 'exportEvaluation', { campaignId, unitId: 'br-school' })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(t.call(SCHOOL, 'campaign', 'exportEvaluation', { campaignId })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(t.call(ADMIN, 'campaign', 'exportEvaluation', { campaignId: 'no-such-campaign' })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // A branch organiser sees it from their own branch: one row, no unit sheet.
    const { wb } = await workbook(BRANCH_ORG);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '说明']);
    expect(summary(wb).order).toEqual(['实验中学党支部']);
  });

  it('reads the same number of times for 3, 6 and 46 units, from counters: never the members', async () => {
    const reads = async (openid: string, unitId: string) => {
      const { result, stats: cost } = await t.invoke(openid, 'campaign', 'exportEvaluation', { campaignId, unitId });
      expect(result).toMatchObject({ ok: true });
      expect(cost.writes).toBe(0);
      // The roster is read once: the subtree's leaders (their listing keys), never the other members.
      expect(cost.ops.filter((o) => o.collection === COLLECTIONS.members)).toHaveLength(1);
      return cost.reads;
    };
    const small = await reads(COUNTY_ORG, COUNTY);
    const city = await reads(ADMIN, CITY);
    // 40 more branches under the sibling county, each with members on its counters.
    const at = new Date();
    const sib = unitDoc(SIBLING);
    await insertMany(
      t.db,
      COLLECTIONS.units,
      Array.from({ length: 40 }, (_x, i) => ({ _id: `extra-${i}`, kind: 'branch', name: `新增支部${i}`, parentId: SIBLING, path: [...sib.path, `extra-${i}`], order: i, orgId: 'org-demo', inviteCode: null, memberCount: 30, boundCount: 20, status: 'active', closedAt: null, createdAt: at })),
    );
    const big = await reads(ADMIN, CITY);
    console.log(`exportEvaluation reads: county (3 units) ${small}, city (6 units) ${city}, city (46 units) ${big}`);
    expect(city).toBe(small);
    expect(big).toBe(small);
    const { wb } = await workbook(ADMIN);
    expect(summary(wb).rows.get('新增支部7')).toMatchObject({ 应参加: 30, 已绑定: 20, 上级单位: '邻县县委' });
    expect(summary(wb).rows.get('示范市委')).toMatchObject({ 应参加: 40 * 30 + ['br-school', 'br-retired', 'br-office', COUNTY, SIBLING, CITY].reduce((n, id) => n + unitDoc(id).memberCount, 0) });
  });
});

describe('draftStageReport', () => {
  it('an ended stage seen from the county: its days, the exam and event held in it with figures, the plan’s reports with the missing named; a draft in the feed', async () => {
    const d = await ok<{ postId: string; title: string; text: string }>(COUNTY_ORG, 'campaign', 'draftStageReport', { campaignId, stageKey: 's1' });
    expect(d.title).toBe('专项行动｜学习贯彻专项行动·启动部署');
    const lines = d.text.split('\n');
    expect(lines[0]).toContain('示范县委开展“学习贯彻专项行动”启动部署阶段工作');
    expect(lines[1]).toContain('考试“县委党章测试”交卷3人');
    expect(lines[1]).toContain('活动“主题党日”到场1人（报名2人，出席率50%）');
    expect(lines[2]).toContain('应报送2个单位，按时报送1个，晚交0个，未报送1个（未报送：离退休干部党支部）');
    expect(lines[lines.length - 1]).toMatch(/^【请补充：/);
    expect(d.text).not.toMatch(/[<>]/);
    const post = t.cloud.db.find(COLLECTIONS.posts).find((p) => p._id === d.postId) as unknown as { status: string; source: { type: string; id: string }; unitId: string };
    expect(post).toMatchObject({ status: 'draft', source: { type: 'campaign', id: campaignId }, unitId: COUNTY });
    // Drafting again refreshes the same draft.
    const again = await ok<{ postId: string }>(COUNTY_ORG, 'campaign', 'draftStageReport', { campaignId, stageKey: 's1' });
    expect(again.postId).toBe(d.postId);
  });

  it('refuses a stage not ended, an unknown stage, and an organiser outside the campaign’s units they look from', async () => {
    const posts = t.cloud.db.find(COLLECTIONS.posts).length;
    await expect(t.call(COUNTY_ORG, 'campaign', 'draftStageReport', { campaignId, stageKey: 's2' })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    const unknown = await t.call(COUNTY_ORG, 'campaign', 'draftStageReport', { campaignId, stageKey: 's9' });
    expect(unknown).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect((unknown as { message: string }).message).toContain('阶段');
    await expect(t.call(BRANCH_ORG, 'campaign', 'draftStageReport', { campaignId, stageKey: 's1', unitId: COUNTY })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(t.cloud.db.find(COLLECTIONS.posts)).toHaveLength(posts);
  });
});

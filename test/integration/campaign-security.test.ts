// The campaign context reviewed as an attacker would use it (issue 18): organisers of one branch
// of the tree reaching into another through every campaign action, answers that could carry
// phones, member ids or other owners' names, a unit moved after its campaign was set up (who
// manages it now), closed and deleted units, odd input that must never be INTERNAL, and races
// settled by the database (Promise.all of real calls). Every refusal leaves the database as it was.
//
// The tree: 示例市直机关党委 (org admin 张伟) → 城区党委 (A, 陈静) → 示例县委 (X, 赵建国) → 实验中学党支部
// (李强); 郊区党委 (B, 杨帆) → 离退休干部党支部 (宋德明, member 王秀英).
import ExcelJS from 'exceljs';
import type { CampaignResponses, ReportStatusView } from '../../core/contracts/campaign';
import type { TaskListView } from '../../core/contracts/campaignTasks';
import { COLLECTIONS } from '../../functions/lib/collections';
import { insertMany } from '../../functions/lib/db';
import { issueTicket } from '../../functions/lib/uploads';
import { encodePng } from '../../localcloud/png';
import { DEMO_MEMBERS } from '../../scripts/lib/demo-data';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

jest.setTimeout(240_000);

let t: TestCloud;
const beijing = (d: string, hh: number, mm = 0, ss = 0, ms = 0) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8, mm, ss, ms);

const ADMIN = 'demo-admin'; // 张伟, org admin
const ORG_A = 'demo-m-03'; // 陈静, organiser of 城区党委
const ORG_B = 'demo-m-04'; // 杨帆, organiser of 郊区党委
const ORG_X = 'demo-m-05'; // 赵建国, organiser of 示例县委
const SCHOOL = 'demo-organiser'; // 李强, organiser of 实验中学党支部
const RETIRED = 'demo-m-22'; // 宋德明, organiser of 离退休干部党支部
const MEMBER = 'demo-member'; // 王秀英, a plain member of 离退休干部党支部
const ZHENG = DEMO_MEMBERS.find((m) => m.name === '郑桂兰')!; // another member of 离退休干部党支部
const WANG = DEMO_MEMBERS.find((m) => m.name === '王秀英')!;
/** Every phone of the roster, whole and masked as the roster pages show it (139****0100). */
const PHONES = DEMO_MEMBERS.flatMap((m) => (m.phone ? [m.phone, `${m.phone.slice(0, 3)}****${m.phone.slice(-4)}`] : []));

let A = '';
let B = '';
let X = '';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const call = <T>(openid: string, action: string, payload: unknown) => t.call<T>(openid, 'campaign', action, payload);
const ok = async <T = Record<string, unknown>>(openid: string, action: string, payload: unknown) => dataOf(await call<T>(openid, action, payload));
async function refused(openid: string, action: string, payload: unknown, codes: string | string[], words?: string) {
  const res = await call(openid, action, payload);
  const allowed = Array.isArray(codes) ? codes : [codes];
  expect(res.ok).toBe(false);
  if (!res.ok) {
    expect(allowed).toContain(res.code);
    if (words) expect(res.message).toContain(words);
  }
  return res;
}
const CAMPAIGN_COLLECTIONS = [COLLECTIONS.campaigns, COLLECTIONS.campaignReports, COLLECTIONS.campaignAssessments, COLLECTIONS.campaignReminders, COLLECTIONS.taskLists, COLLECTIONS.taskItems, COLLECTIONS.taskUnits];
const snapshot = () => JSON.stringify(CAMPAIGN_COLLECTIONS.map((c) => t.cloud.db.find(c)));
/** The campaign context's collections are as they were (a diff of the documents when not). */
const unchanged = (before: string) => expect(JSON.parse(snapshot())).toEqual(JSON.parse(before));
const org = async <T = Record<string, unknown>>(openid: string, action: string, payload: unknown) => dataOf(await t.call<T>(openid, 'org', action, payload));
const newUnit = async (parentId: string, name: string, kind = 'committee') => (await org<{ unit: { id: string } }>(ADMIN, 'createUnit', { parentId, name, kind })).unit.id;

let n = 0;
type Ask = { key: string; kind: 'plan' | 'stage' | 'final'; title: string; dueDay: string; audience?: 'all' | 'children'; stageKey?: string };
const PLAN: Ask = { key: 'plan', kind: 'plan', title: '活动方案', dueDay: '2036-12-05' };
async function newCampaign(openid: string, unitId: string, opts: { asks?: Ask[]; stages?: Array<{ key: string; name: string; startDay: string; endDay: string }> } = {}): Promise<string> {
  const { campaignId } = await ok<{ campaignId: string }>(openid, 'createCampaign', {
    unitId,
    title: `安全审查专项行动${++n}`,
    description: '',
    stages: opts.stages ?? [{ key: 's1', name: '启动部署', startDay: '2036-12-01', endDay: '2036-12-31' }],
    asks: opts.asks ?? [PLAN],
  });
  return campaignId;
}
const submit = (openid: string, campaignId: string, unitId: string, extra: Record<string, unknown> = {}) =>
  call<CampaignResponses['saveReport']>(openid, 'saveReport', { campaignId, askKey: 'plan', unitId, text: '按要求制定了本单位的活动方案。', submit: true, ...extra });
const photoAs = (openid: string, shade: number) => t.upload(issueTicket(openid, 'campaign', 'photo', 'p.png').cloudPath, encodePng(1, 1, 0, Buffer.from([0, shade])));

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(beijing('2036-12-01', 10));
  A = await newUnit('org-demo', '城区党委');
  B = await newUnit('org-demo', '郊区党委');
  X = await newUnit(A, '示例县委');
  await org(ADMIN, 'moveUnit', { unitId: 'br-school', parentId: X });
  await org(ADMIN, 'moveUnit', { unitId: 'br-retired', parentId: B });
  await org(ADMIN, 'setMemberRole', { memberId: 'demo-member-03', role: 'unit_organiser', unitIds: [A] });
  await org(ADMIN, 'setMemberRole', { memberId: 'demo-member-04', role: 'unit_organiser', unitIds: [B] });
  await org(ADMIN, 'setMemberRole', { memberId: 'demo-member-05', role: 'unit_organiser', unitIds: [X] });
}, 240_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('a unit moved after its campaign was set up is managed from where it stands', () => {
  it('the organisers it left lose the campaign (figures, rows, workbook, edits); those of its new place gain it', async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    const moving = await newUnit(A, '流动县委');
    const branch = await newUnit(moving, '流动党支部', 'branch');
    const c = await newCampaign(ORG_A, moving);
    dataOf(await submit(ORG_A, c, branch));
    expect((await ok<CampaignResponses['getCampaign']>(ORG_A, 'getCampaign', { campaignId: c })).mayEdit).toBe(true);

    await org(ADMIN, 'moveUnit', { unitId: moving, parentId: B });
    const before = snapshot();
    // 陈静 manages 城区党委 only; 流动县委 is no longer in it.
    await refused(ORG_A, 'getCampaign', { campaignId: c }, ['FORBIDDEN', 'NOT_FOUND']);
    await refused(ORG_A, 'reportStatus', { campaignId: c, askKey: 'plan' }, ['FORBIDDEN', 'NOT_FOUND']);
    await refused(ORG_A, 'remindReports', { campaignId: c, askKey: 'plan' }, ['FORBIDDEN', 'NOT_FOUND']);
    await refused(ORG_A, 'exportEvaluation', { campaignId: c }, ['FORBIDDEN', 'NOT_FOUND']);
    await refused(ORG_A, 'saveAssessment', { campaignId: c, unitId: branch, grade: 'poor', text: '' }, ['FORBIDDEN', 'NOT_FOUND']);
    await refused(ORG_A, 'closeCampaign', { campaignId: c, acceptLate: false }, ['FORBIDDEN', 'NOT_FOUND']);
    await refused(
      ORG_A,
      'updateCampaign',
      { campaignId: c, version: 0, title: '改名', description: '', stages: [{ key: 's1', name: '启动部署', startDay: '2036-12-01', endDay: '2036-12-31' }], asks: [PLAN] },
      ['FORBIDDEN', 'NOT_FOUND'],
    );
    unchanged(before);
    expect((await ok<CampaignResponses['listCampaigns']>(ORG_A, 'listCampaigns', {})).items.map((i) => i.campaignId)).not.toContain(c);

    // 杨帆 manages 郊区党委, where it stands now: the campaign is theirs to see and edit.
    const seen = await ok<CampaignResponses['getCampaign']>(ORG_B, 'getCampaign', { campaignId: c });
    expect(seen).toMatchObject({ mayEdit: true, seenFrom: { unitId: moving } });
    const rows = (await ok<ReportStatusView>(ORG_B, 'reportStatus', { campaignId: c, askKey: 'plan' })).rows;
    expect(rows.map((r) => [r.unitId, r.state, r.mayReview])).toEqual([[branch, 'submitted', true]]);
    const listed = (await ok<CampaignResponses['listCampaigns']>(ORG_B, 'listCampaigns', {})).items.find((i) => i.campaignId === c);
    expect(listed).toMatchObject({ own: true, unitId: moving });
    await expect(ok(ORG_B, 'closeCampaign', { campaignId: c, acceptLate: true })).resolves.toMatchObject({ status: 'closed' });
  });

  it('a report of a unit moved out of the campaign is reviewed by no one (its new parent cannot read it)', async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    const c = await newCampaign(ORG_A, A);
    const leaving = await newUnit(A, '迁出党支部', 'branch');
    const { reportId } = dataOf(await submit(ORG_A, c, leaving));
    await org(ADMIN, 'moveUnit', { unitId: leaving, parentId: B });
    const before = snapshot();
    // 杨帆 now manages the unit but not the campaign: the report reads as not there.
    await refused(ORG_B, 'getReport', { campaignId: c, askKey: 'plan', unitId: leaving }, 'NOT_FOUND');
    await refused(ORG_B, 'reviewReport', { reportId, decision: 'return', reason: '不在本次行动' }, 'NOT_FOUND');
    await refused(ORG_A, 'reviewReport', { reportId, decision: 'accept' }, 'NOT_FOUND');
    unchanged(before);
  });

  it('a report of a unit moved away from a county is no longer gathered into the county’s report', async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    const c = await newCampaign(ADMIN, 'org-demo');
    const away = await newUnit(X, '调出党支部', 'branch');
    const { reportId } = dataOf(await submit(ORG_X, c, away));
    await org(ADMIN, 'moveUnit', { unitId: away, parentId: A });
    const before = snapshot();
    // The report's stored path still runs through 示例县委; the unit no longer does.
    await refused(ORG_X, 'saveReport', { campaignId: c, askKey: 'plan', unitId: X, text: '汇总', submit: true, gathered: [reportId] }, 'INVALID_ARGUMENT', '汇总的报告');
    unchanged(before);
  });
});

describe('a unit moved after its task list was set up is managed from where it stands', () => {
  it('its list and items go to the organisers of its new place; a campaign it left counts it no more', async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    const moving = await newUnit(A, '搬迁党支部', 'branch');
    const { listId } = await ok<{ listId: string }>(ORG_A, 'createTaskList', { unitId: moving, kind: 'service', title: '搬迁支部实事清单' });
    // 黄丽 of 机关第一党支部 transfers to it and takes an item.
    await org(ADMIN, 'moveMember', { memberId: 'demo-member-06', unitId: moving });
    await ok(ORG_A, 'addTaskItem', { listId, title: '整修活动阵地', ownerMemberId: 'demo-member-06', deadlineDay: '2036-12-20' });
    await ok(ORG_A, 'closeTaskItem', { itemId: t.cloud.db.find(COLLECTIONS.taskItems).find((i) => i.listId === listId)?._id, text: '已整修完毕' });
    const c = await ok<{ campaignId: string }>(ORG_A, 'createCampaign', {
      unitId: A,
      title: '城区实事专项行动',
      stages: [{ key: 's1', name: '启动部署', startDay: '2036-12-01', endDay: '2036-12-31' }],
      attached: { taskLists: [listId] },
    });
    await org(ADMIN, 'moveUnit', { unitId: moving, parentId: B });
    const before = snapshot();
    await refused(ORG_A, 'getTaskList', { listId }, 'FORBIDDEN');
    await refused(ORG_A, 'updateTaskList', { listId, title: '改名', public: true }, 'FORBIDDEN');
    expect((await ok<{ items: Array<{ listId: string }> }>(ORG_A, 'listTaskLists', {})).items.map((l) => l.listId)).not.toContain(listId);
    unchanged(before);
    expect((await ok<{ items: Array<{ listId: string }> }>(ORG_B, 'listTaskLists', {})).items.map((l) => l.listId)).toContain(listId);
    await expect(ok<TaskListView>(ORG_B, 'getTaskList', { listId })).resolves.toMatchObject({ mayEdit: true });
    // The campaign of 城区党委 still names the list it attached, but counts nothing of a unit outside it.
    const seen = await ok<CampaignResponses['getCampaign']>(ORG_A, 'getCampaign', { campaignId: c.campaignId });
    expect(seen.activities.find((a) => a.id === listId)).toMatchObject({ done: 0, of: 0 });
  });
});

describe('one branch cannot reach another through any campaign action', () => {
  let c = '';
  beforeAll(async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    c = await newCampaign(ADMIN, 'org-demo', { asks: [PLAN, { key: 'final', kind: 'final', title: '专题报告', dueDay: '2036-12-20' }] });
  });

  it('seen from a unit outside the caller’s subtree: FORBIDDEN for every view, nothing written', async () => {
    const before = snapshot();
    for (const [action, extra] of [
      ['getCampaign', {}],
      ['reportStatus', { askKey: 'plan' }],
      ['remindReports', { askKey: 'plan' }],
      ['exportEvaluation', {}],
      ['draftStageReport', { stageKey: 's1' }],
    ] as const) {
      await refused(ORG_B, action, { campaignId: c, unitId: A, ...extra }, 'FORBIDDEN');
      await refused(ORG_B, action, { campaignId: c, unitId: X, ...extra }, 'FORBIDDEN');
    }
    // By default, from their own unit: only 郊区党委's subtree.
    const view = await ok<CampaignResponses['getCampaign']>(ORG_B, 'getCampaign', { campaignId: c });
    expect(view).toMatchObject({ mayEdit: false, seenFrom: { unitId: B } });
    const rows = (await ok<ReportStatusView>(ORG_B, 'reportStatus', { campaignId: c, askKey: 'plan' })).rows.map((r) => r.unitId);
    expect(rows).toContain('br-retired');
    for (const inA of [A, X, 'br-school']) expect(rows).not.toContain(inA);
    unchanged(before);
  });

  it('a sibling’s report is neither read, written, reviewed nor gathered', async () => {
    const school = dataOf(await submit(SCHOOL, c, 'br-school'));
    const retired = dataOf(await submit(RETIRED, c, 'br-retired'));
    const other = await newCampaign(ADMIN, 'org-demo');
    const foreign = dataOf(await submit(SCHOOL, other, 'br-school'));
    const before = snapshot();
    await refused(ORG_B, 'getReport', { campaignId: c, askKey: 'plan', unitId: 'br-school' }, 'NOT_FOUND');
    await refused(ORG_B, 'getReport', { campaignId: c, askKey: 'plan', unitId: X }, 'NOT_FOUND');
    await refused(ORG_B, 'saveReport', { campaignId: c, askKey: 'final', unitId: X, text: '冒名', submit: true }, 'FORBIDDEN');
    await refused(ORG_B, 'reviewReport', { reportId: school.reportId, decision: 'return', reason: '冒名退回' }, 'NOT_FOUND');
    // A unit's own report goes to the level above: its own organisers do not review it.
    await refused(RETIRED, 'reviewReport', { reportId: retired.reportId, decision: 'accept' }, 'FORBIDDEN');
    await refused(SCHOOL, 'reviewReport', { reportId: school.reportId, decision: 'accept' }, 'FORBIDDEN');
    // 示例县委 gathers what lies below it only: not 离退休干部党支部's, not its own, not another campaign's, not one unknown.
    for (const gathered of [[retired.reportId], [`${c}:plan:${X}`], [foreign.reportId], [`${c}:plan:br-nowhere`]]) {
      await refused(ORG_X, 'saveReport', { campaignId: c, askKey: 'plan', unitId: X, text: '汇总', submit: false, gathered }, 'INVALID_ARGUMENT', '汇总的报告');
    }
    unchanged(before);
    // Reviewed by 示例县委, the level above.
    await expect(ok(ORG_X, 'reviewReport', { reportId: school.reportId, decision: 'accept' })).resolves.toMatchObject({ state: 'accepted' });
  });

  it('assessments: never of one’s own unit, never of a sibling', async () => {
    const before = snapshot();
    await refused(ORG_X, 'saveAssessment', { campaignId: c, unitId: X, grade: 'excellent', text: '' }, 'FORBIDDEN', '不能评价本单位');
    await refused(ORG_B, 'saveAssessment', { campaignId: c, unitId: X, grade: 'poor', text: '' }, 'FORBIDDEN');
    await refused(ORG_B, 'saveAssessment', { campaignId: c, unitId: A, grade: 'poor', text: '' }, 'FORBIDDEN');
    await refused(ORG_B, 'saveAssessment', { campaignId: c, unitId: B, grade: 'excellent', text: '' }, 'FORBIDDEN', '不能评价本单位');
    unchanged(before);
    await expect(ok(ORG_A, 'saveAssessment', { campaignId: c, unitId: X, grade: 'good', text: '按时完成' })).resolves.toMatchObject({ unitId: X });
  });

  it('a payload claiming another identity is refused by name, before anything is read', async () => {
    const before = snapshot();
    await refused(ORG_B, 'getCampaign', { campaignId: c, openid: ADMIN }, 'INVALID_ARGUMENT', 'openid');
    await refused(ORG_B, 'saveReport', { campaignId: c, askKey: 'plan', unitId: X, text: '冒名', submit: true, memberId: 'demo-member-05' }, 'INVALID_ARGUMENT', 'memberId');
    unchanged(before);
  });

  it('activities of another organisation cannot be attached', async () => {
    await insertMany(t.db, COLLECTIONS.exams, [{ _id: 'exam-foreign', orgId: 'org-other', title: '外单位考试', audience: ['ALL'], status: 'published', opensAt: new Date(), closesAt: new Date() }]);
    const before = snapshot();
    await refused(
      ADMIN,
      'createCampaign',
      {
        unitId: 'org-demo',
        title: '关联外单位考试',
        stages: [{ key: 's1', name: '启动部署', startDay: '2036-12-01', endDay: '2036-12-31' }],
        attached: { exams: ['exam-foreign', 'exam-foreign'] },
      },
      'INVALID_ARGUMENT',
      '找不到所选考试',
    );
    unchanged(before);
  });
});

describe('answers carry no phone, no other owner, no member of another subtree', () => {
  it('an item’s owner who is a plain member sees their own item in full and the others by title only', async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    const { listId } = await ok<{ listId: string }>(RETIRED, 'createTaskList', { unitId: 'br-retired', kind: 'service', title: '上门服务清单' });
    const mine = (await ok<{ itemId: string }>(RETIRED, 'addTaskItem', { listId, title: '给老党员送学', ownerMemberId: WANG.id, deadlineDay: '2036-12-20' })).itemId;
    const theirs = (await ok<{ itemId: string }>(RETIRED, 'addTaskItem', { listId, title: '走访困难党员', detail: '住址：幸福路8号', ownerMemberId: ZHENG.id, deadlineDay: '2036-12-20' })).itemId;
    await ok(RETIRED, 'addTaskNote', { itemId: theirs, text: '已联系郑桂兰本人，电话约好时间' });
    const view = await ok<TaskListView>(MEMBER, 'getTaskList', { listId });
    const text = JSON.stringify(view);
    expect(view.items.find((i) => i.itemId === mine)).toMatchObject({ ownerName: '王秀英', mayUpdate: true, mayEdit: false });
    expect(view.items.find((i) => i.itemId === theirs)).toMatchObject({ ownerName: '', ownerMemberId: '', detail: '', notes: [], mayUpdate: false });
    for (const secret of ['郑桂兰', ZHENG.id, '幸福路', '电话约好', ...PHONES, 'demo-m-', 'openid']) expect(text).not.toContain(secret);
    // Not a task of theirs: no note, no close-out, no photo marking.
    const before = snapshot();
    await refused(MEMBER, 'addTaskNote', { itemId: theirs, text: '我来写一句' }, 'FORBIDDEN');
    await refused(MEMBER, 'closeTaskItem', { itemId: theirs, text: '我来办结' }, 'FORBIDDEN');
    await refused(MEMBER, 'reopenTaskItem', { itemId: mine, reason: '我想重开' }, 'FORBIDDEN');
    await refused(ORG_A, 'getTaskList', { listId }, 'FORBIDDEN');
    await refused(ORG_A, 'addTaskItem', { listId, title: '外来事项', ownerMemberId: WANG.id, deadlineDay: '2036-12-20' }, 'FORBIDDEN');
    // An owner from outside the list's unit is refused by name, whoever adds them.
    await refused(RETIRED, 'addTaskItem', { listId, title: '借调事项', ownerMemberId: 'demo-member-12', deadlineDay: '2036-12-20' }, 'INVALID_ARGUMENT', '负责人不在本单位名单中');
    unchanged(before);
  });

  it('the workbook names leaders to the organisers of the subtree, never a phone; report views carry none either', async () => {
    t.cloud.clock.set(beijing('2036-12-10', 10));
    const c = await newCampaign(ADMIN, 'org-demo', { stages: [{ key: 's1', name: '启动部署', startDay: '2036-12-01', endDay: '2036-12-08' }] });
    dataOf(await submit(SCHOOL, c, 'br-school'));
    const file = await ok<CampaignResponses['exportEvaluation']>(ORG_A, 'exportEvaluation', { campaignId: c });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await t.sdk.downloadFile({ fileID: file.fileID })).fileContent as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    const all = cells.join('\n');
    expect(all).toContain('李强'); // a leader of 实验中学党支部, inside 城区党委
    for (const secret of [...PHONES, 'demo-member-', 'demo-m-', '王秀英', '宋德明', '郊区党委']) expect(all).not.toContain(secret);
    for (const [action, payload] of [
      ['getCampaign', { campaignId: c }],
      ['reportStatus', { campaignId: c, askKey: 'plan' }],
      ['getReport', { campaignId: c, askKey: 'plan', unitId: 'br-school' }],
    ] as const) {
      const answer = JSON.stringify(await ok(ORG_A, action, payload));
      for (const secret of [...PHONES, 'demo-member-', 'demo-m-', 'openid']) expect(answer).not.toContain(secret);
    }
  });
});

describe('task items and their photos', () => {
  it('a photo is marked public only on its own item; another member’s upload or a made-up fileID is refused; duplicates are kept once', async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    const { listId } = await ok<{ listId: string }>(RETIRED, 'createTaskList', { unitId: 'br-retired', kind: 'duty', title: '责任清单', public: true });
    const first = (await ok<{ itemId: string }>(RETIRED, 'addTaskItem', { listId, title: '整理党员档案', ownerMemberId: WANG.id, deadlineDay: '2036-12-20' })).itemId;
    const second = (await ok<{ itemId: string }>(RETIRED, 'addTaskItem', { listId, title: '更新宣传栏', ownerMemberId: WANG.id, deadlineDay: '2036-12-20' })).itemId;
    const photo = await photoAs(MEMBER, 7);
    await ok(MEMBER, 'addTaskNote', { itemId: first, text: '档案整理了一半', photos: [photo, photo, photo] });
    const stored = t.cloud.db.find(COLLECTIONS.taskItems).find((i) => i._id === first) as unknown as { notes: Array<{ photos: unknown[] }> };
    expect(stored.notes[0].photos).toHaveLength(1);
    const before = snapshot();
    await refused(RETIRED, 'setPhotoPublic', { itemId: second, fileID: photo, public: true }, 'INVALID_ARGUMENT', '照片');
    await refused(ORG_A, 'setPhotoPublic', { itemId: first, fileID: photo, public: true }, 'FORBIDDEN');
    await refused(MEMBER, 'setPhotoPublic', { itemId: first, fileID: photo, public: true }, 'FORBIDDEN');
    const othersPhoto = await photoAs(RETIRED, 9);
    for (const fileID of [othersPhoto, 'not-a-cloud-file', 'cloud://env.bucket/uploads/photo/../../exports/x.png', `${photo}?x=1`]) {
      await refused(MEMBER, 'addTaskNote', { itemId: second, text: '借用别人的照片', photos: [fileID] }, 'INVALID_ARGUMENT', '照片');
    }
    unchanged(before);
    expect((await ok<{ items: Array<{ photos: unknown[] }> }>('authz-never-bound', 'publicTaskList', { listId })).items.flatMap((i) => i.photos)).toEqual([]);
  });
});

describe('odd input is never INTERNAL', () => {
  it('a campaign in the year 9999 is refused by name (its evaluation period ran past the last representable day)', async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    const before = snapshot();
    const res = await call(ADMIN, 'createCampaign', {
      unitId: 'org-demo',
      title: '万年专项行动',
      stages: [{ key: 's1', name: '启动部署', startDay: '2036-12-01', endDay: '9999-12-31' }],
    });
    if (res.ok) {
      // Taken as it was, its workbook's period ends the day after 9999-12-31, which is no day key.
      const exported = await call(ADMIN, 'exportEvaluation', { campaignId: (res.data as { campaignId: string }).campaignId });
      expect(exported.ok ? 'ok' : exported.code).not.toBe('INTERNAL');
    }
    expect(res).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    if (!res.ok) expect(res.message).toContain('启动部署');
    unchanged(before);
  });

  it('across a year’s end: due 12-31, sent at 23:59:59 is on time, at 00:00:00.5 of the new year late by a started minute', async () => {
    t.cloud.clock.set(beijing('2036-12-20', 10));
    const c = await newCampaign(ADMIN, 'org-demo', {
      stages: [{ key: 's1', name: '跨年阶段', startDay: '2036-12-20', endDay: '2037-01-10' }],
      asks: [{ ...PLAN, dueDay: '2036-12-31' }],
    });
    t.cloud.clock.set(beijing('2036-12-31', 23, 59, 59));
    expect(dataOf(await submit(SCHOOL, c, 'br-school')).lateMinutes).toBeNull();
    t.cloud.clock.set(beijing('2037-01-01', 0, 0, 0, 500));
    expect(dataOf(await submit(RETIRED, c, 'br-retired')).lateMinutes).toBe(1);
    const status = await ok<ReportStatusView>(ADMIN, 'reportStatus', { campaignId: c, askKey: 'plan' });
    expect(status.totals).toMatchObject({ submitted: 2, late: 1 });
    await expect(ok(ADMIN, 'exportEvaluation', { campaignId: c })).resolves.toMatchObject({ units: expect.any(Number) });
  });

  it('files: a fileID that is not cloud://, someone else’s upload, the same file twice — refused by name; 500 unknown gathered ids too', async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    const c = await newCampaign(ADMIN, 'org-demo');
    const fileID = await t.uploadAs(SCHOOL, 'campaign', 'document', '方案.pdf', PDF);
    const othersFile = await t.uploadAs(ORG_X, 'campaign', 'document', '县委方案.pdf', PDF);
    const before = snapshot();
    for (const files of [
      [{ fileID: 'https://example.com/a.pdf', name: '外链.pdf' }],
      [{ fileID: 'cloud://', name: '空.pdf' }],
      [{ fileID: othersFile, name: '县委方案.pdf' }],
      [
        { fileID, name: '方案.pdf' },
        { fileID, name: '方案副本.pdf' },
      ],
    ]) {
      await refused(SCHOOL, 'saveReport', { campaignId: c, askKey: 'plan', unitId: 'br-school', text: '方案', submit: false, files }, 'INVALID_ARGUMENT', '附件');
    }
    const gathered = Array.from({ length: 500 }, (_x, i) => `${c}:plan:unit${i}`);
    await refused(ORG_X, 'saveReport', { campaignId: c, askKey: 'plan', unitId: X, text: '汇总', submit: false, gathered }, 'INVALID_ARGUMENT', '汇总的报告');
    unchanged(before);
    // The same gathered report named twice is gathered once.
    const school = dataOf(await submit(SCHOOL, c, 'br-school', { files: [{ fileID, name: '方案.pdf' }] }));
    const county = dataOf(await submit(ORG_X, c, X, { gathered: [school.reportId, school.reportId] }));
    expect(t.cloud.db.find(COLLECTIONS.campaignReports).find((r) => r._id === county.reportId)).toMatchObject({ gathered: [school.reportId] });
  });

  it('a stage report’s key may equal a stage’s; a draft asked for an ask’s key is told the stage is unknown', async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    const c = await newCampaign(ADMIN, 'org-demo', {
      stages: [
        { key: 's1', name: '启动部署', startDay: '2036-12-01', endDay: '2036-12-05' },
        { key: 's2', name: '组织实施', startDay: '2036-12-05', endDay: '2036-12-20' },
      ],
      asks: [
        { key: 's1', kind: 'stage', stageKey: 's2', title: '阶段报告', dueDay: '2036-12-20' },
        { key: 'r9', kind: 'plan', title: '活动方案', dueDay: '2036-12-05' },
      ],
    });
    t.cloud.clock.set(beijing('2036-12-25', 10));
    await refused(ADMIN, 'draftStageReport', { campaignId: c, stageKey: 'r9' }, 'INVALID_ARGUMENT', '阶段');
    const rows = (await ok<ReportStatusView>(ADMIN, 'reportStatus', { campaignId: c, askKey: 's1' })).rows;
    expect(rows.length).toBeGreaterThan(0);
  });

  it('a closed unit owes nothing more; a unit deleted from under its report reads as not there', async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    const c = await newCampaign(ADMIN, 'org-demo');
    const closing = await newUnit(B, '撤销党支部', 'branch');
    const { reportId } = dataOf(await submit(ORG_B, c, closing));
    // Closed as closeUnit leaves it (its checks of open activities are the org context's own).
    await t.db.collection(COLLECTIONS.units).doc(closing).update({ data: { status: 'closed', closedAt: new Date() } });
    const before = snapshot();
    await refused(ORG_B, 'saveReport', { campaignId: c, askKey: 'plan', unitId: closing, text: '再交一次', submit: true, version: 1 }, ['INVALID_ARGUMENT', 'FAILED_PRECONDITION']);
    await refused(ORG_B, 'saveAssessment', { campaignId: c, unitId: closing, grade: 'fair', text: '' }, 'NOT_FOUND');
    expect((await ok<ReportStatusView>(ORG_B, 'reportStatus', { campaignId: c, askKey: 'plan' })).rows.map((r) => r.unitId)).not.toContain(closing);
    await t.db.collection(COLLECTIONS.units).doc(closing).remove();
    await refused(ORG_B, 'getReport', { campaignId: c, askKey: 'plan', unitId: closing }, 'NOT_FOUND');
    const review = await call(ADMIN, 'reviewReport', { reportId, decision: 'accept' });
    if (!review.ok) expect(review.code).not.toBe('INTERNAL');
    unchanged(before);
  });
});

describe('races settled by the database', () => {
  it('save against review: the reviewer’s decision stands, the stale save is refused', async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    const c = await newCampaign(ADMIN, 'org-demo');
    const { reportId, version } = dataOf(await submit(SCHOOL, c, 'br-school'));
    const [review, save] = await Promise.all([
      call(ORG_X, 'reviewReport', { reportId, decision: 'return', reason: '请补充' }),
      submit(SCHOOL, c, 'br-school', { text: '抢着改一版', version }),
    ]);
    expect(review).toMatchObject({ ok: true });
    expect(save.ok).toBe(false);
    if (!save.ok) expect(['CONFLICT', 'FAILED_PRECONDITION']).toContain(save.code);
    expect(t.cloud.db.find(COLLECTIONS.campaignReports).find((r) => r._id === reportId)).toMatchObject({ state: 'returned', version: 2, text: '按要求制定了本单位的活动方案。' });
  });

  it('close (no late reports) against saves: each save either lands before the close or is refused, nothing in between', async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    const c = await newCampaign(ADMIN, 'org-demo');
    const [close, ...saves] = await Promise.all([
      call(ADMIN, 'closeCampaign', { campaignId: c, acceptLate: false }),
      submit(SCHOOL, c, 'br-school'),
      submit(RETIRED, c, 'br-retired'),
      submit(ORG_X, c, X),
    ]);
    expect(close).toMatchObject({ ok: true });
    const stored = t.cloud.db.find(COLLECTIONS.campaignReports).filter((r) => r.campaignId === c);
    for (const s of saves) {
      if (s.ok) expect(stored.some((r) => r._id === s.data.reportId && r.state === 'submitted')).toBe(true);
      else expect(s.code).toBe('FAILED_PRECONDITION');
    }
    expect(stored).toHaveLength(saves.filter((s) => s.ok).length);
    // Once closed, every later save is refused.
    await refused(SCHOOL, 'saveReport', { campaignId: c, askKey: 'final', unitId: 'br-school', text: '迟到', submit: true }, ['FAILED_PRECONDITION', 'NOT_FOUND']);
  });

  it('reopen against close-out on a task item: the counters always equal the items', async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    const { listId } = await ok<{ listId: string }>(RETIRED, 'createTaskList', { unitId: 'br-retired', kind: 'problem', title: '问题清单' });
    const itemId = (await ok<{ itemId: string }>(RETIRED, 'addTaskItem', { listId, title: '修好活动室的灯', ownerMemberId: WANG.id, deadlineDay: '2036-12-10' })).itemId;
    await ok(MEMBER, 'closeTaskItem', { itemId, text: '灯已修好' });
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all([
        call(RETIRED, 'reopenTaskItem', { itemId, reason: '又坏了一盏' }),
        call(MEMBER, 'closeTaskItem', { itemId, text: '都修好了' }),
        call(RETIRED, 'reopenTaskItem', { itemId, reason: '还是不亮' }),
        call(MEMBER, 'closeTaskItem', { itemId, text: '确认修好' }),
      ]);
      for (const a of answers) if (!a.ok) expect(['FAILED_PRECONDITION', 'CONFLICT']).toContain(a.code);
      const item = t.cloud.db.find(COLLECTIONS.taskItems).find((i) => i._id === itemId) as unknown as { status: string; deadlineDay: string };
      const list = t.cloud.db.find(COLLECTIONS.taskLists).find((l) => l._id === listId) as unknown as { total: number; done: number; openByDeadline: Record<string, number> };
      const done = item.status === 'done' ? 1 : 0;
      expect([list.total, list.done, list.openByDeadline]).toEqual([1, done, done ? {} : { [item.deadlineDay]: 1 }]);
    }
  });
});

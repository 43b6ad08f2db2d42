// Campaign gaps (issue 18, docs/CAMPAIGNS.md): a written assessment is read back once saved — by
// the organisers of the level above on 报送情况's rows (修改评价 starts from it), and by the unit's
// own organisers as feedback on their unit (they may not write it); and an item's owner finds
// their task items (我负责的实事) without a link. The city (示例市直机关党委) has a county committee
// (示例县委) between it and two branches, as in campaign-reports.test.ts.
import type { AssessmentView, CampaignResponses, ReportStatusView } from '../../core/contracts/campaign';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

jest.setTimeout(120_000);

let t: TestCloud;
const beijing = (d: string, hh: number, mm = 0) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8, mm);

const CITY = 'demo-admin'; // 张伟, org admin: the city
const COUNTY = 'demo-m-03'; // 陈静, appointed organiser of the county committee
const SCHOOL = 'demo-organiser'; // 李强, 实验中学党支部
const RETIRED = 'demo-m-22'; // 宋德明, 离退休干部党支部
const MEMBER = 'demo-member'; // 王秀英, a plain member of 离退休干部党支部
let county = '';

const call = <T>(openid: string, action: string, payload: unknown) => t.call<T>(openid, 'campaign', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown) => dataOf(await call<T>(openid, action, payload));
async function refused(openid: string, action: string, payload: unknown, code: string, words?: string) {
  const res = await call(openid, action, payload);
  expect(res).toMatchObject({ ok: false, code });
  if (words && !res.ok) expect(res.message).toContain(words);
}

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(beijing('2036-12-01', 10));
  county = dataOf(await t.call<{ unit: { id: string } }>(CITY, 'org', 'createUnit', { parentId: 'org-demo', name: '示例县委', kind: 'committee' })).unit.id;
  for (const unitId of ['br-school', 'br-retired']) dataOf(await t.call(CITY, 'org', 'moveUnit', { unitId, parentId: county }));
  dataOf(await t.call(CITY, 'org', 'setMemberRole', { memberId: 'demo-member-03', role: 'unit_organiser', unitIds: [county] }));
}, 120_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('assessments are read back (报送情况)', () => {
  let c = '';
  const status = (openid: string, unitId?: string) => ok<ReportStatusView>(openid, 'reportStatus', { campaignId: c, askKey: 'plan', ...(unitId ? { unitId } : {}) });
  const rowOf = (s: ReportStatusView, unitId: string) => s.rows.find((r) => r.unitId === unitId);

  beforeAll(async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    c = (
      await ok<{ campaignId: string }>(CITY, 'createCampaign', {
        unitId: 'org-demo',
        title: '评价回看专项行动',
        stages: [{ key: 's1', name: '启动部署', startDay: '2036-12-01', endDay: '2036-12-31' }],
        asks: [{ key: 'plan', kind: 'plan', title: '活动方案', dueDay: '2036-12-05' }],
      })
    ).campaignId;
  });

  it('nothing assessed yet: every row and the unit seen answer null', async () => {
    const s = await status(CITY);
    expect(s.rows.length).toBe(4);
    expect(s.rows.every((r) => r.assessment === null)).toBe(true);
    expect(s.seenAssessment).toBeNull();
  });

  it('the level above reads on the row what it saved — grade, text, who and when — and a second save replaces it', async () => {
    t.cloud.clock.set(beijing('2036-12-06', 9, 30));
    await ok(CITY, 'saveAssessment', { campaignId: c, unitId: county, grade: 'good', text: '组织有力，方案具体' });
    await ok(COUNTY, 'saveAssessment', { campaignId: c, unitId: 'br-school', grade: 'excellent', text: '按时报送，活动扎实' });
    const city = await status(CITY);
    const first = rowOf(city, county)?.assessment;
    expect(first).toEqual<AssessmentView>({ grade: 'good', text: '组织有力，方案具体', byName: '张伟', at: expect.any(Number) });
    // The test clock runs on from where it was set.
    expect(Math.abs((first?.at ?? 0) - beijing('2036-12-06', 9, 30))).toBeLessThan(60_000);
    // The city sees the county's assessment of its branch too (it may review that row as well).
    expect(rowOf(city, 'br-school')).toMatchObject({ mayReview: true, assessment: { grade: 'excellent', byName: '陈静' } });
    expect(rowOf(city, 'br-retired')?.assessment).toBeNull();

    t.cloud.clock.set(beijing('2036-12-06', 11));
    await ok(CITY, 'saveAssessment', { campaignId: c, unitId: county, grade: null, text: '请加强对支部的指导' });
    const second = rowOf(await status(CITY), county)?.assessment;
    expect(second).toEqual<AssessmentView>({ grade: null, text: '请加强对支部的指导', byName: '张伟', at: expect.any(Number) });
    expect(Math.abs((second?.at ?? 0) - beijing('2036-12-06', 11))).toBeLessThan(60_000);
  });

  it('a unit’s own organisers read their unit’s assessment as feedback (seenAssessment), and may not write it', async () => {
    const own = await status(COUNTY);
    expect(own.seenAssessment).toMatchObject({ grade: null, text: '请加强对支部的指导', byName: '张伟' });
    // The county reviews its branches: their rows carry what it wrote.
    expect(rowOf(own, 'br-school')).toMatchObject({ mayReview: true, assessment: { grade: 'excellent', text: '按时报送，活动扎实' } });
    await refused(COUNTY, 'saveAssessment', { campaignId: c, unitId: county, grade: 'excellent', text: '自评优秀' }, 'FORBIDDEN', '不能评价本单位');
    // 李强 organises 实验中学党支部 only: no rows below it, its own assessment as feedback.
    const school = await status(SCHOOL);
    expect(school.rows).toEqual([]);
    expect(school.seenAssessment).toMatchObject({ grade: 'excellent', text: '按时报送，活动扎实', byName: '陈静' });
    await refused(SCHOOL, 'saveAssessment', { campaignId: c, unitId: 'br-school', grade: 'poor', text: '改成差' }, 'FORBIDDEN', '不能评价本单位');
    // The stored assessment is unchanged by the refusals.
    expect(rowOf(await status(CITY), 'br-school')?.assessment).toMatchObject({ grade: 'excellent', byName: '陈静' });
  });

  it('a sibling’s organisers and plain members read no other unit’s assessment', async () => {
    // 宋德明 (离退休干部党支部): their own unit, not yet assessed; the school's is not theirs to read.
    expect((await status(RETIRED)).seenAssessment).toBeNull();
    await refused(RETIRED, 'reportStatus', { campaignId: c, askKey: 'plan', unitId: 'br-school' }, 'FORBIDDEN');
    await refused(MEMBER, 'reportStatus', { campaignId: c, askKey: 'plan' }, 'FORBIDDEN');
  });

  it('reportStatus reads once more for the assessments (identity, campaign, units, reports, assessments) and writes nothing', async () => {
    const { result, stats } = await t.invoke(CITY, 'campaign', 'reportStatus', { campaignId: c, askKey: 'plan' });
    expect(dataOf(result as never)).toBeTruthy();
    expect([stats.reads, stats.writes]).toEqual([5, 0]);
  });
});

describe('我负责的实事: an owner finds their items (myTaskItems)', () => {
  const OWNER = 'demo-m-12'; // 马俊, a plain member of 实验中学党支部
  const OTHER_OWNER = 'demo-m-13'; // 朱敏, of the same branch
  let listId = '';
  const add = async (title: string, ownerMemberId: string, deadlineDay: string) =>
    (await ok<{ itemId: string }>(SCHOOL, 'addTaskItem', { listId, title, ownerMemberId, deadlineDay })).itemId;
  const mine = async (openid: string) => (await ok<CampaignResponses['myTaskItems']>(openid, 'myTaskItems', {})).items;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // 40 days back: an item done then has left the list by now.
    t.cloud.clock.set(beijing('2036-11-01', 10));
    listId = (await ok<{ listId: string }>(SCHOOL, 'createTaskList', { unitId: 'br-school', kind: 'service', title: '校园周边为民办实事', public: true })).listId;
    ids.old = await add('清理校门口小广告', 'demo-member-12', '2036-11-05');
    await ok(OWNER, 'closeTaskItem', { itemId: ids.old, text: '已清理干净' });
    t.cloud.clock.set(beijing('2036-12-10', 10));
    ids.lamp = await add('修好校门口的路灯', 'demo-member-12', '2036-12-25');
    ids.crossing = await add('上下学时段护学岗', 'demo-member-12', '2036-12-11');
    ids.bench = await add('社区活动室添置座椅', 'demo-member-12', '2036-12-31');
    await ok(OWNER, 'closeTaskItem', { itemId: ids.bench, text: '座椅已到位' });
    ids.others = await add('校园周边交通劝导', 'demo-member-13', '2036-12-20');
    // Three days on: 护学岗's deadline has passed.
    t.cloud.clock.set(beijing('2036-12-14', 9));
  });

  it('the owner sees their open items by deadline (overdue first), then the ones done lately — with list, unit and status', async () => {
    const items = await mine(OWNER);
    expect(items.map((i) => [i.title, i.status, i.overdue])).toEqual([
      ['上下学时段护学岗', 'todo', true],
      ['修好校门口的路灯', 'todo', false],
      ['社区活动室添置座椅', 'done', false],
    ]);
    expect(items[0]).toEqual({
      itemId: ids.crossing,
      listId,
      listTitle: '校园周边为民办实事',
      listKind: 'service',
      unitName: '实验中学党支部',
      title: '上下学时段护学岗',
      deadlineDay: '2036-12-11',
      status: 'todo',
      overdue: true,
      doneAt: null,
      doneLate: false,
    });
    expect(items[2]).toMatchObject({ itemId: ids.bench, doneAt: expect.any(Number), doneLate: false });
    // Each opens on the item page, which the owner may read (getTaskList: their items in full).
    const view = await ok<CampaignResponses['getTaskList']>(OWNER, 'getTaskList', { listId });
    expect(view.items.find((i) => i.itemId === ids.crossing)).toMatchObject({ mayUpdate: true, ownerName: '马俊' });
  });

  it('only the caller’s own items: another owner, a member with none, and an unbound caller', async () => {
    expect((await mine(OTHER_OWNER)).map((i) => i.itemId)).toEqual([ids.others]);
    expect(await mine(MEMBER)).toEqual([]);
    // The organiser who made the list owns none of its items: not his to list here.
    expect(await mine(SCHOOL)).toEqual([]);
    const unbound = await call('never-bound-gaps', 'myTaskItems', {});
    expect(unbound).toMatchObject({ ok: false });
    if (!unbound.ok) expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(unbound.code);
    // The payload takes nothing else (an owner is never named by the caller).
    await refused(OWNER, 'myTaskItems', { ownerMemberId: 'demo-member-13' }, 'INVALID_ARGUMENT');
  });

  it('follows the items: reopened comes back, a new owner takes it with them', async () => {
    await ok(SCHOOL, 'reopenTaskItem', { itemId: ids.old, reason: '群众反映问题没有解决' });
    expect((await mine(OWNER)).map((i) => i.itemId)).toContain(ids.old);
    const cur = (await ok<CampaignResponses['getTaskList']>(SCHOOL, 'getTaskList', { listId })).items.find((i) => i.itemId === ids.lamp);
    await ok(SCHOOL, 'updateTaskItem', { itemId: ids.lamp, version: cur?.version ?? 0, title: '修好校门口的路灯', ownerMemberId: 'demo-member-13', deadlineDay: '2036-12-25' });
    expect((await mine(OWNER)).map((i) => i.itemId)).not.toContain(ids.lamp);
    expect((await mine(OTHER_OWNER)).map((i) => i.itemId)).toEqual(expect.arrayContaining([ids.lamp, ids.others]));
  });

  it('reads: identity, the items, their lists and units — 4, no write; 2 when there is nothing', async () => {
    const some = await t.invoke(OWNER, 'campaign', 'myTaskItems', {});
    expect((dataOf(some.result as never) as CampaignResponses['myTaskItems']).items.length).toBeGreaterThan(0);
    expect([some.stats.reads, some.stats.writes]).toEqual([4, 0]);
    const none = await t.invoke(MEMBER, 'campaign', 'myTaskItems', {});
    expect([none.stats.reads, none.stats.writes]).toEqual([2, 0]);
  });
});

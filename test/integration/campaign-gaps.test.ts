// Campaign gaps (issue 18, docs/CAMPAIGNS.md): a written assessment is read back once saved — by
// the organisers of the level above on 报送情况's rows (修改评价 starts from it), and by the unit's
// own organisers as feedback on their unit (they may not write it); and an item's owner finds
// their task items (我负责的实事) without a link. The city (示例市直机关党委) has a county committee
// (示例县委) between it and two branches, as in campaign-reports.test.ts.
import type { AssessmentView, ReportStatusView } from '../../core/contracts/campaign';
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

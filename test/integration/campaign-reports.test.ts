// Reports owed upward (issue 18, docs/CAMPAIGNS.md "Reports"): the city (示例市直机关党委) asks its
// units below for a plan and a closing 专题报告; a county committee (示例县委) sits between the
// city and two branches. Each unit's report goes to its parent: on time, late (by how long),
// missing, returned with a reason and sent again, accepted; a county gathers its branches'.
// Refusals name the field and write nothing; races are settled by the database (Promise.all of
// real calls); the timer reminds once per unit, ask and day.
import type { CampaignResponses, ReportStatusView, ReportView } from '../../core/contracts/campaign';
import { COLLECTIONS } from '../../functions/lib/collections';
import { lateText } from '../../src/utils/campaign-format';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

jest.setTimeout(120_000);

let t: TestCloud;
const beijing = (d: string, hh: number, mm = 0) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8, mm);

const CITY = 'demo-admin'; // 张伟, org admin: the city
const COUNTY = 'demo-m-03'; // 陈静, appointed organiser of the county committee
const SCHOOL = 'demo-organiser'; // 李强, 实验中学党支部
const RETIRED = 'demo-m-22'; // 宋德明, 离退休干部党支部
const MEMBER = 'demo-member'; // 王秀英, a member
let county = '';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml')]);

const call = <T>(openid: string, action: string, payload: unknown) => t.call<T>(openid, 'campaign', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown) => dataOf(await call<T>(openid, action, payload));
async function refused(openid: string, action: string, payload: unknown, code: string, words?: string) {
  const res = await call(openid, action, payload);
  expect(res).toMatchObject({ ok: false, code });
  if (words && !res.ok) expect(res.message).toContain(words);
}
const reports = () => t.cloud.db.find(COLLECTIONS.campaignReports);
const stored = (campaignId: string) => JSON.stringify(reports().filter((r) => r.campaignId === campaignId));

let n = 0;
type AskInput = { key: string; kind: 'plan' | 'stage' | 'final'; title: string; dueDay: string; audience?: 'all' | 'children' };
const ASKS: AskInput[] = [
  { key: 'plan', kind: 'plan', title: '活动方案', dueDay: '2036-12-05' },
  { key: 'final', kind: 'final', title: '专题报告', dueDay: '2036-12-20' },
];
/** A campaign of the city over its whole tree, set up (and closed, when asked) through the actions. */
async function newCampaign(opts: { asks?: AskInput[]; close?: { acceptLate: boolean } } = {}): Promise<string> {
  const { campaignId } = dataOf(
    await t.call<{ campaignId: string }>(CITY, 'campaign', 'createCampaign', {
      unitId: 'org-demo',
      title: `作风建设专项行动${++n}`,
      description: '',
      stages: [{ key: 's1', name: '启动部署', startDay: '2036-12-01', endDay: '2036-12-31' }],
      asks: opts.asks ?? ASKS,
    }),
  );
  if (opts.close) dataOf(await t.call(CITY, 'campaign', 'closeCampaign', { campaignId, ...opts.close }));
  return campaignId;
}

const save = (openid: string, campaignId: string, unitId: string, extra: Record<string, unknown> = {}) =>
  call<CampaignResponses['saveReport']>(openid, 'saveReport', { campaignId, askKey: 'plan', unitId, text: '按要求制定了本单位的活动方案。', submit: true, ...extra });
const upload = (openid: string, name: string, bytes: Buffer) => t.uploadAs(openid, 'campaign', 'document', name, bytes);

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(beijing('2036-12-01', 10));
  // The county between the city and two of its branches; its organiser from the city's office.
  county = dataOf(await t.call<{ unit: { id: string } }>(CITY, 'org', 'createUnit', { parentId: 'org-demo', name: '示例县委', kind: 'committee' })).unit.id;
  for (const unitId of ['br-school', 'br-retired']) dataOf(await t.call(CITY, 'org', 'moveUnit', { unitId, parentId: county }));
  dataOf(await t.call(CITY, 'org', 'setMemberRole', { memberId: 'demo-member-03', role: 'unit_organiser', unitIds: [county] }));
}, 120_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('reports flow up the tree', () => {
  let c = '';
  beforeAll(async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    c = await newCampaign();
  });

  it('a branch sends its plan on time with an attachment; the city sees every unit owing it, pending first', async () => {
    const fileID = await upload(SCHOOL, '实验中学活动方案.pdf', PDF);
    const saved = dataOf(await save(SCHOOL, c, 'br-school', { files: [{ fileID, name: '实验中学活动方案.pdf' }] }));
    expect(saved).toMatchObject({ state: 'submitted', version: 1, lateMinutes: null });
    const status = await ok<ReportStatusView>(CITY, 'reportStatus', { campaignId: c, askKey: 'plan' });
    expect(status).toMatchObject({ askKey: 'plan', title: '活动方案', dueDay: '2036-12-05', closed: false });
    expect(status.rows.map((r) => [r.unitName, r.depth, r.state])).toEqual([
      ['机关第一党支部', 1, 'pending'],
      ['示例县委', 1, 'pending'],
      ['离退休干部党支部', 2, 'pending'],
      ['实验中学党支部', 2, 'submitted'],
    ]);
    expect(status.rows.find((r) => r.unitId === 'br-school')).toMatchObject({ fileCount: 1, lateMinutes: null, mayReview: true, parentUnitId: county });
    expect(status.totals).toEqual({ expected: 4, submitted: 1, late: 0, missing: 0, returned: 0, accepted: 0, pending: 3 });
    // The county's organiser reads the file it was sent, by a temporary link.
    const report = await ok<ReportView>(COUNTY, 'getReport', { campaignId: c, askKey: 'plan', unitId: 'br-school' });
    expect(report).toMatchObject({ state: 'submitted', unitName: '实验中学党支部', mayEdit: false, mayReview: true });
    expect(report.files).toEqual([expect.objectContaining({ fileID, name: '实验中学活动方案.pdf', ext: 'pdf', size: PDF.length, url: expect.stringMatching(/^https?:\/\//) })]);
  });

  it('after the due day: the county’s plan is late (晚交 2 天: due on the 5th, sent on the 7th), the others missing, late first', async () => {
    t.cloud.clock.set(beijing('2036-12-07', 9));
    const late = dataOf(await save(COUNTY, c, county));
    // From 2036-12-05 23:59:59.999 to 12-07 09:00: a day, 9 hours and a started minute.
    expect(late.lateMinutes).toBe(24 * 60 + 9 * 60 + 1);
    expect(lateText(late.lateMinutes)).toBe('晚交 2 天');
    const status = await ok<ReportStatusView>(CITY, 'reportStatus', { campaignId: c, askKey: 'plan' });
    expect(status.rows.map((r) => [r.unitName, r.state, r.lateMinutes])).toEqual([
      ['示例县委', 'submitted', 1981],
      ['机关第一党支部', 'missing', null],
      ['离退休干部党支部', 'missing', null],
      ['实验中学党支部', 'submitted', null],
    ]);
    expect(status.totals).toEqual({ expected: 4, submitted: 2, late: 1, missing: 2, returned: 0, accepted: 0, pending: 0 });
    // The county sees its own branches only; it may review both; not its own report (the city does).
    const below = await ok<ReportStatusView>(COUNTY, 'reportStatus', { campaignId: c, askKey: 'plan' });
    expect(below.rows.map((r) => [r.unitId, r.depth, r.mayReview])).toEqual([
      ['br-retired', 1, true],
      ['br-school', 1, true],
    ]);
    const own = await ok<ReportView>(COUNTY, 'getReport', { campaignId: c, askKey: 'plan', unitId: county });
    expect(own).toMatchObject({ state: 'submitted', lateMinutes: 1981, mayReview: false, mayEdit: false });
  });

  it('getCampaign’s top: totals per ask over the units below, and the county’s own reports owed upward', async () => {
    const city = await ok<CampaignResponses['getCampaign']>(CITY, 'getCampaign', { campaignId: c });
    expect(city.askTotals).toEqual([
      { askKey: 'plan', expected: 4, submitted: 2, late: 1, missing: 2, returned: 0, accepted: 0 },
      { askKey: 'final', expected: 4, submitted: 0, late: 0, missing: 0, returned: 0, accepted: 0 },
    ]);
    expect(city.ownReports).toEqual([]);
    const seenFromCounty = await ok<CampaignResponses['getCampaign']>(COUNTY, 'getCampaign', { campaignId: c });
    expect(seenFromCounty.askTotals[0]).toEqual({ askKey: 'plan', expected: 2, submitted: 1, late: 0, missing: 1, returned: 0, accepted: 0 });
    expect(seenFromCounty.ownReports).toEqual([
      { askKey: 'plan', state: 'submitted', dueDay: '2036-12-05', lateMinutes: 1981, reportId: `${c}:plan:${county}` },
      { askKey: 'final', state: 'none', dueDay: '2036-12-20', lateMinutes: null, reportId: null },
    ]);
  });

  it('returned with a reason, edited and sent again (keeping the lateness it came with), then accepted; each step in its history', async () => {
    const first = dataOf(await save(RETIRED, c, 'br-retired', { text: '初稿' }));
    expect(first.state).toBe('submitted');
    const reportId = first.reportId;
    await refused(COUNTY, 'reviewReport', { reportId, decision: 'return', reason: '  ' }, 'INVALID_ARGUMENT', '请填写退回原因');
    // The branch's own organiser does not review its own report.
    await refused(RETIRED, 'reviewReport', { reportId, decision: 'accept' }, 'FORBIDDEN');
    await refused(SCHOOL, 'reviewReport', { reportId, decision: 'accept' }, 'NOT_FOUND');
    await expect(ok(COUNTY, 'reviewReport', { reportId, decision: 'return', reason: '请补充党员参与情况' })).resolves.toEqual({ reportId, state: 'returned' });
    const row = (await ok<ReportStatusView>(COUNTY, 'reportStatus', { campaignId: c, askKey: 'plan' })).rows.find((r) => r.unitId === 'br-retired');
    expect(row).toMatchObject({ state: 'returned', returnedReason: '请补充党员参与情况' });
    const returned = await ok<ReportView>(RETIRED, 'getReport', { campaignId: c, askKey: 'plan', unitId: 'br-retired' });
    expect(returned).toMatchObject({ state: 'returned', mayEdit: true, mayReview: false, returnedReason: '请补充党员参与情况' });
    // A stale version is refused; the one read goes through. A draft keeps it returned.
    await refused(RETIRED, 'saveReport', { campaignId: c, askKey: 'plan', unitId: 'br-retired', text: '修改稿', submit: false, version: returned.version - 1 }, 'CONFLICT');
    const draft = dataOf(await save(RETIRED, c, 'br-retired', { text: '修改稿', submit: false, version: returned.version }));
    expect(draft.state).toBe('returned');
    t.cloud.clock.set(beijing('2036-12-08', 9));
    const again = dataOf(await save(RETIRED, c, 'br-retired', { text: '修改稿（补充了党员参与情况）', version: draft.version }));
    expect(again).toMatchObject({ state: 'submitted', lateMinutes: first.lateMinutes });
    await expect(ok(COUNTY, 'reviewReport', { reportId, decision: 'accept' })).resolves.toEqual({ reportId, state: 'accepted' });
    const done = await ok<ReportView>(COUNTY, 'getReport', { campaignId: c, askKey: 'plan', unitId: 'br-retired' });
    expect(done).toMatchObject({ state: 'accepted', text: '修改稿（补充了党员参与情况）', returnedReason: null });
    expect(done.history.map((h) => [h.action, h.by, h.reason])).toEqual([
      ['submitted', '宋德明', null],
      ['returned', '陈静', '请补充党员参与情况'],
      ['saved', '宋德明', null],
      ['submitted', '宋德明', null],
      ['accepted', '陈静', null],
    ]);
    // Sent and accepted: changed only after a return.
    await refused(RETIRED, 'saveReport', { campaignId: c, askKey: 'plan', unitId: 'br-retired', text: '再改', submit: true, version: done.version }, 'FAILED_PRECONDITION', '报告已报送，如需修改请联系上级退回');
    await refused(COUNTY, 'reviewReport', { reportId, decision: 'return', reason: '再看看' }, 'CONFLICT', '已经审核过了（已通过）');
    // A draft is not reviewed.
    await ok(SCHOOL, 'saveReport', { campaignId: c, askKey: 'final', unitId: 'br-school', text: '草稿', submit: false });
    await refused(COUNTY, 'reviewReport', { reportId: `${c}:final:br-school`, decision: 'accept' }, 'FAILED_PRECONDITION', '还没有报送');
  });

  it('the county gathers its two branches’ reports into its own; a report not sent, or not from below, is refused by name', async () => {
    const school = `${c}:plan:br-school`;
    const retired = `${c}:plan:br-retired`;
    t.cloud.clock.set(beijing('2036-12-10', 9));
    // The county's 专题报告 may gather its branches' plans (sent: submitted or accepted).
    const finalPayload = { campaignId: c, askKey: 'final', unitId: county, text: '县委专题报告', submit: false };
    const saved = await ok<CampaignResponses['saveReport']>(COUNTY, 'saveReport', { ...finalPayload, gathered: [school, retired] });
    const view = await ok<ReportView>(CITY, 'getReport', { campaignId: c, askKey: 'final', unitId: county });
    expect(view.gathered).toEqual([
      { reportId: school, unitName: '实验中学党支部', state: 'submitted' },
      { reportId: retired, unitName: '离退休干部党支部', state: 'accepted' },
    ]);
    expect(view).toMatchObject({ state: 'draft', mayEdit: true, mayReview: false });
    // A branch's draft cannot be gathered; nor the county's own report, nor one of a unit not below.
    // 实验中学's 专题报告 is a draft (saved in the test above).
    const before = stored(c);
    await refused(COUNTY, 'saveReport', { ...finalPayload, version: saved.version, gathered: [`${c}:final:br-school`] }, 'INVALID_ARGUMENT', '实验中学党支部的报告还没有报送');
    await refused(COUNTY, 'saveReport', { ...finalPayload, version: saved.version, gathered: [`${c}:plan:${county}`] }, 'INVALID_ARGUMENT', '汇总的报告');
    await refused(SCHOOL, 'saveReport', { campaignId: c, askKey: 'final', unitId: 'br-school', text: '草稿', submit: false, version: 1, gathered: [retired] }, 'INVALID_ARGUMENT', '汇总的报告');
    await refused(COUNTY, 'saveReport', { ...finalPayload, version: saved.version, gathered: [`${c}:plan:nope`] }, 'INVALID_ARGUMENT', '汇总的报告');
    expect(stored(c)).toBe(before);
  });
});

describe('refusals name the field and write nothing', () => {
  let c = '';
  beforeAll(async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    c = await newCampaign();
  });

  it('attachments: an .exe renamed .pdf (by its bytes), a docx called .pdf, 20 MB and a byte, another organiser’s upload', async () => {
    const exe = await upload(SCHOOL, '方案.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'));
    await refused(SCHOOL, 'saveReport', { campaignId: c, askKey: 'plan', unitId: 'br-school', text: '', submit: true, files: [{ fileID: exe, name: '方案.pdf' }] }, 'INVALID_ARGUMENT', '附件「方案.pdf」不是 PDF、Word、Excel 或图片');
    const docxAsPdf = await upload(SCHOOL, '总结.pdf', DOCX);
    await refused(SCHOOL, 'saveReport', { campaignId: c, askKey: 'plan', unitId: 'br-school', text: '', submit: true, files: [{ fileID: docxAsPdf, name: '总结.pdf' }] }, 'INVALID_ARGUMENT', '不是 PDF、Word、Excel 或图片');
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big);
    const tooBig = await upload(SCHOOL, '大文件.pdf', big);
    await refused(SCHOOL, 'saveReport', { campaignId: c, askKey: 'plan', unitId: 'br-school', text: '', submit: true, files: [{ fileID: tooBig, name: '大文件.pdf' }] }, 'INVALID_ARGUMENT', '附件「大文件.pdf」超过 20 MB');
    const theirs = await upload(COUNTY, '县委文件.pdf', PDF);
    await refused(SCHOOL, 'saveReport', { campaignId: c, askKey: 'plan', unitId: 'br-school', text: '', submit: true, files: [{ fileID: theirs, name: '县委文件.pdf' }] }, 'INVALID_ARGUMENT', '附件「县委文件.pdf」找不到');
    // A file of exactly 20 MB, of the kind its name says, is taken (with the others kept out).
    const exact = Buffer.alloc(20 * 1024 * 1024, 0x20);
    DOCX.copy(exact);
    const fits = await upload(SCHOOL, '刚好.docx', exact);
    expect(reports().filter((r) => r.campaignId === c)).toEqual([]);
    const saved = dataOf(await save(SCHOOL, c, 'br-school', { submit: false, files: [{ fileID: fits, name: '刚好.docx' }] }));
    expect(reports().find((r) => r._id === saved.reportId)).toMatchObject({ files: [{ fileID: fits, name: '刚好.docx', size: 20 * 1024 * 1024, ext: 'docx' }] });
  });

  it('upload tickets: documents for organisers only, and only pdf, Word, Excel or pictures; task photos for any bound member', async () => {
    await refused(SCHOOL, 'uploadTicket', { purpose: 'document', name: 'virus.exe' }, 'INVALID_ARGUMENT', '附件只能是 PDF、Word、Excel 或图片');
    await refused(MEMBER, 'uploadTicket', { purpose: 'document', name: '方案.pdf' }, 'FORBIDDEN');
    await refused('never-bound-openid', 'uploadTicket', { purpose: 'photo', name: 'p.png' }, 'UNAUTHENTICATED');
    await expect(ok<{ cloudPath: string }>(MEMBER, 'uploadTicket', { purpose: 'photo', name: 'p.png' })).resolves.toMatchObject({ cloudPath: expect.stringMatching(/^uploads\/photo\//) });
    const { cloudPath } = await ok<{ cloudPath: string }>(SCHOOL, 'uploadTicket', { purpose: 'document', name: '方案.DOCX' });
    expect(cloudPath).toMatch(/^uploads\/document\/[0-9a-f]{32}-[0-9a-f]{32}\/file\.docx$/);
  });

  it('a unit that does not owe the ask, an unknown ask, someone else’s unit: refused', async () => {
    await refused(CITY, 'saveReport', { campaignId: c, askKey: 'plan', unitId: 'org-demo', text: '', submit: true }, 'INVALID_ARGUMENT', '不需要报送「活动方案」');
    await refused(SCHOOL, 'saveReport', { campaignId: c, askKey: 'nope', unitId: 'br-school', text: '', submit: true }, 'NOT_FOUND');
    await refused(SCHOOL, 'saveReport', { campaignId: c, askKey: 'plan', unitId: 'br-retired', text: '', submit: true }, 'FORBIDDEN');
    await refused(MEMBER, 'saveReport', { campaignId: c, askKey: 'plan', unitId: 'br-retired', text: '', submit: true }, 'FORBIDDEN');
    expect(reports().filter((r) => r.campaignId === c && r.unitId !== 'br-school')).toEqual([]);
  });

  it('a branch organiser cannot read a sibling branch’s report or status', async () => {
    await save(RETIRED, c, 'br-retired');
    await refused(SCHOOL, 'getReport', { campaignId: c, askKey: 'plan', unitId: 'br-retired' }, 'NOT_FOUND');
    await refused(SCHOOL, 'reportStatus', { campaignId: c, askKey: 'plan', unitId: 'br-retired' }, 'FORBIDDEN');
    await refused(SCHOOL, 'reportStatus', { campaignId: c, askKey: 'plan', unitId: county }, 'FORBIDDEN');
    await refused(MEMBER, 'reportStatus', { campaignId: c, askKey: 'plan' }, 'FORBIDDEN');
    const own = await ok<ReportStatusView>(SCHOOL, 'reportStatus', { campaignId: c, askKey: 'plan' });
    expect(own.rows).toEqual([]);
  });

  it('closed with acceptLate false: refused, nothing written; closed taking late reports: taken and marked late from the close', async () => {
    const shut = await newCampaign({ close: { acceptLate: false } });
    const before = stored(shut);
    await refused(SCHOOL, 'saveReport', { campaignId: shut, askKey: 'plan', unitId: 'br-school', text: '', submit: true }, 'FAILED_PRECONDITION', '本次专项行动已停止接收报告');
    await refused(SCHOOL, 'saveReport', { campaignId: shut, askKey: 'plan', unitId: 'br-school', text: '', submit: false }, 'FAILED_PRECONDITION', '本次专项行动已停止接收报告');
    expect(stored(shut)).toBe(before);
    expect(reports().filter((r) => r.campaignId === shut)).toEqual([]);
    t.cloud.clock.set(beijing('2036-12-02', 8) + 30_000); // closed at 08:00:30
    const lenient = await newCampaign({ close: { acceptLate: true } });
    t.cloud.clock.set(beijing('2036-12-02', 10));
    // Before the due day, yet after the close: late by the (started) minutes since.
    await expect(save(SCHOOL, lenient, 'br-school').then(dataOf)).resolves.toMatchObject({ state: 'submitted', lateMinutes: 120 });
    const status = await ok<ReportStatusView>(CITY, 'reportStatus', { campaignId: lenient, askKey: 'plan' });
    expect(status).toMatchObject({ closed: true, totals: { expected: 4, submitted: 1, late: 1, missing: 3, pending: 0 } });
  });
});

describe('races settled by the database', () => {
  it('two organisers saving a unit’s first report at once: one wins, the other is told to reload', async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    const c = await newCampaign();
    const [a, b] = await Promise.all([save(SCHOOL, c, 'br-school', { text: '李强写的', submit: false }), save(COUNTY, c, 'br-school', { text: '陈静写的', submit: false })]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const lost = [a, b].find((r) => !r.ok);
    expect(lost).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(reports().filter((r) => r.campaignId === c)).toHaveLength(1);
    expect(reports().find((r) => r.campaignId === c)).toMatchObject({ version: 1, state: 'draft', history: [expect.objectContaining({ action: 'saved' })] });
  });

  it('two reviewers at once: one decides, the other gets CONFLICT', async () => {
    const c = await newCampaign();
    const { reportId } = dataOf(await save(RETIRED, c, 'br-retired'));
    const [a, b] = await Promise.all([
      call(COUNTY, 'reviewReport', { reportId, decision: 'accept' }),
      call(CITY, 'reviewReport', { reportId, decision: 'return', reason: '格式不对' }),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT' });
    const doc = reports().find((r) => r._id === reportId) as { history: unknown[]; version: number };
    expect(doc.history).toHaveLength(2);
    expect(doc.version).toBe(2);
  });
});

describe('database operations per call', () => {
  it('save: 4 reads and 1 write (first or later); review: 4 reads and 1 write; a report: 4 reads', async () => {
    t.cloud.clock.set(beijing('2036-12-01', 10));
    const c = await newCampaign();
    const payload = { campaignId: c, askKey: 'plan', unitId: 'br-school', text: '方案', submit: false };
    // identity, campaign, unit, report | the insert
    const first = await t.invoke(SCHOOL, 'campaign', 'saveReport', payload);
    expect([first.stats.reads, first.stats.writes]).toEqual([4, 1]);
    // identity, campaign, unit, report | the conditional update
    const second = await t.invoke(SCHOOL, 'campaign', 'saveReport', { ...payload, submit: true, version: 1 });
    expect([second.stats.reads, second.stats.writes]).toEqual([4, 1]);
    // identity, report, unit, campaign (the unit still in it) | the conditional update
    const review = await t.invoke(COUNTY, 'campaign', 'reviewReport', { reportId: `${c}:plan:br-school`, decision: 'accept' });
    expect(review.result).toMatchObject({ ok: true });
    expect([review.stats.reads, review.stats.writes]).toEqual([4, 1]);
    // identity, campaign, unit, report (no file, nothing gathered)
    const read = await t.invoke(COUNTY, 'campaign', 'getReport', { campaignId: c, askKey: 'plan', unitId: 'br-school' });
    expect([read.stats.reads, read.stats.writes]).toEqual([4, 0]);
  });
});

describe('reminders of reports not sent', () => {
  const timer = () => t.cloud.invoke('campaign', { Type: 'Timer', TriggerName: 'reportReminders' }, { openid: '' });
  const outbox = (c: string) =>
    t.cloud
      .openapiCalls()
      .filter((x) => x.api === 'subscribeMessage.send' && String((x.params as { page: string }).page).startsWith(`subpackages/campaign-admin/report?id=${c}&ask=`))
      .map((x) => [(x.params as { touser: string }).touser, /[?&]unit=([^&]+)/.exec((x.params as { page: string }).page)?.[1]]);

  it('the timer reminds the organisers holding a credit of each unit not sent, 3 days and 1 day before, once a day however often it runs', async () => {
    t.cloud.clock.set(beijing('2036-11-28', 9));
    const c = await newCampaign({ asks: [{ key: 'plan', kind: 'plan', title: '活动方案', dueDay: '2036-12-01' }] });
    for (const who of [SCHOOL, SCHOOL, RETIRED, RETIRED]) dataOf(await t.call(who, 'org', 'grantReminders', { topics: ['campaign'] }));
    // 3 days before: the two branches' organisers (credits); the county's has none; 机关第一党支部 has no unit organiser.
    const runs = await Promise.all([timer(), timer()]);
    for (const r of runs) expect(r.result).toMatchObject({ ok: true });
    expect(outbox(c).sort()).toEqual([[RETIRED, 'br-retired'], [SCHOOL, 'br-school']]);
    const again = (await timer()).result as { ok: true; data: { reminded: number; noCredit: number; noOrganiser: number; units: number } };
    expect(again.data).toMatchObject({ units: 4, reminded: 2, noCredit: 1, noOrganiser: 1, done: true });
    expect(outbox(c)).toHaveLength(2);
    expect(t.cloud.db.find(COLLECTIONS.campaignReminders).filter((m) => m.campaignId === c).map((m) => m._id).sort()).toEqual([
      `${c}:plan:br-retired:2036-11-28`,
      `${c}:plan:br-school:2036-11-28`,
    ]);
    // 2 days before: no reminder day.
    t.cloud.clock.set(beijing('2036-11-29', 9));
    await timer();
    expect(outbox(c)).toHaveLength(2);
    // The day before: only the unit still owing it.
    await save(SCHOOL, c, 'br-school');
    t.cloud.clock.set(beijing('2036-11-30', 9));
    await timer();
    await timer();
    expect(outbox(c).sort()).toEqual([[RETIRED, 'br-retired'], [RETIRED, 'br-retired'], [SCHOOL, 'br-school']]);
  });

  it('an organiser’s 提醒未报送 answers honestly and shares the day’s reminder with the timer', async () => {
    t.cloud.clock.set(beijing('2036-12-03', 10));
    const c = await newCampaign();
    dataOf(await t.call(RETIRED, 'org', 'grantReminders', { topics: ['campaign'] }));
    // 李强 kept one credit from before; 陈静 (the county) holds none; 机关第一党支部 has no unit organiser.
    await expect(ok(CITY, 'remindReports', { campaignId: c, askKey: 'plan' })).resolves.toEqual({ units: 4, reminded: 2, noCredit: 1, noOrganiser: 1 });
    expect(outbox(c).sort()).toEqual([[RETIRED, 'br-retired'], [SCHOOL, 'br-school']]);
    // Again the same day (by anyone): nothing sent twice, still said reminded today.
    await expect(ok(COUNTY, 'remindReports', { campaignId: c, askKey: 'plan' })).resolves.toEqual({ units: 2, reminded: 2, noCredit: 0, noOrganiser: 0 });
    expect(outbox(c)).toHaveLength(2);
    await refused(SCHOOL, 'remindReports', { campaignId: c, askKey: 'plan', unitId: 'br-retired' }, 'FORBIDDEN');
    await refused(MEMBER, 'remindReports', { campaignId: c, askKey: 'plan' }, 'FORBIDDEN');
  });
});

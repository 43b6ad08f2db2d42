// Who reads and closes members' error reports (纠错) on exam questions (docs/SECURITY.md): an org
// admin, all of the organisation's; a unit organiser, those filed on exams owned by units of their
// subtrees (every unit the exam targets lies in them). A report on an org-wide exam is the org
// admin's. Issue 14, item 11: any organiser used to read and close every branch's reports.
import type { AttemptView, ExamDraftInput } from '../../core/contracts/exam';
import { correctAnswers } from '../../scripts/lib/demo-exams';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const MIN = 60_000;
// A fixed "now" in the middle of a Beijing working day.
const T0 = Date.UTC(2026, 10, 24, 2, 0, 0);

const ADMIN = 'demo-admin';
const SCHOOL_ORGANISER = 'demo-organiser'; // branch organiser of br-school
const RETIRED_ORGANISER = 'demo-m-22'; // branch organiser of br-retired
const SCHOOL_MEMBER = 'demo-m-12';
const RETIRED_MEMBER = 'demo-m-25';

const exam = <T>(openid: string, action: string, payload: unknown = {}) => t.call<T>(openid, 'exam', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await exam<T>(openid, action, payload));

interface ReportItem {
  id: string;
  questionId: string;
  note: string;
  status: string;
}
const listed = async (openid: string, status: 'open' | 'closed' = 'open') =>
  (await ok<{ items: ReportItem[] }>(openid, 'listQuestionReports', { status })).items.map((r) => r.id).sort();

let qid: string;
const reports = { school: '', retired: '', orgWide: '' };

async function publish(draft: Pick<ExamDraftInput, 'title' | 'unitIds'>, by: string): Promise<string> {
  const now = t.cloud.clock.now();
  const exam = { durationMinutes: 20, passScore: 1, opensAt: now - MIN, closesAt: now + 30 * MIN, paper: { mode: 'fixed', questionIds: [qid] }, ...draft };
  const saved = await ok<{ id: string }>(by, 'saveExam', { exam });
  await ok(by, 'publishExam', { examId: saved.id });
  return saved.id;
}

async function submit(openid: string, examId: string): Promise<string> {
  const view = await ok<AttemptView>(openid, 'startExam', { examId });
  await ok(openid, 'submitAttempt', { attemptId: view.attemptId, answers: correctAnswers(t.cloud.db, view.attemptId) });
  return view.attemptId;
}

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
  await ok(ADMIN, 'installSeedBank');
  qid = (t.cloud.db.find('questions', { type: 'single' }) as Array<{ _id: string }>).map((d) => d._id).sort()[0];
  // Each branch's own exam, published by its organiser, and an org-wide one by the admin.
  const school = await publish({ title: '实验中学支部小测', unitIds: ['br-school'] }, SCHOOL_ORGANISER);
  const retired = await publish({ title: '离退休支部小测', unitIds: ['br-retired'] }, RETIRED_ORGANISER);
  const orgWide = await publish({ title: '全体党员测试', unitIds: [] }, ADMIN);
  const attempts = {
    school: await submit(SCHOOL_MEMBER, school),
    retired: await submit(RETIRED_MEMBER, retired),
    // One report per member and question: the org-wide one comes from another school member.
    orgWide: await submit('demo-m-13', orgWide),
  };
  // After the windows close the reviews are out and the members report errors.
  t.cloud.clock.set(T0 + 31 * MIN);
  reports.school = (await ok<{ reportId: string }>(SCHOOL_MEMBER, 'reportQuestion', { attemptId: attempts.school, qid, note: '选项B有错别字' })).reportId;
  reports.retired = (await ok<{ reportId: string }>(RETIRED_MEMBER, 'reportQuestion', { attemptId: attempts.retired, qid, note: '答案应为C' })).reportId;
  reports.orgWide = (await ok<{ reportId: string }>('demo-m-13', 'reportQuestion', { attemptId: attempts.orgWide, qid, note: '解析不完整' })).reportId;
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const storedReport = (id: string) => t.cloud.db.get('questionReports', id);
const openReports = () => (t.cloud.db.get('questions', qid) as { openReports: number }).openReports;

describe('question reports of other branches (issue 14, item 11)', () => {
  it('GIVEN reports of two branches and an org-wide exam THEN each branch organiser lists only their own branch’s, the org admin all', async () => {
    expect(await listed(SCHOOL_ORGANISER)).toEqual([reports.school]);
    expect(await listed(RETIRED_ORGANISER)).toEqual([reports.retired]);
    expect(await listed(ADMIN)).toEqual([reports.school, reports.retired, reports.orgWide].sort());
  });

  it('GIVEN the school organiser WHEN they close the retired branch’s report or the org-wide one THEN refused and nothing changes', async () => {
    for (const id of [reports.retired, reports.orgWide]) {
      const before = storedReport(id);
      const count = openReports();
      const res = await exam(SCHOOL_ORGANISER, 'resolveQuestionReport', { reportId: id, resolution: 'dismissed', reply: '已核对，题目无误' });
      expect(res).toMatchObject({ ok: false, code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) });
      expect(storedReport(id)).toEqual(before);
      expect(openReports()).toBe(count);
    }
    expect(await listed(SCHOOL_ORGANISER, 'closed')).toEqual([]);
  });

  it('GIVEN the retired branch’s organiser THEN they close their report, and the org admin the org-wide one', async () => {
    const count = openReports();
    await ok(RETIRED_ORGANISER, 'resolveQuestionReport', { reportId: reports.retired, resolution: 'fixed', reply: '已更正答案' });
    expect(storedReport(reports.retired)).toMatchObject({ status: 'fixed', reply: '已更正答案' });
    await ok(ADMIN, 'resolveQuestionReport', { reportId: reports.orgWide, resolution: 'dismissed', reply: '解析已补充' });
    expect(storedReport(reports.orgWide)).toMatchObject({ status: 'dismissed' });
    expect(openReports()).toBe(count - 2);
    // The closed tab follows the same rule.
    expect(await listed(RETIRED_ORGANISER, 'closed')).toEqual([reports.retired]);
    expect(await listed(SCHOOL_ORGANISER, 'closed')).toEqual([]);
    expect(await listed(ADMIN, 'closed')).toEqual([reports.retired, reports.orgWide].sort());
  });

  it('GIVEN the school organiser THEN they close their own branch’s report', async () => {
    await ok(SCHOOL_ORGANISER, 'resolveQuestionReport', { reportId: reports.school, resolution: 'dismissed', reply: '已核对' });
    expect(storedReport(reports.school)).toMatchObject({ status: 'dismissed' });
    expect(await listed(SCHOOL_ORGANISER)).toEqual([]);
  });
});

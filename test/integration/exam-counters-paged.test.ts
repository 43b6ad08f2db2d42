// An exam's counters (one document per exam and branch) read whole when they pass the 1,000
// documents one read returns, against the local cloud:
// - 考试管理's list (listManagedExams) reads the counters of a page of 20 exams at once: 20 exams
//   of 60 branches each are already 1,200 documents, and every exam's hand-ins must be counted;
// - an org-wide exam of an organisation of more than 1,000 branches: its statistics (examStats)
//   count every branch, and so does the list's row of it.
// The demo organisation is given 1,200 more branches, inserted directly into the store as the
// org import would write them, and the exams' counters of those branches are inserted as the
// branches' takers would have moved them (through the function that would take many minutes).
// The exams themselves are saved and published through the real functions.
import type { ExamStatsView, ManagedExamRow } from '../../core/contracts/exam';
import type { Page } from '../../core/contracts/common';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const MIN = 60_000;
const T0 = Date.UTC(2036, 8, 9, 2, 0, 0);
const ADMIN = 'demo-admin'; // org_admin of org-demo
const ROOT = 'org-demo';

const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await t.call<T>(openid, 'exam', action, payload));

const branches = Array.from({ length: 1200 }, (_, i) => `big-b${String(i).padStart(4, '0')}`);
/** Hand-ins of branch i in the 20 exams of 60 branches (1 to 3) and in the org-wide exam (1 to 4). */
const pageExamSubmitted = (i: number) => 1 + (i % 3);
const wideSubmitted = (i: number) => 1 + (i % 4);

let wide = '';
const pageExams: string[] = [];

function counter(examId: string, unitId: string, submitted: number): Record<string, unknown> {
  const hist: Record<string, number> = {};
  for (let b = 0; b < 10; b++) hist[`b${b}`] = 0;
  hist.b9 = submitted;
  return { _id: `${examId}_${unitId}`, examId, unitId, orgId: ROOT, invited: 0, started: submitted, submitted, passed: submitted, failed: 0, flagged: 0, scoreSum: 10 * submitted, secondsSum: 60 * submitted, hist, q: {} };
}

async function publish(title: string, at: number): Promise<string> {
  t.cloud.clock.set(at);
  const paper = { mode: 'rules', rules: [{ type: 'single', tag: null, count: 5 }] };
  const saved = await ok<{ id: string }>(ADMIN, 'saveExam', {
    exam: { title, unitIds: [], opensAt: T0 - MIN, closesAt: T0 + 24 * 60 * MIN, durationMinutes: 20, paper, passScore: 6 },
  });
  await ok(ADMIN, 'publishExam', { examId: saved.id });
  return saved.id;
}

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
  await ok(ADMIN, 'installSeedBank');
  // The org-wide exam first (oldest: the list's second page), then the 20 of the first page.
  wide = await publish('全员党章测试', T0);
  for (let k = 0; k < 20; k++) pageExams.push(await publish(`第${k + 1}期学习测试`, T0 + (k + 1) * 1000));
  t.cloud.clock.set(T0 + MIN);
  branches.forEach((id, i) =>
    t.cloud.db.insert('units', {
      _id: id,
      kind: 'branch',
      name: `第${i + 1}党支部`,
      parentId: ROOT,
      path: [ROOT, id],
      order: 100 + i,
      orgId: ROOT,
      inviteCode: null,
      memberCount: 5,
      boundCount: 5,
      status: 'active',
      closedAt: null,
      createdAt: new Date(T0 - 24 * 60 * MIN),
    }),
  );
  // Exam k's takers are in branches 60k … 60k+59; the org-wide exam's in all 1,200.
  pageExams.forEach((examId, k) => {
    for (let i = 60 * k; i < 60 * (k + 1); i++) t.cloud.db.insert('examStats', counter(examId, branches[i], pageExamSubmitted(i)));
  });
  branches.forEach((id, i) => t.cloud.db.insert('examStats', counter(wide, id, wideSubmitted(i))));
}, 120_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

const expectedOf = (examId: string): number => {
  if (examId === wide) return branches.reduce((n, _b, i) => n + wideSubmitted(i), 0);
  const k = pageExams.indexOf(examId);
  let n = 0;
  for (let i = 60 * k; i < 60 * (k + 1); i++) n += pageExamSubmitted(i);
  return n;
};

describe('exam counters past 1,000 documents', () => {
  it('考试管理 lists each of a page of 20 exams of 60 branches (1,200 counters) with all its hand-ins, and the org-wide exam on the next page with all 1,200 branches’', async () => {
    const first = await t.invoke(ADMIN, 'exam', 'listManagedExams', {});
    expect(first.result).toMatchObject({ ok: true });
    const page1 = (first.result as { data: Page<ManagedExamRow> }).data;
    expect(page1.items.map((r) => r.id)).toEqual([...pageExams].reverse());
    expect(page1.items.filter((r) => r.submitted !== expectedOf(r.id)).map((r) => `${r.title} ${r.submitted}/${expectedOf(r.id)}`)).toEqual([]);
    // identity 1, the organisation's 1,200+ units 2 pages, the exams 1, the page's 1,280 counters
    // (1,200 and the demo branches' 4 × 20) 2 pages
    expect([first.stats.reads, first.stats.writes]).toEqual([6, 0]);

    const page2 = await ok<Page<ManagedExamRow>>(ADMIN, 'listManagedExams', { cursor: page1.nextCursor });
    const row = page2.items.find((r) => r.id === wide);
    expect(row).toMatchObject({ title: '全员党章测试', submitted: expectedOf(wide) });
  }, 60_000);

  it('the org-wide exam’s statistics count every one of the 1,200 branches, in two pages of counters', async () => {
    const { result, stats } = await t.invoke(ADMIN, 'exam', 'examStats', { examId: wide });
    expect(result).toMatchObject({ ok: true });
    const view = (result as { data: ExamStatsView }).data;
    const total = expectedOf(wide);
    expect(view.overall).toMatchObject({ submitted: total, passed: total, started: total });
    const byUnit = new Map(view.units.map((u) => [u.unitId, u]));
    expect(branches.filter((id, i) => byUnit.get(id)?.submitted !== wideSubmitted(i))).toEqual([]);
    // identity 1, exam 1, the 1,200+ branches 2 pages, the 1,200+ counters 2 pages, pool 1 (no question
    // answered in these counters: no read of the pinned questions)
    expect([stats.reads, stats.writes]).toEqual([7, 0]);
  }, 60_000);

  it('the monitor of the org-wide exam counts the hand-ins of every branch too', async () => {
    const monitor = await ok<{ submitted: number }>(ADMIN, 'examMonitor', { examId: wide });
    expect(monitor.submitted).toBe(expectedOf(wide));
  }, 60_000);
});

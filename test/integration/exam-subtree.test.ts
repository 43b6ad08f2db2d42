// Exams on a tree deeper than organisation → branch: an exam for a middle unit reaches the members
// of every branch below it, and the organiser of that middle unit sees, edits and reads the
// statistics of exactly the exams and units of their subtree.
import type { ExamCard, ExamStatsView, ManagedExamRow } from '../../core/contracts/exam';
import type { Page } from '../../core/contracts/common';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(async () => {
  await t?.close();
});

const ADMIN = 'demo-admin';
const MID_ORGANISER = 'demo-m-03'; // 陈静, moved into the middle unit and appointed its organiser
const ok = async <T>(openid: string, fn: 'org' | 'exam', action: string, payload: unknown = {}) => dataOf(await t.call<T>(openid, fn, action, payload));

const paper = { mode: 'rules', rules: [{ type: 'single', tag: null, count: 5 }] };
async function publish(title: string, unitIds: string[], openid = ADMIN): Promise<string> {
  const now = Date.now();
  const saved = await ok<{ id: string }>(openid, 'exam', 'saveExam', {
    exam: { title, unitIds, opensAt: now - 60_000, closesAt: now + 3_600_000, durationMinutes: 20, paper, passScore: 6 },
  });
  await ok(openid, 'exam', 'publishExam', { examId: saved.id });
  return saved.id;
}

describe('exams on a subtree', () => {
  let mid: string;
  let forMid: string;
  let forOffice: string;

  beforeAll(async () => {
    await ok(ADMIN, 'exam', 'installSeedBank');
    mid = (await ok<{ unit: { id: string } }>(ADMIN, 'org', 'createUnit', { parentId: 'org-demo', name: '教育和老干部工委', kind: 'committee' })).unit.id;
    await ok(ADMIN, 'org', 'moveUnit', { unitId: 'br-school', parentId: mid });
    await ok(ADMIN, 'org', 'moveUnit', { unitId: 'br-retired', parentId: mid });
    await ok(ADMIN, 'org', 'moveMember', { memberId: 'demo-member-03', unitId: mid });
    await ok(ADMIN, 'org', 'setMemberRole', { memberId: 'demo-member-03', role: 'unit_organiser', unitIds: [mid] });
    forMid = await publish('工委党章测试', [mid]);
    forOffice = await publish('机关支部测试', ['br-office']);
  });

  it('GIVEN an exam for the middle unit THEN members of the branches below see it, others do not', async () => {
    const titles = async (openid: string) => (await ok<Page<ExamCard>>(openid, 'exam', 'listExams', { tab: 'todo' })).items.map((e) => e.title);
    await expect(titles('demo-member')).resolves.toContain('工委党章测试'); // 离退休干部党支部, below the middle unit
    await expect(titles('demo-organiser')).resolves.toContain('工委党章测试'); // 实验中学党支部
    await expect(titles('demo-m-02')).resolves.not.toContain('工委党章测试'); // 机关第一党支部, a sibling
    expect(await t.call('demo-member', 'exam', 'getExam', { examId: forMid })).toMatchObject({ ok: true });
    expect(await t.call('demo-m-02', 'exam', 'getExam', { examId: forMid })).toMatchObject({ ok: false });
  });

  it('GIVEN the middle unit’s organiser THEN they list, read and may edit the exams of their subtree only', async () => {
    const listed = (await ok<Page<ManagedExamRow>>(MID_ORGANISER, 'exam', 'listManagedExams', {})).items.map((e) => e.title);
    expect(listed).toContain('工委党章测试');
    expect(listed).not.toContain('机关支部测试');
    expect(await t.call(MID_ORGANISER, 'exam', 'getExamDraft', { examId: forMid })).toMatchObject({ ok: true });
    expect(await t.call(MID_ORGANISER, 'exam', 'examStats', { examId: forOffice })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    // Statistics: one row per unit of the subtree the exam reaches, each branch counted apart.
    const stats = await ok<ExamStatsView>(MID_ORGANISER, 'exam', 'examStats', { examId: forMid });
    expect(stats.units.map((u) => u.unitName).sort()).toEqual(['实验中学党支部', '教育和老干部工委', '离退休干部党支部'].sort());
    // The org-wide view of the same exam counts the same audience.
    const all = await ok<ExamStatsView>(ADMIN, 'exam', 'examStats', { examId: forMid });
    expect(all.overall.audience).toBe(stats.overall.audience);
  });

  it('GIVEN the branch organiser below THEN they see the middle unit’s exam for their own branch only', async () => {
    const stats = await ok<ExamStatsView>('demo-organiser', 'exam', 'examStats', { examId: forMid });
    expect(stats.units.map((u) => u.unitName)).toEqual(['实验中学党支部']);
    // A draft for the middle unit is not theirs to change, even to aim it at their own branch.
    const now = Date.now();
    const exam = { title: '工委草稿', unitIds: [mid], opensAt: now, closesAt: now + 3_600_000, durationMinutes: 20, paper, passScore: 6 };
    const draft = await ok<{ id: string }>(ADMIN, 'exam', 'saveExam', { exam });
    const edit = await t.call('demo-organiser', 'exam', 'saveExam', { examId: draft.id, exam: { ...exam, unitIds: ['br-school'] } });
    expect(edit).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // The middle unit's organiser may.
    await expect(ok(MID_ORGANISER, 'exam', 'saveExam', { examId: draft.id, exam: { ...exam, title: '工委草稿（改）' } })).resolves.toMatchObject({ exam: { title: '工委草稿（改）' } });
  });

  it('the middle unit’s organiser publishes for a branch of their subtree, not for a sibling’s', async () => {
    await expect(publish('学校支部小测', ['br-school'], MID_ORGANISER)).resolves.toEqual(expect.any(String));
    const now = Date.now();
    const refused = await t.call(MID_ORGANISER, 'exam', 'saveExam', {
      exam: { title: '越权考试', unitIds: ['br-office'], opensAt: now, closesAt: now + 3_600_000, durationMinutes: 20, paper, passScore: 6 },
    });
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

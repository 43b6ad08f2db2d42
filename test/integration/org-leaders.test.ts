// "Leaders first" (院领导带头, 以上率下): members of the leadership (领导班子成员) are listed first
// in the rosters organisers work from, and their participation is counted apart.
import type { CheckinResponses } from '../../core/contracts/checkin';
import type { ExamRosterView } from '../../core/contracts/exam';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(async () => {
  await t?.close();
});

describe('leaders first', () => {
  it('GIVEN a branch whose leadership is flagged THEN the day’s check-in roster lists them first and counts them apart', async () => {
    // The demo flags the first two of each branch: 李强 and 马俊 in 实验中学党支部. 马俊 checks in.
    expect(await t.call('demo-m-12', 'checkin', 'checkIn', { title: '学习党章', minutes: 30 })).toMatchObject({ ok: true });
    const roster = dataOf(await t.call<CheckinResponses['branchDayRoster']>('demo-organiser', 'checkin', 'branchDayRoster', { unitId: 'br-school' }));
    expect(roster.rows.slice(0, 2).map((r) => [r.name, r.leader])).toEqual([
      ['李强', true],
      ['马俊', true],
    ]);
    expect(roster.rows.slice(2).every((r) => !r.leader)).toBe(true);
    expect(roster.leaders).toEqual({ total: 2, done: 1 });

    // Flag one more: she moves up to the leadership's place and into its count.
    dataOf(await t.call('demo-admin', 'org', 'setLeader', { memberId: 'demo-member-13', leader: true })); // 朱敏
    const after = dataOf(await t.call<CheckinResponses['branchDayRoster']>('demo-organiser', 'checkin', 'branchDayRoster', { unitId: 'br-school' }));
    expect(after.rows.slice(0, 3).map((r) => r.name)).toEqual(['李强', '马俊', '朱敏']);
    expect(after.leaders).toEqual({ total: 3, done: 1 });
  });

  it('GIVEN an exam THEN its branch roster lists the leadership first with its own tally', async () => {
    await t.call('demo-admin', 'exam', 'installSeedBank', {});
    const now = Date.now();
    const exam = { title: '领导带头测试', unitIds: ['br-school'], opensAt: now - 60_000, closesAt: now + 3_600_000, durationMinutes: 20, paper: { mode: 'rules', rules: [{ type: 'single', tag: null, count: 5 }] }, passScore: 6 };
    const saved = dataOf(await t.call<{ id: string }>('demo-admin', 'exam', 'saveExam', { exam }));
    dataOf(await t.call('demo-admin', 'exam', 'publishExam', { examId: saved.id }));
    const roster = dataOf(await t.call<ExamRosterView>('demo-organiser', 'exam', 'examRoster', { examId: saved.id, unitId: 'br-school', filter: 'all' }));
    expect(roster.rows.slice(0, 3).map((r) => r.leader)).toEqual([true, true, true]);
    expect(roster.leaders).toEqual({ total: 3, taken: 0, passed: 0 });
  });
});

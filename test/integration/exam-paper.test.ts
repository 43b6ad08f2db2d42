// Paper results (issue 18, 送题到家): an organiser of the member's unit records a paper exam's score
// by hand for a roster member, bound or not. It counts once in every figure (examStats, the roster,
// the export, org getRollup, the console's getConsole, listGaps and memberPicture) however many
// identical calls race, is marked 手工录入, is corrected or withdrawn with a trace, and excludes an
// online attempt both ways. A refusal names its field and writes nothing.
import ExcelJS from 'exceljs';
import type { ConsoleView, GapList, MemberPicture } from '../../core/contracts/console';
import type { ExamRosterView, ExamStatsView, UnitStats } from '../../core/contracts/exam';
import type { Rollup } from '../../core/contracts/org';
import { COLLECTIONS } from '../../functions/lib/collections';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

// The hand record as the new actions answer it (declared here: the test is written before them).
interface PaperAnswer {
  score: number | null;
  passed: boolean | null;
  withdrawn: boolean;
  trace: Array<{ by: string; byName: string; action: string; from: number | null; to: number | null; reason: string }>;
}
type PaperRow = ExamRosterView['rows'][number] & { paper?: { takenOn: string; note: string; recordedBy: string; trace: string[] } | null };
type PaperUnit = UnitStats & { handRecorded?: number };

let t: TestCloud;
const MIN = 60_000;
const HOUR = 60 * MIN;
const beijing = (d: string, hh: number, mm = 0) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8, mm);
const T0 = beijing('2036-11-26', 10);
const TODAY = '2036-11-26';

const ADMIN = 'demo-admin';
const MID_ORGANISER = 'demo-m-03'; // 陈静, organiser of the committee above both branches
const RETIRED_ORGANISER = 'demo-m-22'; // 宋德明, organiser of 离退休干部党支部
const SCHOOL_ORGANISER = 'demo-organiser'; // 李强, organiser of 实验中学党支部 only
const FENG = 'demo-member-27'; // 冯玉兰, 离退休, never bound to WeChat
const YU = 'demo-member-28'; // 于长海, 离退休, never bound
const WANG = { memberId: 'demo-member-21', openid: 'demo-member' }; // 王秀英, bound
const XIE = { memberId: 'demo-member-24', openid: 'demo-m-24' }; // 谢国华, bound
const HAN = { memberId: 'demo-member-25', openid: 'demo-m-25' }; // 韩淑珍, bound
const week = { kind: 'week' };
type Fn = 'org' | 'exam' | 'console';
const ok = async <T>(openid: string, fn: Fn, action: string, payload: unknown = {}) => dataOf(await t.call<T>(openid, fn, action, payload));

let mid: string;
let examId: string;

const record = (memberId: string, score: number, extra: object = {}, openid = RETIRED_ORGANISER) =>
  t.call<PaperAnswer>(openid, 'exam', 'recordPaperResult', { examId, memberId, score, takenOn: '2036-11-25', note: '送题到家', ...extra });
const amend = (memberId: string, score: number | null, reason: string, openid = RETIRED_ORGANISER) =>
  t.call<PaperAnswer>(openid, 'exam', 'amendPaperResult', { examId, memberId, score, reason });

/** The exam's documents as stored: takers and counters. */
const stored = () => JSON.stringify([COLLECTIONS.examTakers, COLLECTIONS.examStats, COLLECTIONS.examAttempts].map((c) => t.cloud.db.find(c).filter((d) => d.examId === examId)));
const retiredCounters = () => t.cloud.db.find(COLLECTIONS.examStats).find((d) => d._id === `${examId}_br-retired`) as Record<string, number> | undefined;
const retiredStats = async () => (await ok<ExamStatsView>(RETIRED_ORGANISER, 'exam', 'examStats', { examId })).units.find((u) => u.unitId === 'br-retired') as PaperUnit;
const roster = async () => (await ok<ExamRosterView>(RETIRED_ORGANISER, 'exam', 'examRoster', { examId, unitId: 'br-retired' })).rows as PaperRow[];
const rollupExam = async () => (await ok<Rollup>(ADMIN, 'org', 'getRollup', { unitId: mid, fromDay: TODAY, toDay: TODAY })).exams.find((e) => e.examId === examId);
const consoleExam = async () => (await ok<ConsoleView>(MID_ORGANISER, 'console', 'getConsole', { unitId: mid, period: week })).total.exams.items.find((e) => e.examId === examId);
const gapCell = async (name: string) => {
  const list = await ok<GapList>(MID_ORGANISER, 'console', 'listGaps', { unitId: mid, period: week, limit: 50 });
  return [...list.leaders, ...list.members].find((r) => r.name === name)?.exams.find((c) => c.examId === examId);
};
const picture = async (memberId: string) => (await ok<MemberPicture>(MID_ORGANISER, 'console', 'memberPicture', { memberId, period: week })).exams.find((e) => e.examId === examId);

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
  await ok(ADMIN, 'exam', 'installSeedBank');
  mid = (await ok<{ unit: { id: string } }>(ADMIN, 'org', 'createUnit', { parentId: 'org-demo', name: '教育和老干部工委', kind: 'committee' })).unit.id;
  await ok(ADMIN, 'org', 'moveUnit', { unitId: 'br-school', parentId: mid });
  await ok(ADMIN, 'org', 'moveUnit', { unitId: 'br-retired', parentId: mid });
  await ok(ADMIN, 'org', 'moveMember', { memberId: 'demo-member-03', unitId: mid });
  await ok(ADMIN, 'org', 'setMemberRole', { memberId: 'demo-member-03', role: 'unit_organiser', unitIds: [mid] });
  // Ten points (five single choices at 2), pass at 6.
  const exam = { title: '「四史」学习测试', unitIds: [mid], opensAt: T0 - HOUR, closesAt: T0 + 48 * HOUR, durationMinutes: 20, paper: { mode: 'rules', rules: [{ type: 'single', tag: null, count: 5 }] }, passScore: 6 };
  examId = (await ok<{ id: string }>(ADMIN, 'exam', 'saveExam', { exam })).id;
  await ok(ADMIN, 'exam', 'publishExam', { examId });
}, 90_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('exam.recordPaperResult: refusals name the field and write nothing', () => {
  it('refuses another branch’s organiser, a plain member, someone not on the roster or outside the audience, and bad fields', async () => {
    const before = stored();
    await expect(record(FENG, 8, {}, SCHOOL_ORGANISER)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(record(FENG, 8, {}, XIE.openid)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const stranger = await record('demo-member-nobody', 8);
    expect(stranger).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(stranger.ok === false && stranger.message).toContain('成员');
    // 机关第一党支部 is not in the exam's audience (the org admin may manage it).
    const outside = await record('demo-member-05', 8, {}, ADMIN);
    expect(outside).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(outside.ok === false && outside.message).toContain('成员');
    const bad: Array<[object, string]> = [
      [{ score: 11 }, '成绩'],
      [{ score: -1 }, '成绩'],
      [{ score: 7.3 }, '成绩'],
      [{ score: '8' }, '成绩'],
      [{ note: '' }, '备注'],
      [{ note: '送题\n到家' }, '备注'],
      [{ takenOn: '2036-11-27' }, '考试日期'],
      [{ takenOn: '11/25' }, '考试日期'],
    ];
    for (const [payload, field] of bad) {
      const answer = await t.call(RETIRED_ORGANISER, 'exam', 'recordPaperResult', { examId, memberId: FENG, score: 8, takenOn: '2036-11-25', note: '送题到家', ...payload });
      expect(answer).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
      expect(answer.ok === false && answer.message).toContain(field);
    }
    expect(stored()).toBe(before);
  });
});

describe('a paper score for an unbound member of 离退休干部党支部', () => {
  it('counts once in every figure under ten identical calls at once, marked 手工录入', async () => {
    const rollupBefore = await rollupExam();
    const consoleBefore = await consoleExam();
    expect(await gapCell('冯玉兰')).toMatchObject({ state: 'unbound' });

    const answers = await Promise.all(Array.from({ length: 10 }, () => record(FENG, 8)));
    for (const a of answers) expect(a).toMatchObject({ ok: true, data: { score: 8, passed: true, withdrawn: false } });
    expect(dataOf(answers[0]).trace).toEqual([expect.objectContaining({ action: 'record', from: null, to: 8, reason: '送题到家', byName: '宋德明' })]);

    expect(retiredCounters()).toMatchObject({ started: 1, submitted: 1, passed: 1, failed: 0, scoreSum: 8 });
    expect(await retiredStats()).toMatchObject({ submitted: 1, passed: 1, absent: 9, averageScore: 8, handRecorded: 1, averageSeconds: null });
    const row = (await roster()).find((r) => r.memberId === FENG) as PaperRow;
    expect(row).toMatchObject({ status: 'passed', score: 8, attempts: 0, attemptId: null, bound: false, paper: { takenOn: '2036-11-25', note: '送题到家', recordedBy: '宋德明' } });
    expect(row.paper?.trace).toEqual(['录入 8 分，宋德明：送题到家']);
    expect(await rollupExam()).toMatchObject({ submitted: (rollupBefore?.submitted ?? 0) + 1, passed: (rollupBefore?.passed ?? 0) + 1 });
    expect(await consoleExam()).toMatchObject({ submitted: (consoleBefore?.submitted ?? 0) + 1, passed: (consoleBefore?.passed ?? 0) + 1, notYet: (consoleBefore?.notYet ?? 0) - 1 });
    expect(await gapCell('冯玉兰')).toMatchObject({ state: 'passed', score: 8 });
    expect(await picture(FENG)).toMatchObject({ state: 'passed', score: 8 });

    // The export says so on the member's row.
    const file = await ok<{ fileID: string }>(RETIRED_ORGANISER, 'exam', 'exportResults', { examId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await t.sdk.downloadFile({ fileID: file.fileID })).fileContent as unknown as ArrayBuffer);
    const rows = (wb.getWorksheet('成绩') as ExcelJS.Worksheet).getSheetValues().slice(2) as unknown[][];
    const feng = rows.find((r) => r[2] === '冯玉兰') as unknown[];
    expect(feng.slice(1, 6)).toEqual(['离退休干部党支部', '冯玉兰', '及格（手工录入）', 8, 10]);
    // No time on paper; the day it was taken stands where the time of handing in would.
    expect([feng[6] ?? null, feng[7]]).toEqual([null, '2036-11-25']);
  });

  it('a different record over it is refused: a change goes through 更正', async () => {
    const before = stored();
    await expect(record(FENG, 9)).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(stored()).toBe(before);
  });

  it('is corrected with a trace (old → new, who, why), the counters moving by the difference once', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => amend(FENG, 5, '阅卷时少算了一题', MID_ORGANISER)));
    for (const a of answers) expect(a).toMatchObject({ ok: true, data: { score: 5, passed: false } });
    expect(dataOf(answers[0]).trace.map((e) => [e.action, e.from, e.to, e.byName, e.reason])).toEqual([
      ['record', null, 8, '宋德明', '送题到家'],
      ['correct', 8, 5, '陈静', '阅卷时少算了一题'],
    ]);
    expect(retiredCounters()).toMatchObject({ started: 1, submitted: 1, passed: 0, failed: 1, scoreSum: 5 });
    const row = (await roster()).find((r) => r.memberId === FENG) as PaperRow;
    expect(row).toMatchObject({ status: 'failed', score: 5 });
    expect(row.paper?.trace).toEqual(['录入 8 分，宋德明：送题到家', '更正 8 → 5 分，陈静：阅卷时少算了一题']);
    expect(await gapCell('冯玉兰')).toMatchObject({ state: 'failed', score: 5 });
    // Out of range, or by another branch's organiser: refused, nothing written.
    const before = stored();
    const big = await amend(FENG, 12, '再改');
    expect(big).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(big.ok === false && big.message).toContain('成绩');
    await expect(amend(FENG, 6, '再改', SCHOOL_ORGANISER)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(amend(YU, 6, '没有记录')).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(stored()).toBe(before);
  });

  it('is withdrawn with a trace: the member is as if never recorded, and may be recorded again', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => amend(FENG, null, '录错了人')));
    for (const a of answers) expect(a).toMatchObject({ ok: true, data: { score: null, withdrawn: true } });
    expect(retiredCounters()).toMatchObject({ started: 0, submitted: 0, passed: 0, failed: 0, scoreSum: 0 });
    expect(await retiredStats()).toMatchObject({ submitted: 0, absent: 10, handRecorded: 0 });
    expect((await roster()).find((r) => r.memberId === FENG)).toMatchObject({ status: 'absent', score: null, paper: null });
    expect(await gapCell('冯玉兰')).toMatchObject({ state: 'unbound' });
    const again = dataOf(await record(FENG, 7, { note: '纸质考试' }));
    expect(again.trace.map((e) => e.action)).toEqual(['record', 'correct', 'withdraw', 'record']);
    expect(retiredCounters()).toMatchObject({ started: 1, submitted: 1, passed: 1, scoreSum: 7 });
  });
});

describe('online and on paper exclude each other', () => {
  it('a member who started online cannot get a hand record', async () => {
    await ok(WANG.openid, 'exam', 'startExam', { examId });
    const before = stored();
    const answer = await record(WANG.memberId, 8);
    expect(answer).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(stored()).toBe(before);
  });

  it('a member with a hand record cannot start online', async () => {
    dataOf(await record(XIE.memberId, 9));
    const before = stored();
    await expect(t.call(XIE.openid, 'exam', 'startExam', { examId })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(stored()).toBe(before);
  });

  it('a start and a record racing: exactly one kind wins, counted once', async () => {
    const countersBefore = retiredCounters() as Record<string, number>;
    const calls = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? t.call(HAN.openid, 'exam', 'startExam', { examId }) : record(HAN.memberId, 6)));
    const answers = await Promise.all(calls);
    for (const a of answers) expect(['ok', 'FAILED_PRECONDITION']).toContain(a.ok ? 'ok' : a.code);
    const taker = t.cloud.db.find(COLLECTIONS.examTakers).find((d) => d._id === `${examId}_${HAN.memberId}`) as Record<string, unknown>;
    const attempts = t.cloud.db.find(COLLECTIONS.examAttempts).filter((d) => d.examId === examId && d.memberId === HAN.memberId);
    const paper = taker.paper as { withdrawn: boolean } | undefined;
    // Either an online attempt and no hand record, or a hand record and no attempt.
    expect(attempts.length > 0 ? !paper : paper && !paper.withdrawn && taker.attemptsUsed === 0).toBe(true);
    const after = retiredCounters() as Record<string, number>;
    expect(after.started - countersBefore.started).toBe(1);
    expect(after.submitted - countersBefore.submitted).toBe(attempts.length > 0 ? 0 : 1);
  });
});

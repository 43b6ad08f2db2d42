// A regrade moves the exam-pass points too (issue 15): a member a corrected key turns from 未通过 to
// 通过 gets the 考试通过 points, at the attempt's submittedAt, as a passing submit gives them; one
// turned the other way has them taken back by a correcting entry (the original is never changed),
// from their total, their day and the unit's day counter. Run again, resumed, raced by a late submit
// or by a twin regrade, flipped back and forth by successive regrades: a pass is worth its points
// once. The points timer's repair agrees with every counter afterwards.
import type { AttemptResult, AttemptView, RegradeOutcome } from '../../core/contracts/exam';
import type { PointsResponses } from '../../core/contracts/points';
import { settlePassPoints } from '../../functions/exam/regrade';
import type { ActionContext } from '../../functions/lib/router';
import { awardPoints } from '../../functions/points/ports';
import { correctAnswers } from '../../scripts/lib/demo-exams';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 23, 2, 0, 0); // 10:00 in Beijing, 2026-11-23
const DAY = '2026-11-23';
const ADMIN = 'demo-admin';

type Doc = Record<string, unknown>;
const find = (collection: string, filter: Doc = {}) => t.cloud.db.find(collection, filter) as Doc[];
const exam = <T>(openid: string, action: string, payload: unknown = {}) => t.call<T>(openid, 'exam', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await exam<T>(openid, action, payload));
const timer = () => t.cloud.invoke('points', { Type: 'Timer', TriggerName: 'pointsRollups' }, { openid: '' });

interface Stored {
  _id: string;
  type: string;
  options: string[];
  answer: number[];
}
type Answer = { qid: string; choice?: number[]; text?: string[] };

let singles: Stored[];
let fill: Stored;
let q0: Stored;
let pinnedOption: number; // the key q0 was pinned with
let fixedOption: number; // the option that is really right

function paperOf(attemptId: string): Array<{ qid: string; order: number[] }> {
  return (find('examAttempts', { _id: attemptId })[0] as unknown as { paper: Array<{ qid: string; order: number[] }> }).paper;
}

/** Right by the pinned key except q0 answered `q0Option` and the `wrong` questions answered wrong. */
function answersFor(view: AttemptView, q0Option: number, wrong: string[]): Answer[] {
  const paper = paperOf(view.attemptId);
  return correctAnswers(t.cloud.db, view.attemptId).map((a) => {
    if (a.qid === q0._id) return { qid: a.qid, choice: [paper.find((p) => p.qid === q0._id)?.order.indexOf(q0Option) ?? -1] };
    if (!wrong.includes(a.qid)) return a;
    if (a.text) return { qid: a.qid, text: a.text.map(() => '不知道') };
    return { qid: a.qid, choice: [((a.choice?.[0] ?? 0) + 1) % 4] };
  });
}

async function newExam(title: string, maxAttempts = 1): Promise<string> {
  const saved = await ok<{ id: string }>(ADMIN, 'saveExam', {
    exam: { title, unitIds: ['br-school'], opensAt: T0 - MIN, closesAt: T0 + 60 * MIN, durationMinutes: 30, paper: { mode: 'fixed', questionIds: [...singles.map((q) => q._id), fill._id] }, passScore: 8, maxAttempts },
  });
  await ok(ADMIN, 'publishExam', { examId: saved.id });
  return saved.id;
}

const memberOf = (openid: string) => (find('identities', { _id: openid })[0] as { memberId: string }).memberId;

async function take(examId: string, openid: string, q0Option: number, wrong: string[]): Promise<AttemptResult> {
  const view = await ok<AttemptView>(openid, 'startExam', { examId });
  return ok<AttemptResult>(openid, 'submitAttempt', { attemptId: view.attemptId, answers: answersFor(view, q0Option, wrong) });
}

const regrade = (examId: string, option: number) => exam<RegradeOutcome>(ADMIN, 'regradeExam', { examId, questionId: q0._id, key: { answer: [option], blanks: [] }, reason: '标准答案录错', fixBank: false });

/** A member's exam points as their total says, and as their ledger sums. */
function examPoints(memberId: string): { total: number; ledger: number } {
  const total = find('pointsTotals', { _id: memberId })[0] as { bySource?: { exam?: number } } | undefined;
  const ledger = find('pointsLedger', { memberId, source: 'exam' }).reduce((n, e) => n + (e.awarded as number), 0);
  return { total: total?.bySource?.exam ?? 0, ledger };
}

const submittedAt = (examId: string, memberId: string) => find('examAttempts', { examId, memberId })[0].submittedAt as number;

const ledgerOf = (memberId: string) =>
  find('pointsLedger', { memberId })
    .map((e) => [e._id, e.awarded, e.day])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

/** Every counter is the sum of the ledger's entries: totals, member days, unit days. */
function countersAgree() {
  const ledger = find('pointsLedger');
  const byMember = new Map<string, number>();
  const byMemberDay = new Map<string, number>();
  for (const e of ledger) {
    byMember.set(e.memberId as string, (byMember.get(e.memberId as string) ?? 0) + (e.awarded as number));
    const k = `${e.memberId as string}_${e.day as string}`;
    byMemberDay.set(k, (byMemberDay.get(k) ?? 0) + (e.awarded as number));
  }
  for (const [m, sum] of byMember) expect({ m, total: (find('pointsTotals', { _id: m })[0]?.total as number | undefined) ?? 0 }).toEqual({ m, total: sum });
  // A member's day exists while it holds points; a withdrawal that empties it removes it.
  const days = find('pointsDays');
  expect(days.map((d) => [d._id, d.total]).sort()).toEqual([...byMemberDay].filter(([, v]) => v !== 0).sort());
  const byUnitDay = new Map<string, { points: number; members: number }>();
  for (const d of days) {
    const k = `${d.unitId as string}_${d.day as string}`;
    const s = byUnitDay.get(k) ?? { points: 0, members: 0 };
    byUnitDay.set(k, { points: s.points + (d.total as number), members: s.members + 1 });
  }
  const unitDays = find('pointsUnitDays').filter((u) => u.points !== 0 || u.members !== 0);
  expect(unitDays.map((u) => [u._id, u.points, u.members]).sort()).toEqual([...byUnitDay].map(([k, v]) => [k, v.points, v.members]).sort());
}

let examId: string;
let A: string; // passes by the pinned key, fails by the corrected one
let B: string; // fails by the pinned key, passes by the corrected one
let C: string; // passes either way
let D: string; // passes by the pinned key, fails by the corrected one, with the day's exam cap already reached
let firstLedger: string;

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
  await ok(ADMIN, 'installSeedBank');
  const bank = (type: string) => (find('questions', { type }) as unknown as Stored[]).sort((a, b) => a._id.localeCompare(b._id));
  singles = bank('single').filter((q) => q.options.length === 4).slice(0, 4);
  fill = bank('fill').filter((q) => (q as unknown as { blanks: string[][] }).blanks.length === 1)[0];
  q0 = singles[0];
  pinnedOption = q0.answer[0];
  fixedOption = (pinnedOption + 1) % 4;
  examId = await newExam('党章知识测试');
  [A, B, C, D] = ['demo-m-12', 'demo-m-14', 'demo-m-13', 'demo-m-16'].map(memberOf);
  // D earned the day's 10 exam points elsewhere: their pass here is capped to 0.
  for (const ref of ['other-1', 'other-2']) await awardPoints(t.db, { orgId: 'org-demo', memberId: D, unitId: 'br-school', unitPath: ['org-demo', 'br-school'], source: 'exam', ref, asked: 1, at: T0 - 30 * MIN });
  // 10 points: four singles and one fill, 2 each. By the pinned key → by the corrected key:
  t.cloud.clock.set(T0 + 5 * MIN);
  expect((await take(examId, 'demo-m-12', pinnedOption, [fill._id])).score).toBe(8); // A: 8 passes → 6 fails
  expect((await take(examId, 'demo-m-14', fixedOption, [singles[1]._id])).score).toBe(6); // B: 6 fails → 8 passes
  expect((await take(examId, 'demo-m-13', fixedOption, [])).score).toBe(8); // C: 8 → 10, passes
  expect((await take(examId, 'demo-m-16', pinnedOption, [fill._id])).score).toBe(8); // D: 8 passes (0 points, capped) → 6 fails
  expect(examPoints(A)).toEqual({ total: 5, ledger: 5 });
  expect(examPoints(B)).toEqual({ total: 0, ledger: 0 });
  expect(find('pointsLedger', { _id: `exam_${D}_${examId}` })[0]).toMatchObject({ awarded: 0, capped: true });
  t.cloud.clock.set(T0 + 20 * MIN);
}, 90_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('a regrade moves the exam-pass points', () => {
  it('GIVEN a corrected key WHEN the exam is regraded THEN a new pass earns its points at the attempt’s submittedAt and a lost pass is taken back by a correcting entry', async () => {
    const { result, stats } = await t.invoke(ADMIN, 'exam', 'regradeExam', { examId, questionId: q0._id, key: { answer: [fixedOption], blanks: [] }, reason: '标准答案录错', fixBank: false });
    expect(dataOf(result as never)).toMatchObject({ done: true, changed: 4, passedBefore: 3, passedAfter: 2 });
    // A: the original entry stays as it was, the correcting entry takes back its 5 on its day.
    expect(find('pointsLedger', { _id: `exam_${A}_${examId}` })[0]).toMatchObject({ awarded: 5, day: DAY, at: submittedAt(examId, A) });
    expect(find('pointsLedger', { _id: `exam_${A}_${examId}_withdrawn` })[0]).toMatchObject({ source: 'exam', ref: examId, awarded: -5, day: DAY, capped: false });
    expect(examPoints(A)).toEqual({ total: 0, ledger: 0 });
    // B: awarded as the passing submit would have, at the attempt's submittedAt.
    expect(find('pointsLedger', { _id: `exam_${B}_${examId}` })[0]).toMatchObject({ awarded: 5, day: DAY, at: submittedAt(examId, B), unitId: 'br-school' });
    expect(examPoints(B)).toEqual({ total: 5, ledger: 5 });
    // C keeps one award; D's pass earned 0 (capped), so 0 is taken back.
    expect(examPoints(C)).toEqual({ total: 5, ledger: 5 });
    expect(find('pointsLedger', { _id: `exam_${D}_${examId}_withdrawn` })[0]).toMatchObject({ awarded: 0 });
    expect(examPoints(D)).toEqual({ total: 10, ledger: 10 });
    countersAgree();
    // Pinned. The regrade's own operations are 10 reads and 16 writes (as before this step); the
    // pass-moving step adds 20 reads and 13 writes, for the three members whose pass flipped:
    // - first pass: B's unit (members) and an award (entry, total, rules, day; writes entry, day,
    //   total, commit; the unit's day counter): 5 reads, 5 writes; A's withdrawal (total, award, day;
    //   writes the correcting entry, the day removed as it is left empty, the total, commit; the unit's
    //   day counter): 3 reads, 5 writes; D's (capped to 0: total, award; writes entry, total, commit):
    //   2 reads, 3 writes; after each move the standing read again: 3 reads;
    // - the second pass (the regrade's passes repeat until one writes nothing) finds them done: B's
    //   unit and the award standing (3 reads), A's and D's nothing standing (2 reads each).
    const points = stats.ops.filter((o) => /^points|^members$/.test(o.collection ?? '') && o.action !== 'database.getDocument');
    expect(points.map((o) => `${o.collection ?? ''} ${o.action.replace('database.', '')}`).sort()).toEqual(
      [
        'pointsLedger modifyDocument',
        'pointsLedger modifyDocument',
        'pointsLedger modifyDocument',
        'pointsDays modifyDocument',
        'pointsDays removeDocument',
        'pointsTotals modifyDocument',
        'pointsTotals modifyDocument',
        'pointsTotals modifyDocument',
        'pointsUnitDays modifyDocument',
        'pointsUnitDays modifyDocument',
      ].sort(),
    );
    expect([stats.reads, stats.writes]).toEqual([10 + 20, 16 + 13]);
    firstLedger = JSON.stringify(find('pointsLedger'));
  });

  it('GIVEN the same correction sent again THEN no point moves', async () => {
    const again = dataOf(await regrade(examId, fixedOption));
    expect(again).toMatchObject({ done: true, written: 0 });
    expect(JSON.stringify(find('pointsLedger'))).toBe(firstLedger);
    countersAgree();
  });

  it('我的积分 shows the correcting entry in plain words, with its sign', async () => {
    const history = dataOf(await t.call<PointsResponses['pointsHistory']>('demo-m-12', 'points', 'pointsHistory', {}));
    expect(history.items.map((i) => [i.label, i.awarded])).toEqual([
      ['考试成绩更正', -5],
      ['考试通过', 5],
    ]);
    const mine = dataOf(await t.call<PointsResponses['myPoints']>('demo-m-12', 'points', 'myPoints', {}));
    // Their only points that day were taken back: the day is gone, and so is the streak it made.
    expect(mine).toMatchObject({ total: 0, todayTotal: 0, streak: 0 });
  });

  it('the points timer finds every unit’s day counter right and repairs nothing', async () => {
    const now = t.cloud.clock.now();
    await timer();
    t.cloud.clock.set(now + 2 * MIN);
    await timer();
    expect(find('pointsUnitDays').filter((u) => u.check !== undefined)).toEqual([]);
    countersAgree();
  });

  it('GIVEN successive regrades flipping the key back and forth THEN a member ends with the points of a pass once', async () => {
    const sequence: Array<[number, number, number]> = [
      // key, A's exam points, B's exam points
      [pinnedOption, 5, 0],
      [fixedOption, 0, 5],
      [pinnedOption, 5, 0],
    ];
    for (const [option, a, b] of sequence) {
      expect(dataOf(await regrade(examId, option))).toMatchObject({ done: true });
      expect({ option, A: examPoints(A), B: examPoints(B) }).toEqual({ option, A: { total: a, ledger: a }, B: { total: b, ledger: b } });
      expect(examPoints(C)).toEqual({ total: 5, ledger: 5 });
      expect(examPoints(D)).toEqual({ total: 10, ledger: 10 });
      countersAgree();
    }
    // A: pass, withdrawn, pass again, withdrawn, pass again; each entry kept as written.
    expect(ledgerOf(A)).toEqual(
      [
        [`exam_${A}_${examId}`, 5, DAY],
        [`exam_${A}_${examId}_withdrawn`, -5, DAY],
        [`exam_${A}_${examId}_g1`, 5, DAY],
        [`exam_${A}_${examId}_g1_withdrawn`, -5, DAY],
        [`exam_${A}_${examId}_g2`, 5, DAY],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
  });
});

describe('races', () => {
  it('GIVEN two regrades at once while a member submits an answer that passes only by the corrected key THEN the pass earns once and the others move once', async () => {
    t.cloud.clock.set(T0 + 25 * MIN);
    const raced = await newExam('并发测试');
    // E passes by the pinned key and fails by the corrected one; F is still answering.
    expect((await take(raced, 'demo-m-12', pinnedOption, [fill._id])).score).toBe(8);
    const view = await ok<AttemptView>('demo-m-14', 'startExam', { examId: raced });
    const late = answersFor(view, fixedOption, [singles[1]._id]); // 6 by the pinned key, 8 by the corrected one
    const [a, b, submitted] = await Promise.all([regrade(raced, fixedOption), regrade(raced, fixedOption), exam<AttemptResult>('demo-m-14', 'submitAttempt', { attemptId: view.attemptId, answers: late })]);
    expect([a.ok, b.ok, submitted.ok]).toEqual([true, true, true]);
    for (let call = 0; call < 3 && !(dataOf(a).done && dataOf(b).done); call++) await regrade(raced, fixedOption);
    expect(find('examTakers', { examId: raced, memberId: B })[0]).toMatchObject({ best: { score: 8, passed: true } });
    expect(find('pointsLedger', { memberId: B, ref: raced }).map((e) => [e._id, e.awarded])).toEqual([[`exam_${B}_${raced}`, 5]]);
    expect(find('pointsLedger', { memberId: A, ref: raced }).map((e) => [e._id, e.awarded]).sort()).toEqual([
      [`exam_${A}_${raced}`, 5],
      [`exam_${A}_${raced}_withdrawn`, -5],
    ]);
    countersAgree();
  });

  it('GIVEN members retaking while their first pass is taken away THEN each ends passed with the points of one pass, however the regrade and their submits interleave', async () => {
    t.cloud.clock.set(T0 + 30 * MIN);
    const retake = await newExam('补考并发测试', 2);
    const who = ['demo-m-12', 'demo-m-13', 'demo-m-16'];
    const second = new Map<string, AttemptView>();
    for (const openid of who) {
      expect((await take(retake, openid, pinnedOption, [fill._id])).score).toBe(8); // 8 passes → 6 fails
      second.set(openid, await ok<AttemptView>(openid, 'startExam', { examId: retake }));
    }
    // The second attempts pass by the corrected key only (6 → 8), submitted while the regrade runs.
    const submits = who.map((openid) => {
      const view = second.get(openid) as AttemptView;
      return exam<AttemptResult>(openid, 'submitAttempt', { attemptId: view.attemptId, answers: answersFor(view, fixedOption, [fill._id]) });
    });
    const [first, ...rest] = await Promise.all([regrade(retake, fixedOption), ...submits]);
    expect([first.ok, ...rest.map((r) => r.ok)]).toEqual([true, true, true, true]);
    if (!dataOf(first).done) await regrade(retake, fixedOption);
    for (const openid of who) {
      const memberId = memberOf(openid);
      expect({ openid, best: (find('examTakers', { examId: retake, memberId })[0] as { best: Doc }).best }).toMatchObject({ openid, best: { score: 8, passed: true } });
      const net = find('pointsLedger', { memberId, ref: retake }).reduce((n, e) => n + (e.awarded as number), 0);
      expect({ openid, net }).toEqual({ openid, net: memberId === D ? 0 : 5 });
    }
    countersAgree();
  });

  it('GIVEN a regrade cut off after its attempts were written and before the points moved THEN the same correction sent again moves them, once', async () => {
    t.cloud.clock.set(T0 + 35 * MIN);
    const cut = await newExam('中断测试');
    const E = memberOf('demo-m-15'); // no exam points yet today (A's day is at the cap by now)
    expect((await take(cut, 'demo-m-15', pinnedOption, [fill._id])).score).toBe(8); // passes → fails
    expect((await take(cut, 'demo-m-14', fixedOption, [singles[1]._id])).score).toBe(6); // fails → passes
    const pointsCollections = ['pointsLedger', 'pointsTotals', 'pointsDays', 'pointsUnitDays'];
    const before = Object.fromEntries(pointsCollections.map((c) => [c, find(c)]));
    expect(dataOf(await regrade(cut, fixedOption))).toMatchObject({ done: true });
    // As if the function had died before the points step: the points are as they were.
    for (const c of pointsCollections) {
      t.cloud.db.remove(c, {});
      for (const doc of before[c]) t.cloud.db.insert(c, doc);
    }
    expect(find('pointsLedger', { ref: cut }).map((e) => e._id)).toEqual([`exam_${E}_${cut}`]);
    expect(dataOf(await regrade(cut, fixedOption))).toMatchObject({ done: true, written: 0 });
    const moved = JSON.stringify(find('pointsLedger', { ref: cut }));
    expect(find('pointsLedger', { ref: cut }).map((e) => [e._id, e.awarded]).sort()).toEqual([
      [`exam_${E}_${cut}`, 5],
      [`exam_${E}_${cut}_withdrawn`, -5],
      [`exam_${B}_${cut}`, 5],
    ].sort());
    await regrade(cut, fixedOption);
    expect(JSON.stringify(find('pointsLedger', { ref: cut }))).toBe(moved);
    countersAgree();
  });

  it('GIVEN the regrade saw a fail and a late pass was written before its withdrawal THEN reading the standing again after the withdrawal awards the pass again', async () => {
    // The interleaving a race may or may not produce, made on purpose: the regrade settled the
    // member's standing as a fail; a second attempt then passed and its award found the first pass's
    // award standing (nothing written); then the regrade's withdrawal commits.
    t.cloud.clock.set(T0 + 40 * MIN);
    const late = await newExam('迟交测试', 2);
    const F = memberOf('demo-organiser');
    expect((await take(late, 'demo-organiser', pinnedOption, [])).passed).toBe(true);
    expect((await take(late, 'demo-organiser', pinnedOption, [])).passed).toBe(true);
    const standing = (find('examTakers', { examId: late, memberId: F })[0] as { best: { passed: boolean; submittedAt: number } }).best;
    const ctx = { openid: '', deps: { db: t.db, clock: { now: () => t.cloud.clock.now() }, log: { info: () => undefined, error: () => undefined, warn: () => undefined } } } as unknown as ActionContext;
    await settlePassPoints(ctx, { orgId: 'org-demo', examId: late, memberId: F }, { ...standing, passed: false } as never);
    expect(find('pointsLedger', { memberId: F, ref: late }).map((e) => [e._id, e.awarded]).sort()).toEqual(
      [
        [`exam_${F}_${late}`, 5],
        [`exam_${F}_${late}_withdrawn`, -5],
        [`exam_${F}_${late}_g1`, 5],
      ].sort(),
    );
    countersAgree();
  });
});

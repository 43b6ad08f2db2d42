// What several exam actions share: who may see or run an exam, closing an attempt (the one place
// an attempt is graded), the counters kept on each close, and the views members get.

import type { AttemptResult, AttemptView, ManagedExamRow, PaperQuestion, ReviewItem } from '../../core/contracts/exam';
import {
  DEADLINE_GRACE_MS as GRACE_MS,
  answersReleased,
  gradePaper,
  scoreBucket,
  type AnswerValue,
  type PaperItem,
} from '../../core/domain/exam';
import { COLLECTIONS } from '../lib/collections';
import { getById, insert, isDuplicateKeyError, list, updateById, updateWhere, type Database } from '../lib/db';
import { forbidden, invalid, notFound } from '../lib/errors';
import type { UnitDoc } from '../lib/model';
import type { ActionContext } from '../lib/router';
import { ALL_UNITS, type AttemptDoc, type BestResult, type ExamDoc, type ExamPoolDoc, type ExamQuestionDoc, type PinnedQuestion, type StatsDoc, type TakerDoc } from './model';
import { type Caller, mayManage, scopeIds, unitsByIds, unitsOfOrg, unitsUnder } from '../org/ports';
import { audienceReaches } from '../../core/domain/units';

export { GRACE_MS };

export const takerId = (examId: string, memberId: string) => `${examId}_${memberId}`;
export const attemptId = (examId: string, memberId: string, n: number) => `${examId}_${memberId}_${n}`;
export const statsId = (examId: string, unitId: string) => `${examId}_${unitId}`;

// ---------------------------------------------------------------------------------------------
// Access

/** A published exam the member's branch is in the audience of (make-ups also need an invitation). */
export async function examForMember(db: Database, member: Caller, examId: string): Promise<ExamDoc> {
  const exam = await getById<ExamDoc>(db, COLLECTIONS.exams, examId);
  if (!exam || exam.orgId !== member.orgId || exam.status !== 'published') throw notFound('找不到这场考试');
  // An audience unit reaches the members of every unit below it.
  if (!audienceReaches(exam.audience, member.unitPath, ALL_UNITS)) throw forbidden('这场考试不面向您所在的支部');
  return exam;
}

/** The member's own attempt; another member's id is refused without saying whose it is. */
export async function ownAttempt(db: Database, member: Caller, id: string): Promise<AttemptDoc> {
  const attempt = await getById<AttemptDoc>(db, COLLECTIONS.examAttempts, id);
  if (!attempt || attempt.memberId !== member._id) throw notFound('找不到这次答题记录');
  return attempt;
}

/**
 * Organisers who may change an exam: org admins, its author, or organisers whose subtrees hold
 * every unit it targets. `targets` are the exam's audience units (read by the caller).
 */
export function canEditExam(member: Caller, exam: ExamDoc, targets: UnitDoc[]): boolean {
  if (exam.orgId !== member.orgId) return false;
  if (member.role === 'org_admin') return true;
  if (member.role !== 'unit_organiser') return false;
  if (exam.createdBy === member._id) return true;
  return exam.unitIds.length > 0 && targets.length === exam.unitIds.length && targets.every((u) => mayManage(member, u));
}

/**
 * Organisers who may look at an exam: it reaches some of their members — it targets everyone, a
 * unit inside their subtrees, or a unit above one of their scope units (`scopes`, read by the caller).
 */
export function canViewExam(member: Caller, exam: ExamDoc, targets: UnitDoc[], scopes: UnitDoc[]): boolean {
  if (exam.orgId !== member.orgId) return false;
  if (member.role === 'org_admin') return true;
  if (member.role !== 'unit_organiser') return false;
  if (exam.audience.includes(ALL_UNITS)) return true;
  return targets.some((u) => mayManage(member, u) || scopes.some((s) => s.path.includes(u._id)));
}

/** The exam if the organiser may view (or edit) it; one more read for a unit organiser. */
export async function examForOrganiser(db: Database, member: Caller, examId: string, need: 'view' | 'edit'): Promise<ExamDoc> {
  const exam = await getById<ExamDoc>(db, COLLECTIONS.exams, examId);
  if (!exam || exam.orgId !== member.orgId) throw notFound('找不到这场考试');
  if (member.role === 'org_admin') return exam;
  let allowed = false;
  if (member.role === 'unit_organiser') {
    const targetIds = exam.audience.filter((id) => id !== ALL_UNITS);
    const scopeUnitIds = scopeIds(member);
    const read = await unitsByIds(db, [...new Set([...targetIds, ...scopeUnitIds])], exam.orgId);
    const targets = read.filter((u) => targetIds.includes(u._id));
    const scopes = read.filter((u) => scopeUnitIds.includes(u._id));
    allowed = need === 'edit' ? canEditExam(member, exam, targets) : canViewExam(member, exam, targets, scopes);
  }
  if (!allowed) throw forbidden('您不是这场考试所面向组织的管理员');
  return exam;
}

/**
 * The units an exam reaches — the units it names and every unit below them, or every unit for
 * an org-wide exam — limited to those the organiser manages. One read.
 */
export async function visibleUnits(db: Database, member: Caller, exam: ExamDoc): Promise<UnitDoc[]> {
  const units = exam.audience.includes(ALL_UNITS)
    ? await unitsOfOrg(db, exam.orgId)
    : await unitsUnder(db, exam.orgId, exam.audience);
  return units.filter((u) => u.parentId !== null && mayManage(member, u)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export function examPhase(exam: ExamDoc, now: number): ManagedExamRow['phase'] {
  if (exam.status === 'draft') return 'draft';
  if (now < exam.opensAt) return 'upcoming';
  if (now < exam.closesAt) return 'open';
  return 'closed';
}

// ---------------------------------------------------------------------------------------------
// Counters (rule 9): one document per exam and branch, changed by atomic increments

function zeroStats(examId: string, unitId: string, orgId: string): StatsDoc {
  const hist: Record<string, number> = {};
  for (let b = 0; b < 10; b++) hist[`b${b}`] = 0;
  return {
    _id: statsId(examId, unitId),
    examId,
    unitId,
    orgId,
    invited: 0,
    started: 0,
    submitted: 0,
    passed: 0,
    failed: 0,
    flagged: 0,
    scoreSum: 0,
    secondsSum: 0,
    hist,
    q: {},
  };
}

export async function ensureStats(db: Database, examId: string, unitId: string, orgId: string): Promise<void> {
  try {
    await insert(db, COLLECTIONS.examStats, { ...zeroStats(examId, unitId, orgId) });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
}

/** Numbers to add, as a nested object of plain numbers; turned into _.inc here. */
export type StatsDelta = { [field: string]: number | StatsDelta };

function toInc(db: Database, delta: StatsDelta): Record<string, unknown> {
  const _ = db.command;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(delta)) out[k] = typeof v === 'number' ? _.inc(v) : toInc(db, v);
  return out;
}

export async function incStats(db: Database, examId: string, unitId: string, orgId: string, delta: StatsDelta): Promise<void> {
  if (Object.keys(delta).length === 0) return;
  const data = toInc(db, delta);
  if ((await updateById(db, COLLECTIONS.examStats, statsId(examId, unitId), data)) > 0) return;
  // A branch that joined an org-wide exam after it was published: create its counters once.
  await ensureStats(db, examId, unitId, orgId);
  await updateById(db, COLLECTIONS.examStats, statsId(examId, unitId), data);
}

/** How a member's best result moving from `before` to `after` changes the branch counters. */
export function bestDelta(before: BestResult | null, after: BestResult | null, total: number): StatsDelta {
  const d: Record<string, number> = {};
  const hist: Record<string, number> = {};
  const add = (k: string, n: number) => {
    d[k] = (d[k] ?? 0) + n;
  };
  const addHist = (b: number, n: number) => {
    hist[`b${b}`] = (hist[`b${b}`] ?? 0) + n;
  };
  for (const [r, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    if (!r) continue;
    add('submitted', sign);
    add(r.passed ? 'passed' : 'failed', sign);
    add('scoreSum', sign * r.score);
    add('secondsSum', sign * r.seconds);
    addHist(scoreBucket(r.score, total), sign);
  }
  const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, n]) => n !== 0));
  const histChanges = nonZero(hist);
  return Object.keys(histChanges).length > 0 ? { ...nonZero(d), hist: histChanges } : nonZero(d);
}

function better(a: BestResult, b: BestResult | null): boolean {
  if (!b) return true;
  if (a.score !== b.score) return a.score > b.score;
  return a.seconds < b.seconds;
}

// ---------------------------------------------------------------------------------------------
// Closing an attempt: the one place an attempt is graded

/**
 * Grade and close an open attempt with what it holds plus `extra` answers. The close is a
 * conditional update on (status open, rev): of any number of concurrent closes exactly one wins
 * and updates the counters; the others read the result. Returns the closed attempt.
 */
export async function closeAttempt(
  ctx: ActionContext,
  start: AttemptDoc,
  closedBy: 'member' | 'deadline' | 'organiser',
  extra: Record<string, AnswerValue> = {},
  reason?: { by: string; reason: string },
): Promise<AttemptDoc> {
  const { db, clock } = ctx.deps;
  let attempt = start;
  for (let round = 0; round < 6; round++) {
    if (attempt.status === 'submitted') return attempt;
    const now = clock.now();
    const answers = { ...attempt.answers, ...extra };
    const grade = gradePaper(attempt.paper, attempt.key, answers, attempt.terms);
    const submittedAt = Math.min(now, attempt.deadline);
    const seconds = Math.max(0, Math.round((submittedAt - attempt.startedAt) / 1000));
    const passed = grade.score >= attempt.terms.passScore;
    const perQuestion: AttemptDoc['perQuestion'] = {};
    for (const [qid, g] of Object.entries(grade.perQuestion)) perQuestion[qid] = { earned: g.earned, correct: g.correct };
    const update: Record<string, unknown> = {
      status: 'submitted',
      answers: db.command.set(answers),
      score: grade.score,
      total: grade.total,
      passed,
      correctCount: grade.correctCount,
      answeredCount: grade.answeredCount,
      perQuestion: db.command.set(perQuestion),
      submittedAt,
      seconds,
      closedBy,
    };
    if (reason) update.log = db.command.push([{ at: now, by: reason.by, action: 'force_submit', reason: reason.reason }]);
    const won = await updateWhere(
      db.collection(COLLECTIONS.examAttempts).where({ _id: attempt._id, status: 'open', rev: attempt.rev }),
      update,
    );
    if (won === 1) {
      const closed: AttemptDoc = { ...attempt, ...(update as object), answers, perQuestion, status: 'submitted' } as AttemptDoc;
      await afterClose(ctx, closed);
      return closed;
    }
    const fresh = await getById<AttemptDoc>(db, COLLECTIONS.examAttempts, attempt._id);
    if (!fresh) throw notFound('找不到这次答题记录');
    attempt = fresh;
  }
  throw new Error(`attempt ${start._id} kept changing while closing`);
}

/** The winner of a close updates the member's standing and the branch counters. */
async function afterClose(ctx: ActionContext, a: AttemptDoc): Promise<void> {
  const { db } = ctx.deps;
  const taker = await getById<TakerDoc>(db, COLLECTIONS.examTakers, takerId(a.examId, a.memberId));
  const result: BestResult = { attemptId: a._id, score: a.score ?? 0, passed: a.passed === true, seconds: a.seconds ?? 0, submittedAt: a.submittedAt ?? 0 };
  const before = taker?.best ?? null;
  let after: BestResult | null = before;
  if (before && before.attemptId === a._id) after = result; // a reopened attempt replaces its own result
  else if (better(result, before)) after = result;
  const takerUpdate: Record<string, unknown> = { lastSubmittedAt: result.submittedAt, best: db.command.set(after) };
  const cleared = await updateWhere(
    db.collection(COLLECTIONS.examTakers).where({ _id: takerId(a.examId, a.memberId), openAttemptId: a._id }),
    { ...takerUpdate, openAttemptId: null },
  );
  if (cleared === 0) await updateById(db, COLLECTIONS.examTakers, takerId(a.examId, a.memberId), takerUpdate);

  const delta = bestDelta(before, after, a.total);
  const q: StatsDelta = {};
  for (const [qid, g] of Object.entries(a.perQuestion)) q[qid] = { n: 1, c: g.correct ? 1 : 0 };
  await incStats(db, a.examId, a.unitId, a.orgId, { ...delta, q });
}

/** An open attempt past its deadline (and the grace) is closed first; anything else is returned as is. */
export async function settle(ctx: ActionContext, attempt: AttemptDoc): Promise<AttemptDoc> {
  if (attempt.status === 'open' && ctx.deps.clock.now() > attempt.deadline + GRACE_MS) return closeAttempt(ctx, attempt, 'deadline');
  return attempt;
}


// ---------------------------------------------------------------------------------------------
// Views

export type Pinned = Record<string, PinnedQuestion>;

export function paperQuestions(paper: PaperItem[], questions: Pinned, points: AttemptDoc['terms']['points']): PaperQuestion[] {
  return paper.map((item, i) => {
    const q = questions[item.qid];
    return {
      qid: item.qid,
      index: i + 1,
      type: q.type,
      stem: q.stem,
      options: q.type === 'fill' ? [] : item.order.map((o) => q.options[o]),
      blankCount: q.type === 'fill' ? q.blanks.length : 0,
      points: points[q.type],
    };
  });
}

export function attemptView(a: AttemptDoc, questions: Pinned, now: number): AttemptView {
  return {
    attemptId: a._id,
    examId: a.examId,
    title: a.terms.title,
    number: a.number,
    status: a.status,
    startedAt: a.startedAt,
    deadline: a.deadline,
    serverNow: now,
    switchCount: a.switchCount,
    switchTolerance: a.terms.switchTolerance,
    questions: paperQuestions(a.paper, questions, a.terms.points),
    answers: a.answers,
  };
}

/** Whether this member may now see the answers of this attempt. */
export function reviewReleased(a: AttemptDoc, now: number): boolean {
  const lastAttempt = a.number >= a.terms.maxAttempts;
  return answersReleased(a.terms.releaseAnswers, a.terms.closesAt, now, a.status === 'submitted' && lastAttempt);
}

export function resultView(a: AttemptDoc, questions: Pinned | null, now: number, reported: Set<string> = new Set()): AttemptResult {
  if (a.status !== 'submitted') throw invalid('这次答题尚未交卷');
  const released = questions !== null && reviewReleased(a, now);
  let review: ReviewItem[] | null = null;
  if (released && questions) {
    review = paperQuestions(a.paper, questions, a.terms.points).map((pq, i) => {
      const q = questions[pq.qid];
      const item = a.paper[i];
      const shownOf = (orig: number) => item.order.indexOf(orig);
      return {
        ...pq,
        mine: a.answers[pq.qid] ?? null,
        correctChoice: q.type === 'fill' ? [] : q.answer.map(shownOf).sort((x, y) => x - y),
        correctBlanks: q.type === 'fill' ? q.blanks : [],
        correct: a.perQuestion[pq.qid]?.correct ?? false,
        earned: a.perQuestion[pq.qid]?.earned ?? 0,
        explanation: q.explanation,
        reported: reported.has(pq.qid),
      };
    });
  }
  return {
    attemptId: a._id,
    examId: a.examId,
    title: a.terms.title,
    status: 'submitted',
    score: a.score ?? 0,
    total: a.total,
    passScore: a.terms.passScore,
    passed: a.passed === true,
    correctCount: a.correctCount,
    answeredCount: a.answeredCount,
    questionCount: a.paper.length,
    durationSeconds: a.seconds ?? 0,
    submittedAt: a.submittedAt ?? 0,
    closedBy: a.closedBy ?? 'member',
    reviewAt: released ? null : reviewAtOf(a),
    review,
  };
}

function reviewAtOf(a: AttemptDoc): number {
  return a.terms.closesAt;
}

export async function loadPool(db: Database, examId: string): Promise<ExamPoolDoc> {
  const pool = await getById<ExamPoolDoc>(db, COLLECTIONS.examPools, examId);
  if (!pool) throw new Error(`exam ${examId} has no pool`);
  return pool;
}

export const pinnedId = (source: string, qid: string) => `${source}_${qid}`;

/** The pinned content of these questions (one query per 1000). */
export async function loadPinned(db: Database, source: string, qids: string[]): Promise<Pinned> {
  const _ = db.command;
  const out: Pinned = {};
  for (let i = 0; i < qids.length; i += 1000) {
    const chunk = qids.slice(i, i + 1000);
    const docs = await list<ExamQuestionDoc>(db.collection(COLLECTIONS.examQuestions).where({ _id: _.in(chunk.map((q) => pinnedId(source, q))) }).limit(chunk.length));
    for (const d of docs) {
      const { type, stem, options, answer, blanks, explanation, tags, difficulty, version } = d;
      out[d.qid] = { type, stem, options, answer, blanks, explanation, tags, difficulty, version };
    }
  }
  const missing = qids.filter((q) => !out[q]);
  if (missing.length > 0) throw new Error(`exam ${source}: pinned questions missing: ${missing.slice(0, 3).join(', ')}`);
  return out;
}

/** The pinned questions of one attempt's paper. */
export function paperPinned(db: Database, a: AttemptDoc): Promise<Pinned> {
  return loadPinned(db, a.source, a.paper.map((p) => p.qid));
}

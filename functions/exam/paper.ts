// Paper results (送题到家, 纸质考试): a score an organiser records by hand for a roster member, bound
// or not. It lives on the member's taker document — the same `best` an attempt's close writes — so
// the roster, the export, the console and the gap lists read it like any result, marked 手工录入.
// Each write is a transaction over that document (the one a start also goes through), so a hand
// record and an online attempt exclude each other, a double tap records once, and only the
// transaction that changed the record moves the branch counters (by the same incStats path as a close).

import { audienceReaches } from '../../core/domain/org/units';
import { PAPER_ATTEMPT_ID, type PaperTraceEntry, paperScoreProblem, takenOnProblem } from '../../core/domain/exam/paper';
import { beijingDayKey, beijingDayStart } from '../../core/domain/time';
import type { PaperResultView } from '../../core/contracts/exam';
import { COLLECTIONS } from '../lib/collections';
import { isTransactionConflict, type TransactionLike } from '../lib/db';
import { conflict, forbidden, invalid, notFound, precondition } from '../lib/errors';
import type { MemberDoc } from '../lib/model';
import type { ActionContext } from '../lib/router';
import { type Caller, getMember, mayManagePath } from '../org/ports';
import { examForOrganiser } from './access';
import { takerId } from './ids';
import { ALL_UNITS, type BestResult, type ExamDoc, type PaperRecord, type TakerDoc } from './model';
import { bestDelta, incStats, type StatsDelta } from './statistics';

/** The published exam and the roster member an organiser may record a paper result for. Refusals write nothing. */
export async function paperTarget(ctx: ActionContext, me: Caller, examId: string, memberId: string): Promise<{ exam: ExamDoc; member: MemberDoc }> {
  const { db } = ctx.deps;
  const exam = await examForOrganiser(db, me, examId, 'view');
  if (exam.status !== 'published') throw precondition('这场考试还没有发布，发布后才能录入纸质成绩');
  const member = await getMember(db, memberId);
  // Someone not on the roster: the field is named, nothing about who else is there.
  if (!member || member.orgId !== exam.orgId) throw notFound('成员：花名册中没有这名党员');
  if (!mayManagePath(me, member.orgId, member.unitPath)) throw forbidden('只能为您管理的组织的党员录入成绩');
  if (!audienceReaches(exam.audience, member.unitPath, ALL_UNITS)) throw precondition('成员：这场考试不面向该党员所在的组织');
  return { exam, member };
}

export function paperView(exam: ExamDoc, memberId: string, p: PaperRecord): PaperResultView {
  return {
    examId: exam._id,
    memberId,
    score: p.withdrawn ? null : p.score,
    passed: p.withdrawn ? null : p.score >= exam.passScore,
    takenOn: p.takenOn,
    note: p.note,
    withdrawn: p.withdrawn,
    trace: p.trace,
  };
}

function paperBest(exam: ExamDoc, p: Pick<PaperRecord, 'score' | 'takenOn'>): BestResult {
  return { attemptId: PAPER_ATTEMPT_ID, score: p.score, passed: p.score >= exam.passScore, seconds: 0, submittedAt: beijingDayStart(p.takenOn) };
}

type Change = { record: PaperRecord; delta: StatsDelta | null; unitId: string };

/**
 * Runs `decide` on the member's taker document in a transaction and writes what it returns. A
 * conflicting concurrent write makes the loser run again and find the winner's document.
 */
async function overTaker(
  ctx: ActionContext,
  exam: ExamDoc,
  member: MemberDoc,
  decide: (taker: TakerDoc | null) => { next: TakerDoc | null; record: PaperRecord; delta: StatsDelta | null },
): Promise<Change> {
  const { db } = ctx.deps;
  const tid = takerId(exam._id, member._id);
  for (let round = 0; round < 8; round++) {
    try {
      return await db.runTransaction(async (t: TransactionLike) => {
        const taker = (await t.collection(COLLECTIONS.examTakers).doc(tid).get()).data as TakerDoc | null;
        const { next, record, delta } = decide(taker);
        if (next) {
          const { _id: _ignored, ...data } = next;
          await t.collection(COLLECTIONS.examTakers).doc(tid).set({ data: data as unknown as Record<string, unknown> });
        }
        return { record, delta, unitId: next?.unitId ?? taker?.unitId ?? member.unitId };
      });
    } catch (err) {
      if (isTransactionConflict(err)) continue;
      throw err;
    }
  }
  throw conflict('录入时发生冲突，请重试');
}

/** After the transaction that changed the record: the branch counters, by the same path as a close. */
async function applyChange(ctx: ActionContext, exam: ExamDoc, change: Change): Promise<void> {
  if (change.delta) await incStats(ctx.deps.db, exam._id, change.unitId, exam.orgId, change.delta);
}

export async function recordPaper(
  ctx: ActionContext,
  me: Caller,
  input: { examId: string; memberId: string; score: number; takenOn: string; note: string },
): Promise<PaperResultView> {
  const now = ctx.deps.clock.now();
  const { exam, member } = await paperTarget(ctx, me, input.examId, input.memberId);
  const problem = paperScoreProblem(input.score, exam.totalScore) ?? takenOnProblem(input.takenOn, beijingDayKey(now));
  if (problem) throw invalid(problem);
  const change = await overTaker(ctx, exam, member, (taker) => {
    if (exam.inviteOnly && !taker?.invited) throw precondition('该党员不在这场补考的名单中');
    if (taker && (taker.attemptsUsed > 0 || taker.openAttemptId)) throw precondition('该党员已在线参加这场考试，不能再录入纸质成绩');
    const held = taker?.paper;
    if (held && !held.withdrawn) {
      // The same record again (a double tap, a retry): answered with what is there, nothing moves.
      if (held.score === input.score && held.takenOn === input.takenOn && held.note === input.note) return { next: null, record: held, delta: null };
      throw precondition('已录入过这名党员的纸质成绩，如需修改请使用“更正”');
    }
    const entry: PaperTraceEntry = { at: now, by: me._id, byName: me.name, action: 'record', from: null, to: input.score, reason: input.note };
    const record: PaperRecord = { score: input.score, takenOn: input.takenOn, note: input.note, by: me._id, byName: me.name, at: now, withdrawn: false, trace: [...(held?.trace ?? []), entry] };
    const best = paperBest(exam, record);
    const next: TakerDoc = {
      _id: takerId(exam._id, member._id),
      examId: exam._id,
      orgId: exam.orgId,
      unitId: taker?.unitId ?? member.unitId,
      memberId: member._id,
      name: member.name,
      invited: taker?.invited ?? false,
      attemptsUsed: 0,
      openAttemptId: null,
      best,
      lastSubmittedAt: best.submittedAt,
      extraMinutes: taker?.extraMinutes ?? 0,
      extraLog: taker?.extraLog ?? [],
      flagged: taker?.flagged ?? false,
      createdAt: taker?.createdAt ?? new Date(now),
      paper: record,
      v: (taker?.v ?? 0) + 1,
    };
    // A hand record counts as started and handed in, like an attempt's start and close.
    return { next, record, delta: { ...bestDelta(null, best, exam.totalScore), started: 1, paper: 1 } };
  });
  await applyChange(ctx, exam, change);
  return paperView(exam, member._id, change.record);
}

export async function amendPaper(
  ctx: ActionContext,
  me: Caller,
  input: { examId: string; memberId: string; score: number | null; reason: string },
): Promise<PaperResultView> {
  const now = ctx.deps.clock.now();
  const { exam, member } = await paperTarget(ctx, me, input.examId, input.memberId);
  if (input.score !== null) {
    const problem = paperScoreProblem(input.score, exam.totalScore);
    if (problem) throw invalid(problem);
  }
  const change = await overTaker(ctx, exam, member, (taker) => {
    const held = taker?.paper;
    if (!taker || !held) throw notFound('成员：这名党员没有手工录入的成绩');
    // Already as asked (a double tap of the same correction or withdrawal): nothing moves.
    if (held.withdrawn && input.score === null) return { next: null, record: held, delta: null };
    if (held.withdrawn) throw precondition('这条纸质成绩已撤销，请重新录入');
    if (held.score === input.score) return { next: null, record: held, delta: null };
    const entry: PaperTraceEntry = {
      at: now,
      by: me._id,
      byName: me.name,
      action: input.score === null ? 'withdraw' : 'correct',
      from: held.score,
      to: input.score,
      reason: input.reason,
    };
    const before = taker.best;
    const record: PaperRecord = input.score === null ? { ...held, withdrawn: true, trace: [...held.trace, entry] } : { ...held, score: input.score, trace: [...held.trace, entry] };
    const after = input.score === null ? null : paperBest(exam, record);
    const next: TakerDoc = { ...taker, best: after, lastSubmittedAt: after?.submittedAt ?? null, paper: record, v: (taker.v ?? 0) + 1 };
    const delta: StatsDelta = bestDelta(before, after, exam.totalScore);
    if (input.score === null) Object.assign(delta, { started: -1, paper: -1 });
    return { next, record, delta };
  });
  await applyChange(ctx, exam, change);
  return paperView(exam, member._id, change.record);
}

// startExam: the server creates the attempt with the member's own paper and deadline, or resumes
// the running one (closing the app, losing the network or switching phones lands here again).
// Racing starts are settled by a transaction over the member's taker document.

import type { ExamResponses } from '../../../core/contracts/exam';
import { attemptDeadline, drawByRules, layPaper } from '../../../core/domain/exam';
import { COLLECTIONS } from '../../lib/collections';
import { getById, isTransactionConflict, type TransactionLike } from '../../lib/db';
import { conflict, forbidden, precondition } from '../../lib/errors';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { AttemptDoc, ExamDoc, ExamPoolDoc, KeyEntry, TakerDoc } from '../model';
import { examForMember } from '../access';
import { closeAttempt, GRACE_MS } from '../grading';
import { attemptId, takerId } from '../ids';
import { loadPinned, loadPool, paperPinned, type Pinned } from '../pinned';
import { incStats } from '../statistics';
import { attemptView } from '../views';

export async function startExam(input: { examId: string }, ctx: ActionContext): Promise<ExamResponses['startExam']> {
  const { db, clock } = ctx.deps;
  const member = await requireMember(ctx);
  const exam = await examForMember(db, member, input.examId);
  const pool = await loadPool(db, exam._id);
  // The paper is drawn from the pool's ids; only the drawn questions' pinned content is read.
  const qids = drawQids(exam, pool);
  const pinned = await loadPinned(db, pool.source, qids);

  for (let round = 0; round < 3; round++) {
    const now = clock.now();
    if (now < exam.opensAt) throw precondition('考试尚未开始');
    const fresh = buildAttempt(exam, pool.source, qids, pinned, member, now);
    let outcome: { kind: 'resume' | 'created'; attempt: AttemptDoc; firstStart: boolean } | { kind: 'expired'; attempt: AttemptDoc };
    try {
      outcome = await db.runTransaction(async (t: TransactionLike) => {
        const tid = takerId(exam._id, member._id);
        const taker = (await t.collection(COLLECTIONS.examTakers).doc(tid).get()).data as TakerDoc | null;
        if (taker?.openAttemptId) {
          const open = (await t.collection(COLLECTIONS.examAttempts).doc(taker.openAttemptId).get()).data as AttemptDoc | null;
          if (open && open.status === 'open') {
            if (now > open.deadline + GRACE_MS) return { kind: 'expired' as const, attempt: open };
            return { kind: 'resume' as const, attempt: open, firstStart: false };
          }
        }
        if (exam.inviteOnly && !taker?.invited) throw forbidden('您不在这场补考的名单中');
        // A result recorded by hand from paper stands for this exam: no online attempt beside it (../paper.ts).
        if (taker?.paper && !taker.paper.withdrawn) throw precondition('您这场考试的成绩已由组织者按纸质考试录入，不需要再在线作答');
        if (now >= exam.closesAt) throw precondition('考试已结束');
        const used = taker?.attemptsUsed ?? 0;
        if (used >= exam.maxAttempts) throw precondition(exam.maxAttempts === 1 ? '您已参加过这场考试' : `考试次数已用完（共 ${exam.maxAttempts} 次）`);
        const number = used + 1;
        const extra = taker?.extraMinutes ?? 0;
        const attempt: AttemptDoc = {
          ...fresh,
          _id: attemptId(exam._id, member._id, number),
          number,
          deadline: attemptDeadline(now, exam.durationMinutes, exam.closesAt, extra),
        };
        const nextTaker: TakerDoc = {
          _id: tid,
          examId: exam._id,
          orgId: exam.orgId,
          unitId: member.unitId,
          memberId: member._id,
          name: member.name,
          invited: taker?.invited ?? false,
          attemptsUsed: number,
          openAttemptId: attempt._id,
          best: taker?.best ?? null,
          lastSubmittedAt: taker?.lastSubmittedAt ?? null,
          extraMinutes: extra,
          extraLog: taker?.extraLog ?? [],
          flagged: taker?.flagged ?? false,
          createdAt: taker?.createdAt ?? new Date(now),
          // A withdrawn hand record keeps its trace.
          ...(taker?.paper ? { paper: taker.paper } : {}),
        };
        const { _id: aid, ...attemptData } = attempt;
        const { _id: tidData, ...takerData } = nextTaker;
        void tidData;
        await t.collection(COLLECTIONS.examAttempts).doc(aid).set({ data: attemptData as unknown as Record<string, unknown> });
        await t.collection(COLLECTIONS.examTakers).doc(tid).set({ data: takerData as unknown as Record<string, unknown> });
        return { kind: 'created' as const, attempt, firstStart: used === 0 };
      });
    } catch (err) {
      // Another start of this member won the race: the next round resumes what it created.
      if (isTransactionConflict(err)) continue;
      throw err;
    }
    if (outcome.kind === 'expired') {
      await closeAttempt(ctx, outcome.attempt, 'deadline');
      continue;
    }
    if (outcome.kind === 'created' && outcome.firstStart) await incStats(db, exam._id, member.unitId, exam.orgId, { started: 1 });
    // A resumed attempt has its own paper (drawn earlier); a new one has the questions read above.
    const questions = outcome.kind === 'created' ? pinned : await paperPinned(db, outcome.attempt);
    return attemptView(outcome.attempt, questions, clock.now());
  }
  // Only reached if the member's own phones keep racing each other.
  const again = await getById<TakerDoc>(db, COLLECTIONS.examTakers, takerId(exam._id, member._id));
  if (again?.openAttemptId) {
    const open = await getById<AttemptDoc>(db, COLLECTIONS.examAttempts, again.openAttemptId);
    if (open && open.status === 'open') return attemptView(open, await paperPinned(db, open), clock.now());
  }
  throw conflict('开始考试时发生冲突，请重试');
}

function drawQids(exam: ExamDoc, pool: ExamPoolDoc): string[] {
  if (exam.paper.mode === 'fixed') return pool.pool.map((e) => e.qid);
  const qids = drawByRules(exam.paper.rules, pool.pool, Math.random);
  if (!qids) throw precondition('题库中的题目不足以组卷，请联系管理员');
  return qids;
}

/** The member's paper, shuffled; its id, number and deadline are set in the transaction. */
function buildAttempt(exam: ExamDoc, source: string, qids: string[], pinned: Pinned, member: { _id: string; unitId: string; name: string }, now: number): AttemptDoc {
  const paper = layPaper(qids, pinned, exam, Math.random);
  const answerKey: Record<string, KeyEntry> = {};
  for (const { qid } of paper) {
    const q = pinned[qid];
    answerKey[qid] = { type: q.type, answer: q.answer, blanks: q.blanks };
  }
  return {
    _id: '',
    examId: exam._id,
    orgId: exam.orgId,
    unitId: member.unitId,
    memberId: member._id,
    name: member.name,
    number: 0,
    status: 'open',
    source,
    terms: {
      title: exam.title,
      points: exam.points,
      multiplePartial: exam.multiplePartial,
      passScore: exam.passScore,
      maxAttempts: exam.maxAttempts,
      closesAt: exam.closesAt,
      releaseAnswers: exam.releaseAnswers,
      switchTolerance: exam.switchTolerance,
    },
    paper,
    key: answerKey,
    answers: {},
    rev: 0,
    startedAt: now,
    deadline: 0,
    switchCount: 0,
    switchLog: [],
    flagged: false,
    score: null,
    total: 0,
    passed: null,
    correctCount: 0,
    answeredCount: 0,
    perQuestion: {},
    submittedAt: null,
    seconds: null,
    closedBy: null,
    log: [],
  };
}

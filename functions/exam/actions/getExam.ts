// getExam: the intro page of one exam: rules, window, question count, attempts left, the attempt
// to resume and the member's past attempts. Never a question.

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { getById, list } from '../../lib/db';
import { forbidden } from '../../lib/errors';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { AttemptDoc, TakerDoc } from '../model';
import { examForMember } from '../access';
import { takerId } from '../ids';
import { cardOf } from '../phases';
import type { RegradedAttempt } from '../regrade';

export async function getExam(input: { examId: string }, ctx: ActionContext): Promise<ExamResponses['getExam']> {
  const { db, clock } = ctx.deps;
  const member = await requireMember(ctx);
  const exam = await examForMember(db, member, input.examId);
  const taker = await getById<TakerDoc>(db, COLLECTIONS.examTakers, takerId(exam._id, member._id));
  if (exam.inviteOnly && !taker?.invited) throw forbidden('您不在这场补考的名单中');
  const attempts = taker && taker.attemptsUsed > 0
    ? await list<AttemptDoc>(
        db.collection(COLLECTIONS.examAttempts).where({ examId: exam._id, memberId: member._id }).orderBy('number', 'asc').limit(10),
      )
    : [];
  const now = clock.now();
  const latest = attempts[attempts.length - 1];
  return {
    ...cardOf(exam, taker, now),
    description: exam.description,
    maxAttempts: exam.maxAttempts,
    releaseAnswers: exam.releaseAnswers,
    switchTolerance: exam.switchTolerance,
    typeCounts: exam.typeCounts,
    points: exam.points,
    multiplePartial: exam.multiplePartial,
    attemptId: taker?.openAttemptId ?? latest?._id ?? null,
    attempts: attempts.map((a) => ({
      id: a._id,
      number: a.number,
      status: a.status,
      score: a.score,
      passed: a.passed,
      submittedAt: a.submittedAt,
      flagged: a.flagged,
      regraded: ((a as RegradedAttempt).regrades ?? []).length > 0,
    })),
    serverNow: now,
  };
}

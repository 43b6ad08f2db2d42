// previewRegrade: what correcting one pinned question's key would change — attempts whose score
// moves, members passing before and after — before an organiser confirms it (regradeExam).
// Only the exam's managers, and never one who may still take a window carrying the question:
// whoever may not read the key may not set it either (docs/SECURITY.md, rule 2).

import type { ExamResponses, RegradePreview } from '../../../core/contracts/exam';
import { getById } from '../../lib/db';
import { COLLECTIONS } from '../../lib/collections';
import { forbidden, notFound } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser, type Caller } from '../../org/ports';
import { examForOrganiser } from '../access';
import { heldKeys } from '../keys';
import type { ExamDoc, KeyEntry, PinnedQuestion } from '../model';
import { loadPinned } from '../pinned';
import { correctedKey, examFamily, familyAttempts, previewOf, sameKey, type RegradedAttempt } from '../regrade';

export interface RegradeTarget {
  me: Caller;
  /** The exam whose pinned questions hold the key (a make-up's original). */
  exam: ExamDoc;
  examIds: string[];
  qid: string;
  question: PinnedQuestion;
  keyBefore: KeyEntry;
  keyAfter: KeyEntry;
}

/** The checks both actions make: the organiser may edit the exam and read the key; the key fits. */
export async function regradeTarget(ctx: ActionContext, input: { examId: string; questionId: string; key?: { answer: number[]; blanks: string[][] } | null }): Promise<RegradeTarget> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const asked = await examForOrganiser(db, me, input.examId, 'edit');
  const exam = asked.kind === 'makeup' && asked.parentId ? await getById<ExamDoc>(db, COLLECTIONS.exams, asked.parentId) : asked;
  if (!exam || exam.status !== 'published') throw notFound('这场考试尚未发布，直接修改题目即可');
  if ((await heldKeys(db, me, [input.questionId], clock.now(), 'bank')).has(input.questionId)) {
    throw forbidden('您可能参加含有此题的考试，不能更正它的答案；请由其他管理员处理');
  }
  const pinned = await loadPinned(db, exam._id, [input.questionId]).catch(() => null);
  const question = pinned?.[input.questionId];
  if (!question) throw notFound('这场考试没有这道题');
  const keyBefore: KeyEntry = { type: question.type, answer: question.answer, blanks: question.blanks };
  return { me, exam, examIds: await examFamily(db, exam), qid: input.questionId, question, keyBefore, keyAfter: correctedKey(question, input.key ?? keyBefore) };
}

export function previewView(t: RegradeTarget, attempts: RegradedAttempt[]): RegradePreview {
  return {
    examId: t.exam._id,
    questionId: t.qid,
    type: t.question.type,
    stem: t.question.stem,
    options: t.question.options,
    currentKey: { answer: t.keyBefore.answer, blanks: t.keyBefore.blanks },
    ...previewOf(attempts, t.qid, t.keyAfter),
    sameKey: sameKey(t.keyBefore, t.keyAfter),
  };
}

export async function previewRegrade(input: { examId: string; questionId: string; key?: { answer: number[]; blanks: string[][] } | null }, ctx: ActionContext): Promise<ExamResponses['previewRegrade']> {
  const t = await regradeTarget(ctx, input);
  return previewView(t, await familyAttempts(ctx.deps.db, t.examIds));
}

// setQuestionStatus: retire a question from the bank (new papers no longer use it) or restore it.
// The status and its history record (停用 / 恢复使用, who, when) are one transaction; the content
// and its version are unchanged, so published exams and import previews are not affected.

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { isTransactionConflict, type TransactionLike } from '../../lib/db';
import { conflict } from '../../lib/errors';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { contentOf, ownQuestion } from '../bank';
import type { QuestionDoc, QuestionHistoryDoc } from '../model';

type Status = 'active' | 'retired';

export async function setQuestionStatus(input: { questionId: string; status: Status }, ctx: ActionContext): Promise<ExamResponses['setQuestionStatus']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const q = await ownQuestion(ctx, me.orgId, input.questionId);
  const now = new Date(clock.now());
  // Read again inside: a status already set (a retried or doubled tap) writes nothing.
  const body = async (t: TransactionLike) => {
    const cur = (await t.collection(COLLECTIONS.questions).doc(q._id).get()).data as QuestionDoc | null;
    if (!cur || cur.status === input.status) return;
    const content = contentOf(cur);
    const record: Omit<QuestionHistoryDoc, '_id'> = {
      orgId: cur.orgId,
      questionId: cur._id,
      version: cur.version,
      by: me._id,
      at: now,
      source: 'editor',
      fileName: null,
      changes: [input.status === 'retired' ? '停用（新考试不再用这道题）' : '恢复使用'],
      before: content,
      after: content,
    };
    await t.collection(COLLECTIONS.questions).doc(cur._id).update({ data: { status: input.status, updatedAt: now } });
    await t.collection(COLLECTIONS.questionHistory).doc(`${cur._id}_v${cur.version}_${input.status}_${now.getTime()}`).set({ data: record });
  };
  try {
    await db.runTransaction(body);
  } catch (err) {
    if (isTransactionConflict(err)) throw conflict('这道题刚被其他管理员修改过，请刷新后再试');
    throw err;
  }
  return { questionId: q._id, status: input.status };
}

// setQuestionStatus: retire a question from the bank (new papers no longer use it) or restore it.

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { updateById } from '../../lib/db';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { ownQuestion } from '../bank';

export async function setQuestionStatus(input: { questionId: string; status: 'active' | 'retired' }, ctx: ActionContext): Promise<ExamResponses['setQuestionStatus']> {
  const me = await requireOrganiser(ctx);
  const q = await ownQuestion(ctx, me.orgId, input.questionId);
  await updateById(ctx.deps.db, COLLECTIONS.questions, q._id, { status: input.status, updatedAt: new Date(ctx.deps.clock.now()) });
  return { questionId: q._id, status: input.status };
}

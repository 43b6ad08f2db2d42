// getQuestion: one question of the bank, with its answer and explanation, for the editor.

import type { ExamResponses } from '../../../core/contracts/exam';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { ownQuestion, questionDetail } from '../bank';

export async function getQuestion(input: { questionId: string }, ctx: ActionContext): Promise<ExamResponses['getQuestion']> {
  const me = await requireOrganiser(ctx);
  return questionDetail(await ownQuestion(ctx, me.orgId, input.questionId));
}

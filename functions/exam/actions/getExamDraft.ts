// getExamDraft: one exam's settings for the organisers' editor.

import type { ExamResponses } from '../../../core/contracts/exam';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { examForOrganiser } from '../access';
import { draftView } from '../drafts';

export async function getExamDraft(input: { examId: string }, ctx: ActionContext): Promise<ExamResponses['getExamDraft']> {
  const me = await requireOrganiser(ctx);
  return draftView(await examForOrganiser(ctx.deps.db, me, input.examId, 'view'));
}

// getQuestion: one question of the bank, with its answer and explanation, for the editor — without
// them while the question is on a window the organiser may still take or is taking
// (docs/SECURITY.md, rule 2).

import type { ExamResponses } from '../../../core/contracts/exam';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { ownQuestion, questionDetail } from '../bank';
import { heldKeys } from '../keys';

export async function getQuestion(input: { questionId: string }, ctx: ActionContext): Promise<ExamResponses['getQuestion']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const q = await ownQuestion(ctx, me.orgId, input.questionId);
  const held = await heldKeys(db, me, [q._id], clock.now(), 'bank');
  return questionDetail(q, held.get(q._id) ?? null);
}

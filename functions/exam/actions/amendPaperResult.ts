// amendPaperResult: corrects a hand-recorded paper score, or withdraws it (score null), with a
// reason; the old and new score, who and when go into the record's trace (../paper.ts).

import type { ExamResponses } from '../../../core/contracts/exam';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { amendPaper } from '../paper';

export async function amendPaperResult(
  input: { examId: string; memberId: string; score: number | null; reason: string },
  ctx: ActionContext,
): Promise<ExamResponses['amendPaperResult']> {
  return amendPaper(ctx, await requireOrganiser(ctx), input);
}

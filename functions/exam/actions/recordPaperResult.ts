// recordPaperResult: an organiser of the member's unit records a paper exam's score by hand
// (送题到家, 纸质考试), for a roster member bound or not. The rules are in ../paper.ts.

import type { ExamResponses } from '../../../core/contracts/exam';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { recordPaper } from '../paper';

export async function recordPaperResult(
  input: { examId: string; memberId: string; score: number; takenOn: string; note: string },
  ctx: ActionContext,
): Promise<ExamResponses['recordPaperResult']> {
  return recordPaper(ctx, await requireOrganiser(ctx), input);
}

// setContestRankSetting: the member's own choice to appear by name on contest boards. Boards read
// it when they are shown, so turning it off hides the name at once, everywhere. One write.

import type { QuizResponses } from '../../../core/contracts/quiz';
import { COLLECTIONS } from '../../lib/collections';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../../org/ports';
import type { QuizSettingsDoc } from '../contestModel';

export async function setContestRankSetting(input: { showRank: boolean }, ctx: ActionContext): Promise<QuizResponses['setContestRankSetting']> {
  const { db, clock } = ctx.deps;
  const me = await requireMember(ctx);
  const doc: Omit<QuizSettingsDoc, '_id'> = { showRank: input.showRank, at: clock.now() };
  await db.collection(COLLECTIONS.quizSettings).doc(me._id).set({ data: doc });
  return { showRank: input.showRank };
}

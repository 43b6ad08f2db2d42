// getContestRankSetting: whether the member appears by name on contest boards (我的 → 竞赛排名).
// Off until they turn it on: a public ranking is the member's choice. One read besides identity.

import type { QuizResponses } from '../../../core/contracts/quiz';
import { COLLECTIONS } from '../../lib/collections';
import { getById } from '../../lib/db';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../../org/ports';
import type { QuizSettingsDoc } from '../contestModel';

export async function getContestRankSetting(_input: Record<string, never>, ctx: ActionContext): Promise<QuizResponses['getContestRankSetting']> {
  const me = await requireMember(ctx);
  const doc = await getById<QuizSettingsDoc>(ctx.deps.db, COLLECTIONS.quizSettings, me._id);
  return { showRank: doc?.showRank === true };
}

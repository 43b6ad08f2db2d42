// getManagedContest: one contest as its organisers see it, for the editor and the management page.
// Reads: identity, the contest.

import type { QuizResponses } from '../../../core/contracts/quiz';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser } from '../../org/ports';
import { contestForOrganiser, managedView } from '../contestAccess';

export async function getManagedContest(input: { contestId: string }, ctx: ActionContext): Promise<QuizResponses['getManagedContest']> {
  const me = await requireOrganiser(ctx);
  return managedView(await contestForOrganiser(ctx.deps.db, me, input.contestId), ctx.deps.clock.now());
}

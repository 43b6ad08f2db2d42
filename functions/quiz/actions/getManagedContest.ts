// getManagedContest: one contest as its organisers see it, for the editor and the management page;
// a wider published contest that holds some of the caller's units comes with access 'figures'
// (read-only: its changes stay with the organisers of its audience). Reads: identity, the contest
// (and the scope units when not on the caller's path, for a contest they do not manage).

import type { QuizResponses } from '../../../core/contracts/quiz';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser } from '../../org/ports';
import { contestForReading, managedView } from '../contestAccess';

export async function getManagedContest(input: { contestId: string }, ctx: ActionContext): Promise<QuizResponses['getManagedContest']> {
  const me = await requireOrganiser(ctx);
  const { contest, access } = await contestForReading(ctx.deps.db, me, input.contestId);
  return managedView(contest, ctx.deps.clock.now(), access);
}

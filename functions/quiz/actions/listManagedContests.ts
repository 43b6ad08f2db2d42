// listManagedContests: the contests whose audience lies in the organiser's subtrees (an org admin's
// scope is the root, on every path), newest first, a keyset page. Reads: identity, one page.

import type { QuizResponses } from '../../../core/contracts/quiz';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { afterCursor, keysetPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser, scopeIds } from '../../org/ports';
import { managedView } from '../contestAccess';
import type { ContestDoc } from '../contestModel';

export async function listManagedContests(input: { cursor?: string | null; limit: number }, ctx: ActionContext): Promise<QuizResponses['listManagedContests']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const _ = db.command;
  const base = { orgId: me.orgId, audiencePath: _.in(scopeIds(me)) };
  const docs = await list<ContestDoc>(
    db
      .collection(COLLECTIONS.contests)
      .where(afterCursor(_, base, 'createdAt', input.cursor))
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(input.limit + 1),
  );
  const { page, nextCursor } = keysetPage(docs, input.limit, (d) => [d.createdAt, d._id]);
  const now = clock.now();
  return { items: page.map((d) => managedView(d, now)), nextCursor };
}

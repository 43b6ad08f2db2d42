// listManagedContests: the contests whose audience lies in the organiser's subtrees (an org admin's
// scope is the root, on every path), newest first, a keyset page; on the first page, also the
// published contests of a wider audience above a unit organiser's subtrees (a branch follows its
// members in the province's contest), read-only, newest close first. Reads: identity, one page;
// for a unit organiser's first page the wider contests (and the scope units when not on their path).

import type { QuizResponses } from '../../../core/contracts/quiz';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { afterCursor, keysetPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import { mayManagePath, requireOrganiser, scopeIds } from '../../org/ports';
import { managedView, scopePaths } from '../contestAccess';
import type { ContestDoc } from '../contestModel';

/** Wider contests listed at most (a branch has a handful of units above it, each with few at once). */
const WIDER_MAX = 20;

export async function listManagedContests(input: { cursor?: string | null; limit: number }, ctx: ActionContext): Promise<QuizResponses['listManagedContests']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const _ = db.command;
  const scopes = scopeIds(me);
  const base = { orgId: me.orgId, audiencePath: _.in(scopes) };
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
  let wider: ContestDoc[] = [];
  if (!input.cursor && me.role !== 'org_admin') {
    // The units strictly above the caller's scopes: an audience there holds some of their units.
    const above = [...new Set((await scopePaths(db, me)).flatMap((p) => p.slice(0, -1)))].filter((id) => !scopes.includes(id));
    if (above.length > 0) {
      wider = (
        await list<ContestDoc>(
          db
            .collection(COLLECTIONS.contests)
            .where({ orgId: me.orgId, status: 'published', audience: _.in(above) })
            .orderBy('closesAt', 'desc')
            .limit(WIDER_MAX),
        )
      ).filter((c) => !mayManagePath(me, c.orgId, c.audiencePath));
    }
  }
  return { items: page.map((d) => managedView(d, now)), nextCursor, wider: wider.map((d) => managedView(d, now, 'figures')) };
}

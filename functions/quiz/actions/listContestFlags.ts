// listContestFlags: the contest's organisers see the members of their subtrees whose answers were
// faster than a person reads, refused (not served, another's round, twice, out of order, outside
// the window or audience), sent after their time, or whose rounds were refused by the rate limit —
// newest first, one document per member. An organiser whose subtree lies inside a wider contest's
// audience sees the members of their own units only. Reads: identity, the contest, (the scope
// units, when not on the caller's path), one page, its units' names.

import type { QuizResponses } from '../../../core/contracts/quiz';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { afterCursor, keysetPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser, scopeIds, unitsByIds } from '../../org/ports';
import { contestForReading } from '../contestAccess';
import type { ContestFlagDoc } from '../contestModel';

export async function listContestFlags(input: { contestId: string; cursor?: string | null; limit: number }, ctx: ActionContext): Promise<QuizResponses['listContestFlags']> {
  const { db } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const { contest: c, within } = await contestForReading(db, me, input.contestId);
  const _ = db.command;
  const base = { contestId: c._id, unitPath: _.in(within ?? scopeIds(me)) };
  const docs = await list<ContestFlagDoc>(
    db
      .collection(COLLECTIONS.contestFlags)
      .where(afterCursor(_, base, 'lastAt', input.cursor))
      .orderBy('lastAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(input.limit + 1),
  );
  const { page, nextCursor } = keysetPage(docs, input.limit, (d) => [d.lastAt, d._id]);
  const units = new Map((await unitsByIds(db, [...new Set(page.map((d) => d.unitId))], me.orgId)).map((u) => [u._id, u.name]));
  return {
    items: page.map((d) => ({
      memberId: d.memberId,
      name: d.name,
      unitName: units.get(d.unitId) ?? '',
      fast: d.fast,
      refused: d.refused,
      limited: d.limited,
      late: d.late,
      lastAt: d.lastAt,
      lastDetail: d.last.detail,
    })),
    nextCursor,
  };
}

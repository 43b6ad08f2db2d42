// pointsHistory: the caller's own entries, newest first, a keyset page at a time (one indexed
// query on memberId + at: one member's entries, never a scan of the ledger).

import type { PointsResponses } from '../../../core/contracts/points';
import { entryLabel } from '../../../core/domain/points';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { afterCursor, keysetPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../../org/ports';
import type { LedgerDoc } from '../model';

export async function pointsHistory(input: { cursor?: string | null; limit: number }, ctx: ActionContext): Promise<PointsResponses['pointsHistory']> {
  const { db } = ctx.deps;
  const _ = db.command;
  const member = await requireMember(ctx);
  const docs = await list<LedgerDoc>(
    db
      .collection(COLLECTIONS.pointsLedger)
      .where(afterCursor(_, { memberId: member._id }, 'at', input.cursor))
      .orderBy('at', 'desc')
      .orderBy('_id', 'desc')
      .limit(input.limit + 1),
  );
  const { page, nextCursor } = keysetPage(docs, input.limit, (last) => [last.at, last._id]);
  return {
    items: page.map((e) => ({ id: e._id, source: e.source, label: entryLabel(e), day: e.day, at: e.at, awarded: e.awarded, capped: e.capped })),
    nextCursor,
  };
}

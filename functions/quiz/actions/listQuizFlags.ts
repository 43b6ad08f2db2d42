// listQuizFlags: organisers see the members of their subtrees whose answers on a day were faster
// than a person reads, or refused (a question not served, another's round, answered twice, out of
// order), or whose rounds were refused by the rate limit — newest first, one document per member
// and day. Reads: identity, one page of flags (the unitPath index), their units' names.

import type { QuizResponses } from '../../../core/contracts/quiz';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { afterCursor, keysetPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser, scopeIds, unitsByIds } from '../../org/ports';
import type { FlagDoc } from '../model';

export async function listQuizFlags(input: { day?: string | null; cursor?: string | null; limit: number }, ctx: ActionContext): Promise<QuizResponses['listQuizFlags']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const _ = db.command;
  const day = input.day ?? beijingDayKey(clock.now());
  // The organisation's root is on every member's path: an org admin's scope needs no special case.
  const base = { orgId: me.orgId, day, unitPath: _.in(scopeIds(me)) };
  const docs = await list<FlagDoc>(
    db
      .collection(COLLECTIONS.quizFlags)
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
      unitId: d.unitId,
      unitName: units.get(d.unitId) ?? '',
      day: d.day,
      fast: d.fast,
      refused: d.refused,
      limited: d.limited,
      lastAt: d.lastAt,
      lastDetail: d.last.detail,
    })),
    nextCursor,
  };
}

// reportComment: a member reports a visible comment (once each); it joins the organisers' queue.

import type { FeedResponses } from '../../../core/contracts/feed';
import { COLLECTIONS } from '../../lib/collections';
import { getById, updateWhere } from '../../lib/db';
import { notFound } from '../../lib/errors';
import { consumeAll } from '../../lib/rateLimit';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { CommentDoc } from '../model';
import { REPORT_LIMITS } from '../limits';

export async function reportComment(input: { commentId: string; reason: string }, ctx: ActionContext): Promise<FeedResponses['reportComment']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const me = await requireMember(ctx);
  await consumeAll(db, REPORT_LIMITS, me._id, clock.now());
  const c = await getById<CommentDoc>(db, COLLECTIONS.postComments, input.commentId);
  if (!c || c.orgId !== me.orgId || c.status !== 'visible') throw notFound('找不到这条评论');
  // Once per member: the condition excludes those who reported already.
  await updateWhere(db.collection(COLLECTIONS.postComments).where({ _id: c._id, reportedBy: _.neq(me._id) }), {
    reports: _.inc(1),
    reportedBy: _.push(me._id),
    flagged: true,
  });
  return { reported: true };
}

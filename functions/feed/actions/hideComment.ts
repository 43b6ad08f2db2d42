// hideComment: an organiser hides a comment or restores it, with the reason kept; either way it
// leaves the queue.

import type { FeedResponses } from '../../../core/contracts/feed';
import { COLLECTIONS } from '../../lib/collections';
import { getById, updateById, updateWhere } from '../../lib/db';
import { notFound } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import type { CommentDoc } from '../model';
import { loadForOrganiser } from '../access';

export async function hideComment(input: { commentId: string; hidden: boolean; reason: string }, ctx: ActionContext): Promise<FeedResponses['hideComment']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const c = await getById<CommentDoc>(db, COLLECTIONS.postComments, input.commentId);
  if (!c) throw notFound('找不到这条评论');
  const { me, post } = await loadForOrganiser(ctx, c.postId);
  const target = input.hidden ? 'hidden' : 'visible';
  const entry = { at: clock.now(), by: me._id, hidden: input.hidden, reason: input.reason };
  if (c.status === target) {
    // Already so: a reported comment found fine leaves the queue, with the decision kept.
    if (c.flagged) await updateWhere(db.collection(COLLECTIONS.postComments).where({ _id: c._id, status: c.status }), { flagged: false, moderation: _.push(entry) });
    return { hidden: input.hidden };
  }
  const n = await updateWhere(db.collection(COLLECTIONS.postComments).where({ _id: c._id, status: c.status }), {
    status: target,
    flagged: false,
    moderation: _.push(entry),
  });
  if (n === 1) {
    const wasVisible = c.status === 'visible';
    if (wasVisible !== !input.hidden) await updateById(db, COLLECTIONS.posts, post._id, { comments: _.inc(input.hidden ? -1 : 1) });
  }
  return { hidden: input.hidden };
}

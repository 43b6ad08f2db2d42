// hideComment: an organiser hides a comment or restores it, with the reason kept; either way it
// leaves the queue.

import type { FeedResponses } from '../../../core/contracts/feed';
import { COLLECTIONS } from '../../lib/collections';
import { getById, updateWhere } from '../../lib/db';
import { notFound } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import type { CommentDoc } from '../model';
import { loadForOrganiser } from '../access';
import { counted, moveCounter } from '../counted';

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
  // The comment's visibility and the post's count of visible comments together (../counted.ts).
  await counted(db, async (t) => {
    const cur = (await t.collection(COLLECTIONS.postComments).doc(c._id).get()).data as CommentDoc | null;
    // Changed meanwhile (another organiser decided first): theirs stands.
    if (!cur || cur.status !== c.status) return;
    await t.collection(COLLECTIONS.postComments).doc(c._id).update({ data: { status: target, flagged: false, moderation: [...cur.moderation, entry] } });
    const wasVisible = c.status === 'visible';
    if (wasVisible !== !input.hidden) await moveCounter(t, COLLECTIONS.posts, post._id, 'comments', input.hidden ? -1 : 1);
  });
  return { hidden: input.hidden };
}

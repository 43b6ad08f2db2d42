// likePost: a member likes a published post or takes the like back; likes are one per member
// (the like's _id).

import type { FeedResponses } from '../../../core/contracts/feed';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, isDuplicateKeyError, updateById } from '../../lib/db';
import { consumeAll } from '../../lib/rateLimit';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { PostDoc } from '../model';
import { loadPublished } from '../access';
import { LIKE_LIMITS } from '../limits';

export async function likePost(input: { postId: string; like: boolean }, ctx: ActionContext): Promise<FeedResponses['likePost']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const me = await requireMember(ctx);
  await consumeAll(db, LIKE_LIMITS, me._id, clock.now());
  const post = await loadPublished(db, me, input.postId, clock.now());
  const likeId = `${post._id}_${me._id}`;
  if (input.like) {
    try {
      await insert(db, COLLECTIONS.postLikes, { _id: likeId, postId: post._id, memberId: me._id, at: clock.now() });
      await updateById(db, COLLECTIONS.posts, post._id, { likes: _.inc(1) });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  } else {
    const res = (await db.collection(COLLECTIONS.postLikes).doc(likeId).remove()) as { stats?: { removed?: number } };
    if ((res.stats?.removed ?? 0) === 1) await updateById(db, COLLECTIONS.posts, post._id, { likes: _.inc(-1) });
  }
  const fresh = await getById<PostDoc>(db, COLLECTIONS.posts, post._id);
  return { liked: input.like, likes: fresh?.likes ?? post.likes };
}

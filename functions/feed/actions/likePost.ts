// likePost: a member likes a published post or takes the like back; likes are one per member
// (the like's _id).

import type { FeedResponses } from '../../../core/contracts/feed';
import { COLLECTIONS } from '../../lib/collections';
import { getById } from '../../lib/db';
import { consumeAll } from '../../lib/rateLimit';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { LikeDoc, PostDoc } from '../model';
import { counted, moveCounter } from '../counted';
import { loadPublished } from '../access';
import { LIKE_LIMITS } from '../limits';

export async function likePost(input: { postId: string; like: boolean }, ctx: ActionContext): Promise<FeedResponses['likePost']> {
  const { db, clock } = ctx.deps;
  const me = await requireMember(ctx);
  await consumeAll(db, LIKE_LIMITS, me._id, clock.now());
  const post = await loadPublished(db, me, input.postId, clock.now());
  const likeId = `${post._id}_${me._id}`;
  // The like and the post's count together (../counted.ts); liking twice or undoing a like that
  // is not there changes nothing.
  const likes = await counted(db, async (t) => {
    const had = (await t.collection(COLLECTIONS.postLikes).doc(likeId).get()).data as LikeDoc | null;
    if (Boolean(had) === input.like) return null;
    if (input.like) await t.collection(COLLECTIONS.postLikes).doc(likeId).set({ data: { postId: post._id, memberId: me._id, at: clock.now() } });
    else await t.collection(COLLECTIONS.postLikes).doc(likeId).remove();
    return moveCounter(t, COLLECTIONS.posts, post._id, 'likes', input.like ? 1 : -1);
  });
  if (likes !== null) return { liked: input.like, likes };
  const fresh = await getById<PostDoc>(db, COLLECTIONS.posts, post._id);
  return { liked: input.like, likes: fresh?.likes ?? post.likes };
}

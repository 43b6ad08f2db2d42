// unpublishPost: an organiser takes a published post out of the feed, with a reason.

import type { AdminPost } from '../../../core/contracts/feed';
import { COLLECTIONS } from '../../lib/collections';
import { updateWhere } from '../../lib/db';
import { precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { loadForOrganiser } from '../access';
import { adminPostView, reloadPost } from '../views';

export async function unpublishPost(input: { postId: string; reason: string }, ctx: ActionContext): Promise<AdminPost> {
  const { db, clock } = ctx.deps;
  const { post } = await loadForOrganiser(ctx, input.postId);
  if (post.status !== 'published') throw precondition('只有已发布的文章可以撤下');
  await updateWhere(db.collection(COLLECTIONS.posts).where({ _id: post._id, status: 'published' }), { status: 'unpublished', unpublishReason: input.reason, updatedAt: clock.now() });
  return adminPostView(ctx, await reloadPost(ctx, post._id));
}

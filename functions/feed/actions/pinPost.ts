// pinPost: an organiser pins a post to the top of the feed, or unpins it.

import type { AdminPost } from '../../../core/contracts/feed';
import { feedSortKey } from '../../../core/domain/feed';
import { COLLECTIONS } from '../../lib/collections';
import { updateWhere } from '../../lib/db';
import type { ActionContext } from '../../lib/router';
import { loadForOrganiser } from '../access';
import { adminPostView, reloadPost } from '../views';

export async function pinPost(input: { postId: string; pinned: boolean }, ctx: ActionContext): Promise<AdminPost> {
  const { db, clock } = ctx.deps;
  const { post } = await loadForOrganiser(ctx, input.postId);
  const sortKey = post.publishAt === null ? '' : feedSortKey(input.pinned, post.publishAt, post._id);
  await updateWhere(db.collection(COLLECTIONS.posts).where({ _id: post._id }), { pinned: input.pinned, sortKey, updatedAt: clock.now() });
  return adminPostView(ctx, await reloadPost(ctx, post._id));
}

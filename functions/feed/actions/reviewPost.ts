// reviewPost: an organiser approves a member's submission (published at once) or rejects it with
// a reason the author sees.

import type { AdminPost } from '../../../core/contracts/feed';
import { feedSortKey } from '../../../core/domain/feed';
import { COLLECTIONS } from '../../lib/collections';
import { updateWhere } from '../../lib/db';
import { invalid, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { loadForOrganiser } from '../access';
import { adminPostView, reloadPost } from '../views';

export async function reviewPost(input: { postId: string; approve: boolean; reason: string }, ctx: ActionContext): Promise<AdminPost> {
  const { db, clock } = ctx.deps;
  const { post } = await loadForOrganiser(ctx, input.postId);
  if (post.status !== 'pending') throw precondition('这篇投稿已经审核过了');
  if (!input.approve && input.reason.length < 2) throw invalid('请填写不通过的原因（至少2个字），作者会看到');
  const now = clock.now();
  const data = input.approve
    ? { status: 'published', publishAt: now, sortKey: feedSortKey(post.pinned, now, post._id), rejectReason: '', updatedAt: now }
    : { status: 'rejected', rejectReason: input.reason, updatedAt: now };
  const n = await updateWhere(db.collection(COLLECTIONS.posts).where({ _id: post._id, status: 'pending' }), data);
  if (n !== 1) throw precondition('这篇投稿刚刚被审核过了');
  return adminPostView(ctx, await reloadPost(ctx, post._id));
}

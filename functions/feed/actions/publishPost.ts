// publishPost: an organiser publishes a draft or unpublished post, now or at a later time (it
// shows in the feed from then); publishing again is harmless.

import type { AdminPost } from '../../../core/contracts/feed';
import { feedSortKey } from '../../../core/domain/feed';
import { hasReportPrompt } from '../../../core/domain/report';
import { COLLECTIONS } from '../../lib/collections';
import { updateWhere } from '../../lib/db';
import { precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { loadForOrganiser } from '../access';
import { adminPostView, reloadPost } from '../views';

export async function publishPost(input: { postId: string; publishAt?: number | null }, ctx: ActionContext): Promise<AdminPost> {
  const { db, clock } = ctx.deps;
  const { post } = await loadForOrganiser(ctx, input.postId);
  const now = clock.now();
  if (post.status === 'published') return adminPostView(ctx, post);
  if (post.status === 'rejected') throw precondition('这篇投稿未通过审核，不能发布');
  if (post.status === 'pending') throw precondition('这是党员的投稿，请在“审核投稿”中审核');
  // A drafted report's closing prompt would go out to every member: refused here, not only in the editor.
  if (hasReportPrompt(post.body)) throw precondition('正文里还有【请补充：…】的提示，请换成自己的话或删去后再发布');
  const at = Math.max(now, input.publishAt ?? now);
  const n = await updateWhere(db.collection(COLLECTIONS.posts).where({ _id: post._id, status: post.status }), {
    status: 'published',
    publishAt: at,
    sortKey: feedSortKey(post.pinned, at, post._id),
    updatedAt: now,
  });
  if (n !== 1) throw precondition('文章状态刚刚发生了变化，请刷新后再试');
  return adminPostView(ctx, await reloadPost(ctx, post._id));
}

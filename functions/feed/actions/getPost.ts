// getPost: a member opens a published post, which counts a read; the body with its pictures'
// temporary URLs, whether they liked it and whether they may manage it.

import type { PostDetail } from '../../../core/contracts/feed';
import { COLLECTIONS } from '../../lib/collections';
import { getById, updateById } from '../../lib/db';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { LikeDoc } from '../model';
import { renderBody } from '../sanitize';
import { loadPublished, mayManage } from '../access';
import { filesOf, urlsFor } from '../images';
import { card } from '../views';

export async function getPost(input: { postId: string }, ctx: ActionContext): Promise<PostDetail> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const me = await requireMember(ctx);
  const post = await loadPublished(db, me, input.postId, clock.now());
  await updateById(db, COLLECTIONS.posts, post._id, { reads: _.inc(1) });
  const like = await getById<LikeDoc>(db, COLLECTIONS.postLikes, `${post._id}_${me._id}`);
  const urls = await urlsFor(ctx.deps, filesOf(post));
  return {
    ...card({ ...post, reads: post.reads + 1 }, urls),
    bodyHtml: renderBody(post.body, urls),
    imageUrls: post.images.map((id) => urls.get(id) ?? '').filter(Boolean),
    likedByMe: !!like,
    canManage: await mayManage(db, me, post),
  };
}

// Members read the feed: a page is one indexed range query on the sort key (pinned first, newest
// first; never a skip) and one batch of temporary URLs for the covers. Opening a post counts a
// read; likes are one per member (the like's _id).

import type { FeedResponses, PostDetail } from '../../../core/contracts/feed';
import type { PostKind } from '../../../core/domain/posts';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, isDuplicateKeyError, list, updateById } from '../../lib/db';
import { invalid } from '../../lib/errors';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { LikeDoc, PostDoc } from '../model';
import { renderBody } from '../sanitize';
import { card, filesOf, loadPublished, mayManage, urlsFor } from '../shared';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function decodeSortCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[01]\d{15}[A-Za-z0-9_-]{1,64}$/.test(key)) throw invalid('字段 cursor：分页位置无效，请刷新后重试');
  return key;
}

export async function listPosts(
  input: { kind?: PostKind | null; q?: string | null; cursor?: string | null; limit: number },
  ctx: ActionContext,
): Promise<FeedResponses['listPosts']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const me = await requireMember(ctx);
  const where: Record<string, unknown> = { orgId: me.orgId, status: 'published', publishAt: _.lte(clock.now()) };
  if (input.kind) where.kind = input.kind;
  if (input.q) where.title = db.RegExp({ regexp: escapeRegExp(input.q), options: 'i' });
  if (input.cursor) where.sortKey = _.lt(decodeSortCursor(input.cursor));
  const docs = await list<PostDoc>(db.collection(COLLECTIONS.posts).where(where).orderBy('sortKey', 'desc').limit(input.limit + 1));
  const page = docs.slice(0, input.limit);
  const urls = await urlsFor(ctx.deps, page.flatMap((p) => (p.cover ? [p.cover] : [])));
  const last = page[page.length - 1];
  return {
    items: page.map((p) => card(p, urls)),
    nextCursor: docs.length > input.limit && last ? Buffer.from(last.sortKey, 'utf8').toString('base64url') : null,
  };
}

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

export async function likePost(input: { postId: string; like: boolean }, ctx: ActionContext): Promise<FeedResponses['likePost']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const me = await requireMember(ctx);
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

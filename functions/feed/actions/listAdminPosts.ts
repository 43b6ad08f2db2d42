// listAdminPosts: the posts of one status that an organiser may manage, last changed first.

import type { FeedResponses } from '../../../core/contracts/feed';
import type { PostStatus } from '../../../core/domain/feed';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { requireOrganiser } from '../../org/ports';
import { afterCursor, keysetPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import type { PostDoc } from '../model';
import { mayManage } from '../access';

export async function listAdminPosts(input: { status: PostStatus; cursor?: string | null; limit: number }, ctx: ActionContext): Promise<FeedResponses['listAdminPosts']> {
  const { db } = ctx.deps;
  const _ = db.command;
  const me = await requireOrganiser(ctx);
  const base = { orgId: me.orgId, status: input.status };
  const where = afterCursor(_, base, 'updatedAt', input.cursor);
  const docs = await list<PostDoc>(db.collection(COLLECTIONS.posts).where(where).orderBy('updatedAt', 'desc').orderBy('_id', 'desc').limit(input.limit + 1));
  const { page, nextCursor } = keysetPage(docs, input.limit, (p) => [p.updatedAt, p._id]);
  const items = [];
  for (const p of page) {
    if (!(await mayManage(db, me, p))) continue;
    items.push({ id: p._id, kind: p.kind, title: p.title, status: p.status, publishAt: p.publishAt, pinned: p.pinned, authorName: p.authorName, updatedAt: p.updatedAt });
  }
  return { items, nextCursor };
}

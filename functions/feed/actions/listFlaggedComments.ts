// listFlaggedComments: the organisers' queue of reported or held comments on posts they may
// manage, newest first.

import type { FeedResponses } from '../../../core/contracts/feed';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { requireOrganiser } from '../../org/ports';
import { afterCursor, keysetPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import type { CommentDoc, PostDoc } from '../model';
import { mayManage } from '../access';
import { commentView } from '../views';

export async function listFlaggedComments(input: { cursor?: string | null; limit: number }, ctx: ActionContext): Promise<FeedResponses['listFlaggedComments']> {
  const { db } = ctx.deps;
  const _ = db.command;
  const me = await requireOrganiser(ctx);
  const base = { orgId: me.orgId, flagged: true };
  const where = afterCursor(_, base, 'at', input.cursor);
  const docs = await list<CommentDoc>(db.collection(COLLECTIONS.postComments).where(where).orderBy('at', 'desc').orderBy('_id', 'desc').limit(input.limit + 1));
  const { page, nextCursor } = keysetPage(docs, input.limit, (c) => [c.at, c._id]);
  const posts = page.length ? await list<PostDoc>(db.collection(COLLECTIONS.posts).where({ _id: _.in([...new Set(page.map((c) => c.postId))]) }).limit(page.length)) : [];
  const byId = new Map(posts.map((p) => [p._id, p]));
  const items = [];
  for (const c of page) {
    const p = byId.get(c.postId);
    if (!p || !(await mayManage(db, me, p))) continue;
    items.push({ ...commentView(c, me, true), postId: p._id, postTitle: p.title, status: c.status });
  }
  return { items, nextCursor };
}

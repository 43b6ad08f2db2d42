// listComments: the comments on a published post, newest first: members see visible ones; the
// post's organisers also see held and hidden ones, marked.

import type { FeedResponses } from '../../../core/contracts/feed';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { requireMember } from '../../org/ports';
import { afterCursor, keysetPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import type { CommentDoc } from '../model';
import { loadPublished, mayManage } from '../access';
import { commentView } from '../views';

export async function listComments(input: { postId: string; cursor?: string | null; limit: number }, ctx: ActionContext): Promise<FeedResponses['listComments']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const me = await requireMember(ctx);
  const post = await loadPublished(db, me, input.postId, clock.now());
  const organiser = await mayManage(db, me, post);
  // Members see visible comments; the post's organisers also see held and hidden ones, marked.
  const base: Record<string, unknown> = organiser ? { postId: post._id, status: _.in(['visible', 'held', 'hidden']) } : { postId: post._id, status: 'visible' };
  const where = afterCursor(_, base, 'at', input.cursor);
  const docs = await list<CommentDoc>(db.collection(COLLECTIONS.postComments).where(where).orderBy('at', 'desc').orderBy('_id', 'desc').limit(input.limit + 1));
  const { page, nextCursor } = keysetPage(docs, input.limit, (c) => [c.at, c._id]);
  return { items: page.map((c) => commentView(c, me, organiser)), nextCursor };
}

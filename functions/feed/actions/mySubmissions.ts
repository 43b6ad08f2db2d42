// mySubmissions: what the member submitted and what became of it (pending, published, rejected
// with the reason).

import type { FeedResponses } from '../../../core/contracts/feed';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { requireMember } from '../../org/ports';
import { afterCursor, keysetPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import type { PostDoc } from '../model';

export async function mySubmissions(input: { cursor?: string | null; limit: number }, ctx: ActionContext): Promise<FeedResponses['mySubmissions']> {
  const { db } = ctx.deps;
  const _ = db.command;
  const me = await requireMember(ctx);
  // Only what the member submitted (an organiser's own drafts are not submissions).
  const base = { authorId: me._id, 'source.type': 'submission' };
  const where = afterCursor(_, base, 'createdAt', input.cursor);
  const docs = await list<PostDoc>(db.collection(COLLECTIONS.posts).where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(input.limit + 1));
  const { page, nextCursor } = keysetPage(docs, input.limit, (p) => [p.createdAt, p._id]);
  return {
    items: page.map((p) => ({ id: p._id, kind: p.kind, title: p.title, status: p.status, rejectReason: p.rejectReason, createdAt: p.createdAt })),
    nextCursor,
  };
}

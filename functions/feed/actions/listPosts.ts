// listPosts: members read the feed: a page is one indexed range query on the sort key (pinned
// first, newest first; never a skip) and one batch of temporary URLs for the covers.

import type { FeedResponses } from '../../../core/contracts/feed';
import type { PostKind } from '../../../core/domain/feed';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { invalid } from '../../lib/errors';
import { requireMember } from '../../org/ports';
import { cursorPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import type { PostDoc } from '../model';
import { urlsFor } from '../images';
import { card } from '../views';

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
  // The cursor is the page's last sortKey itself (base64url), not an encodeKeyset array.
  const { page, nextCursor } = cursorPage(docs, input.limit, (p) => Buffer.from(p.sortKey, 'utf8').toString('base64url'));
  const urls = await urlsFor(ctx.deps, page.flatMap((p) => (p.cover ? [p.cover] : [])));
  return {
    items: page.map((p) => card(p, urls)),
    nextCursor,
  };
}

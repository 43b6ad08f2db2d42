// Comments: each is checked by the content-security service before it shows (risky: refused and
// not stored; uncertain: held for an organiser). Members report; organisers hide or restore,
// with the reason kept.

import type { CommentView, FeedResponses } from '../../../core/contracts/feed';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, list, updateById, updateWhere } from '../../lib/db';
import { invalid, notFound } from '../../lib/errors';
import { type Caller, requireMember, requireOrganiser } from '../../org/ports';
import { afterCursor, encodeKeyset } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import type { CommentDoc, PostDoc } from '../model';
import { loadForOrganiser, loadPublished, mayManage } from '../shared';

function view(c: CommentDoc, me: Caller, organiser: boolean): CommentView {
  const v: CommentView = { id: c._id, name: c.name, text: c.text, at: c.at, mine: c.memberId === me._id };
  if (organiser) {
    v.hidden = c.status !== 'visible';
    v.reports = c.reports;
  }
  return v;
}

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
  const page = docs.slice(0, input.limit);
  const last = page[page.length - 1];
  return { items: page.map((c) => view(c, me, organiser)), nextCursor: docs.length > input.limit && last ? encodeKeyset([last.at, last._id]) : null };
}

export async function addComment(input: { postId: string; text: string }, ctx: ActionContext): Promise<FeedResponses['addComment']> {
  const { db, clock, ids, content } = ctx.deps;
  const _ = db.command;
  const me = await requireMember(ctx);
  const post = await loadPublished(db, me, input.postId, clock.now());
  const verdict = await content.text(input.text, ctx.openid);
  if (verdict === 'risky') throw invalid('评论含有不适宜的内容，未能发表，请修改后再试');
  const doc: CommentDoc = {
    _id: ids.random(12),
    postId: post._id,
    orgId: post.orgId,
    memberId: me._id,
    name: me.name,
    text: input.text,
    at: clock.now(),
    status: verdict === 'pass' ? 'visible' : 'held',
    flagged: verdict !== 'pass',
    reports: 0,
    reportedBy: [],
    moderation: [],
  };
  await insert(db, COLLECTIONS.postComments, { ...doc });
  if (doc.status === 'visible') await updateById(db, COLLECTIONS.posts, post._id, { comments: _.inc(1) });
  return { comment: doc.status === 'visible' ? view(doc, me, false) : null, held: doc.status === 'held' };
}

export async function reportComment(input: { commentId: string; reason: string }, ctx: ActionContext): Promise<FeedResponses['reportComment']> {
  const { db } = ctx.deps;
  const _ = db.command;
  const me = await requireMember(ctx);
  const c = await getById<CommentDoc>(db, COLLECTIONS.postComments, input.commentId);
  if (!c || c.orgId !== me.orgId || c.status !== 'visible') throw notFound('找不到这条评论');
  // Once per member: the condition excludes those who reported already.
  await updateWhere(db.collection(COLLECTIONS.postComments).where({ _id: c._id, reportedBy: _.neq(me._id) }), {
    reports: _.inc(1),
    reportedBy: _.push(me._id),
    flagged: true,
  });
  return { reported: true };
}

export async function listFlaggedComments(input: { cursor?: string | null; limit: number }, ctx: ActionContext): Promise<FeedResponses['listFlaggedComments']> {
  const { db } = ctx.deps;
  const _ = db.command;
  const me = await requireOrganiser(ctx);
  const base = { orgId: me.orgId, flagged: true };
  const where = afterCursor(_, base, 'at', input.cursor);
  const docs = await list<CommentDoc>(db.collection(COLLECTIONS.postComments).where(where).orderBy('at', 'desc').orderBy('_id', 'desc').limit(input.limit + 1));
  const page = docs.slice(0, input.limit);
  const posts = page.length ? await list<PostDoc>(db.collection(COLLECTIONS.posts).where({ _id: _.in([...new Set(page.map((c) => c.postId))]) }).limit(page.length)) : [];
  const byId = new Map(posts.map((p) => [p._id, p]));
  const items = [];
  for (const c of page) {
    const p = byId.get(c.postId);
    if (!p || !(await mayManage(db, me, p))) continue;
    items.push({ ...view(c, me, true), postId: p._id, postTitle: p.title, status: c.status });
  }
  const last = page[page.length - 1];
  return { items, nextCursor: docs.length > input.limit && last ? encodeKeyset([last.at, last._id]) : null };
}

export async function hideComment(input: { commentId: string; hidden: boolean; reason: string }, ctx: ActionContext): Promise<FeedResponses['hideComment']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const c = await getById<CommentDoc>(db, COLLECTIONS.postComments, input.commentId);
  if (!c) throw notFound('找不到这条评论');
  const { me, post } = await loadForOrganiser(ctx, c.postId);
  const target = input.hidden ? 'hidden' : 'visible';
  const entry = { at: clock.now(), by: me._id, hidden: input.hidden, reason: input.reason };
  if (c.status === target) {
    // Already so: a reported comment found fine leaves the queue, with the decision kept.
    if (c.flagged) await updateWhere(db.collection(COLLECTIONS.postComments).where({ _id: c._id, status: c.status }), { flagged: false, moderation: _.push(entry) });
    return { hidden: input.hidden };
  }
  const n = await updateWhere(db.collection(COLLECTIONS.postComments).where({ _id: c._id, status: c.status }), {
    status: target,
    flagged: false,
    moderation: _.push(entry),
  });
  if (n === 1) {
    const wasVisible = c.status === 'visible';
    if (wasVisible !== !input.hidden) await updateById(db, COLLECTIONS.posts, post._id, { comments: _.inc(input.hidden ? -1 : 1) });
  }
  return { hidden: input.hidden };
}

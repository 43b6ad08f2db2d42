// Organisers write and publish posts (now or scheduled), pin, unpublish, and review members'
// submissions; members submit reports and model stories and see what became of them.

import type { AdminPost, FeedResponses, PostInput } from '../../../core/contracts/feed';
import { feedSortKey, plainText, SUBMITTABLE_KINDS, type PostKind, type PostStatus } from '../../../core/domain/posts';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, list, updateWhere } from '../../lib/db';
import { forbidden, invalid, precondition } from '../../lib/errors';
import { type Caller, getUnit, managedUnits, requireMember, requireOrganiser } from '../../org/ports';
import { afterCursor, encodeKeyset } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import { UNTOUCHED_POST, type ModelDoc, type PostDoc } from '../model';
import { bodyImages, sanitizeBody } from '../sanitize';
import { adminPost, checkImages, filesOf, loadForOrganiser, mayManage, urlsFor } from '../shared';

type Input = Omit<Required<PostInput>, 'cover' | 'unitId' | 'modelMemberId'> & { cover?: string | null; unitId?: string | null; modelMemberId?: string | null };

/** Sanitise and check what a post carries; the fields to store. */
async function prepared(ctx: ActionContext, input: Input) {
  const body = sanitizeBody(input.body);
  if (plainText(body).length < 2 && bodyImages(body).length === 0 && input.images.length === 0) throw invalid('请填写正文');
  if (body.length > 30_000) throw invalid('正文太长（最多约2万字）');
  const images = [...new Set(input.images)];
  const inBody = bodyImages(body);
  if (images.length + inBody.length > 18) throw invalid('图片太多（正文和配图合计最多18张）');
  await checkImages(ctx.deps.storage, [input.cover, ...images, ...inBody]);
  return { kind: input.kind, title: input.title, body, cover: input.cover ?? null, images, tags: [...new Set(input.tags)] };
}

async function answer(ctx: ActionContext, post: PostDoc): Promise<AdminPost> {
  return adminPost(post, await urlsFor(ctx.deps, filesOf(post)));
}

async function reload(ctx: ActionContext, id: string): Promise<PostDoc> {
  const p = await getById<PostDoc>(ctx.deps.db, COLLECTIONS.posts, id);
  if (!p) throw new Error(`post ${id} vanished`);
  return p;
}

export async function savePost(input: { postId?: string | null; post: Input }, ctx: ActionContext): Promise<AdminPost> {
  const { db, clock, ids } = ctx.deps;
  const _ = db.command;
  const me = await requireOrganiser(ctx);
  const fields = await prepared(ctx, input.post);
  const units = await managedUnits(db, me);
  let unitId: string | null = input.post.unitId ?? null;
  if (unitId === null && me.role !== 'org_admin') unitId = me.manages[0] ?? me.unitId;
  const unit = unitId ? units.find((u) => u._id === unitId) : null;
  if (unitId && !unit) throw forbidden('只能为自己管理的支部发文章');
  let modelMemberId: string | null = input.post.modelMemberId ?? null;
  if (modelMemberId) {
    const model = await getById<ModelDoc>(db, COLLECTIONS.featuredMembers, modelMemberId);
    if (!model || model.orgId !== me.orgId) throw invalid('请先在“先进典型”中设置这位党员');
  }
  if (fields.kind !== 'model') modelMemberId = null;
  const now = clock.now();
  if (!input.postId) {
    const doc: PostDoc = {
      _id: ids.random(12),
      orgId: me.orgId,
      unitId,
      unitName: unit?.name ?? null,
      ...fields,
      status: 'draft',
      ...UNTOUCHED_POST,
      authorId: me._id,
      authorName: me.name,
      source: null,
      modelMemberId,
      createdAt: now,
      updatedAt: now,
    };
    await insert(db, COLLECTIONS.posts, { ...doc });
    return answer(ctx, doc);
  }
  const { post } = await loadForOrganiser(ctx, input.postId);
  await updateWhere(db.collection(COLLECTIONS.posts).where({ _id: post._id }), {
    ...fields,
    images: _.set(fields.images),
    tags: _.set(fields.tags),
    unitId,
    unitName: unit?.name ?? null,
    modelMemberId,
    updatedAt: now,
  });
  return answer(ctx, await reload(ctx, post._id));
}

export async function publishPost(input: { postId: string; publishAt?: number | null }, ctx: ActionContext): Promise<AdminPost> {
  const { db, clock } = ctx.deps;
  const { post } = await loadForOrganiser(ctx, input.postId);
  const now = clock.now();
  if (post.status === 'published') return answer(ctx, post);
  if (post.status === 'rejected') throw precondition('这篇投稿未通过审核，不能发布');
  if (post.status === 'pending') throw precondition('这是党员的投稿，请在“审核投稿”中审核');
  const at = Math.max(now, input.publishAt ?? now);
  const n = await updateWhere(db.collection(COLLECTIONS.posts).where({ _id: post._id, status: post.status }), {
    status: 'published',
    publishAt: at,
    sortKey: feedSortKey(post.pinned, at, post._id),
    updatedAt: now,
  });
  if (n !== 1) throw precondition('文章状态刚刚发生了变化，请刷新后再试');
  return answer(ctx, await reload(ctx, post._id));
}

export async function unpublishPost(input: { postId: string; reason: string }, ctx: ActionContext): Promise<AdminPost> {
  const { db, clock } = ctx.deps;
  const { post } = await loadForOrganiser(ctx, input.postId);
  if (post.status !== 'published') throw precondition('只有已发布的文章可以撤下');
  await updateWhere(db.collection(COLLECTIONS.posts).where({ _id: post._id, status: 'published' }), { status: 'unpublished', unpublishReason: input.reason, updatedAt: clock.now() });
  return answer(ctx, await reload(ctx, post._id));
}

export async function pinPost(input: { postId: string; pinned: boolean }, ctx: ActionContext): Promise<AdminPost> {
  const { db, clock } = ctx.deps;
  const { post } = await loadForOrganiser(ctx, input.postId);
  const sortKey = post.publishAt === null ? '' : feedSortKey(input.pinned, post.publishAt, post._id);
  await updateWhere(db.collection(COLLECTIONS.posts).where({ _id: post._id }), { pinned: input.pinned, sortKey, updatedAt: clock.now() });
  return answer(ctx, await reload(ctx, post._id));
}

export async function getPostAdmin(input: { postId: string }, ctx: ActionContext): Promise<AdminPost> {
  return answer(ctx, (await loadForOrganiser(ctx, input.postId)).post);
}

export async function listAdminPosts(input: { status: PostStatus; cursor?: string | null; limit: number }, ctx: ActionContext): Promise<FeedResponses['listAdminPosts']> {
  const { db } = ctx.deps;
  const _ = db.command;
  const me = await requireOrganiser(ctx);
  const base = { orgId: me.orgId, status: input.status };
  const where = afterCursor(_, base, 'updatedAt', input.cursor);
  const docs = await list<PostDoc>(db.collection(COLLECTIONS.posts).where(where).orderBy('updatedAt', 'desc').orderBy('_id', 'desc').limit(input.limit + 1));
  const page = docs.slice(0, input.limit);
  const items = [];
  for (const p of page) {
    if (!(await mayManage(db, me, p))) continue;
    items.push({ id: p._id, kind: p.kind, title: p.title, status: p.status, publishAt: p.publishAt, pinned: p.pinned, authorName: p.authorName, updatedAt: p.updatedAt });
  }
  const last = page[page.length - 1];
  return { items, nextCursor: docs.length > input.limit && last ? encodeKeyset([last.updatedAt, last._id]) : null };
}

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
  return answer(ctx, await reload(ctx, post._id));
}

export async function submitPost(input: Omit<Input, 'unitId' | 'modelMemberId'>, ctx: ActionContext): Promise<FeedResponses['submitPost']> {
  const { db, clock, ids } = ctx.deps;
  const me: Caller = await requireMember(ctx);
  if (!SUBMITTABLE_KINDS.includes(input.kind as PostKind)) throw invalid('只能投稿活动报道或先进典型');
  const fields = await prepared(ctx, input);
  const unit = await getUnit(db, me.unitId);
  const now = clock.now();
  const id = ids.random(12);
  const doc: PostDoc = {
    _id: id,
    orgId: me.orgId,
    unitId: me.unitId,
    unitName: unit?.name ?? null,
    ...fields,
    status: 'pending',
    publishAt: null,
    pinned: false,
    sortKey: '',
    reads: 0,
    likes: 0,
    comments: 0,
    authorId: me._id,
    authorName: me.name,
    rejectReason: '',
    source: { type: 'submission', id: me._id },
    modelMemberId: null,
    createdAt: now,
    updatedAt: now,
  };
  await insert(db, COLLECTIONS.posts, { ...doc });
  return { postId: id, status: 'pending' };
}

export async function mySubmissions(input: { cursor?: string | null; limit: number }, ctx: ActionContext): Promise<FeedResponses['mySubmissions']> {
  const { db } = ctx.deps;
  const _ = db.command;
  const me = await requireMember(ctx);
  // Only what the member submitted (an organiser's own drafts are not submissions).
  const base = { authorId: me._id, 'source.type': 'submission' };
  const where = afterCursor(_, base, 'createdAt', input.cursor);
  const docs = await list<PostDoc>(db.collection(COLLECTIONS.posts).where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(input.limit + 1));
  const page = docs.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((p) => ({ id: p._id, kind: p.kind, title: p.title, status: p.status, rejectReason: p.rejectReason, createdAt: p.createdAt })),
    nextCursor: docs.length > input.limit && last ? encodeKeyset([last.createdAt, last._id]) : null,
  };
}

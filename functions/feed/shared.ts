// What the feed actions share: access to a post, the checks on images, and the views.

import type { AdminPost, PostCard } from '../../core/contracts/feed';
import { summaryOf } from '../../core/domain/posts';
import { COLLECTIONS } from '../lib/collections';
import { getById, type Database } from '../lib/db';
import type { Deps, Storage } from '../lib/deps';
import { forbidden, notFound } from '../lib/errors';
import { requireImage } from '../lib/images';
import { type Caller, managedUnits, requireOrganiser } from '../org/ports';
import { isOrganiser } from '../../core/domain/roles';
import type { ActionContext } from '../lib/router';
import type { PostDoc } from './model';
import { bodyImages, renderBody } from './sanitize';

/** Pictures of a post (cover, photos, images in the body), each checked to be an image. */
export async function checkImages(storage: Storage, fileIDs: Array<string | null | undefined>): Promise<void> {
  for (const id of fileIDs) await requireImage(storage, id, '配图');
}

/** Every fileID a post shows (cover, images, images in the body). */
export function filesOf(p: PostDoc): string[] {
  return [p.cover, ...p.images, ...bodyImages(p.body)].filter((x): x is string => !!x);
}

export async function urlsFor(deps: Deps, fileIDs: string[]): Promise<Map<string, string>> {
  if (fileIDs.length === 0) return new Map();
  try {
    return await deps.storage.tempUrls(fileIDs);
  } catch (err) {
    deps.log.error('getTempFileURL failed', err instanceof Error ? err.message : err);
    return new Map();
  }
}

export function card(p: PostDoc, urls: Map<string, string>): PostCard {
  return {
    id: p._id,
    kind: p.kind,
    title: p.title,
    summary: summaryOf(p.body),
    coverUrl: p.cover ? urls.get(p.cover) || null : null,
    authorName: p.authorName,
    unitName: p.unitName,
    publishAt: p.publishAt ?? p.createdAt,
    pinned: p.pinned,
    reads: p.reads,
    likes: p.likes,
    comments: p.comments,
    tags: p.tags,
  };
}

export function adminPost(p: PostDoc, urls: Map<string, string>): AdminPost {
  return {
    id: p._id,
    kind: p.kind,
    title: p.title,
    body: p.body,
    bodyPreview: renderBody(p.body, urls),
    cover: p.cover,
    coverUrl: p.cover ? urls.get(p.cover) || null : null,
    images: p.images,
    imageUrls: p.images.map((id) => urls.get(id) ?? ''),
    tags: p.tags,
    unitId: p.unitId,
    unitName: p.unitName,
    modelMemberId: p.modelMemberId,
    status: p.status,
    unpublishReason: p.unpublishReason ?? '',
    publishAt: p.publishAt,
    pinned: p.pinned,
    authorName: p.authorName,
    rejectReason: p.rejectReason,
    source: p.source,
    reads: p.reads,
    likes: p.likes,
    comments: p.comments,
  };
}

/** A published post of the member's organisation whose time has come; NOT_FOUND otherwise. */
export async function loadPublished(db: Database, member: Caller, postId: string, now: number): Promise<PostDoc> {
  const post = await getById<PostDoc>(db, COLLECTIONS.posts, postId);
  if (!post || post.orgId !== member.orgId || post.status !== 'published' || (post.publishAt ?? 0) > now) throw notFound('找不到这篇文章，可能已被撤下');
  return post;
}

/** May this organiser manage the post: org admins any; branch organisers their branches' and their own. */
export async function mayManage(db: Database, me: Caller, post: PostDoc): Promise<boolean> {
  if (!isOrganiser(me.role) || post.orgId !== me.orgId) return false;
  if (me.role === 'org_admin' || post.authorId === me._id) return true;
  if (!post.unitId) return false;
  return (await managedUnits(db, me)).some((u) => u._id === post.unitId);
}

export async function loadForOrganiser(ctx: ActionContext, postId: string): Promise<{ me: Caller; post: PostDoc }> {
  const me = await requireOrganiser(ctx);
  const post = await getById<PostDoc>(ctx.deps.db, COLLECTIONS.posts, postId);
  if (!post || post.orgId !== me.orgId) throw notFound('找不到这篇文章');
  if (!(await mayManage(ctx.deps.db, me, post))) throw forbidden('只有作者、该支部的管理员或单位管理员可以修改这篇文章');
  return { me, post };
}

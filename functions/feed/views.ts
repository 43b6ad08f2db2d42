// What readers and organisers see of a post (the card in the feed, the organiser's editable view)
// and of a comment.

import type { AdminPost, CommentView, PostCard } from '../../core/contracts/feed';
import { summaryOf } from '../../core/domain/feed';
import { COLLECTIONS } from '../lib/collections';
import { getById } from '../lib/db';
import type { Caller } from '../org/ports';
import type { ActionContext } from '../lib/router';
import type { CommentDoc, PostDoc } from './model';
import { filesOf, urlsFor } from './images';
import { renderBody } from './sanitize';

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

/** The organiser's view of a post, with the temporary URLs of every picture it shows. */
export async function adminPostView(ctx: ActionContext, post: PostDoc): Promise<AdminPost> {
  return adminPost(post, await urlsFor(ctx.deps, filesOf(post)));
}

/** The post as stored now (after a change), for the organiser's view. */
export async function reloadPost(ctx: ActionContext, id: string): Promise<PostDoc> {
  const p = await getById<PostDoc>(ctx.deps.db, COLLECTIONS.posts, id);
  if (!p) throw new Error(`post ${id} vanished`);
  return p;
}

/** A comment as shown; the post's organisers also see whether it is hidden and how often it was reported. */
export function commentView(c: CommentDoc, me: Caller, organiser: boolean): CommentView {
  const v: CommentView = { id: c._id, name: c.name, text: c.text, at: c.at, mine: c.memberId === me._id };
  if (organiser) {
    v.hidden = c.status !== 'visible';
    v.reports = c.reports;
  }
  return v;
}

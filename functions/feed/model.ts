// Stored documents of the feed context.

import type { PostKind, PostStatus } from '../../core/domain/feed';

export interface PostDoc {
  _id: string;
  orgId: string;
  /** The branch the post is about; null for the whole organisation. */
  unitId: string | null;
  /** The branch's name when saved (a feed page reads no unit). */
  unitName: string | null;
  kind: PostKind;
  title: string;
  /** Sanitised HTML; image sources are cloud fileIDs (resolved when read). */
  body: string;
  cover: string | null;
  images: string[];
  tags: string[];
  status: PostStatus;
  /** When it shows in the feed (a future time schedules it); null until published. */
  publishAt: number | null;
  pinned: boolean;
  /** feedSortKey(pinned, publishAt, _id): the feed's one sort field. '' until published. */
  sortKey: string;
  reads: number;
  likes: number;
  comments: number;
  authorId: string;
  authorName: string;
  rejectReason: string;
  unpublishReason?: string;
  source: { type: 'event' | 'exam' | 'contest' | 'campaign' | 'submission'; id: string } | null;
  modelMemberId: string | null;
  createdAt: number;
  updatedAt: number;
}

/** `_id` = `${postId}_${memberId}`: one like per member and post. */
export interface LikeDoc {
  _id: string;
  postId: string;
  memberId: string;
  at: number;
}

export interface CommentDoc {
  _id: string;
  postId: string;
  orgId: string;
  memberId: string;
  name: string;
  text: string;
  at: number;
  /** visible; held (the content check asked for a person); hidden by an organiser. */
  status: 'visible' | 'held' | 'hidden';
  /** True once reported or held: it appears in the organisers' queue. */
  flagged: boolean;
  reports: number;
  reportedBy: string[];
  moderation: Array<{ at: number; by: string; hidden: boolean; reason: string }>;
}

/** `_id` = memberId: a member featured on the 先进典型 page. */
export interface ModelDoc {
  _id: string;
  orgId: string;
  name: string;
  unitId: string;
  honour: string;
  intro: string;
  photo: string | null;
  featuredAt: number;
  featuredBy: string;
}

/** A new post before anything has happened to it: not published, not pinned, no reads, likes or comments. */
export const UNTOUCHED_POST = { publishAt: null, pinned: false, sortKey: '', reads: 0, likes: 0, comments: 0, rejectReason: '' } as const;

// Contract of the `feed` cloud function: the publicity feed (活动报道, 先进典型, 通知公告, 学习资料),
// likes, comments checked before they show, members' submissions reviewed by organisers, and the
// model-stories page. Bodies are sanitised on the server against an allow-list before they are
// stored; a feed page is one indexed query and one batch of temporary file URLs.

import * as z from 'zod';
import { cursorField, idField, lineSchema, type Page } from './common';
import { actionSchemas } from './lazy';
import { POST_KINDS, POST_TAGS, type PostKind, type PostStatus } from '../domain/feed';

const kindSchema = () => z.enum(POST_KINDS);
const fileIdSchema = () => z.string().min(1).max(512);
const tagSchema = () => z.enum(POST_TAGS, { error: '未知的标签' });
const feedLimitSchema = () => z.number().int().min(1).max(20).default(10);

export const postInputSchema = () => z
  .object({
    kind: kindSchema(),
    title: z.string().trim().min(2, '标题至少2个字').max(40, '标题最多40字'),
    /** Rich text (HTML); sanitised on the server. At most 20,000 characters as sent. */
    body: z.string().max(20_000, '正文太长（最多约2万字）'),
    cover: fileIdSchema().nullish(),
    images: z.array(fileIdSchema()).max(9, '图片最多9张').default([]),
    tags: z.array(tagSchema()).max(5, '标签最多5个').default([]),
    /** The branch the post is about; null: the whole organisation. */
    unitId: idField().nullish(),
    /** 先进典型: the featured member the story is about. */
    modelMemberId: idField().nullish(),
  })
  .strict();

const reasonSchema = () => z.string().trim().min(2, '请填写原因（至少2个字）').max(100, '原因最多100字');

export const feedSchemas = actionSchemas({
  // --- members
  /** The feed: every kind or one, optionally titles containing `q`; pinned first, newest first. */
  listPosts: () => z
    .object({
      kind: kindSchema().nullish(),
      q: lineSchema('搜索词', 20).nullish(),
      cursor: cursorField(),
      limit: feedLimitSchema(),
    })
    .strict(),
  /** One post (counts a read). */
  getPost: () => z.object({ postId: idField() }).strict(),
  likePost: () => z.object({ postId: idField(), like: z.boolean() }).strict(),
  listComments: () => z.object({ postId: idField(), cursor: cursorField(), limit: feedLimitSchema() }).strict(),
  /** Checked by the content-security service before it shows. */
  addComment: () => z.object({ postId: idField(), text: z.string().trim().min(1, '请填写评论').max(200, '评论最多200字') }).strict(),
  reportComment: () => z.object({ commentId: idField(), reason: z.string().trim().max(100).default('') }).strict(),
  /** Members submit a report or a model story; an organiser reviews it. */
  submitPost: () => postInputSchema().omit({ unitId: true, modelMemberId: true }).strict(),
  mySubmissions: () => z.object({ cursor: cursorField(), limit: feedLimitSchema() }).strict(),
  /** 先进典型: the members organisers feature, with their stories. */
  listModels: () => z.object({}).strict(),
  // --- organisers
  savePost: () => z.object({ postId: idField().nullish(), post: postInputSchema() }).strict(),
  /** Publish now, or at `publishAt` (scheduled). */
  publishPost: () => z.object({ postId: idField(), publishAt: z.number().int().min(0).max(4_102_444_800_000).nullish() }).strict(),
  unpublishPost: () => z.object({ postId: idField(), reason: reasonSchema() }).strict(),
  pinPost: () => z.object({ postId: idField(), pinned: z.boolean() }).strict(),
  listAdminPosts: () => z.object({ status: z.enum(['draft', 'pending', 'published', 'rejected', 'unpublished']), cursor: cursorField(), limit: feedLimitSchema() }).strict(),
  getPostAdmin: () => z.object({ postId: idField() }).strict(),
  reviewPost: () => z.object({ postId: idField(), approve: z.boolean(), reason: z.string().trim().max(100).default('') }).strict(),
  listFlaggedComments: () => z.object({ cursor: cursorField(), limit: feedLimitSchema() }).strict(),
  hideComment: () => z.object({ commentId: idField(), hidden: z.boolean(), reason: reasonSchema() }).strict(),
  featureMember: () => z
    .object({
      memberId: idField(),
      honour: z.string().trim().min(2, '请填写荣誉称号').max(20, '荣誉称号最多20字'),
      intro: z.string().trim().max(300, '简介最多300字').default(''),
      /** Omitted: keep the current photo; null: remove it. */
      photo: fileIdSchema().nullish(),
    })
    .strict(),
  unfeatureMember: () => z.object({ memberId: idField() }).strict(),
  /** Members (posts they submit) and organisers: a cloud path to upload a post picture or a featured member's photo to (an upload ticket). */
  uploadTicket: () => z.object({ purpose: z.enum(['postImage']), name: z.string().trim().min(1).max(200) }).strict(),
} as const);

export type FeedRequests = { [A in keyof typeof feedSchemas]: z.input<(typeof feedSchemas)[A]> };
export type PostInput = z.input<ReturnType<typeof postInputSchema>>;

export interface PostCard {
  id: string;
  kind: PostKind;
  title: string;
  summary: string;
  coverUrl: string | null;
  authorName: string;
  unitName: string | null;
  publishAt: number;
  pinned: boolean;
  reads: number;
  likes: number;
  comments: number;
  tags: string[];
}

export interface PostDetail extends PostCard {
  /** Sanitised HTML with image sources resolved to temporary URLs. */
  bodyHtml: string;
  imageUrls: string[];
  likedByMe: boolean;
  /** True for organisers who may edit, pin or unpublish it. */
  canManage: boolean;
}

export interface CommentView {
  id: string;
  name: string;
  text: string;
  at: number;
  mine: boolean;
  /** Organisers: hidden comments stay listed for them, marked. */
  hidden?: boolean;
  reports?: number;
}

export interface SubmissionRow {
  id: string;
  kind: PostKind;
  title: string;
  status: PostStatus;
  rejectReason: string;
  createdAt: number;
}

export interface ModelMember {
  memberId: string;
  name: string;
  unitName: string;
  honour: string;
  intro: string;
  /** The photo's fileID (organisers keep it when they edit the entry). */
  photo: string | null;
  photoUrl: string | null;
  stories: Array<{ postId: string; title: string; publishAt: number }>;
}

export interface AdminPost {
  id: string;
  kind: PostKind;
  title: string;
  /** Stored (sanitised) HTML, image sources as cloud fileIDs, for the editor. */
  body: string;
  /** The body as readers see it (image sources resolved), for the editor's preview. */
  bodyPreview: string;
  cover: string | null;
  coverUrl: string | null;
  images: string[];
  imageUrls: string[];
  tags: string[];
  unitId: string | null;
  unitName: string | null;
  modelMemberId: string | null;
  status: PostStatus;
  unpublishReason: string;
  publishAt: number | null;
  pinned: boolean;
  authorName: string;
  rejectReason: string;
  source: { type: 'event' | 'exam' | 'contest' | 'campaign' | 'submission'; id: string } | null;
  reads: number;
  likes: number;
  comments: number;
}

export interface AdminPostRow {
  id: string;
  kind: PostKind;
  title: string;
  status: PostStatus;
  publishAt: number | null;
  pinned: boolean;
  authorName: string;
  updatedAt: number;
}

export interface FlaggedComment extends CommentView {
  postId: string;
  postTitle: string;
  status: 'visible' | 'held' | 'hidden';
}

export interface FeedResponses {
  uploadTicket: { cloudPath: string };
  listPosts: Page<PostCard>;
  getPost: PostDetail;
  likePost: { liked: boolean; likes: number };
  listComments: Page<CommentView>;
  addComment: { comment: CommentView | null; held: boolean };
  reportComment: { reported: boolean };
  submitPost: { postId: string; status: PostStatus };
  mySubmissions: Page<SubmissionRow>;
  listModels: ModelMember[];
  savePost: AdminPost;
  publishPost: AdminPost;
  unpublishPost: AdminPost;
  pinPost: AdminPost;
  listAdminPosts: Page<AdminPostRow>;
  getPostAdmin: AdminPost;
  reviewPost: AdminPost;
  listFlaggedComments: Page<FlaggedComment>;
  hideComment: { hidden: boolean };
  featureMember: ModelMember;
  unfeatureMember: { removed: boolean };
}

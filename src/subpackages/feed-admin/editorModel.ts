// The post editor's form model: a blank form or one from a saved post, its changes (the body kept
// as stored HTML or retyped as plain paragraphs, tags up to five), the checks worth saying before
// the round trip, the savePost payload, publishing now or later, and the saved post's state in
// words. Pure (no React, no Taro), unit-tested in test/unit/feed-editor-model.test.ts; the server
// checks everything again.
import type { AdminPost, MeMember, PostInput } from '@core/contracts';
import { POST_TAGS, type PostKind, type PostStatus, type PostTag } from '@core/domain/feed';
import { hasReportPrompt } from '@core/domain/report';
import { ALL_UNITS } from '@/components/Editor/audience';
import { htmlToParagraphs, paragraphsToHtml, postDateText, scheduleText } from '@/utils/feed-format';

export const MAX_TAGS = 5;
/** The model chip that stands for no featured member. */
export const NO_MODEL = 'none';

/** An uploaded picture: its fileID and what to show for it. */
export interface EditorPhoto {
  fileID: string;
  preview: string;
}

export interface PostForm {
  kind: PostKind;
  title: string;
  /** 'html': keep the stored body as it is; 'text': the paragraphs typed in the box. */
  bodyMode: 'html' | 'text';
  html: string;
  text: string;
  cover: EditorPhoto[];
  images: EditorPhoto[];
  tags: PostTag[];
  /** The branch the post is about; null: the whole organisation. */
  unitId: string | null;
  modelMemberId: string | null;
}

/** What the form reads from a saved post. */
export type SavedPost = Pick<AdminPost, 'kind' | 'title' | 'body' | 'cover' | 'coverUrl' | 'images' | 'imageUrls' | 'tags' | 'unitId' | 'modelMemberId'>;

/** Whether a saved post has a body worth keeping as it is (an empty one is typed afresh). */
export function hasStoredBody(p: Pick<AdminPost, 'body'>): boolean {
  return p.body.trim() !== '';
}

/** A new post: a 活动报道 for the whole organisation (org admins) or the organiser's first branch. */
export function blankPostForm(viewer: Pick<MeMember, 'role'>, branches: Array<{ id: string }>): PostForm {
  return {
    kind: 'report',
    title: '',
    bodyMode: 'text',
    html: '',
    text: '',
    cover: [],
    images: [],
    tags: [],
    unitId: viewer.role === 'org_admin' ? null : (branches[0]?.id ?? null),
    modelMemberId: null,
  };
}

/**
 * Whether a stored body is nothing but paragraphs of text (a report drafted from an event, exam or
 * contest; a member's submission): it opens as the text it was typed as, losing nothing, so the
 * organiser edits words and never meets markup.
 */
export function isPlainBody(html: string): boolean {
  return /^(?:<p>[^<>]*<\/p>)+$/.test(html);
}

/**
 * A saved post as the form: plain paragraphs as text to edit, any other body kept as stored (shown
 * as a preview); tags no longer offered are dropped.
 */
export function postFormOf(p: SavedPost): PostForm {
  const plain = isPlainBody(p.body);
  return {
    kind: p.kind,
    title: p.title,
    bodyMode: hasStoredBody(p) && !plain ? 'html' : 'text',
    html: p.body,
    text: plain ? htmlToParagraphs(p.body) : '',
    cover: p.cover ? [{ fileID: p.cover, preview: p.coverUrl ?? '' }] : [],
    images: p.images.map((fileID, i) => ({ fileID, preview: p.imageUrls[i] ?? '' })),
    tags: p.tags.filter((t): t is PostTag => (POST_TAGS as readonly string[]).includes(t)),
    unitId: p.unitId,
    modelMemberId: p.modelMemberId,
  };
}

export type PostFormChange =
  | { type: 'set'; patch: Partial<Pick<PostForm, 'kind' | 'title' | 'text' | 'cover' | 'images'>> }
  /** A scope chip: 'all' for the whole organisation, else a branch id. */
  | { type: 'unit'; chip: string }
  /** A featured-member chip: 'none' for nobody. */
  | { type: 'model'; chip: string }
  /** A tag on or off; a sixth is not added (tagProblem says why). */
  | { type: 'toggleTag'; tag: PostTag }
  /** Retype the stored body as plain paragraphs (its formatting and pictures go). */
  | { type: 'retypeBody' }
  /** Back to the stored body as it was. */
  | { type: 'restoreBody' };

export function updatePostForm(form: PostForm, change: PostFormChange): PostForm {
  switch (change.type) {
    case 'set':
      return { ...form, ...change.patch };
    case 'unit':
      return { ...form, unitId: change.chip === ALL_UNITS ? null : change.chip };
    case 'model':
      return { ...form, modelMemberId: change.chip === NO_MODEL ? null : change.chip };
    case 'toggleTag':
      if (form.tags.includes(change.tag)) return { ...form, tags: form.tags.filter((x) => x !== change.tag) };
      return form.tags.length >= MAX_TAGS ? form : { ...form, tags: [...form.tags, change.tag] };
    case 'retypeBody':
      return { ...form, bodyMode: 'text', text: htmlToParagraphs(form.html) };
    case 'restoreBody':
      return { ...form, bodyMode: 'html' };
  }
}

/** Why tapping this tag adds nothing: five are already chosen. */
export function tagProblem(form: PostForm, tag: PostTag): string | null {
  return !form.tags.includes(tag) && form.tags.length >= MAX_TAGS ? `标签最多选${MAX_TAGS}个` : null;
}

/** The body to store: the stored HTML kept, or the typed paragraphs as escaped <p>s. */
export function postBodyOf(form: PostForm): string {
  return form.bodyMode === 'html' ? form.html : paragraphsToHtml(form.text);
}

/** Before publishing: a drafted report's 【请补充：…】 prompt still in the text would go out to members. */
export function promptProblem(form: PostForm): string | null {
  return form.bodyMode === 'text' && hasReportPrompt(form.text) ? '正文里还有【请补充：…】的提示，请换成自己的话或删去后再发布' : null;
}

/** Problems worth saying before the round trip; the server checks everything again. */
export function postFormProblem(form: PostForm): string | null {
  if (form.title.trim().length < 2) return '请填写标题（至少2个字）';
  if (postBodyOf(form).trim() === '' && form.images.length === 0) return '请填写正文';
  return null;
}

/** The savePost payload. Without a chosen cover the feed shows the first photo. */
export function postInputOf(form: PostForm): PostInput {
  return {
    kind: form.kind,
    title: form.title.trim(),
    body: postBodyOf(form),
    cover: form.cover[0]?.fileID ?? form.images[0]?.fileID ?? null,
    images: form.images.map((p) => p.fileID),
    tags: form.tags,
    unitId: form.unitId,
    modelMemberId: form.kind === 'model' ? form.modelMemberId : null,
  };
}

// ---- publishing -------------------------------------------------------------------------------

export type Schedule = 'now' | 'later';

/** The scheduled time offered first: the next half hour at least an hour from now. */
export function defaultPublishAt(now: number): number {
  return Math.ceil((now + 3_600_000) / 1_800_000) * 1_800_000;
}

/** The publishPost time: null for now. */
export function publishAtOf(schedule: Schedule, publishAt: number): number | null {
  return schedule === 'later' ? publishAt : null;
}

export function scheduleProblem(schedule: Schedule, publishAt: number, now: number): string | null {
  return schedule === 'later' && publishAt <= now ? '定时发布的时间要晚于现在' : null;
}

/** The question before publishing: when, and whose members will see it. */
export function postPublishQuestion(form: PostForm, branches: Array<{ id: string; name: string }>, schedule: Schedule, publishAt: number, now: number): string {
  const where = form.unitId ? (branches.find((b) => b.id === form.unitId)?.name ?? '本支部') : '全单位';
  return `${schedule === 'later' ? scheduleText(publishAt, now) : '立即发布'}，${where}的党员会在首页看到。确定发布吗？`;
}

/** A published or rejected post is not published again from here. */
export function canPublish(status: PostStatus): boolean {
  return status !== 'published' && status !== 'rejected';
}

export function publishButtonText(status: PostStatus, schedule: Schedule): string {
  return status === 'unpublished' ? '重新发布' : schedule === 'later' ? '定时发布' : '发布';
}

/** The saved post's state beside its label: when it goes out, its figures, why it was refused, or where it came from. */
export function postStatusLine(post: Pick<AdminPost, 'status' | 'publishAt' | 'reads' | 'likes' | 'comments' | 'rejectReason' | 'source'>, now: number): string {
  if (post.status === 'published' && post.publishAt !== null) {
    if (post.publishAt > now) return scheduleText(post.publishAt, now);
    return `发布于 ${postDateText(post.publishAt, now)} · 阅读 ${post.reads} · 赞 ${post.likes} · 评论 ${post.comments}`;
  }
  if (post.status === 'rejected' && post.rejectReason) return `未通过的原因：${post.rejectReason}`;
  if (post.source?.type === 'event') return '由活动自动生成的草稿，请核对后发布';
  if (post.source?.type === 'contest') return '由知识竞赛自动生成的草稿，请核对后发布';
  if (post.source?.type === 'exam') return '由考试自动生成的草稿，请核对后发布';
  if (post.source?.type === 'campaign') return '由专项行动阶段自动生成的草稿，请核对后发布';
  return '';
}

/** Whether a published post is out already, so members can read it (not one scheduled for later). */
export function isLive(post: Pick<AdminPost, 'status' | 'publishAt'>, now: number): boolean {
  return post.status === 'published' && (post.publishAt ?? 0) <= now;
}

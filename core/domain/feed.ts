// The publicity feed (活动报道, 先进典型, 通知公告, 学习资料): kinds, the tag vocabulary and the
// feed's sort key. Pure: the feed function and the pages share these.

export const POST_KINDS = ['report', 'model', 'notice', 'material'] as const;
export type PostKind = (typeof POST_KINDS)[number];

export const POST_KIND_LABELS: Record<PostKind, string> = {
  report: '活动报道',
  model: '先进典型',
  notice: '通知公告',
  material: '学习资料',
};

/** Kinds a member may submit for review. */
export const SUBMITTABLE_KINDS: PostKind[] = ['report', 'model'];

/** The tags an organisation's posts may carry: a closed list, so the feed can be filtered by them. */
export const POST_TAGS = [
  '党史学习',
  '理论学习',
  '主题党日',
  '党课',
  '宣讲',
  '志愿服务',
  '组织生活',
  '先进事迹',
  '优秀党员',
  '基层动态',
  '通知',
  '学习资料',
] as const;
export type PostTag = (typeof POST_TAGS)[number];

export type PostStatus = 'draft' | 'pending' | 'published' | 'rejected' | 'unpublished';

export const POST_STATUS_LABELS: Record<PostStatus, string> = {
  draft: '草稿',
  pending: '待审核',
  published: '已发布',
  rejected: '未通过',
  unpublished: '已撤下',
};

/**
 * The feed's single sort key: pinned posts first, then newest published first, ties by id. One
 * field, so a page is one range query on an index and the cursor is the last key (never a skip).
 */
export function feedSortKey(pinned: boolean, publishAt: number, id: string): string {
  return `${pinned ? '1' : '0'}${String(publishAt).padStart(15, '0')}${id}`;
}

/** Plain text of sanitised HTML (for summaries and length checks). */
export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h[1-6]|li|blockquote)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function summaryOf(html: string, n = 60): string {
  const text = plainText(html).replace(/\s+/g, ' ');
  return text.length <= n ? text : `${text.slice(0, n)}…`;
}

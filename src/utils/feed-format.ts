// Pure helpers for the feed pages (no Taro, no I/O), unit-tested in test/unit/feed-format.test.ts:
// typed paragraphs to the HTML a post stores, dates and counts as members read them, the checks
// on a picked photo, and a scheduled publication in words (the pickers' Beijing date and time are
// in utils/field-input).
import type { PostCard } from '@core/contracts';
import { plainText, type PostStatus } from '@core/domain/feed';
import { MAX_IMAGE_BYTES, MAX_IMAGE_TEXT } from '@core/domain/images';
import { beijingDayKey, beijingDayStart, beijingParts } from '@core/domain/time';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Text made safe to place inside HTML: & < > " and ' become entities. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * What a member typed in a plain text box, as the paragraphs of a post: every non-empty line is
 * one `<p>` (members press Enter between paragraphs; an empty line adds nothing). Everything typed
 * is escaped, so `<b>` shows as the text "<b>", never as markup. The server sanitises again.
 */
export function paragraphsToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}

/** A stored body back as plain paragraphs for the text box (formatting and pictures are lost). */
export function htmlToParagraphs(html: string): string {
  return plainText(html)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * A stored body for the organiser's preview: its images are cloud fileIDs that a browser cannot
 * load (the reader's page gets temporary URLs from the server), so each shows as a marker.
 */
export function previewHtml(html: string): string {
  return html.replace(/<img\b[^>]*\bsrc="cloud:\/\/[^"]*"[^>]*>/g, '<span>〔正文图片〕</span>');
}

/** When a post was published, as a member reads it: 今天 09:30, 昨天 18:00, 5月3日, 2024年5月3日. */
export function postDateText(epochMs: number, now: number = Date.now()): string {
  const p = beijingParts(epochMs);
  const today = beijingDayKey(now);
  if (p.day === today) return `今天 ${p.time}`;
  if (p.day === beijingDayKey(beijingDayStart(today) - DAY_MS)) return `昨天 ${p.time}`;
  const md = `${p.m}月${p.d}日`;
  return p.day.slice(0, 4) === today.slice(0, 4) ? md : `${p.y}年${md}`;
}

/** A count for a card: 0–9999 as is, then 1.2万 (one decimal, none when whole). */
export function countText(n: number): string {
  if (n < 10_000) return String(Math.max(0, n));
  const wan = Math.floor(n / 1000) / 10;
  return `${Number.isInteger(wan) ? wan.toFixed(0) : wan.toFixed(1)}万`;
}

/** Who a post is from: the branch (or 全单位) and the author. */
export function postSource(post: Pick<PostCard, 'unitName' | 'authorName'>): string {
  return `${post.unitName ?? '全单位'} · ${post.authorName}`;
}

/** Each status as a word with a symbol (never colour alone) and its tag style. */
export const POST_STATUS_VIEW: Record<PostStatus, { label: string; tag: string }> = {
  draft: { label: '✎ 草稿', tag: 'tag' },
  pending: { label: '… 待审核', tag: 'tag tag--gold' },
  published: { label: '✓ 已发布', tag: 'tag tag--ok' },
  rejected: { label: '✕ 未通过', tag: 'tag tag--red' },
  unpublished: { label: '■ 已撤下', tag: 'tag' },
};

/** The problem with a picked photo in plain words, or null when it may be uploaded: JPG or PNG, at
 * most MAX_IMAGE_BYTES (the server checks the bytes again). */
export function photoProblem(name: string, size: number): string | null {
  if (!/\.(png|jpe?g)$/i.test(name)) return '请选择 JPG 或 PNG 格式的图片';
  if (size > MAX_IMAGE_BYTES) return `图片超过${MAX_IMAGE_TEXT}，请换一张小一些的图片`;
  return null;
}

/** How many more photos fit, and the words when none do. */
export function photoRoom(count: number, max: number): { left: number; full: string | null } {
  const left = Math.max(0, max - count);
  return { left, full: left === 0 ? `最多${max}张图片` : null };
}

/** A scheduled publication in words: 将于 5月3日 09:00 发布 (the year when it is not this one). */
export function scheduleText(publishAt: number, now: number = Date.now()): string {
  const p = beijingParts(publishAt);
  const year = p.y === beijingParts(now).y ? '' : `${p.y}年`;
  return `将于 ${year}${p.m}月${p.d}日 ${p.time} 发布`;
}

/**
 * Taro.eventCenter topic: a post page tells the feed what changed (likes, comments, reads), so the
 * card the member comes back to is current without reloading the list.
 */
export const FEED_POST_CHANGED = 'feed:post-changed';

export interface FeedPostChange {
  id: string;
  likes?: number;
  comments?: number;
  reads?: number;
}

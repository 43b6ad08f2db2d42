// What the feed context offers other contexts (rule 3): publishing goes through here, never by
// writing `posts` from outside. A draft is plain paragraphs of text; the feed alone turns them
// into HTML (escaped, then through the same allow-list sanitiser as every post), so a draft from
// an event, an exam or a contest looks and behaves the same. The HTML stays inside the feed: the
// drafting context gets the paragraphs back as text, which is what its organiser reads.

import type { PostTag } from '../../core/domain/feed';
import { oneLine, reportText } from '../../core/domain/report';
import { COLLECTIONS } from '../lib/collections';
import { getById, insert, list, updateById, type Database } from '../lib/db';
import { precondition } from '../lib/errors';
import { UNTOUCHED_POST, type CommentDoc, type PostDoc } from './model';
import { sanitizeBody } from './sanitize';

export interface ReportDraft {
  /** Deterministic id of the draft: one per source (drafting again refreshes it). */
  postId: string;
  orgId: string;
  unitId: string | null;
  unitName: string | null;
  title: string;
  /** Plain text, one entry per paragraph; never HTML. */
  paragraphs: string[];
  cover: string | null;
  images: string[];
  tags: PostTag[];
  author: { id: string; name: string };
  source: { type: 'event' | 'exam' | 'contest' | 'campaign'; id: string };
}

const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Paragraphs of plain text as the feed's HTML (escaped, then sanitised like any post body). */
export function paragraphsToBody(paragraphs: string[]): string {
  return sanitizeBody(paragraphs.map((t) => `<p>${escapeText(t)}</p>`).join(''));
}

/**
 * Saves a report draft for organisers to edit and publish from 宣传文章管理: created the first
 * time, refreshed while it is still a draft, refused once it has been published.
 */
export async function saveReportDraft(db: Database, d: ReportDraft, now: number): Promise<{ postId: string; text: string }> {
  // One line a paragraph, so the text handed back splits into exactly the stored paragraphs.
  const paragraphs = d.paragraphs.map(oneLine).filter((p) => p !== '');
  const body = paragraphsToBody(paragraphs);
  const existing = await getById<PostDoc>(db, COLLECTIONS.posts, d.postId);
  if (!existing) {
    const post: PostDoc = {
      _id: d.postId,
      orgId: d.orgId,
      unitId: d.unitId,
      unitName: d.unitName,
      kind: 'report',
      title: d.title,
      body,
      cover: d.cover,
      images: d.images,
      tags: d.tags,
      status: 'draft',
      ...UNTOUCHED_POST,
      authorId: d.author.id,
      authorName: d.author.name,
      source: d.source,
      modelMemberId: null,
      createdAt: now,
      updatedAt: now,
    };
    await insert(db, COLLECTIONS.posts, { ...post });
  } else if (existing.status === 'draft') {
    await updateById(db, COLLECTIONS.posts, d.postId, { title: d.title, body, cover: d.cover, images: db.command.set(d.images), updatedAt: now });
  } else {
    throw precondition('这篇报道已经发布');
  }
  // The paragraphs as saved, one a line: never the HTML, which no organiser should read as text.
  return { postId: d.postId, text: reportText(paragraphs) };
}

/** How many of a queue the console counts before it says "at least". */
export const WAITING_READ = 100;

/**
 * What waits in the feed for this organiser (the console): members' submissions to review and
 * reported or held comments, on posts they may manage (org admins any; unit organisers those of
 * `managedUnitIds` and their own). Two reads for an org admin, three for a unit organiser with
 * flagged comments (their posts' units).
 */
export async function feedWaiting(
  db: Database,
  me: { _id: string; orgId: string; role: string },
  managedUnitIds: ReadonlySet<string>,
): Promise<{ submissions: number; submissionsMore: boolean; comments: number; commentsMore: boolean }> {
  const _ = db.command;
  const admin = me.role === 'org_admin';
  const mine = (p: Pick<PostDoc, 'authorId' | 'unitId'>) => admin || p.authorId === me._id || (p.unitId !== null && managedUnitIds.has(p.unitId));
  const [pending, flagged] = await Promise.all([
    list<PostDoc>(
      db
        .collection(COLLECTIONS.posts)
        .where({ orgId: me.orgId, status: 'pending' })
        .orderBy('updatedAt', 'asc')
        .field({ authorId: true, unitId: true })
        .limit(WAITING_READ),
    ),
    list<CommentDoc>(db.collection(COLLECTIONS.postComments).where({ orgId: me.orgId, flagged: true }).orderBy('at', 'desc').field({ postId: true }).limit(WAITING_READ)),
  ]);
  let comments = flagged.length;
  if (!admin && flagged.length > 0) {
    const ids = [...new Set(flagged.map((c) => c.postId))];
    const posts = await list<PostDoc>(db.collection(COLLECTIONS.posts).where({ _id: _.in(ids) }).field({ authorId: true, unitId: true }).limit(ids.length));
    const ok = new Set(posts.filter(mine).map((p) => p._id));
    comments = flagged.filter((c) => ok.has(c.postId)).length;
  }
  return {
    submissions: pending.filter(mine).length,
    submissionsMore: pending.length === WAITING_READ,
    comments,
    commentsMore: flagged.length === WAITING_READ,
  };
}

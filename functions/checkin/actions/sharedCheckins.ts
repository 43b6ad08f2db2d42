// sharedCheckins: recent check-ins that members of the caller's branch chose to share, newest first.
// One indexed query per page (keyset on time and _id, never a growing skip) plus a temporary URL
// per photo on the page.

import type { CheckinResponses, SharedCheckin } from '../../../core/contracts/checkin';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { requireMember } from '../../org/ports';
import { afterCursor, keysetPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import type { CheckinDoc } from '../model';

export async function sharedCheckins(input: { cursor?: string | null; limit: number }, ctx: ActionContext): Promise<CheckinResponses['sharedCheckins']> {
  const { db, storage } = ctx.deps;
  const _ = db.command;
  const me = await requireMember(ctx);
  const base = { unitId: me.unitId, share: true };
  const where = afterCursor(_, base, 'at', input.cursor);
  const docs = await list<CheckinDoc>(db.collection(COLLECTIONS.checkins).where(where).orderBy('at', 'desc').orderBy('_id', 'desc').limit(input.limit + 1));
  const { page, nextCursor } = keysetPage(docs, input.limit, (c) => [c.at, c._id]);
  // One temporary-URL call for the page's photos (getTempFileURL takes 50 at a time).
  let urls = new Map<string, string>();
  const photos = page.flatMap((c) => (c.photo ? [c.photo] : []));
  if (photos.length) {
    try {
      urls = await storage.tempUrls(photos);
    } catch {
      urls = new Map();
    }
  }
  const items: SharedCheckin[] = page.map((c) => ({
    id: c._id,
    name: c.name ?? '',
    day: c.day,
    at: c.at,
    title: c.title,
    minutes: c.minutes,
    note: c.note,
    madeUp: c.madeUp,
    photoUrl: c.photo ? urls.get(c.photo) || null : null,
    mine: c.memberId === me._id,
  }));
  return { items, nextCursor };
}

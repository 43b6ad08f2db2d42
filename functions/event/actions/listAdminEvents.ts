// listAdminEvents: the events an organiser may see (reaching their branches, or theirs), newest
// first, a page at a time.

import type { EventResponses } from '../../../core/contracts/event';
import { audienceTouches } from '../../../core/domain/org/units';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { managedUnits, requireOrganiser } from '../../org/ports';
import { afterCursor, keysetPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import type { EventDoc } from '../model';
import { ALL_UNITS } from '../access';
import { card, coverUrls } from '../views';

export async function listAdminEvents(input: { cursor?: string | null; limit: number }, ctx: ActionContext): Promise<EventResponses['listAdminEvents']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const me = await requireOrganiser(ctx);
  const managed = await managedUnits(db, me);
  const base = { orgId: me.orgId };
  const where = afterCursor(_, base, 'createdAt', input.cursor);
  // Organisers see events reaching their branches; a page may hold fewer after that filter.
  const docs = await list<EventDoc>(db.collection(COLLECTIONS.events).where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(input.limit + 1));
  const { page, nextCursor } = keysetPage(docs, input.limit, (e) => [e.createdAt, e._id]);
  const visible = page.filter((e) => me.role === 'org_admin' || e.createdBy === me._id || audienceTouches(e.audience, managed, ALL_UNITS));
  const urls = await coverUrls(ctx.deps, visible);
  const now = clock.now();
  return {
    items: visible.map((e) => ({ ...card(e, now, null, e.cover ? (urls.get(e.cover) ?? null) : null), status: e.status, confirmed: e.confirmed, attended: e.attended })),
    nextCursor,
  };
}

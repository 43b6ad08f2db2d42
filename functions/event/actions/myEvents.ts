// myEvents: the member's own sign-ups, newest first, with attendance.

import type { EventResponses, MyEventRow } from '../../../core/contracts/event';
import { eventPhase } from '../../../core/domain/event';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { requireMember } from '../../org/ports';
import { afterCursor, keysetPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import type { EventDoc, RegistrationDoc } from '../model';

export async function myEvents(input: { cursor?: string | null; limit: number }, ctx: ActionContext): Promise<EventResponses['myEvents']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const me = await requireMember(ctx);
  const where = afterCursor(_, { memberId: me._id }, 'signedUpAt', input.cursor);
  const found = await list<RegistrationDoc>(db.collection(COLLECTIONS.eventRegistrations).where(where).orderBy('signedUpAt', 'desc').orderBy('_id', 'desc').limit(input.limit + 1));
  const { page, nextCursor } = keysetPage(found, input.limit, (r) => [r.signedUpAt, r._id]);
  const events = page.length ? await list<EventDoc>(db.collection(COLLECTIONS.events).where({ _id: _.in(page.map((r) => r.eventId)) }).limit(page.length)) : [];
  const byId = new Map(events.map((e) => [e._id, e]));
  const now = clock.now();
  const items: MyEventRow[] = page.flatMap((r) => {
    const e = byId.get(r.eventId);
    if (!e) return [];
    return [{ eventId: e._id, kind: e.kind, title: e.title, place: e.place, startsAt: e.startsAt, endsAt: e.endsAt, phase: eventPhase(e, now), status: r.status, attended: r.attended, promoted: r.promoted }];
  });
  return { items, nextCursor };
}

// Members' views: the events for their branch (open for sign-up, upcoming, past), one event with
// seats left and their own status, and their own events with attendance.

import type { EventResponses, MyEventRow } from '../../../core/contracts/event';
import { eventPhase } from '../../../core/domain/event';
import { COLLECTIONS } from '../../lib/collections';
import { getById, list } from '../../lib/db';
import { requireMember } from '../../org/ports';
import { afterCursor, decodeKeyset, encodeKeyset } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import type { EventDoc, RegistrationDoc } from '../model';
import { ALL_UNITS, audienceNames, card, coverUrls, detail, loadForMember, registrationId, waitPosition } from '../shared';

export async function listEvents(input: { tab: 'open' | 'upcoming' | 'past'; cursor?: string | null; limit: number }, ctx: ActionContext): Promise<EventResponses['listEvents']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const me = await requireMember(ctx);
  const now = clock.now();
  const base = { orgId: me.orgId, status: 'published', audience: _.in([...me.unitPath, ALL_UNITS]) };
  let docs: EventDoc[];
  let nextCursor: string | null = null;
  if (input.tab === 'upcoming') {
    // Sign-up closed, not yet ended: few at any time, one page.
    docs = (await list<EventDoc>(db.collection(COLLECTIONS.events).where({ ...base, endsAt: _.gt(now) }).orderBy('endsAt', 'asc').limit(100))).filter((e) => e.signupClosesAt <= now);
  } else {
    const field = input.tab === 'open' ? 'signupClosesAt' : 'endsAt';
    const dir = input.tab === 'open' ? 'asc' : 'desc';
    const range = input.tab === 'open' ? _.gt(now) : _.lte(now);
    let where: object = { ...base, [field]: range };
    if (input.cursor) {
      const [at, id] = decodeKeyset(input.cursor, ['number', 'string']);
      // The cursor's value lies in the range, so "after it" stays in the range.
      where = _.or([
        { ...base, [field]: dir === 'asc' ? _.gt(at) : _.lt(at) },
        { ...base, [field]: at, _id: dir === 'asc' ? _.gt(id) : _.lt(id) },
      ]);
    }
    const found = await list<EventDoc>(db.collection(COLLECTIONS.events).where(where).orderBy(field, dir).orderBy('_id', dir).limit(input.limit + 1));
    docs = found.slice(0, input.limit);
    const last = docs[docs.length - 1];
    if (found.length > input.limit && last) nextCursor = encodeKeyset([last[field], last._id]);
  }
  const regs = docs.length
    ? await list<RegistrationDoc>(db.collection(COLLECTIONS.eventRegistrations).where({ _id: _.in(docs.map((e) => registrationId(e._id, me._id))) }).limit(docs.length))
    : [];
  const status = new Map(regs.map((r) => [r.eventId, r.status]));
  const urls = await coverUrls(ctx.deps, docs);
  return { items: docs.map((e) => card(e, now, status.get(e._id) ?? null, e.cover ? (urls.get(e.cover) ?? null) : null)), nextCursor };
}

export async function getEvent(input: { eventId: string }, ctx: ActionContext): Promise<EventResponses['getEvent']> {
  const { db, clock } = ctx.deps;
  const { member, event } = await loadForMember(ctx, input.eventId);
  const reg = await getById<RegistrationDoc>(db, COLLECTIONS.eventRegistrations, registrationId(event._id, member._id));
  const urls = await coverUrls(ctx.deps, [event]);
  return detail(event, clock.now(), reg, {
    coverUrl: event.cover ? (urls.get(event.cover) ?? null) : null,
    names: await audienceNames(db, event),
    position: reg ? await waitPosition(db, reg) : null,
  });
}

export async function myEvents(input: { cursor?: string | null; limit: number }, ctx: ActionContext): Promise<EventResponses['myEvents']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const me = await requireMember(ctx);
  const where = afterCursor(_, { memberId: me._id }, 'signedUpAt', input.cursor);
  const found = await list<RegistrationDoc>(db.collection(COLLECTIONS.eventRegistrations).where(where).orderBy('signedUpAt', 'desc').orderBy('_id', 'desc').limit(input.limit + 1));
  const page = found.slice(0, input.limit);
  const events = page.length ? await list<EventDoc>(db.collection(COLLECTIONS.events).where({ _id: _.in(page.map((r) => r.eventId)) }).limit(page.length)) : [];
  const byId = new Map(events.map((e) => [e._id, e]));
  const now = clock.now();
  const items: MyEventRow[] = page.flatMap((r) => {
    const e = byId.get(r.eventId);
    if (!e) return [];
    return [{ eventId: e._id, kind: e.kind, title: e.title, place: e.place, startsAt: e.startsAt, endsAt: e.endsAt, phase: eventPhase(e, now), status: r.status, attended: r.attended, promoted: r.promoted }];
  });
  const last = page[page.length - 1];
  return { items, nextCursor: found.length > input.limit && last ? encodeKeyset([last.signedUpAt, last._id]) : null };
}

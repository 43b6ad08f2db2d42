// What the event context tells the console's gap lists, member by member (rule 3): the events of
// a period that reach a subtree, and a page of members' places at them — one read each.

import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import { ALL_UNITS } from './access';
import type { EventDoc, RegistrationDoc } from './model';
import { registrationId } from './registration';

export const GAP_EVENTS_MAX = 20;

export interface PeriodEvent {
  eventId: string;
  title: string;
  startsAt: number;
  endsAt: number;
  audience: string[];
}

/**
 * Published events of `unitKeys`' audience (a subtree's units and those above it) that end within
 * [from, to) (`endedOnly`: the gap list's 未到场) or that overlap it (a member's picture), soonest
 * ending first. One query on the members' list index.
 */
export async function eventsInPeriod(db: Database, orgId: string, unitKeys: string[], from: number, to: number, endedOnly: boolean): Promise<PeriodEvent[]> {
  const _ = db.command;
  const ends = endedOnly ? _.gte(from).and(_.lt(to)) : _.gt(from);
  const docs = await list<EventDoc>(
    db
      .collection(COLLECTIONS.events)
      .where({ orgId, status: 'published', audience: _.in([...new Set([...unitKeys, ALL_UNITS])]), endsAt: ends })
      .field({ title: true, startsAt: true, endsAt: true, audience: true })
      .orderBy('endsAt', 'asc')
      .limit(50),
  );
  return docs
    .filter((e) => e.startsAt < to)
    .slice(0, GAP_EVENTS_MAX)
    .map((e) => ({ eventId: e._id, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, audience: e.audience }));
}

export interface Place {
  eventId: string;
  memberId: string;
  status: RegistrationDoc['status'];
  attended: boolean;
}

/** The registrations of `memberIds` at `eventIds` (at most 1000 pairs): one read by id. */
export async function placesOf(db: Database, eventIds: string[], memberIds: string[]): Promise<Place[]> {
  const ids = eventIds.flatMap((e) => memberIds.map((m) => registrationId(e, m))).slice(0, 1000);
  if (ids.length === 0) return [];
  const _ = db.command;
  const docs = await list<RegistrationDoc>(
    db.collection(COLLECTIONS.eventRegistrations).where({ _id: _.in(ids) }).field({ eventId: true, memberId: true, status: true, attended: true }).limit(ids.length),
  );
  return docs.map((r) => ({ eventId: r.eventId, memberId: r.memberId, status: r.status, attended: r.attended === true }));
}

// What the event context tells other contexts, read through its own collections (rule 3).

import type { EventFact } from '../../core/domain/today';
import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import { ALL_UNITS } from './access';
import type { EventDoc, RegistrationDoc } from './model';
import { registrationId } from './registration';

/** Titles of published events not yet over whose audience names one of `unitIds`. */
export async function openEventsFor(db: Database, orgId: string, unitIds: string[], now: number): Promise<string[]> {
  const _ = db.command;
  const docs = await list<EventDoc>(
    db.collection(COLLECTIONS.events).where({ orgId, status: 'published', audience: _.in(unitIds), endsAt: _.gt(now) }).limit(20),
  );
  return docs.map((e) => e.title);
}

export interface EventRollup {
  events: number;
  confirmed: number;
  attended: number;
}

/**
 * Published events starting in [from, to): how many, and their confirmed sign-ups and attendance
 * summed over `unitIds` (a subtree) from each event's per-unit counters. One read.
 */
export async function eventRollup(db: Database, orgId: string, unitIds: string[], from: number, to: number): Promise<EventRollup> {
  const _ = db.command;
  const docs = await list<EventDoc>(
    db.collection(COLLECTIONS.events).where({ orgId, status: 'published', startsAt: _.gte(from).and(_.lt(to)) }).limit(200),
  );
  const mine = new Set(unitIds);
  const out: EventRollup = { events: 0, confirmed: 0, attended: 0 };
  for (const e of docs) {
    let reached = false;
    for (const [unitId, n] of Object.entries(e.byUnit ?? {})) {
      if (!mine.has(unitId)) continue;
      reached = true;
      out.confirmed += n.c ?? 0;
      out.attended += n.a ?? 0;
    }
    if (reached || e.audience.some((id) => mine.has(id))) out.events += 1;
  }
  return out;
}

/** Has the organisation made any event yet (the set-up checklist's "first activity")? One read. */
export async function hasAnyEvent(db: Database, orgId: string): Promise<boolean> {
  return (await list<EventDoc>(db.collection(COLLECTIONS.events).where({ orgId }).limit(1))).length > 0;
}

/**
 * The events the member holds a confirmed place at that start before `startsBefore` and have not
 * ended at `now` (今日任务: today's and tomorrow's). One query on the members' list index (their
 * audience's published events by end, the 50 ending soonest: those of the next two days come
 * first), then their registrations by id (one read, none when no event is near).
 */
export async function confirmedEventsFor(db: Database, member: { _id: string; orgId: string; unitPath: string[] }, now: number, startsBefore: number): Promise<EventFact[]> {
  const _ = db.command;
  const docs = await list<EventDoc>(
    db
      .collection(COLLECTIONS.events)
      .where({ orgId: member.orgId, status: 'published', audience: _.in([...member.unitPath, ALL_UNITS]), endsAt: _.gt(now) })
      .orderBy('endsAt', 'asc')
      .limit(50),
  );
  const near = docs.filter((e) => e.startsAt < startsBefore);
  if (near.length === 0) return [];
  const ids = near.map((e) => registrationId(e._id, member._id));
  const regs = await list<RegistrationDoc>(db.collection(COLLECTIONS.eventRegistrations).where({ _id: _.in(ids) }).limit(ids.length));
  const byEvent = new Map(regs.filter((r) => r.status === 'confirmed').map((r) => [r.eventId, r]));
  return near.flatMap((e) => {
    const r = byEvent.get(e._id);
    return r ? [{ eventId: e._id, title: e.title, place: e.place, startsAt: e.startsAt, endsAt: e.endsAt, attended: r.attended }] : [];
  });
}

/**
 * Published events starting in [from, to), tallied for each group of units (the console: a
 * subtree's direct children; `groupOf` maps each unit of the subtree to its group, null for a unit
 * counted in the whole only), and for the whole: from each event's per-unit counters. One read.
 */
export async function eventTallies(
  db: Database,
  orgId: string,
  groupOf: ReadonlyMap<string, string | null>,
  from: number,
  to: number,
): Promise<{ total: EventRollup; byGroup: Map<string, EventRollup> }> {
  const _ = db.command;
  const docs = await list<EventDoc>(
    db.collection(COLLECTIONS.events).where({ orgId, status: 'published', startsAt: _.gte(from).and(_.lt(to)) }).limit(200),
  );
  const total: EventRollup = { events: 0, confirmed: 0, attended: 0 };
  const byGroup = new Map<string, EventRollup>();
  for (const e of docs) {
    const reached = new Set<string | null>();
    for (const id of e.audience) if (groupOf.has(id)) reached.add(groupOf.get(id) ?? null);
    for (const [unitId, n] of Object.entries(e.byUnit ?? {})) {
      if (!groupOf.has(unitId)) continue;
      const g = groupOf.get(unitId) ?? null;
      reached.add(g);
      total.confirmed += n.c ?? 0;
      total.attended += n.a ?? 0;
      if (g) {
        const s = byGroup.get(g) ?? { events: 0, confirmed: 0, attended: 0 };
        byGroup.set(g, { ...s, confirmed: s.confirmed + (n.c ?? 0), attended: s.attended + (n.a ?? 0) });
      }
    }
    if (reached.size > 0) total.events += 1;
    for (const g of reached) {
      if (!g) continue;
      const s = byGroup.get(g) ?? { events: 0, confirmed: 0, attended: 0 };
      byGroup.set(g, { ...s, events: s.events + 1 });
    }
  }
  return { total, byGroup };
}

/** An event as a campaign attaches it (专项行动, docs/CAMPAIGNS.md): its reach, days and per-unit counters. */
export interface EventBrief {
  eventId: string;
  title: string;
  /** Units of the audience, or ['ALL']. */
  audience: string[];
  status: 'draft' | 'published' | 'cancelled';
  startsAt: number;
  endsAt: number;
  /** Per unit: c confirmed sign-ups, a attended. */
  byUnit: Record<string, { c?: number; a?: number }>;
}

/** The organisation's events among `ids` (at most 100): one read by `_id`. */
export async function eventsByIds(db: Database, orgId: string, ids: readonly string[]): Promise<EventBrief[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  const docs = await list<EventDoc>(
    db
      .collection(COLLECTIONS.events)
      .where({ _id: _.in([...ids]), orgId })
      .field({ title: true, audience: true, status: true, startsAt: true, endsAt: true, byUnit: true })
      .limit(ids.length),
  );
  return docs.map((e) => ({ eventId: e._id, title: e.title, audience: e.audience, status: e.status, startsAt: e.startsAt, endsAt: e.endsAt, byUnit: e.byUnit ?? {} }));
}

/** A published event of a period with each unit's own counters (c confirmed, a attended): the campaign's evaluation. */
export interface PeriodEventFigures {
  eventId: string;
  title: string;
  startsAt: number;
  /** Units of the audience, or ['ALL']. */
  audience: string[];
  byUnit: Record<string, { c?: number; a?: number }>;
}

/**
 * The organisation's published events starting in [from, to), at most 200 (the roll-ups'
 * ceiling, as eventTallies), with their per-unit counters, for a caller that sums them per unit
 * of a subtree itself (the 四落实 evaluation: every unit's row). One read.
 */
export async function eventFiguresInPeriod(db: Database, orgId: string, from: number, to: number): Promise<PeriodEventFigures[]> {
  const _ = db.command;
  const docs = await list<EventDoc>(
    db
      .collection(COLLECTIONS.events)
      .where({ orgId, status: 'published', startsAt: _.gte(from).and(_.lt(to)) })
      .field({ title: true, startsAt: true, audience: true, byUnit: true })
      .limit(200),
  );
  return docs.map((e) => ({ eventId: e._id, title: e.title, startsAt: e.startsAt, audience: e.audience, byUnit: e.byUnit ?? {} }));
}

// What the event context tells other contexts, read through its own collections (rule 3).

import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import type { EventDoc } from './model';

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

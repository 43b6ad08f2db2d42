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

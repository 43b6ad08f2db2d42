// What the check-in context tells other contexts, read through its own collections (rule 3).

import { beijingDayKey } from '../../core/domain/time';
import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import type { CampaignDoc } from './model';

/** Titles of check-in campaigns not yet ended whose audience names one of `unitIds`. */
export async function openCampaignsFor(db: Database, orgId: string, unitIds: string[], now: number): Promise<string[]> {
  const _ = db.command;
  const docs = await list<CampaignDoc>(
    db.collection(COLLECTIONS.checkinCampaigns).where({ orgId, audience: _.in(unitIds), endDay: _.gte(beijingDayKey(now)) }).limit(20),
  );
  return docs.filter((c) => c.status === 'active').map((c) => c.title);
}

/**
 * Check-ins per day made by members while in `unitIds` (a subtree), from the per-unit-per-day
 * counters written at check-in time, in one aggregate read whatever the subtree's size. History
 * stays where it happened: a member who moved counts for their old unit before the move.
 */
export async function checkinsByDay(db: Database, unitIds: string[], fromDay: string, toDay: string): Promise<Map<string, number>> {
  const _ = db.command;
  const $ = _.aggregate;
  const res = await db
    .collection(COLLECTIONS.checkinDaily)
    .aggregate()
    .match({ unitId: _.in(unitIds), day: _.gte(fromDay).and(_.lte(toDay)) })
    .group({ _id: '$day', count: $.sum('$count') })
    .limit(400)
    .end();
  const out = new Map<string, number>();
  for (const row of (res as { list: Array<{ _id: string; count: number }> }).list) out.set(row._id, row.count);
  return out;
}

/** Has the organisation made any check-in campaign yet (the set-up checklist)? One read. */
export async function hasAnyCampaign(db: Database, orgId: string): Promise<boolean> {
  return (await list<CampaignDoc>(db.collection(COLLECTIONS.checkinCampaigns).where({ orgId }).limit(1))).length > 0;
}

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

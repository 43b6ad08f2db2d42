// listCampaigns: the campaigns that reach an organiser's units — set up by a unit above them (on a
// scope unit's path) or by a unit of their subtrees — newest first. Both are found by the
// campaign's unit id against the tree as it stands now, never by the path stored on the campaign,
// so a unit moved elsewhere takes its campaigns to the organisers of its new place.
// Reads: the caller, their subtrees' units (one query), the two campaign queries together, the
// names of the units above their scopes that set up a campaign (none when there is none).

import type { CampaignResponses, CampaignStatus, CampaignSummary } from '../../../core/contracts/campaign';
import { campaignSpan, currentStage, nextDueDay } from '../../../core/domain/campaign/campaign';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import type { ActionContext } from '../../lib/router';
import { managedUnits, requireOrganiser, scopeIds, unitsByIds } from '../../org/ports';
import type { CampaignDoc } from '../model';

/** Campaigns read per query: an organisation runs a few a year. */
const LIMIT = 100;

export async function listCampaigns(input: { status: CampaignStatus | 'all' }, ctx: ActionContext): Promise<CampaignResponses['listCampaigns']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const scopes = scopeIds(me);
  // Every unit of the caller's subtrees as they stand now, closed ones included (their campaigns are history).
  const subtree = await managedUnits(db, me);
  const mine = new Set(subtree.map((u) => u._id));
  const scopeUnits = subtree.filter((u) => scopes.includes(u._id));
  const _ = db.command;
  const status = input.status === 'all' ? {} : { status: input.status };
  const fields = { stages: true, asks: true, title: true, unitId: true, unitPath: true, orgId: true, status: true, createdAt: true };
  const upward = [...new Set(scopeUnits.flatMap((u) => u.path))].filter((id) => !mine.has(id));
  const query = (unitIds: string[]) =>
    unitIds.length === 0
      ? Promise.resolve([])
      : list<CampaignDoc>(db.collection(COLLECTIONS.campaigns).where({ orgId: me.orgId, ...status, unitId: _.in(unitIds) }).orderBy('createdAt', 'desc').field(fields).limit(LIMIT));
  const [above, inside] = await Promise.all([query(upward), query([...mine])]);
  const byId = new Map<string, CampaignDoc>();
  for (const c of [...above, ...inside]) byId.set(c._id, c);
  const campaigns = [...byId.values()].sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime() || (a._id < b._id ? 1 : -1));

  const known = new Map(subtree.map((u) => [u._id, u.name]));
  const unknown = [...new Set(campaigns.map((c) => c.unitId).filter((id) => !known.has(id)))];
  if (unknown.length > 0) for (const u of await unitsByIds(db, unknown, me.orgId)) known.set(u._id, u.name);

  const today = beijingDayKey(clock.now());
  const items = campaigns.map((c): CampaignSummary => {
    const span = campaignSpan(c.stages);
    // A card shows the stage by name (the summary carries no stages); the view answers its key.
    const stageKey = c.status === 'open' ? currentStage(c.stages, today) : null;
    return {
      campaignId: c._id,
      title: c.title,
      unitId: c.unitId,
      unitName: known.get(c.unitId) ?? '',
      status: c.status,
      currentStage: c.stages.find((st) => st.key === stageKey)?.name ?? null,
      startDay: span.startDay,
      endDay: span.endDay,
      nextDueDay: c.status === 'open' ? nextDueDay(c.asks, today) : null,
      // Set up by a unit of the caller's subtrees as the tree stands now: theirs to edit.
      own: mine.has(c.unitId),
    };
  });
  return { items };
}

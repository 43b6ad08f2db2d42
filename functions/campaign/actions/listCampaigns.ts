// listCampaigns: the campaigns that reach an organiser's units — set up by a unit above them or
// by one of their scope units (on a scope unit's path), or inside their subtrees — newest first.
// Reads: the caller, their scope units, the two campaign queries together, the names of the
// campaigns' units (none when every campaign is the caller's own scope's).

import type { CampaignResponses, CampaignStatus, CampaignSummary } from '../../../core/contracts/campaign';
import { campaignSpan, currentStage, nextDueDay } from '../../../core/domain/campaign/campaign';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import type { ActionContext } from '../../lib/router';
import { mayManagePath, requireOrganiser, scopeIds, unitsByIds } from '../../org/ports';
import type { CampaignDoc } from '../model';

/** Campaigns read per query: an organisation runs a few a year. */
const LIMIT = 100;

export async function listCampaigns(input: { status: CampaignStatus | 'all' }, ctx: ActionContext): Promise<CampaignResponses['listCampaigns']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const scopes = scopeIds(me);
  const scopeUnits = await unitsByIds(db, scopes, me.orgId);
  const _ = db.command;
  const status = input.status === 'all' ? {} : { status: input.status };
  const fields = { stages: true, asks: true, title: true, unitId: true, unitPath: true, orgId: true, status: true, createdAt: true };
  const upward = [...new Set(scopeUnits.flatMap((u) => u.path))];
  const [above, inside] = await Promise.all([
    list<CampaignDoc>(
      db.collection(COLLECTIONS.campaigns).where({ orgId: me.orgId, ...status, unitId: _.in(upward) }).orderBy('createdAt', 'desc').field(fields).limit(LIMIT),
    ),
    list<CampaignDoc>(
      db.collection(COLLECTIONS.campaigns).where({ orgId: me.orgId, ...status, unitPath: _.in(scopes) }).orderBy('createdAt', 'desc').field(fields).limit(LIMIT),
    ),
  ]);
  const byId = new Map<string, CampaignDoc>();
  for (const c of [...above, ...inside]) byId.set(c._id, c);
  const campaigns = [...byId.values()].sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime() || (a._id < b._id ? 1 : -1));

  const known = new Map(scopeUnits.map((u) => [u._id, u.name]));
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
      own: mayManagePath(me, c.orgId, c.unitPath),
    };
  });
  return { items };
}

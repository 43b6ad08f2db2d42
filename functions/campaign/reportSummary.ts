// What getCampaign shows of the reports at the top of a campaign's page: per ask, the totals over
// the units below the unit seen from, and that unit's own reports owed upward (not when it is the
// campaign's unit). One read of the reports whatever the tree's size or the number of asks: an
// aggregate counting them by ask, state, late or not, direct child of the campaign's unit or not
// (for asks of the children only) and the seen unit's own or not — a few hundred groups at most,
// where listing the reports themselves would pass the 1000 a read returns (500 units × 3 asks).

import type { CampaignView, ReportState } from '../../core/contracts/campaign';
import { isOverdue } from '../../core/domain/campaign/reports';
import { COLLECTIONS } from '../lib/collections';
import type { Database } from '../lib/db';
import type { UnitDoc } from '../lib/model';
import { owingUnits, reportId, type CampaignDoc } from './model';

export interface ReportSummaryInput {
  db: Database;
  campaign: CampaignDoc;
  /** The unit the campaign is seen from. */
  seen: UnitDoc;
  /** Every open unit the campaign reaches (campaignUnits), already read. */
  units: readonly UnitDoc[];
  now: number;
}

interface Group {
  _id: { askKey: string; state: ReportState; late: boolean; direct: boolean; own: boolean };
  n: number;
  lateMinutes: number | null;
}

export async function reportSummary(input: ReportSummaryInput): Promise<Pick<CampaignView, 'askTotals' | 'ownReports'>> {
  const { db, campaign, seen, units, now } = input;
  if (campaign.asks.length === 0) return { askTotals: [], ownReports: [] };
  const below = units.filter((u) => u._id !== seen._id && u.path.includes(seen._id));
  const owingBelow = new Map(campaign.asks.map((ask) => [ask.key, owingUnits(campaign, ask, below)]));
  const ownAsks = campaign.asks.filter((ask) => seen._id !== campaign.unitId && owingUnits(campaign, ask, [seen]).length > 0);
  // Every unit below that owes some ask ('all' owes the most), and the seen unit when it owes one.
  const ids = [...new Set([...owingUnits(campaign, { audience: 'all' }, below).map((u) => u._id), ...(ownAsks.length > 0 ? [seen._id] : [])])];
  if (ids.length === 0) return { askTotals: [], ownReports: [] };

  const _ = db.command;
  const $ = _.aggregate;
  const res = await db
    .collection(COLLECTIONS.campaignReports)
    .aggregate()
    .match({ campaignId: campaign._id, unitId: _.in(ids) })
    .group({
      _id: {
        askKey: '$askKey',
        state: '$state',
        late: $.gt(['$lateMinutes', 0]),
        direct: $.eq(['$parentUnitId', campaign.unitId]),
        own: $.eq(['$unitId', seen._id]),
      },
      n: $.sum(1),
      lateMinutes: $.max('$lateMinutes'),
    })
    .limit(1000)
    .end();
  const groups = (res as { list: Group[] }).list;
  const closed = campaign.status === 'closed';

  const askTotals = campaign.asks.map((ask) => {
    const t = { askKey: ask.key, expected: owingBelow.get(ask.key)?.length ?? 0, submitted: 0, late: 0, missing: 0, returned: 0, accepted: 0 };
    for (const g of groups) {
      const k = g._id;
      if (k.askKey !== ask.key || k.own || (ask.audience === 'children' && !k.direct)) continue;
      if (k.state === 'submitted' || k.state === 'accepted') {
        t.submitted += g.n;
        if (k.late) t.late += g.n;
        if (k.state === 'accepted') t.accepted += g.n;
      } else if (k.state === 'returned') t.returned += g.n;
    }
    // Nothing received yet (no report, or a draft): missing once the due day has passed.
    const rest = Math.max(0, t.expected - t.submitted - t.returned);
    if (isOverdue(ask.dueDay, now, closed)) t.missing = rest;
    return t;
  });

  const ownReports = ownAsks.map((ask) => {
    const g = groups.find((x) => x._id.own && x._id.askKey === ask.key);
    return {
      askKey: ask.key,
      state: g ? g._id.state : ('none' as const),
      dueDay: ask.dueDay,
      lateMinutes: g ? (g.lateMinutes ?? null) : null,
      reportId: g ? reportId(campaign._id, ask.key, seen._id) : null,
    };
  });
  return { askTotals, ownReports };
}

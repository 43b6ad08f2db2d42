// unitPoints: an organiser reads the points earned in a unit of their subtrees, per day of a period
// (default the last 7 days, at most 366): closed days from the roll-ups of the unit and its root
// (the root's marks a day computed under the current tree), the rest — today, days not computed
// yet — from one aggregate of the subtree's own counters of those days (the root's: the
// organisation's, by orgId, whatever its size). Never the ledger.

import type { PointsResponses } from '../../../core/contracts/points';
import { addDays, beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { invalid } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { getUnit, requireManagedUnit, requireOrganiser, unitsUnder } from '../../org/ports';
import type { RollupDoc } from '../model';

const MAX_DAYS = 366;

export async function unitPoints(
  input: { unitId: string; fromDay?: string | null; toDay?: string | null },
  ctx: ActionContext,
): Promise<PointsResponses['unitPoints']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const $ = _.aggregate;
  const caller = await requireOrganiser(ctx);
  const today = beijingDayKey(clock.now());
  const toDay = input.toDay ?? today;
  const fromDay = input.fromDay ?? addDays(toDay, -6);
  if (fromDay > toDay) throw invalid('字段 fromDay：开始日期不能晚于结束日期');
  if (addDays(fromDay, MAX_DAYS - 1) < toDay) throw invalid(`字段 toDay：一次最多查询${MAX_DAYS}天`);
  const unit = await requireManagedUnit(db, caller, input.unitId);
  const root = unit._id === caller.orgId ? unit : await getUnit(db, caller.orgId);
  const tree = root?.treeVersion ?? 0;
  const docs = await list<RollupDoc>(
    db
      .collection(COLLECTIONS.pointsRollups)
      .where({ unitId: _.in([...new Set([unit._id, caller.orgId])]), day: _.gte(fromDay).and(_.lte(toDay)) })
      .limit(1000),
  );
  const computed = new Set(docs.filter((d) => d.unitId === caller.orgId && d.tree === tree && d.day < today).map((d) => d.day));
  const byDay = new Map<string, { points: number; members: number }>();
  for (const d of docs) if (d.unitId === unit._id && computed.has(d.day)) byDay.set(d.day, { points: d.points, members: d.members });
  const missing: string[] = [];
  for (let d = fromDay; d <= toDay; d = addDays(d, 1)) if (!computed.has(d) && d <= today) missing.push(d);
  if (missing.length > 0) {
    // The root's subtree is the whole organisation: its counters by orgId, however many units
    // (a subtree read returns at most 1,000 units). Below the root, the subtree's units first.
    const where = unit._id === caller.orgId ? { orgId: caller.orgId, day: _.in(missing) } : { unitId: _.in((await unitsUnder(db, caller.orgId, [unit._id])).map((u) => u._id)), day: _.in(missing) };
    const res = await db
      .collection(COLLECTIONS.pointsUnitDays)
      .aggregate()
      .match(where)
      .group({ _id: '$day', points: $.sum('$points'), members: $.sum('$members') })
      .limit(MAX_DAYS)
      .end();
    for (const row of (res as { list: Array<{ _id: string; points: number; members: number }> }).list) byDay.set(row._id, { points: row.points, members: row.members });
  }
  const days: PointsResponses['unitPoints']['days'] = [];
  for (let d = fromDay; d <= toDay; d = addDays(d, 1)) days.push({ day: d, ...(byDay.get(d) ?? { points: 0, members: 0 }) });
  return {
    unitId: unit._id,
    unitName: unit.name,
    fromDay,
    toDay,
    days,
    points: days.reduce((s, d) => s + d.points, 0),
    memberDays: days.reduce((s, d) => s + d.members, 0),
  };
}

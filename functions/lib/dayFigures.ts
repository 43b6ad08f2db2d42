// A subtree's day figures for a period, with its direct children's side by side, from a context's
// closed-day roll-ups and its units' own day counters: the reading twin of ./rollupSchedule.ts,
// used by the ports of check-ins, points and the daily quiz (each passes its own collections).
//
// Reads, whatever the subtree's size: the roll-ups of the unit and its root over the period (the
// root's document of a day marks it computed, and under which tree), one aggregate of the
// children's roll-ups over the computed days, and one aggregate (a page per 1000 rows) of the
// subtree's unit counters (the organisation's, filtered here, where the counters have no unit
// index) of the days not computed — today, yesterday until the timer has
// computed it under the current tree, and any day never computed — grouped by unit and day, kept
// when the unit lies in the subtree. Days before yesterday are taken as computed under whatever
// tree they were: after a unit moves, they count it under its old parent until the timer's
// backfill reaches them (docs/CONSOLE.md, "Freshness").

import { addDays } from '../../core/domain/time';
import { list, type Database } from './db';

const PAGE = 1000;

export interface DayFiguresQuery {
  orgId: string;
  unitId: string;
  /** Each unit of the subtree (the unit included) → the direct child whose subtree holds it, or null for the unit itself. */
  childOf: ReadonlyMap<string, string | null>;
  childIds: string[];
  fromDay: string;
  toDay: string;
  today: string;
  /** The organisation's current tree version (the root's `treeVersion`). */
  tree: number;
  /** The organisation's first day: nothing is counted before it, so those days are not read. */
  firstDay?: string;
}

export interface DayFigures<F extends string> {
  byDay: Map<string, Record<F, number>>;
  byChild: Map<string, Record<F, number>>;
}

type Row = Record<string, unknown> & { unitId: string; day: string; tree?: number };

function zero<F extends string>(fields: readonly F[]): Record<F, number> {
  return Object.fromEntries(fields.map((f) => [f, 0])) as Record<F, number>;
}

function addInto<F extends string>(map: Map<string, Record<F, number>>, key: string, fields: readonly F[], row: Record<string, unknown>): void {
  const sum = map.get(key) ?? zero(fields);
  for (const f of fields) sum[f] += Number(row[f] ?? 0) || 0;
  map.set(key, sum);
}

export async function readDayFigures<F extends string>(
  db: Database,
  /** `unitIndexed`: the counters have an index on (unitId, day), so a subtree's are read alone. */
  collections: { rollups: string; unitDays: string; unitIndexed?: boolean },
  fields: readonly F[],
  q: DayFiguresQuery,
): Promise<DayFigures<F>> {
  const _ = db.command;
  const $ = _.aggregate;
  const out: DayFigures<F> = { byDay: new Map(), byChild: new Map() };
  const docs = await list<Row & { _id: string }>(
    db.collection(collections.rollups).where({ unitId: _.in([...new Set([q.unitId, q.orgId])]), day: _.gte(q.fromDay).and(_.lte(q.toDay)) }).limit(PAGE),
  );
  // Yesterday counts as computed only under the current tree; older days under any tree (they
  // are recomputed by the timer's backfill after a move), so no more than today and yesterday are
  // read from the units' counters once the timer has run.
  const yesterday = addDays(q.today, -1);
  const computed = new Set(
    docs.filter((d) => d.unitId === q.orgId && d.day < q.today && (d.tree === q.tree || d.day < yesterday)).map((d) => d.day),
  );
  for (const d of docs) if (d.unitId === q.unitId && computed.has(d.day)) addInto(out.byDay, d.day, fields, d);

  const sums = Object.fromEntries(fields.map((f) => [f, $.sum(`$${f}`)]));
  if (q.childIds.length > 0 && computed.size > 0) {
    const res = (await db
      .collection(collections.rollups)
      .aggregate()
      .match({ unitId: _.in(q.childIds), day: _.in([...computed]) })
      .group({ _id: '$unitId', ...sums })
      .limit(PAGE)
      .end()) as { list: Array<Record<string, unknown> & { _id: string }> };
    for (const r of res.list) addInto(out.byChild, r._id, fields, r);
  }

  const missing: string[] = [];
  const first = q.firstDay && q.firstDay > q.fromDay ? q.firstDay : q.fromDay;
  for (let d = first; d <= q.toDay; d = addDays(d, 1)) if (!computed.has(d) && d <= q.today) missing.push(d);
  if (missing.length === 0) return out;
  for (let skip = 0; ; skip += PAGE) {
    const res = (await db
      .collection(collections.unitDays)
      .aggregate()
      .match(collections.unitIndexed ? { unitId: _.in([...q.childOf.keys()]), day: _.in(missing) } : { orgId: q.orgId, day: _.in(missing) })
      .group({ _id: { unitId: '$unitId', day: '$day' }, ...sums })
      .sort({ _id: 1 })
      .skip(skip)
      .limit(PAGE)
      .end()) as { list: Array<Record<string, unknown> & { _id: { unitId: string; day: string } }> };
    for (const r of res.list) {
      if (!q.childOf.has(r._id.unitId)) continue;
      addInto(out.byDay, r._id.day, fields, r);
      const child = q.childOf.get(r._id.unitId);
      if (child) addInto(out.byChild, child, fields, r);
    }
    if (res.list.length < PAGE) break;
  }
  return out;
}

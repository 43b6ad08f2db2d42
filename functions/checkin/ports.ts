// What the check-in context tells other contexts, read through its own collections (rule 3).

import { addDays, beijingDayKey } from '../../core/domain/time';
import { COLLECTIONS } from '../lib/collections';
import { getById, list, type Database } from '../lib/db';
import { readDayFigures, type DayFigures, type DayFiguresQuery } from '../lib/dayFigures';
import type { ChallengeDoc, CheckinDoc, RollupDoc } from './model';
import { checkinId } from './record';

/** Titles of check-in challenges not yet ended whose audience names one of `unitIds`. */
export async function openChallengesFor(db: Database, orgId: string, unitIds: string[], now: number): Promise<string[]> {
  const _ = db.command;
  const docs = await list<ChallengeDoc>(
    db.collection(COLLECTIONS.checkinChallenges).where({ orgId, audience: _.in(unitIds), endDay: _.gte(beijingDayKey(now)) }).limit(20),
  );
  return docs.filter((c) => c.status === 'active').map((c) => c.title);
}

export interface CheckinsByDayQuery {
  orgId: string;
  /** The unit whose subtree is asked for, and the ids of that subtree (itself included). */
  unitId: string;
  unitIds: string[];
  fromDay: string;
  toDay: string;
  today: string;
  /** The organisation's current tree version (the root's `treeVersion`). */
  tree: number;
}

/**
 * Check-ins per day made by members while in the subtree, whatever its size, in one or two reads:
 * the closed-day roll-ups of the unit and its root (the root's marks a day as computed under the
 * current tree), then one aggregate of the per-unit counters for the days not covered — today,
 * and any day the timer has not (re)computed yet. History stays where it happened: a member who
 * moved counts for their old unit before the move.
 */
export async function checkinsByDay(db: Database, q: CheckinsByDayQuery): Promise<Map<string, number>> {
  const _ = db.command;
  const $ = _.aggregate;
  const docs = await list<RollupDoc>(
    db.collection(COLLECTIONS.checkinRollups).where({ unitId: _.in([...new Set([q.unitId, q.orgId])]), day: _.gte(q.fromDay).and(_.lte(q.toDay)) }).limit(1000),
  );
  const computed = new Set(docs.filter((d) => d.unitId === q.orgId && d.tree === q.tree && d.day < q.today).map((d) => d.day));
  const out = new Map<string, number>();
  for (const d of docs) if (d.unitId === q.unitId && computed.has(d.day)) out.set(d.day, d.count);
  const missing: string[] = [];
  for (let d = q.fromDay; d <= q.toDay; d = addDays(d, 1)) if (!computed.has(d)) missing.push(d);
  if (missing.length === 0) return out;
  const res = await db
    .collection(COLLECTIONS.checkinDaily)
    .aggregate()
    .match({ unitId: _.in(q.unitIds), day: _.in(missing) })
    .group({ _id: '$day', count: $.sum('$count') })
    .limit(400)
    .end();
  for (const row of (res as { list: Array<{ _id: string; count: number }> }).list) out.set(row._id, row.count);
  return out;
}

/** Has the organisation made any check-in challenge yet (the set-up checklist)? One read. */
export async function hasAnyChallenge(db: Database, orgId: string): Promise<boolean> {
  return (await list<ChallengeDoc>(db.collection(COLLECTIONS.checkinChallenges).where({ orgId }).limit(1))).length > 0;
}

/** Has the member checked in on this Beijing day (今日任务)? One read by _id: the check-in's id is the member and the day. */
export async function checkedInOn(db: Database, memberId: string, day: string): Promise<boolean> {
  return (await getById<CheckinDoc>(db, COLLECTIONS.checkins, checkinId(memberId, day))) !== null;
}

/**
 * Check-ins per day of a subtree over a period, and per direct child (the console): the closed-day
 * roll-ups and the units' day counters (functions/lib/dayFigures.ts), never the check-ins.
 */
export async function checkinDayFigures(db: Database, q: DayFiguresQuery): Promise<DayFigures<'count'>> {
  return readDayFigures(db, { rollups: COLLECTIONS.checkinRollups, unitDays: COLLECTIONS.checkinDaily, unitIndexed: true }, ['count'], q);
}

/** A check-in challenge as a campaign attaches it (专项行动, docs/CAMPAIGNS.md): its reach and days. */
export interface ChallengeBrief {
  challengeId: string;
  title: string;
  /** Units of the audience, or ['ALL']. */
  audience: string[];
  startDay: string;
  endDay: string;
  requiredDays: number;
  status: 'active' | 'cancelled';
}

/** The organisation's challenges among `ids` (at most 50): one read by `_id`. */
export async function challengesByIds(db: Database, orgId: string, ids: readonly string[]): Promise<ChallengeBrief[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  const docs = await list<ChallengeDoc>(
    db
      .collection(COLLECTIONS.checkinChallenges)
      .where({ _id: _.in([...ids]), orgId })
      .field({ title: true, audience: true, startDay: true, endDay: true, requiredDays: true, status: true })
      .limit(ids.length),
  );
  return docs.map((c) => ({ challengeId: c._id, title: c.title, audience: c.audience, startDay: c.startDay, endDay: c.endDay, requiredDays: c.requiredDays, status: c.status }));
}

/**
 * Check-ins (打卡人次) made during each challenge's days up to `today`, per unit of `unitIds` (a
 * subtree, at most 1000): one aggregate of the units' day counters, a row per unit with one
 * conditional sum per challenge — the caller adds up the units each challenge reaches. Progress
 * towards the required days is never stored (docs/CHECKINS.md), so members who reached them are
 * not counted here.
 */
export async function challengeCheckinsByUnit(
  db: Database,
  challenges: ReadonlyArray<Pick<ChallengeBrief, 'challengeId' | 'startDay' | 'endDay'>>,
  unitIds: readonly string[],
  today: string,
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  const ranges = challenges.map((c) => ({ id: c.challengeId, from: c.startDay, to: c.endDay < today ? c.endDay : today })).filter((r) => r.from <= r.to);
  if (ranges.length === 0 || unitIds.length === 0) return out;
  const _ = db.command;
  const $ = _.aggregate;
  const from = ranges.reduce((m, r) => (r.from < m ? r.from : m), ranges[0].from);
  const to = ranges.reduce((m, r) => (r.to > m ? r.to : m), ranges[0].to);
  const sums = Object.fromEntries(
    ranges.map((r, i) => [`c${i}`, $.sum($.cond({ if: $.and([$.gte(['$day', r.from]), $.lte(['$day', r.to])]), then: '$count', else: 0 }))]),
  );
  const res = (await db
    .collection(COLLECTIONS.checkinDaily)
    .aggregate()
    .match({ unitId: _.in([...unitIds]), day: _.gte(from).and(_.lte(to)) })
    .group({ _id: '$unitId', ...sums })
    .limit(1000)
    .end()) as { list: Array<Record<string, number> & { _id: string }> };
  ranges.forEach((r, i) => out.set(r.id, new Map(res.list.map((row) => [row._id, Number(row[`c${i}`]) || 0]))));
  return out;
}

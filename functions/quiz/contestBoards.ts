// What the boards and the organisers' figures read, all from counters: a unit's children's roll-ups
// (the units come from the organisation's directory, whose roster counters give each subtree's
// members), and the top 100 of the members' totals with the names they agreed to show.

import type { ContestPersonRow, ContestUnitRow } from '../../core/contracts/quiz';
import { averageScore, boardName, competitionRanks, NO_SUMS, ratePercent, subtreeMembers, type ContestSums } from '../../core/domain/quiz/contest';
import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import { notFound } from '../lib/errors';
import type { UnitDoc } from '../lib/model';
import { unitsByIds, unitsUnder } from '../org/ports';
import type { ContestDoc, ContestRollupDoc, QuizSettingsDoc } from './contestModel';

/** Whole people on a board. */
export const BOARD_SIZE = 100;

function unitRow(u: UnitDoc, sums: ContestSums, members: number, hasChildren: boolean): ContestUnitRow {
  return {
    unitId: u._id,
    name: u.name,
    members,
    participants: sums.participants,
    rate: ratePercent(sums.participants, members),
    rounds: sums.rounds,
    average: averageScore(sums.scoreSum, sums.rounds),
    hasChildren,
  };
}

export interface UnitFigures {
  unit: ContestUnitRow;
  rows: ContestUnitRow[];
  mine: ContestUnitRow | null;
  figuresAt: number | null;
}

/**
 * `unitId` (inside the contest's audience) and its children, each with its whole subtree's figures
 * of `day`, children by participation rate; `mineId` adds the caller's own unit when it lies below.
 * `within` (an organiser reading their part of a wider contest): the unit must lie in one of these
 * subtrees, else NOT_FOUND as for a unit outside the audience.
 * Two reads: the subtree's units, and the roll-ups of the units shown.
 */
export async function unitFigures(db: Database, c: ContestDoc, unitId: string, day: string, mineId: string | null, within: readonly string[] | null = null): Promise<UnitFigures> {
  const units = await unitsUnder(db, c.orgId, [unitId]);
  const unit = units.find((u) => u._id === unitId);
  if (!unit || !unit.path.includes(c.audience)) throw notFound('找不到该组织');
  if (within && !unit.path.some((id) => within.includes(id))) throw notFound('找不到该组织');
  const children = units.filter((u) => u.parentId === unitId);
  const parents = new Set(units.map((u) => u.parentId));
  const mine = mineId && mineId !== unitId ? (units.find((u) => u._id === mineId) ?? null) : null;
  const shown = [unit, ...children, ...(mine && !children.includes(mine) ? [mine] : [])];
  const _ = db.command;
  const rollups = await list<ContestRollupDoc>(
    db
      .collection(COLLECTIONS.contestRollups)
      .where({ contestId: c._id, day, unitId: _.in(shown.map((u) => u._id)) })
      .limit(shown.length),
  );
  const byUnit = new Map(rollups.map((r) => [r.unitId, r]));
  const members = subtreeMembers(units);
  const row = (u: UnitDoc) => unitRow(u, byUnit.get(u._id) ?? NO_SUMS, members.get(u._id) ?? 0, parents.has(u._id));
  return {
    unit: row(unit),
    rows: children.map(row).sort((a, b) => b.rate - a.rate || b.average - a.average || a.name.localeCompare(b.name, 'zh')),
    mine: mine ? row(mine) : null,
    figuresAt: byUnit.get(unitId)?.at ?? null,
  };
}

interface Ranked {
  _id: string;
  memberId: string;
  name: string;
  unitId: string;
  total: number;
  rounds: number;
}

/** Whether each of these members chose to appear by name (absent: not). One read. */
export async function showRankOf(db: Database, memberIds: string[]): Promise<Map<string, boolean>> {
  if (memberIds.length === 0) return new Map();
  const _ = db.command;
  const docs = await list<QuizSettingsDoc>(db.collection(COLLECTIONS.quizSettings).where({ _id: _.in(memberIds) }).limit(memberIds.length));
  return new Map(docs.map((d) => [d._id, d.showRank === true]));
}

/**
 * The top BOARD_SIZE of a board's documents (总榜: contestScores; 今日榜: contestDayScores of a day),
 * with names shown only for those who opted in, and the units' names. Three reads.
 */
export async function topPeople(
  db: Database,
  collection: 'contestScores' | 'contestDayScores',
  where: Record<string, unknown>,
  meId: string,
  orgId: string,
  size = BOARD_SIZE,
): Promise<{ people: ContestPersonRow[]; showRank: Map<string, boolean> }> {
  const _ = db.command;
  const name = collection === 'contestScores' ? COLLECTIONS.contestScores : COLLECTIONS.contestDayScores;
  const docs = await list<Ranked>(
    db
      .collection(name)
      .where({ ...where, total: _.gt(0) })
      .field({ memberId: true, name: true, unitId: true, total: true, rounds: true })
      .orderBy('total', 'desc')
      .orderBy('_id', 'asc')
      .limit(size),
  );
  const showRank = await showRankOf(db, [...new Set([...docs.map((d) => d.memberId), ...(meId ? [meId] : [])])]);
  const units = new Map((await unitsByIds(db, [...new Set(docs.map((d) => d.unitId))], orgId)).map((u) => [u._id, u.name]));
  const ranks = competitionRanks(docs.map((d) => d.total));
  const people = docs.map((d, i) => {
    const shown = showRank.get(d.memberId) === true;
    return {
      rank: ranks[i],
      name: d.memberId === meId ? `${d.name}（我）` : boardName(d.name, shown),
      // A hidden member's unit is hidden too: in a small branch it would name them.
      unitName: shown || d.memberId === meId ? (units.get(d.unitId) ?? '') : '',
      total: d.total,
      rounds: d.rounds,
      me: d.memberId === meId,
    };
  });
  return { people, showRank };
}

// getContestBoard: the contest's boards, for its members (organisers read getContestFigures). 单位参与 (the default:
// older members are not ranked in public unless they choose to be) shows a unit's children with
// their participation rate and average round score from the timer's roll-ups; 今日榜 and 总榜 the
// top 100 of the members' counters, by name only for those who opted in. The caller always sees
// their own rank. Never reads a round. Reads: identity, the contest, then 单位参与: the subtree's
// units and the roll-ups shown; 今日榜/总榜: the top 100, the opt-ins, the units' names; then the
// caller's own counter, and their rank (one count) when they have a score.

import type { ContestBoard, QuizResponses } from '../../../core/contracts/quiz';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { count, getById } from '../../lib/db';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../../org/ports';
import { contestForMember, contestScoreId } from '../contestAccess';
import { showRankOf, topPeople, unitFigures } from '../contestBoards';
import { contestDayScoreId } from '../contestFinish';
import { ALL_DAYS, type ContestDayScoreDoc, type ContestScoreDoc } from '../contestModel';

export async function getContestBoard(input: { contestId: string; board: 'units' | 'today' | 'total'; unitId?: string | null }, ctx: ActionContext): Promise<QuizResponses['getContestBoard']> {
  const { db, clock } = ctx.deps;
  const me = await requireMember(ctx);
  const c = await contestForMember(db, me, input.contestId);
  const now = clock.now();
  const day = beijingDayKey(Math.min(now, c.closesAt - 1));
  const board: ContestBoard = {
    contestId: c._id,
    title: c.title,
    board: input.board,
    day,
    unit: null,
    units: [],
    mine: null,
    figuresAt: null,
    people: [],
    me: null,
  };
  let showRank: Map<string, boolean>;
  if (input.board === 'units') {
    const f = await unitFigures(db, c, input.unitId ?? c.audienceUnitId, ALL_DAYS, me.unitId);
    Object.assign(board, { unit: f.unit, units: f.rows, mine: f.mine, figuresAt: f.figuresAt });
    showRank = await showRankOf(db, [me._id]);
  } else {
    const today = input.board === 'today';
    const top = today
      ? await topPeople(db, 'contestDayScores', { contestId: c._id, day }, me._id, c.orgId)
      : await topPeople(db, 'contestScores', { contestId: c._id }, me._id, c.orgId);
    board.people = top.people;
    showRank = top.showRank;
  }
  // The caller's own line, whichever board: their total today or over the contest, and their place.
  const _ = db.command;
  if (input.board === 'today') {
    const mine = await getById<ContestDayScoreDoc>(db, COLLECTIONS.contestDayScores, contestDayScoreId(c._id, day, me._id));
    const total = mine?.total ?? 0;
    const rank = total > 0 ? (await count(db.collection(COLLECTIONS.contestDayScores).where({ contestId: c._id, day, total: _.gt(total) }))) + 1 : null;
    board.me = { total, rounds: mine?.rounds ?? 0, rank, showRank: showRank.get(me._id) === true };
  } else {
    const mine = await getById<ContestScoreDoc>(db, COLLECTIONS.contestScores, contestScoreId(c._id, me._id));
    const total = mine?.total ?? 0;
    const rank = total > 0 ? (await count(db.collection(COLLECTIONS.contestScores).where({ contestId: c._id, total: _.gt(total) }))) + 1 : null;
    board.me = { total, rounds: mine?.rounds ?? 0, rank, showRank: showRank.get(me._id) === true };
  }
  return board;
}

// getContestFigures: for the contest's organisers, participation per unit — a unit's children (by
// default the audience's) with members, participants, the rate, counting rounds and the average
// score — on one day or over the whole contest, from the timer's roll-ups. An organiser whose
// subtree lies inside a wider contest's audience reads their own units only (by default their
// scope's top unit; any unit below it). Reads: identity, the contest, (the scope units, when not on
// the caller's path), the subtree's units, the roll-ups shown.

import type { QuizResponses } from '../../../core/contracts/quiz';
import { contestDays } from '../../../core/domain/quiz/contest';
import { invalid } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser } from '../../org/ports';
import { contestForReading } from '../contestAccess';
import { unitFigures } from '../contestBoards';
import { ALL_DAYS } from '../contestModel';

export async function getContestFigures(input: { contestId: string; unitId?: string | null; day?: string | null }, ctx: ActionContext): Promise<QuizResponses['getContestFigures']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const { contest: c, access, within } = await contestForReading(db, me, input.contestId);
  const days = c.status === 'published' ? contestDays(c.opensAt, c.closesAt, clock.now()) : [];
  const day = input.day ?? null;
  if (day !== null && !days.includes(day)) throw invalid('这一天不在竞赛期间');
  const f = await unitFigures(db, c, input.unitId ?? within?.[0] ?? c.audienceUnitId, day ?? ALL_DAYS, null, within);
  return { contestId: c._id, title: c.title, day, days, unit: f.unit, rows: f.rows, figuresAt: f.figuresAt, access };
}

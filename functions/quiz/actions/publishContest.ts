// publishContest: a draft goes out to its audience. Refused when its close has passed, its audience
// unit was closed, or the bank holds fewer questions the contest may serve (practice-safe, of its
// tags) than one round needs — members would meet an error instead of a round. Conditional on the
// version read: a second publish at once finds it published and answers the same. A contest that
// opens today gets its pool of the day at once.

import type { QuizResponses } from '../../../core/contracts/quiz';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { getById, updateWhere } from '../../lib/db';
import { conflict, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { getUnit, requireOrganiser } from '../../org/ports';
import { practiceQuestions } from '../../exam/ports';
import { contestForOrganiser, managedView } from '../contestAccess';
import type { ContestDoc } from '../contestModel';
import { ensureContestPool, tagFilter } from '../contestPool';

export async function publishContest(input: { contestId: string }, ctx: ActionContext): Promise<QuizResponses['publishContest']> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const now = clock.now();
  const c = await contestForOrganiser(db, me, input.contestId);
  if (c.status === 'published') return managedView(c, now);
  if (c.status === 'cancelled') throw precondition('竞赛已取消，不能发布');
  if (c.closesAt <= now) throw precondition('结束时间已经过去，请先修改时间');
  const unit = await getUnit(db, c.audienceUnitId);
  if (!unit || unit.status !== 'active') throw precondition('参赛范围的组织已撤销，请重新选择');
  const usable = (await practiceQuestions(db, c.orgId, Math.max(now, c.opensAt), 1000)).filter(tagFilter(c.tags)).length;
  if (usable < c.questionsPerRound) {
    throw precondition(`题库中可用于本次竞赛的题目只有 ${usable} 道，少于每局 ${c.questionsPerRound} 道；请导入题目、换标签或减少每局题数`);
  }
  const n = await updateWhere(db.collection(COLLECTIONS.contests).where({ _id: c._id, status: 'draft', rev: c.rev }), { status: 'published', publishedAt: now, rev: c.rev + 1, updatedAt: now });
  if (n === 0) {
    const again = await getById<ContestDoc>(db, COLLECTIONS.contests, c._id);
    if (again && again.status === 'published') return managedView(again, now);
    throw conflict('竞赛刚被修改过，请刷新后再试');
  }
  // Opening today: its pool now, so the first burst of starts does not each read the bank (the
  // quiz timer prepares the next days').
  const today = beijingDayKey(now);
  if (beijingDayKey(Math.max(now, c.opensAt)) === today) await ensureContestPool(db, c, today, now, Math.random, () => ids.random(12));
  return managedView({ ...c, status: 'published', publishedAt: now, rev: c.rev + 1, updatedAt: now }, now);
}

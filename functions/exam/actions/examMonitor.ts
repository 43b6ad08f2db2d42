// examMonitor: an open exam's attempts now running, for the organisers who may see it.

import type { ExamResponses } from '../../../core/contracts/exam';
import { isAnswered } from '../../../core/domain/exam';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { type AttemptDoc } from '../model';
import { examForOrganiser, visibleUnits } from '../access';
import { examPhase } from '../phases';
import { statsOf } from '../statistics';

export async function examMonitor(input: { examId: string }, ctx: ActionContext): Promise<ExamResponses['examMonitor']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const exam = await examForOrganiser(db, me, input.examId, 'view');
  const units = await visibleUnits(db, me, exam);
  const names = new Map(units.map((u) => [u._id, u.name]));
  const open = await list<AttemptDoc>(
    db.collection(COLLECTIONS.examAttempts).where({ examId: exam._id, status: 'open' }).orderBy('deadline', 'asc').limit(500),
  );
  const stats = await statsOf(ctx, exam, units);
  const mine = open.filter((a) => names.has(a.unitId));
  const now = clock.now();
  return {
    examId: exam._id,
    title: exam.title,
    phase: examPhase(exam, now),
    serverNow: now,
    inProgress: mine.length,
    submitted: stats.reduce((n, s) => n + s.submitted, 0),
    flagged: stats.reduce((n, s) => n + s.flagged, 0),
    attempts: mine.map((a) => ({
      attemptId: a._id,
      memberId: a.memberId,
      name: a.name,
      unitName: names.get(a.unitId) ?? '',
      startedAt: a.startedAt,
      deadline: a.deadline,
      answeredCount: a.paper.filter((p) => isAnswered(a.key[p.qid], a.answers[p.qid])).length,
      questionCount: a.paper.length,
      switchCount: a.switchCount,
      flagged: a.flagged,
    })),
  };
}

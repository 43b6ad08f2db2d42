// sweepAttempts: the timer's job (and an organiser's button): close attempts past their deadline.

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { type AttemptDoc } from '../model';
import { closeAttempt, GRACE_MS } from '../grading';

export async function sweepExpired(ctx: ActionContext): Promise<{ closed: number }> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const due = await list<AttemptDoc>(
    db.collection(COLLECTIONS.examAttempts).where({ status: 'open', deadline: _.lt(clock.now() - GRACE_MS) }).orderBy('deadline', 'asc').limit(100),
  );
  let closed = 0;
  for (const a of due) {
    const after = await closeAttempt(ctx, a, 'deadline');
    if (after.closedBy === 'deadline') closed++;
  }
  return { closed };
}

export async function sweepAttempts(_input: object, ctx: ActionContext): Promise<ExamResponses['sweepAttempts']> {
  await requireOrganiser(ctx);
  return sweepExpired(ctx);
}

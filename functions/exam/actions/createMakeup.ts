// createMakeup (补考): after an exam's window closes, an organiser invites its absentees and/or
// those who failed, from the branches they manage, to a make-up with its own window and a fresh
// draw from the same pinned questions, which stay out of practice until the make-up closes
// (+24 h). The first attempts stay on record.

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { insert, insertBatch, updateById } from '../../lib/db';
import { invalid, precondition } from '../../lib/errors';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { examForOrganiser, visibleUnits } from '../access';
import { newTaker, type ExamDoc, type ExamPoolDoc, type TakerDoc } from '../model';
import { loadPool } from '../pinned';
import { pinForWindow } from '../pins';
import { branchRoster } from '../roster';
import { ensureStats, incStats } from '../statistics';

interface Input {
  examId: string;
  include: 'absent' | 'failed' | 'both';
  opensAt: number;
  closesAt: number;
  title?: string | null;
}

export async function createMakeup(input: Input, ctx: ActionContext): Promise<ExamResponses['createMakeup']> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const parent = await examForOrganiser(db, me, input.examId, 'view');
  if (parent.status !== 'published') throw precondition('考试尚未发布');
  if (parent.kind === 'makeup') throw precondition('请从原考试安排补考');
  const now = clock.now();
  if (now < parent.closesAt) throw precondition('原考试结束后才能安排补考');
  if (input.closesAt <= input.opensAt) throw invalid('结束时间应晚于开始时间');
  if (input.closesAt <= now) throw invalid('补考结束时间应晚于现在');

  const units = await visibleUnits(db, me, parent);
  const invited: Array<{ memberId: string; name: string; unitId: string }> = [];
  for (const unit of units) {
    const roster = await branchRoster(db, parent, unit._id, false);
    for (const r of roster.rows) {
      const absent = r.status === 'absent';
      const failed = r.status === 'failed';
      if ((input.include !== 'failed' && absent) || (input.include !== 'absent' && failed)) invited.push({ memberId: r.memberId, name: r.name, unitId: unit._id });
    }
  }
  if (invited.length === 0) throw precondition(input.include === 'failed' ? '没有未通过的党员，无需补考' : '没有需要补考的党员');

  const parentPool = await loadPool(db, parent._id);
  const unitIds = [...new Set(invited.map((i) => i.unitId))];
  const at = new Date(now);
  const exam: ExamDoc = {
    ...parent,
    _id: ids.random(12),
    kind: 'makeup',
    parentId: parent._id,
    title: input.title ?? `${parent.title}（补考）`.slice(0, 40),
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    unitIds,
    audience: unitIds,
    inviteOnly: true,
    status: 'draft',
    createdBy: me._id,
    createdAt: at,
    updatedAt: at,
    publishedAt: null,
  };
  // Pool, invitations and counters first; the make-up becomes visible last, when it is whole. Its
  // papers use the original's pinned questions.
  const pool: Omit<ExamPoolDoc, '_id'> = { orgId: parentPool.orgId, pool: parentPool.pool, source: parentPool.source };
  await db.collection(COLLECTIONS.examPools).doc(exam._id).set({ data: pool });
  const takers: TakerDoc[] = invited.map((i) => ({ ...newTaker(exam, i, at), invited: true }));
  for (let i = 0; i < takers.length; i += 100) await insertBatch(db, COLLECTIONS.examTakers, takers.slice(i, i + 100).map((t) => ({ ...t })));
  for (const unitId of unitIds) {
    await ensureStats(db, exam._id, unitId, exam.orgId);
    await incStats(db, exam._id, unitId, exam.orgId, { invited: invited.filter((i) => i.unitId === unitId).length });
  }
  // Its pool is the original's: the pins move on to the make-up's close before it can be seen.
  await pinForWindow(db, exam.orgId, pool.pool.map((p) => p.qid), exam.closesAt);
  await insert(db, COLLECTIONS.exams, { ...exam });
  await updateById(db, COLLECTIONS.exams, exam._id, { status: 'published', publishedAt: at });
  return { examId: exam._id, invited: invited.length };
}

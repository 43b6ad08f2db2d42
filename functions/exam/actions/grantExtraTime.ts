// grantExtraTime (补时): extra minutes for one member or a batch, with a reason that is kept. A
// running attempt gets them at once; a later start reads them from the taker document. Only for
// members of branches the organiser manages.

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, isDuplicateKeyError, updateById, updateWhere } from '../../lib/db';
import { forbidden, notFound, precondition } from '../../lib/errors';
import { mayManagePath, membersByIds, requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { examForOrganiser } from '../access';
import { takerId } from '../ids';
import { newTaker, type TakerDoc } from '../model';

export async function grantExtraTime(
  input: { examId: string; memberIds: string[]; minutes: number; reason: string },
  ctx: ActionContext,
): Promise<ExamResponses['grantExtraTime']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const exam = await examForOrganiser(db, me, input.examId, 'view');
  if (exam.status !== 'published') throw precondition('考试尚未发布');
  const _ = db.command;
  const ids = [...new Set(input.memberIds)];
  const members = await membersByIds(db, ids);
  if (members.length !== ids.length || members.some((m) => m.orgId !== me.orgId)) throw notFound('名单中找不到所选党员');
  if (members.some((m) => !mayManagePath(me, m.orgId, m.unitPath))) throw forbidden('只能为您管理的组织的党员补时');
  const now = clock.now();
  const entry = { at: now, by: me._id, minutes: input.minutes, reason: input.reason };
  let updated = 0;
  for (const m of members) {
    const tid = takerId(exam._id, m._id);
    const data = { extraMinutes: _.inc(input.minutes), extraLog: _.push([entry]) };
    let n = await updateById(db, COLLECTIONS.examTakers, tid, data);
    if (n === 0) {
      if (exam.inviteOnly) throw precondition(`${m.name}不在补考名单中`);
      const fresh: TakerDoc = { ...newTaker(exam, { memberId: m._id, unitId: m.unitId, name: m.name }, new Date(now)), extraMinutes: input.minutes, extraLog: [entry] };
      try {
        await insert(db, COLLECTIONS.examTakers, { ...fresh });
        n = 1;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        n = await updateById(db, COLLECTIONS.examTakers, tid, data);
      }
    }
    // A running attempt gets the time now; a later start reads it from the taker document.
    const taker = await getById<TakerDoc>(db, COLLECTIONS.examTakers, tid);
    if (taker?.openAttemptId) {
      await updateWhere(db.collection(COLLECTIONS.examAttempts).where({ _id: taker.openAttemptId, status: 'open' }), {
        deadline: _.inc(input.minutes * 60_000),
        log: _.push([{ at: now, by: me._id, action: 'extra_time', reason: input.reason, minutes: input.minutes }]),
      });
    }
    updated += n;
  }
  return { updated };
}

// moveMember (组织关系转接): a member moves to another unit of the caller's subtrees. The entry
// keeps its id, so its check-ins, exams and sign-ups stay its own; what was counted for the old
// unit stays there, and from now on it counts for the new one. Entry and identity change in one
// transaction.

import type { OrgResponses } from '../../../core/contracts/org';
import { COLLECTIONS } from '../../lib/collections';
import { getById, isTransactionConflict, updateById, type TransactionLike } from '../../lib/db';
import { conflict, invalid, notFound, precondition } from '../../lib/errors';
import { identityFields, mayManagePath, requireManagedUnit, requireOrganiser } from '../ports';
import type { MemberDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';

export async function moveMember(input: { memberId: string; unitId: string }, ctx: ActionContext): Promise<OrgResponses['moveMember']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const member = await getById<MemberDoc>(db, COLLECTIONS.members, input.memberId);
  if (!member || !mayManagePath(me, member.orgId, member.unitPath)) throw notFound('找不到该党员，或其不在您的管理范围内');
  const target = await requireManagedUnit(db, me, input.unitId);
  if (target.status !== 'active') throw precondition(`“${target.name}”已撤销，不能接收党员`);
  if (target._id === member.unitId) throw invalid('字段 unitId：该党员已经在这个组织');

  const now = new Date(clock.now());
  try {
    await db.runTransaction(async (t: TransactionLike) => {
      const cur = (await t.collection(COLLECTIONS.members).doc(member._id).get()).data as MemberDoc | null;
      if (!cur || cur.unitId !== member.unitId) throw conflict('该党员的组织关系刚刚发生了变化，请刷新后查看');
      const next: MemberDoc = { ...cur, unitId: target._id, unitPath: target.path, updatedAt: now };
      await t.collection(COLLECTIONS.members).doc(cur._id).update({ data: { unitId: target._id, unitPath: target.path, updatedAt: now } });
      if (cur.openid) await t.collection(COLLECTIONS.identities).doc(cur.openid).update({ data: identityFields(next, now) });
    });
  } catch (err) {
    if (isTransactionConflict(err)) throw conflict('该党员的组织关系刚刚发生了变化，请刷新后查看');
    throw err;
  }
  const _ = db.command;
  const bound = member.openid ? 1 : 0;
  await updateById(db, COLLECTIONS.units, member.unitId, { memberCount: _.inc(-1), boundCount: _.inc(-bound) });
  await updateById(db, COLLECTIONS.units, target._id, { memberCount: _.inc(1), boundCount: _.inc(bound) });
  return { memberId: member._id, unitId: target._id };
}

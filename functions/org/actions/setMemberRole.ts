// setMemberRole: appoint a bound member organiser of one or more units (they then manage those
// subtrees), or make them a member again. Org admins appoint anywhere; a unit organiser within
// their own subtrees. Only bound members can be appointed: a roster entry that carried a role
// before anyone bound it could be claimed by whoever types its name. Entry and identity change
// in one transaction.

import type { OrgResponses } from '../../../core/contracts/org';
import { COLLECTIONS } from '../../lib/collections';
import { getById, list, isTransactionConflict, type TransactionLike } from '../../lib/db';
import { conflict, forbidden, notFound, precondition } from '../../lib/errors';
import { identityFields, mayManage, mayManagePath, requireOrganiser } from '../ports';
import type { MemberDoc, UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';

interface Input {
  memberId: string;
  role: 'member' | 'unit_organiser';
  unitIds?: string[];
}

export async function setMemberRole(input: Input, ctx: ActionContext): Promise<OrgResponses['setMemberRole']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const target = await getById<MemberDoc>(db, COLLECTIONS.members, input.memberId);
  if (!target || !mayManagePath(me, target.orgId, target.unitPath)) throw notFound('找不到该党员，或其不在您的管理范围内');
  if (target.role === 'org_admin') throw precondition('不能修改单位管理员的角色');
  if (target._id === me._id) throw precondition('不能修改自己的角色，请联系上级管理员');

  let manages: string[] = [];
  if (input.role === 'unit_organiser') {
    if (!target.openid) throw precondition(`${target.name}还没有绑定微信：请先把邀请码发给他（她），绑定后再任命`);
    const wanted = [...new Set(input.unitIds ?? [target.unitId])];
    const _ = db.command;
    const units = await list<UnitDoc>(db.collection(COLLECTIONS.units).where({ _id: _.in(wanted) }).limit(wanted.length));
    if (units.length !== wanted.length) throw notFound('所选组织不存在');
    const outside = units.find((u) => !mayManage(me, u));
    if (outside) throw forbidden(`“${outside.name}”不在您的管理范围内`);
    const closed = units.find((u) => u.status !== 'active');
    if (closed) throw precondition(`“${closed.name}”已撤销`);
    manages = wanted;
  }

  const now = new Date(clock.now());
  try {
    await db.runTransaction(async (t: TransactionLike) => {
      const cur = (await t.collection(COLLECTIONS.members).doc(target._id).get()).data as MemberDoc | null;
      if (!cur) throw notFound('找不到该党员');
      if (input.role === 'unit_organiser' && !cur.openid) throw precondition(`${cur.name}还没有绑定微信`);
      // An appointment settles a role the entry held from before it was bound.
      const next: MemberDoc = { ...cur, role: input.role, manages, heldRole: null, updatedAt: now };
      await t.collection(COLLECTIONS.members).doc(cur._id).update({ data: { role: input.role, manages, heldRole: null, updatedAt: now } });
      if (cur.openid) await t.collection(COLLECTIONS.identities).doc(cur.openid).update({ data: identityFields(next, now) });
    });
  } catch (err) {
    if (isTransactionConflict(err)) throw conflict('该党员的信息刚刚发生了变化，请刷新后重试');
    throw err;
  }
  return { memberId: target._id, role: input.role, unitIds: manages };
}

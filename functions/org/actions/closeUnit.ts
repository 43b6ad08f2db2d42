// closeUnit (撤销): a unit stops taking members and children; nothing is deleted. Its members
// move to another unit (their ids stay, so everything they did stays theirs, and what happened
// before the move stays counted where it happened) or stay listed with the closed unit.
// Refused while units below it are active or while an exam, event or check-in challenge is open
// to it: close or move those first.

import type { OrgResponses } from '../../../core/contracts/org';
import { openChallengesFor } from '../../checkin/ports';
import { openEventsFor } from '../../event/ports';
import { openExamsFor } from '../../exam/ports';
import { COLLECTIONS } from '../../lib/collections';
import { list, updateById, updateWhere, type TransactionLike } from '../../lib/db';
import { invalid, precondition } from '../../lib/errors';
import { identityFields, requireManagedUnit, requireOrganiser } from '../ports';
import type { MemberDoc, UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import { descendantsOf, unitNameGuardId } from '../tree';
import { managedUnit } from '../views';

export async function closeUnit(input: { unitId: string; moveMembersTo?: string | null }, ctx: ActionContext): Promise<OrgResponses['closeUnit']> {
  const { db, ids, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const unit = await requireManagedUnit(db, me, input.unitId);
  if (unit.parentId === null) throw invalid('字段 unitId：单位本身（最上级）不能撤销');
  if (unit.status !== 'active') throw precondition(`“${unit.name}”已经撤销`);
  if (me.role !== 'org_admin' && me.manages.includes(unit._id)) throw precondition('不能撤销您自己负责的最上级组织，请联系上级管理员');

  const activeBelow = (await descendantsOf(db, unit)).filter((u) => u.status === 'active');
  if (activeBelow.length > 0) {
    throw precondition(`请先撤销或移走“${unit.name}”的下级组织：${activeBelow.slice(0, 3).map((u) => u.name).join('、')}${activeBelow.length > 3 ? ` 等 ${activeBelow.length} 个` : ''}`);
  }
  const now = clock.now();
  const open = [
    ...(await openExamsFor(db, unit.orgId, [unit._id], now)).map((t) => `考试“${t}”`),
    ...(await openEventsFor(db, unit.orgId, [unit._id], now)).map((t) => `活动“${t}”`),
    ...(await openChallengesFor(db, unit.orgId, [unit._id], now)).map((t) => `打卡活动“${t}”`),
  ];
  if (open.length > 0) throw precondition(`“${unit.name}”还有进行中的${open.slice(0, 3).join('、')}，请等其结束或改变其范围后再撤销`);

  let target: UnitDoc | null = null;
  if (input.moveMembersTo) {
    target = await requireManagedUnit(db, me, input.moveMembersTo);
    if (target._id === unit._id) throw invalid('字段 moveMembersTo：请选择另一个组织');
    if (target.status !== 'active') throw precondition(`“${target.name}”已撤销，不能接收党员`);
  }

  const at = new Date(now);
  // Closed first: from here on no one can bind to it or import into it; the member move below
  // can then be repeated safely by closing again with the same target if it was interrupted.
  const n = await updateWhere(db.collection(COLLECTIONS.units).where({ _id: unit._id, status: 'active' }), {
    status: 'closed',
    closedAt: at,
    updatedAt: at,
  });
  if (n === 0) throw precondition(`“${unit.name}”已经撤销`);
  await db.collection(COLLECTIONS.unitNames).doc(unitNameGuardId(ids, unit.parentId, unit.name)).remove();
  if (unit.inviteCode) await db.collection(COLLECTIONS.inviteCodes).doc(unit.inviteCode).remove();

  let movedMembers = 0;
  if (target) movedMembers = await moveAllMembers(ctx, unit, target, at);
  return { unit: managedUnit({ ...unit, status: 'closed', closedAt: at, updatedAt: at }), movedMembers };
}

/** Moves every member of `from` to `to`, each with their identity in one transaction. */
async function moveAllMembers(ctx: ActionContext, from: UnitDoc, to: UnitDoc, now: Date): Promise<number> {
  const { db } = ctx.deps;
  const _ = db.command;
  let moved = 0;
  let bound = 0;
  for (;;) {
    const batch = await list<MemberDoc>(db.collection(COLLECTIONS.members).where({ unitId: from._id }).limit(100));
    if (batch.length === 0) break;
    for (const m of batch) {
      const next: MemberDoc = { ...m, unitId: to._id, unitPath: to.path, updatedAt: now };
      await db.runTransaction(async (t: TransactionLike) => {
        await t.collection(COLLECTIONS.members).doc(m._id).update({ data: { unitId: to._id, unitPath: to.path, updatedAt: now } });
        if (m.openid) await t.collection(COLLECTIONS.identities).doc(m.openid).update({ data: identityFields(next, now) });
      });
      moved += 1;
      if (m.openid) bound += 1;
    }
  }
  if (moved > 0) {
    await updateById(db, COLLECTIONS.units, from._id, { memberCount: _.inc(-moved), boundCount: _.inc(-bound) });
    await updateById(db, COLLECTIONS.units, to._id, { memberCount: _.inc(moved), boundCount: _.inc(bound) });
  }
  return moved;
}

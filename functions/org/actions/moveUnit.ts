// moveUnit: a unit moves under another parent and takes its whole subtree, its members and their
// history with it (history is recorded by unit id, which does not change). The unit's new place
// and its name guard change in one transaction; the paths below it are then rewritten, by a step
// that a repeated call finishes if it was interrupted (so a move to where the unit already is
// answers ok and repairs).

import type { OrgResponses } from '../../../core/contracts/org';
import { checkMove, MOVE_REFUSAL_MESSAGES, subtreeHeight } from '../../../core/domain/org/units';
import { COLLECTIONS } from '../../lib/collections';
import { isDuplicateKeyError, isTransactionConflict, type TransactionLike } from '../../lib/db';
import { conflict, invalid, precondition } from '../../lib/errors';
import { requireManagedUnit, requireOrganiser } from '../ports';
import type { UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import { descendantsOf, rewriteSubtreePaths, unitNameGuardId } from '../tree';
import { managedUnit } from '../views';

export async function moveUnit(input: { unitId: string; parentId: string }, ctx: ActionContext): Promise<OrgResponses['moveUnit']> {
  const { db, ids, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const unit = await requireManagedUnit(db, me, input.unitId);
  // The target must lie in the caller's subtrees too: an organiser cannot hand a unit to a sibling's tree.
  const parent = await requireManagedUnit(db, me, input.parentId);
  const now = new Date(clock.now());

  if (unit.parentId === parent._id) {
    const moved = await rewriteSubtreePaths(db, unit, now);
    return { unit: managedUnit(unit), moved };
  }
  const refusal = checkMove(
    { id: unit._id, parentId: unit.parentId, path: unit.path, orgId: unit.orgId },
    { id: parent._id, parentId: parent.parentId, path: parent.path, orgId: parent.orgId, closed: parent.status !== 'active' },
    subtreeHeight(unit.path, await descendantsOf(db, unit)),
  );
  if (refusal === 'into_itself' || refusal === 'root') throw invalid(`字段 parentId：${MOVE_REFUSAL_MESSAGES[refusal]}`);
  if (refusal) throw precondition(MOVE_REFUSAL_MESSAGES[refusal]);
  if (unit.status !== 'active') throw precondition(`“${unit.name}”已撤销，不能移动`);
  // A unit the caller manages only through itself would leave their reach: keep the scope whole.
  if (me.role !== 'org_admin' && me.manages.includes(unit._id)) throw precondition('不能移动您自己负责的最上级组织，请联系上级管理员');

  const newPath = [...parent.path, unit._id];
  const moved: UnitDoc = { ...unit, parentId: parent._id, path: newPath, updatedAt: now };
  try {
    await db.runTransaction(async (t: TransactionLike) => {
      const cur = (await t.collection(COLLECTIONS.units).doc(unit._id).get()).data as UnitDoc | null;
      if (!cur || cur.parentId !== unit.parentId) throw conflict('该组织刚刚被移动，请刷新后重试');
      await t.collection(COLLECTIONS.unitNames).add({ data: { _id: unitNameGuardId(ids, parent._id, unit.name), unitId: unit._id, orgId: unit.orgId } });
      if (unit.parentId !== null) await t.collection(COLLECTIONS.unitNames).doc(unitNameGuardId(ids, unit.parentId, unit.name)).remove();
      await t.collection(COLLECTIONS.units).doc(unit._id).update({ data: { parentId: parent._id, path: newPath, updatedAt: now } });
    });
  } catch (err) {
    if (isDuplicateKeyError(err)) throw conflict(`“${parent.name}”下已有名为“${unit.name}”的组织`);
    if (isTransactionConflict(err)) throw conflict('该组织刚刚被修改，请刷新后重试');
    throw err;
  }
  // Roll-ups computed under the old tree are stale from now on (the check-in timer recomputes them).
  await db.collection(COLLECTIONS.units).doc(unit.orgId).update({ data: { treeVersion: db.command.inc(1), updatedAt: now } });
  const count = await rewriteSubtreePaths(db, moved, now);
  return { unit: managedUnit(moved), moved: count };
}

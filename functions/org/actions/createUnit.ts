// createUnit: a unit under any unit the caller manages (an org admin: anywhere in the
// organisation). Two siblings cannot share a name: the name guard and the unit are written in one
// transaction, so two organisers creating the same branch at once get one branch and a CONFLICT.

import type { OrgResponses } from '../../../core/contracts/org';
import { MAX_DEPTH, type UnitKind } from '../../../core/domain/units';
import { COLLECTIONS } from '../../lib/collections';
import { isDuplicateKeyError, type TransactionLike } from '../../lib/db';
import { conflict, precondition } from '../../lib/errors';
import { requireManagedUnit, requireOrganiser } from '../../lib/identity';
import type { UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import { reserveInviteCode } from '../inviteCode';
import { unitNameGuardId } from '../tree';
import { managedUnit } from '../views';

interface Input {
  parentId: string;
  name: string;
  kind: UnitKind;
  order?: number;
}

export async function createUnit(input: Input, ctx: ActionContext): Promise<OrgResponses['createUnit']> {
  const { db, ids, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const parent = await requireManagedUnit(db, me, input.parentId);
  if (parent.status !== 'active') throw precondition(`“${parent.name}”已撤销，不能在其下新建组织`);
  if (parent.path.length + 1 > MAX_DEPTH) throw precondition(`组织层级最多 ${MAX_DEPTH} 级`);

  const id = ids.random(12);
  const now = new Date(clock.now());
  // A code reserved for a unit that then loses the name race is released below.
  const inviteCode = await reserveInviteCode(db, id, parent.orgId);
  const unit: UnitDoc = {
    _id: id,
    kind: input.kind,
    name: input.name,
    parentId: parent._id,
    path: [...parent.path, id],
    order: input.order ?? 0,
    orgId: parent.orgId,
    inviteCode,
    memberCount: 0,
    boundCount: 0,
    status: 'active',
    closedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await db.runTransaction(async (t: TransactionLike) => {
      await t.collection(COLLECTIONS.unitNames).add({ data: { _id: unitNameGuardId(ids, parent._id, input.name), unitId: id, orgId: parent.orgId } });
      await t.collection(COLLECTIONS.units).add({ data: { ...unit } });
    });
  } catch (err) {
    await db.collection(COLLECTIONS.inviteCodes).doc(inviteCode).remove();
    if (isDuplicateKeyError(err)) throw conflict(`“${parent.name}”下已有名为“${input.name}”的组织`);
    throw err;
  }
  return { unit: managedUnit(unit) };
}

// updateUnit: rename a unit, change its kind or its place among its siblings. A new name takes
// the sibling-name guard in the same transaction that frees the old one.

import type { OrgResponses } from '../../../core/contracts/org';
import { unitNameKey, type UnitKind } from '../../../core/domain/org/units';
import { COLLECTIONS } from '../../lib/collections';
import { isDuplicateKeyError, isTransactionConflict, type TransactionLike } from '../../lib/db';
import { conflict, invalid, precondition } from '../../lib/errors';
import { requireManagedUnit, requireOrganiser } from '../ports';
import type { UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import { unitNameGuardId } from '../tree';
import { managedUnit } from '../views';

interface Input {
  unitId: string;
  name?: string;
  kind?: UnitKind;
  order?: number;
}

export async function updateUnit(input: Input, ctx: ActionContext): Promise<OrgResponses['updateUnit']> {
  const { db, ids, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  if (input.name === undefined && input.kind === undefined && input.order === undefined) throw invalid('请填写要修改的内容');
  const unit = await requireManagedUnit(db, me, input.unitId);
  if (unit.status !== 'active') throw precondition(`“${unit.name}”已撤销，不能修改`);
  if (unit.parentId === null && input.kind !== undefined) throw invalid('字段 kind：单位本身（最上级）的类型不能修改');

  const now = new Date(clock.now());
  const fields: Partial<UnitDoc> = { updatedAt: now };
  if (input.kind !== undefined) fields.kind = input.kind;
  if (input.order !== undefined) fields.order = input.order;
  const renamed = input.name !== undefined && unitNameKey(input.name) !== unitNameKey(unit.name);
  if (input.name !== undefined) fields.name = input.name;

  try {
    await db.runTransaction(async (t: TransactionLike) => {
      const cur = (await t.collection(COLLECTIONS.units).doc(unit._id).get()).data as UnitDoc | null;
      if (!cur || cur.name !== unit.name || cur.parentId !== unit.parentId) throw conflict('该组织刚刚被修改，请刷新后重试');
      if (renamed && unit.parentId !== null && input.name !== undefined) {
        await t.collection(COLLECTIONS.unitNames).add({ data: { _id: unitNameGuardId(ids, unit.parentId, input.name), unitId: unit._id, orgId: unit.orgId } });
        await t.collection(COLLECTIONS.unitNames).doc(unitNameGuardId(ids, unit.parentId, unit.name)).remove();
      }
      await t.collection(COLLECTIONS.units).doc(unit._id).update({ data: fields });
    });
  } catch (err) {
    if (isDuplicateKeyError(err)) throw conflict(`同一上级下已有名为“${input.name ?? ''}”的组织`);
    if (isTransactionConflict(err)) throw conflict('该组织刚刚被修改，请刷新后重试');
    throw err;
  }
  return { unit: managedUnit({ ...unit, ...fields }) };
}

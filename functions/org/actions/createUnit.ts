// createUnit: a unit under any unit the caller manages (an org admin: anywhere in the
// organisation). Two siblings cannot share a name: the name guard and the unit are written in one
// transaction (insertUnit), so two organisers creating the same branch at once get one branch and
// a CONFLICT.

import type { OrgResponses } from '../../../core/contracts/org';
import { MAX_DEPTH, type UnitKind } from '../../../core/domain/org/units';
import { conflict, precondition } from '../../lib/errors';
import { requireManagedUnit, requireOrganiser } from '../ports';
import type { ActionContext } from '../../lib/router';
import { insertUnit } from '../tree';
import { managedUnit } from '../views';

interface Input {
  parentId: string;
  name: string;
  kind: UnitKind;
  order?: number;
}

export async function createUnit(input: Input, ctx: ActionContext): Promise<OrgResponses['createUnit']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const parent = await requireManagedUnit(db, me, input.parentId);
  if (parent.status !== 'active') throw precondition(`“${parent.name}”已撤销，不能在其下新建组织`);
  if (parent.path.length + 1 > MAX_DEPTH) throw precondition(`组织层级最多 ${MAX_DEPTH} 级`);

  const outcome = await insertUnit(ctx.deps, parent, { name: input.name, kind: input.kind, order: input.order ?? 0, createdAt: new Date(clock.now()) });
  if (!outcome.created) throw conflict(`“${parent.name}”下已有名为“${input.name}”的组织`);
  return { unit: managedUnit(outcome.unit) };
}

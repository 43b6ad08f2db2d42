// listUnits: the units of the caller's subtrees, in tree order, with member counts read from
// counters. One read for the caller, one for the units, whatever the depth.

import type { OrgResponses } from '../../../core/contracts/org';
import { treeOrder } from '../../../core/domain/units';
import { managedUnits, requireOrganiser } from '../../lib/identity';
import type { ActionContext } from '../../lib/router';
import { managedUnit } from '../views';

export async function listUnits(_input: Record<string, never>, ctx: ActionContext): Promise<OrgResponses['listUnits']> {
  const me = await requireOrganiser(ctx);
  const units = (await managedUnits(ctx.deps.db, me)).map(managedUnit);
  return { units: treeOrder(units) };
}

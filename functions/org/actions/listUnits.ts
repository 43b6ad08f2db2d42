// listUnits: the units of the caller's subtrees, in tree order, with member counts read from
// counters, each unit's own and summed over everything below it (the caller's scope holds every
// descendant of every unit in it, so the sums are complete). One read for the caller, one for
// the units, whatever the depth.

import type { OrgResponses } from '../../../core/contracts/org';
import { treeOrder } from '../../../core/domain/org/units';
import { managedUnits, requireOrganiser } from '../ports';
import type { ActionContext } from '../../lib/router';
import { managedUnit } from '../views';

export async function listUnits(_input: Record<string, never>, ctx: ActionContext): Promise<OrgResponses['listUnits']> {
  const me = await requireOrganiser(ctx);
  const docs = await managedUnits(ctx.deps.db, me);
  const units = docs.map((u) => {
    const view = managedUnit(u);
    for (const d of docs) {
      if (!d.path.includes(u._id)) continue;
      view.subtreeMembers += d.memberCount;
      view.subtreeBound += d.boundCount;
    }
    return view;
  });
  return { units: treeOrder(units) };
}

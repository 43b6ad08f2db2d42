// listUnits: the units an organiser manages, with member counts read from counters.

import type { OrgResponses } from '../../../core/contracts/org';
import { managedUnits, requireOrganiser } from '../../lib/identity';
import type { ActionContext } from '../../lib/router';
import { managedUnit } from '../views';

export async function listUnits(_input: Record<string, never>, ctx: ActionContext): Promise<OrgResponses['listUnits']> {
  const me = await requireOrganiser(ctx);
  const units = await managedUnits(ctx.deps.db, me);
  // Branches first in a stable order; the organisation root (org admins only) leads.
  units.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'zh-CN') : a.kind === 'org' ? -1 : 1));
  return { units: units.map((u) => managedUnit(u, u.kind === 'branch')) };
}

// pointsRules: the rules in force, a change scheduled for a later day and the dated change log
// (every bound member reads them; org admins may change them).

import type { PointsResponses } from '../../../core/contracts/points';
import { beijingDayKey } from '../../../core/domain/time';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../../org/ports';
import { readVersions, rulesView } from '../rules';

export async function pointsRules(_input: object, ctx: ActionContext): Promise<PointsResponses['pointsRules']> {
  const { db, clock } = ctx.deps;
  const member = await requireMember(ctx);
  return rulesView(await readVersions(db, member.orgId), beijingDayKey(clock.now()), member.role === 'org_admin');
}

// resetInviteCode: a leaked code is replaced; the old one stops working at once.

import type { OrgResponses } from '../../../core/contracts/org';
import { COLLECTIONS } from '../../lib/collections';
import { updateById } from '../../lib/db';
import { invalid } from '../../lib/errors';
import { requireManagedUnit, requireOrganiser } from '../ports';
import type { ActionContext } from '../../lib/router';
import { reserveInviteCode } from '../inviteCode';

export async function resetInviteCode(input: { unitId: string }, ctx: ActionContext): Promise<OrgResponses['resetInviteCode']> {
  const { db } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const unit = await requireManagedUnit(db, me, input.unitId);
  if (unit.parentId === null) throw invalid('字段 unitId：请为下级组织生成邀请码');
  if (unit.status !== 'active') throw invalid('字段 unitId：该组织已撤销');
  const code = await reserveInviteCode(db, unit._id, unit.orgId);
  await updateById(db, COLLECTIONS.units, unit._id, { inviteCode: code });
  if (unit.inviteCode) await db.collection(COLLECTIONS.inviteCodes).doc(unit.inviteCode).remove();
  return { unitId: unit._id, inviteCode: code };
}

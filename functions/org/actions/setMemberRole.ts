// setMemberRole: an org admin makes a member a branch organiser of their branch, or back.

import type { OrgResponses } from '../../../core/contracts/org';
import { COLLECTIONS } from '../../lib/collections';
import { getById, updateById } from '../../lib/db';
import { forbidden, notFound, precondition } from '../../lib/errors';
import { requireOrganiser } from '../../lib/identity';
import type { MemberDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';

export async function setMemberRole(
  input: { memberId: string; role: 'member' | 'branch_organiser' },
  ctx: ActionContext,
): Promise<OrgResponses['setMemberRole']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  if (me.role !== 'org_admin') throw forbidden('只有单位管理员可以设置支部管理员');
  const target = await getById<MemberDoc>(db, COLLECTIONS.members, input.memberId);
  if (!target || target.orgId !== me.orgId) throw notFound('找不到该党员');
  if (target.role === 'org_admin') throw precondition('不能修改单位管理员的角色');
  await updateById(db, COLLECTIONS.members, target._id, {
    role: input.role,
    manages: input.role === 'branch_organiser' ? [target.unitId] : [],
    updatedAt: new Date(clock.now()),
  });
  return { memberId: target._id, role: input.role };
}

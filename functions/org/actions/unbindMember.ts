// unbindMember: an organiser releases a roster entry from its WeChat account (the member changed
// phones or WeChat, or the wrong person bound it), so the right account can bind again. The
// entry, its history and everything recorded against it stay; the reason is kept.

import type { OrgResponses } from '../../../core/contracts/org';
import { COLLECTIONS } from '../../lib/collections';
import { getById, isTransactionConflict, updateById } from '../../lib/db';
import { conflict, forbidden, notFound, precondition } from '../../lib/errors';
import { requireManagedUnit, requireOrganiser } from '../ports';
import type { MemberDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import type { TransactionLike } from '../../lib/db';

export async function unbindMember(input: { memberId: string; reason: string }, ctx: ActionContext): Promise<OrgResponses['unbindMember']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const target = await getById<MemberDoc>(db, COLLECTIONS.members, input.memberId);
  if (!target || target.orgId !== me.orgId) throw notFound('找不到该党员');
  await requireManagedUnit(db, me, target.unitId);
  if (target._id === me._id) throw precondition('不能解除自己的绑定，请联系其他管理员');
  if (target.role === 'org_admin' && me.role !== 'org_admin') throw forbidden('只有单位管理员可以解除管理员的绑定');

  try {
    await db.runTransaction(async (t: TransactionLike) => {
      const cur = (await t.collection(COLLECTIONS.members).doc(target._id).get()).data as MemberDoc | null;
      if (!cur?.openid) throw conflict('该党员尚未绑定微信');
      const now = new Date(clock.now());
      await t.collection(COLLECTIONS.identities).doc(cur.openid).remove();
      await t.collection(COLLECTIONS.members).doc(cur._id).update({
        data: {
          openid: null,
          boundAt: null,
          updatedAt: now,
          lastUnbind: { at: now, by: me._id, reason: input.reason, openid: cur.openid },
        },
      });
    });
  } catch (err) {
    if (isTransactionConflict(err)) throw conflict('该党员的绑定刚刚发生了变化，请刷新后重试');
    throw err;
  }
  const _ = db.command;
  await updateById(db, COLLECTIONS.units, target.unitId, { boundCount: _.inc(-1) });
  return { memberId: target._id };
}

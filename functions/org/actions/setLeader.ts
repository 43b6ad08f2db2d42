// setLeader: flag a member as 领导班子成员 ("leaders first": listed first in the roster, whose
// listing key carries the rank). Entry and identity change in one transaction.

import type { OrgResponses } from '../../../core/contracts/org';
import { COLLECTIONS } from '../../lib/collections';
import { getById, type TransactionLike } from '../../lib/db';
import { notFound } from '../../lib/errors';
import { identityFields, mayManagePath, requireOrganiser } from '../ports';
import type { MemberDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import { loadSortKey, rerankSortKey } from '../sortKey';

export async function setLeader(input: { memberId: string; leader: boolean }, ctx: ActionContext): Promise<OrgResponses['setLeader']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const member = await getById<MemberDoc>(db, COLLECTIONS.members, input.memberId);
  if (!member || !mayManagePath(me, member.orgId, member.unitPath)) throw notFound('找不到该党员，或其不在您的管理范围内');
  const now = new Date(clock.now());
  // An entry written before listing keys existed gets one now (pinyin-pro loads only then).
  const sortKey = member.sortKey ? rerankSortKey(member.sortKey, input.leader) : (await loadSortKey())(member.name, input.leader);
  await db.runTransaction(async (t: TransactionLike) => {
    const cur = (await t.collection(COLLECTIONS.members).doc(member._id).get()).data as MemberDoc | null;
    if (!cur) throw notFound('找不到该党员');
    await t.collection(COLLECTIONS.members).doc(cur._id).update({ data: { leader: input.leader, sortKey, updatedAt: now } });
    if (cur.openid) await t.collection(COLLECTIONS.identities).doc(cur.openid).update({ data: identityFields({ ...cur, leader: input.leader }, now) });
  });
  return { memberId: member._id, leader: input.leader };
}

// getMe: who am I in the organisation. Works for an unbound caller too (they see their request).

import type { Me } from '../../../core/contracts/org';
import { isOrganiser } from '../../../core/domain/org/roles';
import { COLLECTIONS } from '../../lib/collections';
import { getById, list } from '../../lib/db';
import { findCaller } from '../ports';
import type { BindRequestDoc, UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import { meMember } from '../views';

export async function getMe(_input: Record<string, never>, ctx: ActionContext): Promise<Me> {
  const { db, ids } = ctx.deps;
  const member = await findCaller(db, ctx.openid);
  if (!member) {
    const req = await getById<BindRequestDoc>(db, COLLECTIONS.bindRequests, ids.derive('r', ctx.openid));
    if (!req || req.status === 'approved') return { bound: false, openid: ctx.openid, request: null };
    const unit = await getById<UnitDoc>(db, COLLECTIONS.units, req.unitId);
    return {
      bound: false,
      openid: ctx.openid,
      request: { status: req.status, name: req.name, unitName: unit?.name ?? '', reason: req.reason },
    };
  }
  const _ = db.command;
  const units = await list<UnitDoc>(
    db.collection(COLLECTIONS.units).where({ _id: _.in([member.unitId, member.orgId]) }).limit(2),
  );
  const byId = new Map(units.map((u) => [u._id, u]));
  return {
    bound: true,
    openid: ctx.openid,
    member: meMember(member, byId.get(member.unitId) ?? null, byId.get(member.orgId) ?? null),
    canManage: isOrganiser(member.role),
  };
}

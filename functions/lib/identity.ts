// Who is calling, looked up on every call (rule 1): openid (from getWXContext) → identity →
// roster entry. Roles are never cached in a token or taken from the event.

import { isOrganiser } from '../../core/domain/roles';
import { COLLECTIONS } from './collections';
import { getById, list, type Database } from './db';
import { forbidden, notFound, unauthenticated } from './errors';
import type { IdentityDoc, MemberDoc, UnitDoc } from './model';
import type { ActionContext } from './router';

/** The caller's roster entry, or null if this openid has not bound one. Two reads by _id. */
export async function findMember(db: Database, openid: string): Promise<MemberDoc | null> {
  const identity = await getById<IdentityDoc>(db, COLLECTIONS.identities, openid);
  if (!identity) return null;
  const member = await getById<MemberDoc>(db, COLLECTIONS.members, identity.memberId);
  // An entry whose binding was cleared no longer belongs to this openid.
  return member && member.openid === openid ? member : null;
}

export async function requireMember(ctx: ActionContext): Promise<MemberDoc> {
  const member = await findMember(ctx.deps.db, ctx.openid);
  if (!member) throw unauthenticated('请先绑定所在党支部');
  return member;
}

export async function requireOrganiser(ctx: ActionContext): Promise<MemberDoc> {
  const member = await requireMember(ctx);
  if (!isOrganiser(member.role)) throw forbidden('只有支部管理员可以进行此操作');
  return member;
}

/** Units an organiser may manage: every unit of the organisation for an org admin, else their branches. */
export async function managedUnits(db: Database, member: MemberDoc): Promise<UnitDoc[]> {
  if (member.role === 'org_admin') {
    // One organisation holds at most a few hundred branches; 1000 is the SDK's ceiling per read.
    return list<UnitDoc>(db.collection(COLLECTIONS.units).where({ orgId: member.orgId }).limit(1000));
  }
  if (member.role !== 'branch_organiser') return [];
  const ids = member.manages.length > 0 ? member.manages : [member.unitId];
  const _ = db.command;
  return list<UnitDoc>(db.collection(COLLECTIONS.units).where({ _id: _.in(ids), orgId: member.orgId }).limit(100));
}

/** The unit if the organiser may manage it; FORBIDDEN otherwise (checked on the server, every call). */
export async function requireManagedUnit(db: Database, member: MemberDoc, unitId: string): Promise<UnitDoc> {
  const unit = await getById<UnitDoc>(db, COLLECTIONS.units, unitId);
  if (!unit || unit.orgId !== member.orgId) throw notFound('找不到该支部');
  const allowed =
    member.role === 'org_admin' ||
    (member.role === 'branch_organiser' && (member.manages.length > 0 ? member.manages : [member.unitId]).includes(unitId));
  if (!allowed) throw forbidden('您不是该支部的管理员');
  return unit;
}

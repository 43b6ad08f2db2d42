// The organisation context's public module (its port): who is calling, and what they may
// manage — the one module that owns both rules, imported by every context.
//
// Identity (rule 1 and 14): openid (from getWXContext) → identities/<openid>, one read by _id,
// which carries the member's unit path, role and scopes. Roles are never cached in a token or
// taken from the event; every write that changes them writes the identity in the same transaction.
//
// Scopes: an org admin manages the whole organisation; a unit organiser manages the subtrees of
// the units in `manages`. A unit is inside a scope when a scope unit is on its path, so a unit
// created later under a scope is inside it, and a check needs no read beyond the unit itself.

import { isOrganiser, type Role } from '../../core/domain/org/roles';
import { inSubtree } from '../../core/domain/org/units';
import { COLLECTIONS } from '../lib/collections';
import { count, getById, list, type Database } from '../lib/db';
import { forbidden, notFound, unauthenticated } from '../lib/errors';
import { listAllByKey } from '../lib/paging';
import type { IdentityDoc, MemberDoc, UnitDoc } from '../lib/model';
import type { ActionContext } from '../lib/router';

/** Bumped when the identity document gains a field; older documents are rebuilt on first use. */
export const IDENTITY_VERSION = 2;

/** What an action knows about its caller: the roster entry's fields that identity carries. */
export type Caller = Pick<
  MemberDoc,
  '_id' | 'orgId' | 'unitId' | 'unitPath' | 'name' | 'category' | 'role' | 'manages' | 'leader' | 'boundAt' | 'createdAt'
>;

/** The identity document for a bound roster entry (written with the entry, in one transaction). */
export function identityOf(member: MemberDoc, openid: string, now: Date): IdentityDoc {
  return {
    _id: openid,
    memberId: member._id,
    orgId: member.orgId,
    unitId: member.unitId,
    unitPath: member.unitPath,
    name: member.name,
    category: member.category,
    role: member.role,
    manages: member.manages,
    leader: member.leader,
    boundAt: member.boundAt ?? now,
    memberCreatedAt: member.createdAt,
    v: IDENTITY_VERSION,
    createdAt: now,
    updatedAt: now,
  };
}

/** The fields of an identity that follow the member; for `update` inside a transaction. */
export function identityFields(member: Pick<MemberDoc, 'unitId' | 'unitPath' | 'name' | 'category' | 'role' | 'manages' | 'leader'>, now: Date) {
  return {
    unitId: member.unitId,
    unitPath: member.unitPath,
    name: member.name,
    category: member.category,
    role: member.role,
    manages: member.manages,
    leader: member.leader,
    v: IDENTITY_VERSION,
    updatedAt: now,
  };
}

function callerOf(identity: IdentityDoc): Caller {
  return {
    _id: identity.memberId,
    orgId: identity.orgId,
    unitId: identity.unitId,
    unitPath: identity.unitPath,
    name: identity.name,
    category: identity.category,
    role: identity.role,
    manages: identity.manages,
    leader: identity.leader,
    boundAt: identity.boundAt,
    createdAt: identity.memberCreatedAt,
  };
}

/**
 * The caller, or null if this openid has not bound a roster entry. One read by _id; an identity
 * written before it carried the caller's fields is rebuilt once from the entry (and its unit).
 */
export async function findCaller(db: Database, openid: string): Promise<Caller | null> {
  const identity = await getById<IdentityDoc>(db, COLLECTIONS.identities, openid);
  if (!identity) return null;
  if (identity.v === IDENTITY_VERSION) return callerOf(identity);
  const member = await getById<MemberDoc>(db, COLLECTIONS.members, identity.memberId);
  // An entry whose binding was cleared no longer belongs to this openid.
  if (!member || member.openid !== openid) return null;
  let unitPath = member.unitPath;
  if (!Array.isArray(unitPath) || unitPath.length === 0) {
    const unit = await getById<UnitDoc>(db, COLLECTIONS.units, member.unitId);
    unitPath = unit?.path ?? (unit?.parentId ? [unit.parentId, unit._id] : [member.unitId]);
  }
  const healed: MemberDoc = { ...member, unitPath, leader: member.leader === true, manages: member.manages ?? [] };
  const now = new Date();
  await db.collection(COLLECTIONS.identities).doc(openid).update({ data: identityFields(healed, now) });
  return callerOf(identityOf(healed, openid, now));
}

export async function requireMember(ctx: ActionContext): Promise<Caller> {
  const caller = await findCaller(ctx.deps.db, ctx.openid);
  if (!caller) throw unauthenticated('请先绑定所在党支部');
  return caller;
}

export async function requireOrganiser(ctx: ActionContext): Promise<Caller> {
  const caller = await requireMember(ctx);
  if (!isOrganiser(caller.role)) throw forbidden('只有管理员可以进行此操作');
  return caller;
}

/** The units whose subtrees the caller manages: the root for an org admin. */
export function scopeIds(caller: Pick<Caller, 'role' | 'orgId' | 'unitId' | 'manages'>): string[] {
  if (caller.role === 'org_admin') return [caller.orgId];
  if (caller.role === 'unit_organiser') return caller.manages.length > 0 ? caller.manages : [caller.unitId];
  return [];
}

/** May the caller manage this unit (it lies in one of their subtrees)? No read. */
export function mayManage(caller: Pick<Caller, 'role' | 'orgId' | 'unitId' | 'manages'>, unit: Pick<UnitDoc, 'orgId' | 'path'>): boolean {
  return unit.orgId === caller.orgId && inSubtree(unit.path, scopeIds(caller));
}

/** May the caller manage a member of the unit with this path (a member's `unitPath`)? No read. */
export function mayManagePath(caller: Pick<Caller, 'role' | 'orgId' | 'unitId' | 'manages'>, orgId: string, unitPath: readonly string[]): boolean {
  return orgId === caller.orgId && inSubtree(unitPath, scopeIds(caller));
}

/**
 * Every unit in the caller's subtrees, closed ones included (their history is still read), in
 * one read. One organisation holds at most a few hundred units; 1000 is the SDK's ceiling per read.
 */
export async function managedUnits(db: Database, caller: Caller): Promise<UnitDoc[]> {
  const scopes = scopeIds(caller);
  if (scopes.length === 0) return [];
  return unitsUnder(db, caller.orgId, scopes);
}

/** The units of the subtrees of `rootIds` (each root included), in one read. */
export async function unitsUnder(db: Database, orgId: string, rootIds: string[]): Promise<UnitDoc[]> {
  const _ = db.command;
  return list<UnitDoc>(db.collection(COLLECTIONS.units).where({ orgId, path: _.in(rootIds) }).limit(1000));
}

/** The unit if the caller may manage it; FORBIDDEN otherwise (checked on the server, every call). */
export async function requireManagedUnit(db: Database, caller: Caller, unitId: string): Promise<UnitDoc> {
  const unit = await getById<UnitDoc>(db, COLLECTIONS.units, unitId);
  if (!unit || unit.orgId !== caller.orgId) throw notFound('找不到该组织');
  if (!mayManage(caller, unit)) throw forbidden('该组织不在您的管理范围内');
  return unit;
}

/** Roles an appointer may hand out: only org admins make other org admins (never through the app). */
export function mayAppoint(appointer: Pick<Caller, 'role'>, role: Role): boolean {
  if (role === 'org_admin') return false;
  return isOrganiser(appointer.role);
}

// ---------------------------------------------------------------------------------------------
// The organisation directory: how other contexts read units and roster entries (rule 3). Each
// is one read; the query shapes are those the collections' indexes were declared for.

/** One unit by id, or null. */
export async function getUnit(db: Database, unitId: string): Promise<UnitDoc | null> {
  return getById<UnitDoc>(db, COLLECTIONS.units, unitId);
}

/** Units by id (at most 1000), optionally of one organisation only. */
export async function unitsByIds(db: Database, ids: string[], orgId?: string): Promise<UnitDoc[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  const where: Record<string, unknown> = { _id: _.in(ids) };
  if (orgId) where.orgId = orgId;
  return list<UnitDoc>(db.collection(COLLECTIONS.units).where(where).limit(Math.min(1000, ids.length)));
}

/**
 * Every unit of an organisation, the root included, in pages of 1,000 by `_id` (an organisation
 * may pass the 1,000 units one read returns; timers roll every unit up, so none may be left out).
 */
export async function unitsOfOrg(db: Database, orgId: string): Promise<UnitDoc[]> {
  return listAllByKey<UnitDoc>(db, COLLECTIONS.units, { orgId }, '_id');
}

/** The roots of every organisation (timer jobs walk them). */
export async function organisationRoots(db: Database): Promise<UnitDoc[]> {
  return list<UnitDoc>(db.collection(COLLECTIONS.units).where({ kind: 'org' }).limit(1000));
}

/** One roster entry by id, or null. */
export async function getMember(db: Database, memberId: string): Promise<MemberDoc | null> {
  return getById<MemberDoc>(db, COLLECTIONS.members, memberId);
}

/** Roster entries by id (at most 1000). */
export async function membersByIds(db: Database, ids: string[]): Promise<MemberDoc[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  return list<MemberDoc>(db.collection(COLLECTIONS.members).where({ _id: _.in(ids) }).limit(Math.min(1000, ids.length)));
}

/**
 * A unit's own members in roster order — leaders (领导班子成员) first, then pinyin — or by name
 * (`order: 'name'`, for lists that are read by name). At most 1000.
 */
export async function membersOfUnit(db: Database, unitId: string, order: 'roster' | 'name' = 'roster'): Promise<MemberDoc[]> {
  return list<MemberDoc>(
    db
      .collection(COLLECTIONS.members)
      .where({ unitId })
      .orderBy(order === 'roster' ? 'sortKey' : 'name', 'asc')
      .limit(1000),
  );
}

/**
 * The bound unit organisers of an organisation (at most 1000; an organisation has a few dozen),
 * with the units they manage: who to remind about a unit's duty (the campaign's reports). One read
 * on the (orgId, role) index.
 */
export async function unitOrganisers(db: Database, orgId: string): Promise<Array<Pick<MemberDoc, '_id' | 'name' | 'unitId' | 'manages' | 'openid'>>> {
  const docs = await list<MemberDoc>(db.collection(COLLECTIONS.members).where({ orgId, role: 'unit_organiser' }).limit(1000));
  return docs.filter((m) => m.openid).map((m) => ({ _id: m._id, name: m.name, unitId: m.unitId, manages: m.manages ?? [], openid: m.openid }));
}

/** Bind requests waiting in these units (at most 1000 ids): one count. */
export async function pendingBindRequestCount(db: Database, unitIds: string[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const _ = db.command;
  return count(db.collection(COLLECTIONS.bindRequests).where({ unitId: _.in(unitIds), status: 'pending' }));
}

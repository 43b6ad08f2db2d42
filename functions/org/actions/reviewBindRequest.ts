// reviewBindRequest: an organiser confirms (adding the person to the roster and binding them) or
// turns down a bind request, with the reason the person will read. When the roster has the name
// already, approving says what it does: bind (or move to the new WeChat: 换绑) that entry, or add a
// second entry of the name.

import type { OrgResponses } from '../../../core/contracts/org';
import { rosterKey } from '../../../core/domain/org/roster';
import { COLLECTIONS } from '../../lib/collections';
import { getById, isDuplicateKeyError, isTransactionConflict, updateById, updateWhere } from '../../lib/db';
import { conflict, forbidden, notFound, precondition } from '../../lib/errors';
import { identityOf, requireManagedUnit, requireOrganiser, type Caller } from '../ports';
import type { BindRequestDoc, MemberDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import type { TransactionLike } from '../../lib/db';
import { loadSortKey } from '../sortKey';
import { bindingChange, type BindableEntry } from '../bindGuard';
import { casesOf } from '../bindRequestKind';

export async function reviewBindRequest(
  input: { requestId: string; approve: boolean; reason?: string; mode?: 'existing' | 'new' },
  ctx: ActionContext,
): Promise<OrgResponses['reviewBindRequest']> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const req = await getById<BindRequestDoc>(db, COLLECTIONS.bindRequests, input.requestId);
  if (!req) throw notFound('找不到该申请');
  const unit = await requireManagedUnit(db, me, req.unitId);
  if (req.status !== 'pending') throw conflict('该申请已处理');
  const now = new Date(clock.now());

  if (!input.approve) {
    // Conditional on still pending: two organisers clicking at once settle in the database.
    const n = await updateWhere(db.collection(COLLECTIONS.bindRequests).where({ _id: req._id, status: 'pending' }), {
      status: 'rejected',
      reason: input.reason || '支部管理员未通过申请',
      reviewedAt: now,
      reviewedBy: me._id,
    });
    if (n === 0) throw conflict('该申请已处理');
    return { status: 'rejected', memberId: null };
  }

  // A request for an entry that binds only through an organiser (too many wrong phone tails):
  // approving binds that entry, not a new one.
  const entryId = (req as BindRequestDoc & { entryId?: string | null }).entryId;
  if (entryId && input.mode !== 'new') return approveForEntry(ctx, req, entryId, me._id);

  // A name the roster has already: a new entry only when the organiser says so, never silently
  // (it would make a second 张三 beside the bound one).
  if (input.mode !== 'new') {
    const [found] = await casesOf(db, [req]);
    if (found.kind !== 'not_on_roster' || input.mode === 'existing') {
      if (input.mode !== 'existing') throw precondition('名册中已有同名成员：请选择“换绑到名册中的该成员”或“作为新成员加入”，或不通过');
      if (!found.entryId) throw precondition(found.kind === 'not_on_roster' ? '名册中没有此人，只能作为新成员加入' : '名册中有多个同名成员，请先在名册中核实后再处理');
      const entry = await getById<MemberDoc>(db, COLLECTIONS.members, found.entryId);
      if (entry?.openid) return moveBinding(ctx, req, entry, me);
      return approveForEntry(ctx, req, found.entryId, me._id);
    }
  }

  // Approve: create the roster entry already bound to the applicant, in one transaction with
  // the identity and the request, so a half-approved request cannot exist.
  const memberId = ids.derive('m', rosterKey(req.unitId, req.name, `request:${req._id}`));
  const member: MemberDoc = {
    _id: memberId,
    orgId: req.orgId,
    unitId: req.unitId,
    unitPath: unit.path,
    name: req.name,
    sortKey: (await loadSortKey())(req.name),
    phone: null,
    category: 'full',
    role: 'member',
    manages: [],
    leader: false,
    openid: req.openid,
    boundAt: now,
    source: 'request',
    createdAt: now,
    updatedAt: now,
  };
  try {
    await db.runTransaction(async (t: TransactionLike) => {
      const cur = (await t.collection(COLLECTIONS.bindRequests).doc(req._id).get()).data as BindRequestDoc | null;
      if (!cur || cur.status !== 'pending') throw conflict('该申请已处理');
      await t.collection(COLLECTIONS.identities).add({ data: { ...identityOf(member, req.openid, now) } });
      await t.collection(COLLECTIONS.members).add({ data: { ...member } });
      await t
        .collection(COLLECTIONS.bindRequests)
        .doc(req._id)
        .update({ data: { status: 'approved', memberId, reviewedAt: now, reviewedBy: me._id } });
    });
  } catch (err) {
    if (isDuplicateKeyError(err)) throw conflict('申请人已经绑定了其他名单');
    if (isTransactionConflict(err)) throw conflict('该申请正在被处理，请刷新后查看');
    throw err;
  }
  const _ = db.command;
  await updateById(db, COLLECTIONS.units, req.unitId, { memberCount: _.inc(1), boundCount: _.inc(1) });
  return { status: 'approved', memberId };
}

/** Bind the applicant to an existing entry, in one transaction with the identity and the request. */
async function approveForEntry(ctx: ActionContext, req: BindRequestDoc, entryId: string, reviewer: string): Promise<OrgResponses['reviewBindRequest']> {
  const { db, clock } = ctx.deps;
  const now = new Date(clock.now());
  try {
    await db.runTransaction(async (t: TransactionLike) => {
      const cur = (await t.collection(COLLECTIONS.bindRequests).doc(req._id).get()).data as BindRequestDoc | null;
      if (!cur || cur.status !== 'pending') throw conflict('该申请已处理');
      const entry = (await t.collection(COLLECTIONS.members).doc(entryId).get()).data as BindableEntry | null;
      if (!entry || entry.unitId !== req.unitId) throw notFound('名单中找不到该党员，请驳回这个申请');
      if (entry.openid !== null) throw conflict('该名单已被其他微信绑定，请驳回这个申请');
      const change = bindingChange(entry, req.openid, now);
      await t.collection(COLLECTIONS.identities).add({ data: { ...identityOf({ ...entry, ...change }, req.openid, now) } });
      await t.collection(COLLECTIONS.members).doc(entryId).update({ data: change });
      await t
        .collection(COLLECTIONS.bindRequests)
        .doc(req._id)
        .update({ data: { status: 'approved', memberId: entryId, reviewedAt: now, reviewedBy: reviewer } });
    });
  } catch (err) {
    if (isDuplicateKeyError(err)) throw conflict('申请人已经绑定了其他名单');
    if (isTransactionConflict(err)) throw conflict('该申请正在被处理，请刷新后查看');
    throw err;
  }
  const _ = db.command;
  await updateById(db, COLLECTIONS.units, req.unitId, { boundCount: _.inc(1) });
  return { status: 'approved', memberId: entryId };
}

/**
 * 换绑: the entry's binding moves from its old WeChat to the applicant's, in one transaction with
 * both identity documents and the request (as unbinding and binding would, without the gap). The old
 * account is noted as an unbinding is; a role the entry carried waits for an organiser again.
 */
async function moveBinding(ctx: ActionContext, req: BindRequestDoc, entry: MemberDoc, me: Caller): Promise<OrgResponses['reviewBindRequest']> {
  const { db, clock } = ctx.deps;
  if (entry._id === me._id) throw precondition('不能换绑自己的微信，请联系其他管理员');
  if (entry.role === 'org_admin' && me.role !== 'org_admin') throw forbidden('只有单位管理员可以换绑管理员的微信');
  const now = new Date(clock.now());
  try {
    await db.runTransaction(async (t: TransactionLike) => {
      const cur = (await t.collection(COLLECTIONS.bindRequests).doc(req._id).get()).data as BindRequestDoc | null;
      if (!cur || cur.status !== 'pending') throw conflict('该申请已处理');
      const fresh = (await t.collection(COLLECTIONS.members).doc(entry._id).get()).data as BindableEntry | null;
      if (!fresh || fresh.unitId !== req.unitId || fresh.openid !== entry.openid || !fresh.openid) {
        throw conflict('该党员的绑定刚刚发生了变化，请刷新后重试');
      }
      const change = bindingChange(fresh, req.openid, now);
      await t.collection(COLLECTIONS.identities).doc(fresh.openid).remove();
      await t.collection(COLLECTIONS.identities).add({ data: { ...identityOf({ ...fresh, ...change }, req.openid, now) } });
      await t.collection(COLLECTIONS.members).doc(entry._id).update({
        data: { ...change, lastUnbind: { at: now, by: me._id, reason: '换绑：支部通过了新微信的绑定申请', openid: fresh.openid } },
      });
      await t
        .collection(COLLECTIONS.bindRequests)
        .doc(req._id)
        .update({ data: { status: 'approved', memberId: entry._id, reviewedAt: now, reviewedBy: me._id } });
    });
  } catch (err) {
    if (isDuplicateKeyError(err)) throw conflict('申请人已经绑定了其他名单');
    if (isTransactionConflict(err)) throw conflict('该申请正在被处理，请刷新后查看');
    throw err;
  }
  return { status: 'approved', memberId: entry._id };
}

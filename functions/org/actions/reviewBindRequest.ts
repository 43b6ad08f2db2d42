// reviewBindRequest: an organiser confirms (adding the person to the roster and binding them) or
// turns down a bind request, with the reason the person will read.

import type { OrgResponses } from '../../../core/contracts/org';
import { rosterKey } from '../../../core/domain/org/roster';
import { COLLECTIONS } from '../../lib/collections';
import { getById, isDuplicateKeyError, isTransactionConflict, updateById, updateWhere } from '../../lib/db';
import { conflict, notFound } from '../../lib/errors';
import { identityOf, requireManagedUnit, requireOrganiser } from '../ports';
import type { BindRequestDoc, MemberDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import type { TransactionLike } from '../../lib/db';
import { loadSortKey } from '../sortKey';
import { bindingChange, type BindableEntry } from '../bindGuard';

export async function reviewBindRequest(
  input: { requestId: string; approve: boolean; reason?: string },
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
  if (entryId) return approveForEntry(ctx, req, entryId, me._id);

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

// bindMember: a member claims their roster entry with their name and the branch invite code.
// If the name is not on the roster, the request goes to the branch organisers instead.
// Races (two phones claiming one entry, one phone claiming two) are settled by a transaction
// over the entry and the identity document whose _id is the openid.

import type { BindResult, OrgRequests } from '../../../core/contracts/org';
import { normaliseName } from '../../../core/domain/text';
import { COLLECTIONS } from '../../lib/collections';
import { getById, isDuplicateKeyError, isTransactionConflict, list, updateById, type TransactionLike } from '../../lib/db';
import { conflict, notFound, precondition } from '../../lib/errors';
import { findCaller, identityOf } from '../ports';
import type { BindRequestDoc, InviteCodeDoc, MemberDoc, UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import { getMe } from './getMe';

type Input = Required<Pick<OrgRequests['bindMember'], 'name' | 'inviteCode'>> & { phoneTail?: string };

const ALREADY_TAKEN = '该名单已被其他微信绑定。如需更换微信，请联系支部管理员解除原绑定';

export async function bindMember(input: Input, ctx: ActionContext): Promise<BindResult> {
  const { db, ids, clock } = ctx.deps;
  if (await findCaller(db, ctx.openid)) throw conflict('您已经绑定了党支部，无需重复绑定');

  const code = await getById<InviteCodeDoc>(db, COLLECTIONS.inviteCodes, input.inviteCode);
  const unit = code ? await getById<UnitDoc>(db, COLLECTIONS.units, code.unitId) : null;
  if (!code || !unit) throw notFound('邀请码不正确，请向支部管理员确认');

  const name = normaliseName(input.name);
  const sameName = await list<MemberDoc>(
    db.collection(COLLECTIONS.members).where({ unitId: unit._id, name }).limit(20),
  );
  const candidates = input.phoneTail ? sameName.filter((m) => m.phone?.endsWith(input.phoneTail as string)) : sameName;
  const free = candidates.filter((m) => m.openid === null);

  if (candidates.length === 0) {
    if (sameName.length > 0 && input.phoneTail) throw precondition('手机号后四位与名单不一致，请核对或联系支部管理员');
    // Not on the roster: ask the branch. One request per openid; a new one replaces an old one.
    const now = new Date(clock.now());
    const request: Omit<BindRequestDoc, '_id'> = {
      openid: ctx.openid,
      name,
      phoneTail: input.phoneTail ?? null,
      unitId: unit._id,
      orgId: unit.orgId,
      status: 'pending',
      reason: null,
      memberId: null,
      createdAt: now,
      reviewedAt: null,
      reviewedBy: null,
    };
    await db.collection(COLLECTIONS.bindRequests).doc(ids.derive('r', ctx.openid)).set({ data: request });
    return { status: 'pending', unitName: unit.name };
  }
  if (free.length === 0) throw conflict(ALREADY_TAKEN);
  if (free.length > 1) throw precondition('支部里有同名党员，请填写手机号后四位');

  await claimEntry(ctx, free[0]._id, unit._id);
  // Best effort after the commit: the counter is advisory (shown to organisers) and one atomic
  // increment; a pending request of this openid is settled so it leaves the organisers' queue.
  const _ = db.command;
  await updateById(db, COLLECTIONS.units, unit._id, { boundCount: _.inc(1) });
  await db
    .collection(COLLECTIONS.bindRequests)
    .where({ _id: ids.derive('r', ctx.openid), status: 'pending' })
    .update({ data: { status: 'approved', memberId: free[0]._id, reviewedAt: new Date(clock.now()) } });
  return { status: 'bound', me: await getMe({}, ctx) };
}

/** The transaction that binds `memberId` to the caller; CONFLICT if anyone got there first. */
export async function claimEntry(ctx: ActionContext, memberId: string, unitId: string): Promise<void> {
  const { db, clock } = ctx.deps;
  const openid = ctx.openid;
  try {
    await db.runTransaction(async (t: TransactionLike) => {
      const res = await t.collection(COLLECTIONS.members).doc(memberId).get();
      const entry = res.data as MemberDoc | null;
      if (!entry || entry.unitId !== unitId) throw notFound('名单中找不到该党员');
      if (entry.openid !== null) throw conflict(ALREADY_TAKEN);
      const now = new Date(clock.now());
      // Name and invite code are shared knowledge: they bind a member, never a role. A role the
      // entry carried waits (heldRole) until an organiser appoints the bound member.
      const held = entry.role !== 'member' || entry.manages.length > 0 ? { role: entry.role, manages: entry.manages } : null;
      const change = held ? { openid, boundAt: now, updatedAt: now, role: 'member' as const, manages: [], heldRole: held } : { openid, boundAt: now, updatedAt: now };
      const bound: MemberDoc = { ...entry, ...change };
      await t.collection(COLLECTIONS.identities).add({ data: { ...identityOf(bound, openid, now) } });
      await t.collection(COLLECTIONS.members).doc(memberId).update({ data: change });
    });
  } catch (err) {
    if (isDuplicateKeyError(err)) throw conflict('您已经绑定了党支部，无需重复绑定');
    if (isTransactionConflict(err)) throw conflict(ALREADY_TAKEN);
    throw err;
  }
}

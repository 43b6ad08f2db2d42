// bindMember: a member claims their roster entry with their name and the branch invite code
// (and the last four digits of their phone when the branch has two entries of that name).
// Races (two phones claiming one entry, one phone claiming two) are settled by a transaction
// over the entry and the identity document whose _id is the openid.
//
// The answers leak nothing a caller could not already see (issue 14, item 4):
// - a wrong invite code says so (NOT_FOUND): it tells nothing about the roster;
// - with the right code, a name that is not on the roster, an entry already bound, a wrong phone
//   tail and an entry locked by wrong tails all answer the same way: a bind request goes to the
//   branch organisers ({ status: 'pending' }), which is also what such a member should do next;
// - the one answer kept apart: two unbound entries share the name and no tail was given (it asks
//   for the tail; it cannot tell a tail or whether anyone is bound).
// Secrets are limited per openid: a token is taken before the code is checked and given back when
// the guess was right, so only wrong codes and tails count, and concurrent guesses cannot get more
// than the limit checked.

import type { BindResult, OrgRequests } from '../../../core/contracts/org';
import { normaliseName } from '../../../core/domain/text';
import { COLLECTIONS } from '../../lib/collections';
import { getById, isDuplicateKeyError, isTransactionConflict, list, updateById, type TransactionLike } from '../../lib/db';
import { conflict, notFound, precondition } from '../../lib/errors';
import { consume, refund } from '../../lib/rateLimit';
import { findCaller, identityOf } from '../ports';
import type { BindRequestDoc, InviteCodeDoc, MemberDoc, UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import { BIND_GUESSES, BIND_TEXT, bindingChange, needsOrganiser, recordTailMiss, type BindableEntry } from '../bindGuard';
import { getMe } from './getMe';

type Input = Required<Pick<OrgRequests['bindMember'], 'name' | 'inviteCode'>> & { phoneTail?: string };

/** Thrown inside the transaction when the entry is bound already: the caller gets the uniform answer. */
class EntryTaken extends Error {}

export async function bindMember(input: Input, ctx: ActionContext): Promise<BindResult> {
  const { db, ids, clock } = ctx.deps;
  if (await findCaller(db, ctx.openid)) throw conflict(BIND_TEXT.alreadyBound);
  const now = clock.now();
  await consume(db, BIND_GUESSES, ctx.openid, now);

  const code = await getById<InviteCodeDoc>(db, COLLECTIONS.inviteCodes, input.inviteCode);
  const unit = code ? await getById<UnitDoc>(db, COLLECTIONS.units, code.unitId) : null;
  if (!code || !unit) throw notFound(BIND_TEXT.wrongCode);

  const name = normaliseName(input.name);
  const tail = input.phoneTail ?? null;
  const sameName = await list<BindableEntry>(
    db.collection(COLLECTIONS.members).where({ unitId: unit._id, name }).limit(20),
  );
  const free = sameName.filter((m) => m.openid === null);
  const matching = tail ? free.filter((m) => m.phone?.endsWith(tail)) : free;

  if (!tail && matching.length > 1) {
    await refund(db, BIND_GUESSES, ctx.openid, now);
    throw precondition(BIND_TEXT.sameName);
  }
  // The code (and the tail, if given) was right: the token goes back, whoever wins a race; the
  // loser of a race for the entry is answered like any bound entry.
  let claimed = false;
  let refunded = false;
  if (matching.length === 1 && !needsOrganiser(matching[0])) {
    try {
      claimed = await claimEntry(ctx, matching[0]._id, unit._id);
    } finally {
      await refund(db, BIND_GUESSES, ctx.openid, now);
      refunded = true;
    }
  }
  if (claimed) {
    // Best effort after the commit: the counter is advisory (shown to organisers) and one atomic
    // increment; a pending request of this openid is settled so it leaves the organisers' queue.
    const _ = db.command;
    await updateById(db, COLLECTIONS.units, unit._id, { boundCount: _.inc(1) });
    await db
      .collection(COLLECTIONS.bindRequests)
      .where({ _id: ids.derive('r', ctx.openid), status: 'pending' })
      .update({ data: { status: 'approved', memberId: matching[0]._id, reviewedAt: new Date(now) } });
    return { status: 'bound', me: await getMe({}, ctx) };
  }

  // Every other case answers alike: the branch organisers decide. A tail given here keeps its
  // token (right or wrong alike, or the count would tell them apart); a wrong one also counts
  // against each unbound entry of the name, which then binds only through an organiser.
  if (!tail && !refunded) await refund(db, BIND_GUESSES, ctx.openid, now);
  if (tail && matching.length === 0) await recordTailMiss(db, free.map((m) => m._id));
  // One request per openid; a new one replaces an old one. `entryId`: the entry it would bind,
  // when the name (and tail) point at one that waits for an organiser after too many wrong tails.
  const request: Omit<BindRequestDoc, '_id'> & { entryId: string | null } = {
    openid: ctx.openid,
    name,
    phoneTail: tail,
    unitId: unit._id,
    orgId: unit.orgId,
    status: 'pending',
    reason: null,
    memberId: null,
    entryId: matching.length === 1 && needsOrganiser(matching[0]) ? matching[0]._id : null,
    createdAt: new Date(now),
    reviewedAt: null,
    reviewedBy: null,
  };
  await db.collection(COLLECTIONS.bindRequests).doc(ids.derive('r', ctx.openid)).set({ data: request });
  return { status: 'pending', unitName: unit.name };
}

/** The transaction that binds `memberId` to the caller; false if another openid got there first. */
async function claimEntry(ctx: ActionContext, memberId: string, unitId: string): Promise<boolean> {
  const { db, clock } = ctx.deps;
  const openid = ctx.openid;
  try {
    await db.runTransaction(async (t: TransactionLike) => {
      const res = await t.collection(COLLECTIONS.members).doc(memberId).get();
      const entry = res.data as MemberDoc | null;
      if (!entry || entry.unitId !== unitId) throw notFound('名单中找不到该党员');
      if (entry.openid !== null) throw new EntryTaken('entry bound');
      const now = new Date(clock.now());
      const change = bindingChange(entry, openid, now);
      const bound: MemberDoc = { ...entry, ...change };
      await t.collection(COLLECTIONS.identities).add({ data: { ...identityOf(bound, openid, now) } });
      await t.collection(COLLECTIONS.members).doc(memberId).update({ data: change });
    });
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) throw conflict(BIND_TEXT.alreadyBound);
    if (isTransactionConflict(err) || err instanceof EntryTaken) return false;
    throw err;
  }
}

// revokeWebKey: an organiser signs a member out of the web (a lost or shared computer): the web
// key comes off the member's identity and an unused code is voided. The member signs in again
// with a new code.

import type { OrgResponses } from '../../../core/contracts/org';
import { COLLECTIONS } from '../../lib/collections';
import { isTransactionConflict, type TransactionLike } from '../../lib/db';
import { conflict } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireWebTarget, type WebIdentity, type WebKeyDoc } from '../webSignIn';

export async function revokeWebKey(input: { memberId: string }, ctx: ActionContext): Promise<OrgResponses['revokeWebKey']> {
  const { target } = await requireWebTarget(ctx, input.memberId);
  const openid = target.openid;
  if (!openid) return { memberId: target._id, revoked: false };
  let revoked = false;
  try {
    await ctx.deps.db.runTransaction(async (t: TransactionLike) => {
      const identity = (await t.collection(COLLECTIONS.identities).doc(openid).get()).data as WebIdentity | null;
      if (!identity || identity.memberId !== target._id) return;
      const uid = identity.webUid ?? null;
      revoked = uid !== null;
      if (uid) {
        const keyDoc = (await t.collection(COLLECTIONS.webKeys).doc(uid).get()).data as WebKeyDoc | null;
        if (keyDoc?.openid === openid) await t.collection(COLLECTIONS.webKeys).doc(uid).remove();
      }
      if (uid || identity.webCodeId) await t.collection(COLLECTIONS.identities).doc(openid).update({ data: { webUid: null, webCodeId: null } });
    });
  } catch (err) {
    if (isTransactionConflict(err)) throw conflict('该党员的网页登录刚刚发生了变化，请重试');
    throw err;
  }
  return { memberId: target._id, revoked };
}

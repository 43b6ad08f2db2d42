// redeemWebCode: a web caller signs in with a member's one-time code. In one transaction the code
// is consumed and the caller's uid becomes the member's web key (identities.webUid), replacing an
// earlier one: one web key per member, one member per uid (webKeys/<uid>). Guesses are limited as
// binding's are, per uid and per code; a token goes back only when the code was right, so wrong,
// expired and used codes all count. Before it succeeds the caller learns nothing of the roster.

import type { OrgResponses } from '../../../core/contracts/org';
import { COLLECTIONS } from '../../lib/collections';
import { isTransactionConflict, type TransactionLike } from '../../lib/db';
import { conflict, notFound, precondition } from '../../lib/errors';
import { consume, hashKey, refund } from '../../lib/rateLimit';
import type { ActionContext } from '../../lib/router';
import { dropWebKey, WEB_CODE_GUESSES, WEB_CODE_TRIES, WEB_TEXT, webCodeId, type WebCodeDoc, type WebIdentity, type WebKeyDoc } from '../webSignIn';
import { getMe } from './getMe';

export async function redeemWebCode(input: { code: string }, ctx: ActionContext): Promise<OrgResponses['redeemWebCode']> {
  const { db, clock } = ctx.deps;
  if (ctx.caller?.kind !== 'web') throw precondition(WEB_TEXT.webOnly);
  const uid = ctx.caller.uid;
  const now = clock.now();
  const id = webCodeId(input.code);
  await consume(db, WEB_CODE_GUESSES, uid, now);
  try {
    await consume(db, WEB_CODE_TRIES, id, now);
  } catch (err) {
    await refund(db, WEB_CODE_GUESSES, uid, now);
    throw err;
  }

  let openid = '';
  try {
    await db.runTransaction(async (t: TransactionLike) => {
      const code = (await t.collection(COLLECTIONS.webCodes).doc(id).get()).data as WebCodeDoc | null;
      if (!code) throw notFound(WEB_TEXT.wrong);
      if (code.usedAt !== null) throw precondition(WEB_TEXT.used);
      if (new Date(code.expiresAt).getTime() <= now) throw precondition(WEB_TEXT.expired);
      const identity = (await t.collection(COLLECTIONS.identities).doc(code.openid).get()).data as WebIdentity | null;
      if (!identity || identity.memberId !== code.memberId) throw precondition(WEB_TEXT.gone);
      if (identity.webCodeId !== id) throw precondition(WEB_TEXT.voided);
      const at = new Date(now);
      // The uid leaves any other identity; the member's earlier web key (another browser) ends.
      const mine = ((await t.collection(COLLECTIONS.webKeys).doc(uid).get()).data as WebKeyDoc | null)?.openid === code.openid;
      if (!mine) await dropWebKey(t, uid);
      if (identity.webUid && identity.webUid !== uid) {
        const earlier = (await t.collection(COLLECTIONS.webKeys).doc(identity.webUid).get()).data as WebKeyDoc | null;
        if (earlier) await t.collection(COLLECTIONS.webKeys).doc(identity.webUid).remove();
      }
      const keyDoc: Omit<WebKeyDoc, '_id'> = { openid: code.openid, memberId: code.memberId, at };
      await t.collection(COLLECTIONS.webKeys).doc(uid).set({ data: keyDoc });
      await t.collection(COLLECTIONS.identities).doc(code.openid).update({ data: { webUid: uid, webCodeId: null, webSignedInAt: at } });
      await t.collection(COLLECTIONS.webCodes).doc(id).update({ data: { usedAt: at, usedBy: hashKey(uid) } });
      openid = code.openid;
    });
  } catch (err) {
    // The loser of two redeems of one code: the winner used it.
    if (isTransactionConflict(err)) throw conflict(WEB_TEXT.used);
    throw err;
  }
  // The code was right: its tokens go back.
  await refund(db, WEB_CODE_GUESSES, uid, now);
  await refund(db, WEB_CODE_TRIES, id, now);
  return { me: await getMe({}, { ...ctx, openid }) };
}

// signOutWeb: a web caller signs out: their uid comes off the member's identity (the web key), so
// the browser is nobody again until another code is redeemed. Signing out twice is no error.

import type { OrgResponses } from '../../../core/contracts/org';
import { COLLECTIONS } from '../../lib/collections';
import { isTransactionConflict, type TransactionLike } from '../../lib/db';
import { conflict, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { dropWebKey, WEB_TEXT, type WebIdentity } from '../webSignIn';

export async function signOutWeb(_input: Record<string, never>, ctx: ActionContext): Promise<OrgResponses['signOutWeb']> {
  if (ctx.caller?.kind !== 'web') throw precondition(WEB_TEXT.webOnly);
  const uid = ctx.caller.uid;
  const openid = ctx.openid;
  let signedOut = false;
  try {
    await ctx.deps.db.runTransaction(async (t: TransactionLike) => {
      signedOut = await dropWebKey(t, uid);
      // The identity the router found for this uid (the key document is the rule, this the belt).
      if (openid) {
        const identity = (await t.collection(COLLECTIONS.identities).doc(openid).get()).data as WebIdentity | null;
        if (identity?.webUid === uid) {
          await t.collection(COLLECTIONS.identities).doc(openid).update({ data: { webUid: null } });
          signedOut = true;
        }
      }
    });
  } catch (err) {
    if (isTransactionConflict(err)) throw conflict('请稍后重试');
    throw err;
  }
  return { signedOut };
}

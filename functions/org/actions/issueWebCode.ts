// issueWebCode: a one-time web sign-in code (网页登录码) for a bound member — their own, from the
// mini-program's 我的, or one an organiser issues from the member's page in 管理后台. Shown once;
// only its keyed hash is stored (functions/org/webSignIn.ts). A new code voids the previous one.

import type { OrgResponses } from '../../../core/contracts/org';
import { COLLECTIONS } from '../../lib/collections';
import { isTransactionConflict, type TransactionLike } from '../../lib/db';
import { conflict, precondition } from '../../lib/errors';
import { consume } from '../../lib/rateLimit';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../ports';
import { newWebCode, requireWebTarget, WEB_CODE_ISSUES, WEB_CODE_TTL_MS, WEB_TEXT, webCodeId, type WebCodeDoc, type WebIdentity } from '../webSignIn';

/** Fresh codes tried when one collides with a live code of another member (10^8 codes: almost never twice). */
const ATTEMPTS = 5;

export async function issueWebCode(input: { memberId?: string }, ctx: ActionContext): Promise<OrgResponses['issueWebCode']> {
  const { db, clock } = ctx.deps;
  const { me: self, target } = input.memberId === undefined ? { me: await requireMember(ctx), target: null } : await requireWebTarget(ctx, input.memberId);
  const own = target === null || target._id === self._id;
  // One's own code only where WeChat vouches for the caller: a web session cannot extend itself.
  if (own && ctx.caller?.kind !== 'wechat') throw precondition(WEB_TEXT.selfInApp);
  const memberId = own ? self._id : target._id;
  const name = own ? self.name : target.name;
  const openid = own ? ctx.openid : target.openid;
  if (!openid) throw precondition(WEB_TEXT.unbound);
  const now = clock.now();
  await consume(db, WEB_CODE_ISSUES, self._id, now);

  const boundOpenid = openid;
  let issued = '';
  try {
    await db.runTransaction(async (t: TransactionLike) => {
      const identity = (await t.collection(COLLECTIONS.identities).doc(boundOpenid).get()).data as WebIdentity | null;
      if (!identity || identity.memberId !== memberId) throw precondition(WEB_TEXT.unbound);
      for (let i = 0; i < ATTEMPTS; i += 1) {
        const code = newWebCode();
        const id = webCodeId(code);
        const old = (await t.collection(COLLECTIONS.webCodes).doc(id).get()).data as WebCodeDoc | null;
        // Another member's live code has these digits: draw again (a spent or expired one is replaced).
        if (old && old.usedAt === null && new Date(old.expiresAt).getTime() > now && old.memberId !== memberId) continue;
        const doc: Omit<WebCodeDoc, '_id'> = {
          memberId,
          openid: boundOpenid,
          orgId: identity.orgId,
          issuedBy: self._id,
          createdAt: new Date(now),
          expiresAt: new Date(now + WEB_CODE_TTL_MS),
          usedAt: null,
        };
        await t.collection(COLLECTIONS.webCodes).doc(id).set({ data: doc });
        await t.collection(COLLECTIONS.identities).doc(boundOpenid).update({ data: { webCodeId: id } });
        issued = code;
        return;
      }
      throw conflict('暂时无法生成登录码，请稍后重试');
    });
  } catch (err) {
    if (isTransactionConflict(err)) throw conflict('刚刚已经发了登录码，请稍后重试');
    throw err;
  }
  return { code: issued, expiresAt: now + WEB_CODE_TTL_MS, name };
}

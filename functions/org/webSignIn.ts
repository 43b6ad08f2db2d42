// Web sign-in (docs/WEB-APP.md): a bound member's one-time code (网页登录码) puts a web caller's
// CloudBase uid on the member's identity as its web key (identities.webUid); the router then runs
// that caller's calls as the member's openid. Shared by org.issueWebCode, org.redeemWebCode,
// org.signOutWeb and org.revokeWebKey.
//
// - A code is 8 digits, valid 24 hours, used once, shown once. Stored only as a keyed hash, which
//   is the document's _id: two redeems of one code race on one document, in a transaction.
// - identities.webCodeId points at the member's live code: issuing a new one voids the old (the
//   pointer moves), and a revoke or a redeem clears it.
// - webKeys/<uid> says which identity a uid is on, so no uid is ever on two identities (every
//   write of a web key reads and writes it in the same transaction).

import { createHmac, randomInt } from 'node:crypto';
import { COLLECTIONS } from '../lib/collections';
import { getById, type TransactionLike } from '../lib/db';
import { forbidden, notFound } from '../lib/errors';
import type { IdentityDoc, MemberDoc } from '../lib/model';
import { DAY_MS, MINUTE_MS, type LimitRule } from '../lib/rateLimit';
import type { ActionContext } from '../lib/router';
import { requireManagedUnit, requireOrganiser, type Caller } from './ports';

/** How long a code may be redeemed. */
export const WEB_CODE_TTL_MS = DAY_MS;
export const WEB_CODE_DIGITS = 8;

/** Wrong, expired or used codes per web uid: the binding limit (bindGuard.ts BIND_GUESSES). */
export const WEB_CODE_GUESSES: LimitRule = { scope: 'webcode', limit: 5, windowMs: 10 * MINUTE_MS, kind: 'attempts', freshFirst: true };
/** The same per code, from any uids: one code cannot be tried from many browsers. */
export const WEB_CODE_TRIES: LimitRule = { scope: 'webcode-code', limit: 5, windowMs: 10 * MINUTE_MS, kind: 'attempts', freshFirst: true };
/** Codes one member issues (for themselves or others) per day. */
export const WEB_CODE_ISSUES: LimitRule = { scope: 'webcode-issue', limit: 50, windowMs: DAY_MS, kind: 'writes' };

export const WEB_TEXT = {
  wrong: '网页登录码不正确，请核对后重新输入',
  expired: '这个网页登录码已过期（有效期24小时），请重新获取',
  used: '这个网页登录码已经用过了，每个登录码只能用一次，请重新获取',
  voided: '这个网页登录码已作废（已经发了新的登录码），请使用最新的登录码',
  gone: '这个网页登录码已失效，请重新获取',
  webOnly: '网页登录码请在网页上输入',
  selfInApp: '请在小程序「我的 → 网页登录码」获取自己的登录码，或请组织管理员发给您',
  unbound: '该党员还没有绑定微信，绑定后才能发网页登录码',
} as const;

/** An identity with its web fields (absent on identities that never had them). */
export type WebIdentity = IdentityDoc & { webUid?: string | null; webCodeId?: string | null; webSignedInAt?: Date | null };

export interface WebCodeDoc {
  _id: string;
  memberId: string;
  /** The identity the code signs in to (identities/<openid>). */
  openid: string;
  orgId: string;
  /** Who issued it (a member id: the member or their organiser). */
  issuedBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface WebKeyDoc {
  _id: string;
  openid: string;
  memberId: string;
  at: Date;
}

/** The hash key: WEB_CODE_KEY in the function's environment (a fixed fallback still hides nothing an attacker with the database lacks). */
function key(): string {
  return process.env.WEB_CODE_KEY || process.env.UPLOAD_TICKET_KEY || 'dangjian-web-code-v1';
}

/** A code's document id: a keyed hash, never the code. */
export function webCodeId(code: string): string {
  return `wc${createHmac('sha256', key()).update(code).digest('hex').slice(0, 40)}`;
}

export function newWebCode(): string {
  return String(randomInt(0, 10 ** WEB_CODE_DIGITS)).padStart(WEB_CODE_DIGITS, '0');
}

/**
 * The member an organiser may issue a code for (or revoke the web key of): in their subtrees, and
 * an organiser's or admin's only by an org admin (a code shown to its issuer lets them act as its
 * member, so no one gets a code for more rights than their own).
 */
export async function requireWebTarget(ctx: ActionContext, memberId: string): Promise<{ me: Caller; target: MemberDoc }> {
  const { db } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const target = await getById<MemberDoc>(db, COLLECTIONS.members, memberId);
  if (!target || target.orgId !== me.orgId) throw notFound('找不到该党员');
  await requireManagedUnit(db, me, target.unitId);
  if (target.role !== 'member' && target._id !== me._id && me.role !== 'org_admin') throw forbidden('只有单位管理员可以为管理员发网页登录码');
  return { me, target };
}

/** Inside a transaction: take `uid` off whatever identity webKeys/<uid> says it is on, and drop the key. */
export async function dropWebKey(t: TransactionLike, uid: string): Promise<boolean> {
  const keyDoc = (await t.collection(COLLECTIONS.webKeys).doc(uid).get()).data as WebKeyDoc | null;
  if (!keyDoc) return false;
  const holder = (await t.collection(COLLECTIONS.identities).doc(keyDoc.openid).get()).data as WebIdentity | null;
  if (holder && holder.webUid === uid) await t.collection(COLLECTIONS.identities).doc(keyDoc.openid).update({ data: { webUid: null } });
  await t.collection(COLLECTIONS.webKeys).doc(uid).remove();
  return true;
}

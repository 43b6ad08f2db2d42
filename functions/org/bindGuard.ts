// What binding guards (issue 14, item 4): the invite code and the phone tail are secrets a caller
// guesses, so guesses are limited per openid; a roster entry whose phone tail was guessed wrong
// too often binds only through an organiser. Never a limit on a branch: thirty members binding
// at a meeting each spend their own openid's tokens.

import { COLLECTIONS } from '../lib/collections';
import { updateWhere, type Database } from '../lib/db';
import type { MemberDoc } from '../lib/model';
import { MINUTE_MS, type LimitRule } from '../lib/rateLimit';

/** Wrong invite codes or phone tails per openid: 5 in a 10-minute window. */
export const BIND_GUESSES: LimitRule = { scope: 'bind', limit: 5, windowMs: 10 * MINUTE_MS, kind: 'attempts', freshFirst: true };

/** Wrong phone tails on one entry, from any openids at any time, after which an organiser confirms its binding. */
export const ENTRY_TAIL_MISSES = 5;

/** A roster entry as binding reads it: `tailMisses` counts wrong phone tails given for it. */
export type BindableEntry = MemberDoc & { tailMisses?: number };

export function needsOrganiser(entry: BindableEntry): boolean {
  return (entry.tailMisses ?? 0) >= ENTRY_TAIL_MISSES;
}

/** One wrong phone tail against each of these entries (one conditional write, whatever their number). */
export async function recordTailMiss(db: Database, entryIds: string[]): Promise<void> {
  if (entryIds.length === 0) return;
  const _ = db.command;
  await updateWhere(db.collection(COLLECTIONS.members).where({ _id: _.in(entryIds), openid: null }), { tailMisses: _.inc(1) });
}

/**
 * What binding writes on an entry. Name and invite code are shared knowledge: they bind a member,
 * never a role; a role the entry carried waits (heldRole) until an organiser appoints the bound
 * member. The wrong-tail count starts again, as the entry now has its owner.
 */
export function bindingChange(entry: BindableEntry, openid: string, now: Date) {
  const base = { openid, boundAt: now, updatedAt: now, tailMisses: 0 };
  const held = entry.role !== 'member' || entry.manages.length > 0 ? { role: entry.role, manages: entry.manages } : null;
  return held ? { ...base, role: 'member' as const, manages: [] as string[], heldRole: held } : base;
}

/** The bind error messages, kept in one place so the uniform answers stay uniform. */
export const BIND_TEXT = {
  wrongCode: '邀请码不正确，请核对后再试，或向支部管理员确认',
  sameName: '支部里有同名党员，请填写手机号后四位',
  alreadyBound: '您已经绑定了党支部，无需重复绑定',
} as const;

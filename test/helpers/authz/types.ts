// The authorisation matrix's vocabulary: the six callers, who may run an action, and one row per
// action (test/integration/authz-matrix.test.ts runs every row against every caller).

import type { ContextName } from '../../../core/contracts';
import type { ErrorCode } from '../../../core/envelope';
import type { Fixture } from './fixture';

/**
 * The six kinds of caller (the organiser of A's subtree twice: A's own, and one of a unit above A),
 * and the admin of another organisation. Branch A is 离退休干部党支部 (br-retired), the branch
 * every target object belongs to; branch B is 实验中学党支部 (br-school). All from the seeded demo
 * roster but the foreign admin (seeded by the fixture: no action creates an organisation).
 */
export const CALLERS = {
  /** Never bound; each action gets its own openid so one row's binding cannot leak into another. */
  unknown: null,
  /** 王秀英, member of A. */
  member: 'demo-member',
  /** 马俊, member of B. */
  otherMember: 'demo-m-12',
  /** 李强, organiser of B's subtree, not A's. */
  otherOrganiser: 'demo-organiser',
  /** 宋德明, organiser of A (the target's subtree); also a member of A, so a taker of A's exams. */
  organiser: 'demo-m-22',
  /** 陈静, moved into a committee the fixture puts above A and appointed its organiser: A's subtree seen from above. */
  upperOrganiser: 'demo-m-03',
  /** 张伟, org admin, member of 机关第一党支部 (neither A nor B). */
  admin: 'demo-admin',
  /** The org admin of a second organisation: refused on everything of A's, answered about their own. */
  foreignAdmin: 'authz-foreign-admin',
} as const;

export type CallerKey = keyof typeof CALLERS;
export const CALLER_KEYS = Object.keys(CALLERS) as CallerKey[];

export const MEMBER_IDS = {
  member: 'demo-member-21',
  otherMember: 'demo-member-12',
  otherOrganiser: 'demo-member-11',
  organiser: 'demo-member-22',
  upperOrganiser: 'demo-member-03',
  admin: 'demo-member-01',
} as const;
export const FOREIGN_ORG = 'org-authz-foreign';

export function openidOf(caller: CallerKey, context: ContextName, action: string): string {
  return CALLERS[caller] ?? `authz-unknown-${context}-${action}`;
}

/**
 * Who may run an action on A's objects:
 * - unknown-ok: everyone, unbound openids included (getMe);
 * - unbound-only: only an openid not bound yet (bindMember; bound callers are refused);
 * - anyone-bound: every bound member of the organisation (their own data, the org-wide feed);
 * - audience: members of the target's audience, i.e. branch A (its member and its organiser);
 * - self: only the member who owns the target (A's member: their attempt);
 * - any-organiser: every organiser and the org admin (org-wide lists and the shared bank);
 * - organiser-of-target: the organisers of A's subtree (A's own, the one above) and the org admin;
 * - author-or-admin: the organiser who created the target (A's own, for every fixture object) and
 *   the org admin, not other organisers of its subtree (events and challenges are changed so);
 * - org-admin: the org admin only.
 */
export type Who = 'unknown-ok' | 'unbound-only' | 'anyone-bound' | 'audience' | 'self' | 'any-organiser' | 'organiser-of-target' | 'author-or-admin' | 'org-admin';

export const PERMITTED: Record<Who, readonly CallerKey[]> = {
  'unknown-ok': ['unknown', 'member', 'otherMember', 'otherOrganiser', 'organiser', 'upperOrganiser', 'admin'],
  'unbound-only': ['unknown'],
  'anyone-bound': ['member', 'otherMember', 'otherOrganiser', 'organiser', 'upperOrganiser', 'admin'],
  audience: ['member', 'organiser'],
  self: ['member'],
  'any-organiser': ['otherOrganiser', 'organiser', 'upperOrganiser', 'admin'],
  'organiser-of-target': ['organiser', 'upperOrganiser', 'admin'],
  'author-or-admin': ['organiser', 'admin'],
  'org-admin': ['admin'],
};

/** The callers that may run a row's action; the foreign admin only on their own organisation. */
export function permittedFor(row: Pick<Row, 'who' | 'ownOrg'>): readonly CallerKey[] {
  const base = PERMITTED[row.who];
  const foreign = row.who === 'unknown-ok' || (row.ownOrg === true && base.includes('admin'));
  return foreign ? [...base, 'foreignAdmin'] : base;
}

/** What a refused caller may be told: not signed in, not allowed, or "no such thing" (hides existence). */
export const DENIED_CODES: readonly ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'];

/** Who asks: one of the six callers, or 'denied' for the payload shared by every refused caller. */
export type PayloadFor = CallerKey | 'denied';

export interface Row {
  who: Who;
  /**
   * The payload aimed at A's objects (default `{}`), built once for the refused callers together
   * and again for each permitted caller, so one caller's success cannot change another's outcome:
   * factories for state-changing actions create their own object through the actions each time.
   */
  payload?: (fx: Fixture, as: PayloadFor, openid: string) => unknown;
  /** Domain refusals (not authorisation ones) that still count as "allowed", e.g. FAILED_PRECONDITION for a state rule. */
  allowed?: readonly ErrorCode[];
  /** Codes a refused caller may get besides DENIED_CODES (e.g. CONFLICT: "you are already bound"). */
  denied?: readonly ErrorCode[];
  /**
   * The action aims at nothing of A's: it reads or writes the caller's own organisation (lists, the
   * bank, settings, their own check-ins), so the foreign admin may run it where an org admin may.
   */
  ownOrg?: boolean;
  /** The answer is A's member's own released review (answer keys expected in it). */
  ownReview?: boolean;
  /** Today's code lets through someone the rule refuses: the row keeps the rule, the test expects the failure. */
  knownHole?: string;
}

export type Table = Record<string, Row>;
export type Tables = Record<ContextName, Table>;

// Stored document shapes of the organisation context. Server-only: these never reach a client
// as they are; actions map them to the contract's response types.

import type { MemberCategory, Role } from '../../core/domain/org/roles';
import type { AnyUnitKind } from '../../core/domain/org/units';

/**
 * A node of the organisation tree, of any depth: the organisation itself (root, kind 'org') or a
 * 党委, 党总支, 党支部, 工作部门… under it. Any unit may hold members of its own.
 */
export interface UnitDoc {
  _id: string;
  kind: AnyUnitKind;
  name: string;
  parentId: string | null;
  /** Ancestors from the root, then the unit itself: "in the subtree of S" is "S on the path". */
  path: string[];
  /** Place among its siblings (ascending), then the name. */
  order: number;
  /** Root of the tree this unit belongs to (the root's own id for the root). */
  orgId: string;
  /** Units below the root. Organisers hand it out; members type it to bind. */
  inviteCode: string | null;
  /** Counters kept by writes, so a unit's size is read in O(1) (rule 9). Its own members only. */
  memberCount: number;
  boundCount: number;
  /** A closed unit is kept with its members and history; it takes no new members or children. */
  status: 'active' | 'closed';
  closedAt: Date | null;
  /** The root only: raised whenever a unit moves, so roll-ups computed under the old tree are known stale. */
  treeVersion?: number;
  createdAt: Date;
  updatedAt?: Date;
}

/**
 * `_id` derives from the parent and the folded name: two siblings cannot share a name, settled by
 * the database (a second insert of the same _id fails), in the same transaction as the unit.
 */
export interface UnitNameDoc {
  _id: string;
  unitId: string;
  orgId: string;
}

/** A roster entry, bound to a WeChat openid once the member claims it. */
export interface MemberDoc {
  _id: string;
  orgId: string;
  unitId: string;
  /** The unit's path (root … unitId), kept in step when the member or a unit above them moves. */
  unitPath: string[];
  name: string;
  /**
   * The roster's listing key (functions/org/sortKey.ts): leaders first (`0:` / `1:`), then the
   * pinyin of the name, then the name. Written wherever an entry is created, renamed or flagged a
   * leader; an entry written before it has none and is read as '' (listed first), never filtered out.
   */
  sortKey: string;
  phone: string | null;
  category: MemberCategory;
  role: Role;
  /** Units whose subtrees a unit organiser manages; empty for members and org admins (whole org). */
  manages: string[];
  /** 领导班子成员: shown first in lists and counted apart ("leaders first"). */
  leader: boolean;
  openid: string | null;
  boundAt: Date | null;
  source: 'import' | 'request' | 'grant' | 'seed';
  /**
   * A role the entry carried when it was bound (an older import, or data from before roles went to
   * bound members only): binding made it a member; an organiser confirms the role by appointing.
   */
  heldRole?: { role: Role; manages: string[] } | null;
  /** The last time an organiser released this entry from a WeChat account, and why (kept for audit). */
  lastUnbind?: { at: Date; by: string; reason: string; openid: string };
  createdAt: Date;
  updatedAt: Date;
}

/**
 * `_id` = openid: one WeChat identity, one roster entry; the database refuses a second.
 * Carries everything an action needs to know about its caller, so "who is calling" is one read
 * (architecture rule 14). Every write that changes one of these fields on the member (role,
 * scopes, unit, leader flag, binding) writes the identity in the same transaction.
 */
export interface IdentityDoc {
  _id: string;
  memberId: string;
  orgId: string;
  unitId: string;
  unitPath: string[];
  name: string;
  category: MemberCategory;
  role: Role;
  manages: string[];
  leader: boolean;
  /** When the entry was bound to this openid, and when the entry was made (check-in make-up rules). */
  boundAt: Date;
  memberCreatedAt: Date;
  /** IDENTITY_VERSION when written; an older document is rebuilt from the member on first use. */
  v: number;
  createdAt: Date;
  updatedAt?: Date;
}

/** `_id` = invite code: codes are unique because ids are. */
export interface InviteCodeDoc {
  _id: string;
  unitId: string;
  orgId: string;
}

/** A member whose name was not on the roster asks the branch to add them. `_id` derives from the openid. */
export interface BindRequestDoc {
  _id: string;
  openid: string;
  name: string;
  phoneTail: string | null;
  unitId: string;
  orgId: string;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
  memberId: string | null;
  createdAt: Date;
  reviewedAt: Date | null;
  reviewedBy: string | null;
}

export interface RosterImportDoc {
  _id: string;
  orgId: string;
  unitId: string | null;
  by: string;
  fileName: string;
  total: number;
  created: number;
  exists: number;
  invalid: number;
  createdAt: Date;
}

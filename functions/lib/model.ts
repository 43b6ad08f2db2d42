// Stored document shapes of the organisation context. Server-only: these never reach a client
// as they are; actions map them to the contract's response types.

import type { MemberCategory, Role } from '../../core/domain/roles';

/** A node of the organisation tree: the organisation itself (root) or a branch under it. */
export interface UnitDoc {
  _id: string;
  kind: 'org' | 'branch';
  name: string;
  parentId: string | null;
  /** Root of the tree this unit belongs to (the root's own id for the root). */
  orgId: string;
  /** Branches only. Organisers hand it out; members type it to bind. */
  inviteCode: string | null;
  /** Counters kept by writes, so a unit's size is read in O(1) (rule 9). */
  memberCount: number;
  boundCount: number;
  createdAt: Date;
}

/** A roster entry, bound to a WeChat openid once the member claims it. */
export interface MemberDoc {
  _id: string;
  orgId: string;
  unitId: string;
  name: string;
  phone: string | null;
  category: MemberCategory;
  role: Role;
  /** Branch ids a branch organiser manages (their own branch unless set otherwise). */
  manages: string[];
  openid: string | null;
  boundAt: Date | null;
  source: 'import' | 'request' | 'grant' | 'seed';
  /** The last time an organiser released this entry from a WeChat account, and why (kept for audit). */
  lastUnbind?: { at: Date; by: string; reason: string; openid: string };
  createdAt: Date;
  updatedAt: Date;
}

/** `_id` = openid: one WeChat identity, one roster entry; the database refuses a second. */
export interface IdentityDoc {
  _id: string;
  memberId: string;
  orgId: string;
  createdAt: Date;
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

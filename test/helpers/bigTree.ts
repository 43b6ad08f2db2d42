// Organisations past the 1,000-unit pages of reads, written straight into the test cloud's store
// (building 1,200 units through the actions would take minutes): the unit documents the org
// context stores, and a Beijing wall-clock instant.

/** The UTC instant of a Beijing wall-clock time on day `d` (YYYY-MM-DD). */
export const beijing = (d: string, hh: number, mm = 0): number => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8, mm);

export interface BigUnit {
  id: string;
  kind: string;
  parentId: string | null;
  path: string[];
  order: number;
  orgId: string;
  /** Members on the roster, all bound. */
  members: number;
  createdAt: Date;
}

/** A unit document as the org context stores it; the root carries the tree's version. */
export function unitDoc(u: BigUnit): Record<string, unknown> {
  return {
    _id: u.id,
    kind: u.kind,
    name: u.id,
    parentId: u.parentId,
    path: u.path,
    order: u.order,
    orgId: u.orgId,
    inviteCode: null,
    memberCount: u.members,
    boundCount: u.members,
    status: 'active',
    closedAt: null,
    treeVersion: u.parentId === null ? 0 : undefined,
    createdAt: u.createdAt,
  };
}

/** 12 committees of 100 branches each under one organisation: 1,213 units, past a page of 1,000. */
export function bigTree(orgId: string) {
  const committees = Array.from({ length: 12 }, (_, c) => `big-c${String(c).padStart(2, '0')}`);
  const branches = committees.flatMap((c) => Array.from({ length: 100 }, (_, b) => ({ id: `${c}-b${String(b).padStart(3, '0')}`, parent: c })));
  /** Writes the organisation, its committees and branches, each with `members` bound members. */
  const insertUnits = (insert: (collection: string, doc: Record<string, unknown>) => unknown, members: number, createdAt: Date): void => {
    const unit = (id: string, kind: string, parentId: string | null, path: string[], order: number) => unitDoc({ id, kind, parentId, path, order, orgId, members, createdAt });
    insert('units', unit(orgId, 'org', null, [orgId], 0));
    committees.forEach((c, i) => insert('units', unit(c, 'committee', orgId, [orgId, c], i)));
    branches.forEach((b, i) => insert('units', unit(b.id, 'branch', b.parent, [orgId, b.parent, b.id], i)));
  };
  return { committees, branches, insertUnits };
}

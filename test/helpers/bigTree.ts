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

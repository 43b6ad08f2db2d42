// Writes to the organisation tree that several actions share: the sibling-name guard, and the
// rewrite of paths below a moved unit. Reads of the tree go through functions/lib/identity.ts.

import { unitNameKey } from '../../core/domain/units';
import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import type { Ids } from '../lib/deps';
import type { UnitDoc } from '../lib/model';

/** `_id` of the guard that keeps a name unique among the children of `parentId`. */
export function unitNameGuardId(ids: Ids, parentId: string, name: string): string {
  return ids.derive('un', `${parentId}|${unitNameKey(name)}`);
}

/** The units below `unitId` (not itself), in one read. */
export async function descendantsOf(db: Database, unit: UnitDoc): Promise<UnitDoc[]> {
  const all = await list<UnitDoc>(db.collection(COLLECTIONS.units).where({ orgId: unit.orgId, path: unit._id }).limit(1000));
  return all.filter((u) => u._id !== unit._id);
}

/**
 * After `unit` got its new path: give every unit below it, and every member and identity of the
 * moved subtree, the path that follows from it. Each new path is computed from where the moved
 * unit's id sits in the old one, so running this again (after a crash half-way) finishes the job
 * and changes nothing twice. One write per unit of the subtree and per collection, not per member.
 */
export async function rewriteSubtreePaths(db: Database, unit: UnitDoc, now: Date): Promise<number> {
  const _ = db.command;
  const below = await descendantsOf(db, unit);
  const rebased = (path: string[]) => [...unit.path, ...path.slice(path.indexOf(unit._id) + 1)];
  const all: Array<{ id: string; path: string[] }> = [
    { id: unit._id, path: unit.path },
    ...below.map((u) => ({ id: u._id, path: rebased(u.path) })),
  ];
  for (const d of below) {
    await db.collection(COLLECTIONS.units).doc(d._id).update({ data: { path: _.set(rebased(d.path)), updatedAt: now } });
  }
  for (const u of all) {
    await db.collection(COLLECTIONS.members).where({ unitId: u.id }).update({ data: { unitPath: _.set(u.path), updatedAt: now } });
    await db.collection(COLLECTIONS.identities).where({ unitId: u.id }).update({ data: { unitPath: _.set(u.path), updatedAt: now } });
  }
  return all.length;
}

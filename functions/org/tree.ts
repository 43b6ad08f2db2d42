// Writes to the organisation tree that several actions share: a new unit with its sibling-name
// guard and invite code, and the rewrite of paths below a moved unit. Reads of the tree go
// through functions/org/ports.ts.

import { unitNameKey, type UnitKind } from '../../core/domain/org/units';
import { COLLECTIONS } from '../lib/collections';
import { getById, isDuplicateKeyError, isTransactionConflict, type Database, type TransactionLike } from '../lib/db';
import type { Ids } from '../lib/deps';
import { conflict } from '../lib/errors';
import { listAllByKey } from '../lib/paging';
import type { UnitDoc, UnitNameDoc } from '../lib/model';
import { newInviteCode } from './inviteCode';

/** `_id` of the guard that keeps a name unique among the children of `parentId`. */
export function unitNameGuardId(ids: Ids, parentId: string, name: string): string {
  return ids.derive('un', `${parentId}|${unitNameKey(name)}`);
}

export interface NewUnit {
  name: string;
  kind: UnitKind;
  order: number;
  createdAt: Date;
}

/** Created, or not written because `parent` already has a child of that name (its id, if still there). */
export type InsertedUnit = { created: true; unit: UnitDoc } | { created: false; unitId: string | null };

/**
 * A new unit under `parent` (createUnit, importUnits). The sibling-name guard, the invite code and
 * the unit are one transaction: a unit is stored whole or not at all, never a unit without its
 * code nor a code or a guard without its unit. The guard settles a name race in the database; an
 * invite code already taken (rare: 32^6 codes) is retried with another one.
 */
export async function insertUnit(deps: { db: Database; ids: Ids }, parent: UnitDoc, input: NewUnit): Promise<InsertedUnit> {
  const { db, ids } = deps;
  const id = ids.random(12);
  const guardId = unitNameGuardId(ids, parent._id, input.name);
  let lastError: unknown = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    const inviteCode = newInviteCode();
    const unit: UnitDoc = {
      _id: id,
      kind: input.kind,
      name: input.name,
      parentId: parent._id,
      path: [...parent.path, id],
      order: input.order,
      orgId: parent.orgId,
      inviteCode,
      memberCount: 0,
      boundCount: 0,
      status: 'active',
      closedAt: null,
      createdAt: input.createdAt,
      updatedAt: input.createdAt,
    };
    try {
      await db.runTransaction(async (t: TransactionLike) => {
        await t.collection(COLLECTIONS.unitNames).add({ data: { _id: guardId, unitId: id, orgId: parent.orgId } });
        await t.collection(COLLECTIONS.inviteCodes).add({ data: { _id: inviteCode, unitId: id, orgId: parent.orgId } });
        await t.collection(COLLECTIONS.units).add({ data: { ...unit } });
      });
      return { created: true, unit };
    } catch (err) {
      if (!isDuplicateKeyError(err) && !isTransactionConflict(err)) throw err;
      lastError = err;
    }
    // CloudBase does not say which _id was taken: the guard tells a sibling's name from a code.
    const guard = await getById<UnitNameDoc>(db, COLLECTIONS.unitNames, guardId);
    if (guard) return { created: false, unitId: guard.unitId };
  }
  if (isTransactionConflict(lastError)) throw conflict(`“${parent.name}”正在被修改，请稍后重试`);
  throw new Error('could not write the unit: every invite code tried was taken');
}

/**
 * The units below `unit` (not itself), all of them: in pages of 1,000 by `_id` (a subtree may pass
 * the 1,000 documents one read returns; a move must rewrite, and its depth check see, every one).
 */
export async function descendantsOf(db: Database, unit: UnitDoc): Promise<UnitDoc[]> {
  const all = await listAllByKey<UnitDoc>(db, COLLECTIONS.units, { orgId: unit.orgId, path: unit._id }, '_id');
  return all.filter((u) => u._id !== unit._id);
}

/** Units rewritten at once (small plans allow 20 to 100 concurrent database requests; each unit is 3 writes). */
const REWRITE_BATCH = 10;

/**
 * After `unit` got its new path: give every unit below it, and every member and identity of the
 * moved subtree, the path that follows from it. Each new path is computed from where the moved
 * unit's id sits in the old one, so running this again (after a crash or the time limit half-way)
 * finishes the job and changes nothing twice: a unit's members and identities are rewritten before
 * the unit itself, so a unit already on its new path is done and skipped. One write per unit of the
 * subtree and per collection, not per member; ten units at a time.
 */
export async function rewriteSubtreePaths(db: Database, unit: UnitDoc, now: Date): Promise<number> {
  const _ = db.command;
  const below = await descendantsOf(db, unit);
  const rebased = (path: string[]) => [...unit.path, ...path.slice(path.indexOf(unit._id) + 1)];
  const samePath = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);
  const rewriteHolders = async (id: string, path: string[]) => {
    await db.collection(COLLECTIONS.members).where({ unitId: id }).update({ data: { unitPath: _.set(path), updatedAt: now } });
    await db.collection(COLLECTIONS.identities).where({ unitId: id }).update({ data: { unitPath: _.set(path), updatedAt: now } });
  };
  // The moved unit's own path was written with the move: its holders are rewritten every time.
  await rewriteHolders(unit._id, unit.path);
  const todo = below.map((u) => ({ id: u._id, old: u.path, path: rebased(u.path) })).filter((u) => !samePath(u.old, u.path));
  for (let i = 0; i < todo.length; i += REWRITE_BATCH) {
    await Promise.all(
      todo.slice(i, i + REWRITE_BATCH).map(async (u) => {
        await rewriteHolders(u.id, u.path);
        await db.collection(COLLECTIONS.units).doc(u.id).update({ data: { path: _.set(u.path), updatedAt: now } });
      }),
    );
  }
  return 1 + below.length;
}

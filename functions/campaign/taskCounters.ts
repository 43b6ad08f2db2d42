// The counters of task lists (docs/CAMPAIGNS.md, "Task lists"): each list and each unit (taskUnits,
// `_id` = the unit's id) keeps `total`, `done` and `openByDeadline`, and a unit its `lists`. Every
// write of an item that changes its status or deadline moves both in the SAME transaction as the
// item, by core/domain/campaign/tasks.ts's counterDelta, so a figure is never ahead of or behind the
// items: ten owners tapping 办结 at once close the item once and count it done once.
//
// A write that loses to a concurrent one (the list's and the unit's documents are shared by their
// items) is run again from a fresh read, after a short random pause, so simultaneous writers take
// turns rather than fail together. The roll-ups read the counters alone, never the items.

import { applyDelta, counterDelta, isZeroDelta, type TaskCounters } from '../../core/domain/campaign/tasks';
import { COLLECTIONS } from '../lib/collections';
import { isTransactionConflict, type Database, type TransactionLike } from '../lib/db';
import { conflict, notFound } from '../lib/errors';
import type { UnitDoc } from '../lib/model';
import type { TaskItemDoc, TaskListDoc, TaskUnitDoc } from './model';

/** Rounds before a writer gives up on a busy list (each waits a little longer, at random). */
const ROUNDS = 40;

const pause = (round: number) => new Promise((resolve) => setTimeout(resolve, 5 + Math.floor(Math.random() * (10 + 5 * Math.min(round, 10)))));

/** Runs `body` in a transaction, again from the start while it loses to a concurrent writer. */
export async function inTransaction<R>(db: Database, body: (t: TransactionLike) => Promise<R>): Promise<R> {
  for (let round = 0; round < ROUNDS; round++) {
    try {
      return (await db.runTransaction(body)) as R;
    } catch (err) {
      if (!isTransactionConflict(err)) throw err;
      await pause(round);
    }
  }
  throw conflict('同时修改的人较多，请稍后重试');
}

function withoutId<T extends { _id: string }>(doc: T): Record<string, unknown> {
  const { _id: _ignored, ...data } = doc;
  return data as Record<string, unknown>;
}

/** The unit's counters moved by `delta` (and `lists` by `lists`), written in the transaction. */
async function moveUnit(t: TransactionLike, unit: UnitDoc, delta: TaskCounters, lists: number, now: Date): Promise<void> {
  const ref = t.collection(COLLECTIONS.taskUnits).doc(unit._id);
  const cur = (await ref.get()).data as TaskUnitDoc | null;
  const next: Omit<TaskUnitDoc, '_id'> = {
    orgId: unit.orgId,
    unitPath: unit.path,
    lists: (cur?.lists ?? 0) + lists,
    ...applyDelta(cur, delta),
    updatedAt: now,
  };
  await ref.set({ data: next as unknown as Record<string, unknown> });
}

/** A new list and its unit's `lists`, in one transaction; `check` sees the unit's counters first (a ceiling). */
export async function insertList(db: Database, list: TaskListDoc, unit: UnitDoc, check: (counters: TaskUnitDoc | null) => void): Promise<void> {
  await inTransaction(db, async (t) => {
    check((await t.collection(COLLECTIONS.taskUnits).doc(unit._id).get()).data as TaskUnitDoc | null);
    await t.collection(COLLECTIONS.taskLists).doc(list._id).set({ data: withoutId(list) });
    await moveUnit(t, unit, { total: 0, done: 0, openByDeadline: {} }, 1, list.createdAt);
  });
}

/**
 * A new item, counted in its list and unit in the same transaction. `check` sees the list as the
 * transaction reads it (a ceiling on items); the item's id is fixed before the first round, so a
 * repeated round writes the same document.
 */
export async function insertItem(db: Database, item: TaskItemDoc, unit: UnitDoc, check: (list: TaskListDoc) => void): Promise<void> {
  await inTransaction(db, async (t) => {
    const listRef = t.collection(COLLECTIONS.taskLists).doc(item.listId);
    const list = (await listRef.get()).data as TaskListDoc | null;
    if (!list) throw notFound('找不到这份清单');
    check(list);
    const delta = counterDelta(null, item);
    await t.collection(COLLECTIONS.taskItems).doc(item._id).set({ data: withoutId(item) });
    await listRef.set({ data: { ...withoutId(list), ...applyDelta(list, delta), updatedAt: item.createdAt } });
    await moveUnit(t, unit, delta, 0, item.createdAt);
  });
}

/** What a change of an item decides: the item to write (null: nothing to write) and the answer. */
export interface ItemChange<R> {
  next: TaskItemDoc | null;
  result: R;
}

/**
 * Runs `decide` on the item as the transaction reads it and writes what it returns; when its status
 * or deadline changed, the list's and the unit's counters move in the same transaction. A refusal
 * thrown by `decide` (done already, too many notes, an edit made meanwhile) writes nothing.
 */
export async function changeItem<R>(db: Database, itemId: string, unit: UnitDoc, now: Date, decide: (item: TaskItemDoc) => ItemChange<R>): Promise<R> {
  return inTransaction(db, async (t) => {
    const itemRef = t.collection(COLLECTIONS.taskItems).doc(itemId);
    const cur = (await itemRef.get()).data as TaskItemDoc | null;
    if (!cur) throw notFound('找不到这个事项');
    const { next, result } = decide(cur);
    if (!next) return result;
    await itemRef.set({ data: withoutId({ ...next, unitPath: unit.path }) });
    const delta = counterDelta(cur, next);
    if (isZeroDelta(delta)) return result;
    const listRef = t.collection(COLLECTIONS.taskLists).doc(cur.listId);
    const list = (await listRef.get()).data as TaskListDoc | null;
    if (list) await listRef.set({ data: { ...withoutId(list), ...applyDelta(list, delta), updatedAt: now } });
    await moveUnit(t, unit, delta, 0, now);
    return result;
  });
}

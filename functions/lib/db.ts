// A thin typed layer over wx-server-sdk's database: the SDK's own typings return
// `Promise<T> | void | string`, so the casts live here, once. Queries are still built with the
// SDK's chain in each use case; this file only unwraps results and recognises SDK errors.

import type { DB } from 'wx-server-sdk';

export type Database = DB.Database;
export type Command = DB.DatabaseCommand;

/** Fields every stored document has. `_id` is a string we choose or CloudBase generates. */
export interface BaseDoc {
  _id: string;
}

/** Read one document by id; null when it does not exist (database opened with throwOnNotFound: false). */
export async function getById<T extends BaseDoc>(db: Database, collection: string, id: string): Promise<T | null> {
  const res = (await db.collection(collection).doc(id).get()) as unknown as { data: T | null };
  return res.data ?? null;
}

/** Run a built query; the caller has set where/orderBy/limit. */
export async function list<T extends BaseDoc>(query: DB.Query): Promise<T[]> {
  const res = (await query.get()) as unknown as { data: T[] };
  return res.data;
}

export async function insert(db: Database, collection: string, doc: BaseDoc | Record<string, unknown>): Promise<string> {
  const res = (await db.collection(collection).add({ data: doc })) as { _id: string };
  return res._id;
}

export async function insertMany(db: Database, collection: string, docs: Array<Record<string, unknown>>): Promise<string[]> {
  const res = (await db.collection(collection).add({ data: docs })) as unknown as { _ids: string[] };
  return res._ids;
}

/** doc(id).update: returns how many documents changed (0 when it does not exist). */
export async function updateById(db: Database, collection: string, id: string, data: Record<string, unknown>): Promise<number> {
  const res = (await db.collection(collection).doc(id).update({ data })) as { stats: { updated?: number } };
  return res.stats.updated ?? 0;
}

/** where(q).update: the atomic conditional update that settles races (rule 8). */
export async function updateWhere(query: DB.Query, data: Record<string, unknown>): Promise<number> {
  const res = (await query.update({ data })) as { stats: { updated: number } };
  return res.stats.updated;
}

export async function count(query: DB.Query): Promise<number> {
  const res = (await query.count()) as { total: number };
  return res.total;
}

/**
 * CloudBase reports a duplicate _id only in the message text (the code is dropped by the SDK),
 * so this is the one place that reads it.
 */
export function isDuplicateKeyError(err: unknown): boolean {
  const msg = err instanceof Error ? err.message : typeof err === 'object' && err ? String((err as { errMsg?: unknown }).errMsg) : '';
  return /E11000|duplicate key|DATABASE_DUPLICATE_WRITE/i.test(msg);
}

/** A transaction lost to a concurrent one (reported on a write or after the SDK's retries). */
export function isTransactionConflict(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; errMsg?: unknown } | null;
  const text = `${String(e?.code ?? '')} ${String(e?.message ?? '')} ${String(e?.errMsg ?? '')}`;
  return /TRANSACTION_CONFLICT|WriteConflict/i.test(text);
}

/** Which of these `_id`s exist already (reads in chunks of 1000, the SDK's ceiling). */
export async function existingIds(db: Database, collection: string, idsToCheck: string[]): Promise<Set<string>> {
  const _ = db.command;
  const found = new Set<string>();
  for (let i = 0; i < idsToCheck.length; i += 1000) {
    const chunk = idsToCheck.slice(i, i + 1000);
    const docs = await list<BaseDoc>(db.collection(collection).where({ _id: _.in(chunk) }).field({ _id: true }).limit(1000));
    docs.forEach((d) => found.add(d._id));
  }
  return found;
}

/**
 * Insert a batch in one request (all or nothing). If a concurrent writer got some of these ids in
 * first, the batch is refused as a whole; then each is inserted alone and the duplicates are
 * reported. Returns, per document, whether this call created it.
 */
export async function insertBatch(db: Database, collection: string, docs: Array<Record<string, unknown>>): Promise<boolean[]> {
  try {
    await insertMany(db, collection, docs);
    return docs.map(() => true);
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
  const created: boolean[] = [];
  for (const doc of docs) {
    try {
      await insert(db, collection, doc);
      created.push(true);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      created.push(false);
    }
  }
  return created;
}

/** The part of wx-server-sdk's transaction object the functions use (its typings say `any`). */
export interface TransactionLike {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<{ data: unknown }>;
      update(opts: { data: Record<string, unknown> }): Promise<unknown>;
      set(opts: { data: Record<string, unknown> }): Promise<unknown>;
      remove(): Promise<unknown>;
    };
    add(opts: { data: Record<string, unknown> }): Promise<unknown>;
  };
}

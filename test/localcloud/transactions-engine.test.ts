// Transaction isolation, pinned case by case on the engine itself with explicit interleaving (no
// timing): each step is one admin action, in the order written. The rule (see transactions.ts and
// docs/LOCAL-CLOUD.md) is MongoDB's snapshot isolation: only documents a transaction writes can make
// it fail; one of them fails it if someone else wrote it after the transaction's first operation or
// since the transaction first touched it (a read that found it absent included).
import { EJSON } from 'bson';
import { DbEngine } from '../../localcloud/db/engine';
import { DocumentStore } from '../../localcloud/db/store';
import { TransactionManager } from '../../localcloud/db/transactions';
import type { Doc } from '../../localcloud/wire';

let store: DocumentStore;
let engine: DbEngine;

beforeEach(() => {
  store = new DocumentStore(':memory:');
  engine = new DbEngine(store, new TransactionManager(store));
  store.createCollection('c');
});

afterEach(() => {
  store.close();
});

// One admin action, as the SDK sends it (query/data as objects: the engine accepts them as-is).
// `tx` undefined = outside any transaction.
function run(action: string, req: Record<string, unknown>, tx?: string): Record<string, unknown> {
  const body = { collectionName: 'c', ...req, ...(tx ? { transactionId: tx } : {}) };
  return engine.execute(action, body, Date.now()).reply;
}
const start = (): string => engine.execute('database.startTransaction', {}, Date.now()).reply.transactionId as string;
const commit = (tx: string): void => {
  engine.execute('database.commitTransaction', { transactionId: tx }, Date.now());
};
const byId = (id: string) => ({ queryType: 'DOC', query: { _id: id }, multi: false });
/** t.collection('c').doc(id).get(): the document, or null when absent. */
function get(tx: string | undefined, id: string): Doc | null {
  const list = (run('database.getDocument', byId(id), tx).data as { list: string[] }).list;
  return list.length ? (EJSON.parse(list[0], { relaxed: true }) as Doc) : null;
}
/** t.collection('c').where({_id: id}).get() */
function whereId(tx: string | undefined, id: string): Doc[] {
  const list = (run('database.getDocument', { queryType: 'WHERE', query: { _id: id }, limit: 100 }, tx).data as { list: string[] }).list;
  return list.map((s) => EJSON.parse(s, { relaxed: true }) as Doc);
}
/** doc(id).set({data}) */
const set = (tx: string | undefined, id: string, data: Doc) =>
  run('database.modifyDocument', { ...byId(id), data, merge: false, upsert: true }, tx).data;
/** doc(id).update({data}) */
const update = (tx: string | undefined, id: string, data: Doc) =>
  run('database.modifyDocument', { ...byId(id), data, merge: true, upsert: false }, tx).data;
/** doc(id).remove() */
const remove = (tx: string | undefined, id: string) => run('database.removeDocument', byId(id), tx).data;
/** add({data: {_id, ...}}) */
const insert = (tx: string | undefined, doc: Doc) => run('database.insertDocument', { data: [doc] }, tx).data;
const stored = (id: string): Doc | undefined => store.docs('c').get(id)?.doc;
const seed = (doc: Doc & { _id: string }): void => store.apply([{ collection: 'c', key: doc._id, doc }]);

const CONFLICT = /DATABASE_TRANSACTION_CONFLICT/;

describe('(a) two transactions writing the same existing document', () => {
  test('while the first is open, the second write fails at once with DATABASE_TRANSACTION_CONFLICT; the first commits', () => {
    seed({ _id: 'x', n: 0 });
    const t1 = start();
    const t2 = start();
    expect(get(t1, 'x')).toEqual({ _id: 'x', n: 0 });
    expect(get(t2, 'x')).toEqual({ _id: 'x', n: 0 });
    update(t1, 'x', { $inc: { n: 1 } });
    expect(() => update(t2, 'x', { $inc: { n: 10 } })).toThrow(CONFLICT);
    commit(t1);
    expect(stored('x')).toEqual({ _id: 'x', n: 1 });
  });

  test('when the first has already committed, the second write is buffered and its commit fails; the first commit wins', () => {
    seed({ _id: 'x', n: 0 });
    const t1 = start();
    const t2 = start();
    get(t1, 'x');
    get(t2, 'x');
    update(t1, 'x', { $set: { n: 1 } });
    commit(t1);
    update(t2, 'x', { $set: { n: 2 } });
    expect(() => commit(t2)).toThrow(CONFLICT);
    expect(stored('x')).toEqual({ _id: 'x', n: 1 });
  });
});

describe('(b) two transactions that both read a document as absent, then both create it', () => {
  test('with set(): the first commit wins, the second fails at commit (runTransaction then retries and sees it)', () => {
    const t1 = start();
    const t2 = start();
    expect(get(t1, 'new')).toBeNull();
    expect(get(t2, 'new')).toBeNull();
    set(t1, 'new', { by: 't1' });
    commit(t1);
    set(t2, 'new', { by: 't2' });
    expect(() => commit(t2)).toThrow(CONFLICT);
    expect(stored('new')).toEqual({ _id: 'new', by: 't1' });
    // The retry (a new transaction) reads the winner's document.
    expect(get(start(), 'new')).toEqual({ _id: 'new', by: 't1' });
  });

  test('with add(): the second insert is a write conflict at commit, not a duplicate error, since its snapshot had no such document', () => {
    const t1 = start();
    const t2 = start();
    expect(get(t1, 'new')).toBeNull();
    expect(get(t2, 'new')).toBeNull();
    insert(t1, { _id: 'new', by: 't1' });
    commit(t1);
    expect(insert(t2, { _id: 'new', by: 't2' })).toEqual({ insertedIds: ['new'] });
    expect(() => commit(t2)).toThrow(CONFLICT);
    expect(stored('new')).toEqual({ _id: 'new', by: 't1' });
  });

  test('with add() of a document that existed before the transaction began: a duplicate error at once, as always', () => {
    seed({ _id: 'old' });
    const t1 = start();
    get(t1, 'other');
    expect(() => insert(t1, { _id: 'old' })).toThrow(/DATABASE_DUPLICATE_WRITE/);
  });

  test('while the first creator is still open, the second create fails at once', () => {
    const t1 = start();
    const t2 = start();
    get(t1, 'new');
    get(t2, 'new');
    set(t1, 'new', { by: 't1' });
    expect(() => set(t2, 'new', { by: 't2' })).toThrow(CONFLICT);
    commit(t1);
    expect(stored('new')).toEqual({ _id: 'new', by: 't1' });
  });

  test('a where({_id}) query that finds nothing also counts as an absent read', () => {
    const t1 = start();
    expect(whereId(t1, 'new')).toEqual([]);
    set(undefined, 'new', { by: 'outside' });
    set(t1, 'new', { by: 't1' });
    expect(() => commit(t1)).toThrow(CONFLICT);
    expect(stored('new')).toEqual({ _id: 'new', by: 'outside' });
  });

  test('an absent read followed by a create commits when no one else created the document', () => {
    const t1 = start();
    expect(get(t1, 'new')).toBeNull();
    set(t1, 'new', { by: 't1' });
    commit(t1);
    expect(stored('new')).toEqual({ _id: 'new', by: 't1' });
  });
});

describe('(c) a write after a concurrent commit of the same document', () => {
  test('fails at commit even when the transaction had not read it: its snapshot is its first operation', () => {
    seed({ _id: 'x', n: 0 });
    seed({ _id: 'y', n: 0 });
    const t1 = start();
    get(t1, 'y'); // first operation: the snapshot
    const t2 = start();
    update(t2, 'x', { $set: { n: 2 } });
    commit(t2);
    update(t1, 'x', { $set: { n: 1 } }); // a blind write of a document changed after t1's snapshot
    expect(() => commit(t1)).toThrow(CONFLICT);
    expect(stored('x')).toEqual({ _id: 'x', n: 2 });
  });

  test('commits when the concurrent commit came before the transaction\'s first operation', () => {
    seed({ _id: 'x', n: 0 });
    const t1 = start(); // started, no operation yet: no snapshot
    update(undefined, 'x', { $set: { n: 2 } });
    expect(get(t1, 'x')).toEqual({ _id: 'x', n: 2 });
    update(t1, 'x', { $inc: { n: 1 } });
    commit(t1);
    expect(stored('x')).toEqual({ _id: 'x', n: 3 });
  });
});

describe('(d) read-only documents never conflict (MongoDB rule)', () => {
  // MongoDB's snapshot isolation checks only the documents a transaction writes: a document it only
  // read may change before its commit (write skew is allowed). Code that decides from a document X
  // and must not commit if X changed has to write X too (for example a version bump on X).
  test('a transaction that only read a document another committed a change to commits fine', () => {
    seed({ _id: 'x', n: 0 });
    const t1 = start();
    expect(get(t1, 'x')).toEqual({ _id: 'x', n: 0 });
    const t2 = start();
    update(t2, 'x', { $set: { n: 5 } });
    commit(t2);
    set(t1, 'log', { sawN: 0 }); // decided from x, writes only another document
    expect(() => commit(t1)).not.toThrow();
    expect(stored('x')).toEqual({ _id: 'x', n: 5 });
    expect(stored('log')).toEqual({ _id: 'log', sawN: 0 });
  });

  test('a transaction that read a document as absent, and someone created it, commits when it does not write it', () => {
    const t1 = start();
    expect(get(t1, 'x')).toBeNull();
    set(undefined, 'x', { by: 'outside' });
    set(t1, 'other', { by: 't1' });
    expect(() => commit(t1)).not.toThrow();
  });
});

describe('(e) remove against update', () => {
  test('while the remover is open, the updater fails at once', () => {
    seed({ _id: 'x', n: 0 });
    const t1 = start();
    const t2 = start();
    remove(t1, 'x');
    expect(() => update(t2, 'x', { $inc: { n: 1 } })).toThrow(CONFLICT);
    commit(t1);
    expect(stored('x')).toBeUndefined();
  });

  test('an update of a document another transaction removed and committed fails at commit, though it matched nothing', () => {
    seed({ _id: 'x', n: 0 });
    const t1 = start();
    expect(get(t1, 'x')).toEqual({ _id: 'x', n: 0 });
    const t2 = start();
    remove(t2, 'x');
    commit(t2);
    expect(update(t1, 'x', { $inc: { n: 1 } })).toEqual({ updated: 0 });
    expect(() => commit(t1)).toThrow(CONFLICT);
    expect(stored('x')).toBeUndefined();
  });

  test('a remove of a document another transaction updated and committed fails at commit; the update stays', () => {
    seed({ _id: 'x', n: 0 });
    const t1 = start();
    get(t1, 'x');
    const t2 = start();
    update(t2, 'x', { $set: { n: 7 } });
    commit(t2);
    expect(remove(t1, 'x')).toEqual({ deleted: 1 });
    expect(() => commit(t1)).toThrow(CONFLICT);
    expect(stored('x')).toEqual({ _id: 'x', n: 7 });
  });
});

describe('(f) writes outside transactions', () => {
  test('a non-transactional write to a document the transaction read and then writes fails the commit', () => {
    seed({ _id: 'x', n: 0 });
    const t1 = start();
    get(t1, 'x');
    update(undefined, 'x', { $set: { n: 9 } });
    update(t1, 'x', { $inc: { n: 1 } });
    expect(() => commit(t1)).toThrow(CONFLICT);
    expect(stored('x')).toEqual({ _id: 'x', n: 9 });
  });

  test('a non-transactional write to a document the transaction already wrote does not wait for its lock and fails the commit', () => {
    seed({ _id: 'x', n: 0 });
    const t1 = start();
    update(t1, 'x', { $inc: { n: 1 } });
    expect(update(undefined, 'x', { $set: { n: 9 } })).toEqual({ updated: 1 });
    expect(() => commit(t1)).toThrow(CONFLICT);
    expect(stored('x')).toEqual({ _id: 'x', n: 9 });
  });
});

test('a conflicted commit applies none of the transaction\'s writes and discards it', () => {
  seed({ _id: 'x', n: 0 });
  const t1 = start();
  get(t1, 'x');
  set(t1, 'a', { v: 1 });
  update(t1, 'x', { $inc: { n: 1 } });
  update(undefined, 'x', { $set: { n: 9 } });
  expect(() => commit(t1)).toThrow(CONFLICT);
  expect(stored('a')).toBeUndefined();
  expect(() => commit(t1)).toThrow(/DATABASE_TRANSACTION_FAIL|does not exist/);
  // Its lock on `a` is released: another transaction writes it.
  const t2 = start();
  set(t2, 'a', { v: 2 });
  commit(t2);
  expect(stored('a')).toEqual({ _id: 'a', v: 2 });
});

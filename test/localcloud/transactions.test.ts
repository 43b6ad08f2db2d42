// Transactions through the real SDK's runTransaction/startTransaction, plus the rules the engine
// applies (locks, commit-time conflicts, expiry) and the legacy transaction actions. The isolation rules,
// case by case with explicit interleaving, are in transactions-engine.test.ts.
import { EJSON } from 'bson';
import type { LocalCloud } from '../../localcloud';
import { DocumentStore } from '../../localcloud/db/store';
import { TransactionManager } from '../../localcloud/db/transactions';
import { Captured, adminPost, runSdk, startTestCloud } from './helpers';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startTestCloud();
  cloud.db.createCollection('accounts');
  cloud.db.createCollection('ledger');
});

afterAll(async () => {
  await cloud.close();
});

function seed(accounts: Record<string, number>): void {
  for (const [id, balance] of Object.entries(accounts)) {
    cloud.db.remove('accounts', { _id: id });
    cloud.db.insert('accounts', { _id: id, balance });
  }
}

async function scenario<T = Captured>(event: Record<string, unknown>): Promise<T> {
  return (await cloud.invoke('tx', event, { openid: 'o-tx' })).result as T;
}

const balance = (id: string): unknown => cloud.db.get('accounts', id)?.balance;

test('runTransaction commits all its writes at once and resolves to the callback value', async () => {
  seed({ a1: 100, b1: 0 });
  const res = await scenario({ scenario: 'transfer', from: 'a1', to: 'b1', amount: 30 });
  expect(res).toEqual({ ok: true, value: { moved: 30 } });
  expect([balance('a1'), balance('b1')]).toEqual([70, 30]);
  expect(cloud.db.find('ledger', { from: 'a1' })).toHaveLength(1);
});

test('t.rollback(reason) writes nothing and rejects with the reason itself, like CloudBase', async () => {
  seed({ a2: 10, b2: 0 });
  const res = await scenario<Captured & { raw?: string }>({ scenario: 'transfer', from: 'a2', to: 'b2', amount: 30 });
  expect(res).toMatchObject({ ok: false, raw: 'insufficient' });
  expect([balance('a2'), balance('b2')]).toEqual([10, 0]);
});

test('an error thrown inside runTransaction aborts it: nothing is written', async () => {
  seed({ a3: 1 });
  const res = await scenario({ scenario: 'throwInside', id: 'a3' });
  expect(res).toMatchObject({ ok: false, message: 'changed my mind' });
  expect(balance('a3')).toBe(1);
});

test('reads inside a transaction see its own set/remove; set reports created 0 (SDK quirk Q2)', async () => {
  seed({ keep: 1, drop: 2 });
  cloud.db.remove('accounts', { _id: 'made' });
  const res = await scenario({ scenario: 'setAndRemove', newId: 'made', removeId: 'drop' });
  expect(res).toEqual({
    ok: true,
    value: { setCreated: 0, removed: 1, inside: { _id: 'made', balance: 7 }, goneFound: false },
  });
  expect(cloud.db.get('accounts', 'made')).toEqual({ _id: 'made', balance: 7 });
  expect(cloud.db.get('accounts', 'drop')).toBeUndefined();
});

test('uncommitted writes are invisible outside the transaction and gone after rollback', async () => {
  seed({ iso: 5 });
  const res = await scenario<{ outside: number; inside: number; afterRollback: number }>({ scenario: 'isolation', id: 'iso' });
  expect(res).toEqual({ outside: 5, inside: 12345, afterRollback: 5 });
});

test('a second transaction writing a locked document fails fast with DATABASE_TRANSACTION_CONFLICT', async () => {
  seed({ locked: 1 });
  const res = await scenario<{ second: Captured; firstCommitted: boolean }>({ scenario: 'lockConflict', id: 'locked' });
  expect(res.second.ok).toBe(false);
  // The SDK wrapper drops the code (quirk Q14); the caller sees -501001 and the text.
  expect(res.second.errCode).toBe(-501001);
  expect(res.second.errMsg).toContain('DATABASE_TRANSACTION_CONFLICT');
  expect(res.firstCommitted).toBe(true);
  expect(balance('locked')).toBe(2);
});

test('a document the transaction read and writes, changed by someone else in between, fails the commit; runTransaction retries the callback', async () => {
  seed({ racy: 10 });
  const res = await scenario<{ attempts: number; result: Captured<number> }>({ scenario: 'commitConflict', id: 'racy' });
  expect(res.attempts).toBe(2);
  expect(res.result).toEqual({ ok: true, value: 15 });
  // Outside +5 landed, then the retried transaction doubled the fresh value.
  expect(balance('racy')).toBe(30);
});

test('commitTransaction replies DATABASE_TRANSACTION_CONFLICT at the top level (what the SDK retries on)', async () => {
  seed({ wire: 1 });
  const start = await adminPost(cloud, { action: 'database.startTransaction' });
  const transactionId = start.transactionId as string;
  expect(transactionId).toEqual(expect.any(String));
  const read = await adminPost(cloud, {
    action: 'database.getDocument',
    collectionName: 'accounts',
    queryType: 'DOC',
    query: JSON.stringify({ _id: 'wire' }),
    multi: false,
    transactionId,
  });
  expect((read.data as { list: string[] }).list).toHaveLength(1);
  cloud.db.update('accounts', { _id: 'wire' }, { $inc: { balance: 1 } });
  await adminPost(cloud, {
    action: 'database.modifyDocument',
    collectionName: 'accounts',
    queryType: 'DOC',
    query: JSON.stringify({ _id: 'wire' }),
    data: JSON.stringify({ $set: { balance: 100 } }),
    merge: true,
    upsert: false,
    multi: false,
    transactionId,
  });
  const commit = await adminPost(cloud, { action: 'database.commitTransaction', transactionId });
  expect(commit.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  // A failed commit discards the transaction.
  const again = await adminPost(cloud, { action: 'database.commitTransaction', transactionId });
  expect(again.code).toBe('DATABASE_TRANSACTION_FAIL');
});

test('two runTransaction callbacks racing to create one document: exactly one creates it, the loser retries and sees the winner', async () => {
  cloud.db.remove('accounts', { _id: 'race' });
  // Explicit interleaving: both callbacks read "absent" (barrier), then A writes and commits, then B
  // writes; B's commit conflicts and the SDK re-runs B's callback, which now finds A's document.
  const res = await runSdk<{
    a: { ok: boolean; value?: string };
    b: { ok: boolean; value?: string };
    aAttempts: number;
    bAttempts: number;
    bSaw: unknown[];
  }>(
    cloud,
    `
    const id = args.id;
    let aRead, bRead;
    const aHasRead = new Promise((r) => (aRead = r));
    const bHasRead = new Promise((r) => (bRead = r));
    let aAttempts = 0, bAttempts = 0;
    const bSaw = [];
    const A = db.runTransaction(async (t) => {
      aAttempts += 1;
      const found = await capture(t.collection('accounts').doc(id).get());
      aRead();
      await bHasRead;
      if (found.ok) return 'exists';
      await t.collection('accounts').doc(id).set({ data: { balance: 1, by: 'A' } });
      return 'created';
    });
    const B = db.runTransaction(async (t) => {
      bAttempts += 1;
      const found = await capture(t.collection('accounts').doc(id).get());
      bRead();
      await aHasRead;
      await A.catch(() => undefined); // A has committed (or failed) before B writes
      if (found.ok) {
        bSaw.push(found.value.data);
        return 'exists';
      }
      await t.collection('accounts').doc(id).set({ data: { balance: 2, by: 'B' } });
      return 'created';
    });
    const [a, b] = await Promise.all([capture(A), capture(B)]);
    return { a, b, aAttempts, bAttempts, bSaw };
    `,
    { id: 'race' },
  );
  expect(res.a).toEqual({ ok: true, value: 'created' });
  expect(res.b).toEqual({ ok: true, value: 'exists' });
  expect(res.aAttempts).toBe(1);
  expect(res.bAttempts).toBe(2);
  expect(res.bSaw).toEqual([{ _id: 'race', balance: 1, by: 'A' }]);
  expect(cloud.db.find('accounts', { _id: 'race' })).toEqual([{ _id: 'race', balance: 1, by: 'A' }]);
});

test('legacy getInTransaction / updateDocInTransaction / deleteDocInTransaction work on the same engine', async () => {
  seed({ leg1: 1, leg2: 2 });
  const { transactionId } = await adminPost(cloud, { action: 'database.startTransaction' });
  const base = { collectionName: 'accounts', transactionId };
  const got = await adminPost(cloud, { action: 'database.getInTransaction', ...base, _id: 'leg1' });
  expect(EJSON.parse(got.data as string)).toEqual({ _id: 'leg1', balance: 1 });
  const upd = await adminPost(cloud, {
    action: 'database.updateDocInTransaction',
    ...base,
    _id: 'leg1',
    data: EJSON.stringify({ $set: { balance: 9 } }, { relaxed: false }),
  });
  expect(upd.updated).toBe(1);
  const set = await adminPost(cloud, {
    action: 'database.updateDocInTransaction',
    ...base,
    _id: 'leg3',
    data: EJSON.stringify({ balance: 3 }, { relaxed: false }),
    upsert: true,
  });
  expect(JSON.parse(set.upserted as string)).toEqual([{ _id: 'leg3' }]);
  const del = await adminPost(cloud, { action: 'database.deleteDocInTransaction', ...base, _id: 'leg2' });
  expect(del.deleted).toBe(1);
  expect(balance('leg1')).toBe(1);
  await adminPost(cloud, { action: 'database.commitTransaction', transactionId });
  expect([balance('leg1'), balance('leg2'), balance('leg3')]).toEqual([9, undefined, 3]);
});

test('open transactions expire after 30 s and release their locks', () => {
  const store = new DocumentStore(':memory:');
  let now = 1_000_000;
  const txm = new TransactionManager(store, 30_000, () => now);
  store.createCollection('c');
  store.apply([{ collection: 'c', key: 'x', doc: { _id: 'x', v: 1 } }]);
  const first = txm.start();
  txm.stage(first, [{ collection: 'c', key: 'x', doc: { _id: 'x', v: 2 } }]);
  const second = txm.start();
  expect(() => txm.stage(second, [{ collection: 'c', key: 'x', doc: { _id: 'x', v: 3 } }])).toThrow(
    'DATABASE_TRANSACTION_CONFLICT',
  );
  now += 30_001;
  const third = txm.start();
  txm.stage(third, [{ collection: 'c', key: 'x', doc: { _id: 'x', v: 4 } }]);
  expect(() => txm.commit(first.id)).toThrow('has expired');
  expect(txm.commit(third.id)).toBe(1);
  expect(store.docs('c').get('x')?.doc).toEqual({ _id: 'x', v: 4 });
  store.close();
});

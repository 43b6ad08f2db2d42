// Declared indexes: unique ones refuse a second document with the same key on every write path,
// with CloudBase's (MongoDB's) E11000 text, driven through the real wx-server-sdk; plain ones
// allow duplicates. Indexes come from the `indexes` option (declared before the collections exist,
// as the project's INDEXES are) or from cloud.db.createIndex.
import { EJSON } from 'bson';
import type { LocalCloud } from '../../localcloud';
import { Captured, adminPost, runSdk, startTestCloud } from './helpers';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startTestCloud({
    indexes: {
      people: [['city'], { fields: ['email'], unique: true }],
      pairs: [{ fields: ['orgId', 'key'], unique: true }],
      codes: [{ fields: ['code'], unique: true, name: 'one_code' }],
      sparse: [{ fields: ['code'], unique: true, sparse: true }],
      tagged: [{ fields: ['tags'], unique: true }],
      plain: [['email']],
    },
  });
  for (const name of ['people', 'pairs', 'codes', 'sparse', 'tagged', 'plain']) cloud.db.createCollection(name);
});

afterAll(async () => {
  await cloud.close();
});

const dupText = (collection: string, index: string, key: string): string =>
  `E11000 duplicate key error collection: ${collection} index: ${index} dup key: { ${key} }`;

function expectDuplicate(res: Captured, collection: string, index: string, key: string): void {
  expect(res.ok).toBe(false);
  // What the SDK surfaces, as for a duplicate _id: -501001 and the server's text.
  expect(res.errCode).toBe(-501001);
  expect(res.errMsg).toContain('DATABASE_DUPLICATE_WRITE');
  expect(res.errMsg).toContain(dupText(collection, index, key));
}

function reset(collection: string, docs: Array<Record<string, unknown>>): void {
  cloud.db.remove(collection, {});
  for (const doc of docs) cloud.db.insert(collection, doc);
}

describe('a unique index', () => {
  test('refuses an add of a key another document holds; the index name is MongoDB default a_1', async () => {
    reset('people', [{ _id: 'p1', email: 'a@x', city: 'bj' }]);
    const res = await runSdk<Captured>(cloud, `return capture(db.collection('people').add({ data: { _id: 'p2', email: 'a@x' } }));`);
    expectDuplicate(res, 'people', 'email_1', 'email: "a@x"');
    expect(cloud.db.get('people', 'p2')).toBeUndefined();
  });

  test('a batch add with a duplicate (against the collection or inside the batch) writes nothing', async () => {
    reset('people', [{ _id: 'p1', email: 'a@x' }]);
    const res = await runSdk<{ against: Captured; inside: Captured }>(
      cloud,
      `return {
        against: await capture(db.collection('people').add({ data: [{ _id: 'b1', email: 'b@x' }, { _id: 'b2', email: 'a@x' }] })),
        inside: await capture(db.collection('people').add({ data: [{ _id: 'c1', email: 'c@x' }, { _id: 'c2', email: 'c@x' }] })),
      };`,
    );
    expectDuplicate(res.against, 'people', 'email_1', 'email: "a@x"');
    expectDuplicate(res.inside, 'people', 'email_1', 'email: "c@x"');
    expect(cloud.db.count('people')).toBe(1);
  });

  test('an update that would make a duplicate fails and changes nothing (a multi update: no document)', async () => {
    reset('people', [
      { _id: 'p1', email: 'a@x', city: 'bj' },
      { _id: 'p2', email: 'b@x', city: 'sh' },
      { _id: 'p3', email: 'c@x', city: 'sh' },
    ]);
    const res = await runSdk<{ one: Captured; many: Captured; own: unknown }>(
      cloud,
      `return {
        one: await capture(db.collection('people').doc('p2').update({ data: { email: 'a@x' } })),
        many: await capture(db.collection('people').where({ city: 'sh' }).update({ data: { email: 'z@x' } })),
        own: (await db.collection('people').doc('p1').update({ data: { email: 'a@x', city: 'gz' } })).stats,
      };`,
    );
    expectDuplicate(res.one, 'people', 'email_1', 'email: "a@x"');
    expectDuplicate(res.many, 'people', 'email_1', 'email: "z@x"');
    // Rewriting a document's own key is no duplicate.
    expect(res.own).toEqual({ updated: 1 });
    expect(cloud.db.find('people', {}, { sort: { _id: 1 } }).map((d) => d.email)).toEqual(['a@x', 'b@x', 'c@x']);
  });

  test('set() replacing a document, and set() creating one (upsert), are checked too', async () => {
    reset('people', [
      { _id: 'p1', email: 'a@x' },
      { _id: 'p2', email: 'b@x' },
    ]);
    const res = await runSdk<{ replace: Captured; upsert: Captured; freed: unknown }>(
      cloud,
      `return {
        replace: await capture(db.collection('people').doc('p2').set({ data: { email: 'a@x' } })),
        upsert: await capture(db.collection('people').doc('p9').set({ data: { email: 'b@x' } })),
        freed: (await db.collection('people').doc('p2').set({ data: { email: 'n@x' } })).stats,
      };`,
    );
    expectDuplicate(res.replace, 'people', 'email_1', 'email: "a@x"');
    expectDuplicate(res.upsert, 'people', 'email_1', 'email: "b@x"');
    expect(res.freed).toMatchObject({ updated: 1 });
    expect(cloud.db.get('people', 'p9')).toBeUndefined();
    // The key p2 gave up is free again.
    await runSdk(cloud, `return db.collection('people').add({ data: { _id: 'p3', email: 'b@x' } });`);
    expect(cloud.db.get('people', 'p3')).toEqual({ _id: 'p3', email: 'b@x' });
  });

  test('modifyAndReturnDoc is checked', async () => {
    reset('people', [
      { _id: 'p1', email: 'a@x' },
      { _id: 'p2', email: 'b@x' },
    ]);
    const raw = await adminPost(cloud, {
      action: 'database.modifyAndReturnDoc',
      collectionName: 'people',
      queryType: 'WHERE',
      query: EJSON.stringify({ _id: 'p2' }),
      data: EJSON.stringify({ $set: { email: 'a@x' } }, { relaxed: false }),
    });
    expect(raw.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(String(raw.message)).toContain(dupText('people', 'email_1', 'email: "a@x"'));
    expect(cloud.db.get('people', 'p2')).toEqual({ _id: 'p2', email: 'b@x' });
  });

  test('two documents both missing the field collide (it counts as null); an explicit null too', async () => {
    reset('codes', [{ _id: 'k1', name: 'no code' }]);
    const res = await runSdk<{ missing: Captured; nullCode: Captured; other: unknown }>(
      cloud,
      `return {
        missing: await capture(db.collection('codes').add({ data: { _id: 'k2', name: 'no code either' } })),
        nullCode: await capture(db.collection('codes').add({ data: { _id: 'k3', code: null } })),
        other: (await db.collection('codes').add({ data: { _id: 'k4', code: 'X1' } }))._id,
      };`,
    );
    // A declared name is the one the message gives.
    expectDuplicate(res.missing, 'codes', 'one_code', 'code: null');
    expectDuplicate(res.nullCode, 'codes', 'one_code', 'code: null');
    expect(res.other).toBe('k4');
    expect(cloud.db.count('codes')).toBe(2);
  });

  test('a sparse unique index leaves out documents without the field, so they never collide', async () => {
    reset('sparse', [{ _id: 's1' }, { _id: 's2' }, { _id: 's3', code: 'A' }]);
    const res = await runSdk<Captured>(cloud, `return capture(db.collection('sparse').add({ data: { code: 'A' } }));`);
    expectDuplicate(res, 'sparse', 'code_1', 'code: "A"');
    expect(cloud.db.count('sparse')).toBe(3);
  });

  test('a compound key collides only when every field is equal; the message lists them in order', async () => {
    reset('pairs', [{ _id: 'q1', orgId: 'o1', key: 'k' }]);
    const res = await runSdk<{ same: Captured; otherOrg: unknown; noKey: unknown; noKeyAgain: Captured }>(
      cloud,
      `const c = db.collection('pairs');
      return {
        same: await capture(c.add({ data: { key: 'k', orgId: 'o1' } })),
        otherOrg: (await c.add({ data: { _id: 'q2', orgId: 'o2', key: 'k' } }))._id,
        noKey: (await c.add({ data: { _id: 'q3', orgId: 'o1' } }))._id,
        noKeyAgain: await capture(c.add({ data: { _id: 'q4', orgId: 'o1' } })),
      };`,
    );
    expectDuplicate(res.same, 'pairs', 'orgId_1_key_1', 'orgId: "o1", key: "k"');
    expect([res.otherOrg, res.noKey]).toEqual(['q2', 'q3']);
    expectDuplicate(res.noKeyAgain, 'pairs', 'orgId_1_key_1', 'orgId: "o1", key: null');
  });

  test('an array field indexes each element (multikey): sharing one element collides', async () => {
    reset('tagged', [{ _id: 't1', tags: ['a', 'b', 'b'] }]);
    const res = await runSdk<{ shared: Captured; apart: unknown }>(
      cloud,
      `return {
        shared: await capture(db.collection('tagged').add({ data: { tags: ['c', 'b'] } })),
        apart: (await db.collection('tagged').add({ data: { _id: 't2', tags: ['c', 'd'] } }))._id,
      };`,
    );
    expectDuplicate(res.shared, 'tagged', 'tags_1', 'tags: "b"');
    expect(res.apart).toBe('t2');
  });

  test('inside a transaction: a duplicate write fails at once and the transaction writes nothing', async () => {
    reset('people', [{ _id: 'p1', email: 'a@x' }]);
    const res = await runSdk<Captured>(
      cloud,
      `return capture(db.runTransaction(async (t) => {
        await t.collection('people').add({ data: { _id: 't1', email: 't@x' } });
        await t.collection('people').doc('p1').update({ data: { email: 'z@x' } });
        // p1 gave up a@x inside this transaction, so t2 may take it; t3 may not take t@x.
        await t.collection('people').add({ data: { _id: 't2', email: 'a@x' } });
        await t.collection('people').add({ data: { _id: 't3', email: 't@x' } });
      }));`,
    );
    expectDuplicate(res, 'people', 'email_1', 'email: "t@x"');
    expect(cloud.db.find('people', {})).toEqual([{ _id: 'p1', email: 'a@x' }]);
  });

  test('a key taken outside the transaction after its write fails the commit with E11000', async () => {
    reset('people', []);
    const res = await runSdk<{ commit: Captured }>(
      cloud,
      `const t = await db.startTransaction();
      await t.collection('people').add({ data: { _id: 'in-tx', email: 'race@x' } });
      await db.collection('people').add({ data: { _id: 'outside', email: 'race@x' } });
      return { commit: await capture(t.commit()) };`,
    );
    // The SDK's commit() rejects with the server's code and message (no errCode/errMsg here).
    expect(res.commit).toMatchObject({ ok: false, code: 'DATABASE_DUPLICATE_WRITE' });
    expect(res.commit.message).toContain(dupText('people', 'email_1', 'email: "race@x"'));
    expect(cloud.db.find('people', {})).toEqual([{ _id: 'outside', email: 'race@x' }]);
  });

  test('cloud.db writes are checked too', () => {
    reset('people', [{ _id: 'p1', email: 'a@x' }]);
    expect(() => cloud.db.insert('people', { _id: 'p2', email: 'a@x' })).toThrow(dupText('people', 'email_1', 'email: "a@x"'));
    cloud.db.insert('people', { _id: 'p2', email: 'b@x' });
    expect(() => cloud.db.update('people', { _id: 'p2' }, { $set: { email: 'a@x' } })).toThrow(/E11000/);
    expect(cloud.db.get('people', 'p2')).toEqual({ _id: 'p2', email: 'b@x' });
  });
});

describe('a plain (non-unique) index', () => {
  test('allows any number of documents with the same key', async () => {
    reset('plain', [{ _id: 'x1', email: 'a@x' }]);
    const res = await runSdk<{ _ids: string[] }>(
      cloud,
      `return db.collection('plain').add({ data: [{ email: 'a@x' }, { email: 'a@x' }, {}, {}] });`,
    );
    expect(res._ids).toHaveLength(4);
    expect(cloud.db.count('plain', { email: 'a@x' })).toBe(3);
    // people's plain index on city, beside its unique one.
    reset('people', [
      { _id: 'p1', email: 'a@x', city: 'bj' },
      { _id: 'p2', email: 'b@x', city: 'bj' },
    ]);
    expect(cloud.db.count('people', { city: 'bj' })).toBe(2);
  });
});

describe('declaring indexes', () => {
  test('listIndexes shows _id_ and the declared ones with their names', () => {
    expect(cloud.db.listIndexes('people')).toEqual([
      { name: '_id_', fields: ['_id'], unique: true, sparse: false },
      { name: 'city_1', fields: ['city'], unique: false, sparse: false },
      { name: 'email_1', fields: ['email'], unique: true, sparse: false },
    ]);
  });

  test('createIndex: the same declaration again changes nothing; a conflicting one fails', () => {
    cloud.db.createCollection('later');
    expect(cloud.db.createIndex('later', { fields: ['a', 'b'], unique: true })).toBe('a_1_b_1');
    expect(cloud.db.createIndex('later', { fields: ['a', 'b'], unique: true })).toBe('a_1_b_1');
    expect(() => cloud.db.createIndex('later', { fields: ['a', 'b'] })).toThrow(/already exists with different options/);
    expect(() => cloud.db.createIndex('later', { fields: ['a', 'b'], unique: true, name: 'ab' })).toThrow(/different name: a_1_b_1/);
    expect(() => cloud.db.createIndex('no_such', ['a'])).toThrow(/not exist/);
    cloud.db.insert('later', { a: 1, b: 2 });
    expect(() => cloud.db.insert('later', { a: 1, b: 2 })).toThrow(dupText('later', 'a_1_b_1', 'a: 1, b: 2'));
  });

  test('a unique index the documents already break is refused (E11000) and not kept', () => {
    cloud.db.createCollection('messy');
    cloud.db.insert('messy', { _id: 'm1', v: 'same' });
    cloud.db.insert('messy', { _id: 'm2', v: 'same' });
    expect(() => cloud.db.createIndex('messy', { fields: ['v'], unique: true })).toThrow(dupText('messy', 'v_1', 'v: "same"'));
    expect(cloud.db.listIndexes('messy').map((i) => i.name)).toEqual(['_id_']);
    cloud.db.insert('messy', { _id: 'm3', v: 'same' });
  });
});

// The database actions, driven by the real wx-server-sdk inside a function instance. Each test names
// the CloudBase behaviour it reproduces.
import { EJSON } from 'bson';
import type { LocalCloud } from '../../localcloud';
import { Captured, adminPost, runSdk, startTestCloud } from './helpers';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startTestCloud();
  for (const name of ['todos', 'many', 'ops', 'people', 'orders', 'users', 'agg20', 'seats', 'dates', 'counted']) {
    cloud.db.createCollection(name);
  }
});

afterAll(async () => {
  await cloud.close();
});

describe('add and get', () => {
  test('add() generates a 32-char lowercase hex _id, like CloudBase', async () => {
    const res = await runSdk<{ _id: string; errMsg: string }>(cloud, `return db.collection('todos').add({ data: { title: 'a' } });`);
    expect(res.errMsg).toBe('collection.add:ok');
    expect(res._id).toMatch(/^[0-9a-f]{32}$/);
    expect(cloud.db.get('todos', res._id)).toEqual({ _id: res._id, title: 'a' });
  });

  test('add() of an array inserts all and keeps a caller-supplied _id', async () => {
    const res = await runSdk<{ _ids: string[] }>(
      cloud,
      `return db.collection('todos').add({ data: [{ _id: 'mine', title: 'b' }, { title: 'c' }] });`,
    );
    expect(res._ids[0]).toBe('mine');
    expect(res._ids[1]).toMatch(/^[0-9a-f]{32}$/);
  });

  test('values round-trip with their types: numbers, dates, nested objects, arrays, null', async () => {
    const res = await runSdk<{ data: Record<string, unknown>; isDate: boolean }>(
      cloud,
      `await db.collection('todos').add({ data: { _id: 'typed', i: 1, big: 2 ** 40, f: 1.5, d: new Date(0), o: { a: [1, { b: 2 }] }, nul: null } });
       const doc = await db.collection('todos').doc('typed').get();
       return { data: doc.data, isDate: doc.data.d instanceof Date };`,
    );
    expect(res.isDate).toBe(true);
    expect(res.data).toMatchObject({ i: 1, big: 2 ** 40, f: 1.5, o: { a: [1, { b: 2 }] }, nul: null });
  });

  test('doc().get() of a missing document rejects "does not exist", like CloudBase', async () => {
    const res = await runSdk<Captured>(cloud, `return capture(db.collection('todos').doc('nope').get());`);
    expect(res.ok).toBe(false);
    expect(res.errMsg).toContain('document with _id nope does not exist');
  });

  test('get() without limit returns 100 records, like CloudBase', async () => {
    for (let i = 0; i < 1100; i++) cloud.db.insert('many', { i });
    const res = await runSdk<{ n: number }>(cloud, `return { n: (await db.collection('many').get()).data.length };`);
    expect(res.n).toBe(100);
  });

  test('get() returns at most 1000 records even with a larger limit, like CloudBase', async () => {
    const res = await runSdk<{ n: number }>(cloud, `return { n: (await db.collection('many').limit(1000).get()).data.length };`);
    expect(res.n).toBe(1000);
    // The server enforces the cap too, whatever a client sends.
    const raw = await adminPost(cloud, { action: 'database.getDocument', collectionName: 'many', queryType: 'WHERE', limit: 5000 });
    expect((raw.data as { list: string[] }).list).toHaveLength(1000);
  });

  test('orderBy() keys apply in call order, then skip() and limit()', async () => {
    for (const [name, age, city] of [
      ['ann', 30, 'b'],
      ['bob', 25, 'a'],
      ['cid', 30, 'a'],
      ['dan', 40, 'c'],
      ['eve', 25, 'c'],
    ] as const) {
      cloud.db.insert('people', { name, age, city });
    }
    const res = await runSdk<{ names: string[]; page: string[] }>(
      cloud,
      `const all = await db.collection('people').orderBy('age', 'desc').orderBy('city', 'asc').get();
       const page = await db.collection('people').orderBy('age', 'asc').orderBy('name', 'desc').skip(1).limit(2).get();
       return { names: all.data.map((p) => p.name), page: page.data.map((p) => p.name) };`,
    );
    expect(res.names).toEqual(['dan', 'cid', 'ann', 'bob', 'eve']);
    expect(res.page).toEqual(['bob', 'cid']);
  });

  test('field() projects on the server: include, exclude and slice', async () => {
    cloud.db.insert('todos', { _id: 'proj', title: 't', secret: 's', tags: [1, 2, 3, 4], items: [{ v: 1 }, { v: 5 }] });
    const res = await runSdk<{ inc: unknown; exc: unknown; sl: unknown; em: unknown }>(
      cloud,
      `const q = db.collection('todos').where({ _id: 'proj' });
       return {
         inc: (await q.field({ title: true }).get()).data[0],
         exc: (await q.field({ secret: false, tags: false, items: false }).get()).data[0],
         sl: (await q.field({ tags: _.project.slice(2) }).get()).data[0],
         em: (await q.field({ items: _.project.elemMatch({ v: _.gt(1) }) }).get()).data[0],
       };`,
    );
    expect(res.inc).toEqual({ _id: 'proj', title: 't' });
    expect(res.exc).toEqual({ _id: 'proj', title: 't' });
    expect(res.sl).toMatchObject({ _id: 'proj', tags: [1, 2] });
    // Quirk Q4: the SDK sends the command's internals inside $elemMatch; they are read as {$gt: 1}.
    expect(res.em).toEqual({ _id: 'proj', items: [{ v: 5 }] });
  });
});

describe('query operators', () => {
  beforeAll(() => {
    cloud.db.createCollection('q');
    const docs = [
      { _id: 'q1', n: 1, s: 'apple', tags: ['a', 'b'], o: { x: 1, deep: { v: 10 } }, items: [{ k: 1 }], at: new Date(1000) },
      { _id: 'q2', n: 2, s: 'Banana', tags: ['b'], o: { x: 2, deep: { v: 20 } }, items: [{ k: 5 }], at: new Date(2000), e: null },
      { _id: 'q3', n: 3, s: 'cherry', tags: ['a', 'b', 'c'], o: { x: 3, deep: { v: 30 } }, items: [], at: new Date(3000), e: 1 },
      { _id: 'q4', n: 8, s: 'abc', tags: [], o: { x: 4, deep: { v: 40 } }, items: [{ k: 9 }], at: new Date(4000) },
    ];
    for (const doc of docs) cloud.db.insert('q', doc);
  });

  const ids = (code: string): Promise<string[]> =>
    runSdk<string[]>(cloud, `return (await db.collection('q').where(${code}).get()).data.map((d) => d._id);`);

  test.each([
    ['{ n: _.gt(1) }', ['q2', 'q3', 'q4']],
    ['{ n: _.gte(2).and(_.lt(8)) }', ['q2', 'q3']],
    ['{ n: _.or(_.lt(2), _.gt(3)) }', ['q1', 'q4']],
    ['_.or([{ n: 1 }, { s: "cherry" }])', ['q1', 'q3']],
    ['_.and([{ n: _.gt(1) }, { n: _.lt(3) }])', ['q2']],
    ['_.nor([{ n: 1 }, { n: 2 }])', ['q3', 'q4']],
    ['{ n: _.in([1, 3]) }', ['q1', 'q3']],
    ['{ n: _.nin([1, 3]) }', ['q2', 'q4']],
    ['{ n: _.neq(2) }', ['q1', 'q3', 'q4']],
    ['{ n: _.not(_.eq(1)) }', ['q2', 'q3', 'q4']],
    ['{ n: _.mod([4, 0]) }', ['q4']],
    ['{ e: _.exists(true) }', ['q2', 'q3']],
    ['{ e: _.neq(null) }', ['q3']],
    ['{ tags: _.size(2) }', ['q1']],
    ['{ tags: _.all(["a", "b"]) }', ['q1', 'q3']],
    ['{ tags: "c" }', ['q3']],
    ['{ items: _.elemMatch({ k: _.gt(3) }) }', ['q2', 'q4']],
    ['{ o: { x: 2 } }', ['q2']],
    ['{ o: { deep: { v: _.gte(30) } } }', ['q3', 'q4']],
    ['{ "o.deep.v": 10 }', ['q1']],
    ['{ s: /^b/i }', ['q2']],
    ['{ s: db.RegExp({ regexp: "^a", options: "" }) }', ['q1', 'q4']],
    ['{ at: _.gt(new Date(2500)) }', ['q3', 'q4']],
    ['{ _id: _.in(["q1", "q4"]) }', ['q1', 'q4']],
  ])('where(%s) matches like MongoDB', async (code, expected) => {
    expect(await ids(code)).toEqual(expected);
  });

  test('count() counts the matching documents, like CloudBase', async () => {
    const res = await runSdk<{ total: number; errMsg: string }>(cloud, `return db.collection('q').where({ n: _.gt(1) }).count();`);
    expect(res).toMatchObject({ total: 3, errMsg: 'collection.count:ok' });
  });
});

describe('update operators', () => {
  const resetDoc = (): void => {
    cloud.db.remove('ops', { _id: 'u' });
    cloud.db.insert('ops', {
      _id: 'u',
      n: 5,
      m: 2,
      style: { color: 'red', size: 1 },
      arr: [{ v: 1 }, { v: 2 }],
      tags: ['a', 'b'],
      nums: [1, 2, 3, 4, 5],
      gone: 'x',
      mx: 5,
      mn: 5,
      old: 'o',
    });
  };
  beforeEach(() => {
    cloud.db.remove('ops', {});
    resetDoc();
  });

  // Each call starts from the same document.
  const updateThenGet = (data: string): Promise<Record<string, unknown>> => {
    resetDoc();
    return runSdk(
      cloud,
      `await db.collection('ops').doc('u').update({ data: ${data} }); return (await db.collection('ops').doc('u').get()).data;`,
    );
  };

  test('plain fields merge into nested objects ($set on dot paths), like CloudBase', async () => {
    const doc = await updateThenGet(`{ style: { color: 'blue' }, 'arr.1.v': 9, extra: [1, { a: 2 }] }`);
    expect(doc.style).toEqual({ color: 'blue', size: 1 });
    expect(doc.arr).toEqual([{ v: 1 }, { v: 9 }]);
    expect(doc.extra).toEqual([1, { a: 2 }]);
  });

  test('_.set() replaces a whole object', async () => {
    const doc = await updateThenGet(`{ style: _.set({ color: 'green' }) }`);
    expect(doc.style).toEqual({ color: 'green' });
  });

  test('_.inc, _.mul, _.max, _.min, _.remove and _.rename', async () => {
    const doc = await updateThenGet(`{ n: _.inc(2), m: _.mul(3), mx: _.max(10), mn: _.max(1), gone: _.remove(), old: _.rename('renamed') }`);
    expect(doc).toMatchObject({ n: 7, m: 6, mx: 10, mn: 5, renamed: 'o' });
    expect(doc).not.toHaveProperty('gone');
    expect(doc).not.toHaveProperty('old');
    const doc2 = await updateThenGet(`{ mn: _.min(1) }`);
    expect(doc2.mn).toBe(1);
  });

  test('array operators: push (each/position/slice/sort), unshift, pop, shift, pull, pullAll', async () => {
    let doc = await updateThenGet(`{ tags: _.push(['c', 'd']) }`);
    expect(doc.tags).toEqual(['a', 'b', 'c', 'd']);
    doc = await updateThenGet(`{ tags: _.unshift('z') }`);
    expect(doc.tags).toEqual(['z', 'a', 'b']);
    doc = await updateThenGet(`{ nums: _.push({ each: [0], position: 1, slice: 4 }) }`);
    expect(doc.nums).toEqual([1, 0, 2, 3]);
    doc = await updateThenGet(`{ nums: _.push({ each: [9], sort: -1 }) }`);
    expect(doc.nums).toEqual([9, 5, 4, 3, 2, 1]);
    doc = await updateThenGet(`{ nums: _.pop(), tags: _.shift() }`);
    expect(doc.nums).toEqual([1, 2, 3, 4]);
    expect(doc.tags).toEqual(['b']);
    doc = await updateThenGet(`{ nums: _.pull(_.gt(3)), tags: _.pull('a') }`);
    expect(doc.nums).toEqual([1, 2, 3]);
    expect(doc.tags).toEqual(['b']);
    doc = await updateThenGet(`{ nums: _.pullAll([1, 5]) }`);
    expect(doc.nums).toEqual([2, 3, 4]);
  });

  test('_.addToSet adds once; addToSet({each}) is read as $each (SDK quirk Q3)', async () => {
    let doc = await updateThenGet(`{ tags: _.addToSet('a') }`);
    expect(doc.tags).toEqual(['a', 'b']);
    doc = await updateThenGet(`{ tags: _.addToSet({ each: ['b', 'c', 'c'] }) }`);
    expect(doc.tags).toEqual(['a', 'b', 'c']);
  });

  test('update() made only of empty objects is a no-op (SDK quirk Q5)', async () => {
    const res = await runSdk<{ stats: { updated: number } }>(cloud, `return db.collection('ops').doc('u').update({ data: { meta: {} } });`);
    expect(res.stats.updated).toBe(0);
    expect(cloud.db.get('ops', 'u')).toMatchObject({ n: 5 });
  });

  test('doc().set() replaces the document and keeps its _id; on a new id it creates it', async () => {
    const res = await runSdk<{ replaced: { stats: unknown }; created: { _id: string; stats: unknown } }>(
      cloud,
      `return {
         replaced: await db.collection('ops').doc('u').set({ data: { only: true } }),
         created: await db.collection('ops').doc('fresh').set({ data: { only: 1 } }),
       };`,
    );
    expect(res.replaced.stats).toEqual({ updated: 1, created: 0 });
    expect(res.created).toMatchObject({ _id: 'fresh', stats: { updated: 0, created: 1 } });
    expect(cloud.db.get('ops', 'u')).toEqual({ _id: 'u', only: true });
    expect(cloud.db.get('ops', 'fresh')).toEqual({ _id: 'fresh', only: 1 });
  });

  test('where().update() updates every match; multi:false only the first', async () => {
    cloud.db.insert('ops', { _id: 'w1', g: 1, hit: 0 });
    cloud.db.insert('ops', { _id: 'w2', g: 1, hit: 0 });
    cloud.db.insert('ops', { _id: 'w3', g: 2, hit: 0 });
    const res = await runSdk<{ all: number; one: number }>(
      cloud,
      `const all = await db.collection('ops').where({ g: 1 }).update({ data: { hit: _.inc(1) } });
       const one = await db.collection('ops').where({ g: 1 }).update({ data: { hit: _.inc(10) }, multi: false });
       return { all: all.stats.updated, one: one.stats.updated };`,
    );
    expect(res).toEqual({ all: 2, one: 1 });
    expect(cloud.db.find('ops', { g: 1 }).map((d) => d.hit)).toEqual([11, 1]);
  });

  test('an update that changes nothing reports updated: 0, like MongoDB nModified', async () => {
    const res = await runSdk<{ stats: { updated: number } }>(cloud, `return db.collection('ops').doc('u').update({ data: { n: 5 } });`);
    expect(res.stats.updated).toBe(0);
  });

  test('remove(): doc().remove() and where().remove()', async () => {
    cloud.db.insert('ops', { _id: 'r1', kill: true });
    cloud.db.insert('ops', { _id: 'r2', kill: true });
    cloud.db.insert('ops', { _id: 'r3', kill: true });
    const res = await runSdk<{ one: unknown; many: unknown }>(
      cloud,
      `return {
         one: (await db.collection('ops').doc('r1').remove()).stats,
         many: (await db.collection('ops').where({ kill: true }).remove()).stats,
       };`,
    );
    expect(res).toEqual({ one: { removed: 1 }, many: { removed: 2 } });
    expect(cloud.db.count('ops', { kill: true })).toBe(0);
  });

  test('modifyAndReturnDoc updates the first match and returns the new document', async () => {
    const raw = await adminPost(cloud, {
      action: 'database.modifyAndReturnDoc',
      collectionName: 'ops',
      queryType: 'WHERE',
      query: EJSON.stringify({ _id: 'u' }),
      data: EJSON.stringify({ $inc: { n: 1 } }, { relaxed: false }),
    });
    const data = raw.data as { updated: number; doc: string };
    expect(data.updated).toBe(1);
    expect(EJSON.parse(data.doc)).toMatchObject({ _id: 'u', n: 6 });
  });
});

describe('CloudBase strictness', () => {
  test('reading a missing collection fails with -502005 DATABASE_COLLECTION_NOT_EXIST, like CloudBase', async () => {
    const res = await runSdk<Captured>(cloud, `return capture(db.collection('no_such').where({}).get());`);
    expect(res.errCode).toBe(-502005);
    expect(res.errMsg).toContain('Db or Table not exist: no_such');
  });

  test('writing to a missing collection also fails with -502005, like CloudBase', async () => {
    const res = await runSdk<Captured[]>(
      cloud,
      `return Promise.all([
         capture(db.collection('no_such').add({ data: { a: 1 } })),
         capture(db.collection('no_such').doc('x').update({ data: { a: 1 } })),
         capture(db.collection('no_such').doc('x').remove()),
         capture(db.collection('no_such').count()),
       ]);`,
    );
    for (const r of res) expect(r.errCode).toBe(-502005);
    expect(cloud.db.listCollections()).not.toContain('no_such');
  });

  test('db.createCollection creates a collection once; again fails DATABASE_COLLECTION_ALREADY_EXIST', async () => {
    const res = await runSdk<{ first: unknown; second: Captured }>(
      cloud,
      `return { first: await db.createCollection('made_by_fn'), second: await capture(db.createCollection('made_by_fn')) };`,
    );
    expect(res.first).toMatchObject({ errMsg: 'createCollection:ok' });
    expect(res.second).toMatchObject({ ok: false, code: 'DATABASE_COLLECTION_ALREADY_EXIST' });
    expect(cloud.db.listCollections()).toContain('made_by_fn');
  });

  test('a duplicate _id on insert fails with E11000 and writes nothing of the batch, like CloudBase', async () => {
    cloud.db.insert('todos', { _id: 'dup', title: 'first' });
    const res = await runSdk<Captured>(
      cloud,
      `return capture(db.collection('todos').add({ data: [{ _id: 'batch-ok', t: 1 }, { _id: 'dup', t: 2 }] }));`,
    );
    expect(res.ok).toBe(false);
    expect(res.errCode).toBe(-501001);
    expect(res.errMsg).toContain('E11000 duplicate key error collection: todos index: _id_ dup key: { _id: "dup" }');
    expect(res.errMsg).toContain('DATABASE_DUPLICATE_WRITE');
    expect(cloud.db.get('todos', 'batch-ok')).toBeUndefined();
    expect(cloud.db.get('todos', 'dup')).toEqual({ _id: 'dup', title: 'first' });
  });

  test('db.serverDate() is the server clock (settable), with its offset', async () => {
    const at = Date.UTC(2030, 0, 1, 15, 59, 59);
    cloud.clock.set(at);
    try {
      const res = await runSdk<{ a: Date; b: Date; c: Date }>(
        cloud,
        `await db.collection('dates').add({ data: { _id: 'sd', a: db.serverDate(), b: db.serverDate({ offset: 60000 }) } });
         await db.collection('dates').doc('sd').update({ data: { c: db.serverDate() } });
         return (await db.collection('dates').doc('sd').get()).data;`,
      );
      const stored = cloud.db.get('dates', 'sd') as { a: Date; b: Date; c: Date };
      expect(stored.a).toBeInstanceOf(Date);
      expect(Math.abs(stored.a.getTime() - at)).toBeLessThan(5000);
      expect(stored.b.getTime() - stored.a.getTime()).toBeGreaterThanOrEqual(60000);
      expect(Math.abs(stored.c.getTime() - at)).toBeLessThan(5000);
      // The function receives real Dates back through EJSON.
      expect(new Date(res.a).getTime()).toBe(stored.a.getTime());
    } finally {
      cloud.clock.reset();
    }
  });
});

describe('aggregate', () => {
  beforeAll(() => {
    cloud.db.insert('users', { _id: 'u1', name: 'Ann' });
    cloud.db.insert('users', { _id: 'u2', name: 'Bob' });
    const orders = [
      ['u1', 10, 'paid'],
      ['u1', 20, 'paid'],
      ['u2', 5, 'paid'],
      ['u2', 50, 'open'],
      ['u3', 7, 'paid'],
    ] as const;
    for (const [user, amt, status] of orders) cloud.db.insert('orders', { user, amt, status });
    for (let i = 0; i < 30; i++) cloud.db.insert('agg20', { i });
  });

  test('aggregate() with match/group/sort/lookup/unwind/project, like MongoDB', async () => {
    const res = await runSdk<{ list: unknown[] }>(
      cloud,
      `return db.collection('orders').aggregate()
         .match({ status: 'paid' })
         .group({ _id: '$user', total: $.sum('$amt'), n: $.sum(1) })
         .sort({ total: -1 })
         .lookup({ from: 'users', localField: '_id', foreignField: '_id', as: 'u' })
         .unwind('$u')
         .project({ _id: 0, user: '$_id', name: '$u.name', total: 1, n: 1 })
         .end();`,
    );
    expect(res.list).toEqual([
      { total: 30, n: 2, user: 'u1', name: 'Ann' },
      { total: 5, n: 1, user: 'u2', name: 'Bob' },
    ]);
  });

  test('aggregate() without a $limit stage returns at most 20 results, like CloudBase', async () => {
    const res = await runSdk<{ plain: number; limited: number; counted: unknown }>(
      cloud,
      `const plain = await db.collection('agg20').aggregate().match({}).end();
       const limited = await db.collection('agg20').aggregate().limit(25).end();
       const counted = await db.collection('agg20').aggregate().count('n').end();
       return { plain: plain.list.length, limited: limited.list.length, counted: counted.list };`,
    );
    expect(res).toEqual({ plain: 20, limited: 25, counted: [{ n: 30 }] });
  });

  test('aggregate() on a missing collection fails with DATABASE_COLLECTION_NOT_EXIST', async () => {
    const res = await runSdk<Captured>(cloud, `return capture(db.collection('no_such').aggregate().match({}).end());`);
    expect(res).toMatchObject({ ok: false, code: 'DATABASE_COLLECTION_NOT_EXIST' });
  });
});

describe('concurrency and accounting', () => {
  test('200 concurrent guarded decrements never go below 0 and exactly N succeed, like a MongoDB primary', async () => {
    cloud.db.insert('seats', { _id: 'event-1', left: 150 });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => cloud.invoke('decrement', { id: 'event-1' }, { openid: `o-${i}` })),
    );
    const updated = results.map((r) => (r.result as { updated: number }).updated);
    expect(updated.filter((u) => u === 1)).toHaveLength(150);
    expect(updated.filter((u) => u === 0)).toHaveLength(50);
    expect(cloud.db.get('seats', 'event-1')).toEqual({ _id: 'event-1', left: 0 });
  });

  test('each invocation reports its own DB reads, writes and ops', async () => {
    const { stats } = await cloud.invoke(
      'sdk-eval',
      {
        code: `await db.collection('counted').add({ data: { a: 1 } });
               await db.collection('counted').where({ a: 1 }).get();
               await db.collection('counted').count();
               await db.collection('counted').where({ a: 1 }).update({ data: { a: 2 } });
               await db.collection('counted').aggregate().match({ a: 2 }).end();
               return null;`,
      },
      { openid: 'o-count' },
    );
    expect(stats.reads).toBe(3);
    expect(stats.writes).toBe(2);
    expect(stats.ops.map((o) => o.action)).toEqual([
      'database.insertDocument',
      'database.getDocument',
      'database.calculateDocument',
      'database.modifyDocument',
      'database.aggregateDocuments',
    ]);
    expect(stats.ops.every((o) => o.collection === 'counted')).toBe(true);
  });

  test('query shapes record collection, op, filter paths and sort keys', async () => {
    cloud.db.createCollection('shaped');
    await runSdk(
      cloud,
      `await db.collection('shaped').where({ branch: 'b', score: _.gt(1), meta: { kind: 'x' } }).orderBy('score', 'desc').orderBy('at', 'asc').get();
       await db.collection('shaped').where(_.or([{ a: 1 }, { b: _.in([1]) }])).count();
       await db.collection('shaped').aggregate().match({ branch: 'b' }).sort({ at: -1 }).end();
       return null;`,
    );
    const shapes = cloud.queryShapes().filter((s) => s.collection === 'shaped');
    expect(shapes).toEqual([
      { collection: 'shaped', op: 'get', filter: ['branch', 'meta.kind', 'score'], sort: ['score', 'at'] },
      { collection: 'shaped', op: 'count', filter: ['a', 'b'], sort: [] },
      { collection: 'shaped', op: 'aggregate', filter: ['branch'], sort: ['at'] },
    ]);
  });
});

// field() on the engine itself: the documents it answers are mingo's (fields kept or left out),
// and projecting to a few fields makes a read cheaper, as on CloudBase, rather than dearer. A
// re-import reads a bank's questions to a few fields first (functions/exam/reimport.ts).
import { EJSON } from 'bson';
import { Query } from 'mingo';
import { DbEngine } from '../../localcloud/db/engine';
import { DocumentStore } from '../../localcloud/db/store';
import { TransactionManager } from '../../localcloud/db/transactions';
import { decodeEjson, encodeEjson, type Doc } from '../../localcloud/wire';

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

const seed = (docs: Doc[]): void => store.apply(docs.map((doc) => ({ collection: 'c', key: String(doc._id), doc })));

/** where({}).field(projection).limit(1000).get(), as the SDK sends it: the documents answered. */
function read(projection: Doc | undefined): Doc[] {
  const req = { collectionName: 'c', queryType: 'WHERE', query: '{}', limit: 1000, ...(projection ? { projection: EJSON.stringify(projection, { relaxed: false }) } : {}) };
  return (engine.execute('database.getDocument', req, Date.now()).reply.data as { list: string[] }).list.map((s) => decodeEjson(s, 0) as Doc);
}
/** mingo's answer, through the same EJSON (field order aside: MongoDB keeps the document's). */
const mingoProjected = (docs: Doc[], projection: Doc) =>
  new Query({}, { idKey: '_id' })
    .find<Doc>(docs, projection)
    .all()
    .map((d) => decodeEjson(encodeEjson(d), 0) as Doc);

describe('field() on the local cloud', () => {
  const docs: Doc[] = [
    { _id: 'a', z: 1, b: { c: 1, d: 2 }, a: [1, 2], m: null, at: new Date(5) },
    { _id: 'b', a: 3 },
    { _id: 'c', z: 'x', m: 0, b: [{ c: 1 }, { c: 2 }] },
  ];

  test.each<[string, Doc]>([
    ['kept fields, in the order asked', { a: 1, z: 1 }],
    ['kept fields as booleans', { z: true, m: true }],
    ['kept fields without _id', { z: 1, _id: 0 }],
    ['_id alone', { _id: 1 }],
    ['a field no document has', { nope: 1 }],
    ['left out', { a: 0, m: 0 }],
    ['left out with _id', { _id: 0, b: 0 }],
    ['_id left out alone', { _id: 0 }],
    ['a dotted path', { 'b.c': 1 }],
    ['a slice', { a: { $slice: 1 } }],
  ])('%s: the documents mingo answers', (_name, projection) => {
    seed(docs);
    expect(read(projection)).toEqual(mingoProjected(docs, projection));
  });

  test('a read of 2,000 documents to three fields costs about what a read of 2,000 three-field documents does', () => {
    const whole = (i: number) => ({
      _id: `q${i}`,
      orgId: 'o1',
      type: 'single',
      stem: `第 ${i} 题：下列哪一项正确？`,
      options: ['甲', '乙', '丙', '丁'],
      answer: [0],
      explanation: `第 ${i} 题的解析`,
      tags: ['党史', '四史'],
      ident: `single|第${i}题下列哪一项正确`,
      version: 1,
      createdAt: new Date(i),
      updatedAt: new Date(i),
    });
    seed(Array.from({ length: 2000 }, (_, i) => whole(i)));
    store.createCollection('small');
    store.apply(Array.from({ length: 2000 }, (_, i) => ({ collection: 'small', key: `q${i}`, doc: { _id: `q${i}`, ident: whole(i).ident, version: 1 } })));
    const best = (collection: string, projection: Doc | undefined) => {
      let ms = Infinity;
      for (let i = 0; i < 5; i++) {
        const started = process.hrtime.bigint();
        const req = { collectionName: collection, queryType: 'WHERE', query: '{}', limit: 1000, ...(projection ? { projection: EJSON.stringify(projection) } : {}) };
        engine.execute('database.getDocument', { ...req, offset: 0 }, Date.now());
        engine.execute('database.getDocument', { ...req, offset: 1000 }, Date.now());
        ms = Math.min(ms, Number(process.hrtime.bigint() - started) / 1e6);
      }
      return ms;
    };
    const small = best('small', undefined);
    const projected = best('c', { _id: 1, ident: 1, version: 1 });
    // Measured under jest: about 10 ms for the small documents, about 30 ms projected by mingo.
    expect(projected).toBeLessThan(1.5 * small + 1);
  });
});

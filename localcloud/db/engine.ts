// Database engine: executes the `database.*` admin actions with MongoDB semantics (via mingo) against
// the store, or against a transaction's overlay. Synchronous: every action is atomic, as on a single
// MongoDB primary. It knows the request/reply shapes of the protocol but nothing of HTTP or accounting.
import { Aggregator, ProcessingMode, Query, update as mingoUpdate } from 'mingo';
// Type-only paths: the repo's `moduleResolution: node` cannot see mingo's subpath exports.
import type { Options } from 'mingo/types/types';
import type { Modifier } from 'mingo/types/updater';
import type { QueryShape } from '../types';
import {
  CloudError,
  Doc,
  asRecord,
  cloneValue,
  decodeEjson,
  describeId,
  encodeEjson,
  idKey,
  isPlainObject,
  newId,
  toQueryValue,
} from '../wire';
import { DocChange, DocumentStore, collectionNotExist } from './store';
import { plainProjection } from './projection';
import { fieldIn, splitIn } from './scalar-in';
import { ReadView, Transaction, TransactionManager } from './transactions';

/** A cloud-function `get()` returns 100 records by default and at most 1000 (CloudBase limits). */
export const DEFAULT_GET_LIMIT = 100;
export const MAX_GET_LIMIT = 1000;
/** `aggregate()` without a `$limit` stage returns 20 records on CloudBase. */
export const DEFAULT_AGGREGATE_LIMIT = 20;

export type Accounting = 'read' | 'write' | 'none';

export interface ActionOutcome {
  /** Fields merged into the reply next to `requestId`. */
  reply: Record<string, unknown>;
  accounting: Accounting;
  collection?: string;
  shape?: QueryShape;
}

interface Ctx {
  now: number;
  view: ReadView;
  tx?: Transaction;
}

const MINGO_OPTIONS: Partial<Options> = { idKey: '_id' };

// ---------- request field helpers (wire data is unknown until narrowed) ----------

function requireString(req: Record<string, unknown>, field: string): string {
  const value = req[field];
  if (typeof value !== 'string' || value === '') {
    throw new CloudError('INVALID_PARAM', `invalid parameters: ${field} is required`);
  }
  return value;
}

function optionalNumber(req: Record<string, unknown>, field: string): number | undefined {
  const value = req[field];
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || n < 0) throw new CloudError('INVALID_PARAM', `invalid parameters: ${field}`);
  return Math.floor(n);
}

function decodeObject(text: unknown, now: number, field: string): Doc {
  if (text === undefined || text === null || text === '') return {};
  if (isPlainObject(text)) return text; // tolerate an object sent as-is
  if (typeof text !== 'string') throw new CloudError('INVALID_PARAM', `invalid parameters: ${field}`);
  let value: unknown;
  try {
    value = decodeEjson(text, now);
  } catch (err) {
    throw new CloudError('INVALID_PARAM', `invalid parameters: ${field} is not valid EJSON (${String(err)})`);
  }
  if (!isPlainObject(value)) throw new CloudError('INVALID_PARAM', `invalid parameters: ${field} must be an object`);
  return value;
}

function decodeFilter(req: Record<string, unknown>, now: number): Doc {
  return toQueryValue(decodeObject(req.query, now, 'query')) as Doc;
}

function decodeSort(req: Record<string, unknown>, now: number): Record<string, 1 | -1> | undefined {
  const order = decodeObject(req.order, now, 'order');
  const keys = Object.keys(order);
  if (keys.length === 0) return undefined;
  const sort: Record<string, 1 | -1> = {};
  for (const key of keys) sort[key] = Number(order[key]) < 0 ? -1 : 1;
  return sort;
}

// ---------- query helpers ----------

/** Field paths a filter touches (descending into $and/$or/$nor), for index-coverage checks. */
export function filterPaths(filter: Doc): string[] {
  const out = new Set<string>();
  const visit = (f: unknown): void => {
    for (const [key, value] of Object.entries(asRecord(f))) {
      if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(value)) value.forEach(visit);
      else if (!key.startsWith('$')) out.add(key);
    }
  };
  visit(filter);
  return Array.from(out).sort();
}

function isIdEquality(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

/** Candidate documents: a direct lookup when the filter pins `_id`, else the whole collection. */
function candidates(view: ReadView, collection: string, filter: Doc): Doc[] {
  if (isIdEquality(filter._id)) {
    const doc = view.get(collection, idKey(filter._id));
    return doc ? [doc] : [];
  }
  return view.list(collection);
}

interface FindSpec {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
}

function findDocs(view: ReadView, collection: string, filter: Doc, spec: FindSpec = {}): Doc[] {
  const within = splitIn(filter);
  const docs = candidates(view, collection, filter);
  const input = within ? docs.filter((d) => fieldIn(d, within.field, within.values)) : docs;
  let cursor = new Query(within ? within.rest : filter, MINGO_OPTIONS).find<Doc>(input);
  if (spec.sort) cursor = cursor.sort(spec.sort);
  if (spec.skip) cursor = cursor.skip(spec.skip);
  if (spec.limit !== undefined) cursor = cursor.limit(spec.limit);
  return cursor.all();
}

/**
 * Quirk Q4: `_.project.elemMatch({v: _.gt(1)})` sends the command's internals
 * (`{operator:'gt', operands:[1], fieldName:{}}`) instead of `{$gt:1}`. Translate them back.
 */
function normalizeCommandInternals(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeCommandInternals);
  if (!isPlainObject(value)) return value;
  if (typeof value.operator === 'string' && Array.isArray(value.operands) && 'fieldName' in value) {
    const operands = value.operands.map(normalizeCommandInternals);
    return { [`$${value.operator}`]: operands.length === 1 ? operands[0] : operands };
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = normalizeCommandInternals(item);
  return out;
}

function project(docs: Doc[], projection: Doc | undefined): Doc[] {
  if (!projection || Object.keys(projection).length === 0) return docs;
  const plain = plainProjection(projection);
  if (plain) return docs.map(plain);
  return new Query({}, MINGO_OPTIONS)
    .find<Doc>(docs, projection)
    .all()
    .map((doc) => {
      // MongoDB returns _id first; mingo appends it after the projected fields.
      if (!('_id' in doc)) return doc;
      const { _id, ...rest } = doc;
      return { _id, ...rest };
    });
}

// ---------- update helpers ----------

/** Plain fields become $set (the SDK already does this; kept for robustness) and quirk Q3 is fixed up. */
function normalizeModifier(data: Doc): Doc {
  const out: Doc = {};
  const plain: Doc = {};
  for (const [key, value] of Object.entries(data)) {
    if (key.startsWith('$')) out[key] = value;
    else plain[key] = value;
  }
  if (Object.keys(plain).length > 0) out.$set = { ...asRecord(out.$set), ...plain };
  // Quirk Q3: `_.addToSet({each:[…]})` is sent as {"each":[…]} without the `$`. We read it as `$each`,
  // which is what the caller meant (CloudBase's real behaviour here is unverified).
  if (isPlainObject(out.$addToSet)) {
    const addToSet: Doc = {};
    for (const [field, value] of Object.entries(out.$addToSet)) {
      const keys = isPlainObject(value) ? Object.keys(value) : [];
      addToSet[field] =
        isPlainObject(value) && keys.length === 1 && keys[0] === 'each' && Array.isArray(value.each)
          ? { $each: value.each }
          : value;
    }
    out.$addToSet = addToSet;
  }
  return toQueryValue(out) as Doc;
}

function sameId(a: unknown, b: unknown): boolean {
  return idKey(a) === idKey(b);
}

function applyModifier(doc: Doc, modifier: Doc): { doc: Doc; changed: boolean } {
  const copy = cloneValue(doc);
  let changedPaths: string[];
  try {
    changedPaths = mingoUpdate(copy, modifier as Modifier<Doc>, undefined, undefined, { cloneMode: 'deep' });
  } catch (err) {
    throw new CloudError('DATABASE_REQUEST_FAILED', `update failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!sameId(copy._id, doc._id)) {
    throw new CloudError(
      'DATABASE_REQUEST_FAILED',
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  }
  return { doc: copy, changed: changedPaths.length > 0 };
}

function setPath(target: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Doc = target;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(node[part])) node[part] = {};
    node = node[part] as Doc;
  }
  node[parts[parts.length - 1]] = cloneValue(value);
}

/** The document an upsert starts from: the equality fields of the filter (MongoDB rule). */
function upsertBase(filter: Doc): Doc {
  const base: Doc = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$')) continue;
    const isOperatorObject = isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'));
    if (!isOperatorObject && !(value instanceof RegExp)) setPath(base, key, value);
  }
  return base;
}

function withIdFirst(id: unknown, body: Doc): Doc {
  const { _id: _ignored, ...rest } = body;
  return { _id: id, ...rest };
}

// ---------- the engine ----------

export class DbEngine {
  constructor(
    private readonly store: DocumentStore,
    private readonly txm: TransactionManager,
  ) {}

  execute(action: string, req: Record<string, unknown>, now: number): ActionOutcome {
    switch (action) {
      case 'database.startTransaction':
        return { reply: { transactionId: this.txm.start().id }, accounting: 'none' };
      case 'database.commitTransaction': {
        const written = this.txm.commit(requireString(req, 'transactionId'));
        return { reply: {}, accounting: written > 0 ? 'write' : 'none' };
      }
      case 'database.abortTransaction':
        this.txm.abort(requireString(req, 'transactionId'));
        return { reply: {}, accounting: 'none' };
      case 'database.addCollection':
        return this.addCollection(req);
      case 'database.getInTransaction':
      case 'database.updateDocInTransaction':
      case 'database.deleteDocInTransaction':
        return this.legacy(action, req, now);
      default:
        break;
    }
    const ctx = this.context(req, now);
    switch (action) {
      case 'database.getDocument':
        return this.getDocument(req, ctx);
      case 'database.insertDocument':
        return this.insertDocument(req, ctx);
      case 'database.modifyDocument':
        return this.modifyDocument(req, ctx);
      case 'database.modifyAndReturnDoc':
        return this.modifyAndReturnDoc(req, ctx);
      case 'database.removeDocument':
        return this.removeDocument(req, ctx);
      case 'database.calculateDocument':
        return this.calculateDocument(req, ctx);
      case 'database.aggregateDocuments':
        return this.aggregateDocuments(req, ctx);
      case 'database.aggregate': {
        // @cloudbase/database 1.0.x (wx-server-sdk 2.1 and older): the same pipeline under its old
        // name, answered with the list as one JSON string of EJSON strings.
        const outcome = this.aggregateDocuments(req, ctx);
        const data = (outcome.reply as { data: { list: string[] } }).data;
        return { ...outcome, reply: { data: { list: JSON.stringify(data.list) } } };
      }
      default:
        throw new CloudError('INVALID_PARAM', `action ${action} is not supported by localcloud`);
    }
  }

  private context(req: Record<string, unknown>, now: number): Ctx {
    const txId = req.transactionId;
    if (typeof txId === 'string' && txId !== '') {
      const tx = this.txm.require(txId);
      return { now, tx, view: this.txm.enter(tx) };
    }
    return { now, view: this.txm.committedView() };
  }

  private collection(req: Record<string, unknown>): string {
    const name = requireString(req, 'collectionName');
    if (!this.store.hasCollection(name)) throw collectionNotExist(name);
    return name;
  }

  /**
   * Unique indexes: outside a transaction store.apply() refuses a batch that breaks one. Inside,
   * the write is checked against committed data plus the transaction's own writes when it is
   * buffered (E11000 on the write, as MongoDB reports it), and apply() checks again at commit.
   */
  private write(ctx: Ctx, changes: DocChange[]): void {
    if (ctx.tx) {
      this.store.indexes.check(changes, Array.from(ctx.tx.writes.values()));
      this.txm.stage(ctx.tx, changes);
    } else this.store.apply(changes);
  }

  /**
   * Transaction bookkeeping for a read: the version of each document found and, when the filter pins
   * `_id`, of that document even if absent (a later write of it then conflicts if someone created it).
   */
  private noteReads(ctx: Ctx, collection: string, filter: Doc, docs: Doc[]): void {
    if (!ctx.tx) return;
    for (const doc of docs) this.txm.touch(ctx.tx, collection, idKey(doc._id));
    if (isIdEquality(filter._id)) this.txm.touch(ctx.tx, collection, idKey(filter._id));
  }

  /**
   * Transaction bookkeeping for a write: the documents it matched and the one its filter pins by
   * `_id` join the write set even when nothing is changed (see transactions.ts).
   */
  private noteTargets(ctx: Ctx, collection: string, filter: Doc, docs: Doc[]): void {
    if (!ctx.tx) return;
    for (const doc of docs) this.txm.target(ctx.tx, collection, idKey(doc._id));
    if (isIdEquality(filter._id)) this.txm.target(ctx.tx, collection, idKey(filter._id));
  }

  private addCollection(req: Record<string, unknown>): ActionOutcome {
    const name = requireString(req, 'collectionName');
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) {
      throw new CloudError('INVALID_PARAM', `invalid collection name: ${name}`);
    }
    if (!this.store.createCollection(name)) {
      throw new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', 'Table exist.');
    }
    return { reply: {}, accounting: 'write', collection: name };
  }

  private getDocument(req: Record<string, unknown>, ctx: Ctx): ActionOutcome {
    const collection = this.collection(req);
    const filter = decodeFilter(req, ctx.now);
    const isDoc = req.queryType === 'DOC';
    const sort = isDoc ? undefined : decodeSort(req, ctx.now);
    const requested = optionalNumber(req, 'limit');
    // The SDK caps limit at 1000 and defaults to 100; the server enforces the same (quirk Q11).
    const limit = isDoc ? 1 : Math.min(requested ?? DEFAULT_GET_LIMIT, MAX_GET_LIMIT);
    const skip = isDoc ? undefined : optionalNumber(req, 'offset');
    const docs = findDocs(ctx.view, collection, filter, { sort, skip, limit });
    this.noteReads(ctx, collection, filter, docs);
    const projection = req.projection
      ? (normalizeCommandInternals(toQueryValue(decodeObject(req.projection, ctx.now, 'projection'))) as Doc)
      : undefined;
    return {
      reply: { data: { list: project(docs, projection).map(encodeEjson) } },
      accounting: 'read',
      collection,
      shape: { collection, op: 'get', filter: filterPaths(filter), sort: Object.keys(sort ?? {}) },
    };
  }

  private insertDocument(req: Record<string, unknown>, ctx: Ctx): ActionOutcome {
    const collection = this.collection(req);
    const raw = Array.isArray(req.data) ? req.data : [req.data];
    const changes: DocChange[] = [];
    const batchKeys = new Set<string>();
    for (const item of raw) {
      const doc = decodeObject(item, ctx.now, 'data');
      const id = doc._id === undefined || doc._id === null ? newId() : doc._id;
      const key = idKey(id);
      // All-or-nothing: a duplicate anywhere in the batch fails the whole batch before any write.
      // In a transaction, a document committed by someone else after its snapshot is not a duplicate
      // (a snapshot read would not show it) but a write conflict: the insert is buffered and the
      // commit fails, so runTransaction retries and the retry sees the document.
      const existing = ctx.view.get(collection, key);
      const hidden = existing !== undefined && ctx.tx !== undefined && this.txm.newerThanSnapshot(ctx.tx, collection, key);
      if (batchKeys.has(key) || (existing && !hidden)) throw duplicateError(collection, id);
      batchKeys.add(key);
      changes.push({ collection, key, doc: withIdFirst(id, doc) });
    }
    this.write(ctx, changes);
    return {
      reply: { data: { insertedIds: changes.map((c) => (c.doc as Doc)._id) } },
      accounting: 'write',
      collection,
    };
  }

  private modifyDocument(req: Record<string, unknown>, ctx: Ctx): ActionOutcome {
    const collection = this.collection(req);
    const filter = decodeFilter(req, ctx.now);
    const multi = req.queryType !== 'DOC' && req.multi !== false;
    const merge = req.merge !== false;
    const upsert = req.upsert === true;
    const data = decodeObject(req.data, ctx.now, 'data');
    const shape: QueryShape = { collection, op: 'update', filter: filterPaths(filter), sort: [] };
    const outcome = (reply: Doc): ActionOutcome => ({ reply: { data: reply }, accounting: 'write', collection, shape });

    const matches = findDocs(ctx.view, collection, filter, multi ? {} : { limit: 1 });
    const changes: DocChange[] = [];
    if (merge) {
      const modifier = normalizeModifier(data);
      // Quirk Q5: an update made only of empty objects is sent as "{}": a no-op.
      if (Object.keys(modifier).length === 0) return outcome({ updated: 0 });
      this.noteTargets(ctx, collection, filter, matches);
      for (const doc of matches) {
        const result = applyModifier(doc, modifier);
        if (result.changed) changes.push({ collection, key: idKey(doc._id), doc: result.doc });
      }
      if (matches.length === 0 && upsert) {
        const base = upsertBase(filter);
        const id = base._id ?? newId();
        const created = applyModifier(withIdFirst(id, base), modifier).doc;
        this.write(ctx, [{ collection, key: idKey(id), doc: created }]);
        return outcome({ updated: 0, upsert_id: id });
      }
    } else {
      // set(): replace the whole document but keep its _id; create it when missing and upsert is on.
      this.noteTargets(ctx, collection, filter, matches);
      const replacement = toQueryValue(data) as Doc;
      for (const doc of matches) {
        changes.push({ collection, key: idKey(doc._id), doc: withIdFirst(doc._id, cloneValue(replacement)) });
      }
      if (matches.length === 0 && upsert) {
        const id = isIdEquality(filter._id) ? filter._id : newId();
        const key = idKey(id);
        this.write(ctx, [{ collection, key, doc: withIdFirst(id, cloneValue(replacement)) }]);
        return outcome({ updated: 0, upsert_id: id });
      }
    }
    this.write(ctx, changes);
    return outcome({ updated: changes.length });
  }

  private modifyAndReturnDoc(req: Record<string, unknown>, ctx: Ctx): ActionOutcome {
    const collection = this.collection(req);
    const filter = decodeFilter(req, ctx.now);
    const modifier = normalizeModifier(decodeObject(req.data, ctx.now, 'data'));
    const shape: QueryShape = { collection, op: 'update', filter: filterPaths(filter), sort: [] };
    const [match] = findDocs(ctx.view, collection, filter, { limit: 1 });
    this.noteTargets(ctx, collection, filter, match ? [match] : []);
    if (!match) return { reply: { data: { updated: 0, doc: null } }, accounting: 'write', collection, shape };
    const result = Object.keys(modifier).length === 0 ? { doc: match, changed: false } : applyModifier(match, modifier);
    if (result.changed) this.write(ctx, [{ collection, key: idKey(match._id), doc: result.doc }]);
    return {
      reply: { data: { updated: result.changed ? 1 : 0, doc: encodeEjson(result.doc) } },
      accounting: 'write',
      collection,
      shape,
    };
  }

  private removeDocument(req: Record<string, unknown>, ctx: Ctx): ActionOutcome {
    const collection = this.collection(req);
    const filter = decodeFilter(req, ctx.now);
    const multi = req.queryType !== 'DOC' && req.multi !== false;
    const matches = findDocs(ctx.view, collection, filter, multi ? {} : { limit: 1 });
    this.noteTargets(ctx, collection, filter, matches);
    this.write(
      ctx,
      matches.map((doc) => ({ collection, key: idKey(doc._id), doc: null })),
    );
    return {
      reply: { data: { deleted: matches.length } },
      accounting: 'write',
      collection,
      shape: { collection, op: 'remove', filter: filterPaths(filter), sort: [] },
    };
  }

  private calculateDocument(req: Record<string, unknown>, ctx: Ctx): ActionOutcome {
    const collection = this.collection(req);
    const filter = decodeFilter(req, ctx.now);
    const total = findDocs(ctx.view, collection, filter).length;
    return {
      reply: { data: { total } },
      accounting: 'read',
      collection,
      shape: { collection, op: 'count', filter: filterPaths(filter), sort: [] },
    };
  }

  private aggregateDocuments(req: Record<string, unknown>, ctx: Ctx): ActionOutcome {
    const collection = this.collection(req);
    if (!Array.isArray(req.stages)) throw new CloudError('INVALID_PARAM', 'invalid parameters: stages');
    const pipeline: Doc[] = req.stages.map((raw: unknown) => {
      const stage = asRecord(raw);
      const key = stage.stageKey;
      const value = stage.stageValue;
      if (typeof key !== 'string' || !key.startsWith('$') || typeof value !== 'string') {
        throw new CloudError('INVALID_PARAM', 'invalid parameters: stages');
      }
      if (key === '$out' || key === '$merge') {
        throw new CloudError('DATABASE_REQUEST_FAILED', `aggregation stage ${key} is not supported by localcloud`);
      }
      return { [key]: toQueryValue(decodeEjson(value, ctx.now)) };
    });
    if (!pipeline.some((stage) => '$limit' in stage)) pipeline.push({ $limit: DEFAULT_AGGREGATE_LIMIT });
    const view = ctx.view;
    const store = this.store;
    let list: Doc[];
    try {
      // A leading $match filters the stored documents before anything is copied, as MongoDB
      // applies it first (through an index); the stages after it see copies of the matches only.
      const first = pipeline[0];
      const matched = first && '$match' in first ? findDocs(view, collection, asRecord(first.$match)) : null;
      const input = matched ? matched.map(cloneValue) : view.list(collection);
      list = new Aggregator(matched ? pipeline.slice(1) : pipeline, {
        ...MINGO_OPTIONS,
        processingMode: matched ? ProcessingMode.CLONE_OFF : ProcessingMode.CLONE_INPUT,
        collectionResolver: (name: string) => (store.hasCollection(name) ? view.list(name).map(cloneValue) : []),
      }).run<Doc>(input);
    } catch (err) {
      throw new CloudError('DATABASE_REQUEST_FAILED', `aggregate failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    return {
      reply: { data: { list: list.map(encodeEjson) } },
      accounting: 'read',
      collection,
      shape: aggregateShape(collection, pipeline),
    };
  }

  /** The legacy transaction module (`@cloudbase/database/src/transaction.ts`); unused by this SDK. */
  private legacy(action: string, req: Record<string, unknown>, now: number): ActionOutcome {
    const collection = this.collection(req);
    const tx = this.txm.require(requireString(req, 'transactionId'));
    const ctx: Ctx = { now, tx, view: this.txm.enter(tx) };
    const id: unknown = req._id;
    if (!isIdEquality(id)) throw new CloudError('INVALID_PARAM', 'invalid parameters: _id');
    const key = idKey(id);
    const current = ctx.view.get(collection, key);
    if (action === 'database.getInTransaction') {
      this.txm.touch(tx, collection, key);
      return { reply: { data: current ? encodeEjson(current) : 'null' }, accounting: 'read', collection };
    }
    this.txm.target(tx, collection, key); // a write by _id: in the write set even if it changes nothing
    if (action === 'database.deleteDocInTransaction') {
      if (current) this.write(ctx, [{ collection, key, doc: null }]);
      return { reply: { deleted: current ? 1 : 0 }, accounting: 'write', collection };
    }
    const data = decodeObject(req.data, now, 'data');
    if (req.upsert === true) {
      this.write(ctx, [{ collection, key, doc: withIdFirst(id, toQueryValue(data) as Doc) }]);
      return {
        reply: current ? { updated: 1 } : { updated: 0, upserted: JSON.stringify([{ _id: id }]) },
        accounting: 'write',
        collection,
      };
    }
    if (!current) return { reply: { updated: 0 }, accounting: 'write', collection };
    const result = applyModifier(current, normalizeModifier(data));
    if (result.changed) this.write(ctx, [{ collection, key, doc: result.doc }]);
    return { reply: { updated: result.changed ? 1 : 0 }, accounting: 'write', collection };
  }
}

function aggregateShape(collection: string, pipeline: Doc[]): QueryShape {
  const filters: Doc[] = [];
  let sort: string[] = [];
  for (const stage of pipeline) {
    if (isPlainObject(stage.$match)) {
      filters.push(stage.$match);
      continue;
    }
    if (isPlainObject(stage.$sort)) sort = Object.keys(stage.$sort);
    break; // only a leading $match (and the $sort right after it) can use an index
  }
  return { collection, op: 'aggregate', filter: filterPaths({ $and: filters }), sort };
}

export function duplicateError(collection: string, id: unknown): CloudError {
  return new CloudError(
    'DATABASE_DUPLICATE_WRITE',
    `DATABASE_DUPLICATE_WRITE: E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${describeId(id)} }`,
  );
}

// ---------- direct access used by LocalDb ----------

export function directFind(
  txm: TransactionManager,
  collection: string,
  filter: Doc,
  spec: FindSpec = {},
): Doc[] {
  return findDocs(txm.committedView(), collection, toQueryValue(filter) as Doc, spec);
}

export function directChanges(
  txm: TransactionManager,
  collection: string,
  filter: Doc,
  modifier: Doc | null,
): DocChange[] {
  const matches = directFind(txm, collection, filter);
  if (modifier === null) return matches.map((doc) => ({ collection, key: idKey(doc._id), doc: null }));
  const normalized = normalizeModifier(modifier);
  const changes: DocChange[] = [];
  for (const doc of matches) {
    const result = applyModifier(doc, normalized);
    if (result.changed) changes.push({ collection, key: idKey(doc._id), doc: result.doc });
  }
  return changes;
}

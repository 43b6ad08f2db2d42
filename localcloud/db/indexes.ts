// Declared indexes per collection. Queries still scan (the collections are in memory); what an index
// changes here is the unique rule: a unique index keeps, for the committed documents, a map from
// each index key to the document holding it, and every write is checked against it before
// anything is written, failing with MongoDB's E11000 text as CloudBase does.
//
// Keys follow MongoDB: a missing field indexes as null (two documents both missing it collide)
// unless the index is sparse (a document missing every indexed field is left out); an array
// indexes each of its elements (multikey: two documents sharing one element collide, one document
// may repeat an element); an empty array indexes as undefined; numbers compare by value, dates by
// time. Collation is binary (default MongoDB collation).
import { EJSON } from 'bson';
import type { IndexDeclaration, IndexInfo } from '../types';
import { CloudError, Doc, isPlainObject } from '../wire';
import type { DocChange } from './store';

const MISSING = Symbol('missing');
const EMPTY_ARRAY = Symbol('empty array');
type KeyPart = unknown; // a value, MISSING or EMPTY_ARRAY

interface IndexKey {
  /** Canonical string of the whole compound key. */
  key: string;
  parts: KeyPart[];
}

/** MongoDB's default index name: each field with its direction, joined by `_` (`a_1_b_1`). */
export function defaultIndexName(fields: readonly string[]): string {
  return fields.map((f) => `${f}_1`).join('_');
}

export function normalizeIndex(decl: IndexDeclaration): IndexInfo {
  const spec = isFieldList(decl) ? { fields: decl } : decl;
  const fields = [...spec.fields];
  if (fields.length === 0 || fields.some((f) => typeof f !== 'string' || f === '' || f.startsWith('$'))) {
    throw new CloudError('INVALID_PARAM', `invalid index fields: ${JSON.stringify(fields)}`);
  }
  return {
    name: spec.name ?? defaultIndexName(fields),
    fields,
    unique: spec.unique === true,
    sparse: spec.sparse === true,
  };
}

function isFieldList(decl: IndexDeclaration): decl is readonly string[] {
  return Array.isArray(decl);
}

/** Values at a dotted path, expanding arrays on the way (MongoDB's multikey rule). */
function valuesAt(value: unknown, parts: string[]): KeyPart[] {
  if (parts.length === 0) {
    if (Array.isArray(value)) return value.length === 0 ? [EMPTY_ARRAY] : value;
    return [value === undefined ? MISSING : value];
  }
  if (Array.isArray(value)) {
    const out = value.flatMap((item) => (isPlainObject(item) ? valuesAt(item, parts) : []));
    return out.length > 0 ? out : [MISSING];
  }
  if (!isPlainObject(value) || !(parts[0] in value)) return [MISSING];
  return valuesAt(value[parts[0]], parts.slice(1));
}

function partKey(part: KeyPart): string {
  if (part === MISSING || part === null) return 'null';
  if (part === EMPTY_ARRAY) return 'undefined';
  if (typeof part === 'number') return `n:${part === 0 ? 0 : part}`;
  if (typeof part === 'string') return `s:${part}`;
  if (typeof part === 'boolean') return `b:${String(part)}`;
  if (part instanceof Date) return `d:${part.getTime()}`;
  return `j:${EJSON.stringify({ v: part as Doc }, { relaxed: true })}`;
}

/** How MongoDB's message shows one key value: `"text"`, `12`, `null`, `new Date(…)`. */
function describePart(part: KeyPart): string {
  if (part === MISSING || part === null) return 'null';
  if (part === EMPTY_ARRAY) return 'undefined';
  if (typeof part === 'string') return JSON.stringify(part);
  if (typeof part === 'number' || typeof part === 'boolean') return String(part);
  if (part instanceof Date) return `new Date(${part.getTime()})`;
  return EJSON.stringify(part as Doc, { relaxed: true });
}

/** The keys a document puts in the index; none when a sparse index leaves it out. */
export function indexKeys(index: IndexInfo, doc: Doc): IndexKey[] {
  const perField = index.fields.map((field) => valuesAt(doc, field.split('.')));
  if (index.sparse && perField.every((values) => values.length === 1 && values[0] === MISSING)) return [];
  let tuples: KeyPart[][] = [[]];
  for (const values of perField) tuples = tuples.flatMap((tuple) => values.map((v) => [...tuple, v]));
  const out = new Map<string, IndexKey>();
  for (const parts of tuples) {
    const key = parts.map(partKey).join('\u0000');
    if (!out.has(key)) out.set(key, { key, parts });
  }
  return Array.from(out.values());
}

export function duplicateKeyError(collection: string, index: IndexInfo, key: IndexKey): CloudError {
  const shown = index.fields.map((field, i) => `${field}: ${describePart(key.parts[i])}`).join(', ');
  return new CloudError(
    'DATABASE_DUPLICATE_WRITE',
    `DATABASE_DUPLICATE_WRITE: E11000 duplicate key error collection: ${collection} index: ${index.name} dup key: { ${shown} }`,
  );
}

const ID_INDEX: IndexInfo = { name: '_id_', fields: ['_id'], unique: true, sparse: false };

/**
 * The indexes of every collection, declared or not yet created. `committed(collection)` gives the
 * committed documents of an existing collection (null when it does not exist).
 */
export class IndexCatalog {
  private readonly defs = new Map<string, IndexInfo[]>();
  /** `collection\0index name` -> index key -> document key, for unique indexes; built on first use. */
  private readonly entries = new Map<string, Map<string, string>>();

  constructor(private readonly committed: (collection: string) => Iterable<[string, Doc]> | null) {}

  /**
   * Declares an index; the same declaration again changes nothing. A unique index on a collection
   * whose documents already break it fails with E11000 and is not kept (MongoDB's index build).
   */
  define(collection: string, decl: IndexDeclaration): IndexInfo {
    const index = normalizeIndex(decl);
    const defs = this.defs.get(collection) ?? [];
    const sameName = defs.find((d) => d.name === index.name);
    if (sameName) {
      if (sameIndex(sameName, index)) return { ...sameName, fields: [...sameName.fields] };
      throw new CloudError('INVALID_PARAM', `Index with name: ${index.name} already exists with different options`);
    }
    const sameFields = defs.find((d) => sameFieldList(d.fields, index.fields));
    if (sameFields) {
      throw new CloudError('INVALID_PARAM', `Index already exists with a different name: ${sameFields.name}`);
    }
    if (index.unique) {
      const docs = this.committed(collection);
      if (docs) this.entries.set(slot(collection, index), buildEntries(collection, index, docs));
    }
    this.defs.set(collection, [...defs, index]);
    return { ...index, fields: [...index.fields] };
  }

  list(collection: string): IndexInfo[] {
    return [ID_INDEX, ...(this.defs.get(collection) ?? [])].map((d) => ({ ...d, fields: [...d.fields] }));
  }

  /**
   * Throws E11000 when `changes` (final document states; `doc: null` removes) would give two
   * documents one key of a unique index. `pending` are writes already buffered on top of the
   * committed data (a transaction's); only collisions involving `changes` are reported.
   */
  check(changes: DocChange[], pending: DocChange[] = []): void {
    const collections = new Set(changes.filter((c) => c.doc !== null).map((c) => c.collection));
    for (const collection of collections) {
      const unique = (this.defs.get(collection) ?? []).filter((d) => d.unique);
      if (unique.length === 0) continue;
      const overlay = new Map<string, Doc | null>();
      for (const c of pending) if (c.collection === collection) overlay.set(c.key, c.doc);
      const changed = new Set<string>();
      for (const c of changes) {
        if (c.collection !== collection) continue;
        overlay.set(c.key, c.doc);
        if (c.doc !== null) changed.add(c.key);
        else changed.delete(c.key);
      }
      for (const index of unique) {
        const committed = this.entriesOf(collection, index);
        const seen = new Map<string, string>();
        for (const [docKey, doc] of overlay) {
          if (doc === null) continue;
          for (const k of indexKeys(index, doc)) {
            const other = seen.get(k.key);
            if (other !== undefined && (changed.has(docKey) || changed.has(other))) {
              throw duplicateKeyError(collection, index, k);
            }
            seen.set(k.key, docKey);
            const owner = committed.get(k.key);
            // A committed holder that the overlay rewrites or removes is judged by its new state.
            if (owner !== undefined && owner !== docKey && !overlay.has(owner) && changed.has(docKey)) {
              throw duplicateKeyError(collection, index, k);
            }
          }
        }
      }
    }
  }

  /** Keeps the built unique maps in step with one committed change (`before` = the previous state). */
  applied(collection: string, key: string, before: Doc | undefined, after: Doc | null): void {
    for (const index of this.defs.get(collection) ?? []) {
      const entries = index.unique ? this.entries.get(slot(collection, index)) : undefined;
      if (!entries) continue;
      if (before) for (const k of indexKeys(index, before)) if (entries.get(k.key) === key) entries.delete(k.key);
      if (after) for (const k of indexKeys(index, after)) entries.set(k.key, key);
    }
  }

  private entriesOf(collection: string, index: IndexInfo): Map<string, string> {
    let entries = this.entries.get(slot(collection, index));
    if (!entries) {
      entries = buildEntries(collection, index, this.committed(collection) ?? []);
      this.entries.set(slot(collection, index), entries);
    }
    return entries;
  }
}

function slot(collection: string, index: IndexInfo): string {
  return `${collection}\u0000${index.name}`;
}

function buildEntries(collection: string, index: IndexInfo, docs: Iterable<[string, Doc]>): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [docKey, doc] of docs) {
    for (const k of indexKeys(index, doc)) {
      const owner = entries.get(k.key);
      if (owner !== undefined && owner !== docKey) throw duplicateKeyError(collection, index, k);
      entries.set(k.key, docKey);
    }
  }
  return entries;
}

function sameFieldList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}

function sameIndex(a: IndexInfo, b: IndexInfo): boolean {
  return sameFieldList(a.fields, b.fields) && a.unique === b.unique && a.sparse === b.sparse;
}

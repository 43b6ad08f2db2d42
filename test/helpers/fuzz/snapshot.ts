// A full picture of the local cloud's database, read from its store's durable copy (the SQLite
// file the store commits every write to before a function's request returns), not through the
// functions: every document of every collection as its stored text. Compared before and after a
// refused call, so a write that slipped through is found whatever the invocation counted.
// Reading the file costs a few milliseconds a snapshot; going through LocalDb.find (query engine
// and a deep copy per document) cost about 20 ms with the fixture's documents.
import Database from 'better-sqlite3';
import { join } from 'node:path';

/** Collection name → document key → stored body. */
export type DbSnapshot = Map<string, Map<string, string>>;

export interface StoreReader {
  snapshot(): DbSnapshot;
  close(): void;
}

/** Reads the store of a local cloud started with `dataDir`, leaving out `exclude`d collections. */
export function openStoreReader(dataDir: string, exclude: readonly string[]): StoreReader {
  const sqlite = new Database(join(dataDir, 'cloud.sqlite'), { readonly: true, fileMustExist: true });
  const skip = new Set(exclude);
  const collections = sqlite.prepare('SELECT name FROM collections').pluck();
  const documents = sqlite.prepare('SELECT collection, key, body FROM documents').raw();
  return {
    snapshot() {
      const snap: DbSnapshot = new Map();
      for (const name of collections.all() as string[]) if (!skip.has(name)) snap.set(name, new Map());
      for (const [collection, key, body] of documents.all() as Array<[string, string, string]>) snap.get(collection)?.set(key, body);
      return snap;
    },
    close: () => sqlite.close(),
  };
}

export interface DbChange {
  collection: string;
  id: string;
  before: string | null;
  after: string | null;
}

/** Documents added, removed or changed between two snapshots (a collection created counts too). */
export function diffSnapshots(before: DbSnapshot, after: DbSnapshot): DbChange[] {
  const changes: DbChange[] = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(name) ?? new Map<string, string>();
    const b = after.get(name) ?? new Map<string, string>();
    if (!before.has(name)) changes.push({ collection: name, id: '(collection created)', before: null, after: '' });
    for (const [id, doc] of a) if (b.get(id) !== doc) changes.push({ collection: name, id, before: doc, after: b.get(id) ?? null });
    for (const [id, doc] of b) if (!a.has(id)) changes.push({ collection: name, id, before: null, after: doc });
  }
  return changes;
}

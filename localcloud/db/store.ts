// Document store: SQLite (better-sqlite3) as the durable copy, a parsed in-memory Map per collection
// as the working copy. It applies batches of final document states atomically, refusing a batch
// that breaks a unique index (indexes.ts); it knows nothing of queries, transactions or the wire
// protocol.
import Database from 'better-sqlite3';
import { EJSON } from 'bson';
import type { IndexDeclaration } from '../types';
import { CloudError, Doc, encodeEjson } from '../wire';
import { IndexCatalog } from './indexes';

export interface StoredDoc {
  doc: Doc;
  /** Global, strictly increasing write counter: a changed doc always gets a bigger number. */
  version: number;
}

/** The final state of one document after an operation; `doc: null` deletes it. */
export interface DocChange {
  collection: string;
  key: string;
  doc: Doc | null;
}

export interface OpenApiCallRow {
  api: string;
  params: Record<string, unknown>;
  openid?: string;
  at: number;
}

export class DocumentStore {
  private readonly sqlite: Database.Database;
  /** Known collections; the value is null until the collection is first used (lazy load). */
  private readonly collections = new Map<string, Map<string, StoredDoc> | null>();
  private versionCounter: number;
  /** Declared indexes; unique ones are checked by apply() (and by a transaction's writes, see engine.ts). */
  readonly indexes: IndexCatalog;
  private readonly stmts: {
    insert: Database.Statement;
    update: Database.Statement;
    remove: Database.Statement;
    load: Database.Statement;
    addCollection: Database.Statement;
    addOpenApiCall: Database.Statement;
  };

  /** `indexes`: declared per collection; a unique one the stored documents break fails here (E11000). */
  constructor(file: string, indexes: Record<string, readonly IndexDeclaration[]> = {}) {
    this.sqlite = new Database(file);
    if (file !== ':memory:') this.sqlite.pragma('journal_mode = WAL');
    // WAL with NORMAL: a commit is in the WAL file before apply() returns, so a killed process
    // loses no acknowledged write (test/localcloud/crash.test.ts); only an OS crash or power cut may
    // drop the last commits, which a development host accepts to avoid an fsync per write.
    this.sqlite.pragma('synchronous = NORMAL');
    this.sqlite.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS documents (
        collection TEXT NOT NULL,
        key TEXT NOT NULL,
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (collection, key)
      );
      CREATE TABLE IF NOT EXISTS openapi_calls (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        api TEXT NOT NULL,
        params TEXT NOT NULL,
        openid TEXT,
        at INTEGER NOT NULL
      );
    `);
    for (const row of this.sqlite.prepare('SELECT name FROM collections ORDER BY name').all()) {
      this.collections.set(String((row as { name: unknown }).name), null);
    }
    const max = this.sqlite.prepare('SELECT MAX(version) AS v FROM documents').get() as { v: unknown } | undefined;
    this.versionCounter = typeof max?.v === 'number' ? max.v : 0;
    this.stmts = {
      insert: this.sqlite.prepare('INSERT INTO documents (collection, key, version, body) VALUES (?, ?, ?, ?)'),
      update: this.sqlite.prepare('UPDATE documents SET version = ?, body = ? WHERE collection = ? AND key = ?'),
      remove: this.sqlite.prepare('DELETE FROM documents WHERE collection = ? AND key = ?'),
      // rowid order is insertion order: the natural order of a collection.
      load: this.sqlite.prepare('SELECT key, version, body FROM documents WHERE collection = ? ORDER BY rowid'),
      addCollection: this.sqlite.prepare('INSERT INTO collections (name, created_at) VALUES (?, ?)'),
      addOpenApiCall: this.sqlite.prepare('INSERT INTO openapi_calls (api, params, openid, at) VALUES (?, ?, ?, ?)'),
    };
    this.indexes = new IndexCatalog((name) =>
      this.collections.has(name) ? Array.from(this.docs(name), ([key, stored]): [string, Doc] => [key, stored.doc]) : null,
    );
    try {
      for (const [collection, declared] of Object.entries(indexes)) {
        for (const decl of declared) this.indexes.define(collection, decl);
      }
    } catch (err) {
      this.sqlite.close();
      throw err;
    }
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  listCollections(): string[] {
    return Array.from(this.collections.keys()).sort();
  }

  /** Returns false when the collection already exists. */
  createCollection(name: string): boolean {
    if (this.collections.has(name)) return false;
    this.stmts.addCollection.run(name, Date.now());
    this.collections.set(name, new Map());
    return true;
  }

  /** The live map of a collection (do not mutate the documents). Throws like CloudBase when missing. */
  docs(name: string): Map<string, StoredDoc> {
    if (!this.collections.has(name)) throw collectionNotExist(name);
    let docs = this.collections.get(name);
    if (!docs) {
      docs = new Map();
      for (const row of this.stmts.load.all(name) as Array<{ key: string; version: number; body: string }>) {
        docs.set(row.key, { doc: EJSON.parse(row.body, { relaxed: true }) as Doc, version: row.version });
      }
      this.collections.set(name, docs);
    }
    return docs;
  }

  /** The version given to the latest change: any later change gets a bigger one (transaction snapshots). */
  lastVersion(): number {
    return this.versionCounter;
  }

  version(collection: string, key: string): number | null {
    if (!this.collections.has(collection)) return null;
    return this.docs(collection).get(key)?.version ?? null;
  }

  /**
   * Apply final states atomically: SQLite first (one transaction), then the in-memory maps. A batch
   * that would give two documents one key of a unique index fails with E11000 and writes nothing.
   */
  apply(changes: DocChange[]): void {
    if (changes.length === 0) return;
    this.indexes.check(changes);
    const planned: Array<{ change: DocChange; version: number; existed: boolean }> = [];
    // The same document may appear twice in one batch; track what the batch itself did.
    const batchState = new Map<string, boolean>();
    for (const change of changes) {
      const slot = `${change.collection}\u0000${change.key}`;
      const existed = batchState.get(slot) ?? this.docs(change.collection).has(change.key);
      batchState.set(slot, change.doc !== null);
      planned.push({ change, version: ++this.versionCounter, existed });
    }
    const write = this.sqlite.transaction(() => {
      for (const { change, version, existed } of planned) {
        if (change.doc === null) {
          if (existed) this.stmts.remove.run(change.collection, change.key);
        } else if (existed) {
          this.stmts.update.run(version, encodeEjson(change.doc), change.collection, change.key);
        } else {
          this.stmts.insert.run(change.collection, change.key, version, encodeEjson(change.doc));
        }
      }
    });
    write();
    for (const { change, version } of planned) {
      const docs = this.docs(change.collection);
      this.indexes.applied(change.collection, change.key, docs.get(change.key)?.doc, change.doc);
      // Map.set on an existing key keeps its position, so updates keep natural order.
      if (change.doc === null) docs.delete(change.key);
      else docs.set(change.key, { doc: change.doc, version });
    }
  }

  recordOpenApiCall(row: OpenApiCallRow): void {
    this.stmts.addOpenApiCall.run(row.api, JSON.stringify(row.params), row.openid ?? null, row.at);
  }

  close(): void {
    this.sqlite.close();
  }
}

export function collectionNotExist(name: string): CloudError {
  return new CloudError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`);
}

// LocalDb: synchronous, in-process access to the local database for seeding and inspecting in tests
// and scripts. No wire, no accounting, no transactions; same storage, the same mingo semantics and
// the same unique indexes (every write goes through store.apply).
import type { Document, FindOptions, LocalDb } from '../types';
import { Doc, cloneValue, idKey, isPlainObject, newId } from '../wire';
import { directChanges, directFind, duplicateError } from './engine';
import { DocumentStore, collectionNotExist } from './store';
import { TransactionManager } from './transactions';

export function createLocalDb(store: DocumentStore, txm: TransactionManager): LocalDb {
  const requireCollection = (name: string): void => {
    if (!store.hasCollection(name)) throw collectionNotExist(name);
  };
  return {
    createCollection: (name) => store.createCollection(name),
    insert(collection, doc) {
      requireCollection(collection);
      if (!isPlainObject(doc)) throw new TypeError('LocalDb.insert expects a plain object');
      const id = doc._id ?? newId();
      const key = idKey(id);
      if (store.docs(collection).has(key)) throw duplicateError(collection, id);
      const { _id: _ignored, ...rest } = cloneValue(doc as Doc);
      store.apply([{ collection, key, doc: { _id: id, ...rest } }]);
      return id;
    },
    find(collection, filter: Document = {}, options: FindOptions = {}) {
      requireCollection(collection);
      return directFind(txm, collection, filter, options).map(cloneValue);
    },
    get(collection, id) {
      requireCollection(collection);
      const stored = store.docs(collection).get(idKey(id));
      return stored ? cloneValue(stored.doc) : undefined;
    },
    count(collection, filter: Document = {}) {
      requireCollection(collection);
      return directFind(txm, collection, filter).length;
    },
    listCollections: () => store.listCollections(),
    update(collection, filter, modifier) {
      requireCollection(collection);
      const changes = directChanges(txm, collection, filter, modifier);
      store.apply(changes);
      return changes.length;
    },
    remove(collection, filter) {
      requireCollection(collection);
      const changes = directChanges(txm, collection, filter, null);
      store.apply(changes);
      return changes.length;
    },
    createIndex(collection, index) {
      requireCollection(collection);
      return store.indexes.define(collection, index).name;
    },
    listIndexes(collection) {
      requireCollection(collection);
      return store.indexes.list(collection);
    },
  };
}

// Transactions: buffers a transaction's writes, overlays them on committed data for its reads, and
// decides conflicts. It applies nothing to the store except at commit; it knows nothing of the wire.
//
// Isolation: MongoDB's snapshot isolation, which CloudBase's database runs on (CloudBase documents
// "snapshot isolation; conflicting writes fail" and no more; the details below are MongoDB's):
// - Snapshot: the store's version counter when the transaction runs its first operation.
// - Write set: every document a transactional write touched: written, matched without change, or
//   named by `_id` and not found (an update/remove of a missing document; MongoDB's snapshot may
//   still hold it, so the real write would have hit it).
// - Conflicts, only on the write set. Another open transaction already writing a document fails
//   the write at once (fail fast). At commit, a document of the write set that changed (created,
//   modified or removed) after the snapshot, or since the transaction first touched it by a read
//   or a write, fails the commit with DATABASE_TRANSACTION_CONFLICT and the SDK's runTransaction
//   re-runs the whole callback. A read that found a document absent counts as a touch at "no
//   version": if someone creates it and the transaction then writes it, the commit fails (no
//   double create). A document the transaction only read never fails it (MongoDB: write skew is
//   allowed).
// - Differences from MongoDB: reads see the latest committed data (plus the transaction's own
//   writes), not the snapshot; a written document that changed after the snapshot conflicts anyway,
//   so what is written never rests on a stale read of that same document. A conflict found on a
//   write (document changed after the snapshot) is reported at commit rather than on the write,
//   because the SDK retries only commit conflicts. A document removed after the snapshot but before the transaction first
//   touched it goes unnoticed (the store keeps no tombstones): a blind create of it commits.
// - Abort, commit and expiry (30 s) release the locks. Writes outside transactions never wait for
//   locks; they simply make the transaction fail at commit.
import { randomBytes } from 'node:crypto';
import { CloudError, Doc } from '../wire';
import { DocChange, DocumentStore } from './store';

export interface ReadView {
  /** Documents of a collection in natural order. Do not mutate them. */
  list(collection: string): Doc[];
  get(collection: string, key: string): Doc | undefined;
}

export interface Transaction {
  readonly id: string;
  readonly expiresAt: number;
  /** The store's version counter at the first operation (null before it). */
  snapshot: number | null;
  /** slot -> committed version at first touch, by read or write (null = did not exist) */
  readonly touched: Map<string, { collection: string; key: string; version: number | null }>;
  /** slot -> final state buffered by this transaction, in first-write order */
  readonly writes: Map<string, DocChange>;
  /** Slots of every document a write touched (the buffered ones and those it left unchanged). */
  readonly writeSet: Set<string>;
}

const slotOf = (collection: string, key: string): string => `${collection}\u0000${key}`;

export function conflictError(detail: string): CloudError {
  return new CloudError('DATABASE_TRANSACTION_CONFLICT', `DATABASE_TRANSACTION_CONFLICT: ${detail}`);
}

export class TransactionManager {
  private readonly open = new Map<string, Transaction>();
  private readonly locks = new Map<string, string>();

  constructor(
    private readonly store: DocumentStore,
    private readonly ttlMs = 30_000,
    private readonly wallClock: () => number = Date.now,
  ) {}

  committedView(): ReadView {
    const store = this.store;
    return {
      list: (collection) => Array.from(store.docs(collection).values(), (s) => s.doc),
      get: (collection, key) => store.docs(collection).get(key)?.doc,
    };
  }

  start(): Transaction {
    this.sweep();
    const tx: Transaction = {
      id: `tx-${randomBytes(12).toString('hex')}`,
      expiresAt: this.wallClock() + this.ttlMs,
      snapshot: null,
      touched: new Map(),
      writes: new Map(),
      writeSet: new Set(),
    };
    this.open.set(tx.id, tx);
    return tx;
  }

  require(id: string): Transaction {
    const tx = this.open.get(id);
    if (!tx || tx.expiresAt <= this.wallClock()) {
      if (tx) this.discard(tx);
      throw new CloudError('DATABASE_TRANSACTION_FAIL', `transaction ${id} does not exist or has expired`);
    }
    return tx;
  }

  /**
   * Called at the start of every operation of the transaction: the first call fixes its snapshot.
   * Returns committed data overlaid with the transaction's own buffered writes.
   */
  enter(tx: Transaction): ReadView {
    tx.snapshot ??= this.store.lastVersion();
    const store = this.store;
    return {
      list: (collection) => {
        const out: Doc[] = [];
        const seen = new Set<string>();
        for (const [key, stored] of store.docs(collection)) {
          const write = tx.writes.get(slotOf(collection, key));
          seen.add(key);
          if (!write) out.push(stored.doc);
          else if (write.doc) out.push(write.doc);
        }
        for (const write of tx.writes.values()) {
          if (write.collection === collection && write.doc && !seen.has(write.key)) out.push(write.doc);
        }
        return out;
      },
      get: (collection, key) => {
        const write = tx.writes.get(slotOf(collection, key));
        if (write) return write.doc ?? undefined;
        return store.docs(collection).get(key)?.doc;
      },
    };
  }

  /**
   * Remember the committed version of a document the transaction reads or writes, on first touch;
   * null when it does not exist (an absent read).
   */
  touch(tx: Transaction, collection: string, key: string): void {
    tx.snapshot ??= this.store.lastVersion();
    const slot = slotOf(collection, key);
    if (!tx.touched.has(slot)) tx.touched.set(slot, { collection, key, version: this.store.version(collection, key) });
  }

  /** A document a write of the transaction changed, matched, or named by `_id`: it joins the write set. */
  target(tx: Transaction, collection: string, key: string): void {
    this.touch(tx, collection, key);
    tx.writeSet.add(slotOf(collection, key));
  }

  /**
   * True when the committed document was written after the transaction's snapshot by someone else,
   * so a snapshot read would not show it (an insert of its `_id` then conflicts at commit rather than
   * failing as a duplicate, as MongoDB reports a WriteConflict there).
   */
  newerThanSnapshot(tx: Transaction, collection: string, key: string): boolean {
    if (tx.writes.has(slotOf(collection, key))) return false;
    const version = this.store.version(collection, key);
    return version !== null && tx.snapshot !== null && version > tx.snapshot;
  }

  /** Buffer writes. Fails fast, with nothing buffered, if another open transaction holds a lock. */
  stage(tx: Transaction, changes: DocChange[]): void {
    for (const change of changes) {
      const owner = this.locks.get(slotOf(change.collection, change.key));
      if (owner && owner !== tx.id && this.isOpen(owner)) {
        throw conflictError(`document ${change.key} in ${change.collection} is being written by another transaction`);
      }
    }
    for (const change of changes) {
      const slot = slotOf(change.collection, change.key);
      this.target(tx, change.collection, change.key);
      this.locks.set(slot, tx.id);
      tx.writes.set(slot, change);
    }
  }

  /** Returns how many documents were written. */
  commit(id: string): number {
    const tx = this.require(id);
    try {
      // Only the write set is checked: a document the transaction only read never fails it.
      for (const slot of tx.writeSet) {
        const touched = tx.touched.get(slot);
        if (!touched) continue; // cannot happen: target() touches first
        const current = this.store.version(touched.collection, touched.key);
        const changedSinceTouch = current !== touched.version;
        const changedSinceSnapshot = current !== null && tx.snapshot !== null && current > tx.snapshot;
        if (changedSinceTouch || changedSinceSnapshot) {
          throw conflictError(
            `document ${touched.key} in ${touched.collection} was written by someone else during the transaction`,
          );
        }
      }
      const changes = Array.from(tx.writes.values());
      this.store.apply(changes);
      return changes.length;
    } finally {
      // A conflicted attempt is never aborted by the SDK (it starts a new one), so discard it here.
      this.discard(tx);
    }
  }

  abort(id: string): void {
    const tx = this.open.get(id);
    if (tx) this.discard(tx);
  }

  sweep(): void {
    const now = this.wallClock();
    for (const tx of this.open.values()) if (tx.expiresAt <= now) this.discard(tx);
  }

  clear(): void {
    this.open.clear();
    this.locks.clear();
  }

  private isOpen(id: string): boolean {
    const tx = this.open.get(id);
    if (!tx) return false;
    if (tx.expiresAt <= this.wallClock()) {
      this.discard(tx);
      return false;
    }
    return true;
  }

  private discard(tx: Transaction): void {
    this.open.delete(tx.id);
    for (const slot of tx.writes.keys()) if (this.locks.get(slot) === tx.id) this.locks.delete(slot);
  }
}

// Transactions: buffers a transaction's writes, overlays them on committed data for its reads, and
// decides conflicts. It applies nothing to the store except at commit; it knows nothing of the wire.
//
// Rules (CloudBase documents "snapshot isolation, conflicting writes fail fast"; details unverified):
// - The first write to a document locks it for the transaction. Another open transaction that writes
//   the same document fails at once with DATABASE_TRANSACTION_CONFLICT.
// - The version of every document a transaction reads or writes is remembered at first touch. At
//   commit, if any of them changed (or appeared/disappeared), commit fails with
//   DATABASE_TRANSACTION_CONFLICT and the SDK's runTransaction re-runs the whole callback.
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
  /** slot -> committed version at first touch (null = did not exist) */
  readonly touched: Map<string, { collection: string; key: string; version: number | null }>;
  /** slot -> final state buffered by this transaction, in first-write order */
  readonly writes: Map<string, DocChange>;
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
      touched: new Map(),
      writes: new Map(),
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

  /** Committed data overlaid with the transaction's own buffered writes. */
  view(tx: Transaction): ReadView {
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

  /** Remember the committed version of a document the transaction reads, on first touch. */
  touch(tx: Transaction, collection: string, key: string): void {
    const slot = slotOf(collection, key);
    if (!tx.touched.has(slot)) tx.touched.set(slot, { collection, key, version: this.store.version(collection, key) });
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
      this.touch(tx, change.collection, change.key);
      this.locks.set(slot, tx.id);
      tx.writes.set(slot, change);
    }
  }

  /** Returns how many documents were written. */
  commit(id: string): number {
    const tx = this.require(id);
    try {
      for (const touched of tx.touched.values()) {
        if (this.store.version(touched.collection, touched.key) !== touched.version) {
          throw conflictError(`document ${touched.key} in ${touched.collection} changed since the transaction read it`);
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

import type { Db } from './open';

// Work that may only happen once a write has committed (telling open screens about a
// change): collected per connection while the transaction runs, handed to the
// connection's listener after the outermost write() commits, and dropped when it rolls
// back, so nothing is announced that did not happen.

type Listener = (items: unknown[]) => void;

const pending = new WeakMap<Db, unknown[]>();
const listeners = new WeakMap<Db, Listener>();

export function onCommitted(db: Db, listener: Listener): void {
  listeners.set(db, listener);
}

function deliver(db: Db, items: unknown[]): void {
  listeners.get(db)?.(items);
}

// Outside a transaction the statement has already committed on its own.
export function afterCommit(db: Db, item: unknown): void {
  if (!listeners.has(db)) return;
  if (!db.inTransaction) return deliver(db, [item]);
  let list = pending.get(db);
  if (!list) pending.set(db, (list = []));
  list.push(item);
}

/** How much is pending when a write starts (a nested write rolls back only its own part). */
export const commitMark = (db: Db): number => pending.get(db)?.length ?? 0;

/** Called by write() when it ends: delivers after the outermost commit, drops a rolled-back part. */
export function settleCommit(db: Db, mark: number, committed: boolean): void {
  const list = pending.get(db);
  if (!list) return;
  if (!committed) list.length = Math.min(list.length, mark);
  if (db.inTransaction || list.length === 0) return;
  pending.delete(db);
  deliver(db, list);
}

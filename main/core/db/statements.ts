import type Database from 'better-sqlite3';
import type { Db } from './open';

// Statements prepared once per connection. Preparing parses and plans the SQL again on
// every call (tens of microseconds each, and a call may run dozens), so the core keeps
// each text's statement for as long as the connection lives; a restore opens a new
// connection, and the WeakMap lets the old one's statements go with it.
//
// A statement is shared by every caller of the same text, so its modes must not be
// changed in place: `pluck` gives a separately cached statement that returns the first
// column. Never iterate() a cached statement while running it again (it would be busy).
const cache = new WeakMap<Db, Map<string, Database.Statement>>();

function cached(db: Db, key: string, make: () => Database.Statement): Database.Statement {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  let s = byText.get(key);
  if (!s) byText.set(key, (s = make()));
  return s;
}

// Typed without the mode switches, so a shared statement cannot be changed in place.
export type SharedStatement = Omit<Database.Statement, 'pluck' | 'raw' | 'expand'>;

export function stmt(db: Db, sql: string): SharedStatement {
  return cached(db, sql, () => db.prepare(sql));
}

// The statement returning only its first column (better-sqlite3's pluck mode).
export function pluck(db: Db, sql: string): Database.Statement {
  return cached(db, `pluck\n${sql}`, () => db.prepare(sql).pluck());
}

// Rows changed through this connection that nothing kept by dataStamp depends on: a
// session's last activity, touched once a minute for each signed-in user.
const unstamped = new WeakMap<Db, number>();
export function changedUnstamped(db: Db, changes: number): void {
  unstamped.set(db, (unstamped.get(db) ?? 0) + changes);
}

// Differs whenever the database has changed since it was last taken, whether through
// this connection (total_changes, less the changes above) or another one (data_version).
export function dataStamp(db: Db): string {
  const changes = (pluck(db, 'SELECT total_changes()').get() as number) - (unstamped.get(db) ?? 0);
  return `${pluck(db, 'PRAGMA data_version').get() as number}:${changes}`;
}

// What is worked out from the data, kept while it is unchanged: the map for `stamp` (a
// dataStamp), emptied whenever the stamp differs from the one it was filled at. Not for use
// inside a transaction, whose rollback would not change the stamp.
export function keptWhileUnchanged<T>(): (db: Db, stamp: string) => Map<string, T> {
  const kept = new WeakMap<Db, { stamp: string; byKey: Map<string, T> }>();
  return (db, stamp) => {
    let k = kept.get(db);
    if (k?.stamp !== stamp) kept.set(db, (k = { stamp, byKey: new Map() }));
    return k.byKey;
  };
}

// The statement returning rows as arrays (better-sqlite3's raw mode): no object per row
// where a call reads thousands of them.
export function rawRows(db: Db, sql: string): Database.Statement {
  return cached(db, `raw\n${sql}`, () => db.prepare(sql).raw());
}

import type { Db } from './open';
import { changedUnstamped, pluck, stmt } from './statements';

// The text indexes get a new segment with every write, and FTS5 merges them as it goes
// (automerge), which leaves an office's index in segments of many sizes; a search reads
// every one. On 100,000 complaints whose index was written one complaint at a time, as
// an office writes it, a Kasi's search took 1.8 ms and the Staf's 0.9; merged into one
// segment, 0.8 and 0.65. FTS5's 'merge' does that a slice at a time: it writes about
// the given number of pages and stops, and the next slice goes on; searches in between
// find the same rows. A pass over an index starts with a negative count, which puts every
// segment into one merge, and goes on with a positive one, which carries that merge on
// and leaves the segments written meanwhile alone (a negative count again would start
// over with them, and never finish while the office works). There a slice took 10 ms
// (30 at most), 102 slices in all. Once both passes are done, the next begins a day later.
const TABLES = ['complaints_register_fts', 'complaints_fts'] as const;
const PAGES_PER_SLICE = 100;
export const MERGE_AGAIN_AFTER_MS = 24 * 3_600_000;

interface MergeState {
  table: number;
  // Whether the pass over this table has begun (its first slice sent a negative count).
  begun: boolean;
  // When the last pass over both indexes ended.
  doneAt: number | null;
}
const states = new WeakMap<Db, MergeState>();

// One slice of merging, when one is due: true when work is left (so the next slice is
// worth running soon), false when the pass is over or the next waits for its day.
export function mergeTextIndexesSlice(db: Db, nowMs = Date.now(), pages = PAGES_PER_SLICE): boolean {
  let state = states.get(db);
  if (!state) states.set(db, (state = { table: 0, begun: false, doneAt: null }));
  if (state.doneAt !== null && nowMs - state.doneAt < MERGE_AGAIN_AFTER_MS) return false;
  // Never inside a call's transaction: a slice is a transaction of its own.
  if (db.inTransaction) return true;
  const table = TABLES[state.table]!;
  const changes = pluck(db, 'SELECT total_changes()');
  const before = changes.get() as number;
  stmt(db, `INSERT INTO ${table}(${table}, rank) VALUES ('merge', ?)`).run(state.begun ? pages : -pages);
  state.begun = true;
  const written = (changes.get() as number) - before;
  // The index's rows are as they were: what the lists keep (dataStamp) still holds.
  changedUnstamped(db, written);
  // Fewer than two rows changed: this index has nothing left to merge (FTS5's own test).
  if (written >= 2) return true;
  state.begun = false;
  state.table = (state.table + 1) % TABLES.length;
  if (state.table === 0) state.doneAt = nowMs;
  return state.table !== 0;
}

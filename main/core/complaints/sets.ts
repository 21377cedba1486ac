import type { Db } from '../db/open';
import { pluck } from '../db/statements';

// Sets of complaints held in memory as bits by id: the complaints a filter of the register,
// or its words, keep. A word most complaints hold ("jalan": 870,000 of 1,000,000) beside a
// filter keeping many (a step done in a year: 200,000) costs SQLite a list of one and a look-
// up per entry of the other, a few hundred milliseconds, where two sets of bits are ANDed and
// counted in about a tenth of a millisecond.
//
// Each set is listed once and then kept up to date from the complaints' change marks
// (change_seq, raised by triggers on every column, pause and disposition the register's
// filters and text read): the complaints marked since the set was listed are asked its
// condition again (`probe`, a condition on the complaint `c`), their bits set or cleared.
// A set whose condition depends on the time (late now) is listed on every call instead.
// Nothing here is read inside a transaction, whose changes a rollback would undo unmarked.

export interface IdSet {
  bits: Uint32Array;
  count: number;
}

export interface SetSpec {
  // What the set is kept under: its condition and parameters.
  key: string;
  // A SELECT of the ids, and its parameters.
  list: [string, unknown[]];
  // The condition asked of one changed complaint; null where the set is listed afresh.
  probe: [string, unknown[]] | null;
}

interface Kept extends IdSet {
  mark: number;
  probe: [string, unknown[]];
}

// Sets of 1,000,000 complaints take 125 kB each (16 MB for all).
const SETS_KEPT = 128;
// More changes than these since a set was listed (an import) and it is listed again.
const PATCH_MOST = 20_000;

const keptOf = new WeakMap<Db, Map<string, Kept>>();

// The latest change mark: read once for the sets a call asks for.
export const changeMark = (db: Db) => (pluck(db, 'SELECT max(change_seq) FROM complaints WHERE change_seq IS NOT NULL').get() as number | null) ?? 0;

// A set's complaints listed as one text of ids joined by commas, built inside SQLite: a
// list of 87,000 ids (a common word at 100,000) comes out about three times sooner so than
// as 87,000 rows, each stepped out to JavaScript on its own.
function listedIds(db: Db, [sql, params]: [string, unknown[]]): number[] {
  const text = pluck(db, `WITH listed(id) AS (${sql}) SELECT group_concat(id) FROM listed`).get(...params) as string | null;
  const ids: number[] = [];
  if (text === null) return ids;
  let id = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 44;
    if (c === 44) {
      ids.push(id);
      id = 0;
    } else id = id * 10 + c - 48;
  }
  return ids;
}

function fromIds(ids: number[]): IdSet {
  let most = 0;
  for (const id of ids) if (id > most) most = id;
  const bits = new Uint32Array((most >>> 5) + 1);
  for (const id of ids) bits[id >>> 5]! |= 1 << (id & 31);
  return counted(bits);
}

export const counted = (bits: Uint32Array): IdSet => ({ bits, count: countBits(bits) });

function countBits(bits: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) n += bitsIn(bits[i]!);
  return n;
}

function bitsIn(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export const has = (s: IdSet, id: number) => ((s.bits[id >>> 5] ?? 0) & (1 << (id & 31))) !== 0;

// The complaints of a spec as of a change mark, kept (and brought up to date) where it has a
// probe. Never inside a transaction.
export function setOf(db: Db, spec: SetSpec, mark: number): IdSet {
  if (db.inTransaction) throw new Error('register sets inside a transaction');
  const listed = () => fromIds(listedIds(db, spec.list));
  if (!spec.probe) return listed();
  let kept = keptOf.get(db);
  if (!kept) keptOf.set(db, (kept = new Map()));
  let set = kept.get(spec.key);
  if (set) kept.delete(spec.key);
  if (set && set.mark !== mark) set = patched(db, set, mark);
  // The mark is read before the list: a change committed in between is asked again later.
  if (!set) set = { ...listed(), mark, probe: spec.probe };
  kept.set(spec.key, set);
  if (kept.size > SETS_KEPT) kept.delete(kept.keys().next().value!);
  return set;
}

// The set with the complaints marked since it was listed asked again; undefined where the
// marks went back (another database in its place) or too many changed.
function patched(db: Db, set: Kept, mark: number): Kept | undefined {
  if (mark < set.mark) return undefined;
  const changed = pluck(db, 'SELECT id FROM complaints WHERE change_seq > ? LIMIT ?').all(set.mark, PATCH_MOST + 1) as number[];
  if (changed.length > PATCH_MOST) return undefined;
  const [sql, params] = set.probe;
  const holding = new Set(
    pluck(db, `SELECT c.id FROM json_each(?) j CROSS JOIN complaints c ON c.id = j.value WHERE ${sql}`).all(JSON.stringify(changed), ...params) as number[],
  );
  const flips = changed.filter((id) => has(set, id) !== holding.has(id));
  // Unchanged, it stays the same object, and so does what was worked out from it.
  if (!flips.length) return Object.assign(set, { mark });
  let { bits, count } = set;
  const most = Math.max(...flips);
  if (most >>> 5 >= bits.length) {
    // Room for the ids to come, so that a set is not copied on every new complaint.
    const grown = new Uint32Array(Math.ceil(((most >>> 5) + 1) * 1.25));
    grown.set(bits);
    bits = grown;
  }
  for (const id of flips) {
    bits[id >>> 5]! ^= 1 << (id & 31);
    count += holding.has(id) ? 1 : -1;
  }
  return { bits, count, mark, probe: set.probe };
}

// What is worked out from sets, kept: a kept set stays the same object until a change
// patches it (setOf), so a page, the next page, or the same view asked again reads its ANDs
// and counts from here (at 1,000,000 each costs some 0.1 ms, and a status's stretches take
// dozens). Each memo keeps its `most` latest results (an AND of 1,000,000 complaints takes
// 125 kB): those of sets no longer kept are never asked again and leave in turn.
interface Memo<T> {
  most: number;
  byKey: Map<string, T>;
}
export const memo = <T,>(most: number): Memo<T> => ({ most, byKey: new Map() });
const numbered = new WeakMap<IdSet, number>();
let lastNumber = 0;
const numberOf = (s: IdSet) => numbered.get(s) ?? (numbered.set(s, ++lastNumber), lastNumber);
export function derived<T>(memo: Memo<T>, from: IdSet[], make: () => T): T {
  const key = from.map(numberOf).join(' ');
  let value = memo.byKey.get(key);
  if (value === undefined) value = make();
  else memo.byKey.delete(key);
  memo.byKey.set(key, value);
  if (memo.byKey.size > memo.most) memo.byKey.delete(memo.byKey.keys().next().value!);
  return value;
}

const counts = memo<number>(1024);
const ands = memo<IdSet>(64);

// How many complaints every set holds (without working them out).
export function countOfAll(sets: IdSet[]): number {
  if (sets.length === 1) return sets[0]!.count;
  if (sets.length > 2) return allOf(sets).count;
  return derived(counts, sets, () => {
    const [a, b] = [sets[0]!.bits, sets[1]!.bits];
    const length = Math.min(a.length, b.length);
    let n = 0;
    for (let i = 0; i < length; i++) n += bitsIn(a[i]! & b[i]!);
    return n;
  });
}

// The complaints every set holds.
export function allOf(sets: IdSet[]): IdSet {
  if (sets.length === 1) return sets[0]!;
  return derived(ands, sets, () => {
    const [a, b, ...more] = sets.map((s) => s.bits) as [Uint32Array, Uint32Array, ...Uint32Array[]];
    const length = Math.min(a.length, b.length, ...more.map((m) => m.length));
    const bits = new Uint32Array(length);
    if (more.length === 0) {
      let count = 0;
      for (let i = 0; i < length; i++) count += bitsIn((bits[i] = a[i]! & b[i]!));
      return { bits, count };
    }
    for (let i = 0; i < length; i++) bits[i] = a[i]! & b[i]!;
    for (const m of more) for (let i = 0; i < length; i++) bits[i]! &= m[i]!;
    return counted(bits);
  });
}

// The ids a set holds, in ascending order.
export function idsOf(s: IdSet): number[] {
  const ids: number[] = [];
  for (let i = 0; i < s.bits.length; i++) {
    let v = s.bits[i]!;
    while (v !== 0) {
      const low = v & -v;
      ids.push(i * 32 + 31 - Math.clz32(low));
      v ^= low;
    }
  }
  return ids;
}

// The ids a set holds as the JSON text json_each reads, kept with the set: a view asked
// again, its next page or its other order hands SQLite the same text, which for the 2,318
// complaints of a Kasi's "jalan krajan" beside "selesai" at 100,000 took some 35 µs to make
// (more than the rest of the call's JavaScript). Kept for sets of up to IDS_TEXT_MOST ids
// (some 8 bytes each), the latest 16.
const idsTexts = memo<string>(16);
const IDS_TEXT_MOST = 50_000;
export const idsTextOf = (s: IdSet): string =>
  s.count > IDS_TEXT_MOST ? JSON.stringify(idsOf(s)) : derived(idsTexts, [s], () => JSON.stringify(idsOf(s)));

// A statement that keeps the complaints a set holds (IN_SET in its WHERE, as SQLite walks an
// index: some 0.15 µs an entry, where reading each entry's id into JavaScript to test it took
// 0.5 µs), its ids; null once it has asked about `most` complaints (the walk too long: the
// caller then sorts the set's complaints instead). IN_SET's parameter names the walk, one
// for each statement and its other parameters (a call may walk the same statement over
// several stretches); the last walks stay known, each with its whole allowance again once
// it ends, so that the same statement run again (the bench's twin replays each statement a
// call ran) walks alike.
export const IN_SET = 'tanggap_in_set(?, c.id)';
interface Walk {
  set: IdSet;
  most: number;
  left: number;
}
const walks = new Map<number, Walk>();
const walkOf = new Map<string, number>();
const WALKS_KEPT = 64;
let lastWalk = 0;
// One, thrown by every walk that is too long: an Error made on each throw captured a stack
// trace each time (some 30 µs).
export class WalkTooLong extends Error {}
const TOO_LONG = new WalkTooLong('tanggap_in_set: walk too long');
const withFunction = new WeakSet<Db>();
export function keptAlong(db: Db, sql: string, params: (walk: number) => unknown[], set: IdSet, most: number): number[] | null {
  if (!withFunction.has(db)) {
    db.function('tanggap_in_set', { deterministic: false, directOnly: true }, (walk: unknown, id: unknown) => {
      const w = walks.get(walk as number);
      if (!w) throw new Error('tanggap_in_set: walk unknown');
      if (--w.left < 0) throw TOO_LONG;
      return has(w.set, id as number) ? 1 : 0;
    });
    withFunction.add(db);
  }
  const walk: Walk = { set, most, left: most };
  const key = `${sql}\n${JSON.stringify(params(0))}`;
  const n = walkOf.get(key) ?? ++lastWalk;
  walkOf.delete(key);
  walkOf.set(key, n);
  walks.set(n, walk);
  if (walkOf.size > WALKS_KEPT) {
    const [oldest, m] = walkOf.entries().next().value!;
    walkOf.delete(oldest);
    walks.delete(m);
  }
  try {
    return pluck(db, sql).all(...params(n)) as number[];
  } catch (e) {
    if (e === TOO_LONG) return null;
    throw e;
  } finally {
    walk.left = most;
  }
}

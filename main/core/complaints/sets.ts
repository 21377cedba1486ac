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

// bits[k] holds the ids of word lo + k (ids 32 × (lo + k) to 32 × (lo + k) + 31); the
// words before lo and after the last hold none. A set of a year's complaints, or of a
// stretch of its numbers, holds ids of a narrow span, and so do the ANDs made from it: at
// 1,000,000 a search's page ANDed its words with some 20 stretches, each AND a new array of
// all 31,250 words (125 kB), and collecting them took some 1.5 ms of each call.
export interface IdSet {
  bits: Uint32Array;
  lo: number;
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

// A set spanning 1,000,000 complaints takes 125 kB (16 MB for all).
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

export function fromIds(ids: number[]): IdSet {
  if (!ids.length) return { bits: new Uint32Array(0), lo: 0, count: 0 };
  let most = 0;
  let least = Infinity;
  for (const id of ids) {
    if (id > most) most = id;
    if (id < least) least = id;
  }
  const lo = least >>> 5;
  const bits = new Uint32Array((most >>> 5) - lo + 1);
  for (const id of ids) bits[(id >>> 5) - lo]! |= 1 << (id & 31);
  return counted(bits, lo);
}

// The set of these bits, the first of them word lo.
export function counted(bits: Uint32Array, lo = 0): IdSet {
  let count = 0;
  for (let i = 0; i < bits.length; i++) count += bitsIn(bits[i]!);
  return { bits, lo, count };
}

// Word i (as counted from id 0) of a set.
export const wordOf = (s: IdSet, i: number) => s.bits[i - s.lo] ?? 0;

function bitsIn(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export const has = (s: IdSet, id: number) => (wordOf(s, id >>> 5) & (1 << (id & 31))) !== 0;

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
  let { bits, lo, count } = set;
  const [least, most] = [Math.min(...flips) >>> 5, Math.max(...flips) >>> 5];
  if (!bits.length) lo = least;
  if (least < lo || most >= lo + bits.length) {
    // Room for the ids to come, so that a set is not copied on every new complaint.
    const from = Math.min(lo, least);
    const grown = new Uint32Array(Math.ceil((Math.max(most + 1, lo + bits.length) - from) * 1.25));
    grown.set(bits, lo - from);
    [bits, lo] = [grown, from];
  }
  for (const id of flips) {
    bits[(id >>> 5) - lo]! ^= 1 << (id & 31);
    count += holding.has(id) ? 1 : -1;
  }
  return { bits, lo, count, mark, probe: set.probe };
}

// What is worked out from sets, kept: a kept set stays the same object until a change
// patches it (setOf), so a page, the next page, or the same view asked again reads its ANDs
// and counts from here (at 1,000,000 each costs some 0.1 ms, and a status's stretches take
// dozens). Each memo keeps its `most` latest results (an AND of 1,000,000 complaints takes
// 125 kB at most): those of sets no longer kept are never asked again and leave in turn.
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
    const [{ bits: a, lo: aLo }, { bits: b, lo: bLo }] = sets as [IdSet, IdSet];
    const [lo, end] = overlap(sets);
    let n = 0;
    for (let i = lo; i < end; i++) n += bitsIn(a[i - aLo]! & b[i - bLo]!);
    return n;
  });
}

// The complaints every set holds.
export function allOf(sets: IdSet[]): IdSet {
  if (sets.length === 1) return sets[0]!;
  return derived(ands, sets, () => {
    const [lo, end] = overlap(sets);
    const bits = new Uint32Array(end - lo);
    const [{ bits: a, lo: aLo }, ...more] = sets as [IdSet, ...IdSet[]];
    bits.set(a.subarray(lo - aLo, end - aLo));
    for (const { bits: m, lo: mLo } of more) for (let i = lo; i < end; i++) bits[i - lo]! &= m[i - mLo]!;
    return counted(bits, lo);
  });
}

// The words every set spans: [first, end), empty where they share none.
function overlap(sets: IdSet[]): [number, number] {
  let [lo, end] = [0, Infinity];
  for (const s of sets) [lo, end] = [Math.max(lo, s.lo), Math.min(end, s.lo + s.bits.length)];
  return [lo, Math.max(lo, end)];
}

// The id of the n-th complaint (from 1) a set holds, counted from its lowest id, or from
// its highest; null where it holds fewer.
export function nthId(s: IdSet, n: number, fromHighest: boolean): number | null {
  const { bits, lo } = s;
  for (let step = 0, seen = 0; step < bits.length; step++) {
    const k = fromHighest ? bits.length - 1 - step : step;
    const inWord = bitsIn(bits[k]!);
    if (seen + inWord < n) {
      seen += inWord;
      continue;
    }
    for (let b = 0; b < 32; b++) {
      const bit = fromHighest ? 31 - b : b;
      if (bits[k]! & (1 << bit) && ++seen === n) return (lo + k) * 32 + bit;
    }
  }
  return null;
}

// How many complaints a set holds from an id on, upwards or downwards (the id's own too).
export function countFrom(s: IdSet, id: number, upwards: boolean): number {
  const { bits, lo } = s;
  const at = (id >>> 5) - lo;
  const bit = id & 31;
  // The id's word: its bits from `bit` up (or down to it).
  const mask = upwards ? ~0 << bit : ~0 >>> (31 - bit);
  let n = at >= 0 && at < bits.length ? bitsIn(bits[at]! & mask) : 0;
  const [from, to] = upwards ? [Math.max(at + 1, 0), bits.length] : [0, Math.min(at, bits.length)];
  for (let k = from; k < to; k++) n += bitsIn(bits[k]!);
  return n;
}

// The ids a set holds, in ascending order.
export function idsOf(s: IdSet): number[] {
  const ids: number[] = [];
  for (let k = 0; k < s.bits.length; k++) {
    let v = s.bits[k]!;
    while (v !== 0) {
      const low = v & -v;
      ids.push((s.lo + k) * 32 + 31 - Math.clz32(low));
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
// IN_SET's function on a connection (once): the walks are the module's, so a statement
// keptAlong ran on one connection may be run again on another of the same file.
export function withInSet(db: Db): Db {
  if (withFunction.has(db)) return db;
  db.function('tanggap_in_set', { deterministic: false, directOnly: true }, (walk: unknown, id: unknown) => {
    const w = walks.get(walk as number);
    if (!w) throw new Error('tanggap_in_set: walk unknown');
    if (--w.left < 0) throw TOO_LONG;
    return has(w.set, id as number) ? 1 : 0;
  });
  withFunction.add(db);
  return db;
}
export function keptAlong(db: Db, sql: string, params: (walk: number) => unknown[], set: IdSet, most: number): number[] | null {
  withInSet(db);
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

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { allOf, changeMark, countFrom, countOfAll, counted, derived, fromIds, has, nthId, idsOf, idsTextOf, memo, setOf as keptSet, type IdSet } from './sets';

// Sets of ids as bits, against JavaScript's own Set: the highest bit of each word (ids 31,
// 63, …, which a signed shift would turn negative) included, and sets of unequal lengths.
function setOf(ids: number[], words = 0): IdSet {
  const most = Math.max(0, ...ids);
  const bits = new Uint32Array(Math.max(words, (most >>> 5) + 1));
  for (const id of ids) bits[id >>> 5]! |= 1 << (id & 31);
  return counted(bits);
}

function randomIds(n: number, below: number, seed: number): number[] {
  let x = seed;
  const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) % below);
  return [...new Set(Array.from({ length: n }, next))];
}

describe('sets of complaint ids', () => {
  it('counts, ANDs, lists and tests membership as a Set does', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const a = randomIds(400, 3000, seed);
      const b = [...randomIds(300, 2000, seed * 7), 31, 63, 2047];
      const c = [...randomIds(900, 5000, seed * 13), 31];
      const [sa, sb, sc] = [setOf(a), setOf(b, 200), setOf(c)];
      expect(sa.count).toBe(new Set(a).size);
      expect(idsOf(sa)).toEqual([...new Set(a)].sort((x, y) => x - y));
      const ab = [...new Set(a)].filter((id) => new Set(b).has(id)).sort((x, y) => x - y);
      expect(idsOf(allOf([sa, sb]))).toEqual(ab);
      expect(allOf([sa, sb]).count).toBe(ab.length);
      expect(countOfAll([sa, sb])).toBe(ab.length);
      const abc = ab.filter((id) => new Set(c).has(id));
      expect(idsOf(allOf([sa, sb, sc]))).toEqual(abc);
      expect(allOf([sa, sb, sc]).count).toBe(abc.length);
      expect(countOfAll([sa, sb, sc])).toBe(abc.length);
      for (const id of [0, 31, 32, 63, 2047, 2999, 5000, 70_000]) expect(has(sb, id)).toBe(b.includes(id));
    }
  });

  it("gives each set's ids as JSON text, each set its own, above the kept size too", () => {
    const sets = Array.from({ length: 40 }, (_, i) => setOf(randomIds(50, 4000, i + 1)));
    // Each asked twice, more sets than are kept: every answer the set's own.
    for (const round of [1, 2]) for (const s of sets) expect(JSON.parse(idsTextOf(s)), `round ${round}`).toEqual(idsOf(s));
    // An equal set that is another object answers alike.
    expect(idsTextOf(setOf(idsOf(sets[0]!)))).toBe(idsTextOf(sets[0]!));
    const large = setOf(Array.from({ length: 60_000 }, (_, i) => i * 3));
    expect(JSON.parse(idsTextOf(large))).toEqual(idsOf(large));
  });

  it('keeps the id whose bit is the sign of its word', () => {
    const s = setOf([31, 63, 95]);
    expect(s.count).toBe(3);
    expect(idsOf(s)).toEqual([31, 63, 95]);
    expect(countOfAll([s, setOf([63])])).toBe(1);
  });

  it('reads a set from its first word that holds any, for sets of distant spans too', () => {
    // A year's complaints (ids 40,000–40,999) and a word spread over all of them.
    const year = fromIds(Array.from({ length: 1000 }, (_, i) => 40_000 + i));
    const word = fromIds(randomIds(5000, 60_000, 3));
    // Its bits span its own words only, and so do those of its ANDs.
    expect([year.lo, year.bits.length]).toEqual([40_000 >>> 5, 32]);
    expect(allOf([word, year]).bits.length).toBeLessThanOrEqual(32);
    const both = [...new Set(randomIds(5000, 60_000, 3))].filter((id) => id >= 40_000 && id < 41_000).sort((a, b) => a - b);
    expect(countOfAll([word, year])).toBe(both.length);
    expect(idsOf(allOf([year, word]))).toEqual(both);
    expect(allOf([year, word]).count).toBe(both.length);
    // No overlap: an early stretch beside a later one.
    const early = fromIds([5, 100, 900]);
    expect(countOfAll([early, year])).toBe(0);
    expect(idsOf(allOf([early, year, word]))).toEqual([]);
    expect(allOf([early, year]).count).toBe(0);
    expect(has(year, 40_999) && !has(year, 41_000) && !has(year, 39_999) && !has(early, 40_000)).toBe(true);
    expect(counted(new Uint32Array(4)).count).toBe(0);
  });

  it("finds the n-th id from either end, and counts a set's ids from an id on, as sorted lists do", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const ids = [...new Set([...randomIds(300, 5000, seed).map((id) => id + 3000), 3031, 3032, 7999])].sort((a, b) => a - b);
      const s = fromIds(ids);
      for (const n of [1, 2, 31, 32, 33, 150, ids.length]) {
        expect(nthId(s, n, false)).toBe(ids[n - 1]);
        expect(nthId(s, n, true)).toBe(ids[ids.length - n]);
      }
      expect(nthId(s, ids.length + 1, false)).toBeNull();
      for (const id of [0, 2999, 3000, 3031, 3032, 3033, 4100, 7999, 8000, 20_000, ids[77]!]) {
        expect(countFrom(s, id, true), `${id} up`).toBe(ids.filter((x) => x >= id).length);
        expect(countFrom(s, id, false), `${id} down`).toBe(ids.filter((x) => x <= id).length);
      }
    }
  });

  it('finds a kept set changed below its first id (an old complaint come to match)', () => {
    const db = new Database(':memory:');
    try {
      db.exec('CREATE TABLE complaints (id INTEGER PRIMARY KEY, change_seq INTEGER, tag TEXT)');
      const add = db.prepare('INSERT INTO complaints (id, change_seq, tag) VALUES (?, ?, ?)');
      for (let id = 1; id <= 2000; id++) add.run(id, id, id >= 1500 ? 'x' : 'y');
      const spec = { key: 'tag x', list: ["SELECT c.id FROM complaints c WHERE c.tag = 'x'", []] as [string, unknown[]], probe: ["c.tag = 'x'", []] as [string, unknown[]] };
      const every = setOf(Array.from({ length: 2001 }, (_, i) => i));
      const first = keptSet(db, spec, changeMark(db));
      expect([first.count, first.lo]).toEqual([501, 1500 >>> 5]);
      db.prepare("UPDATE complaints SET tag = 'x', change_seq = 2001 WHERE id = 3").run();
      const patched = keptSet(db, spec, changeMark(db));
      expect(has(patched, 3)).toBe(true);
      expect(patched.count).toBe(502);
      expect(countOfAll([every, patched])).toBe(502);
      expect(idsOf(allOf([patched, every])).slice(0, 2)).toEqual([3, 1500]);
      // And one above its last, and one gone.
      db.prepare("UPDATE complaints SET tag = 'x', change_seq = 2002 WHERE id = 1").run();
      db.prepare("INSERT INTO complaints (id, change_seq, tag) VALUES (9000, 2003, 'x')").run();
      db.prepare("UPDATE complaints SET tag = 'y', change_seq = 2004 WHERE id = 1600").run();
      const again = keptSet(db, spec, changeMark(db));
      expect(again.count).toBe(503);
      expect(idsOf(again).slice(0, 3)).toEqual([1, 3, 1500]);
      expect(idsOf(again).at(-1)).toBe(9000);
      expect(has(again, 1600)).toBe(false);
      expect(countOfAll([again, every])).toBe(502);
      // A set listed empty, given its first complaint, then left empty again.
      const none = { key: 'tag z', list: ["SELECT c.id FROM complaints c WHERE c.tag = 'z'", []] as [string, unknown[]], probe: ["c.tag = 'z'", []] as [string, unknown[]] };
      expect(keptSet(db, none, changeMark(db)).count).toBe(0);
      db.prepare("UPDATE complaints SET tag = 'z', change_seq = 2005 WHERE id = 700").run();
      const one = keptSet(db, none, changeMark(db));
      expect([one.count, idsOf(one), countOfAll([one, every]), has(one, 700), has(one, 701)]).toEqual([1, [700], 1, true, false]);
      db.prepare("UPDATE complaints SET tag = 'y', change_seq = 2006 WHERE id = 700").run();
      const emptied = keptSet(db, none, changeMark(db));
      expect([emptied.count, idsOf(emptied), countOfAll([emptied, every])]).toEqual([0, [], 0]);
    } finally {
      db.close();
    }
  });

  it('keeps what is worked out from the same sets, the latest `most` of it', () => {
    const kept = memo<number>(2);
    let made = 0;
    const work = (...sets: IdSet[]) => derived(kept, sets, () => ++made);
    const [a, b, c] = [setOf([1]), setOf([2]), setOf([3])];
    expect([work(a, b), work(a, b), work(b, a)]).toEqual([1, 1, 2]);
    // An equal set that is another object is another result.
    expect(work(a, setOf([2]))).toBe(3);
    // Three kept at most two: the least lately asked, a with b, left.
    expect(work(b, a)).toBe(2);
    expect(work(a, c)).toBe(4);
    expect(work(b, a)).toBe(2);
    expect(work(a, b)).toBe(5);
  });
});

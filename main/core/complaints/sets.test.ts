import { describe, expect, it } from 'vitest';
import { allOf, countOfAll, counted, derived, has, idsOf, idsTextOf, memo, type IdSet } from './sets';

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

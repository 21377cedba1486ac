import { afterEach, describe, expect, it, vi } from 'vitest';
import { complaintInputSchema } from '../../shared/schemas/complaint';
import { write } from '../../main/core/context';
import { insertComplaint } from '../../main/core/complaints/repo';
import { dataStamp } from '../../main/core/db/statements';
import { MERGE_AGAIN_AFTER_MS, mergeTextIndexesSlice } from '../../main/core/db/textIndexes';
import { addUser, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';

// The text indexes merged in the background, a slice at a time: searches find the same
// complaints before, during and after, the lists' kept answers stay valid, and once both
// indexes are whole nothing is written until a day has passed.

let t: TestCore | undefined;
afterEach(() => {
  vi.useRealTimers();
  t?.dispose();
});

const LIMIT = 200;
const WORDS = ['jalan', 'krajan', 'lampu', 'sampah', 'pasar', 'saluran', 'bantuan', 'beras', 'sumur', 'jembatan', 'pungutan', 'posyandu'];

async function office(options: Parameters<typeof makeCore>[1] = {}) {
  t = makeCore('2026-11-24T02:00:00.000Z', options);
  const admin = await setupOffice(t.core);
  const staf = await addUser(t.core, admin, 'staf', 'staf', 'Dewi Staf');
  const kasi = await addUser(t.core, admin, 'kasi', 'kasi', 'Agus Kasi');
  const by = t.core.db.prepare("SELECT * FROM users WHERE username = 'staf'").get() as { id: number; name: string };
  const user = { id: by.id, username: 'staf', name: by.name, nip: '', jabatan: '', pangkat: '', role: 'staf' as const, seksi: '', active: true };
  // One complaint per transaction, as an office records them: each adds its own segments.
  for (let i = 0; i < 240; i++) {
    const w = (k: number) => WORDS[(i * 7 + k * 5) % WORDS.length]!;
    const c = sampleComplaint({ subject: `${w(0)} ${w(1)} nomor ${i}`, description: `Di ${w(2)} dekat ${w(3)}, laporan ke-${i}.` });
    write(t.core.db, () => insertComplaint(t!.core.deps, user, complaintInputSchema.parse(c), [], `2026-0${1 + (i % 9)}-1${i % 10}T02:00:00.000Z`));
  }
  return { core: t.core, db: t.core.db, staf, kasi };
}

describe('the text indexes merged in the background', () => {
  it('find the same complaints at every slice, keep the lists valid, and rest a day once whole', async () => {
    const o = await office();
    const queries = ['jalan saluran', 'sumur', 'pung', 'nomor 17', '"dekat sampah"'];
    const answers = async () => {
      const out: unknown[] = [];
      for (const s of [o.staf, o.kasi]) for (const q of queries) out.push((await ok(o.core, s, 'complaints.list', { q, limit: 200 })).rows.map((r) => r.id));
      return out;
    };
    const before = await answers();
    // The Staf finds each; the Kasi finds the words of number and subject (he may open none).
    expect((before as number[][]).map((ids) => ids.length > 0)).toEqual([true, true, true, true, true, true, true, true, true, false]);
    const changes = () => o.db.prepare('SELECT total_changes()').pluck().get() as number;
    const ids = o.db.prepare('SELECT id FROM complaints ORDER BY id').pluck().all() as number[];
    // A pass of slices of two pages each (many slices, each a state the searches must
    // read right); `busy`: the office saves a complaint's text again before each slice,
    // which gives both indexes a new segment.
    const pass = async (now: number, busy: boolean) => {
      let slices = 0;
      for (;;) {
        if (busy) write(o.db, () => o.db.prepare('UPDATE complaints SET description = description WHERE id = ?').run(ids[slices % ids.length]));
        const stamp = dataStamp(o.db);
        const more = mergeTextIndexesSlice(o.db, now, 2);
        expect(dataStamp(o.db)).toBe(stamp);
        expect(await answers()).toEqual(before);
        slices++;
        if (!more) return slices;
        expect(slices, 'the pass goes on and on').toBeLessThan(LIMIT);
      }
    };
    const now = Date.parse('2026-11-24T02:00:00.000Z');
    const written0 = changes();
    // A pass while the office works ends: the segments written meanwhile wait for the next.
    const busySlices = await pass(now, true);
    // There was merging to do, and it took several slices.
    expect(changes() - written0).toBeGreaterThan(10);
    expect(busySlices).toBeGreaterThan(4);
    // Resting: no slice writes anything until a day has passed.
    const resting = changes();
    expect(mergeTextIndexesSlice(o.db, now + MERGE_AGAIN_AFTER_MS - 1)).toBe(false);
    expect(changes()).toBe(resting);
    // The next day's pass, in a quiet moment, leaves both indexes whole: FTS5's own merge
    // finds nothing left in either.
    await pass(now + MERGE_AGAIN_AFTER_MS, false);
    for (const table of ['complaints_register_fts', 'complaints_fts']) {
      const c = changes();
      o.db.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('merge', -100)`).run();
      expect(changes() - c, table).toBeLessThan(2);
    }
    expect(mergeTextIndexesSlice(o.db, now + 2 * MERGE_AGAIN_AFTER_MS - 1)).toBe(false);
    expect(mergeTextIndexesSlice(o.db, now + 2 * MERGE_AGAIN_AFTER_MS)).toBe(true);
    expect(mergeTextIndexesSlice(o.db, now + 2 * MERGE_AGAIN_AFTER_MS)).toBe(false);
    expect(await answers()).toEqual(before);
  });

  it('runs from the core on its own timer when asked, and stops when the core closes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const o = await office({ mergeTextIndexes: true });
    const changes = () => o.db.prepare('SELECT total_changes()').pluck().get() as number;
    const c0 = changes();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(changes()).toBe(c0);
    // The first slice a minute after start, then one every few seconds while work is left.
    await vi.advanceTimersByTimeAsync(2_000);
    expect(changes()).toBeGreaterThan(c0);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    for (const table of ['complaints_register_fts', 'complaints_fts']) {
      const c = changes();
      o.db.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('merge', -100)`).run();
      expect(changes() - c, table).toBeLessThan(2);
    }
    t!.dispose();
    t = undefined;
    expect(vi.getTimerCount()).toBe(0);
  });
});

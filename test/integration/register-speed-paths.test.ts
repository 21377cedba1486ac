import { afterEach, describe, expect, it } from 'vitest';
import type { ComplaintQuery } from '../../shared/schemas/complaint';
import { complaintInputSchema } from '../../shared/schemas/complaint';
import { write } from '../../main/core/context';
import { ftsQuery, insertComplaint } from '../../main/core/complaints/repo';
import { identitySql, seeSql } from '../../main/core/access';
import type { SessionUser } from '../../main/core/context';
import { addUser, carrier, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';
import { record, hookStatements } from '../bench/twin';

hookStatements();

// The register's search read in the register's order from its own text index, typed
// prefixes looked up as the words they begin, and totals counted on the index: each
// answers exactly what the plain query (every match of complaints_fts, sorted) answers.

let t: TestCore | undefined;
afterEach(() => t?.dispose());

async function office() {
  t = makeCore('2026-11-24T02:00:00.000Z');
  const admin = await setupOffice(t.core);
  const staf = await addUser(t.core, admin, 'staf', 'staf', 'Dewi Staf');
  const kasi = await addUser(t.core, admin, 'kasi', 'kasi', 'Agus Kasi');
  const camat = await addUser(t.core, admin, 'camat', 'camat', 'Imam Camat');
  return { core: t.core, db: t.core.db, admin, staf, kasi, camat };
}

type Office = Awaited<ReturnType<typeof office>>;

interface Item {
  at: string;
  subject: string;
  description?: string;
  name?: string;
  anonymous?: boolean;
}

// Complaints recorded as an import does, in the order given (not the order received).
function record_(o: Office, items: Item[]): number[] {
  const staf = o.db.prepare("SELECT * FROM users WHERE username = 'staf'").get() as { id: number; name: string };
  const by = { id: staf.id, username: 'staf', name: staf.name, nip: '', jabatan: '', pangkat: '', role: 'staf' as const, seksi: '', active: true };
  return write(o.db, () =>
    items.map(({ at, subject, description = 'Mohon ditindaklanjuti.', name, anonymous = false }) => {
      const c = sampleComplaint({ subject, description });
      c.reporter = { ...c.reporter, name: name ?? c.reporter.name, anonymous };
      return insertComplaint(o.core.deps, by, complaintInputSchema.parse(c), [], at);
    }),
  );
}

const list = (o: Office, s: ReturnType<typeof carrier>, q: ComplaintQuery) => ok(o.core, s, 'complaints.list', q);

// The plain answer: every complaint complaints_fts matches for the words as prefixes,
// in the register's order.
function plain(o: Office, q: string, dir: 'asc' | 'desc', year?: number): number[] {
  const match = (q.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => `"${w}"*`).join(' AND ');
  const d = dir === 'asc' ? 'ASC' : 'DESC';
  return o.db
    .prepare(
      `SELECT id FROM complaints WHERE id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?) ${year === undefined ? '' : `AND year = ${year}`} ORDER BY year ${d}, seq ${d}`,
    )
    .pluck()
    .all(match) as number[];
}

// Received out of the register's order of entry: a 2025 letter entered in 2026 after
// 2026's, and an old register number taken over below zero (as an import numbers it).
async function mixedRegister(o: Office) {
  const ids = record_(o, [
    { at: '2026-01-05T02:00:00.000Z', subject: 'Jalan desa rusak di Dusun Krajan' },
    { at: '2026-01-06T02:00:00.000Z', subject: 'Lampu jalanan padam', description: 'Di Krajan Timur sejak seminggu.' },
    { at: '2025-12-30T02:00:00.000Z', subject: 'Jembatan Krajan retak', description: 'Jalan ke sekolah terputus.' },
    { at: '2025-03-01T02:00:00.000Z', subject: 'Saluran air tersumbat' },
    { at: '2026-02-01T02:00:00.000Z', subject: 'JALAN berlubang, krajang', name: 'Siti Aminah' },
    { at: '2025-04-01T02:00:00.000Z', subject: 'Sampah menumpuk di jalan Krajan' },
    { at: '2026-03-01T02:00:00.000Z', subject: 'Jalanyuk: kegiatan jalan sehat Krajan' },
    { at: '2026-03-02T02:00:00.000Z', subject: 'Pungutan liar di kantor desa' },
  ]);
  // The fourth becomes an imported old number of 2025 (seq below zero); the trigger
  // moves its key in the register's index.
  o.db.prepare("UPDATE complaints SET seq = -7, register_no = '12/LAMA/2025' WHERE id = ?").run(ids[3]);
  o.db.prepare("UPDATE complaints SET subject = 'Jalan Krajan tergenang' WHERE id = ?").run(ids[3]);
  return ids;
}

describe('register search in the register order', () => {
  it('gives every page and total of a word search, both directions and by year, as the plain sorted query does', async () => {
    const o = await office();
    await mixedRegister(o);
    for (const q of ['jalan krajan', 'Jalan', 'jal', 'krajan', 'KRAJANG', 'jalanyuk', 'desa', 'tidakada', 'jalan tidakada', 'lama 12']) {
      for (const dir of ['desc', 'asc'] as const) {
        for (const year of [undefined, 2025, 2026]) {
          const want = plain(o, q, dir, year);
          const whole = await list(o, o.staf, { q, dir, year, limit: 200 });
          expect(whole.rows.map((r) => r.id), `${q} ${dir} ${year}`).toEqual(want);
          expect(whole.total, `${q} ${dir} ${year}`).toBe(want.length);
          for (let offset = 0; offset <= want.length; offset++) {
            const page = await list(o, o.staf, { q, dir, year, offset, limit: 2 });
            expect(page.rows.map((r) => r.id), `${q} ${dir} ${year} @${offset}`).toEqual(want.slice(offset, offset + 2));
            expect(page.total).toBe(want.length);
          }
        }
      }
    }
    // Sanity: the mixed register really is out of entry order, and the search found the
    // imported number under its new place.
    expect(plain(o, 'jalan krajan', 'desc')).not.toEqual([...plain(o, 'jalan krajan', 'desc')].sort((a, b) => b - a));
    expect((await list(o, o.staf, { q: 'jalan krajan', dir: 'asc' })).rows[0]!.registerNo).toBe('12/LAMA/2025');
  });

  it('lists the words of a search once, its prefixes looked up as their words, and pages them along the register', async () => {
    const o = await office();
    await mixedRegister(o);
    const log = await record(o.db, () => list(o, o.staf, { q: 'jalan krajan' }));
    const listed = log.find((e) => e.sql.startsWith('WITH listed(id) AS (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?)'))!;
    // The prefixes were looked up as their words: no prefix query left for FTS5 to merge.
    expect(listed.params).toEqual(['("jalan" OR "jalanan" OR "jalanyuk") AND ("krajan" OR "krajang")']);
    // The page walks the register's index, asking the set of each complaint, and sorts nothing.
    const page = log.find((e) => e.sql.includes('tanggap_in_set'))!;
    expect(page.sql).toContain('INDEXED BY sqlite_autoindex_complaints_2');
    const plan = (o.db.prepare(`EXPLAIN QUERY PLAN ${page.sql}`).all(...(page.params as unknown[])) as { detail: string }[]).map((p) => p.detail);
    expect(plan.join('\n')).not.toContain('TEMP B-TREE');
    // Asked again, nothing is listed again.
    const again = await record(o.db, () => list(o, o.staf, { q: 'jalan krajan', offset: 2 }));
    expect(again.filter((e) => e.sql.includes('MATCH'))).toEqual([]);
  });

  it('matches a prefix that begins many words as a prefix, and follows edits, hidden names and other orders', async () => {
    const o = await office();
    // Twenty words beginning with "sawah": more than are named one by one.
    const words = Array.from({ length: 20 }, (_, i) => `sawah${String.fromCharCode(97 + i)}`);
    record_(o, words.map((w, i) => ({ at: `2026-04-${String(i + 1).padStart(2, '0')}T02:00:00.000Z`, subject: `Irigasi ${w}` })));
    expect((await list(o, o.staf, { q: 'sawah' })).total).toBe(20);
    expect((await list(o, o.staf, { q: 'saw' })).total).toBe(20);
    expect((await list(o, o.staf, { q: 'sawahq' })).rows.map((r) => r.subject)).toEqual(['Irigasi sawahq']);
    expect((await list(o, o.staf, { q: 'sawah' })).rows.map((r) => r.id)).toEqual(plain(o, 'sawah', 'desc'));

    const [named] = record_(o, [{ at: '2026-05-01T02:00:00.000Z', subject: 'Drainase mampet', name: 'Suparmi' }]);
    expect((await list(o, o.staf, { q: 'supar' })).rows.map((r) => r.id)).toEqual([named]);
    // Made anonymous: the name leaves the index, whichever order is asked for.
    o.db.prepare('UPDATE complaints SET anonymous = 1 WHERE id = ?').run(named);
    expect((await list(o, o.staf, { q: 'supar' })).total).toBe(0);
    expect((await list(o, o.staf, { q: 'supar', sort: 'receivedAt' })).total).toBe(0);
    // A changed subject: found by its new words only.
    o.db.prepare("UPDATE complaints SET subject = 'Gorong-gorong ambrol' WHERE id = ?").run(named);
    expect((await list(o, o.staf, { q: 'drainase' })).total).toBe(0);
    expect((await list(o, o.staf, { q: 'gorong ambr' })).rows.map((r) => r.id)).toEqual([named]);
    // A Kasi who handles none of them finds the words but never a masked name.
    record_(o, [{ at: '2026-05-02T02:00:00.000Z', subject: 'Irigasi tersumbat', name: 'Suparno' }]);
    expect((await list(o, o.kasi, { q: 'supar' })).total).toBe(0);
    expect((await list(o, o.kasi, { q: 'irigasi sawa' })).total).toBe(20);
    expect((await list(o, o.camat, { q: 'supar' })).total).toBe(1);
  });

  it('answers a word the tokenizer splits in two (a letter of another script) as the word index does', async () => {
    const o = await office();
    record_(o, [{ at: '2026-07-01T02:00:00.000Z', subject: 'Jalan berlubang' }]);
    // U+19B0 is a letter to the search box but a separator to unicode61: a phrase of two
    // words ("jalan" then "x…"), which only the word index with positions can answer.
    for (const s of [o.staf, o.kasi]) {
      expect((await list(o, s, { q: 'jalan\u19b0x' })).total).toBe(0);
      expect((await list(o, s, { q: 'jalan\u19b0berl', year: 2026 })).rows.map((r) => r.subject)).toEqual(['Jalan berlubang']);
    }
    expect((await list(o, o.staf, { q: 'jalan' })).total).toBe(1);
  });

  it('sorts a search by Pelapor as the names read, whatever their case', async () => {
    const o = await office();
    const names = ['budi', 'Agus', 'citra', 'Budiman', 'agus', 'ABAS'];
    const ids = record_(o, names.map((name, i) => ({ at: `2026-06-0${i + 1}T02:00:00.000Z`, subject: 'Jalan rusak', name })));
    record_(o, [{ at: '2026-06-09T02:00:00.000Z', subject: 'Jalan rusak', name: 'Zainal', anonymous: true }]);
    const byName = (await list(o, o.staf, { q: 'jalan', sort: 'reporterName', dir: 'asc' })).rows;
    expect(byName.map((r) => r.reporterName)).toEqual(['ABAS', 'Agus', 'agus', 'Anonim', 'budi', 'Budiman', 'citra']);
    // Equal names (NOCASE) keep the register's order of entry.
    expect(byName.slice(1, 3).map((r) => r.id)).toEqual([ids[1], ids[4]]);
    const desc = (await list(o, o.staf, { q: 'jalan', sort: 'reporterName', dir: 'desc', offset: 5, limit: 2 })).rows;
    expect(desc.map((r) => r.reporterName)).toEqual(['Agus', 'ABAS']);
  });
});

describe("a Kasi's search from the register index", () => {
  // The index's viewers column is kept by triggers on complaints, dispositions and steps.
  // After every change of a random walk through those tables, each Kasi's search read
  // from it, in the register's order, in another and with a filter, finds exactly what
  // the rule in SQL finds over complaints_fts, with the same names masked.
  it('finds what the SQL rule finds after any change of dispositions, steps and state', async () => {
    const o = await office();
    await addUser(o.core, o.admin, 'kasi2', 'kasi', 'Budi Kasi');
    const kasi2 = carrier();
    await ok(o.core, kasi2, 'auth.login', { username: 'kasi2', password: 'kata-sandi-123' });
    const idOf = (u: string) => o.db.prepare('SELECT id FROM users WHERE username = ?').pluck().get(u) as number;
    const users = ['kasi', 'kasi2', 'staf', 'camat'].map(idOf);
    const ids = record_(o, [
      { at: '2026-01-05T02:00:00.000Z', subject: 'Jalan desa rusak', description: 'Dekat rumah Pak Sugiarto di Krajan.' },
      { at: '2026-01-06T02:00:00.000Z', subject: 'Lampu padam', description: 'Jalan Krajan gelap.', name: 'Suparmi' },
      { at: '2026-01-07T02:00:00.000Z', subject: 'Pungutan surat pengantar', description: 'Oleh perangkat Krajan.', name: 'Rahmat', anonymous: true },
      { at: '2026-01-08T02:00:00.000Z', subject: 'Saluran tersumbat', description: 'Di jalan menuju pasar.', name: 'Suparno' },
      { at: '2025-12-30T02:00:00.000Z', subject: 'Sampah di jalan Krajan', description: 'Sudah seminggu.' },
      { at: '2026-02-01T02:00:00.000Z', subject: 'Bantuan beras', description: 'Tidak sampai ke warga Krajan, kata Suparmi.', name: 'Sugiarto' },
    ]);
    o.db.prepare('UPDATE complaints SET confidential = 1 WHERE id = ?').run(ids[3]);
    const queries = ['jalan', 'krajan', 'suparmi', 'sugiarto', 'supar', 'pungutan krajan', 'u1', 'kasi'];
    // The rule as it reads without the register index: the words in complaints_fts, every
    // column for the rows the Kasi may open (the name only where he may see it), number and
    // subject for the others; the name shown masked where seeSql's lists say so.
    const bySql = (username: string, q: string) => {
      const user = o.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as SessionUser;
      const fts = ftsQuery(o.db, q)!;
      const [see, identity] = [seeSql(user), identitySql(user)];
      const match = (cols: string) => `c.id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH '${cols} : (' || ? || ')')`;
      const rows = o.db
        .prepare(
          `SELECT c.id, c.anonymous, c.reporter_name AS name, ${identity.sql} AS identity FROM complaints c
           WHERE ${match('{register_no subject}')} OR (${see.sql} AND ${match('{register_no subject description}')})
             OR (${identity.sql} AND ${match('{register_no reporter_name subject description}')})`,
        )
        .all(...identity.params, fts, ...see.params, fts, ...identity.params, fts) as { id: number; anonymous: number; name: string; identity: number }[];
      return rows.map((r) => `${r.id} ${r.anonymous ? 'Anonim' : r.identity ? r.name : '•'.repeat(Math.min(r.name.length, 8))}`).sort();
    };
    const shown = (rows: { id: number; reporterName: string }[]) => rows.map((r) => `${r.id} ${r.reporterName}`).sort();
    const check = async (username: string, q: string, label: string) => {
      const want = bySql(username, q);
      // The register's order (paged and counted on the index), another order (the index's
      // matches as a list beside the other terms, the page's rows asked the rule), and a filter.
      const filters: [Partial<ComplaintQuery>, string][] = [
        [{}, '1'],
        [{ sort: 'receivedAt' }, '1'],
        [{ status: 'diterima' }, "status = 'diterima'"],
        [{ year: 2026, month: 1 }, "received_at >= '2025-12-31T17:00:00.000Z' AND received_at < '2026-01-31T17:00:00.000Z'"],
        [{ year: 2026, status: 'diterima', dir: 'asc' }, "year = 2026 AND status = 'diterima'"],
      ];
      for (const [extra, where] of filters) {
        const kept = new Set(o.db.prepare(`SELECT id FROM complaints WHERE ${where}`).pluck().all() as number[]);
        const expected = want.filter((w) => kept.has(Number(w.split(' ')[0])));
        const got = await list(o, sessionOf[username]!, { q, limit: 200, ...extra });
        expect(shown(got.rows), `${label} ${JSON.stringify(extra)}`).toEqual(expected);
        expect(got.total, `${label} ${JSON.stringify(extra)}`).toBe(expected.length);
        if (!extra.sort) {
          const d = extra.dir === 'asc' ? 'ASC' : 'DESC';
          const inOrder = o.db.prepare(`SELECT id FROM complaints WHERE id IN (SELECT value FROM json_each(?)) ORDER BY year ${d}, seq ${d}`).pluck().all(JSON.stringify(got.rows.map((r) => r.id)));
          expect(got.rows.map((r) => r.id)).toEqual(inOrder);
        }
        // Each page of two is that list cut at its offset.
        for (let offset = 0; offset < got.total; offset += 2) {
          const page = await list(o, sessionOf[username]!, { q, ...extra, offset, limit: 2 });
          expect(page.rows.map((r) => r.id), `${label} ${JSON.stringify(extra)} @${offset}`).toEqual(got.rows.slice(offset, offset + 2).map((r) => r.id));
        }
      }
      return want.length;
    };
    const sessionOf: Record<string, ReturnType<typeof carrier>> = { kasi: o.kasi, kasi2 };
    // mulberry32: the same walk every run.
    let seed = 20261130;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const steps = () => o.db.prepare('SELECT id FROM complaint_steps').pluck().all() as number[];
    const completedSteps = () => o.db.prepare('SELECT id FROM complaint_steps WHERE completed_by IS NOT NULL').pluck().all() as number[];
    const dispositions = () => o.db.prepare('SELECT id FROM dispositions').pluck().all() as number[];
    const changes: (() => void)[] = [
      () =>
        o.db
          .prepare("INSERT INTO dispositions (complaint_id, from_user, to_user, sifat, instructions, created_at) VALUES (?, ?, ?, 'biasa', '[]', '2026-02-02T02:00:00.000Z')")
          .run(pick(ids), idOf('camat'), pick(users)),
      () => dispositions().length && o.db.prepare('UPDATE dispositions SET state = ? WHERE id = ?').run(pick(['aktif', 'ditarik', 'dikembalikan', 'selesai']), pick(dispositions())),
      () => dispositions().length && o.db.prepare('UPDATE dispositions SET to_user = ? WHERE id = ?').run(pick(users), pick(dispositions())),
      () => dispositions().length && o.db.prepare('DELETE FROM dispositions WHERE id = ?').run(pick(dispositions())),
      // Moved to another complaint: both complaints' rows change.
      () => dispositions().length && o.db.prepare('UPDATE dispositions SET complaint_id = ? WHERE id = ?').run(pick(ids), pick(dispositions())),
      // Moved and changed at once; two changes of one disposition in one transaction.
      () =>
        dispositions().length &&
        o.db.prepare('UPDATE dispositions SET complaint_id = ?, to_user = ?, state = ? WHERE id = ?').run(pick(ids), pick(users), pick(['aktif', 'ditarik']), pick(dispositions())),
      () =>
        dispositions().length &&
        write(o.db, () => {
          const d = pick(dispositions());
          o.db.prepare('UPDATE dispositions SET state = ? WHERE id = ?').run(pick(['aktif', 'ditarik']), d);
          o.db.prepare('UPDATE dispositions SET to_user = ?, complaint_id = ? WHERE id = ?').run(pick(users), pick(ids), d);
        }),
      () => completedSteps().length && o.db.prepare('UPDATE complaint_steps SET complaint_id = ? WHERE id = ?').run(pick(ids), pick(completedSteps())),
      () => o.db.prepare('UPDATE complaint_steps SET completed_by = ? WHERE id = ?').run(pick([...users, null]), pick(steps())),
      () =>
        o.db
          .prepare("INSERT INTO complaint_steps (complaint_id, step_no, started_at, due_at, completed_by) VALUES (?, 9, '2026-02-02T02:00:00.000Z', '2026-02-03T02:00:00.000Z', ?)")
          .run(pick(ids), pick([...users, null])),
      () => o.db.prepare('DELETE FROM complaint_steps WHERE id = ?').run(pick(steps())),
      () => o.db.prepare('UPDATE complaints SET acting = ? WHERE id = ?').run(pick(['kasi', 'tim_pengelola', 'camat', 'sekcam', 'staf', null]), pick(ids)),
      () => o.db.prepare('UPDATE complaints SET acting_alt = ? WHERE id = ?').run(pick(['', ',kasi,', ',tim_pengelola,', ',camat,sekcam,']), pick(ids)),
      () => o.db.prepare('UPDATE complaints SET closed_at = ? WHERE id = ?').run(pick([null, '2026-02-03T02:00:00.000Z']), pick(ids)),
      () => o.db.prepare('UPDATE complaints SET status = ? WHERE id = ?').run(pick(['ditindaklanjuti', 'tidak_lengkap', 'diterima']), pick(ids)),
      () => o.db.prepare('UPDATE complaints SET anonymous = ?, confidential = ? WHERE id = ?').run(pick([0, 1]), pick([0, 0, 1]), pick(ids)),
      () => o.db.prepare('UPDATE complaints SET subject = ?, description = ? WHERE id = ?').run(pick(['Jalan berlubang', 'Pungutan liar']), pick(['Di Krajan.', 'Kata Suparmi.', '']), pick(ids)),
    ];
    // What the walk reached: how many complaints any Kasi may open as at a Kasi step
    // disposed to nobody, and how many this Kasi finds by "krajan", after each change.
    const open = o.db.prepare(`SELECT count(*) FROM complaints_register_fts WHERE complaints_register_fts MATCH '{viewers} : "kasi"'`).pluck();
    const reached = { open: new Set<number>(), found: new Set<number>() };
    // The triggers keep each row's viewers as the view that fills the index says them.
    const indexed = o.db.prepare("SELECT rowid FROM complaints_register_fts WHERE complaints_register_fts MATCH '{viewers} : \"' || ? || '\"' ORDER BY rowid").pluck();
    const viewed = o.db.prepare("SELECT k FROM complaints_register_text WHERE instr(' ' || viewers || ' ', ' ' || ? || ' ') > 0 ORDER BY k").pluck();
    for (let round = 0; round < 120; round++) {
      pick(changes)();
      for (const token of [...users.map((u) => `u${u}`), 'kasi']) expect(indexed.all(token), `round ${round}, ${token}`).toEqual(viewed.all(token));
      for (const username of ['kasi', 'kasi2']) for (const q of queries) await check(username, q, `round ${round}, ${username}, ${q}`);
      reached.open.add(open.get() as number);
      reached.found.add(await check('kasi', 'krajan', `round ${round}`));
    }
    // His words are listed from the register index, which names who may open each complaint.
    const log = await record(o.db, () => list(o, kasi2, { q: 'krajan jalan' }));
    expect(log.some((e) => /^WITH listed\(id\) AS \(SELECT c\.id FROM \(SELECT rowid AS k FROM complaints_register_fts WHERE/.test(e.sql))).toBe(true);
    expect(log.some((e) => e.sql.includes('FROM complaints_fts'))).toBe(false);
    expect(reached.open.size).toBeGreaterThanOrEqual(3);
    expect(reached.found.size).toBeGreaterThanOrEqual(3);
    // About 10 s alone; three times that beside other work on a 2-core machine.
  }, 120_000);
});

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComplaintQuery } from '../../shared/schemas/complaint';
import { complaintInputSchema, complaintQuerySchema } from '../../shared/schemas/complaint';
import { sortFields } from '../../shared/registerQuery';
import { write } from '../../main/core/context';
import { insertComplaint, listComplaints } from '../../main/core/complaints/repo';
import { addUser, carrier, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';
import type { SessionUser } from '../../main/core/context';
import { complaintAccess, identitySql, seeSql } from '../../main/core/access';
import { loadState } from '../../main/core/workflow/engine';
import { allowedActions, mayActOnStep } from '../../main/core/workflow/rules';
import { record, hookStatements } from '../bench/twin';

hookStatements();

// The fast paths of the register, the queues and the sessions answer exactly what the
// plain queries would: totals from the counters, pages read from the far end, register
// numbers found through their index, name order that betrays no hidden name.

let t: TestCore | undefined;
afterEach(() => t?.dispose());

const PASSWORD = 'kata-sandi-123';

async function office(start = '2026-11-24T02:00:00.000Z') {
  t = makeCore(start);
  const admin = await setupOffice(t.core);
  const staf = await addUser(t.core, admin, 'staf', 'staf', 'Dewi Staf');
  const kasi = await addUser(t.core, admin, 'kasi', 'kasi', 'Agus Kasi');
  const camat = await addUser(t.core, admin, 'camat', 'camat', 'Imam Camat');
  return { core: t.core, db: t.core.db, admin, staf, kasi, camat };
}

type Office = Awaited<ReturnType<typeof office>>;

// Complaints recorded as an import does: received at the given instants.
function importAt(o: Office, items: { at: string; name?: string; anonymous?: boolean; confidential?: boolean; subject?: string }[]): number[] {
  const staf = o.db.prepare("SELECT * FROM users WHERE username = 'staf'").get() as { id: number; name: string };
  const by = { id: staf.id, username: 'staf', name: staf.name, nip: '', jabatan: '', pangkat: '', role: 'staf' as const, seksi: '', active: true };
  return write(o.db, () =>
    items.map(({ at, name, anonymous = false, confidential = false, subject }) => {
      const c = sampleComplaint({ subject: subject ?? 'Lampu jalan padam di Dusun Krajan' });
      c.reporter = { ...c.reporter, name: name ?? c.reporter.name, anonymous, confidential };
      return insertComplaint(o.core.deps, by, complaintInputSchema.parse(c), [], at);
    }),
  );
}

// 1,200 complaints, one every `hours` from `from`: four in five about a well ("sumur"), the
// others about a lamp (`lamp` gives their subject); names in mixed case, some anonymous.
function wellsAndLamps(o: Office, from: number, hours: number, lamp = (_i: number) => 'Lampu penerangan padam'): number[] {
  const names = ['budi', 'Anita', 'citra', 'Budi', 'eka', 'Dodi', 'fajar'];
  return importAt(
    o,
    Array.from({ length: 1200 }, (_, i) => ({
      at: new Date(from + i * hours * 3_600_000).toISOString(),
      name: names[i % names.length],
      anonymous: i % 11 === 4,
      subject: i % 5 === 2 ? lamp(i) : `Sumur warga kering ${i}`,
    })),
  );
}

const list = (o: Office, s: ReturnType<typeof carrier>, q: ComplaintQuery) => ok(o.core, s, 'complaints.list', q);

// Each order of the register as plain SQL over the complaints table ({d}: the direction).
const ORDERS = {
  registerNo: 'year {d}, seq {d}',
  receivedAt: 'received_at {d}, id {d}',
  reporterName: "(CASE WHEN anonymous THEN 'Anonim' ELSE reporter_name END) COLLATE NOCASE {d}, year {d}, seq {d}",
  status: 'status {d}, year {d}, seq {d}',
};

describe('register totals and pages', () => {
  it('counts from the counters what count(*) counts, in two years and in all', async () => {
    const o = await office();
    importAt(o, [
      { at: '2025-03-01T02:00:00.000Z' },
      { at: '2025-12-31T17:30:00.000Z' }, // 00.30 on 1 January 2026 in Jakarta: numbered in 2026
      { at: '2026-02-01T02:00:00.000Z' },
    ]);
    await ok(o.core, o.staf, 'complaints.create', sampleComplaint());
    const count = (where = '', ...p: number[]) => o.db.prepare(`SELECT count(*) FROM complaints ${where}`).pluck().get(...p) as number;
    const all = await list(o, o.staf, {});
    expect(all.total).toBe(count());
    expect(all.total).toBe(4);
    expect(all.years).toEqual([2026, 2025]);
    expect((await list(o, o.staf, { year: 2025 })).total).toBe(count('WHERE year = ?', 2025));
    expect((await list(o, o.staf, { year: 2026 })).total).toBe(count('WHERE year = ?', 2026));
    expect((await list(o, o.staf, { year: 2026 })).total).toBe(3);
    expect((await list(o, o.staf, { year: 2024 })).total).toBe(0);
  });

  it('gives every page, the last ones read from the far end, as the whole ordered list cut at that offset', async () => {
    const o = await office();
    importAt(
      o,
      ['Budi', 'anita', 'Citra', 'Budi', 'dedi', 'Eka', 'agus'].map((name, i) => ({ at: `2026-0${1 + (i % 3)}-1${i}T02:00:00.000Z`, name })),
    );
    for (const sort of sortFields) {
      for (const dir of ['asc', 'desc'] as const) {
        const whole = (await list(o, o.staf, { sort, dir, limit: 200 })).rows.map((r) => r.id);
        expect(whole).toHaveLength(7);
        for (let offset = 0; offset < 8; offset++) {
          const page = await list(o, o.staf, { sort, dir, offset, limit: 3 });
          expect(page.rows.map((r) => r.id), `${sort} ${dir} ${offset}`).toEqual(whole.slice(offset, offset + 3));
        }
        const filtered = (await list(o, o.staf, { sort, dir, limit: 200, month: 1, year: 2026 })).rows.map((r) => r.id);
        expect((await list(o, o.staf, { sort, dir, offset: 2, limit: 2, month: 1, year: 2026 })).rows.map((r) => r.id)).toEqual(filtered.slice(2, 4));
      }
    }
  });
});

describe('register inside a transaction', () => {
  it('gives the pages and totals it gives outside one, where SQLite reads them itself', async () => {
    const o = await office();
    wellsAndLamps(o, Date.UTC(2025, 0, 2, 2), 9);
    o.db.prepare("UPDATE complaints SET status = 'selesai', closed_at = received_at WHERE id % 3 = 0").run();
    kasiHandlesAThird(o);
    const now = '2026-11-24T02:00:00.000Z';
    for (const username of ['staf', 'kasi']) {
      const viewer = userOf(o, username);
      for (const q of [{ status: 'selesai', q: 'sumur' }, { year: 2025, sort: 'reporterName' }, { q: 'lampu', sort: 'status', dir: 'asc' }, { sort: 'reporterName' }] as ComplaintQuery[]) {
        for (const offset of [0, 3, 500]) {
          const query = complaintQuerySchema.parse({ ...q, offset, limit: 7 });
          const outside = listComplaints(o.db, query, viewer, now);
          const inside = write(o.db, () => listComplaints(o.db, query, viewer, now));
          expect(inside, `${username} ${JSON.stringify(q)} @${offset}`).toEqual(outside);
          expect(outside.rows.length, `${username} ${JSON.stringify(q)} @${offset}`).toBe(offset === 500 ? Math.max(0, Math.min(7, outside.total - 500)) : 7);
        }
      }
    }
  });
});

describe('register views kept while the data is unchanged', () => {
  it('reads only the page of a view asked again, and works the view out again after a change through another connection', async () => {
    const o = await office();
    wellsAndLamps(o, Date.UTC(2025, 0, 2, 2), 9);
    const q: ComplaintQuery = { year: 2025, q: 'sumur', sort: 'status' };
    const first = await list(o, o.staf, q);
    const again = await record(o.db, async () => expect((await list(o, o.staf, { ...q, offset: 3 })).total).toBe(first.total));
    const worked = (log: { sql: string }[]) => log.filter((e) => /max\(change_seq\)|FROM counters|complaints_fts/.test(e.sql)).length;
    expect(worked(again)).toBe(0);
    // Late now is worked out on every call: its set moves with the clock.
    await list(o, o.staf, { keadaan: 'terlambat' });
    expect(worked(await record(o.db, () => list(o, o.staf, { keadaan: 'terlambat' })))).toBeGreaterThan(0);
    const other = new Database(join(t!.dir, 'tanggap.sqlite'));
    try {
      other.pragma('busy_timeout = 5000');
      other.prepare("UPDATE complaints SET subject = 'Jalan rusak' WHERE id IN (SELECT id FROM complaints WHERE year = 2025 AND subject LIKE 'Sumur%' LIMIT 5)").run();
    } finally {
      other.close();
    }
    const changed = await record(o.db, async () => expect((await list(o, o.staf, q)).total).toBe(first.total - 5));
    expect(worked(changed)).toBeGreaterThan(0);
    // The oldest hundred finished, newest first: a walk would pass some 1,100 complaints for
    // them, more than its allowance, and they are sorted at once, page after page.
    o.db.prepare("UPDATE complaints SET status = 'selesai' WHERE id IN (SELECT id FROM complaints ORDER BY year, seq LIMIT 100)").run();
    const selesai: ComplaintQuery = { status: 'selesai', sort: 'registerNo', dir: 'desc', limit: 10 };
    const walks = (log: { sql: string }[]) => log.filter((e) => e.sql.includes('tanggap_in_set')).length;
    const sorts = (log: { sql: string }[]) => log.filter((e) => e.sql.includes('json_each(?) j CROSS JOIN complaints c INDEXED BY complaints_id_register')).length;
    const pages = async (query: ComplaintQuery, want: number[], offsets: number[]) => {
      const logs = [];
      for (const offset of offsets) {
        let ids: number[] = [];
        const log = await record(o.db, async () => (ids = (await list(o, o.staf, { ...query, offset })).rows.map((r) => r.id)));
        expect(ids, `${JSON.stringify(query)} @${offset}`).toEqual(want.slice(offset, offset + 10));
        logs.push({ walks: walks(log), sorts: sorts(log) });
      }
      return logs;
    };
    const finished = o.db.prepare("SELECT id FROM complaints WHERE status = 'selesai' ORDER BY year DESC, seq DESC").pluck().all() as number[];
    // (Sorted by their numbers as complaints_id_register holds them, not read from their rows.)
    expect(await pages(selesai, finished, [0, 0, 20, 10])).toEqual(Array(4).fill({ walks: 0, sorts: 1 }));
    // Sixty of the newest about a flood: newest first, the walk passes few others and keeps
    // them, sorting nothing; oldest first it would pass the whole register, and they are sorted.
    o.db.prepare("UPDATE complaints SET subject = 'Banjir di ' || subject WHERE id IN (SELECT id FROM complaints ORDER BY year DESC, seq DESC LIMIT 60)").run();
    const floods = o.db.prepare("SELECT id FROM complaints WHERE subject LIKE 'Banjir%' ORDER BY year DESC, seq DESC").pluck().all() as number[];
    expect(await pages({ q: 'banjir', limit: 10 }, floods, [0, 30])).toEqual(Array(2).fill({ walks: 1, sorts: 0 }));
    expect(await pages({ q: 'banjir', limit: 10, dir: 'asc' }, floods.toReversed(), [0, 30])).toEqual(Array(2).fill({ walks: 0, sorts: 1 }));
  });
});

describe('register filters', () => {
  it('filters by month of receipt, by the date finished in the office zone, and by seksi', async () => {
    const o = await office();
    const [jan, febEdge, feb, mar] = importAt(o, [
      { at: '2026-01-10T02:00:00.000Z' },
      { at: '2026-01-31T18:00:00.000Z' }, // 1 February 01.00 in Jakarta
      { at: '2026-02-10T02:00:00.000Z' },
      { at: '2026-03-10T02:00:00.000Z' },
    ]);
    const ids = async (q: ComplaintQuery) => (await list(o, o.staf, { ...q, sort: 'receivedAt', dir: 'asc' })).rows.map((r) => r.id);
    expect(await ids({ year: 2026, month: 1 })).toEqual([jan]);
    expect(await ids({ year: 2026, month: 2 })).toEqual([febEdge, feb]);
    expect((await list(o, o.staf, { year: 2026, month: 2 })).total).toBe(2);
    // Finished: January's complaint closed on 1 March 00.30 Jakarta time (still 28 February in UTC).
    o.db.prepare("UPDATE complaints SET closed_at = '2026-02-28T17:30:00.000Z', status = 'selesai' WHERE id = ?").run(jan);
    o.db.prepare("UPDATE complaints SET closed_at = '2026-02-20T02:00:00.000Z', status = 'selesai' WHERE id = ?").run(feb);
    expect(await ids({ year: 2026, month: 3, dateOf: 'selesai' })).toEqual([jan]);
    expect(await ids({ year: 2026, month: 2, dateOf: 'selesai' })).toEqual([feb]);
    expect(await ids({ year: 2026, dateOf: 'selesai' })).toEqual([jan, feb]);
    expect((await list(o, o.staf, { year: 2026, dateOf: 'selesai' })).total).toBe(2);
    expect(await ids({ year: 2025, dateOf: 'selesai' })).toEqual([]);
    o.db.prepare("UPDATE complaints SET seksi = 'Seksi Pelayanan' WHERE id IN (?, ?)").run(feb, mar);
    expect(await ids({ seksi: 'Seksi Pelayanan' })).toEqual([feb, mar]);
    expect((await list(o, o.staf, { seksi: 'Seksi Pelayanan' })).total).toBe(2);
    expect(await ids({ seksi: 'Seksi Pelayanan', year: 2026, month: 3 })).toEqual([mar]);
  });

  it('gives every page of a month, and of a span of finishing, in every order, as the plain sorted query does', async () => {
    const o = await office();
    const names = ['budi', 'Anita', 'citra', 'Budi', 'eka'];
    const ids = importAt(
      o,
      Array.from({ length: 24 }, (_, i) => ({ at: `2026-0${2 + (i % 3)}-${String(28 - i).padStart(2, '0')}T02:00:00.000Z`, name: names[i % names.length], anonymous: i % 7 === 3 })),
    );
    // Received out of the register's order, and some finished in April.
    ids.forEach((id, i) => {
      if (i % 4 === 1) o.db.prepare("UPDATE complaints SET status = 'selesai', closed_at = ? WHERE id = ?").run(`2026-04-${String(10 + (i % 17)).padStart(2, '0')}T02:00:00.000Z`, id);
    });
    // Received late in 2025, finished in January 2026 (and one in 2025).
    const late2025 = importAt(o, Array.from({ length: 5 }, (_, i) => ({ at: `2025-12-${String(10 + 4 * i).padStart(2, '0')}T02:00:00.000Z`, name: names[i] })));
    late2025.forEach((id, i) => o.db.prepare("UPDATE complaints SET status = 'selesai', closed_at = ? WHERE id = ?").run(i === 4 ? '2025-12-31T09:00:00.000Z' : `2026-01-0${2 + i}T02:00:00.000Z`, id));
    const spans: [ComplaintQuery, string][] = [
      [{ year: 2026, month: 3 }, "received_at >= '2026-02-28T17:00:00.000Z' AND received_at < '2026-03-31T17:00:00.000Z'"],
      [{ year: 2026, month: 4, dateOf: 'selesai' }, "closed_at >= '2026-03-31T17:00:00.000Z' AND closed_at < '2026-04-30T17:00:00.000Z'"],
      [{ year: 2026, dateOf: 'selesai' }, "closed_at >= '2025-12-31T17:00:00.000Z' AND closed_at < '2026-12-31T17:00:00.000Z'"],
    ];
    const everyPage = async (s: ReturnType<typeof carrier>, span: ComplaintQuery, where: string, sort: (typeof sortFields)[number], dir: 'asc' | 'desc') => {
      const want = o.db.prepare(`SELECT id FROM complaints WHERE ${where} ORDER BY ${ORDERS[sort].replaceAll('{d}', dir)}`).pluck().all() as number[];
      expect(want.length).toBeGreaterThan(5);
      for (let offset = 0; offset <= want.length; offset++) {
        const page = await list(o, s, { ...span, sort, dir, offset, limit: 3 });
        expect(page.rows.map((r) => r.id), `${JSON.stringify(span)} ${sort} ${dir} @${offset}`).toEqual(want.slice(offset, offset + 3));
        expect(page.total).toBe(want.length);
      }
    };
    for (const [span, where] of spans) {
      for (const sort of sortFields) {
        for (const dir of ['asc', 'desc'] as const) await everyPage(o.staf, span, where, sort, dir);
      }
    }
    // A year of finishing in the register's order, for a Kasi too (his rows are the Staf's,
    // names aside).
    const [year, inYear] = spans[2]!;
    for (const s of [o.staf, o.kasi]) {
      for (const dir of ['asc', 'desc'] as const) await everyPage(s, year, inYear, 'registerNo', dir);
    }
    // Beside a search and a channel, and with two old numbers taken over (below zero).
    o.db.prepare("UPDATE complaints SET subject = 'Sumur warga kering' WHERE id IN (?, ?, ?, ?, ?, ?)").run(ids[1], ids[5], ids[9], ids[13], late2025[0], late2025[2]);
    o.db.prepare("UPDATE complaints SET channel = 'whatsapp' WHERE id IN (?, ?, ?, ?, ?, ?, ?)").run(ids[1], ids[5], ids[17], ids[21], late2025[0], late2025[1], late2025[3]);
    o.db.prepare('UPDATE complaints SET seq = -seq WHERE id IN (?, ?)').run(ids[9], late2025[1]);
    await everyPage(o.staf, { ...year, q: 'sumur' }, `${inYear} AND subject LIKE 'Sumur%'`, 'registerNo', 'desc');
    await everyPage(o.staf, { ...year, channel: 'whatsapp' }, `${inYear} AND channel = 'whatsapp'`, 'registerNo', 'desc');
    await everyPage(o.kasi, { ...year, channel: 'whatsapp' }, `${inYear} AND channel = 'whatsapp'`, 'registerNo', 'desc');
    // A complaint numbered in 2027 (a year the register's counters do not name), received in
    // the last hour of 2026 as a zone an hour ahead counts it, or before, and finished in
    // 2026 here.
    const numbered2027 = o.db.prepare("UPDATE complaints SET year = 2027, seq = 1, register_no = '0001/PGD/2027', received_at = ?, closed_at = ?, status = 'selesai' WHERE id = ?");
    for (const [received, closed] of [
      ['2026-12-31T16:30:00.000Z', '2026-12-31T16:45:00.000Z'],
      ['2026-12-30T17:00:00.000Z', '2026-12-30T18:00:00.000Z'],
    ]) {
      numbered2027.run(received, closed, ids[0]);
      for (const s of [o.staf, o.kasi]) {
        for (const dir of ['asc', 'desc'] as const) await everyPage(s, year, inYear, 'registerNo', dir);
      }
    }
  });
});

describe('register in an order its filters have no index for', () => {
  it('gives every page by name, status or time of receipt beside column filters and dates, as the plain sorted query does, and again after changes', async () => {
    const o = await office();
    // Sixty complaints from January 2025 to March 2026, names in mixed case and some
    // anonymous, two in three finished, every other one by WhatsApp.
    const names = ['budi', 'Anita', 'citra', 'Budi', 'eka', 'Dodi'];
    const ids = importAt(
      o,
      Array.from({ length: 60 }, (_, i) => ({ at: new Date(Date.UTC(2025, 0, 3, 2) + i * 7 * 86_400_000).toISOString(), name: names[i % names.length], anonymous: i % 9 === 4 })),
    );
    const statuses = ['selesai', 'selesai', 'ditindaklanjuti', 'selesai', 'ditolak', 'selesai', 'didisposisi', 'selesai', 'tidak_lengkap'];
    ids.forEach((id, i) => {
      const status = statuses[i % statuses.length]!;
      const closed = status === 'selesai' || status === 'ditolak' ? new Date(Date.UTC(2025, 0, 20, 2) + i * 7 * 86_400_000).toISOString() : null;
      o.db.prepare('UPDATE complaints SET status = ?, closed_at = ?, channel = ?, category = ? WHERE id = ?').run(status, closed, i % 2 ? 'whatsapp' : 'langsung', i % 3 ? 'infrastruktur' : 'kebersihan_lingkungan', id);
    });
    const y2025 = "received_at >= '2024-12-31T17:00:00.000Z' AND received_at < '2025-12-31T17:00:00.000Z'";
    const march2025 = "received_at >= '2025-02-28T17:00:00.000Z' AND received_at < '2025-03-31T17:00:00.000Z'";
    const cases: [ComplaintQuery, string, (typeof sortFields)[number][]][] = [
      [{ channel: 'whatsapp' }, "channel = 'whatsapp'", ['reporterName', 'status', 'receivedAt']],
      [{ channel: 'whatsapp', status: 'selesai' }, "channel = 'whatsapp' AND status = 'selesai'", ['reporterName', 'receivedAt']],
      [{ channel: 'whatsapp', category: 'infrastruktur' }, "channel = 'whatsapp' AND category = 'infrastruktur'", ['reporterName', 'status']],
      [{ year: 2025 }, y2025, ['reporterName', 'status']],
      [{ year: 2025, month: 3 }, march2025, ['reporterName', 'status']],
      [{ year: 2025, channel: 'whatsapp' }, `${y2025} AND channel = 'whatsapp'`, ['reporterName', 'status']],
      [{ year: 2025, dateOf: 'selesai' }, "closed_at >= '2024-12-31T17:00:00.000Z' AND closed_at < '2025-12-31T17:00:00.000Z'", ['reporterName']],
    ];
    const identity = identitySql(userOf(o, 'kasi'));
    const kasiName = { sql: `(CASE WHEN c.anonymous THEN 'Anonim' WHEN ${identity.sql} THEN c.reporter_name ELSE '' END)`, params: identity.params };
    const check = async () => {
      for (const [filter, where, sorts] of cases) {
        for (const sort of sorts) {
          for (const dir of ['asc', 'desc'] as const) {
            const want = o.db.prepare(`SELECT id FROM complaints WHERE ${where} ORDER BY ${ORDERS[sort].replaceAll('{d}', dir)}`).pluck().all() as number[];
            expect(want.length, JSON.stringify(filter)).toBeGreaterThan(3);
            for (const s of [o.staf, o.kasi]) {
              // By name, the Kasi's rows sort by the name as he sees it (hidden names alike).
              const expected = s === o.kasi && sort === 'reporterName' ? (o.db.prepare(`SELECT id FROM complaints c WHERE ${where} ORDER BY ${kasiName.sql} COLLATE NOCASE ${dir}, year ${dir}, seq ${dir}`).pluck().all(...kasiName.params) as number[]) : want;
              for (let offset = 0; offset <= want.length; offset++) {
                const page = await list(o, s, { ...filter, sort, dir, offset, limit: 3 });
                expect(page.rows.map((r) => r.id), `${JSON.stringify(filter)} ${sort} ${dir} @${offset}`).toEqual(expected.slice(offset, offset + 3));
                expect(page.total).toBe(want.length);
              }
            }
          }
        }
      }
    };
    await check();
    // Again after changes: three withdrawn, one old number taken over (below zero).
    o.db.prepare("UPDATE complaints SET status = 'dicabut' WHERE id IN (?, ?, ?)").run(ids[0], ids[13], ids[26]);
    o.db.prepare("UPDATE complaints SET seq = -seq, register_no = '9/LAMA/2025' WHERE id = ?").run(ids[20]);
    await check();
  });

  it('gives words in a month, beside filters, and words nearly every complaint holds (a Kasi\'s too), every page in every order, as the plain sorted query does', async () => {
    const o = await office();
    // 1,200 complaints from January 2026, one every six hours.
    wellsAndLamps(o, Date.UTC(2026, 0, 2, 2), 6);
    o.db.prepare("UPDATE complaints SET status = CASE id % 4 WHEN 0 THEN 'selesai' WHEN 1 THEN 'didisposisi' ELSE status END, channel = CASE WHEN id % 3 = 0 THEN 'whatsapp' ELSE channel END").run();
    // The Kasi handles a third of them (his walks by name are then not read from his own).
    const { identity, kasiName } = kasiHandlesAThird(o);
    const march = "received_at >= '2026-02-28T17:00:00.000Z' AND received_at < '2026-03-31T17:00:00.000Z'";
    const everyPage = async (q: ComplaintQuery, where: string, sorts: (typeof sortFields)[number][], offsets: (n: number) => number[]) => {
      for (const sort of sorts) {
        for (const dir of ['asc', 'desc'] as const) {
          for (const [s, name] of [[o.staf, null], [o.kasi, kasiName]] as const) {
            const order = name && sort === 'reporterName' ? `${name} COLLATE NOCASE ${dir}, year ${dir}, seq ${dir}` : ORDERS[sort].replaceAll('{d}', dir);
            const want = o.db.prepare(`SELECT id FROM complaints c WHERE ${where} ORDER BY ${order}`).pluck().all(...(name && sort === 'reporterName' ? identity.params : [])) as number[];
            expect(want.length, JSON.stringify(q)).toBeGreaterThan(20);
            for (const offset of offsets(want.length)) {
              for (const limit of [3, 50]) {
                const page = await list(o, s, { ...q, sort, dir, offset, limit });
                expect(page.rows.map((r) => r.id), `${JSON.stringify(q)} ${sort} ${dir} @${offset}+${limit}`).toEqual(want.slice(offset, offset + limit));
                expect(page.total).toBe(want.length);
              }
            }
          }
        }
      }
    };
    const every = (n: number) => Array.from({ length: n + 1 }, (_, i) => i);
    const ends = (n: number) => [0, 1, 2, 3, 4, 5, 6, 7, 100, 101, Math.floor(n / 2) - 2, Math.floor(n / 2), Math.floor(n / 2) + 1, n - 52, n - 5, n - 3, n - 1, n];
    await everyPage({ q: 'sumur', year: 2026, month: 3 }, `${march} AND subject LIKE 'Sumur%'`, [...sortFields], every);
    await everyPage({ q: 'sumur', year: 2026, month: 3, channel: 'whatsapp' }, `${march} AND subject LIKE 'Sumur%' AND channel = 'whatsapp'`, ['registerNo', 'reporterName'], every);
    await everyPage({ q: 'sumur' }, "subject LIKE 'Sumur%'", ['reporterName', 'status', 'receivedAt'], ends);
    // Beside a filter on the complaint's columns, in a year or all.
    await everyPage({ q: 'sumur', status: 'selesai' }, "subject LIKE 'Sumur%' AND status = 'selesai'", ['registerNo', 'reporterName'], ends);
    await everyPage({ q: 'sumur', year: 2026, channel: 'whatsapp' }, "subject LIKE 'Sumur%' AND channel = 'whatsapp'", [...sortFields], ends);
    // A word in every description, and in the subject of four in five: he finds it in the
    // complaints he may open, and in the subject of the others.
    // (Every name but Anita's sorts after "Anonim" Z–A, so his pages by name begin with the
    // anonymous reporters, whom he may not open.)
    o.db.prepare("UPDATE complaints SET description = description || ' warga', reporter_name = CASE WHEN reporter_name = 'Anita' THEN reporter_name ELSE 'Abdul' END").run();
    const see = seeSql(userOf(o, 'kasi'));
    for (const [sort, dir] of [['status', 'asc'], ['status', 'desc'], ['receivedAt', 'asc'], ['reporterName', 'desc']] as const) {
      const order = sort === 'reporterName' ? `${kasiName} COLLATE NOCASE ${dir}, year ${dir}, seq ${dir}` : ORDERS[sort].replaceAll('{d}', dir);
      const want = o.db
        .prepare(`SELECT id FROM complaints c WHERE (subject LIKE 'Sumur%' OR ${see.sql}) ORDER BY ${order}`)
        .pluck()
        .all(...see.params, ...(sort === 'reporterName' ? identity.params : [])) as number[];
      expect(want.length).toBeLessThan(1200);
      for (let offset = 0; offset < 5; offset++) {
        const page = await list(o, o.kasi, { q: 'warga', sort, dir, offset, limit: 3 });
        expect(page.rows.map((r) => r.id), `warga ${sort} ${dir} @${offset}`).toEqual(want.slice(offset, offset + 3));
      }
    }
  }, 120_000);
});

describe('register of an office that took over an old register', () => {
  it('walks a page of the old register where its matches lie at the start, though its numbers run against its ids', async () => {
    const o = await office();
    // 2025 numbered as recorded, every one about a flood; and 2023's old register taken over
    // row by row, numbered -1, -2, … as the import numbers it, so that its last rows taken
    // over come first, oldest first: a hundred of those about a flood too.
    importAt(o, Array.from({ length: 1000 }, (_, i) => ({ at: new Date(Date.UTC(2025, 1, 1, 2) + i * 3_600_000).toISOString(), subject: `Banjir di dusun ${i}` })));
    const old = importAt(
      o,
      Array.from({ length: 1200 }, (_, i) => ({ at: new Date(Date.UTC(2023, 1, 1, 2) + i * 3_600_000).toISOString(), subject: i >= 1000 && i % 2 === 0 ? `Banjir lama ${i}` : `Sumur kering ${i}` })),
    );
    o.db.prepare('UPDATE complaints SET seq = ? - id WHERE year = 2023').run(old[0]! - 1);
    o.db.prepare("UPDATE counters SET name = 'register_import' WHERE name = 'register' AND year = 2023").run();
    const floods = o.db.prepare("SELECT id FROM complaints WHERE subject LIKE 'Banjir%' ORDER BY year, seq").pluck().all() as number[];
    expect(floods.slice(0, 2)).toEqual([old[1198], old[1196]]);
    // Oldest first: 2023's last ten floods taken over, the walk passing some twenty rows (ids
    // read from their end would have it pass a thousand, and sort them instead).
    const log = await record(o.db, async () => expect((await list(o, o.staf, { q: 'banjir', dir: 'asc', limit: 10 })).rows.map((r) => r.id)).toEqual(floods.slice(0, 10)));
    expect(log.filter((e) => e.sql.includes('tanggap_in_set')).length).toBe(1);
    expect(log.filter((e) => e.sql.includes('json_each(?) j CROSS JOIN complaints c INDEXED BY complaints_id_register')).length).toBe(0);
  });
});

describe('register by month of receipt', () => {
  it('reads a month along its stretch of numbers, every page in both directions as the plain sorted query does', async () => {
    const o = await office();
    // February, March and April 2026 in receipt order, ten, forty and ten, one a day or so;
    // some by WhatsApp.
    const at = (m: number, i: number) => `2026-0${m}-${String(1 + (i % 27)).padStart(2, '0')}T0${i % 8}:${String(i).padStart(2, '0')}:00.000Z`;
    const ids = importAt(o, [
      ...Array.from({ length: 10 }, (_, i) => ({ at: at(2, i) })),
      ...Array.from({ length: 40 }, (_, i) => ({ at: at(3, i) })),
      ...Array.from({ length: 10 }, (_, i) => ({ at: at(4, i) })),
    ]);
    ids.forEach((id, i) => i % 3 === 0 && o.db.prepare("UPDATE complaints SET channel = 'whatsapp' WHERE id = ?").run(id));
    const march = { year: 2026, month: 3 };
    const inMarch = "year = 2026 AND received_at >= '2026-02-28T17:00:00.000Z' AND received_at < '2026-03-31T17:00:00.000Z'";
    const everyPage = async (s: ReturnType<typeof carrier>, q: ComplaintQuery, where: string) => {
      for (const dir of ['asc', 'desc'] as const) {
        const want = o.db.prepare(`SELECT id FROM complaints WHERE ${where} ORDER BY year ${dir}, seq ${dir}`).pluck().all() as number[];
        expect(want.length).toBeGreaterThan(5);
        for (let offset = 0; offset <= want.length; offset++) {
          const page = await list(o, s, { ...q, dir, offset, limit: 3 });
          expect(page.rows.map((r) => r.id), `${JSON.stringify(q)} ${dir} @${offset}`).toEqual(want.slice(offset, offset + 3));
          expect(page.total).toBe(want.length);
        }
      }
    };
    const stretch = (log: { sql: string }[]) => log.some((e) => e.sql.includes('c.year = ? AND c.seq BETWEEN ? AND ?'));
    const bounds = (log: { sql: string }[]) => log.filter((e) => e.sql.includes('min(seq)')).length;
    const check = async () => {
      for (const s of [o.staf, o.kasi]) {
        await everyPage(s, march, inMarch);
        await everyPage(s, { ...march, channel: 'whatsapp' }, `${inMarch} AND channel = 'whatsapp'`);
        expect(stretch(await record(o.db, () => list(o, s, { ...march, limit: 3 }))), 'page 1').toBe(true);
      }
    };
    await check();
    // The month's numbers are asked once while the data is unchanged.
    expect(bounds(await record(o.db, () => list(o, o.staf, { ...march, offset: 3, limit: 3 })))).toBe(0);
    // Numbers out of receipt order: one of March's numbered among February's and one among
    // April's (theirs in exchange), and an old number taken over (below zero). The data changed, so the
    // stretch is asked again; the walk now reads beyond the month's own rows.
    const seqOf = o.db.prepare('SELECT seq FROM complaints WHERE id = ?').pluck();
    const renumber = o.db.prepare('UPDATE complaints SET seq = ? WHERE id = ?');
    const swap = (a: number, b: number) => {
      const [x, y] = [seqOf.get(a), seqOf.get(b)];
      renumber.run(1_000_000, a);
      renumber.run(x, b);
      renumber.run(y, a);
    };
    swap(ids[12]!, ids[5]!);
    swap(ids[40]!, ids[58]!);
    o.db.prepare("UPDATE complaints SET seq = -4, register_no = '4/LAMA/2026' WHERE id = ?").run(ids[30]);
    expect(bounds(await record(o.db, () => list(o, o.staf, { ...march, limit: 3 })))).toBe(1);
    await check();
  });
});

describe('register by a step done', () => {
  it('gives every page of a step done in a span of months, both directions, as the plain sorted query does', async () => {
    const o = await office();
    // Sixty complaints from January 2025, one each ten days; step 5 done 0, 9, 18 or 27 days
    // after receipt with 12 allowed, every fifth done again 40 days on, every sixth never.
    const ids = importAt(o, Array.from({ length: 60 }, (_, i) => ({ at: new Date(Date.UTC(2025, 0, 3, 2) + i * 10 * 86_400_000).toISOString() })));
    const day = (iso: string, n: number) => new Date(Date.parse(iso) + n * 86_400_000).toISOString();
    const step = o.db.prepare('INSERT INTO complaint_steps (complaint_id, step_no, started_at, due_at, completed_at) VALUES (?, 5, ?, ?, ?)');
    ids.forEach((id, i) => {
      if (i % 6 === 5) return;
      const at = o.db.prepare('SELECT received_at FROM complaints WHERE id = ?').pluck().get(id) as string;
      step.run(id, at, day(at, 12), day(at, (i % 4) * 9));
      if (i % 5 === 0) step.run(id, at, day(at, 52), day(at, 40));
    });
    // Numbers out of receipt order, and one taken over from the old register (below zero).
    // The register's newest number went to a complaint of October 2025 whose step took to
    // February.
    o.db.prepare('UPDATE complaints SET seq = -seq WHERE id = ?').run(ids[20]);
    o.db.prepare('UPDATE complaints SET seq = 900 WHERE id = ?').run(ids[3]);
    o.db.prepare("UPDATE complaints SET year = 2026, seq = 901 WHERE id = ?").run(ids[30]);
    step.run(ids[30], '2025-10-30T02:00:00.000Z', '2025-11-12T02:00:00.000Z', '2026-02-10T02:00:00.000Z');
    const monthStart = (m: string) => new Date(`${m}-01T00:00:00+07:00`).toISOString();
    const nextMonth = (m: string) => (m.endsWith('-12') ? `${Number(m.slice(0, 4)) + 1}-01` : `${m.slice(0, 5)}${String(Number(m.slice(5)) + 1).padStart(2, '0')}`);
    // In the register's order, by time of receipt (one complaint received out of its
    // number's order too) and by status (three of them).
    o.db.prepare("UPDATE complaints SET received_at = '2025-07-15T02:00:00.000Z' WHERE id = ?").run(ids[12]);
    o.db.prepare("UPDATE complaints SET status = CASE id % 3 WHEN 0 THEN 'selesai' WHEN 1 THEN 'ditolak' ELSE status END").run();
    const plain = (l: { dari: string; sampai: string; terlambat?: true }, sort: 'registerNo' | 'receivedAt' | 'status', dir: 'asc' | 'desc') =>
      o.db
        .prepare(
          `SELECT c.id FROM complaints c WHERE c.id IN (SELECT complaint_id FROM complaint_steps WHERE step_no = 5 AND completed_at >= ? AND completed_at < ?${l.terlambat ? ' AND completed_at > due_at' : ''})
           ORDER BY ${ORDERS[sort].replaceAll('{d}', dir)}`,
        )
        .pluck()
        .all(monthStart(l.dari), monthStart(nextMonth(l.sampai))) as number[];
    for (const sort of ['registerNo', 'receivedAt', 'status'] as const) {
      for (const span of [
        { dari: '2026-01', sampai: '2026-08' },
        { dari: '2025-02', sampai: '2025-04' },
        { dari: '2025-06', sampai: '2025-06' },
        { dari: '2025-01', sampai: '2026-11' },
      ]) {
        for (const terlambat of [undefined, true] as const) {
          for (const dir of ['desc', 'asc'] as const) {
            const langkah = { no: 5, ...span, terlambat };
            const want = plain(langkah, sort, dir);
            const label = `${JSON.stringify(langkah)} ${sort} ${dir}`;
            expect(want.length, label).toBeGreaterThan(1);
            expect((await list(o, o.camat, { langkah, sort, dir, limit: 200 })).rows.map((r) => r.id), label).toEqual(want);
            // For the Camat and for a Kasi (his rows are the Camat's, names aside).
            for (const s of [o.camat, o.kasi]) {
              for (let offset = 0; offset <= want.length; offset++) {
                for (const limit of [1, 3]) {
                  const page = await list(o, s, { langkah, sort, dir, offset, limit });
                  expect(page.rows.map((r) => r.id), `${label} @${offset}+${limit}`).toEqual(want.slice(offset, offset + limit));
                  expect(page.total).toBe(want.length);
                }
              }
            }
          }
        }
      }
    }
  });
});

describe('register words beside filters, from the sets kept in memory', () => {
  it('gives every page as the plain sorted query does, and again after changes through another connection, without reading the words again while nothing changed', async () => {
    const o = await office();
    // 3,000 complaints, one every four hours from January 2025: four in five about a well
    // (2,400 "sumur", more than the sets are taken for), in three channels; a quarter
    // finished two days after receipt, every fourth with step 5 done three days after it.
    importAt(
      o,
      Array.from({ length: 3000 }, (_, i) => ({
        at: new Date(Date.UTC(2025, 0, 1, 2) + i * 4 * 3_600_000).toISOString(),
        name: ['budi', 'Anita', 'citra', 'eka'][i % 4],
        anonymous: i % 11 === 4,
        subject: i % 5 === 2 ? 'Lampu penerangan padam' : `Sumur warga kering ${i}`,
      })),
    );
    const later = (days: number) => `strftime('%Y-%m-%dT%H:%M:%fZ', received_at, '+${days} days')`;
    o.db.prepare("UPDATE complaints SET channel = CASE id % 3 WHEN 0 THEN 'surat' WHEN 1 THEN 'whatsapp' ELSE channel END").run();
    o.db.prepare(`UPDATE complaints SET status = 'selesai', closed_at = ${later(2)} WHERE id % 4 = 1`).run();
    o.db.prepare(`INSERT INTO complaint_steps (complaint_id, step_no, started_at, due_at, completed_at) SELECT id, 5, received_at, ${later(5)}, ${later(3)} FROM complaints WHERE id % 4 = 2`).run();
    // Some with no name (sorted, by name, among the names a Kasi may not see).
    o.db.prepare("UPDATE complaints SET reporter_name = '' WHERE id % 13 = 6").run();
    const kasi = kasiHandlesAThird(o);
    const cases: [ComplaintQuery, string][] = [
      [{ q: 'sumur' }, '1'],
      [{ q: 'sumur', status: 'selesai' }, "status = 'selesai'"],
      [{ q: 'sumur', year: 2025, channel: 'surat' }, "year = 2025 AND channel = 'surat'"],
      [{ q: 'sumur', year: 2025, month: 6 }, "year = 2025 AND received_at >= '2025-05-31T17:00:00.000Z' AND received_at < '2025-06-30T17:00:00.000Z'"],
      [{ q: 'sumur', year: 2025, month: 6, status: 'selesai' }, "year = 2025 AND received_at >= '2025-05-31T17:00:00.000Z' AND received_at < '2025-06-30T17:00:00.000Z' AND status = 'selesai'"],
      [{ q: 'sumur', keadaan: 'belum_selesai' }, 'closed_at IS NULL'],
      [{ q: 'sumur', year: 2025, dateOf: 'selesai' }, "closed_at >= '2024-12-31T17:00:00.000Z' AND closed_at < '2025-12-31T17:00:00.000Z'"],
      [
        { q: 'sumur', langkah: { no: 5, dari: '2025-03', sampai: '2025-08' } },
        "id IN (SELECT complaint_id FROM complaint_steps WHERE step_no = 5 AND completed_at >= '2025-02-28T17:00:00.000Z' AND completed_at < '2025-08-31T17:00:00.000Z')",
      ],
    ];
    await expectEveryPageOf(o, cases, kasi);
    // Kept: with nothing changed, neither text index is read again, nor anything counted.
    for (const s of [o.staf, o.kasi]) {
      const log = await record(o.db, () => list(o, s, { q: 'sumur', status: 'selesai', sort: 'status' }));
      expect(log.filter((e) => /MATCH|count\(/.test(e.sql)).map((e) => e.sql)).toEqual([]);
    }
    // Another PC's saves: complaints finished, moved to another channel, their subject
    // edited (a well no more, or a lamp become a well), a step done; and new complaints.
    const other = new Database(join(t!.dir, 'tanggap.sqlite'));
    try {
      other.pragma('busy_timeout = 5000');
      other.prepare(`UPDATE complaints SET status = 'selesai', closed_at = ${later(9)} WHERE id % 97 = 3`).run();
      other.prepare("UPDATE complaints SET channel = 'surat' WHERE id % 89 = 5").run();
      other.prepare("UPDATE complaints SET subject = 'Jalan rusak' WHERE id % 83 = 7").run();
      // A few of a year the register's counters do not name.
      other.prepare('UPDATE complaints SET year = 2019, seq = id WHERE id % 500 = 7').run();
      other.prepare("UPDATE complaints SET subject = 'Sumur baru ' || id WHERE subject LIKE 'Lampu%' AND id % 7 = 0").run();
      other.prepare(`INSERT INTO complaint_steps (complaint_id, step_no, started_at, due_at, completed_at) SELECT id, 5, received_at, ${later(5)}, ${later(4)} FROM complaints WHERE id % 101 = 0`).run();
      // Disposed to the Kasi: their names his to see.
      other.prepare("INSERT INTO dispositions (complaint_id, from_user, to_user, sifat, instructions, created_at, state) SELECT id, ?, ?, 'biasa', '[]', '2026-07-01T02:00:00.000Z', 'aktif' FROM complaints WHERE id % 3 = 2 AND id % 10 = 5").run(userOf(o, 'camat').id, userOf(o, 'kasi').id);
    } finally {
      other.close();
    }
    importAt(o, Array.from({ length: 40 }, (_, i) => ({ at: new Date(Date.UTC(2025, 5, 3, 2) + i * 3_600_000).toISOString(), subject: `Sumur tetangga ${i}` })));
    await expectEveryPageOf(o, cases, kasi);
  }, 300_000);
});

describe('register words beside filters keeping fewer complaints', () => {
  it('gives every page of words beside a status, the open ones, a step done or a month of finishing, as the plain sorted query does', async () => {
    const o = await office();
    // 600 complaints from January 2026, nine in ten about a well ("sumur"), ten still open
    // (so "diterima", half of them about a lamp), the others finished; step 2 done three days
    // after receipt.
    const names = ['budi', 'Anita', 'citra', 'Budi', 'eka', 'Dodi', 'fajar'];
    const open = (i: number) => i % 59 === 58;
    const ids = importAt(
      o,
      Array.from({ length: 600 }, (_, i) => ({
        at: new Date(Date.UTC(2026, 0, 2, 2) + i * 8 * 3_600_000).toISOString(),
        name: names[i % names.length],
        anonymous: i % 11 === 4,
        subject: i % 10 === 4 || (open(i) && i % 2 === 0) ? 'Lampu penerangan padam' : `Sumur warga kering ${i}`,
      })),
    );
    // Finished ten days after receipt (so about ninety in March).
    const finish = o.db.prepare("UPDATE complaints SET status = 'selesai', closed_at = strftime('%Y-%m-%dT%H:%M:%fZ', received_at, '+10 days') WHERE id = ?");
    ids.forEach((id, i) => open(i) || finish.run(id));
    const step = o.db.prepare("INSERT INTO complaint_steps (complaint_id, step_no, started_at, due_at, completed_at) SELECT id, 2, received_at, received_at, strftime('%Y-%m-%dT%H:%M:%fZ', received_at, '+3 days') FROM complaints WHERE id = ?");
    for (const id of ids) step.run(id);
    const kasi = kasiHandlesAThird(o);
    const stepDone = "id IN (SELECT complaint_id FROM complaint_steps WHERE step_no = 2 AND completed_at >= '2026-01-31T17:00:00.000Z' AND completed_at < '2026-04-30T17:00:00.000Z')";
    const cases: [ComplaintQuery, string][] = [
      [{ q: 'sumur', status: 'diterima' }, "status = 'diterima'"],
      [{ q: 'sumur', keadaan: 'belum_selesai' }, 'closed_at IS NULL'],
      [{ q: 'sumur', status: 'selesai' }, "status = 'selesai'"],
      [{ q: 'lampu', status: 'diterima' }, "status = 'diterima'"],
      [{ q: 'sumur', langkah: { no: 2, dari: '2026-02', sampai: '2026-04' } }, stepDone],
      [{ q: 'lampu', langkah: { no: 2, dari: '2026-02', sampai: '2026-04' } }, stepDone],
      [{ status: 'selesai' }, "status = 'selesai'"],
      [{ q: 'sumur', year: 2026, month: 3, dateOf: 'selesai' }, "closed_at >= '2026-02-28T17:00:00.000Z' AND closed_at < '2026-03-31T17:00:00.000Z'"],
      [{ q: 'lampu', year: 2026, month: 3, dateOf: 'selesai' }, "closed_at >= '2026-02-28T17:00:00.000Z' AND closed_at < '2026-03-31T17:00:00.000Z'"],
    ];
    await expectEveryPageOf(o, cases, kasi);
  }, 120_000);

  it('gives every page of words beside the open or late complaints, an old one left open too, as the plain sorted query does', async () => {
    const o = await office();
    // 1,300 complaints from January 2025, one every 6 hours, three in four about a well; the
    // newest 19 are open, and the fourth too (left open since). The others finished.
    const n = 1300;
    const open = (i: number) => i >= n - 19 || i === 3;
    const names = ['budi', 'Anita', 'citra', 'Budi', 'eka', 'Dodi', 'fajar'];
    const ids = importAt(
      o,
      Array.from({ length: n }, (_, i) => ({
        at: new Date(Date.UTC(2025, 0, 2, 2) + i * 6 * 3_600_000).toISOString(),
        name: names[i % names.length],
        anonymous: i % 11 === 4,
        subject: i % 4 === 1 ? 'Lampu penerangan padam' : `Sumur warga kering ${i}`,
      })),
    );
    const finish = o.db.prepare("UPDATE complaints SET status = 'selesai', closed_at = strftime('%Y-%m-%dT%H:%M:%fZ', received_at, '+10 days') WHERE id = ?");
    // Three of the open ones fell due two weeks after receipt (late now, all about a well, the
    // old one among them), the others fall due at the end of the year.
    const late = [3, n - 18, n - 14];
    const due = o.db.prepare("UPDATE complaints SET clock_started_at = received_at, due_at = CASE WHEN ? THEN strftime('%Y-%m-%dT%H:%M:%fZ', received_at, '+14 days') ELSE '2026-12-31T09:00:00.000Z' END WHERE id = ?");
    ids.forEach((id, i) => (open(i) ? due.run(late.includes(i) ? 1 : 0, id) : finish.run(id)));
    const kasi = kasiHandlesAThird(o);
    // Twenty open complaints, 975 about a well and 325 about a lamp; three late ones.
    await expectEveryPageOf(o, [
      [{ q: 'sumur', keadaan: 'belum_selesai' }, 'closed_at IS NULL'],
      [{ q: 'lampu', keadaan: 'belum_selesai' }, 'closed_at IS NULL'],
      [{ q: 'sumur', keadaan: 'terlambat' }, "closed_at IS NULL AND due_at < '2026-11-24T02:00:00.000Z'"],
    ], kasi);
  }, 120_000);
});

describe('register words beside a filter keeping few of their matches', () => {
  it("gives every page, a Kasi's as the Staf's where he searches the subject, as the plain sorted query does", async () => {
    const o = await office();
    // 1,200 complaints over 2025 and 2026, three of the lamps' also about a bucket ("gayung");
    // one in forty by WhatsApp, a quarter finished.
    wellsAndLamps(o, Date.UTC(2025, 0, 2, 2), 12, (i) => `Lampu penerangan padam${i % 400 === 2 ? ', gayung hilang' : ''}`);
    o.db.prepare("UPDATE complaints SET channel = CASE WHEN id % 40 = 0 OR id % 400 = 3 THEN 'whatsapp' ELSE channel END, status = CASE WHEN id % 4 = 0 THEN 'selesai' ELSE status END").run();
    const cases: [ComplaintQuery, string][] = [
      [{ q: 'sumur', channel: 'whatsapp' }, "subject LIKE 'Sumur%' AND channel = 'whatsapp'"],
      [{ q: 'sumur', year: 2025, channel: 'whatsapp', status: 'selesai' }, "subject LIKE 'Sumur%' AND year = 2025 AND channel = 'whatsapp' AND status = 'selesai'"],
      [{ q: 'gayung', channel: 'whatsapp' }, "subject LIKE '%gayung%' AND channel = 'whatsapp'"],
    ];
    for (const [q, where] of cases) {
      for (const sort of ['receivedAt', 'status', 'reporterName'] as const) {
        for (const dir of ['asc', 'desc'] as const) {
          const want = o.db.prepare(`SELECT id FROM complaints c WHERE ${where} ORDER BY ${ORDERS[sort].replaceAll('{d}', dir)}`).pluck().all() as number[];
          expect(want.length, JSON.stringify(q)).toBeGreaterThan(0);
          for (let offset = 0; offset <= want.length; offset++) {
            for (const limit of [3, 50]) {
              const page = await list(o, o.staf, { ...q, sort, dir, offset, limit });
              expect(page.rows.map((r) => r.id), `${JSON.stringify(q)} ${sort} ${dir} @${offset}+${limit}`).toEqual(want.slice(offset, offset + limit));
              expect(page.total).toBe(want.length);
            }
          }
        }
      }
    }
    // A Kasi finds "sumur" in the subject, which he may search in every complaint: by time of
    // receipt and by status his pages are the Staf's.
    for (const sort of ['receivedAt', 'status'] as const) {
      for (const q of [{ q: 'sumur', channel: 'whatsapp' }, { q: 'sumur', year: 2025, channel: 'whatsapp', status: 'selesai' }] as ComplaintQuery[]) {
        for (const dir of ['asc', 'desc'] as const) {
          for (const offset of [0, 1, 7, 20]) {
            const page = await list(o, o.kasi, { ...q, sort, dir, offset, limit: 50 });
            expect(page.rows.map((r) => r.id), `Kasi ${JSON.stringify(q)} ${sort} ${dir} @${offset}`).toEqual((await list(o, o.staf, { ...q, sort, dir, offset, limit: 50 })).rows.map((r) => r.id));
          }
        }
      }
    }
  }, 120_000);
});

describe('register words by status, the statuses spread over the register', () => {
  it('gives every page as the plain sorted query does, a run of other words in the middle', async () => {
    const o = await office();
    // 900 complaints from January 2026, one every 6 hours, about a well ("sumur") but for a
    // run of 100 in the middle and the newest 150, which are about a lamp; four statuses,
    // seven names.
    const names = ['budi', 'Anita', 'citra', 'Budi', 'eka', 'Dodi', 'fajar'];
    const ids = importAt(
      o,
      Array.from({ length: 900 }, (_, i) => ({
        at: new Date(Date.UTC(2026, 0, 2, 2) + i * 6 * 3_600_000).toISOString(),
        name: names[(i * 5) % 7],
        subject: (i >= 400 && i < 500) || i >= 750 ? 'Lampu penerangan padam' : `Sumur warga kering ${i}`,
      })),
    );
    o.db.prepare("UPDATE complaints SET status = CASE id % 4 WHEN 0 THEN 'selesai' WHEN 1 THEN 'didisposisi' WHEN 2 THEN 'ditolak' ELSE status END").run();
    o.db.prepare(`UPDATE complaints SET channel = 'whatsapp' WHERE id IN (${ids.filter((_, i) => i % 3 === 0).join(', ')})`).run();
    await expectEveryPageOf(o, [[{ q: 'sumur' }, '1'], [{ q: 'sumur', channel: 'whatsapp' }, "channel = 'whatsapp'"]], kasiHandlesAThird(o));
  }, 120_000);

  it('gives every page as the plain sorted query does, five pairs of rare statuses far apart', async () => {
    const o = await office();
    // 1,900 complaints about a well, finished; five pairs of neighbours far apart in the
    // register (350 complaints) have statuses sorting before "selesai".
    importAt(
      o,
      Array.from({ length: 1900 }, (_, i) => ({ at: new Date(Date.UTC(2026, 0, 2, 2) + i * 3 * 3_600_000).toISOString(), subject: `Sumur warga kering ${i}` })),
    );
    o.db.prepare("UPDATE complaints SET status = 'selesai'").run();
    const rare = ['bukan_kewenangan', 'diarsipkan', 'dicabut', 'didisposisi', 'dikirim'];
    rare.forEach((status, i) => o.db.prepare('UPDATE complaints SET status = ? WHERE id IN (?, ?)').run(status, 400 + i * 350, 401 + i * 350));
    await expectEveryPageOf(o, [[{ q: 'sumur' }, '1']], kasiHandlesAThird(o));
  }, 120_000);
});

describe('register by a year of receipt in order of receipt', () => {
  it('walks a year within its span of receipt, complaints numbered in it under another zone too, every page as the plain sorted query does', async () => {
    const o = await office();
    const zone = async (timeZone: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura') =>
      ok(o.core, o.admin, 'office.update', { ...(await ok(o.core, o.admin, 'office.get', {})), timeZone });
    // 900 complaints over 2024–2026, one every 29 hours, about a well but for a run of 100
    // about a lamp; four statuses, a third by WhatsApp.
    const ids = importAt(
      o,
      Array.from({ length: 900 }, (_, i) => ({
        at: new Date(Date.UTC(2024, 0, 2, 2) + i * 29 * 3_600_000).toISOString(),
        subject: i >= 380 && i < 480 ? 'Lampu penerangan padam' : `Sumur warga kering ${i}`,
      })),
    );
    // Numbered in 2025 when the office kept WIT (the first hour of 2025 there) and WIB (the
    // last of 2025 there); in WITA, the office's zone now, one was received in 2024 and the
    // other in 2026.
    await zone('Asia/Jayapura');
    const [first] = importAt(o, [{ at: '2024-12-31T15:30:00.000Z', subject: 'Sumur warga kering awal tahun' }]);
    await zone('Asia/Jakarta');
    const [last] = importAt(o, [{ at: '2025-12-31T16:30:00.000Z', subject: 'Sumur warga kering akhir tahun' }]);
    await zone('Asia/Makassar');
    expect(o.db.prepare('SELECT year FROM complaints WHERE id IN (?, ?)').pluck().all(first, last)).toEqual([2025, 2025]);
    o.db.prepare("UPDATE complaints SET status = CASE id % 4 WHEN 0 THEN 'selesai' WHEN 1 THEN 'didisposisi' WHEN 2 THEN 'ditolak' ELSE status END").run();
    o.db.prepare(`UPDATE complaints SET channel = 'whatsapp' WHERE id IN (${ids.filter((_, i) => i % 3 === 0).join(', ')})`).run();
    await expectEveryPageOf(
      o,
      [
        [{ year: 2025 }, 'year = 2025'],
        [{ year: 2025, q: 'sumur' }, 'year = 2025'],
        [{ year: 2025, channel: 'whatsapp' }, "year = 2025 AND channel = 'whatsapp'"],
      ],
      kasiHandlesAThird(o),
    );
    // By time of receipt the walk keeps to the year's span of receipt, for the Staf and the
    // Kasi, with words and without.
    const span = /^SELECT .*FROM complaints c INDEXED BY complaints_received_no WHERE .*c\.received_at >= \? AND c\.received_at < \?.* LIMIT \? OFFSET \?$/s;
    for (const s of [o.staf, o.kasi]) {
      for (const q of [{ year: 2025 }, { year: 2025, q: 'sumur' }]) {
        for (const dir of ['asc', 'desc'] as const) {
          const log = await record(o.db, () => list(o, s, { ...q, sort: 'receivedAt', dir, limit: 3 }));
          expect(log.some((e) => span.test(e.sql)), `${JSON.stringify(q)} ${dir}`).toBe(true);
        }
      }
    }
  }, 120_000);
});

describe('register by status within a seksi', () => {
  it('gives every page of a seksi, or no seksi, by status, with words too, as the plain sorted query does', async () => {
    const o = await office();
    // 900 complaints about a well but for a run of 100 about a lamp; most finished ones
    // with a seksi, the others mostly without.
    importAt(
      o,
      Array.from({ length: 900 }, (_, i) => ({
        at: new Date(Date.UTC(2026, 0, 2, 2) + i * 6 * 3_600_000).toISOString(),
        subject: i >= 400 && i < 500 ? 'Lampu penerangan padam' : `Sumur warga kering ${i}`,
      })),
    );
    o.db.prepare("UPDATE complaints SET status = CASE id % 4 WHEN 0 THEN 'selesai' WHEN 1 THEN 'selesai' WHEN 2 THEN 'ditolak' ELSE status END").run();
    o.db.prepare("UPDATE complaints SET seksi = CASE WHEN status = 'selesai' AND id % 10 <> 0 THEN 'Seksi Pemerintahan' WHEN id % 5 = 0 THEN 'Seksi Kesejahteraan Sosial' ELSE '' END").run();
    await expectEveryPageOf(
      o,
      [
        [{ tanpaSeksi: true }, "seksi = ''"],
        [{ tanpaSeksi: true, q: 'sumur' }, "seksi = ''"],
        [{ seksi: 'Seksi Pemerintahan', q: 'sumur' }, "seksi = 'Seksi Pemerintahan'"],
        [{ seksi: 'Seksi Kesejahteraan Sosial', channel: 'langsung' }, "seksi = 'Seksi Kesejahteraan Sosial' AND channel = 'langsung'"],
      ],
      kasiHandlesAThird(o),
    );
  }, 120_000);
});

describe('register by a span of finishing beside filters', () => {
  it('gives every page of a year or month of finishing beside a status, a channel or no seksi, with words too, as the plain sorted query does', async () => {
    const o = await office();
    // 600 complaints from January 2026, one every 8 hours, finished ten days after receipt:
    // "selesai" but for one in thirteen "ditolak" (46), a third by WhatsApp; ten still open.
    const n = 600;
    const names = ['budi', 'Anita', 'citra', 'Budi', 'eka', 'Dodi', 'fajar'];
    const ids = importAt(
      o,
      Array.from({ length: n }, (_, i) => ({ at: new Date(Date.UTC(2026, 0, 2, 2) + i * 8 * 3_600_000).toISOString(), name: names[i % names.length], anonymous: i % 11 === 4 })),
    );
    const finish = o.db.prepare("UPDATE complaints SET status = ?, closed_at = strftime('%Y-%m-%dT%H:%M:%fZ', received_at, '+10 days') WHERE id = ?");
    ids.forEach((id, i) => i % 59 === 58 || finish.run(i % 13 === 5 ? 'ditolak' : 'selesai', id));
    o.db.prepare(`UPDATE complaints SET channel = 'whatsapp' WHERE id IN (${ids.filter((_, i) => i % 3 === 0).join(', ')})`).run();
    const year = "closed_at >= '2025-12-31T17:00:00.000Z' AND closed_at < '2026-12-31T17:00:00.000Z'";
    const march = "closed_at >= '2026-02-28T17:00:00.000Z' AND closed_at < '2026-03-31T17:00:00.000Z'";
    const cases: [ComplaintQuery, string][] = [
      [{ year: 2026, dateOf: 'selesai', status: 'selesai' }, `${year} AND status = 'selesai'`],
      [{ year: 2026, dateOf: 'selesai', channel: 'whatsapp' }, `${year} AND channel = 'whatsapp'`],
      [{ year: 2026, month: 3, dateOf: 'selesai', status: 'selesai' }, `${march} AND status = 'selesai'`],
      [{ year: 2026, dateOf: 'selesai', status: 'selesai', channel: 'whatsapp' }, `${year} AND status = 'selesai' AND channel = 'whatsapp'`],
      [{ q: 'lampu', year: 2026, dateOf: 'selesai', status: 'selesai' }, `${year} AND status = 'selesai'`],
      [{ year: 2026, dateOf: 'selesai', status: 'ditolak' }, `${year} AND status = 'ditolak'`],
      [{ year: 2026, dateOf: 'selesai', tanpaSeksi: true }, `${year} AND seksi = ''`],
      [{ year: 2026, month: 3, dateOf: 'selesai' }, march],
    ];
    const kasi = kasiHandlesAThird(o);
    await expectEveryPageOf(o, cases, kasi);
    // Again after eight of them became about a well.
    o.db.prepare(`UPDATE complaints SET subject = 'Sumur warga kering' WHERE id IN (${ids.filter((_, i) => i % 75 === 7).join(', ')})`).run();
    await expectEveryPageOf(o, [...cases.slice(0, 4), [{ q: 'sumur', year: 2026, dateOf: 'selesai', status: 'selesai' }, `${year} AND status = 'selesai'`]], kasi);
  }, 120_000);
});

describe('register search', () => {
  it('finds a register number typed whole, with spaces, or as its urut number, and words as before', async () => {
    const o = await office();
    const [, second] = importAt(o, [
      { at: '2025-05-01T02:00:00.000Z', subject: 'Saluran air tersumbat' },
      { at: '2025-05-02T02:00:00.000Z', subject: 'Jalan berlubang di Krajan' },
      { at: '2026-05-02T02:00:00.000Z', subject: 'Jalan berlubang di Krajan' },
    ]);
    const found = async (q: string) => (await list(o, o.staf, { q, sort: 'receivedAt', dir: 'asc' })).rows.map((r) => r.registerNo);
    expect(await found('0002/PGD/2025')).toEqual(['0002/PGD/2025']);
    expect(await found('0002 PGD 2025')).toEqual(['0002/PGD/2025']);
    expect(await found('2/pgd/2025')).toEqual(['0002/PGD/2025']);
    expect((await list(o, o.staf, { q: '0002/PGD/2025' })).rows[0]!.id).toBe(second);
    expect(await found('2')).toEqual(['0002/PGD/2025']);
    expect(await found('1')).toEqual(['0001/PGD/2025', '0001/PGD/2026']);
    expect((await list(o, o.staf, { q: '1' })).total).toBe(2);
    // No such number: searched as words.
    expect(await found('0009/PGD/2025')).toEqual([]);
    expect(await found('jalan krajan')).toEqual(['0002/PGD/2025', '0001/PGD/2026']);
    expect((await list(o, o.staf, { q: 'jalan krajan' })).total).toBe(2);
    expect((await list(o, o.staf, { q: 'jalan krajan', year: 2026 })).total).toBe(1);
  });

  it('finds no hidden name, for a Kasi as for the Staf', async () => {
    const o = await office();
    importAt(o, [
      { at: '2026-05-01T02:00:00.000Z', name: 'Suparmi' },
      { at: '2026-05-02T02:00:00.000Z', name: 'Suparmi', anonymous: true },
      { at: '2026-05-03T02:00:00.000Z', name: 'Suparmi', confidential: true },
    ]);
    expect((await list(o, o.staf, { q: 'suparmi' })).rows.map((r) => r.registerNo)).toEqual(['0001/PGD/2026']);
    // Not disposed to the Kasi: the name is masked for him, and not searchable.
    expect((await list(o, o.kasi, { q: 'suparmi' })).total).toBe(0);
    expect((await list(o, o.camat, { q: 'suparmi' })).total).toBe(1);
  });

  it("finds a complaint a Kasi may not open by its number and subject only, never by its Uraian", async () => {
    const o = await office();
    const [secret] = importAt(o, [{ at: '2026-05-01T02:00:00.000Z', name: 'Rahmat Hidayat', confidential: true, subject: 'Dugaan pungutan di kantor desa' }]);
    o.db.prepare('UPDATE complaints SET description = ? WHERE id = ?').run('Oknum perangkat bernama Sugiarto meminta uang untuk surat pengantar.', secret);
    const total = async (s: typeof o.kasi, q: string) => (await list(o, s, { q })).total;
    // The Staf sees the complaint whole; the Kasi sees its number and subject in the register.
    expect(await total(o.staf, 'Sugiarto')).toBe(1);
    expect(await total(o.kasi, 'Sugiarto')).toBe(0);
    expect(await total(o.kasi, 'surat pengantar')).toBe(0);
    expect(await total(o.kasi, 'pungutan')).toBe(1);
    expect(await total(o.kasi, 'pungutan Sugiarto')).toBe(0);
    expect(await total(o.kasi, 'Rahmat')).toBe(0);
    // Disposed to him, it is his to open: its Uraian is searched too, the rahasia name still not.
    const kasiId = o.db.prepare("SELECT id FROM users WHERE username = 'kasi'").pluck().get() as number;
    const camatId = o.db.prepare("SELECT id FROM users WHERE username = 'camat'").pluck().get() as number;
    o.db
      .prepare("INSERT INTO dispositions (complaint_id, from_user, to_user, sifat, instructions, created_at) VALUES (?, ?, ?, 'rahasia', '[]', '2026-05-02T02:00:00.000Z')")
      .run(secret, camatId, kasiId);
    expect(await total(o.kasi, 'Sugiarto')).toBe(1);
    expect(await total(o.kasi, 'pungutan Sugiarto')).toBe(1);
    expect(await total(o.kasi, 'Rahmat')).toBe(0);
    // The export lists exactly what the register finds.
    const job = await ok(o.core, o.kasi, 'complaints.exportXlsx', { q: 'pungutan Sugiarto' });
    expect(job.total).toBe(1);
    o.db.prepare("UPDATE dispositions SET state = 'ditarik' WHERE complaint_id = ?").run(secret);
    expect(await total(o.kasi, 'Sugiarto')).toBe(0);
    expect((await ok(o.core, o.kasi, 'complaints.exportXlsx', { q: 'Sugiarto' })).total).toBe(0);
  });
});

const userOf = (o: Office, username: string) => o.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as SessionUser;

// A third of the complaints disposed to the Kasi; his rule for names, and his order by name, as SQL.
function kasiHandlesAThird(o: Office) {
  o.db
    .prepare("INSERT INTO dispositions (complaint_id, from_user, to_user, sifat, instructions, created_at, state) SELECT id, ?, ?, 'biasa', '[]', '2026-06-01T02:00:00.000Z', 'aktif' FROM complaints WHERE id % 3 = 1")
    .run(userOf(o, 'camat').id, userOf(o, 'kasi').id);
  const identity = identitySql(userOf(o, 'kasi'));
  return { identity, kasiName: `(CASE WHEN c.anonymous THEN 'Anonim' WHEN ${identity.sql} THEN c.reporter_name ELSE '' END)` };
}

// Every page (seven offsets, limits 3 and 50) in every order both ways, for the Staf and the
// Kasi (kasiHandlesAThird), as the plain sorted query of the complaints about a well
// ("sumur"), or a lamp ("lampu"), that `where` keeps gives it.
async function expectEveryPageOf(o: Office, cases: [ComplaintQuery, string][], { identity, kasiName }: ReturnType<typeof kasiHandlesAThird>) {
  for (const [q, where] of cases) {
    const words = q.q === undefined ? '1' : q.q === 'sumur' ? "subject LIKE 'Sumur%'" : "subject LIKE 'Lampu%'";
    for (const sort of sortFields) {
      for (const dir of ['asc', 'desc'] as const) {
        for (const [s, name] of [[o.staf, null], [o.kasi, kasiName]] as const) {
          const order = name && sort === 'reporterName' ? `${name} COLLATE NOCASE ${dir}, year ${dir}, seq ${dir}` : ORDERS[sort].replaceAll('{d}', dir);
          const want = o.db.prepare(`SELECT id FROM complaints c WHERE ${words} AND ${where} ORDER BY ${order}`).pluck().all(...(name && sort === 'reporterName' ? identity.params : [])) as number[];
          expect(want.length, JSON.stringify(q)).toBeGreaterThan(2);
          const n = want.length;
          for (const offset of [0, 1, 2, 3, Math.floor(n / 2), n - 3, n - 1]) {
            for (const limit of [3, 50]) {
              const page = await list(o, s, { ...q, sort, dir, offset, limit });
              const label = `${JSON.stringify(q)} ${sort} ${dir} @${offset}+${limit}`;
              expect(page.rows.map((r) => r.id), label).toEqual(want.slice(offset, offset + limit));
              expect(page.total, label).toBe(n);
            }
          }
        }
      }
    }
  }
}

// Every page of each Kasi's register by name, both directions, under each filter, as the
// plain answer gives it: every complaint the filter keeps, keyed by the name shown (Anonim,
// the name where the Kasi may see it, else ''), in SQLite's NOCASE order, then in the
// register's. Returns how many names were shown and hidden.
async function expectEveryPageByName(o: Office, kasis: (readonly [string, ReturnType<typeof carrier>])[], filters: ComplaintQuery[]) {
  const nocase = (a: string, b: string) => Buffer.compare(Buffer.from(a.replace(/[A-Z]/g, (c) => c.toLowerCase())), Buffer.from(b.replace(/[A-Z]/g, (c) => c.toLowerCase())));
  const plain = async (s: ReturnType<typeof carrier>, username: string, q: ComplaintQuery) => {
    const kept = new Set((await list(o, s, { ...q, sort: 'registerNo', limit: 200 })).rows.map((r) => r.id));
    const identity = identitySql(userOf(o, username));
    const rows = o.db.prepare(`SELECT c.id, c.year, c.seq, c.anonymous, c.reporter_name AS name, ${identity.sql} AS identity FROM complaints c`).all(...identity.params) as {
      id: number;
      year: number;
      seq: number;
      anonymous: number;
      name: string;
      identity: number;
    }[];
    const keyed = rows.filter((r) => kept.has(r.id)).map((r) => ({ ...r, key: r.anonymous ? 'Anonim' : r.identity ? r.name : '' }));
    keyed.sort((a, b) => nocase(a.key, b.key) || a.year - b.year || a.seq - b.seq);
    if (q.dir === 'desc') keyed.reverse();
    return keyed.map((r) => r.id);
  };
  const seen = { shown: 0, hidden: 0 };
  for (const [username, s] of kasis) {
    for (const filter of filters) {
      for (const dir of ['asc', 'desc'] as const) {
        const q: ComplaintQuery = { ...filter, sort: 'reporterName', dir };
        const want = await plain(s, username, q);
        const label = `${username} ${JSON.stringify(q)}`;
        const whole = await list(o, s, { ...q, limit: 200 });
        expect(whole.rows.map((r) => r.id), label).toEqual(want);
        for (const r of whole.rows) seen[r.reporterName.startsWith('•') || r.reporterName === '' ? 'hidden' : 'shown']++;
        for (let offset = 0; offset <= want.length; offset++) {
          for (const limit of offset < 4 || offset > want.length - 4 ? [1, 3] : [3]) {
            const page = await list(o, s, { ...q, offset, limit });
            expect(page.rows.map((r) => r.id), `${label} @${offset}+${limit}`).toEqual(want.slice(offset, offset + limit));
          }
        }
      }
    }
  }
  return seen;
}

describe('register sorted by Pelapor', () => {
  it('sorts by the name as shown: Anonim for anonymous reporters, hidden names alike', async () => {
    const o = await office();
    const ids = importAt(o, [
      { at: '2026-05-01T02:00:00.000Z', name: 'zaenal' },
      { at: '2026-05-02T02:00:00.000Z', name: 'Budi', anonymous: true },
      { at: '2026-05-03T02:00:00.000Z', name: 'Agus' },
      { at: '2026-05-04T02:00:00.000Z', name: 'Citra', confidential: true },
      { at: '2026-05-05T02:00:00.000Z', name: 'Abas' },
    ]);
    const order = async (s: ReturnType<typeof carrier>) => (await list(o, s, { sort: 'reporterName', dir: 'asc' })).rows.map((r) => r.reporterName);
    expect(await order(o.staf)).toEqual(['Abas', 'Agus', 'Anonim', 'Citra', 'zaenal']);
    expect(await order(o.camat)).toEqual(['Abas', 'Agus', 'Anonim', 'Citra', 'zaenal']);
    // The Kasi handles none of them: every name but Anonim is masked, and the masked rows
    // sort alike, in the order they were received — whatever the names behind the masks.
    const kasiRows = (await list(o, o.kasi, { sort: 'reporterName', dir: 'asc' })).rows;
    expect(kasiRows.map((r) => r.reporterName)).toEqual(['••••••', '••••', '•••••', '••••', 'Anonim']);
    expect(kasiRows.map((r) => r.id)).toEqual([ids[0], ids[2], ids[3], ids[4], ids[1]]);
    const desc = (await list(o, o.kasi, { sort: 'reporterName', dir: 'desc' })).rows;
    expect(desc.map((r) => r.id)).toEqual([ids[1], ids[4], ids[3], ids[2], ids[0]]);
  });

  it("gives a Kasi every page by name, both directions, with filters, as sorting every complaint does", async () => {
    const o = await office();
    await addUser(o.core, o.admin, 'kasi2', 'kasi', 'Budi Kasi');
    const kasi2 = carrier();
    await ok(o.core, kasi2, 'auth.login', { username: 'kasi2', password: PASSWORD });
    const names = ['agus', 'Agus', 'ABAS', 'budi', 'Budiman', 'citra', 'Anonim', 'zaenal', 'Éka', 'eka'];
    // 2025: fifty named reporters; 2026: thirty, some anonymous or rahasia.
    const ids = importAt(o, [
      ...Array.from({ length: 50 }, (_, i) => ({ at: `2025-${String(1 + (i % 12)).padStart(2, '0')}-1${i % 10}T02:00:00.000Z`, name: names[(i * 7) % names.length] })),
      ...Array.from({ length: 30 }, (_, i) => ({
        at: `2026-${String(1 + (i % 10)).padStart(2, '0')}-0${1 + (i % 9)}T02:00:00.000Z`,
        name: names[(i * 3) % names.length],
        anonymous: i % 4 === 0,
        confidential: i % 5 === 1,
        subject: i % 2 ? 'Lampu jalan padam di Dusun Krajan' : 'Saluran air tersumbat',
      })),
    ]);
    const kasiId = userOf(o, 'kasi').id;
    const camatId = userOf(o, 'camat').id;
    // The Kasi handles about a third: disposed to him (some withdrawn since), a step he
    // completed, or (in 2026) open at a Kasi step disposed to nobody, which every Kasi sees:
    // a Kasi's own step, the Tim Pengelola's, or a step a Kasi (or the Tim) may take beside
    // another (acting_alt). A reporter named ''.
    const atKasiStep = new Map([[53, ['kasi', '']], [55, ['tim_pengelola', '']], [59, ['sekcam', ',sekcam,kasi,']], [65, ['staf', ',staf,tim_pengelola,']], [68, ['kasi', '']], [79, ['kasi', '']]]);
    ids.forEach((id, i) => {
      if (i % 3 === 0) o.db.prepare("INSERT INTO dispositions (complaint_id, from_user, to_user, sifat, instructions, created_at, state) VALUES (?, ?, ?, 'biasa', '[]', '2026-06-01T02:00:00.000Z', ?)").run(id, camatId, kasiId, i % 9 === 0 ? 'ditarik' : 'aktif');
      if (i % 7 === 1) o.db.prepare('UPDATE complaint_steps SET completed_by = ? WHERE complaint_id = ?').run(kasiId, id);
      const acting = atKasiStep.get(i);
      if (acting) o.db.prepare('UPDATE complaints SET acting = ?, acting_alt = ? WHERE id = ?').run(...acting, id);
      if (i % 13 === 5) o.db.prepare("UPDATE complaints SET status = 'selesai', closed_at = '2026-07-01T02:00:00.000Z' WHERE id = ?").run(id);
    });
    o.db.prepare("UPDATE complaints SET reporter_name = '' WHERE id IN (?, ?)").run(ids[3], ids[62]);
    // Two old numbers taken over (below zero, as an import numbers them): the register's
    // order is then not the order of entry.
    o.db.prepare("UPDATE complaints SET seq = -3, register_no = '3/LAMA/2025' WHERE id = ?").run(ids[40]);
    o.db.prepare("UPDATE complaints SET seq = -9, register_no = '9/LAMA/2025' WHERE id = ?").run(ids[41]);
    // Filters keeping many and few.
    const filters: ComplaintQuery[] = [{}, { year: 2025 }, { year: 2026 }, { status: 'selesai' }, { q: 'krajan' }, { year: 2026, month: 3 }];
    const seen = await expectEveryPageByName(o, [['kasi', o.kasi], ['kasi2', kasi2]], filters);
    expect(seen.shown).toBeGreaterThan(100);
    expect(seen.hidden).toBeGreaterThan(100);
  });

  it("gives a Kasi whose names lie far down the index every page by name", async () => {
    const o = await office();
    // Sixty reporters named Zulkifli he may not see sort first (Z–A) or last among the
    // hidden; he handles forty-five: Zyra, Ahmad, Budi, Dewi, one unnamed, and "anonim" by name.
    const ids = importAt(o, [
      ...Array.from({ length: 60 }, (_, i) => ({ at: `2025-0${1 + (i % 9)}-1${i % 10}T02:00:00.000Z`, name: 'Zulkifli' })),
      ...Array.from({ length: 45 }, (_, i) => ({ at: `2026-0${1 + (i % 9)}-0${1 + (i % 9)}T02:00:00.000Z`, name: i === 7 ? 'Zyra' : ['Ahmad', 'budi', 'Budi', 'anonim', 'Dewi'][i % 5] })),
      ...Array.from({ length: 6 }, (_, i) => ({ at: `2026-0${1 + i}-20T02:00:00.000Z`, name: 'Citra', anonymous: true })),
      { at: '2026-02-21T02:00:00.000Z', name: 'ANONIM' },
    ]);
    const camatId = userOf(o, 'camat').id;
    const kasiId = userOf(o, 'kasi').id;
    for (const id of ids.slice(60, 105)) {
      o.db.prepare("INSERT INTO dispositions (complaint_id, from_user, to_user, sifat, instructions, created_at, state) VALUES (?, ?, ?, 'biasa', '[]', '2026-06-01T02:00:00.000Z', 'aktif')").run(id, camatId, kasiId);
    }
    o.db.prepare("UPDATE complaints SET status = 'selesai', closed_at = '2026-07-01T02:00:00.000Z' WHERE id IN (?, ?, ?)").run(ids[61], ids[70], ids[106]);
    o.db.prepare("UPDATE complaints SET reporter_name = '' WHERE id = ?").run(ids[64]);
    const seen = await expectEveryPageByName(o, [['kasi', o.kasi]], [{}, { year: 2026 }, { status: 'selesai' }]);
    expect(seen.shown).toBeGreaterThan(30);
    // With an old register's numbers counted (40,013 in all).
    o.db.prepare("INSERT INTO counters (name, year, value) VALUES ('register_import', 2010, ?)").run(40_013 - ids.length);
    await expectEveryPageByName(o, [['kasi', o.kasi]], [{ status: 'diterima' }]);
  });
  // His seksi holds almost no name hidden from him, another seksi's category almost none he
  // may see.
  it("gives a Kasi who handles many complaints every page by name beside a filter keeping few of a kind", async () => {
    const o = await office();
    const names = ['agus', 'Agus', 'ABAS', 'budi', 'Budiman', 'citra', 'Anonim', 'zaenal', 'Éka', 'eka', 'Rahmat', 'siti'];
    const ids = importAt(
      o,
      Array.from({ length: 1200 }, (_, i) => ({
        at: `${2025 + (i % 2)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}T0${i % 8}:00:00.000Z`,
        name: names[(i * 7) % names.length],
        anonymous: i % 17 === 3,
        confidential: i % 19 === 4,
      })),
    );
    const kasiId = userOf(o, 'kasi').id;
    const camatId = userOf(o, 'camat').id;
    // His seksi holds 1,000 complaints, all disposed to him but five (one anonymous), and he
    // completed a step of each: over 2,000 handled. The other seksi's 200 are in the
    // categories "infrastruktur", which holds three of his too, and "pendidikan", half of
    // which are his. One of his reporters unnamed.
    const others = new Set([ids[10], ids[400], ids[401], ids[777], ids[3]]);
    const mine = ids.slice(0, 1000).filter((id) => !others.has(id));
    write(o.db, () => {
      o.db.prepare("UPDATE complaints SET seksi = 'Seksi Pelayanan Umum', category = 'kebersihan_lingkungan' WHERE id <= ?").run(ids[999]);
      o.db.prepare("UPDATE complaints SET seksi = 'Seksi Pemerintahan', category = 'infrastruktur' WHERE id > ?").run(ids[999]);
      o.db.prepare("UPDATE complaints SET category = 'infrastruktur' WHERE id IN (?, ?, ?)").run(ids[20], ids[500], ids[10]);
      o.db.prepare("UPDATE complaints SET category = 'pendidikan' WHERE id BETWEEN ? AND ?").run(ids[900], ids[1099]);
      const dispose = o.db.prepare("INSERT INTO dispositions (complaint_id, from_user, to_user, sifat, instructions, created_at, state) VALUES (?, ?, ?, 'biasa', '[]', '2026-06-01T02:00:00.000Z', 'aktif')");
      for (const id of mine) dispose.run(id, camatId, kasiId);
      o.db.prepare(`UPDATE complaint_steps SET completed_by = ? WHERE complaint_id IN (${mine.join(',')})`).run(kasiId);
      o.db.prepare("UPDATE complaints SET reporter_name = '' WHERE id = ?").run(ids[30]);
      // Every Uraian tells of a "makadam" road but the unnamed reporter's; so do a quarter of
      // the subjects, two hidden from him among them.
      o.db.prepare(`UPDATE complaints SET subject = 'Jalan makadam rusak' WHERE id % 4 = 0 OR id IN (${ids[10]}, ${ids[400]})`).run();
      o.db.prepare("UPDATE complaints SET subject = 'Lampu padam', description = 'Lampu jalan padam sejak sepekan.' WHERE id = ?").run(ids[30]);
    });
    const kasi = userOf(o, 'kasi');
    const identity = identitySql(kasi);
    const name = `(CASE WHEN c.anonymous THEN 'Anonim' WHEN ${identity.sql} THEN c.reporter_name ELSE '' END)`;
    // His words are found in every column of the complaints he may open, in the number and
    // subject of the others.
    const see = seeSql(kasi);
    const cases: [ComplaintQuery, string, number[]][] = [
      [{ seksi: 'Seksi Pelayanan Umum' }, "seksi = 'Seksi Pelayanan Umum'", []],
      [{ category: 'infrastruktur' }, "category = 'infrastruktur'", []],
      [{ category: 'infrastruktur', year: 2026 }, "category = 'infrastruktur' AND year = 2026", []],
      [{ category: 'pendidikan' }, "category = 'pendidikan'", []],
      // An empty seksi is no filter (as a form left blank sends it).
      [{ category: 'infrastruktur', seksi: '' }, "category = 'infrastruktur'", []],
      [{ seksi: 'Seksi Pelayanan Umum', channel: 'langsung' }, "seksi = 'Seksi Pelayanan Umum' AND channel = 'langsung'", []],
      [{ seksi: 'Seksi Pelayanan Umum', q: 'makadam' }, `seksi = 'Seksi Pelayanan Umum' AND (subject LIKE '%makadam%' OR (description LIKE '%makadam%' AND ${see.sql}))`, see.params],
    ];
    for (const [q, where, whereParams] of cases) {
      for (const dir of ['asc', 'desc'] as const) {
        const want = o.db.prepare(`SELECT id FROM complaints c WHERE ${where} ORDER BY ${name} COLLATE NOCASE ${dir}, year ${dir}, seq ${dir}`).pluck().all(...whereParams, ...identity.params) as number[];
        const n = want.length;
        expect(n, JSON.stringify(q)).toBeGreaterThan(20);
        for (const offset of [0, 1, 2, 3, 4, 5, 6, 48, 49, 50, Math.floor(n / 2), n - 6, n - 3, n - 1]) {
          for (const limit of [1, 3, 50]) {
            const page = await list(o, o.kasi, { ...q, sort: 'reporterName', dir, offset, limit });
            expect(page.rows.map((r) => r.id), `${JSON.stringify(q)} ${dir} @${offset}+${limit}`).toEqual(want.slice(offset, offset + limit));
          }
        }
      }
    }
    // The two hidden from him whose subject holds his words come first.
    expect((await list(o, o.kasi, { seksi: 'Seksi Pelayanan Umum', q: 'makadam', sort: 'reporterName', dir: 'asc', limit: 3 })).rows.map((r) => r.id).slice(0, 2)).toEqual([ids[10], ids[400]]);
  });
});

describe('sessions', () => {
  it('deletes at login the sessions ended over a day ago, and keeps live and lately ended ones', async () => {
    const o = await office('2026-11-24T02:00:00.000Z');
    const clock = t!.clock;
    const since = (iso: string) => o.db.prepare('SELECT count(*) FROM sessions WHERE last_seen_at >= ?').pluck().get(iso) as number;
    const all = () => o.db.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
    const old = carrier();
    await ok(o.core, old, 'auth.login', { username: 'staf', password: PASSWORD });
    const first = all();
    clock.set('2026-11-25T06:00:00.000Z'); // 28 hours later: the first ones ended, kept a day past their lifetime
    const lately = carrier();
    await ok(o.core, lately, 'auth.login', { username: 'kasi', password: PASSWORD });
    expect(all()).toBe(first + 1);
    clock.set('2026-11-25T14:30:00.000Z'); // the first ones are now 36.5 hours old
    const live = carrier();
    await ok(o.core, live, 'auth.login', { username: 'camat', password: PASSWORD });
    expect(all()).toBe(2);
    expect(since('2026-11-25T06:00:00.000Z')).toBe(2);
    // A deleted session is unknown; the lately ended one still tells why it ended.
    const gone = await o.core.call('complaints.list', {}, old);
    expect(gone.ok === false && gone.error.message).toBe('Silakan masuk terlebih dahulu.');
    const told = await o.core.call('complaints.list', {}, lately);
    expect(told.ok === false && told.error.message).toMatch(/berakhir karena tidak ada aktivitas/);
    expect((await ok(o.core, live, 'complaints.list', {})).total).toBe(0);
  });
});

describe('queues in one statement', () => {
  it("lists each open complaint in the office queue as its own journey shows it, with the newest active disposition", async () => {
    const o = await office('2026-11-24T02:00:00.000Z');
    const clock = t!.clock;
    const kasiId = o.db.prepare("SELECT id FROM users WHERE username = 'kasi'").pluck().get() as number;
    const plain = (await ok(o.core, o.staf, 'complaints.create', sampleComplaint())).id;
    const disposed = (await ok(o.core, o.staf, 'complaints.create', sampleComplaint({ subject: 'Saluran tersumbat' }))).id;
    const paused = (await ok(o.core, o.staf, 'complaints.create', sampleComplaint({ subject: 'Surat keterangan lambat' }))).id;
    clock.set('2026-11-24T02:20:00.000Z');
    await ok(o.core, o.staf, 'workflow.dispose', { id: disposed, to: [kasiId], sifat: 'segera', instructions: ['proses_lanjut'], note: '' });
    await ok(o.core, o.staf, 'workflow.exit', { id: paused, exit: 'tidak_lengkap', note: 'KTP belum dilampirkan.' });
    clock.set('2026-11-27T04:00:00.000Z'); // some steps late by now
    const staf = carrier();
    await ok(o.core, staf, 'auth.login', { username: 'staf', password: PASSWORD });
    const camat = carrier();
    await ok(o.core, camat, 'auth.login', { username: 'camat', password: PASSWORD });
    const kasi = carrier();
    await ok(o.core, kasi, 'auth.login', { username: 'kasi', password: PASSWORD });

    const tasks = (await ok(o.core, camat, 'tasks.office', {})).rows;
    expect(tasks.map((x) => x.complaintId).sort()).toEqual([plain, disposed, paused].sort());
    for (const task of tasks) {
      const j = await ok(o.core, camat, 'workflow.journey', { id: task.complaintId });
      expect(task.paused).toBe(j.paused);
      expect(task.pause).toEqual(j.pause);
      expect(task.standardRisk).toEqual(j.standardRisk);
      if (j.current) expect(task).toMatchObject({ stepNo: j.current.stepNo, activity: j.current.activity, dueAt: j.current.dueAt, risk: j.current.risk, remainingMinutes: j.current.remainingMinutes, daysBehind: j.current.daysBehind, daysLeft: j.current.daysLeft });
      const active = j.dispositions.filter((d) => d.state === 'aktif').at(-1);
      expect(task.disposition).toEqual(active ? { id: active.id, sifat: active.sifat, opened: active.openedAt !== null, fromName: active.fromName } : null);
    }
    expect(tasks.find((x) => x.complaintId === disposed)!.disposition).toMatchObject({ sifat: 'segera', fromName: 'Dewi Staf' });
    expect(tasks.find((x) => x.complaintId === paused)!.paused).toBe(true);

    // The Kasi's own queue holds the one disposed to him; the Staf's the file waiting for the reporter.
    const mine = await ok(o.core, kasi, 'tasks.mine', {});
    expect(mine.map((x) => x.complaintId)).toEqual([disposed]);
    expect(mine[0]!.disposition).toEqual(tasks.find((x) => x.complaintId === disposed)!.disposition);
    expect((await ok(o.core, staf, 'tasks.mine', {})).map((x) => x.complaintId)).toContain(paused);
    const counts = await ok(o.core, camat, 'tasks.counts', {});
    expect(counts.late).toBe(tasks.filter((x) => !x.paused && (x.risk === 'terlambat' || x.standardRisk === 'terlambat')).length);
    expect((await ok(o.core, kasi, 'tasks.counts', {})).mine).toBe(1);
  });

  it('finds for every handler the same queue as the rules find complaint by complaint, in the same statements for 6 or 12 complaints', async () => {
    const o = await office('2026-11-24T02:00:00.000Z');
    const clock = t!.clock;
    await addUser(o.core, o.admin, 'kasi2', 'kasi', 'Budi Kasi');
    await addUser(o.core, o.admin, 'sekcam', 'sekcam', 'Rina Sekcam');
    const login = async (username: string) => {
      const s = carrier();
      await ok(o.core, s, 'auth.login', { username, password: PASSWORD });
      return s;
    };
    const who = ['staf', 'kasi', 'kasi2', 'sekcam', 'camat'] as const;
    let sessions: Record<string, ReturnType<typeof carrier>> = {};
    const loginAll = async () => void (sessions = Object.fromEntries(await Promise.all(who.map(async (u) => [u, await login(u)] as const))));
    await loginAll();
    const idOf = (username: string) => o.db.prepare('SELECT id FROM users WHERE username = ?').pluck().get(username) as number;
    const [kasi, kasi2] = [idOf('kasi'), idOf('kasi2')];
    // Six complaints each round: plain, disposed to one Kasi, to the other, to both, disposed
    // and withdrawn again, and waiting for the reporter.
    const round = async () => {
      const ids: number[] = [];
      for (let i = 0; i < 6; i++) ids.push((await ok(o.core, sessions.staf!, 'complaints.create', sampleComplaint({ subject: `Pengaduan ${i}` }))).id);
      const dispose = (id: number, to: number[]) => ok(o.core, sessions.staf!, 'workflow.dispose', { id, to, sifat: 'biasa', instructions: ['proses_lanjut'], note: '' });
      await dispose(ids[1]!, [kasi]);
      await dispose(ids[2]!, [kasi2]);
      await dispose(ids[3]!, [kasi, kasi2]);
      const withdrawn = (await dispose(ids[4]!, [kasi])).dispositions.at(-1)!.id;
      await ok(o.core, sessions.staf!, 'workflow.withdrawDisposition', { dispositionId: withdrawn });
      await ok(o.core, sessions.staf!, 'workflow.exit', { id: ids[5]!, exit: 'tidak_lengkap', note: 'KTP belum dilampirkan.' });
    };
    // The rules asked complaint by complaint, as the queue did before it read them in one statement.
    const expected = (username: string) => {
      const user = o.db.prepare('SELECT id, role FROM users WHERE username = ?').get(username) as SessionUser;
      const open = o.db.prepare('SELECT id, status, acting, acting_alt, step_started_at, step_due_at FROM complaints WHERE closed_at IS NULL ORDER BY id').all() as {
        id: number;
        status: string;
        acting: string | null;
        acting_alt: string;
        step_started_at: string | null;
        step_due_at: string | null;
      }[];
      const disposedToMe = new Set(o.db.prepare("SELECT complaint_id FROM dispositions WHERE to_user = ? AND state = 'aktif'").pluck().all(user.id));
      // Who a complaint may wait for: its acting role (Sekcam also the Camat's), the Tim
      // Pengelola, a role among the step's alternates, the Staf for a file waiting for the
      // reporter, and the recipients of its active dispositions.
      const candidate = (r: (typeof open)[number]) =>
        [user.role, 'tim_pengelola', user.role === 'sekcam' ? 'camat' : null].includes(r.acting) ||
        r.acting_alt.includes(`,${user.role},`) ||
        (user.role === 'staf' && r.status === 'tidak_lengkap') ||
        disposedToMe.has(r.id);
      return open
        .filter(candidate)
        .filter((r) => {
          const l = loadState(o.db, r.id);
          const may = l.c.status === 'tidak_lengkap' ? allowedActions(user, l.state).includes('resume') : mayActOnStep(user, l.state);
          if (!may || (user.role === 'sekcam' && r.acting === 'camat' && !l.step?.alternates.includes('sekcam'))) return false;
          return complaintAccess(o.db, user, r.id).see && !!l.step && !!r.step_started_at && !!r.step_due_at;
        })
        .map((r) => r.id);
    };
    const statements = async (username: string, call: 'tasks.mine' | 'tasks.office' | 'tasks.counts'): Promise<number> =>
      (await record(o.db, () => ok(o.core, sessions[username]!, call, {}))).length;

    await round();
    clock.set('2026-11-24T08:00:00.000Z'); // later the same day: some steps late by now
    await loginAll();
    // The office list read whole here, and after the second round read again only where it changed.
    const officeStatements = await statements('camat', 'tasks.office');
    const before = Object.fromEntries(who.map((u) => [u, 0]));
    for (const u of who) {
      const mine = await ok(o.core, sessions[u]!, 'tasks.mine', {});
      expect(mine.map((x) => x.complaintId).sort((a, b) => a - b), u).toEqual(expected(u));
      expect((await ok(o.core, sessions[u]!, 'tasks.counts', {})).mine, u).toBe(mine.length);
      before[u] = await statements(u, 'tasks.mine');
    }
    const countStatements = await statements('kasi', 'tasks.counts');

    await round();
    expect(await statements('camat', 'tasks.office')).toBe(officeStatements);
    for (const u of who) {
      expect((await ok(o.core, sessions[u]!, 'tasks.mine', {})).map((x) => x.complaintId).sort((a, b) => a - b), u).toEqual(expected(u));
      expect(await statements(u, 'tasks.mine'), u).toBe(before[u]);
    }
    expect(expected('kasi').length).toBeGreaterThan(0);
    expect(expected('kasi2')).not.toEqual(expected('kasi'));
    expect(await statements('kasi', 'tasks.counts')).toBe(countStatements);
  });
});

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../main/core';
import type { SessionCarrier } from '../../main/core/context';
import { DEMO_PASSWORD, seedDemo } from '../../main/core/demo/seed';
import { rowToUser, type UserRow } from '../../main/core/users/rows';
import { SHOWN_KEPT, myTasks, officeTasks, taskCounts } from '../../main/core/workflow/queue';
import { officeTasksQuerySchema, type Action, type Task } from '../../shared/schemas/workflow';
import { CLOCKS, TASK_FILTERS } from '../../shared/domain';
import { record, hookStatements } from '../bench/twin';
import { carrier, makeCore, ok, sampleComplaint, type TestCore } from '../support/core';

// After a change, the office list and "Tugas saya" read again only the complaints changed
// since they last read (a change mark raised by triggers). Whatever changed, by the app or
// by another connection to the file, each list must answer exactly what a connection that
// kept nothing reads whole.

const NOW = '2026-11-25T03:00:00.000Z'; // Wed 25 Nov 2026 10.00 WIB
const HANDLERS = ['staf', 'kasi.pelayanan', 'kasi.pemerintahan', 'sekcam', 'camat'] as const;
type Handler = (typeof HANDLERS)[number];
let t: TestCore;
let s: Record<Handler | 'admin', SessionCarrier>;

beforeAll(async () => {
  t = makeCore(NOW);
  await seedDemo(t.core.deps, 40);
  await login();
}, 240_000);
afterAll(() => t?.dispose());

async function login(): Promise<void> {
  s = {} as typeof s;
  for (const u of [...HANDLERS, 'admin'] as const) {
    s[u] = carrier();
    await ok(t.core, s[u], 'auth.login', { username: u, password: DEMO_PASSWORD });
  }
}

const idOf = (username: string) => t.core.db.prepare('SELECT id FROM users WHERE username = ?').pluck().get(username) as number;

// What a connection that has kept nothing reads (its own, read-only, closed after).
async function freshly<T>(read: (deps: TestCore['core']['deps']) => T | Promise<T>): Promise<T> {
  const fresh = new Database(join(t.dir, DB_FILE), { readonly: true });
  try {
    return await read({ ...t.core.deps, db: fresh });
  } finally {
    fresh.close();
  }
}

// The order of Tugas saya: paused last, then late, at risk and on time on the step's
// clock, then by its due and id.
const RANK = { terlambat: 0, berisiko: 1, aman: 2 } as const;
const inListOrder = (tasks: Task[]) =>
  [...tasks].sort((a, b) => Number(a.paused) - Number(b.paused) || RANK[a.risk] - RANK[b.risk] || a.dueAt.localeCompare(b.dueAt) || a.complaintId - b.complaintId);

// Every list of every handler, as the app answers it and as a fresh connection reads it whole.
async function same(label: string): Promise<void> {
  await freshly(async (deps) => {
    for (const u of HANDLERS) {
      const user = rowToUser(deps.db.prepare('SELECT * FROM users WHERE username = ?').get(u) as UserRow);
      const mine = await ok(t.core, s[u], 'tasks.mine', {});
      expect(mine, `${label}: urutan tugas ${u}`).toEqual(inListOrder(mine));
      expect(mine, `${label}: tugas ${u}`).toEqual(myTasks(deps, user));
      expect(await ok(t.core, s[u], 'tasks.counts', {}), `${label}: angka ${u}`).toEqual(taskCounts(deps, user));
    }
    for (const sort of CLOCKS) {
      for (const filter of [undefined, ...TASK_FILTERS]) {
        const what = `${label}: kantor ${sort} ${filter ?? 'semua'}`;
        expect(await ok(t.core, s.camat, 'tasks.office', { sort, filter, limit: 200 }), what).toEqual(officeTasks(deps, officeTasksQuerySchema.parse({ sort, filter, limit: 200 })));
      }
    }
  });
}

// An open complaint on which the action may be taken now (none of those left out), and who may take it.
async function offering(action: Action, left: number[] = []): Promise<{ id: number; by: Handler }> {
  for (const row of (await ok(t.core, s.camat, 'tasks.office', { limit: 200 })).rows) {
    if (left.includes(row.complaintId)) continue;
    for (const by of ['staf', 'sekcam', 'camat'] as const) {
      if ((await ok(t.core, s[by], 'workflow.journey', { id: row.complaintId })).actions.includes(action)) return { id: row.complaintId, by };
    }
  }
  throw new Error(`no complaint offers ${action}`);
}
// The complaint copied n times by another connection, the i-th numbered seqFrom + i and due
// i minutes after `dueFrom` (an SQL expression over the original's columns).
function copyComplaint(other: Database.Database, id: number, n: number, seqFrom: number, dueFrom: string): void {
  const columns = (other.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('complaints') as string[]).filter((c) => !['id', 'register_no', 'seq', 'step_due_at', 'change_seq'].includes(c));
  other
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO complaints (register_no, seq, step_due_at, ${columns.join(', ')})
       SELECT register_no || '-' || (? + i), ? + i, strftime('%Y-%m-%dT%H:%M:%fZ', ${dueFrom}, '+' || i || ' minutes'), ${columns.join(', ')} FROM complaints, n WHERE id = ?`,
    )
    .run(n, seqFrom, seqFrom, id);
}

const dispose = (c: { id: number; by: Handler }, to: Handler) =>
  ok(t.core, s[c.by], 'workflow.dispose', { id: c.id, to: [idOf(to)], sifat: 'segera', instructions: ['proses_lanjut'], note: '' });

describe('lists after a change, reading only what changed', () => {
  it('answers after every kind of change what a whole read answers', async () => {
    await same('awal');
    await ok(t.core, s.staf, 'complaints.create', sampleComplaint({ subject: 'Saluran air tersumbat di Dusun Krajan' }));
    await same('dicatat');
    const c = await offering('dispose');
    const x = c.id;
    const first = (await dispose(c, 'kasi.pelayanan')).dispositions.at(-1)!.id;
    await same('didisposisikan');
    expect((await ok(t.core, s['kasi.pelayanan'], 'tasks.mine', {})).some((k) => k.complaintId === x)).toBe(true);
    await ok(t.core, s['kasi.pelayanan'], 'workflow.returnDisposition', { dispositionId: first, reason: 'Bukan tugas seksi kami.' });
    await same('dikembalikan');
    const second = (await dispose(c, 'kasi.pemerintahan')).dispositions.at(-1)!.id;
    await same('didisposisikan lagi');
    await ok(t.core, s[c.by], 'workflow.withdrawDisposition', { dispositionId: second });
    await same('ditarik');
    await dispose(c, 'kasi.pemerintahan');
    await same('didisposisikan ketiga');

    // The one who disposed is renamed: the Kasi's task shows the new name.
    const from = (await ok(t.core, s.admin, 'users.list', {})).find((u) => u.username === c.by)!;
    const renamed = `${from.name} (nama baru)`;
    await ok(t.core, s.admin, 'users.update', { id: from.id, rowVersion: from.rowVersion, user: { name: renamed, nip: from.nip, jabatan: from.jabatan, pangkat: from.pangkat, role: from.role, seksi: from.seksi, active: true } });
    await same('nama pengirim diganti');
    const task = (await ok(t.core, s['kasi.pemerintahan'], 'tasks.mine', {})).find((k) => k.complaintId === x)!;
    expect(task.disposition?.fromName).toBe(renamed);

    // A file waiting for the reporter, then resumed; one finished by its Kasi; one taken over; one withdrawn.
    const incomplete = await offering('exit:tidak_lengkap', [x]);
    await ok(t.core, s[incomplete.by], 'workflow.exit', { id: incomplete.id, exit: 'tidak_lengkap', note: 'KTP pelapor belum dilampirkan.' });
    await same('menunggu pelapor');
    await ok(t.core, s[incomplete.by], 'workflow.resume', { id: incomplete.id, note: 'KTP sudah diserahkan.' });
    await same('dilanjutkan');
    await ok(t.core, s['kasi.pemerintahan'], 'workflow.advance', { id: x, note: 'Sudah ditinjau ke lokasi.' });
    await same('langkah selesai');
    const taken = await offering('takeOver', [x]);
    await ok(t.core, s[taken.by], 'workflow.takeOver', { id: taken.id, reason: 'Pelaksana sedang cuti.' });
    await same('diambil alih');
    const withdrawn = await offering('exit:dicabut', [x]);
    await ok(t.core, s[withdrawn.by], 'workflow.exit', { id: withdrawn.id, exit: 'dicabut', note: 'Pelapor mencabut pengaduannya.' });
    await same('dicabut');
    const open = (await ok(t.core, s.camat, 'tasks.office', { limit: 200 })).rows.filter((r) => !r.paused);

    // Written by another connection to the file, outside the app.
    const other = new Database(join(t.dir, DB_FILE));
    try {
      other.prepare('UPDATE complaints SET step_due_at = ?, subject = ? WHERE id = ?').run('2026-11-25T03:30:00.000Z', 'Diubah di luar aplikasi', open[0]!.complaintId);
      await same('ditulis koneksi lain');
      other.prepare('INSERT INTO pauses (complaint_id, from_at, to_at) VALUES (?, ?, ?)').run(open[1]!.complaintId, '2026-11-24T02:00:00.000Z', '2026-11-24T08:00:00.000Z');
      await same('jeda ditulis koneksi lain');
      // An active disposition to one Kasi handed to the other.
      const [pelayanan, pemerintahan] = [idOf('kasi.pelayanan'), idOf('kasi.pemerintahan')];
      const moved = other
        .prepare(
          `UPDATE dispositions SET to_user = CASE to_user WHEN ? THEN ? ELSE ? END WHERE id = (SELECT d.id FROM dispositions d JOIN complaints c ON c.id = d.complaint_id
           WHERE d.state = 'aktif' AND d.to_user IN (?, ?) AND c.closed_at IS NULL ORDER BY d.id DESC LIMIT 1)`,
        )
        .run(pelayanan, pemerintahan, pelayanan, pelayanan, pemerintahan);
      expect(moved.changes).toBe(1);
      await same('disposisi dialihkan koneksi lain');
    } finally {
      other.close();
    }

    // Past the due just set, and the next morning (signed in again each time).
    t.clock.set('2026-11-25T03:31:00.000Z');
    await login();
    await same('lewat tenggat');
    t.clock.set('2026-11-26T02:00:00.000Z');
    await login();
    await same('besok pagi');
  }, 240_000);

  it('reads only the changed complaints again, not every open one', async () => {
    t.clock.set('2026-11-26T02:05:00.000Z');
    await login();
    await ok(t.core, s.camat, 'tasks.office', {});
    await ok(t.core, s['kasi.pelayanan'], 'tasks.mine', {});
    // One the Kasi is not at work on already (a part returned by another may be disposed again, but not to him).
    const busy = t.core.db.prepare("SELECT complaint_id FROM dispositions WHERE to_user = ? AND state = 'aktif'").pluck().all(idOf('kasi.pelayanan')) as number[];
    const c = await offering('dispose', busy);
    const x = c.id;
    await dispose(c, 'kasi.pelayanan');
    hookStatements();
    const office = await record(t.core.db, () => ok(t.core, s.camat, 'tasks.office', {}));
    expect(office.some((r) => r.sql.includes('c.change_seq > @seq'))).toBe(true);
    expect(office.some((r) => r.sql.endsWith('FROM complaints c WHERE c.closed_at IS NULL'))).toBe(false);
    const mine = await record(t.core.db, () => ok(t.core, s['kasi.pelayanan'], 'tasks.mine', {}));
    expect(mine.some((r) => r.sql.includes('json_each(@ids)') && r.sql.includes('instr(c.acting_alt'))).toBe(true);
    expect(mine.some((r) => r.sql.includes('LIMIT @limit'))).toBe(false);
    expect((await ok(t.core, s['kasi.pelayanan'], 'tasks.mine', {})).some((k) => k.complaintId === x)).toBe(true);
    await same('sesudah dibaca sebagian');
  }, 120_000);
});

describe('a queue longer than one read', () => {
  it('keeps the first tasks by due across changes, when the statement stops at its limit', async () => {
    t.clock.set('2026-11-26T02:10:00.000Z');
    await login();
    // One of the Kasi's tasks copied 1,200 times by another connection, each due a minute
    // later than the one before: more candidates than the statement reads at once.
    const [task] = await ok(t.core, s['kasi.pelayanan'], 'tasks.mine', {});
    const other = new Database(join(t.dir, DB_FILE));
    try {
      copyComplaint(other, task!.complaintId, 1200, 900000, 'step_due_at');
      const dispositionColumns = (other.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('dispositions') as string[]).filter((c) => !['id', 'complaint_id'].includes(c));
      other
        .prepare(
          `INSERT INTO dispositions (complaint_id, ${dispositionColumns.join(', ')})
           SELECT c.id, ${dispositionColumns.map((c) => `d.${c}`).join(', ')} FROM complaints c JOIN dispositions d ON d.complaint_id = ? WHERE c.seq > 900000`,
        )
        .run(task!.complaintId);
      const mine = async () => ok(t.core, s['kasi.pelayanan'], 'tasks.mine', {});
      expect(await mine()).toHaveLength(500);
      await same('antrean panjang');
      const copies = other.prepare('SELECT id FROM complaints WHERE seq > 900000 ORDER BY seq').pluck().all() as number[];
      const moves: [string, () => unknown][] = [
        ['salinan terakhir jadi paling awal', () => other.prepare('UPDATE complaints SET step_due_at = ? WHERE id = ?').run('2026-11-20T01:00:00.000Z', copies.at(-1))],
        ['salinan pertama jadi paling akhir', () => other.prepare('UPDATE complaints SET step_due_at = ? WHERE id = ?').run('2027-06-01T01:00:00.000Z', copies[0])],
        ['150 salinan awal ditutup', () => other.prepare('UPDATE complaints SET closed_at = ? WHERE id IN (SELECT value FROM json_each(?))').run('2026-11-26T02:00:00.000Z', JSON.stringify(copies.slice(1, 150)))],
        ['150 lagi ditutup', () => other.prepare('UPDATE complaints SET closed_at = ? WHERE id IN (SELECT value FROM json_each(?))').run('2026-11-26T02:00:00.000Z', JSON.stringify(copies.slice(150, 300)))],
      ];
      hookStatements();
      for (const [label, move] of moves) {
        move();
        const statements = await record(t.core.db, mine);
        expect(statements.some((r) => r.sql.includes('LIMIT @limit')), label).toBe(false);
        await same(label);
      }
      // Closed a hundred at a time: read apart while 500 tasks are left up to where the
      // statement stopped, then read on past it; never read whole again.
      const readOn: boolean[] = [];
      for (let from = 300; from < 1000; from += 100) {
        other.prepare('UPDATE complaints SET closed_at = ? WHERE id IN (SELECT value FROM json_each(?))').run('2026-11-26T02:00:00.000Z', JSON.stringify(copies.slice(from, from + 100)));
        const queue = (await record(t.core.db, mine)).filter((r) => r.sql.includes('LIMIT @limit')).map((r) => (r.params[0] as { afterDue: string | null }).afterDue);
        expect(queue, `salinan ${from + 100}`).not.toContain(null);
        readOn.push(queue.length > 0);
        await same(`ditutup sampai salinan ${from + 100}`);
      }
      expect(readOn[0]).toBe(false);
      expect(readOn).toContain(true);
    } finally {
      other.close();
    }
  }, 240_000);

  it("finds the tasks past a statement's limit of candidates that are not the user's", async () => {
    t.clock.set('2026-11-26T03:00:00.000Z');
    await login();
    const sekcam = async () => (await ok(t.core, s.sekcam, 'tasks.mine', {})).map((x) => x.complaintId);
    const before = await sekcam();
    expect(before.length).toBeGreaterThan(0);
    // A file at the Camat's own step (not one Sekcam takes over) copied 1,100 times, each due
    // before all of Sekcam's: the first statement's candidates hold none of his tasks.
    const camatOnly = (t.core.db.prepare("SELECT id FROM complaints WHERE closed_at IS NULL AND acting = 'camat' ORDER BY id").pluck().all() as number[]).find((id) => !before.includes(id))!;
    expect(camatOnly).toBeDefined();
    const other = new Database(join(t.dir, DB_FILE));
    try {
      copyComplaint(other, camatOnly, 1100, 800000, "'2026-01-01T00:00:00.000Z'");
      expect((await sekcam()).sort((a, b) => a - b)).toEqual(before.slice().sort((a, b) => a - b));
      await same('calon bukan tugas Sekcam di depan');
    } finally {
      other.close();
    }
  }, 240_000);

  it('shows every page of an office list longer than the rows it keeps, before and after a change', async () => {
    t.clock.set('2026-11-26T04:00:00.000Z');
    await login();
    const [first] = (await ok(t.core, s.camat, 'tasks.office', {})).rows;
    const other = new Database(join(t.dir, DB_FILE));
    const whole = (offset: number) => freshly((deps) => officeTasks(deps, officeTasksQuerySchema.parse({ offset, limit: 200 })));
    try {
      copyComplaint(other, first!.complaintId, 2300, 700000, 'step_due_at');
      const page = async (label: string, offset: number) =>
        expect(await ok(t.core, s.camat, 'tasks.office', { offset, limit: 200 }), `${label}: mulai ${offset}`).toEqual(await whole(offset));
      const pages = async (label: string) => {
        const { total } = await whole(0);
        expect(total).toBeGreaterThan(SHOWN_KEPT + 200);
        // As many rows as are kept, then a page half kept and half not yet read.
        for (let offset = 0; offset < SHOWN_KEPT; offset += 200) await page(label, offset);
        await page(label, SHOWN_KEPT - 100);
        for (let offset = SHOWN_KEPT; offset < total; offset += 200) await page(label, offset);
      };
      await pages('daftar panjang');
      other.prepare('UPDATE complaints SET step_due_at = ? WHERE seq = ?').run('2026-11-20T01:00:00.000Z', 702300);
      await pages('sesudah satu perubahan');
    } finally {
      other.close();
    }
  }, 240_000);
});

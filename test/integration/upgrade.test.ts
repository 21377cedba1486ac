import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../main/core';
import { listBackups } from '../../main/core/backup/store';
import { UPGRADE_FOLDER } from '../../main/core/backup/upgrade';
import { MIGRATIONS } from '../../main/core/db/migrations';
import { PAGE_SIZE } from '../../main/core/db/open';
import { seeSql } from '../../main/core/access';
import type { SessionUser } from '../../main/core/context';
import { carrier, ok, sampleComplaint, silentLog } from '../support/core';
import { expectedSummaries, storedSummaries } from '../support/reports';

// A database written by the previous release (schema 10, before the buku rekap's
// summaries), made by test/fixtures/make-previous-release.sh from that release's own
// code: the demo office played through its calls, with its audit seal key.
const FIXTURE = join(__dirname, '..', 'fixtures', 'tanggap-skema-10');
const LATEST = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
const PASSWORD = 'tanggap123';
const TABLES = ['users', 'complaints', 'complaint_steps', 'complaint_events', 'dispositions', 'issued_documents', 'document_parafs', 'deliveries', 'pauses', 'follow_ups'];

const dirs: string[] = [];
const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tanggap-upgrade-'));
  dirs.push(dir);
  const data = join(dir, 'data');
  cpSync(FIXTURE, data, { recursive: true });
  rmSync(join(data, 'commit.txt'));
  return data;
}

function open(dataDir: string): Core {
  const core = createCore({ dataDir, log: silentLog, sweepEveryMs: 0, backupCheckEveryMs: 0 });
  cores.push(core);
  return core;
}

function raw(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const counts = Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
    const complaints = db.prepare('SELECT id, register_no, status, closed_at, reporter_name FROM complaints ORDER BY id').all();
    const audit = db.prepare('SELECT id, action, hash FROM audit_log ORDER BY id').all() as { id: number; action: string; hash: string }[];
    const documents = db.prepare('SELECT id, status, number, view_sha256, docx_sha256, verify_code FROM issued_documents ORDER BY id').all();
    return { version, pageSize, counts, complaints, audit, documents };
  } finally {
    db.close();
  }
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function signIn(core: Core, username: string) {
  const s = carrier();
  await ok(core, s, 'auth.login', { username, password: PASSWORD });
  return s;
}

describe('an update keeps the data of the previous release', () => {
  it('backs the schema-10 database up, migrates it, and everything is still there and working', async () => {
    const dataDir = copyFixture();
    const before = raw(join(dataDir, DB_FILE));
    expect(before.version).toBe(10);
    expect(before.counts.complaints).toBeGreaterThan(40);
    expect(before.counts.issued_documents).toBeGreaterThan(100);
    expect(before.complaints.filter((c) => (c as { closed_at: string | null }).closed_at === null).length).toBeGreaterThan(10);

    const core = open(dataDir);
    expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST);
    // Made with SQLite's 4 KiB pages; rewritten with Tanggap's own once migrated.
    expect(before.pageSize).toBe(4096);
    expect(core.db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);

    // The copy: in the data folder (the demo office has no backup folder), named for what it is,
    // verified, the previous release's data exactly, and restorable as any other backup.
    const folder = join(dataDir, UPGRADE_FOLDER);
    const backups = listBackups(folder);
    expect(backups).toHaveLength(1);
    const [backup] = backups;
    expect(backup!.file).toMatch(/^tanggap-\d{4}-\d{2}-\d{2}T\d{4}-sebelum-pembaruan-skema-10\.sqlite$/);
    expect(backup).toMatchObject({ verified: true, userVersion: 10, complaints: before.counts.complaints, reason: 'sebelum_pembaruan' });
    const copy = raw(join(folder, backup!.file));
    expect(copy).toEqual(before);

    // Every row kept; one audit row added for the copy, chained after the old ones.
    const after = raw(join(dataDir, DB_FILE));
    expect(after.counts).toEqual(before.counts);
    expect(after.complaints).toEqual(before.complaints);
    expect(after.documents).toEqual(before.documents);
    expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
    const added = core.db.prepare('SELECT action, data FROM audit_log WHERE id > ?').all(before.audit.length) as { action: string; data: string }[];
    expect(added).toHaveLength(1);
    expect(added[0]!.action).toBe('backup.created');
    expect(JSON.parse(added[0]!.data)).toMatchObject({ file: backup!.file, reason: 'sebelum_pembaruan', fromVersion: 10, toVersion: LATEST });

    // The buku rekap's summaries, which schema 10 did not have, filled from the old rows.
    const stored = storedSummaries(core.db);
    expect(Object.keys(stored.counts).length).toBeGreaterThan(20);
    expect(stored).toEqual(expectedSummaries(core.db));
    const camat = await signIn(core, 'camat');
    const years = core.db.prepare('SELECT DISTINCT year FROM complaints ORDER BY year').pluck().all() as number[];
    expect(years.length).toBeGreaterThan(1);
    let received = 0;
    for (const year of years) received += (await ok(core, camat, 'reports.recap', { year })).total.received;
    expect(received).toBe(before.counts.complaints);

    // The audit trail of the previous release verifies with today's code (Admin's check).
    const admin = await signIn(core, 'admin');
    const verdict = await ok(core, admin, 'audit.verify', {});
    // (the old rows, the copy's row, and the two sign-ins since)
    expect(verdict).toMatchObject({ ok: true, firstBroken: null, rows: before.audit.length + 3, sealedHere: before.audit.length + 3, carried: 0 });

    // Work goes on: the Staf records a new complaint with the next number of the year.
    const staf = await signIn(core, 'staf');
    const created = await ok(core, staf, 'complaints.create', sampleComplaint({ incidentDate: new Date().toISOString().slice(0, 10) }));
    const row = core.db.prepare('SELECT id, year, seq, register_no FROM complaints ORDER BY id DESC LIMIT 1').get() as { id: number; year: number; seq: number; register_no: string };
    expect(row.id).toBe(before.complaints.length + 1);
    const maxSeq = core.db.prepare('SELECT MAX(seq) FROM complaints WHERE year = ? AND id <> ?').pluck().get(row.year, row.id) as number | null;
    expect(row.seq).toBe((maxSeq ?? 0) + 1);
    expect(JSON.stringify(created)).toContain(row.register_no);
    expect(await ok(core, admin, 'audit.verify', {})).toMatchObject({ ok: true, firstBroken: null });

    // The register's text index, rebuilt from the old rows with who may open each complaint:
    // for each Kasi the rows it names are those the rule in SQL (seeSql) lets him open, and
    // his word search finds in the register's order what it finds in another.
    const kasis = core.db.prepare("SELECT * FROM users WHERE role = 'kasi'").all() as SessionUser[];
    expect(kasis.length).toBeGreaterThan(1);
    let narrower = 0;
    for (const user of kasis) {
      const { username } = user;
      const see = seeSql(user);
      const key = (rows: unknown[]) => (rows as bigint[]).map(String);
      const bySql = key(core.db.prepare(`SELECT c.year * 4294967296 + c.seq + 2147483648 FROM complaints c WHERE ${see.sql} ORDER BY 1`).pluck().safeIntegers(true).all(...see.params));
      const byIndex = key(
        core.db
          .prepare('SELECT rowid FROM complaints_register_fts WHERE complaints_register_fts MATCH ? ORDER BY rowid')
          .pluck()
          .safeIntegers(true)
          .all(`{viewers} : ("u${user.id}" OR "kasi")`),
      );
      expect(bySql.length, username).toBeGreaterThan(0);
      expect(byIndex, username).toEqual(bySql);
      const kasi = await signIn(core, username);
      for (const q of ['jalan', 'desa', 'bantuan', 'surat', 'a']) {
        const fast = await ok(core, kasi, 'complaints.list', { q, limit: 200 });
        const rule = await ok(core, kasi, 'complaints.list', { q, sort: 'receivedAt', limit: 200 });
        expect(fast.rows.map((r) => r.id).sort(), `${username} ${q}`).toEqual(rule.rows.map((r) => r.id).sort());
        expect(fast.total).toBe(rule.total);
        if (fast.total < (await ok(core, staf, 'complaints.list', { q })).total) narrower++;
      }
    }
    expect(narrower).toBeGreaterThan(0);
    core.close();
    cores.pop();

    // The next start finds nothing to migrate and takes no second copy.
    open(dataDir);
    expect(listBackups(folder)).toHaveLength(1);
  });

  it('puts the copy in the office backup folder when one is set, keeps it, and it restores', async () => {
    const dataDir = copyFixture();
    const backupFolder = join(dataDir, '..', 'flashdisk', 'Cadangan Tanggap');
    const db = new Database(join(dataDir, DB_FILE));
    db.prepare("INSERT INTO settings (key, value) VALUES ('backup', ?)").run(JSON.stringify({ folder: backupFolder, keep: 1, daily: true }));
    db.close();
    const core = open(dataDir);
    expect(listBackups(backupFolder).map((b) => [b.reason, b.verified, b.userVersion])).toEqual([['sebelum_pembaruan', true, 10]]);
    expect(existsSync(join(dataDir, UPGRADE_FOLDER))).toBe(false);
    // Its checkpoint is beside the backups too, as for every backup.
    expect(readFileSync(join(backupFolder, 'tanggap-titik-periksa.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
    const [copy] = listBackups(backupFolder);

    // An ordinary backup with "keep 1" prunes older ordinary ones, never the copy before the update.
    await core.deps.backup.backupNow('manual');
    await core.deps.backup.backupNow('manual');
    expect(listBackups(backupFolder).map((b) => b.reason).sort()).toEqual(['manual', 'sebelum_pembaruan']);

    // Restoring it brings back the previous release's data, migrated again on reopening.
    const complaints = raw(join(FIXTURE, DB_FILE)).complaints.length;
    const restored = await core.restore(copy!.file);
    expect(restored).toMatchObject({ restoredFrom: copy!.file, complaints });
    expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(core.db.prepare('SELECT COUNT(*) FROM complaints').pluck().get()).toBe(complaints);
  });

  it.runIf(process.platform === 'linux')('falls back to the data folder when the office folder takes no copy, with one checkpoint, for the copy kept', () => {
    const dataDir = copyFixture();
    const db = new Database(join(dataDir, DB_FILE));
    // A folder that lists but takes no file, root included.
    db.prepare("INSERT INTO settings (key, value) VALUES ('backup', ?)").run(JSON.stringify({ folder: '/proc/self', keep: 7, daily: true }));
    db.close();
    const core = open(dataDir);
    const folder = join(dataDir, UPGRADE_FOLDER);
    expect(listBackups(folder).map((b) => [b.reason, b.verified])).toEqual([['sebelum_pembaruan', true]]);
    expect(core.db.prepare('SELECT COUNT(*) FROM audit_checkpoints').pluck().get()).toBe(1);
    expect(readFileSync(join(folder, 'tanggap-titik-periksa.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('does not migrate when no copy can be made', () => {
    const dataDir = copyFixture();
    // A file where the folder would go: neither the office folder nor the fallback can be made.
    writeFileSync(join(dataDir, UPGRADE_FOLDER), '');
    const db = new Database(join(dataDir, DB_FILE));
    db.prepare("INSERT INTO settings (key, value) VALUES ('backup', ?)").run(JSON.stringify({ folder: join(dataDir, UPGRADE_FOLDER, 'x'), keep: 7, daily: true }));
    db.close();
    expect(() => createCore({ dataDir, log: silentLog, sweepEveryMs: 0, backupCheckEveryMs: 0 })).toThrow(/Pembaruan basis data dibatalkan.*Data belum diperbarui/s);
    expect(raw(join(dataDir, DB_FILE)).version).toBe(10);
  });

  it('refuses a database made by a newer Tanggap and leaves it exactly as it was', () => {
    const dataDir = copyFixture();
    const file = join(dataDir, DB_FILE);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST + 4}`);
    db.close();
    const hash = sha(file);
    const listing = readdirSync(dataDir).sort();
    expect(() => createCore({ dataDir, log: silentLog, sweepEveryMs: 0, backupCheckEveryMs: 0 })).toThrow(
      `Basis data ini dibuat oleh versi Tanggap yang lebih baru (skema ${LATEST + 4}; versi yang terpasang di komputer ini mengenal sampai skema ${LATEST}). Pasang versi Tanggap terbaru di komputer ini, lalu buka lagi. Basis data tidak diubah.`,
    );
    expect(sha(file)).toBe(hash);
    // No journal switched to WAL, no -wal or -shm left, no copy taken.
    expect(readdirSync(dataDir).sort()).toEqual(listing);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { createCore, DB_FILE } from '../../main/core';
import { KEY_FILE } from '../../main/core/audit/key';
import { ADMIN, addUser, carrier, makeCore, ok, sampleComplaint, setupOffice, silentLog, type TestCore } from '../support/core';

const run = promisify(execFile);
let t: TestCore;
afterEach(() => t?.dispose());

async function officeWithComplaints(n: number) {
  t = makeCore();
  const admin = await setupOffice(t.core);
  const staf = await addUser(t.core, admin, 'staf1', 'staf');
  for (let i = 0; i < n; i++) await ok(t.core, staf, 'complaints.create', sampleComplaint({ subject: `Aduan ${i}` }));
  return admin;
}

describe('audit trail', () => {
  it('chains every recorded complaint and verifies clean', async () => {
    const admin = await officeWithComplaints(3);
    // Besides the complaints, the chain holds the setup, the user's creation and the logins.
    const count = (action: string) => (t.core.db.prepare('SELECT count(*) AS n FROM audit_log WHERE action LIKE ?').get(action) as { n: number }).n;
    expect(count('complaint.received')).toBe(3);
    expect(await ok(t.core, admin, 'audit.verify', {})).toMatchObject({ ok: true, rows: count('%'), firstBroken: null, sealedHere: count('%'), carried: 0 });
  });

  it('refuses UPDATE and DELETE through SQL', async () => {
    await officeWithComplaints(1);
    expect(() => t.core.db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/tidak boleh diubah/);
    expect(() => t.core.db.prepare('DELETE FROM audit_log').run()).toThrow(/tidak boleh dihapus/);
  });

  it('finds a row edited directly in the file, and the CLI says so', async () => {
    const admin = await officeWithComplaints(4);
    t.core.close();
    // Someone with the file and a SQLite tool: drops the guard, edits row 2.
    const raw = new Database(join(t.dir, DB_FILE));
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare(`UPDATE audit_log SET data = '{"registerNo":"0002/PGD/2026","status":"ditolak"}' WHERE id = 2`).run();
    raw.close();
    const cli = join(__dirname, '..', '..', 'main', 'cli', 'audit-verify.ts');
    const result = await run(process.execPath, ['--import', 'tsx', cli, '--data', t.dir]).catch((e: { code: number; stderr: string }) => e);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('catatan 2') });
    const reopened = makeCoreAt(t.dir);
    const verdict = await reopened.call('audit.verify', {}, admin);
    expect(verdict).toMatchObject({ ok: true, value: { ok: false, firstBroken: { id: 2 } } });
    reopened.close();
  }, 30_000);

  it("the CLI also finds a complaint's record edited in the file with the audit rows untouched", async () => {
    await officeWithComplaints(2);
    t.core.close();
    const cli = join(__dirname, '..', '..', 'main', 'cli', 'audit-verify.ts');
    const clean = await run(process.execPath, ['--import', 'tsx', cli, '--data', t.dir]);
    expect(clean.stdout).toContain('2 pengaduan cocok dengan catatannya');
    const raw = new Database(join(t.dir, DB_FILE));
    raw.prepare("UPDATE complaints SET reporter_nik = '1111111111111111' WHERE id = 2").run();
    raw.close();
    const result = await run(process.execPath, ['--import', 'tsx', cli, '--data', t.dir]).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/1 pengaduan diubah di luar aplikasi: 0002\//) });
    expect(result.stdout).not.toContain('utuh');
  }, 30_000);

  it('finds a deleted row in the middle of the chain', async () => {
    const admin = await officeWithComplaints(3);
    t.core.db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2;');
    const verdict = await ok(t.core, admin, 'audit.verify', {});
    expect(verdict.firstBroken).toMatchObject({ id: 2, reason: expect.stringContaining('Catatan nomor 2 hilang') });
  });

  it('finds a trail edited and recomputed from the edited row on (the seal key is not in the file)', async () => {
    const admin = await officeWithComplaints(4);
    t.core.close();
    rewrite(t.dir, (raw) => {
      raw.prepare(`UPDATE audit_log SET data = '{"registerNo":"0002/PGD/2026","status":"ditolak"}' WHERE id = 3`).run();
      rehashFrom(raw, 3);
    });
    const reopened = makeCoreAt(t.dir);
    const verdict = await ok(reopened, admin, 'audit.verify', {});
    expect(verdict).toMatchObject({ ok: false, firstBroken: { id: 3, reason: expect.stringContaining('Segel catatan 3 tidak cocok') } });
    reopened.close();
  }, 30_000);

  it('finds a recomputed trail whose rows were relabelled as unsealed', async () => {
    const admin = await officeWithComplaints(3);
    const rows = (t.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    t.core.close();
    rewrite(t.dir, (raw) => {
      raw.prepare(`UPDATE audit_log SET data = '{}', key_id = '', seal = '' WHERE id >= 2`).run();
      rehashFrom(raw, 2);
    });
    const reopened = makeCoreAt(t.dir);
    const verdict = await ok(reopened, admin, 'audit.verify', {});
    expect(verdict).toMatchObject({ ok: false, firstBroken: { id: 2, reason: expect.stringContaining(`${rows - 1} catatan terakhir`) } });
    reopened.close();
  }, 30_000);

  it('finds a trail cut short before the checkpoint written beside the backups, even with the checkpoints deleted from the file', async () => {
    const admin = await officeWithComplaints(3);
    const folder = mkdtempSync(join(tmpdir(), 'tanggap-cadangan-'));
    try {
      await ok(t.core, admin, 'backup.updateSettings', { folder, keep: 3, daily: false, rowVersion: (await ok(t.core, admin, 'backup.status', {})).settings.rowVersion });
      await ok(t.core, admin, 'backup.now', {});
      const atBackup = (await ok(t.core, admin, 'audit.verify', {})).checkpoints;
      expect(atBackup.map((c) => [c.source, c.state])).toEqual([
        ['basis_data', 'cocok'],
        ['folder_cadangan', 'cocok'],
      ]);
      const cut = atBackup[0]!.rows - 2;
      t.core.close();
      rewrite(t.dir, (raw) => {
        raw.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_checkpoints_no_delete;');
        raw.prepare('DELETE FROM audit_log WHERE id > ?').run(cut);
        raw.exec('DELETE FROM audit_checkpoints');
      });
      const reopened = makeCoreAt(t.dir);
      const verdict = await ok(reopened, admin, 'audit.verify', {});
      expect(verdict).toMatchObject({ ok: false, rows: cut, firstBroken: { reason: expect.stringContaining('catatan terakhir dihapus') } });
      expect(verdict.checkpoints).toEqual([expect.objectContaining({ source: 'folder_cadangan', state: 'terpotong' })]);
      reopened.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 30_000);

  it('keeps the rows of a lost key in place with one row saying a new key was made', async () => {
    const admin = await officeWithComplaints(2);
    const rows = (t.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    t.core.close();
    rmSync(join(t.dir, KEY_FILE));
    const reopened = makeCoreAt(t.dir);
    expect(reopened.db.prepare("SELECT data FROM audit_log WHERE action = 'audit.key_created'").pluck().get()).toBe(JSON.stringify({ rowsBefore: rows }));
    // The old rows cannot be checked with the new key: they are carried by the row after them.
    const verdict = await ok(reopened, admin, 'audit.verify', {});
    expect(verdict).toMatchObject({ ok: true, carried: rows, sealedHere: 1 });
    reopened.close();
  }, 30_000);

  it('restores a backup sealed on another computer and holds its rows in place with the restore row', async () => {
    const adminA = await officeWithComplaints(2);
    const folder = mkdtempSync(join(tmpdir(), 'tanggap-cadangan-'));
    const other = makeCore();
    try {
      await ok(t.core, adminA, 'backup.updateSettings', { folder, keep: 3, daily: false, rowVersion: (await ok(t.core, adminA, 'backup.status', {})).settings.rowVersion });
      const { last } = await ok(t.core, adminA, 'backup.now', {});
      const adminB = await setupOffice(other.core);
      await ok(other.core, adminB, 'backup.updateSettings', { folder, keep: 5, daily: false, rowVersion: (await ok(other.core, adminB, 'backup.status', {})).settings.rowVersion });
      other.clock.advanceMinutes(10);
      await ok(other.core, adminB, 'backup.restore', { file: last!.file });
      const admin = carrier();
      await ok(other.core, admin, 'auth.login', ADMIN);
      const verdict = await ok(other.core, admin, 'audit.verify', {});
      expect(verdict).toMatchObject({ ok: true, firstBroken: null });
      expect(verdict.carried).toBeGreaterThan(5);
      // Checkpoints from before the restore describe replaced data; the restore's own one matches, in both places.
      expect(verdict.checkpoints.map((c) => [c.source, c.state]).sort()).toEqual([
        ['basis_data', 'cocok'],
        ['folder_cadangan', 'cocok'],
      ]);
    } finally {
      other.dispose();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});

// Someone with the database file and a SQLite tool, without the app.
function rewrite(dir: string, edit: (raw: Database.Database) => void) {
  const raw = new Database(join(dir, DB_FILE));
  raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
  edit(raw);
  raw.close();
}

// Recomputes every plain hash from row `from` on, as the chain's own rule does.
function rehashFrom(raw: Database.Database, from: number) {
  let prev = raw.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(from - 1) as string;
  type Row = { id: number; at: string; actor_id: number | null; action: string; entity: string; entity_id: number | null; data: string };
  for (const r of raw.prepare('SELECT * FROM audit_log WHERE id >= ? ORDER BY id').all(from) as Row[]) {
    const body = JSON.stringify([r.id, r.at, r.actor_id, r.action, r.entity, r.entity_id, r.data]);
    const hash = createHash('sha256').update(prev).update('\n').update(body).digest('hex');
    raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, r.id);
    prev = hash;
  }
}

function makeCoreAt(dir: string) {
  return createCore({ dataDir: dir, now: t.clock.now, log: silentLog });
}

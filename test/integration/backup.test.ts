import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../main/core/audit/chain';
import { restoreOffline } from '../../main/core/backup/offline';
import { DB_FILE } from '../../main/core';
import { ADMIN, addUser, carrier, fail, makeCore, ok, sampleComplaint, sealKeyOf, setupOffice, type TestCore } from '../support/core';

const posix = process.platform !== 'win32';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('lampiran uji')]).toString('base64');

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.reverse()) c();
  cleanup = [];
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'tanggap-cadangan-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function office(keep = 7) {
  const t: TestCore = makeCore('2026-11-24T02:00:00.000Z');
  cleanup.push(t.dispose);
  const admin = await setupOffice(t.core);
  const staf = await addUser(t.core, admin, 'staf1', 'staf');
  const folder = tempDir();
  await ok(t.core, admin, 'backup.updateSettings', { folder, keep, daily: true, rowVersion: (await ok(t.core, admin, 'backup.status', {})).settings.rowVersion });
  return { ...t, admin, staf, folder };
}

// Checked with the seal key of the office that made it (a file in its data folder).
function check(file: string, dataDir: string) {
  const db = new Database(file, { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const numbers = new Set((db.prepare('SELECT register_no FROM complaints').all() as { register_no: string }[]).map((r) => r.register_no));
    return { integrity, audit: verifyAudit(db, sealKeyOf(dataDir)), numbers };
  } finally {
    db.close();
  }
}

describe('cadangan dan pemulihan', () => {
  it('takes a backup while complaints keep coming and restores every complaint acknowledged before it started', async () => {
    const o = await office();
    const before: string[] = [];
    for (let i = 0; i < 150; i++) {
      const c = await ok(o.core, o.staf, 'complaints.create', sampleComplaint({ subject: `Sebelum cadangan ${i}`, attachments: i === 0 ? [{ fileName: 'foto.png', mime: 'image/png', dataBase64: PNG }] : [] }));
      before.push(c.registerNo);
    }
    let settled = false;
    const backup = ok(o.core, o.admin, 'backup.now', {}).finally(() => (settled = true));
    let during = 0;
    while (!settled) {
      await ok(o.core, o.staf, 'complaints.create', sampleComplaint({ subject: `Selama cadangan ${during++}` }));
      await new Promise((r) => setImmediate(r));
    }
    const status = await backup;
    expect(during).toBeGreaterThan(0);
    expect(status.last).toMatchObject({ verified: true, reason: 'manual' });
    expect(status.last!.file).toMatch(/^tanggap-2026-11-24T0900\.sqlite$/);
    expect(status.lastError).toBeNull();

    const copy = check(join(o.folder, status.last!.file), o.dir);
    expect(copy.integrity).toBe('ok');
    expect(copy.audit.ok).toBe(true);
    for (const n of before) expect(copy.numbers.has(n)).toBe(true);
    expect(readdirSync(join(o.folder, 'lampiran'))).toHaveLength(1);

    await ok(o.core, o.staf, 'complaints.create', sampleComplaint({ subject: 'Sesudah cadangan' }));
    o.clock.advanceMinutes(5);
    const restored = await ok(o.core, o.admin, 'backup.restore', { file: status.last!.file });
    expect(restored.safetyBackup).toMatch(/^tanggap-2026-11-24T0905\.sqlite$/);
    expect(restored.complaints).toBe(copy.numbers.size);

    // Every session ended; the reopened database serves the next calls.
    expect((await fail(o.core, o.admin, 'backup.status', {})).code).toBe('unauthenticated');
    const admin = carrier();
    await ok(o.core, admin, 'auth.login', ADMIN);
    expect((await ok(o.core, admin, 'audit.verify', {})).ok).toBe(true);
    const now = check(join(o.dir, DB_FILE), o.dir);
    expect(now.integrity).toBe('ok');
    expect(now.numbers).toEqual(copy.numbers);
    const actions = (o.core.db.prepare('SELECT action FROM audit_log ORDER BY id DESC LIMIT 2').all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(['login.succeeded', 'backup.restored']);
    const status2 = await ok(o.core, admin, 'backup.status', {});
    expect(status2.backups.map((b) => b.reason)).toEqual(['sebelum_pemulihan', 'manual']);
  });

  it('refuses a tampered or foreign file with a clear message and leaves the data alone', async () => {
    const o = await office();
    await ok(o.core, o.staf, 'complaints.create', sampleComplaint());
    const { last } = await ok(o.core, o.admin, 'backup.now', {});
    const tampered = 'tanggap-2026-01-01T0000.sqlite';
    copyFileSync(join(o.folder, last!.file), join(o.folder, tampered));
    const db = new Database(join(o.folder, tampered));
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET action = 'diubah' WHERE id = 1;");
    db.close();
    expect((await fail(o.core, o.admin, 'backup.restore', { file: tampered })).message).toMatch(/jejak auditnya rusak mulai catatan 1/);

    writeFileSync(join(o.folder, 'tanggap-2026-01-02T0000.sqlite'), 'bukan basis data');
    expect((await fail(o.core, o.admin, 'backup.restore', { file: 'tanggap-2026-01-02T0000.sqlite' })).message).toMatch(/bukan basis data SQLite/);

    const other = new Database(join(o.folder, 'tanggap-2026-01-03T0000.sqlite'));
    other.exec('CREATE TABLE catatan (isi TEXT); PRAGMA user_version = 1;');
    other.close();
    expect((await fail(o.core, o.admin, 'backup.restore', { file: 'tanggap-2026-01-03T0000.sqlite' })).message).toMatch(/bukan basis data Tanggap/);

    expect((await fail(o.core, o.admin, 'backup.restore', { file: '../tanggap.sqlite' })).code).toBe('validation');
    expect((await fail(o.core, o.staf, 'backup.now', {})).code).toBe('forbidden');
    // Nothing was swapped: the session still works and the complaint is there.
    expect((await ok(o.core, o.admin, 'audit.verify', {})).ok).toBe(true);
    expect((o.core.db.prepare('SELECT COUNT(*) AS n FROM complaints').get() as { n: number }).n).toBe(1);
    const listed = await ok(o.core, o.admin, 'backup.status', {});
    expect(listed.backups.filter((b) => !b.verified).map((b) => b.file).sort()).toEqual([tampered, 'tanggap-2026-01-02T0000.sqlite', 'tanggap-2026-01-03T0000.sqlite']);
  });

  it('keeps only the newest N backups and refuses a folder inside the data folder', async () => {
    const o = await office(3);
    const files: string[] = [];
    for (let i = 0; i < 5; i++) {
      o.clock.advanceMinutes(10);
      files.push((await ok(o.core, o.admin, 'backup.now', {})).last!.file);
    }
    const left = readdirSync(o.folder).filter((f) => f.endsWith('.sqlite')).sort();
    expect(left).toEqual(files.slice(2).sort());
    expect((await fail(o.core, o.admin, 'backup.updateSettings', { folder: join(o.dir, 'cadangan'), keep: 3, daily: true, rowVersion: 1 })).field).toBe('folder');
    expect((await fail(o.core, o.admin, 'backup.updateSettings', { folder: 'relatif/saja', keep: 3, daily: true, rowVersion: 1 })).field).toBe('folder');
    // A shared folder on the network, however written, is said to be one.
    for (const folder of ['\\\\SERVER\\share\\tanggap', '//server/share/tanggap']) {
      expect(await fail(o.core, o.admin, 'backup.updateSettings', { folder, keep: 3, daily: true, rowVersion: 1 })).toMatchObject({
        field: 'folder',
        message: expect.stringMatching(/^Folder bersama di jaringan tidak dapat dipakai untuk cadangan/),
      });
    }
    // A folder not there yet is kept, and the status says the first backup makes it.
    const later = join(o.folder, 'belum-ada');
    const status = await ok(o.core, o.admin, 'backup.updateSettings', { folder: later, keep: 3, daily: true, rowVersion: (await ok(o.core, o.admin, 'backup.status', {})).settings.rowVersion });
    expect(status).toMatchObject({ settings: { folder: later }, folderMissing: true });
    await ok(o.core, o.admin, 'backup.now', {});
    expect((await ok(o.core, o.admin, 'backup.status', {})).folderMissing).toBe(false);
  });

  it('runs the daily backup only when the last one is a day old', async () => {
    const o = await office();
    const backup = o.core.deps.backup;
    await backup.dailyCheck();
    o.clock.advanceMinutes(60);
    await backup.dailyCheck();
    expect(backup.status().backups).toHaveLength(1);
    o.clock.advanceMinutes(24 * 60);
    await backup.dailyCheck();
    expect(backup.status().backups.map((b) => b.reason)).toEqual(['harian', 'harian']);
    backup.updateSettings({ folder: o.folder, keep: 7, daily: false, rowVersion: backup.status().settings.rowVersion }, 1);
    o.clock.advanceMinutes(48 * 60);
    await backup.dailyCheck();
    expect(backup.status().backups).toHaveLength(2);
  });

  it('reports a backup folder that cannot be written in Indonesian', async () => {
    const o = await office();
    const blocker = join(o.folder, 'berkas');
    writeFileSync(blocker, '');
    await ok(o.core, o.admin, 'backup.updateSettings', { folder: join(blocker, 'di-dalam'), keep: 7, daily: true, rowVersion: (await ok(o.core, o.admin, 'backup.status', {})).settings.rowVersion });
    expect((await fail(o.core, o.admin, 'backup.now', {})).message).toMatch(/^Cadangan gagal/);
    expect((await ok(o.core, o.admin, 'backup.status', {})).lastError).toMatch(/^Cadangan gagal/);
  });

  it.runIf(process.platform === 'linux')('refuses a backup folder that is a file or takes no file, and keeps the one before', async () => {
    const o = await office();
    const blocker = join(o.folder, 'berkas');
    writeFileSync(blocker, '');
    const rowVersion = (await ok(o.core, o.admin, 'backup.status', {})).settings.rowVersion;
    expect(await fail(o.core, o.admin, 'backup.updateSettings', { folder: blocker, keep: 7, daily: true, rowVersion })).toMatchObject({ field: 'folder', message: expect.stringContaining('bukan folder') });
    // /proc/self is a folder no one can write a file into, root included.
    expect(await fail(o.core, o.admin, 'backup.updateSettings', { folder: '/proc/self', keep: 7, daily: true, rowVersion })).toMatchObject({ field: 'folder', message: expect.stringMatching(/^Folder \/proc\/self tidak dapat ditulis/) });
    expect((await ok(o.core, o.admin, 'backup.status', {})).settings.folder).toBe(o.folder);
    expect(readdirSync(o.folder).filter((f) => f.startsWith('.tanggap-uji'))).toEqual([]);
  });

  it.runIf(posix)('keeps the database, its folder, attachments and backups private to the user', async () => {
    const o = await office();
    await ok(o.core, o.staf, 'complaints.create', sampleComplaint({ attachments: [{ fileName: 'foto.png', mime: 'image/png', dataBase64: PNG }] }));
    const { last } = await ok(o.core, o.admin, 'backup.now', {});
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect(mode(o.dir)).toBe(0o700);
    expect(mode(join(o.dir, DB_FILE))).toBe(0o600);
    expect(mode(join(o.dir, `${DB_FILE}-wal`))).toBe(0o600);
    const [att] = readdirSync(join(o.dir, 'lampiran'));
    expect(mode(join(o.dir, 'lampiran'))).toBe(0o700);
    expect(mode(join(o.dir, 'lampiran', att!))).toBe(0o600);
    expect(mode(join(o.folder, last!.file))).toBe(0o600);
    expect(mode(join(o.dir, 'kunci-segel-audit'))).toBe(0o600);
    expect(mode(join(o.folder, 'tanggap-titik-periksa.jsonl'))).toBe(0o600);
  });

  it('clears what a backup cut short left behind and never lists it', async () => {
    const o = await office();
    for (const name of ['tanggap-2026-11-20T0800.sqlite.sementara', 'tanggap-2026-11-20T0800.sqlite.sementara-journal']) writeFileSync(join(o.folder, name), 'setengah');
    writeFileSync(join(o.folder, 'catatan-kantor.txt'), 'milik kantor');
    const status = await ok(o.core, o.admin, 'backup.now', {});
    expect(status.backups.map((b) => b.file)).toEqual([status.last!.file]);
    expect(readdirSync(o.folder).sort()).toEqual(['catatan-kantor.txt', status.last!.file, `${status.last!.file}.json`, 'tanggap-titik-periksa.jsonl'].sort());
  });

  it('restores into a fresh install from the command line path, attachments included', async () => {
    const o = await office();
    const c = await ok(o.core, o.staf, 'complaints.create', sampleComplaint({ attachments: [{ fileName: 'foto.png', mime: 'image/png', dataBase64: PNG }] }));
    const { last } = await ok(o.core, o.admin, 'backup.now', {});
    const fresh = join(tempDir(), 'data-baru');
    const r = await restoreOffline(fresh, join(o.folder, last!.file));
    expect(r).toMatchObject({ complaints: 1, safetyBackup: null });
    const { core } = makeCoreAt(fresh);
    const admin = carrier();
    await ok(core, admin, 'auth.login', ADMIN);
    const staf = carrier();
    await ok(core, staf, 'auth.login', { username: 'staf1', password: 'kata-sandi-123' });
    const detail = await ok(core, staf, 'complaints.get', { id: c.id });
    const file = await ok(core, staf, 'complaints.attachment', { id: detail.attachments[0]!.id });
    expect(file.dataBase64).toBe(PNG);

    // Over existing data: the current data is backed up first.
    const again = await restoreOffline(fresh, join(o.folder, last!.file));
    expect(again.safetyBackup).toMatch(/^tanggap-.*\.sqlite$/);
  });
});

// A checkpoint seals the trail "as it was when this backup was taken", and the
// backup.created row says a copy exists: a copy that could not be made leaves neither.
type Office = Awaited<ReturnType<typeof office>>;

describe('a backup whose copy cannot be made', () => {
  const count = (o: TestCore, sql: string) => o.core.db.prepare(sql).pluck().get() as number;
  const recorded = (o: TestCore) => ({
    checkpoints: count(o, 'SELECT COUNT(*) FROM audit_checkpoints'),
    created: count(o, "SELECT COUNT(*) FROM audit_log WHERE action = 'backup.created'"),
  });
  const setFolder = (o: TestCore, folder: string) => o.core.db.prepare("UPDATE settings SET value = json_set(value, '$.folder', ?) WHERE key = 'backup'").run(folder);

  const blocks = [
    {
      what: 'the attachments cannot be copied beside it (lampiran/ there is a file)',
      when: true,
      block: (o: Office) => {
        rmSync(join(o.folder, 'lampiran'), { recursive: true, force: true });
        writeFileSync(join(o.folder, 'lampiran'), 'bukan folder');
      },
      unblock: (o: Office) => rmSync(join(o.folder, 'lampiran')),
    },
    {
      // A folder that lists but takes no file, root included. The settings screen refuses
      // it, so it is written straight in, as a disk gone read-only after it was chosen.
      what: 'SQLite cannot write the copy into the folder',
      when: process.platform === 'linux',
      block: (o: Office) => setFolder(o, '/proc/self'),
      unblock: (o: Office) => setFolder(o, o.folder),
    },
  ];

  for (const b of blocks) {
    it.runIf(b.when)(`leaves no checkpoint and no backup.created row when ${b.what}, and the next backup verifies`, async () => {
      const o = await office();
      await ok(o.core, o.staf, 'complaints.create', sampleComplaint({ attachments: [{ fileName: 'foto.png', mime: 'image/png', dataBase64: PNG }] }));
      const first = (await ok(o.core, o.admin, 'backup.now', {})).last!;
      const before = recorded(o);
      expect(before).toEqual({ checkpoints: 1, created: 1 });

      b.block(o);
      o.clock.advanceMinutes(10);
      const failure = await fail(o.core, o.admin, 'backup.now', {});
      expect(failure).toMatchObject({ code: 'conflict', message: expect.stringMatching(/^Cadangan gagal/) });
      expect((await ok(o.core, o.admin, 'backup.status', {})).lastError).toBe(failure.message);
      expect(recorded(o)).toEqual(before);
      expect(readdirSync(o.folder).filter((f) => f.endsWith('.sqlite') || f.includes('.sementara'))).toEqual([first.file]);
      const verdict = await ok(o.core, o.admin, 'audit.verify', {});
      expect(verdict.ok).toBe(true);
      // Beside the backups only while the setting still names the office folder.
      expect(verdict.checkpoints.filter((c) => c.source === 'basis_data').map((c) => c.state)).toEqual(['cocok']);
      expect(verdict.checkpoints.every((c) => c.state === 'cocok')).toBe(true);

      b.unblock(o);
      o.clock.advanceMinutes(10);
      const status = await ok(o.core, o.admin, 'backup.now', {});
      expect(status.lastError).toBeNull();
      expect(status.backups.map((e) => [e.file, e.verified])).toEqual([
        [status.last!.file, true],
        [first.file, true],
      ]);
      expect(recorded(o)).toEqual({ checkpoints: 2, created: 2 });
      const after = await ok(o.core, o.admin, 'audit.verify', {});
      expect(after.ok).toBe(true);
      expect(after.checkpoints).toHaveLength(4);
      expect(after.checkpoints.every((c) => c.state === 'cocok')).toBe(true);
      expect(readFileSync(join(o.folder, 'tanggap-titik-periksa.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
      // The copy carries its own checkpoint, as the office database does.
      const copy = new Database(join(o.folder, status.last!.file), { readonly: true });
      try {
        expect(copy.prepare('SELECT COUNT(*) FROM audit_checkpoints').pluck().get()).toBe(2);
        expect(verifyAudit(copy, sealKeyOf(o.dir))).toMatchObject({ ok: true, checkpoints: [{ state: 'cocok' }, { state: 'cocok' }] });
      } finally {
        copy.close();
      }
    });
  }
});

function makeCoreAt(dir: string) {
  const t = makeCore(undefined, { dataDir: dir });
  cleanup.push(() => t.core.close());
  return t;
}

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { TanggapError } from '../../main/core/errors';
import { ADMIN, addUser, carrier, fail, makeCore, ok, sampleComplaint, setupOffice } from '../support/core';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.reverse()) c();
  cleanup = [];
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'tanggap-pulih-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function core(start?: string) {
  const t = makeCore(start);
  cleanup.push(t.dispose);
  return t;
}

// Office A with two complaints and a verified backup in its backup folder.
async function officeA() {
  const a = core();
  const admin = await setupOffice(a.core);
  const staf = await addUser(a.core, admin, 'staf1', 'staf');
  for (const subject of ['Jalan rusak di Dusun Krajan', 'Lampu jalan padam']) await ok(a.core, staf, 'complaints.create', sampleComplaint({ subject }));
  const folder = tempDir();
  await ok(a.core, admin, 'backup.updateSettings', { folder, keep: 5, daily: true, rowVersion: (await ok(a.core, admin, 'backup.status', {})).settings.rowVersion });
  const { last } = await ok(a.core, admin, 'backup.now', {});
  return { a, admin, staf, folder, file: last!.file };
}

const count = (db: Database.Database, table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('pemulihan dari layar penyiapan', () => {
  it('lists the backups in a typed folder and restores one into a fresh install; its admin signs in', async () => {
    const { folder, file } = await officeA();
    const fresh = core('2026-11-25T03:00:00.000Z');
    const visitor = carrier();
    expect((await ok(fresh.core, visitor, 'setup.status', {})).needsSetup).toBe(true);

    const listed = await ok(fresh.core, visitor, 'setup.backups', { folder });
    expect(listed).toEqual([expect.objectContaining({ file, verified: true, complaints: 2 })]);

    expect(await ok(fresh.core, visitor, 'setup.restore', { folder, file })).toEqual({ complaints: 2 });
    expect(visitor.token).toBeNull();
    expect(await ok(fresh.core, visitor, 'setup.status', {})).toEqual({ needsSetup: false, officeName: expect.stringContaining('Kejayan') });

    const admin = carrier();
    await ok(fresh.core, admin, 'auth.login', ADMIN);
    expect((await ok(fresh.core, admin, 'audit.verify', {})).ok).toBe(true);
    // The restored office keeps its own backup settings.
    const status = await ok(fresh.core, admin, 'backup.status', {});
    expect(status.settings).toEqual({ folder, keep: 5, daily: true, rowVersion: 1 });
    const last = fresh.core.db.prepare('SELECT action, actor_id AS actorId FROM audit_log ORDER BY id DESC LIMIT 2').all();
    expect(last).toEqual([
      { action: 'login.succeeded', actorId: expect.any(Number) },
      { action: 'backup.restored', actorId: null },
    ]);
    // Nothing to keep from an empty install: no safety backup anywhere.
    expect(readdirSync(fresh.dir)).not.toContain('sebelum-pemulihan');
    expect(readdirSync(folder).filter((f) => f.endsWith('.sqlite'))).toEqual([file]);
  });

  it('refuses both calls once the office is set up and changes nothing', async () => {
    const { a, staf, folder, file } = await officeA();
    const stranger = carrier();
    const listed = await fail(a.core, stranger, 'setup.backups', { folder });
    expect(listed).toMatchObject({ code: 'conflict', message: expect.stringMatching(/sudah disiapkan/) });
    // Refused before the folder is even looked at.
    expect((await fail(a.core, stranger, 'setup.backups', { folder: join(folder, 'tidak-ada') })).code).toBe('conflict');

    await ok(a.core, staf, 'complaints.create', sampleComplaint({ subject: 'Sesudah cadangan' }));
    const refused = await fail(a.core, stranger, 'setup.restore', { folder, file });
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringMatching(/sudah disiapkan/) });
    expect(count(a.core.db, 'complaints')).toBe(3);
    expect(count(a.core.db, 'users')).toBe(2);
    expect((await ok(a.core, staf, 'complaints.get', { id: 3 })).subject).toBe('Sesudah cadangan');
  });

  it('refuses a relative folder, a missing folder, path traversal and a file that is not a Tanggap backup', async () => {
    const { folder } = await officeA();
    const fresh = core();
    const visitor = carrier();
    expect(await fail(fresh.core, visitor, 'setup.backups', { folder: 'Cadangan Tanggap' })).toMatchObject({
      code: 'validation',
      field: 'folder',
      message: expect.stringMatching(/Tulis lokasi folder lengkap/),
    });
    // A Windows path where the data is kept on Linux (these tests' machines) is said to be one.
    if (process.platform !== 'win32') {
      expect(await fail(fresh.core, visitor, 'setup.backups', { folder: 'D:\\Cadangan Tanggap' })).toMatchObject({
        field: 'folder',
        message: 'Komputer yang menyimpan data kantor ini bukan Windows, sehingga tidak mengenal lokasi seperti D:\\Cadangan Tanggap: tulis lokasi folder yang dimulai dengan /, misalnya /media/flashdisk/tanggap.',
      });
    }
    expect(await fail(fresh.core, visitor, 'setup.backups', { folder: join(folder, 'tidak-ada') })).toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/tidak ditemukan di komputer yang menjalankan Tanggap/),
    });
    expect((await fail(fresh.core, visitor, 'setup.backups', { folder: ' ' })).code).toBe('validation');

    for (const file of ['../x.sqlite', '../tanggap-2026-11-24T0900.sqlite', 'sub/tanggap-2026-11-24T0900.sqlite']) {
      expect(await fail(fresh.core, visitor, 'setup.restore', { folder, file })).toMatchObject({ code: 'validation', field: 'file' });
    }
    expect((await fail(fresh.core, visitor, 'setup.restore', { folder: 'relatif', file: 'tanggap-2026-11-24T0900.sqlite' })).field).toBe('folder');

    const other = new Database(join(folder, 'tanggap-2026-01-03T0000.sqlite'));
    other.exec('CREATE TABLE catatan (isi TEXT); PRAGMA user_version = 1;');
    other.close();
    writeFileSync(join(folder, 'tanggap-2026-01-04T0000.sqlite'), 'bukan basis data');
    const listed = await ok(fresh.core, visitor, 'setup.backups', { folder });
    expect(listed.filter((b) => !b.verified).map((b) => b.file).sort()).toEqual(['tanggap-2026-01-03T0000.sqlite', 'tanggap-2026-01-04T0000.sqlite']);
    expect((await fail(fresh.core, visitor, 'setup.restore', { folder, file: 'tanggap-2026-01-03T0000.sqlite' })).message).toBe(
      'Berkas ini tidak dapat dipakai untuk pemulihan: ini bukan basis data Tanggap. Pilih cadangan lain yang terverifikasi.',
    );
    expect((await fail(fresh.core, visitor, 'setup.restore', { folder, file: 'tanggap-2026-01-04T0000.sqlite' })).message).toMatch(/bukan basis data SQLite/);
    // Still a fresh install: the setup screen stays and nothing was staged.
    expect((await ok(fresh.core, visitor, 'setup.status', {})).needsSetup).toBe(true);
    expect(readdirSync(fresh.dir).filter((f) => f.includes('pemulihan'))).toEqual([]);
  });

  it('asks again right before the swap, so an install set up while the backup was copied in keeps its data', async () => {
    const { folder, file } = await officeA();
    const fresh = core();
    let asked = 0;
    const setUpMeanwhile = () => {
      if (++asked > 1) throw new TanggapError('conflict', 'Aplikasi sudah disiapkan.');
    };
    await expect(fresh.core.deps.backup.restoreFresh(folder, file, setUpMeanwhile)).rejects.toThrow('Aplikasi sudah disiapkan.');
    expect(asked).toBe(2);
    expect(count(fresh.core.db, 'complaints')).toBe(0);
    expect(readdirSync(fresh.dir).filter((f) => f.includes('pemulihan'))).toEqual([]);
    expect((await ok(fresh.core, carrier(), 'setup.status', {})).needsSetup).toBe(true);
  });
});

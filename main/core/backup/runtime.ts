import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { BackupEntry } from '../../../shared/schemas/backup';
import { appendAudit } from '../audit/chain';
import { keyOf } from '../audit/key';
import type { CoreDeps } from '../context';
import { write } from '../context';
import type { Db } from '../db/open';
import { TanggapError } from '../errors';
import { findOffice } from '../office/settings';
import type { BackupRuntime, RestoreResult } from './types';
import { commitRestore, inspectBackup, listBackups, readBackupSettings, recordRestore, stageRestore, takeBackup } from './store';
import { settingVersion, withRowVersion, writeSettingIfCurrent } from '../versions';

const DAY_MS = 24 * 60 * 60_000;

export interface RuntimeOptions {
  dbFile: string;
  nativeBinding?: string;
  reopen(): Db;
}

function describe(err: unknown, folder: string): string {
  if (err instanceof TanggapError) return err.message;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return `Cadangan gagal: tempat di ${folder} penuh. Kosongkan tempat atau pilih folder lain.`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return `Cadangan gagal: folder ${folder} tidak boleh ditulis. Pilih folder lain atau periksa hak aksesnya.`;
  }
  if (code === 'ENOENT') return `Cadangan gagal: folder ${folder} tidak ditemukan. Pasang kembali hard disk atau flashdisk-nya, atau pilih folder lain.`;
  return `Cadangan gagal dibuat di ${folder}. Periksa hard disk atau flashdisk cadangan lalu coba lagi.`;
}

// The folder is on the computer that keeps the office's data: its own kind of path.
const WINDOWS = process.platform === 'win32';
const FOLDER_EXAMPLE = WINDOWS ? 'misalnya E:\\Cadangan Tanggap' : 'misalnya /media/flashdisk/tanggap';

function absoluteFolder(folder: string): void {
  // A shared folder on the network (\\SERVER\share): the database copied there can be
  // damaged, and the backup is gone when the other computer is.
  if (/^(\\\\|\/\/)/.test(folder)) {
    throw new TanggapError('validation', `Folder bersama di jaringan tidak dapat dipakai untuk cadangan: salinannya dapat rusak. Pilih folder di hard disk lain atau flashdisk, ${FOLDER_EXAMPLE}.`, 'folder');
  }
  if (isAbsolute(folder)) return;
  // "D:\Cadangan" typed where the data is kept on Linux: said as such, not only "not whole".
  const windowsPath = !WINDOWS && /^[A-Za-z]:[\\/]/.test(folder);
  throw new TanggapError(
    'validation',
    windowsPath
      ? `Komputer yang menyimpan data kantor ini bukan Windows, sehingga tidak mengenal lokasi seperti ${folder}: tulis lokasi folder yang dimulai dengan /, ${FOLDER_EXAMPLE}.`
      : `Tulis lokasi folder lengkap, ${FOLDER_EXAMPLE}.`,
    'folder',
  );
}

// A folder chosen for the backups that is there must take a file (a system folder, a
// read-only disk would fail every backup later); one that is not there yet (a flashdisk
// not plugged in) is made by the first backup.
const missing = (folder: string) => folder !== '' && !existsSync(folder);

function writableFolder(folder: string): void {
  if (!existsSync(folder)) return;
  if (!statSync(folder).isDirectory()) throw new TanggapError('validation', `${folder} adalah berkas, bukan folder. Pilih folder untuk cadangan.`, 'folder');
  const probe = join(folder, `.tanggap-uji-tulis-${process.pid}`);
  try {
    writeFileSync(probe, '');
  } catch (err) {
    const full = (err as NodeJS.ErrnoException).code === 'ENOSPC';
    throw new TanggapError(
      'validation',
      full ? `Tempat di ${folder} penuh. Kosongkan tempat atau pilih folder lain.` : `Folder ${folder} tidak dapat ditulis. Pilih folder lain, ${FOLDER_EXAMPLE}, atau periksa hak aksesnya.`,
      'folder',
    );
  } finally {
    rmSync(probe, { force: true });
  }
}

// The folder typed on the setup screen must be there and readable before its backups are listed.
function readableFolder(folder: string): void {
  absoluteFolder(folder);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new TanggapError(
      'validation',
      `Folder ${folder} tidak ditemukan di komputer yang menjalankan Tanggap. Periksa penulisannya, atau pasang dulu hard disk atau flashdisk cadangannya.`,
      'folder',
    );
  }
}

export function createBackupRuntime(deps: CoreDeps, options: RuntimeOptions): BackupRuntime {
  let running = false;
  let lastError: string | null = null;

  const timeZone = () => findOffice(deps.db)?.timeZone ?? 'Asia/Jakarta';

  async function backup(reason: BackupEntry['reason'], spare?: string, folder?: string): Promise<BackupEntry> {
    const settings = { ...readBackupSettings(deps.db), ...(folder ? { folder } : {}) };
    try {
      const entry = await takeBackup({
        db: deps.db,
        dataDir: deps.dataDir,
        settings,
        at: deps.now(),
        timeZone: timeZone(),
        reason,
        nativeBinding: options.nativeBinding,
        spare,
      });
      lastError = null;
      deps.log.info(`cadangan ${entry.file} dibuat dan terverifikasi`);
      return entry;
    } catch (err) {
      lastError = describe(err, settings.folder);
      deps.log.error('cadangan gagal', err);
      throw new TanggapError('conflict', lastError);
    }
  }

  // One backup or restore at a time: a restore closes the database a backup reads.
  async function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (running) throw new TanggapError('conflict', 'Cadangan atau pemulihan sedang berjalan. Tunggu sampai selesai, lalu coba lagi.');
    running = true;
    try {
      return await fn();
    } finally {
      running = false;
    }
  }

  // Checks the backup, copies it in, keeps the current data (if any) as a backup first,
  // then swaps the open database; `allowed` is the caller's last word before the swap.
  async function restoreFrom(folder: string, file: string, actorId: number | null, safetyFolder?: string, allowed?: (db: Db) => void): Promise<RestoreResult> {
    const source = join(folder, file);
    const info = inspectBackup(source, keyOf(deps.db), options.nativeBinding);
    const staged = await stageRestore(options.dbFile, deps.dataDir, source, options.nativeBinding);
    let safety: BackupEntry | null;
    try {
      safety = findOffice(deps.db) ? await backup('sebelum_pemulihan', file, safetyFolder) : null;
      allowed?.(deps.db);
    } catch (err) {
      rmSync(staged, { force: true });
      throw err;
    }
    // From here to the reopen nothing awaits, so no other call sees a closed database.
    deps.db.close();
    try {
      commitRestore(options.dbFile, staged);
    } finally {
      deps.db = options.reopen();
    }
    recordRestore(deps.db, deps.now(), actorId, file, safety?.file ?? null);
    lastError = null;
    deps.log.info(`data dipulihkan dari ${file}`);
    return { restoredFrom: file, safetyBackup: safety?.file ?? null, complaints: info.complaints };
  }

  const runtime: BackupRuntime = {
    status() {
      const settings = withRowVersion(readBackupSettings(deps.db), settingVersion(deps.db, 'backup'));
      try {
        const backups = listBackups(settings.folder);
        return { settings, running, lastError, last: backups[0] ?? null, backups, folderMissing: missing(settings.folder) };
      } catch (err) {
        return { settings, running, lastError: describe(err, settings.folder), last: null, backups: [], folderMissing: missing(settings.folder) };
      }
    },
    updateSettings({ rowVersion, ...settings }, actorId) {
      if (settings.folder) {
        absoluteFolder(settings.folder);
        writableFolder(settings.folder);
        const inside = relative(resolve(deps.dataDir), resolve(settings.folder));
        if (!inside.startsWith('..') && !isAbsolute(inside)) {
          throw new TanggapError('validation', 'Folder cadangan harus di luar folder data Tanggap, sebaiknya di hard disk lain atau flashdisk.', 'folder');
        }
      }
      write(deps.db, () => {
        const at = deps.now().toISOString();
        writeSettingIfCurrent(deps.db, 'backup', settings, rowVersion, actorId, at);
        appendAudit(deps.db, { at, actorId, action: 'backup.settings', entity: 'settings', entityId: null, data: { ...settings } });
      });
      return runtime.status();
    },
    backupNow: (reason) => exclusive(() => backup(reason)),
    async dailyCheck() {
      try {
        const settings = readBackupSettings(deps.db);
        if (running || !settings.daily || !settings.folder || !findOffice(deps.db)) return;
        const newest = listBackups(settings.folder).find((b) => b.verified);
        if (newest && deps.now().getTime() - Date.parse(newest.takenAt) < DAY_MS) return;
        await runtime.backupNow('harian');
      } catch {
        // Already logged and kept as lastError for the admin screen.
      }
    },
    restore: (file, actorId) =>
      exclusive(async () => {
        const folder = readBackupSettings(deps.db).folder;
        if (!folder) throw new TanggapError('validation', 'Folder cadangan belum dipilih.', 'file');
        return restoreFrom(folder, file, actorId);
      }),
    listFolder(folder, allowed) {
      allowed(deps.db);
      readableFolder(folder);
      try {
        return listBackups(folder);
      } catch {
        throw new TanggapError('validation', `Folder ${folder} tidak dapat dibaca. Periksa hak aksesnya atau pilih folder lain.`, 'folder');
      }
    },
    restoreFresh: (folder, file, allowed) =>
      exclusive(async () => {
        allowed(deps.db);
        readableFolder(folder);
        // Data without an active Admin (never set up right) is kept beside it, not in a
        // folder whose older backups the keep-count would prune.
        return restoreFrom(folder, file, null, join(deps.dataDir, 'sebelum-pemulihan'), allowed);
      }),
  };
  return runtime;
}

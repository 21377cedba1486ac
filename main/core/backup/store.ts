import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
// The one function, not the package's index (which loads all of date-fns at start).
import { format } from 'date-fns/format';
import Database from 'better-sqlite3';
import type { TimeZoneId } from '../../../shared/domain';
import { BACKUP_FILE_PATTERN, backupEntrySchema, type BackupEntry, type BackupSettings } from '../../../shared/schemas/backup';
import { appendAudit, checkCheckpoints, lastRestart, sealCheckpoint, storeCheckpoint, takeCheckpoint, walkAudit, type Checkpoint } from '../audit/chain';
import { keyOf, type AuditKey } from '../audit/key';
import { attachmentDir } from '../complaints/attachments';
import { fsyncDir, fsyncFile, replaceDatabaseFile, restrictDir, restrictFile, writeFileDurable } from '../db/durable';
import { MIGRATIONS } from '../db/migrations';
import type { Db } from '../db/open';
import { TanggapError } from '../errors';
import { readSetting } from '../office/settings';

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: '', keep: 7, daily: true };

export function readBackupSettings(db: Db): BackupSettings {
  return { ...DEFAULT_BACKUP_SETTINGS, ...(readSetting(db, 'backup') as Partial<BackupSettings> | undefined) };
}

const LATEST = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
// Tables every Tanggap database has had since its first version.
const REQUIRED_TABLES = ['settings', 'users', 'counters', 'complaints', 'attachments', 'complaint_events', 'audit_log'];

export interface Inspection {
  userVersion: number;
  complaints: number;
  auditRows: number;
  // Its last audit rows were sealed on another computer (or before sealing began):
  // fine for a restore, which seals them in place, never for a backup taken here.
  sealedElsewhere: boolean;
}

const refuse = (why: string) =>
  new TanggapError('validation', `Berkas ini tidak dapat dipakai untuk pemulihan: ${why} Pilih cadangan lain yang terverifikasi.`, 'file');

// Opens a backup read-only and checks it is a whole Tanggap database this version
// can open: integrity_check ok, known schema, the tables present, audit chain intact
// (rows sealed with `key` carry the right seal, its own checkpoints still match).
export function inspectBackup(path: string, key: AuditKey, nativeBinding?: string): Inspection {
  if (!existsSync(path)) throw refuse('berkasnya tidak ditemukan.');
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch {
    throw refuse('berkasnya tidak dapat dibuka.');
  }
  try {
    let integrity: string;
    try {
      integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    } catch {
      throw refuse('berkasnya bukan basis data SQLite.');
    }
    if (integrity !== 'ok') throw refuse('basis datanya rusak (pemeriksaan keutuhan SQLite gagal).');
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    const tables = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    if (userVersion === 0 || REQUIRED_TABLES.some((t) => !tables.has(t))) throw refuse('ini bukan basis data Tanggap.');
    if (userVersion > LATEST) {
      throw refuse(`dibuat oleh Tanggap versi yang lebih baru (skema ${userVersion}, aplikasi ini mengenal sampai ${LATEST}); perbarui aplikasi dulu.`);
    }
    const audit = walkAudit(db, key);
    if (audit.broken) throw refuse(`jejak auditnya rusak mulai catatan ${audit.broken.id} (isinya diubah di luar aplikasi).`);
    if (tables.has('audit_checkpoints') && checkCheckpoints(db, key, []).some((c) => c.state === 'terpotong' || c.state === 'berubah')) {
      throw refuse('jejak auditnya tidak sama dengan titik periksa yang tersimpan di dalamnya (catatan dihapus atau ditulis ulang di luar aplikasi).');
    }
    const complaints = (db.prepare('SELECT COUNT(*) AS n FROM complaints').get() as { n: number }).n;
    return { userVersion, complaints, auditRows: audit.rows, sealedElsewhere: audit.unsealedFrom !== null };
  } finally {
    db.close();
  }
}

const sidecar = (folder: string, file: string) => join(folder, `${file}.json`);

// One line per backup, beside the backups (often on a removable disk): a copy of each
// checkpoint that editing the office database cannot reach.
export const CHECKPOINT_LOG = 'tanggap-titik-periksa.jsonl';

export function readCheckpointLog(folder: string): Checkpoint[] {
  const path = join(folder, CHECKPOINT_LOG);
  if (!folder || !existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        const c = JSON.parse(line) as Checkpoint;
        return typeof c.at === 'string' && Number.isInteger(c.rows) && typeof c.head === 'string' && typeof c.keyId === 'string' && typeof c.seal === 'string'
          ? [{ at: c.at, rows: c.rows, head: c.head, keyId: c.keyId, seal: c.seal, restart: c.restart === true }]
          : [];
      } catch {
        return [];
      }
    });
}

function appendCheckpointLog(folder: string, c: Checkpoint): void {
  const path = join(folder, CHECKPOINT_LOG);
  const fd = openSync(path, 'a', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(c)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
const metaSchema = backupEntrySchema.omit({ file: true });

// Newest first. A .sqlite without its sidecar was not written (or not verified) by
// Tanggap: it is listed as unverified and never pruned.
export function listBackups(folder: string): BackupEntry[] {
  if (!folder || !existsSync(folder)) return [];
  const entries = readdirSync(folder)
    .filter((f) => BACKUP_FILE_PATTERN.test(f))
    .map((file): BackupEntry => {
      const size = statSync(join(folder, file)).size;
      try {
        const meta = metaSchema.parse(JSON.parse(readFileSync(sidecar(folder, file), 'utf8')));
        return { ...meta, file, size };
      } catch {
        return { file, takenAt: statSync(join(folder, file)).mtime.toISOString(), size, verified: false, userVersion: 0, complaints: 0, reason: 'manual' };
      }
    });
  return entries.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.file.localeCompare(a.file));
}

function freeName(folder: string, at: Date, timeZone: TimeZoneId, suffix = ''): string {
  const stamp = format(new TZDate(at.getTime(), timeZone), "yyyy-MM-dd'T'HHmm");
  for (let n = 1; ; n++) {
    const file = `tanggap-${stamp}${n === 1 ? '' : `-${n}`}${suffix}.sqlite`;
    if (!existsSync(join(folder, file)) && !existsSync(join(folder, `${file}.sementara`))) return file;
  }
}

// Content-named files: whatever the target lacks is copied, nothing is overwritten.
function copyAttachments(from: string, to: string): void {
  if (!existsSync(from)) return;
  if (!existsSync(to)) restrictDir(to);
  for (const name of readdirSync(from)) {
    if (name.endsWith('.tmp') || existsSync(join(to, name))) continue;
    writeFileDurable(join(to, name), readFileSync(join(from, name)));
  }
}

export interface TakeBackup {
  db: Db;
  dataDir: string;
  settings: BackupSettings;
  at: Date;
  timeZone: TimeZoneId;
  reason: BackupEntry['reason'];
  nativeBinding?: string;
  // The backup being restored: never pruned by the backup taken just before.
  spare?: string;
}

// SQLite's online backup (pages copied while the office keeps working; writes made on
// the same connection meanwhile are carried into the copy), never a file copy of a
// live WAL database. The copy counts only after it passed inspectBackup.
// Its checkpoint is sealed before the copy starts (the copy then holds every row it
// counts) but stored, with the backup.created row, only once the copy is kept: the
// checkpoint table refuses deletes, so a failed copy must never have written one.
export async function takeBackup(t: TakeBackup): Promise<BackupEntry> {
  const folder = t.settings.folder;
  if (!folder) throw new TanggapError('validation', 'Folder cadangan belum dipilih. Isi folder cadangan di halaman Cadangan data.', 'folder');
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: 0o700 });
  removeLeftovers(folder);
  const file = freeName(folder, t.at, t.timeZone);
  const tmp = join(folder, `${file}.sementara`);
  const checkpoint = sealCheckpoint(t.db, t.at.toISOString());
  try {
    await t.db.backup(tmp);
    const { entry } = keepCopy({ ...t, folder, file, tmp, checkpoint, refuseForeignSeal: true });
    t.db
      .transaction(() => {
        storeCheckpoint(t.db, checkpoint);
        appendAudit(t.db, { at: t.at.toISOString(), actorId: null, action: 'backup.created', entity: 'database', entityId: null, data: { file, reason: t.reason, auditRows: checkpoint.rows } });
      })
      .immediate();
    prune(folder, t.settings.keep, t.spare);
    return entry;
  } catch (err) {
    rmSync(tmp, { force: true });
    for (const ext of ['-journal', '-wal', '-shm']) rmSync(`${tmp}${ext}`, { force: true });
    throw err;
  }
}

// The steps after SQLite wrote the copy to `tmp`: made self-contained (no -wal beside it,
// opens read-only anywhere), given its checkpoint, checked by inspectBackup, moved under
// its name with the attachments, its sidecar and the audit checkpoint(s) beside it.
function keepCopy(k: {
  db: Db;
  dataDir: string;
  folder: string;
  file: string;
  tmp: string;
  at: Date;
  reason: BackupEntry['reason'];
  checkpoint: Checkpoint | null;
  refuseForeignSeal: boolean;
  nativeBinding?: string;
}): { entry: BackupEntry; info: ReturnType<typeof inspectBackup> } {
  const { folder, file, tmp } = k;
  const copy = new Database(tmp, k.nativeBinding ? { nativeBinding: k.nativeBinding } : {});
  try {
    copy.pragma('journal_mode = DELETE');
    const { checkpoint } = k;
    if (checkpoint) copy.transaction(() => storeCheckpoint(copy, checkpoint)).immediate();
  } finally {
    copy.close();
  }
  restrictFile(tmp);
  fsyncFile(tmp);
  const info = inspectBackup(tmp, keyOf(k.db), k.nativeBinding);
  if (k.refuseForeignSeal && info.sealedElsewhere) {
    throw new TanggapError('conflict', 'Cadangan tidak lolos pemeriksaan: jejak audit di dalamnya tidak bersegel komputer ini.');
  }
  copyAttachments(attachmentDir(k.dataDir), attachmentDir(folder));
  renameSync(tmp, join(folder, file));
  const entry: BackupEntry = {
    file,
    takenAt: k.at.toISOString(),
    size: statSync(join(folder, file)).size,
    verified: true,
    userVersion: info.userVersion,
    complaints: info.complaints,
    reason: k.reason,
  };
  writeFileDurable(sidecar(folder, file), Buffer.from(JSON.stringify(metaSchema.parse(entry))));
  if (k.checkpoint) {
    const restart = lastRestart(k.db);
    if (restart && !readCheckpointLog(folder).some((c) => c.seal === restart.seal)) appendCheckpointLog(folder, restart);
    appendCheckpointLog(folder, k.checkpoint);
  }
  fsyncDir(folder);
  return { entry, info };
}

export interface UpgradeBackup {
  // Opened, not yet migrated, with the audit key bound.
  db: Db;
  dataDir: string;
  folder: string;
  at: Date;
  timeZone: TimeZoneId;
  fromVersion: number;
  nativeBinding?: string;
}

// The copy taken before an update migrates the database: as takeBackup, but synchronous
// (the database opens synchronously), so the copy is SQLite's VACUUM INTO, a consistent
// snapshot of one transaction, instead of the online backup. It counts only after
// inspectBackup passed, and the update waits for it. The audit row follows once
// migrated (the caller writes it); the checkpoint is stored once the copy is kept, as
// in takeBackup.
export function takeUpgradeBackup(t: UpgradeBackup): BackupEntry & { auditRows: number } {
  const { folder } = t;
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: 0o700 });
  removeLeftovers(folder);
  const file = freeName(folder, t.at, t.timeZone, `-sebelum-pembaruan-skema-${t.fromVersion}`);
  const tmp = join(folder, `${file}.sementara`);
  const hasCheckpoints = t.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_checkpoints'").get() !== undefined;
  const checkpoint = hasCheckpoints ? sealCheckpoint(t.db, t.at.toISOString()) : null;
  try {
    t.db.prepare('VACUUM INTO ?').run(tmp);
    const { entry, info } = keepCopy({ ...t, folder, file, tmp, checkpoint, reason: 'sebelum_pembaruan', refuseForeignSeal: false });
    if (checkpoint) t.db.transaction(() => storeCheckpoint(t.db, checkpoint)).immediate();
    return { ...entry, auditRows: info.auditRows };
  } catch (err) {
    rmSync(tmp, { force: true });
    for (const ext of ['-journal', '-wal', '-shm']) rmSync(`${tmp}${ext}`, { force: true });
    throw err;
  }
}

// A backup cut short by a crash or a pulled disk leaves a .sementara file (and maybe its
// journal); it never counts as a backup, so the next backup clears it.
function removeLeftovers(folder: string): void {
  for (const name of readdirSync(folder)) {
    if (/\.sqlite\.sementara(-journal|-wal|-shm)?$/.test(name)) rmSync(join(folder, name), { force: true });
  }
}

// The copies taken before an update are kept: one per update, and the only ones
// written by the version before it.
// Once the new copy is kept and recorded. A copy that cannot be removed now (a file
// locked by another program) does not undo the backup just made: the next backup's
// prune removes it.
function prune(folder: string, keep: number, spare?: string): void {
  const ours = listBackups(folder).filter((b) => b.verified && b.file !== spare && b.reason !== 'sebelum_pembaruan');
  for (const old of ours.slice(keep)) {
    try {
      rmSync(join(folder, old.file), { force: true });
      rmSync(sidecar(folder, old.file), { force: true });
    } catch {
      // Left for the next backup.
    }
  }
}

// First half of a restore, while the office database is still open: the chosen backup
// is copied (online backup again, so a WAL file beside it counts too) next to the
// office database, and its attachments join lampiran/.
export async function stageRestore(dbFile: string, dataDir: string, source: string, nativeBinding?: string): Promise<string> {
  copyAttachments(join(source, '..', 'lampiran'), attachmentDir(dataDir));
  const staged = `${dbFile}.pemulihan`;
  rmSync(staged, { force: true });
  const src = new Database(source, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    await src.backup(staged);
  } finally {
    src.close();
  }
  restrictFile(staged);
  fsyncFile(staged);
  return staged;
}

// Second half, with the office database closed.
export function commitRestore(dbFile: string, staged: string): void {
  replaceDatabaseFile(dbFile, staged);
}

// On the reopened database: sessions in a backup are old, so everyone signs in again;
// the restore itself goes on the audit chain.
// The restore row is sealed here, so it also holds in place rows sealed on another
// computer; a restart checkpoint retires the checkpoints of the replaced data.
export function recordRestore(db: Db, at: Date, actorId: number | null, from: string, safetyBackup: string | null): void {
  db.transaction(() => {
    db.prepare('DELETE FROM sessions').run();
    const actor = actorId !== null && db.prepare('SELECT 1 FROM users WHERE id = ?').get(actorId) ? actorId : null;
    appendAudit(db, { at: at.toISOString(), actorId: actor, action: 'backup.restored', entity: 'database', entityId: null, data: { from, safetyBackup } });
  }).immediate();
  const checkpoint = takeCheckpoint(db, at.toISOString(), true);
  const folder = readBackupSettings(db).folder;
  try {
    if (folder && existsSync(folder)) appendCheckpointLog(folder, checkpoint);
  } catch {
    // The restart checkpoint is in the database already; the next backup copies it
    // beside the backups before its own line.
  }
}

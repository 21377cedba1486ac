import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { fsyncFile, replaceDatabaseFile, restrictFile } from './durable';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  migrations?: Migration[];
  nativeBinding?: string;
  // Runs on a database older than the migrations (never on a new one), before the first
  // of them: the core keeps a verified copy of the data as the previous version wrote it.
  // Throwing leaves the database unmigrated and the open refused.
  beforeMigrate?: (db: Db, from: number, to: number) => void;
}

// The database's page size. Every commit writes each page it changed to the WAL and
// syncs it: recording a complaint changes some 60 pages (the complaint's row and its
// indexes, the two text indexes, steps, audit row, tanda terima), and with 2 KiB pages
// that is 42% fewer bytes to sync than with SQLite's default of 4 KiB (0.15-0.3 ms less
// per complaint on the bench's 100,000). Smaller still would push a complaint's row
// (about 950 bytes) into overflow pages.
export const PAGE_SIZE = 2048;

// Opens (or creates) the office database: WAL, foreign keys, migrations applied, pages
// of PAGE_SIZE. A database written by a newer Tanggap is refused rather than damaged.
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = openAs(file, options);
  return db.pragma('page_size', { simple: true }) === PAGE_SIZE ? db : repaged(db, file, options);
}

function openAs(file: string, options: OpenOptions): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  refuseNewer(file, migrations, options.nativeBinding);
  // Created empty with 0600 first: SQLite gives -wal and -shm the database file's mode.
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  restrictFile(file);
  const fresh = statSync(file).size === 0;
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Only before the first page is written: a WAL database keeps its page size.
    if (fresh) db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // FULL syncs the WAL at every commit: a register number once printed on a
    // tanda terima survives a power cut (NORMAL may roll the last commits back).
    db.pragma('synchronous = FULL');
    // Resident memory is bounded on purpose: SQLite's page cache grows up to cache_size
    // and stays (the default ~2 MB, or whatever a query once needed, grew the process by
    // 130 MB on a large register). 16 MB holds the register's indexes and the pages in
    // use at 100,000 complaints; memory-mapped I/O stays off (mapped pages would count as
    // the process's memory too), and temporary sort tables spill to a file rather than
    // growing the heap — the register's sorts have indexes, so such sorts are rare.
    db.pragma('cache_size = -16000');
    db.pragma('mmap_size = 0');
    db.pragma('temp_store = FILE');
    migrate(db, migrations, options.beforeMigrate);
    // Statistics for the planner, so the plans match the data's shape (a fresh or grown
    // database otherwise gets guesses): a bounded ANALYZE of what needs it at open.
    optimizeDatabase(db, 0x10002);
    restrictFile(`${file}-wal`);
    restrictFile(`${file}-shm`);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

// A database made with other pages (SQLite's default 4 KiB, before Tanggap chose its
// own) is rewritten once with PAGE_SIZE: copied whole by VACUUM INTO beside it, which
// takes the size asked for (an in-place VACUUM cannot change a WAL database's), then put
// in its place with the connection closed, as a restore puts a backup. Seconds for an
// office's years of complaints. Left as it is, and opened, when the copy cannot be made
// (a full disk) or another connection still has the file open; nothing is lost either way.
function repaged(db: Db, file: string, options: OpenOptions): Db {
  const copy = `${file}.halaman-baru`;
  // Only a copy of ours (a file) is removed: a folder of that name makes the copy fail.
  const dropCopy = () => {
    if (statSync(copy, { throwIfNoEntry: false })?.isFile()) rmSync(copy);
  };
  try {
    dropCopy();
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.prepare('VACUUM INTO ?').run(copy);
    restrictFile(copy);
    fsyncFile(copy);
  } catch {
    dropCopy();
    return db;
  }
  db.close();
  // The last connection to close checkpoints the WAL into the file and removes it;
  // a WAL left behind means another connection has the database open.
  if (existsSync(`${file}-wal`)) {
    dropCopy();
  } else {
    replaceDatabaseFile(file, copy);
  }
  // Migrated already: opened as it now is.
  return openAs(file, options);
}

// PRAGMA optimize with a bounded analysis (analysis_limit rows per index), so it
// takes milliseconds even on a million complaints. At open, mask 0x10002 checks every
// table; later runs (optimizeIfDue) only those the connection's queries used.
export function optimizeDatabase(db: Db, mask?: number): void {
  db.pragma('analysis_limit = 400');
  db.pragma(mask === undefined ? 'optimize' : `optimize = ${mask}`);
  optimizedAt.set(db, Date.now());
}

const optimizedAt = new WeakMap<Db, number>();
const OPTIMIZE_EVERY_MS = 4 * 3_600_000;

// Runs optimize when the last run is some hours old; callers pick moments when a
// few milliseconds go unnoticed (a login), and the app runs it before closing.
export function optimizeIfDue(db: Db, nowMs = Date.now()): void {
  if (nowMs - (optimizedAt.get(db) ?? 0) >= OPTIMIZE_EVERY_MS) optimizeDatabase(db);
}

// db/ is the bottom layer and knows nothing of the core's error types; the message
// is already the one the user reads (startup dialog, restore command).
class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

const latestOf = (migrations: Migration[]) => migrations.reduce((max, m) => Math.max(max, m.version), 0);

const tooNew = (current: number, latest: number) =>
  new SchemaTooNewError(
    `Basis data ini dibuat oleh versi Tanggap yang lebih baru (skema ${current}; versi yang terpasang di komputer ini mengenal sampai skema ${latest}). ` +
      'Pasang versi Tanggap terbaru di komputer ini, lalu buka lagi. Basis data tidak diubah.',
  );

// A database from a newer Tanggap is refused before anything writes to it: opened
// read-only, so neither the switch to WAL nor a checkpoint at close changes the file.
function refuseNewer(file: string, migrations: Migration[], nativeBinding?: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  // A read-only connection to a WAL database leaves an empty -wal and -shm behind:
  // those it made are removed again.
  const made = ['-wal', '-shm'].filter((ext) => !existsSync(`${file}${ext}`));
  let current: number;
  const probe = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    current = schemaVersion(probe);
  } finally {
    probe.close();
    for (const ext of made) if (existsSync(`${file}${ext}`) && statSync(`${file}${ext}`).size === 0) rmSync(`${file}${ext}`);
  }
  const latest = latestOf(migrations);
  if (current > latest) throw tooNew(current, latest);
}

function migrate(db: Db, migrations: Migration[], beforeMigrate?: OpenOptions['beforeMigrate']): void {
  const latest = latestOf(migrations);
  const current = schemaVersion(db);
  // Checked again on the open connection, in case the file changed since the probe.
  if (current > latest) throw tooNew(current, latest);
  if (current > 0 && current < latest) beforeMigrate?.(db, current, latest);
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

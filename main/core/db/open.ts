import { closeSync, existsSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { restrictFile } from './durable';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  migrations?: Migration[];
  nativeBinding?: string;
}

// Opens (or creates) the office database: WAL, foreign keys, migrations applied.
// A database written by a newer Tanggap is refused rather than damaged.
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  // Created empty with 0600 first: SQLite gives -wal and -shm the database file's mode.
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  restrictFile(file);
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // FULL syncs the WAL at every commit: a register number once printed on a
    // tanda terima survives a power cut (NORMAL may roll the last commits back).
    db.pragma('synchronous = FULL');
    migrate(db, migrations);
    restrictFile(`${file}-wal`);
    restrictFile(`${file}-shm`);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

// db/ is the bottom layer and knows nothing of the core's error types; the message
// is already the one the user reads (startup dialog, restore command).
class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, migrations: Migration[]): void {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const current = schemaVersion(db);
  if (current > latest) {
    throw new SchemaTooNewError(
      `Basis data ini dibuat oleh Tanggap versi yang lebih baru (skema ${current}, aplikasi ini mengenal sampai ${latest}). ` +
        'Perbarui aplikasi Tanggap di komputer ini; basis data tidak diubah.',
    );
  }
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

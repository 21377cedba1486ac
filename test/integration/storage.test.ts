import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { openDatabase, PAGE_SIZE, schemaVersion } from '../../main/core/db/open';
import { MIGRATIONS, type Migration } from '../../main/core/db/migrations';
import { addUser, makeCore, setupOffice, type TestCore } from '../support/core';

const run = promisify(execFile);
let t: TestCore | undefined;
const dirs: string[] = [];
afterEach(() => {
  t?.dispose();
  t = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tanggap-db-'));
  dirs.push(dir);
  return dir;
};

describe('database file', () => {
  it('applies every migration once, with WAL and foreign keys on', () => {
    const dir = tempDir();
    const file = join(dir, 'a.sqlite');
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    // Opening again applies nothing twice.
    openDatabase(file).close();
  });

  it('refuses a database written by a newer Tanggap and leaves it untouched', () => {
    const dir = tempDir();
    const file = join(dir, 'newer.sqlite');
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.exec('CREATE TABLE future (x)');
    raw.close();
    expect(() => openDatabase(file)).toThrow(/versi Tanggap yang lebih baru \(skema 999;.*Basis data tidak diubah\./);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    check.close();
  });
});

describe('page size', () => {
  const migrations: Migration[] = [{ version: 1, name: 'contoh', sql: 'CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL); CREATE INDEX t_body ON t (body);' }];
  const pageSize = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.pragma('page_size', { simple: true });
    } finally {
      db.close();
    }
  };
  // A database as Tanggap made it before PAGE_SIZE: SQLite's default 4 KiB pages, WAL,
  // rows enough for several hundred pages.
  function oldDatabase(): { file: string; rows: unknown[] } {
    const dir = tempDir();
    const file = join(dir, 'old.sqlite');
    const db = new Database(file);
    db.pragma('page_size = 4096');
    db.pragma('journal_mode = WAL');
    db.exec(migrations[0]!.sql);
    const add = db.prepare('INSERT INTO t (body) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) add.run(`pengaduan ${i} `.repeat(1 + (i % 40)));
    })();
    db.pragma('user_version = 1');
    const rows = db.prepare('SELECT * FROM t ORDER BY id').all();
    db.close();
    expect(pageSize(file)).toBe(4096);
    return { file, rows };
  }
  const rowsOf = (db: Database.Database) => db.prepare('SELECT * FROM t ORDER BY id').all();

  it('makes a new database with pages of PAGE_SIZE', () => {
    const dir = tempDir();
    const file = join(dir, 'new.sqlite');
    // Made so from its first page, not left to the rewrite of older databases below
    // (which a folder in the way of its copy holds off).
    mkdirSync(`${file}.halaman-baru`);
    openDatabase(file).close();
    expect(PAGE_SIZE).toBe(2048);
    expect(pageSize(file)).toBe(PAGE_SIZE);
  });

  it('rewrites an older database once with pages of PAGE_SIZE, every row and the schema version kept', () => {
    const { file, rows } = oldDatabase();
    const db = openDatabase(file, { migrations });
    expect(db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(schemaVersion(db)).toBe(1);
    expect(rowsOf(db)).toEqual(rows);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Writes go on as before, and the copy is not left beside the database.
    db.prepare('INSERT INTO t (body) VALUES (?)').run('sesudah');
    db.close();
    expect(readdirSync(join(file, '..')).filter((f) => f.includes('halaman'))).toEqual([]);
    const again = openDatabase(file, { migrations });
    expect(rowsOf(again)).toHaveLength(rows.length + 1);
    again.close();
  });

  it('leaves the database as it is, and opens it, while another connection has it open', () => {
    const { file, rows } = oldDatabase();
    const other = new Database(file);
    other.prepare('SELECT count(*) FROM t').get();
    const db = openDatabase(file, { migrations });
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    expect(rowsOf(db)).toEqual(rows);
    expect(rowsOf(other)).toEqual(rows);
    db.close();
    other.close();
    expect(existsSync(`${file}.halaman-baru`)).toBe(false);
    // Rewritten at the next open that has the file to itself.
    const later = openDatabase(file, { migrations });
    expect(later.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    expect(rowsOf(later)).toEqual(rows);
    later.close();
  });

  it('opens the database unchanged when the copy cannot be made', () => {
    const { file, rows } = oldDatabase();
    // A folder where the copy would go: VACUUM INTO fails, the folder is not ours to remove.
    mkdirSync(`${file}.halaman-baru`);
    const db = openDatabase(file, { migrations });
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    expect(rowsOf(db)).toEqual(rows);
    db.close();
    expect(existsSync(`${file}.halaman-baru`)).toBe(true);
  });
});

describe('two PCs saving at once', () => {
  it('gives every complaint its own number, with no gap, across two processes', async () => {
    t = makeCore(new Date().toISOString());
    const admin = await setupOffice(t.core);
    await addUser(t.core, admin, 'staf.a', 'staf');
    await addUser(t.core, admin, 'staf.b', 'staf');
    const writer = join(__dirname, '..', 'support', 'concurrent-writer.ts');
    const tsx = ['--import', 'tsx', writer, t.dir];
    const [a, b] = await Promise.all([
      run(process.execPath, [...tsx, 'staf.a', '40']),
      run(process.execPath, [...tsx, 'staf.b', '40']),
    ]);
    const numbers = [...JSON.parse(a.stdout), ...JSON.parse(b.stdout)] as string[];
    const seqs = numbers.map((n) => Number(n.split('/')[0])).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
  }, 60_000);
});

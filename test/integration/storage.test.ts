import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { openDatabase, schemaVersion } from '../../main/core/db/open';
import { MIGRATIONS } from '../../main/core/db/migrations';
import { addUser, makeCore, setupOffice, type TestCore } from '../support/core';

const run = promisify(execFile);
let t: TestCore | undefined;
const dirs: string[] = [];
afterEach(() => {
  t?.dispose();
  t = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('database file', () => {
  it('applies every migration once, with WAL and foreign keys on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tanggap-db-'));
    dirs.push(dir);
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
    const dir = mkdtempSync(join(tmpdir(), 'tanggap-db-'));
    dirs.push(dir);
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

import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { createCore, DB_FILE } from '../../main/core';
import { addUser, makeCore, ok, sampleComplaint, setupOffice, silentLog, type TestCore } from '../support/core';

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
    expect(await ok(t.core, admin, 'audit.verify', {})).toEqual({ ok: true, rows: count('%'), firstBroken: null });
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
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('baris 2') });
    const reopened = makeCoreAt(t.dir);
    const verdict = await reopened.call('audit.verify', {}, admin);
    expect(verdict).toMatchObject({ ok: true, value: { ok: false, firstBroken: { id: 2 } } });
    reopened.close();
  }, 30_000);

  it('finds a deleted row in the middle of the chain', async () => {
    const admin = await officeWithComplaints(3);
    t.core.db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2;');
    const verdict = await ok(t.core, admin, 'audit.verify', {});
    expect(verdict.firstBroken).toMatchObject({ id: 3, reason: expect.stringContaining('Baris 2 hilang') });
  });
});

function makeCoreAt(dir: string) {
  return createCore({ dataDir: dir, now: t.clock.now, log: silentLog });
}

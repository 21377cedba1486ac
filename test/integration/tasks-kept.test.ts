import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../main/core';
import { write } from '../../main/core/context';
import { rowToUser, type UserRow } from '../../main/core/users/rows';
import { myTasks, riskOf } from '../../main/core/workflow/queue';
import { officeCalendar } from '../../main/core/workflow/standard';
import { record, hookStatements } from '../bench/twin';
import { addUser, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';

// "Tugas saya" and the menu's numbers keep each user's tasks while the database is
// unchanged; every change, made through the app or by another connection to the file,
// must still show, and time passing must still move a task from aman to terlambat.
let t: TestCore | undefined;
afterEach(() => t?.dispose());

// Kejayan, Mon 23 Nov 2026 09.00 WIB: two complaints; the first disposed to Kasi A.
async function office() {
  t = makeCore('2026-11-23T02:00:00.000Z');
  const { core, clock, dir } = t;
  const admin = await setupOffice(core, 'kejayan');
  const staf = await addUser(core, admin, 'staf', 'staf');
  const kasiA = await addUser(core, admin, 'kasi.a', 'kasi');
  await addUser(core, admin, 'kasi.b', 'kasi');
  const camat = await addUser(core, admin, 'camat', 'camat');
  const idOf = (u: string) => core.db.prepare('SELECT id FROM users WHERE username = ?').pluck().get(u) as number;
  const first = (await ok(core, staf, 'complaints.create', sampleComplaint({ subject: 'Jalan berlubang di Dusun Krajan' }))).id;
  const second = (await ok(core, staf, 'complaints.create', sampleComplaint({ subject: 'Lampu jalan padam' }))).id;
  clock.set('2026-11-23T02:10:00.000Z');
  await ok(core, staf, 'workflow.dispose', { id: first, to: [idOf('kasi.a')], sifat: 'biasa', instructions: ['proses_lanjut'] });
  const queue = async () => (await ok(core, kasiA, 'tasks.mine', {})).map((x) => ({ id: x.complaintId, subject: x.subject, dueAt: x.dueAt, risk: x.risk }));
  return { core, clock, dir, staf, kasiA, camat, idOf, first, second, queue };
}

describe("a user's tasks, kept while the data is unchanged", () => {
  it('shows a disposition made through the app on the next call', async () => {
    const o = await office();
    const before = await o.queue();
    expect(before.map((x) => x.id)).toEqual([o.first]);
    expect(await o.queue()).toEqual(before);
    expect(await ok(o.core, o.kasiA, 'tasks.counts', {})).toMatchObject({ mine: 1 });
    await ok(o.core, o.staf, 'workflow.dispose', { id: o.second, to: [o.idOf('kasi.a')], sifat: 'segera', instructions: ['proses_lanjut'] });
    expect((await o.queue()).map((x) => x.id).sort()).toEqual([o.first, o.second].sort());
    expect(await ok(o.core, o.kasiA, 'tasks.counts', {})).toMatchObject({ mine: 2 });
  });

  it('shows a change written by another connection to the same file', async () => {
    const o = await office();
    const [task] = await o.queue();
    expect(task).toMatchObject({ subject: 'Jalan berlubang di Dusun Krajan' });
    const other = new Database(join(o.dir, DB_FILE));
    try {
      other.prepare('UPDATE complaints SET subject = ?, step_due_at = ? WHERE id = ?').run('Jalan berlubang (diperbarui)', '2026-11-30T02:10:00.000Z', o.first);
      expect(await o.queue()).toEqual([{ ...task, subject: 'Jalan berlubang (diperbarui)', dueAt: '2026-11-30T02:10:00.000Z' }]);
      // Disposed away from Kasi A by the other connection: no longer his.
      other.prepare("UPDATE dispositions SET to_user = ? WHERE complaint_id = ? AND state = 'aktif'").run(o.idOf('kasi.b'), o.first);
      expect(await o.queue()).toEqual([]);
      expect(await ok(o.core, o.kasiA, 'tasks.counts', {})).toMatchObject({ mine: 0, late: 0 });
    } finally {
      other.close();
    }
  });

  it('keeps nothing read over a change that is then rolled back', async () => {
    const o = await office();
    // Asked once first, so the next call finds the session touched already (no write of its own).
    await o.queue();
    const row = o.core.db.prepare("SELECT * FROM users WHERE username = 'kasi.a'").get() as UserRow;
    const kasi = rowToUser(row);
    expect(() =>
      write(o.core.db, () => {
        o.core.db.prepare('UPDATE complaints SET subject = ? WHERE id = ?').run('Belum tersimpan', o.first);
        expect(myTasks(o.core.deps, kasi).map((x) => x.subject)).toEqual(['Belum tersimpan']);
        throw new Error('the change failed');
      }),
    ).toThrow('the change failed');
    expect((await o.queue()).map((x) => x.subject)).toEqual(['Jalan berlubang di Dusun Krajan']);
  });

  it('answers a repeated call from the kept rows, without the queue statement', async () => {
    const o = await office();
    const first = await o.queue();
    hookStatements();
    const again = await record(o.core.db, () => o.queue());
    expect(again.filter((r) => r.sql.includes('WITH RECURSIVE alts'))).toEqual([]);
    expect(await o.queue()).toEqual(first);
  });

  it("keeps the rows when only the session's last activity was written", async () => {
    const o = await office();
    const first = await o.queue();
    hookStatements();
    const seen = () => o.core.db.prepare('SELECT max(last_seen_at) FROM sessions').pluck().get();
    const before = seen();
    // Two minutes on: the session is touched (once a minute), nothing else changes.
    o.clock.set('2026-11-23T02:12:00.000Z');
    const again = await record(o.core.db, () => o.queue());
    expect(seen()).not.toBe(before);
    expect(again.filter((r) => r.sql.includes('WITH RECURSIVE alts'))).toEqual([]);
    expect(await o.queue()).toEqual(first);
  });

  it('moves a kept task from aman to berisiko as time passes, as its clock says', async () => {
    const o = await office();
    const cal = officeCalendar(o.core.db);
    const seen = new Set<string>();
    // Every 20 minutes (the session stays alive) from the disposition to Mon 20.00 WIB.
    for (let at = Date.parse('2026-11-23T02:10:00.000Z'); at <= Date.parse('2026-11-23T13:00:00.000Z'); at += 20 * 60_000) {
      const now = new Date(at).toISOString();
      o.clock.set(now);
      const [task] = await o.queue();
      expect(task!.risk, now).toBe(riskOf(now, '2026-11-23T02:10:00.000Z', task!.dueAt, cal, []).risk);
      seen.add(task!.risk);
    }
    expect([...seen]).toEqual(['aman', 'berisiko']);
  });

  it('shows a kept task late from the millisecond after its due, on either clock', async () => {
    const o = await office();
    await o.queue();
    // Edited by another connection: the step due at 02.20 UTC, the whole standard at 02.30,
    // with no escalation to follow (which would change the data at the due).
    const other = new Database(join(o.dir, DB_FILE));
    const dues = (step: string, standard: string) =>
      other.prepare('UPDATE complaints SET step_due_at = ?, due_at = ?, escalate_to = NULL WHERE id = ?').run(step, standard, o.first);
    const at = async (iso: string) => {
      o.clock.set(iso);
      const [task] = await ok(o.core, o.kasiA, 'tasks.mine', {});
      const { late } = await ok(o.core, o.kasiA, 'tasks.counts', {});
      return [task!.risk, task!.remainingMinutes, task!.standardRisk, late];
    };
    try {
      dues('2026-11-23T02:20:00.000Z', '2026-11-23T02:30:00.000Z');
      expect(await at('2026-11-23T02:19:59.999Z')).toEqual(['berisiko', 0, 'aman', 0]);
      expect(await at('2026-11-23T02:20:00.000Z')).toEqual(['berisiko', 0, 'aman', 0]);
      expect(await at('2026-11-23T02:20:00.001Z')).toEqual(['terlambat', 0, 'aman', 1]);
      expect(await at('2026-11-23T02:20:30.000Z')).toEqual(['terlambat', -1, 'aman', 1]);
      // The standard's due before the step's: late on that clock alone.
      dues('2026-11-23T03:00:00.000Z', '2026-11-23T02:25:00.000Z');
      expect(await at('2026-11-23T02:25:00.000Z')).toEqual(['aman', 35, 'berisiko', 0]);
      expect(await at('2026-11-23T02:25:00.001Z')).toEqual(['aman', 35, 'terlambat', 1]);
    } finally {
      other.close();
    }
  });

  it("counts a kept late task one working day more behind from the office's opening, as the complaint page does", async () => {
    const o = await office();
    // Due Friday 20 Nov 10.00 WIB, with no escalation to follow; asked again on Tuesday
    // 24 Nov from 07.00 WIB, half an hour before the office opens.
    const other = new Database(join(o.dir, DB_FILE));
    other.prepare('UPDATE complaints SET step_due_at = ?, escalate_to = NULL WHERE id = ?').run('2026-11-20T03:00:00.000Z', o.first);
    other.close();
    o.clock.set('2026-11-24T00:00:00.000Z');
    await ok(o.core, o.kasiA, 'auth.login', { username: 'kasi.a', password: 'kata-sandi-123' });
    await ok(o.core, o.camat, 'auth.login', { username: 'camat', password: 'kata-sandi-123' });
    // The Kasi's queue, the Camat's office list (a kept page) and the complaint page agree.
    const at = async (iso: string) => {
      o.clock.set(iso);
      const [task] = await ok(o.core, o.kasiA, 'tasks.mine', {});
      const listed = (await ok(o.core, o.camat, 'tasks.office', {})).rows.find((x) => x.complaintId === o.first);
      const { current } = await ok(o.core, o.kasiA, 'workflow.journey', { id: o.first });
      expect([listed!.daysBehind, current!.daysBehind], iso).toEqual([task!.daysBehind, task!.daysBehind]);
      return task!.daysBehind;
    };
    // Monday has opened since the Friday: one day behind until Tuesday's opening.
    expect(await at('2026-11-24T00:00:00.000Z')).toBe(1);
    expect(await at('2026-11-24T00:29:59.999Z')).toBe(1);
    expect(await at('2026-11-24T00:30:00.000Z')).toBe(2);
    expect(await at('2026-11-24T00:30:10.000Z')).toBe(2);
  });

  it("counts a kept task's working days ahead one less from the office's midnight, as the complaint page does", async () => {
    const o = await office();
    // Due Thursday 26 Nov 16.00 WIB, asked on Tuesday 24 Nov from 23.59 WIB, with the office closed.
    const other = new Database(join(o.dir, DB_FILE));
    other.prepare('UPDATE complaints SET step_due_at = ?, escalate_to = NULL WHERE id = ?').run('2026-11-26T09:00:00.000Z', o.first);
    other.close();
    const at = async (iso: string) => {
      o.clock.set(iso);
      // Sessions end 12 hours after login: this walk takes days.
      await ok(o.core, o.kasiA, 'auth.login', { username: 'kasi.a', password: 'kata-sandi-123' });
      await ok(o.core, o.camat, 'auth.login', { username: 'camat', password: 'kata-sandi-123' });
      const [task] = await ok(o.core, o.kasiA, 'tasks.mine', {});
      const listed = (await ok(o.core, o.camat, 'tasks.office', {})).rows.find((x) => x.complaintId === o.first);
      const { current } = await ok(o.core, o.kasiA, 'workflow.journey', { id: o.first });
      expect([listed!.daysLeft, current!.daysLeft], iso).toEqual([task!.daysLeft, task!.daysLeft]);
      return [task!.daysLeft, task!.daysBehind];
    };
    // Wednesday and Thursday ahead until Tuesday ends; then Thursday; then its own day.
    expect(await at('2026-11-24T16:59:00.000Z')).toEqual([2, 0]);
    expect(await at('2026-11-24T16:59:59.999Z')).toEqual([2, 0]);
    expect(await at('2026-11-24T17:00:00.000Z')).toEqual([1, 0]);
    expect(await at('2026-11-25T16:59:59.999Z')).toEqual([1, 0]);
    expect(await at('2026-11-25T17:00:00.000Z')).toEqual([0, 0]);
    // Past the due, none ahead and the days behind from Friday's opening.
    expect(await at('2026-11-27T00:30:00.000Z')).toEqual([0, 1]);
  });

  it('counts a kept task late once its due has passed', async () => {
    const o = await office();
    const [task] = await o.queue();
    expect(await ok(o.core, o.kasiA, 'tasks.counts', {})).toMatchObject({ mine: 1, late: 0 });
    // The day after, signed in again: past the due the sweep escalates the step to the
    // Camat, and the Kasi may still finish it, late.
    o.clock.set(new Date(Date.parse(task!.dueAt) + 1).toISOString());
    await ok(o.core, o.kasiA, 'auth.login', { username: 'kasi.a', password: 'kata-sandi-123' });
    expect(await ok(o.core, o.kasiA, 'tasks.counts', {})).toMatchObject({ mine: 1, late: 1 });
    expect((await o.queue())[0]!.risk).toBe('terlambat');
  });
});

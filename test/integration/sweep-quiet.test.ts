import { afterEach, describe, expect, it } from 'vitest';
import { write } from '../../main/core/context';
import { sweep } from '../../main/core/workflow/engine';
import { ADMIN, addUser, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';

// The sweep before every change and queue read remembers, after a sweep that changed
// nothing, the earliest instant anything can fall due; until then, and while the data
// stays the same, it only compares instants. Time passing, a change of data and a
// rolled-back escalation must each still be seen.
let t: TestCore | undefined;
afterEach(() => t?.dispose());

// Kejayan: step 3 (Kasi, 1 hari) escalates to the Camat. Mon 23 Nov 2026 09.00 WIB.
async function kejayan() {
  t = makeCore('2026-11-23T02:00:00.000Z');
  const { core, clock } = t;
  const admin = await setupOffice(core, 'kejayan');
  const staf = await addUser(core, admin, 'staf', 'staf');
  const kasi = await addUser(core, admin, 'kasi', 'kasi');
  await addUser(core, admin, 'camat', 'camat');
  const kasiId = core.db.prepare("SELECT id FROM users WHERE username = 'kasi'").pluck().get() as number;
  const id = (await ok(core, staf, 'complaints.create', sampleComplaint())).id;
  clock.set('2026-11-23T02:10:00.000Z');
  await ok(core, staf, 'workflow.dispose', { id, to: [kasiId], sifat: 'biasa', instructions: ['proses_lanjut'] });
  const state = () => core.db.prepare('SELECT escalated, acting, status FROM complaints WHERE id = ?').get(id);
  return { core, clock, admin, staf, kasi, id, state, sweepAt: (at: string) => (clock.set(at), write(core.db, () => sweep(core.deps))) };
}

describe('the quiet sweep', () => {
  it('escalates exactly when the step falls due, however often it was asked before', async () => {
    const o = await kejayan();
    // The Kasi's day runs to Tue 24 Nov 09.10 WIB (02:10 UTC).
    for (const at of ['2026-11-23T03:00:00.000Z', '2026-11-23T09:00:00.000Z', '2026-11-24T02:09:59.999Z', '2026-11-24T02:10:00.000Z']) {
      expect(o.sweepAt(at), at).toEqual({ escalated: 0, withdrawn: 0 });
    }
    expect(o.state()).toMatchObject({ escalated: 0, acting: 'kasi' });
    expect(o.sweepAt('2026-11-24T02:10:00.001Z')).toEqual({ escalated: 1, withdrawn: 0 });
    expect(o.state()).toMatchObject({ escalated: 1, acting: 'camat' });
  });

  it('escalates again after an escalation was rolled back', async () => {
    const o = await kejayan();
    expect(o.sweepAt('2026-11-23T03:00:00.000Z')).toEqual({ escalated: 0, withdrawn: 0 });
    o.clock.set('2026-11-24T03:00:00.000Z');
    expect(() =>
      write(o.core.db, () => {
        expect(sweep(o.core.deps).escalated).toBe(1);
        throw new Error('the change after the sweep failed');
      }),
    ).toThrow('the change after the sweep failed');
    expect(o.state()).toMatchObject({ escalated: 0, acting: 'kasi' });
    expect(o.sweepAt('2026-11-24T03:00:00.000Z')).toEqual({ escalated: 1, withdrawn: 0 });
  });

  it('forgets a sweep that saw changes its transaction then rolled back', async () => {
    const o = await kejayan();
    o.clock.set('2026-11-23T03:00:00.000Z');
    // In one write: the Kasi's due moved a week on, a sweep, then a failure undoing both.
    expect(() =>
      write(o.core.db, () => {
        o.core.db.prepare('UPDATE complaints SET step_due_at = ? WHERE id = ?').run('2026-12-01T02:10:00.000Z', o.id);
        expect(sweep(o.core.deps)).toEqual({ escalated: 0, withdrawn: 0 });
        throw new Error('the change failed');
      }),
    ).toThrow('the change failed');
    // The due is Tue 24 Nov 09.10 WIB again: a minute after it, the step escalates.
    expect(o.sweepAt('2026-11-24T02:11:00.000Z')).toEqual({ escalated: 1, withdrawn: 0 });
  });

  it('sees a file paused after the last sweep and withdraws it on its day', async () => {
    const o = await kejayan();
    expect(o.sweepAt('2026-11-23T03:00:00.000Z')).toEqual({ escalated: 0, withdrawn: 0 });
    // A second complaint, paused at Mon 09.30 WIB: 10 hari kerja later is Mon 7 Dec 09.30.
    o.clock.set('2026-11-23T02:30:00.000Z');
    const paused = (await ok(o.core, o.staf, 'complaints.create', sampleComplaint({ kelengkapan: [] }))).id;
    await ok(o.core, o.staf, 'workflow.exit', { id: paused, exit: 'tidak_lengkap', note: 'KTP belum dilampirkan.' });
    // Escalate the first complaint on its day so only the withdrawal is left to come.
    expect(o.sweepAt('2026-11-24T03:00:00.000Z')).toEqual({ escalated: 1, withdrawn: 0 });
    expect(o.sweepAt('2026-12-07T02:29:59.999Z')).toEqual({ escalated: 0, withdrawn: 0 });
    expect(o.sweepAt('2026-12-07T02:30:00.000Z')).toEqual({ escalated: 0, withdrawn: 1 });
    expect(o.core.db.prepare('SELECT status FROM complaints WHERE id = ?').pluck().get(paused)).toBe('dicabut');
  });

  it('withdraws each paused file on its own day, under each standard version', async () => {
    const o = await kejayan();
    const pauseAt = async (at: string) => {
      o.clock.set(at);
      // Signed in again each day.
      await ok(o.core, o.staf, 'auth.login', { username: 'staf', password: 'kata-sandi-123' });
      const id = (await ok(o.core, o.staf, 'complaints.create', sampleComplaint({ kelengkapan: [] }))).id;
      await ok(o.core, o.staf, 'workflow.exit', { id, exit: 'tidak_lengkap', note: 'KTP belum dilampirkan.' });
      return id;
    };
    // Under the first version (10 hari kerja): Mon 23 Nov 09.30 WIB → Mon 7 Dec; Tue 24 Nov → Tue 8 Dec.
    const first = await pauseAt('2026-11-23T02:30:00.000Z');
    const second = await pauseAt('2026-11-24T02:30:00.000Z');
    // Then 2 hari kerja: paused last, Wed 25 Nov 09.30, withdrawn first, Fri 27 Nov 09.30.
    await ok(o.core, o.admin, 'auth.login', ADMIN);
    const standard = await ok(o.core, o.admin, 'standard.get', {});
    await ok(o.core, o.admin, 'standard.update', { ...standard, autoWithdrawHariKerja: 2 });
    const third = await pauseAt('2026-11-25T02:30:00.000Z');
    const status = (id: number) => o.core.db.prepare('SELECT status FROM complaints WHERE id = ?').pluck().get(id);
    expect(o.sweepAt('2026-11-27T02:29:59.999Z')).toEqual({ escalated: 0, withdrawn: 0 });
    expect(o.sweepAt('2026-11-27T02:30:00.000Z')).toEqual({ escalated: 0, withdrawn: 1 });
    expect([first, second, third].map(status)).toEqual(['tidak_lengkap', 'tidak_lengkap', 'dicabut']);
    expect(o.sweepAt('2026-12-07T02:30:00.000Z')).toEqual({ escalated: 0, withdrawn: 1 });
    expect(o.sweepAt('2026-12-08T02:29:59.999Z')).toEqual({ escalated: 0, withdrawn: 0 });
    expect(o.sweepAt('2026-12-08T02:30:00.000Z')).toEqual({ escalated: 0, withdrawn: 1 });
    expect([first, second, third].map(status)).toEqual(['dicabut', 'dicabut', 'dicabut']);
  });

  // Another PC of the office holds the write lock (a long save): the queues still answer,
  // with nothing changed since their last sweep, and after a change that PC saved before.
  it.each([
    ['with the data unchanged', null],
    ['after a change saved on another PC', 'Jalan desa rusak (diperbaiki judulnya)'],
  ])('reads the queues without the write lock while nothing falls due (%s), and sweeps once it does', async (_, subject) => {
    const o = await kejayan();
    o.clock.set('2026-11-23T02:20:00.000Z');
    expect(await ok(o.core, o.kasi, 'tasks.mine', {})).toHaveLength(1);
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(`${t!.dir}/tanggap.sqlite`);
    if (subject) other.prepare('UPDATE complaints SET subject = ? WHERE id = ?').run(subject, o.id);
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      expect((await ok(o.core, o.kasi, 'tasks.mine', {}))[0]).toMatchObject({ risk: 'aman', escalated: false, ...(subject ? { subject } : {}) });
      expect(await ok(o.core, o.kasi, 'tasks.counts', {})).toMatchObject({ mine: 1, late: 0 });
      // Not after the 5 s the connection waits for a lock.
      expect(Date.now() - started).toBeLessThan(4_000);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // Past the Kasi's due (signed in again, the next day) the queue's own sweep escalates the step first.
    o.clock.set('2026-11-24T02:10:00.001Z');
    await ok(o.core, o.kasi, 'auth.login', { username: 'kasi', password: 'kata-sandi-123' });
    expect((await ok(o.core, o.kasi, 'tasks.mine', {}))[0]).toMatchObject({ risk: 'terlambat', escalated: true });
    expect(o.state()).toMatchObject({ escalated: 1, acting: 'camat' });
  });

  it('sees a change made through another connection', async () => {
    const o = await kejayan();
    expect(o.sweepAt('2026-11-23T03:00:00.000Z')).toEqual({ escalated: 0, withdrawn: 0 });
    // Another process (a restore tool, a second window's host) moves the due to Monday noon.
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(`${t!.dir}/tanggap.sqlite`);
    other.prepare('UPDATE complaints SET step_due_at = ? WHERE id = ?').run('2026-11-23T05:00:00.000Z', o.id);
    other.close();
    expect(o.sweepAt('2026-11-23T05:00:00.001Z')).toEqual({ escalated: 1, withdrawn: 0 });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName } from '../../shared/contract';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { isWorkingMinute } from '../../shared/time/workingTime';
import { addUser, carrier, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';

// Both clocks of an open complaint, the current step's and the whole standard's, in
// every list: Tugas saya, the office list (sorted and filtered by either) and the register.

let t: TestCore | undefined;
afterEach(() => t?.dispose());

const USERS = ['staf', 'kasi', 'sekcam', 'camat'] as const;
type Who = (typeof USERS)[number];

async function kejayan() {
  t = makeCore('2026-11-27T09:10:00.000Z'); // Fri 27 Nov 2026 16.10 WIB
  const { core, clock } = t;
  const admin = await setupOffice(core, 'kejayan');
  const ids: Partial<Record<Who, number>> = {};
  for (const role of USERS) {
    await addUser(core, admin, role, role);
    ids[role] = (await ok(core, admin, 'users.list', {})).find((u) => u.username === role)!.id;
  }
  const act = async <K extends CallName>(who: Who, atIso: string, name: K, input: CallInput<K>) => {
    clock.set(atIso);
    const s = carrier();
    await ok(core, s, 'auth.login', { username: who, password: 'kata-sandi-123' });
    return ok(core, s, name, input);
  };
  const kelengkapan = OFFICE_PRESETS.find((p) => p.id === 'kejayan')!.standard.kelengkapanChecklist;
  const record = async (atIso: string, complete = true) =>
    (await act('staf', atIso, 'complaints.create', sampleComplaint({ kelengkapan: complete ? kelengkapan : [] }))).id;
  return { act, record, ids };
}

const NOW = '2026-12-01T01:00:00.000Z'; // Tue 1 Dec 08.00 WIB

describe('lateness on two clocks', () => {
  it('shows a step on time inside a standard that is late, in every list, and sorts and filters by either', async () => {
    const o = await kejayan();
    // A: received Fri 16.10, standard (3 hari) due Mon 30 Nov 16.00 WIB. Each step is done in
    // time, but the Camat's step 4 (1 hari, from Mon 15.00) runs on after the standard is over.
    const a = await o.record('2026-11-27T09:10:00.000Z');
    await o.act('staf', '2026-11-30T00:35:00.000Z', 'workflow.dispose', { id: a, to: [o.ids.kasi!], sifat: 'biasa', instructions: ['proses_lanjut'] });
    const afterKasi = await o.act('kasi', '2026-11-30T08:00:00.000Z', 'workflow.advance', { id: a, note: 'Perlu tanggapan Camat.' });
    expect(afterKasi.current).toMatchObject({ stepNo: 4, executor: 'camat', dueAt: '2026-12-01T08:00:00.000Z' });
    // B: fresh this morning, on time on both clocks.
    const b = await o.record('2026-12-01T00:50:00.000Z');
    // C: waiting for the reporter's kelengkapan since 07.45.
    const c = await o.record('2026-12-01T00:40:00.000Z', false);
    await o.act('staf', '2026-12-01T00:45:00.000Z', 'workflow.exit', { id: c, exit: 'tidak_lengkap', note: 'KTP belum dilampirkan.' });

    const mine = await o.act('camat', NOW, 'tasks.mine', {});
    expect(mine).toEqual([
      expect.objectContaining({ complaintId: a, stepNo: 4, risk: 'aman', standardRisk: 'terlambat', standardDueAt: '2026-11-30T09:00:00.000Z', pause: null }),
    ]);

    const office = (await o.act('camat', NOW, 'tasks.office', {})).rows;
    const byId = new Map(office.map((x) => [x.complaintId, x]));
    expect(byId.get(a)).toMatchObject({ risk: 'aman', standardRisk: 'terlambat' });
    expect(byId.get(b)).toMatchObject({ risk: 'aman', standardRisk: 'aman' });
    expect(byId.get(c)).toMatchObject({ paused: true, standardRisk: null, standardDueAt: null });
    // By the step's clock B (due 08.20) comes before A (due 15.00); by the standard's, A is late and first.
    expect(office.map((x) => x.complaintId)).toEqual([b, a, c]);
    expect((await o.act('camat', NOW, 'tasks.office', { sort: 'standar' })).rows.map((x) => x.complaintId)).toEqual([a, b, c]);
    expect((await o.act('sekcam', NOW, 'tasks.office', { filter: 'standar_terlambat' })).rows.map((x) => x.complaintId)).toEqual([a]);
    expect(await o.act('camat', NOW, 'tasks.office', { filter: 'langkah_terlambat' })).toEqual({ rows: [], total: 0 });
    expect((await o.act('camat', NOW, 'tasks.office', { filter: 'terlambat' })).rows.map((x) => x.complaintId)).toEqual([a]);

    const register = await o.act('camat', NOW, 'complaints.list', {});
    const row = (id: number) => register.rows.find((r) => r.id === id);
    expect(row(a)).toMatchObject({ stepRisk: 'aman', standardRisk: 'terlambat' });
    expect(row(b)).toMatchObject({ stepRisk: 'aman', standardRisk: 'aman' });
    expect(row(c)).toMatchObject({ stepRisk: null, standardRisk: null });

    const page = await o.act('camat', NOW, 'workflow.journey', { id: a });
    expect(page).toMatchObject({ current: { risk: 'aman' }, standardRisk: 'terlambat', pause: null });

    // The menu's numbers per role: leaders count the office's late complaints, others their own.
    // C's letter asking for the kelengkapan waits for the Camat's signature, as his queue shows.
    expect(await o.act('camat', NOW, 'documents.signatureQueue', {})).toHaveLength(1);
    expect(await o.act('camat', NOW, 'tasks.counts', {})).toEqual({ mine: 1, toSign: 1, toScan: 0, late: 1, signsForHead: true });
    const sekcamQueue = await o.act('sekcam', NOW, 'documents.signatureQueue', {});
    expect(await o.act('sekcam', NOW, 'tasks.counts', {})).toMatchObject({ toSign: sekcamQueue.length, late: 1 });
    expect(await o.act('staf', NOW, 'tasks.counts', {})).toEqual({ mine: 2, toSign: 0, toScan: 0, late: 0, signsForHead: false });
    expect(await o.act('kasi', NOW, 'tasks.counts', {})).toEqual({ mine: 0, toSign: 0, toScan: 0, late: 0, signsForHead: false });
    // At 16.30 A is late on both clocks yet counts once; B's 30-minute step is late by then too.
    expect(await o.act('camat', '2026-12-01T09:30:00.000Z', 'tasks.counts', {})).toEqual({ mine: 1, toSign: 1, toScan: 0, late: 2, signsForHead: true });

    // Closed, the register keeps the standard's verdict: A ended after its due, B within it.
    for (const id of [a, b]) await o.act('staf', '2026-12-01T09:40:00.000Z', 'workflow.exit', { id, exit: 'dicabut', note: 'Dicabut oleh pelapor.' });
    const closed = await o.act('camat', '2026-12-01T09:45:00.000Z', 'complaints.list', {});
    const closedRow = (id: number) => closed.rows.find((r) => r.id === id);
    expect(closedRow(a)).toMatchObject({ stepRisk: null, standardRisk: 'terlambat' });
    expect(closedRow(b)).toMatchObject({ stepRisk: null, standardRisk: 'aman' });
    expect(closedRow(c)).toMatchObject({ stepRisk: null, standardRisk: null });
  });

  it('shows a paused file with the date it waits since and when it is withdrawn, not a due', async () => {
    const o = await kejayan();
    const c = await o.record('2026-12-01T00:40:00.000Z', false);
    await o.act('staf', '2026-12-01T00:45:00.000Z', 'workflow.exit', { id: c, exit: 'tidak_lengkap', note: 'KTP belum dilampirkan.' });
    // 10 hari kerja from Tue 1 Dec 07.45 WIB: Tue 15 Dec 07.45 WIB.
    const pause = { since: '2026-12-01T00:45:00.000Z', withdrawAt: '2026-12-15T00:45:00.000Z' };
    const [task] = await o.act('staf', NOW, 'tasks.mine', {});
    expect(task).toMatchObject({ complaintId: c, paused: true, pause, standardRisk: null, standardDueAt: null });
    expect(await o.act('staf', NOW, 'workflow.journey', { id: c })).toMatchObject({ paused: true, pause, standardRisk: null });
    expect(await o.act('staf', NOW, 'tasks.counts', {})).toEqual({ mine: 1, toSign: 0, toScan: 0, late: 0, signsForHead: false });
    // Once completed the pause is gone and the clocks run again.
    await o.act('staf', '2026-12-02T01:00:00.000Z', 'workflow.resume', { id: c, note: 'KTP sudah diserahkan.' });
    const [resumed] = await o.act('staf', '2026-12-02T01:05:00.000Z', 'tasks.mine', {});
    expect(resumed).toMatchObject({ complaintId: c, paused: false, pause: null, standardRisk: expect.any(String) });
    // The time left is every working minute of the office calendar until the due, counted one by one.
    const { rowVersion: _, ...cal } = await o.act('staf', '2026-12-02T01:05:00.000Z', 'calendar.get', {});
    let left = 0;
    for (let m = Date.parse('2026-12-02T01:05:00.000Z'); m < Date.parse(resumed!.dueAt); m += 60_000) if (isWorkingMinute(m, cal)) left++;
    expect(left).toBeGreaterThan(0);
    expect(resumed!.remainingMinutes).toBe(left);
    const [again] = await o.act('staf', '2026-12-02T01:06:00.000Z', 'tasks.mine', {});
    expect(again!.remainingMinutes).toBe(isWorkingMinute('2026-12-02T01:05:00.000Z', cal) ? left - 1 : left);
  });
});

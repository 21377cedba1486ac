import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract';
import { MONTH_KEY_MESSAGE } from '../../shared/registerQuery';
import { ADMIN, carrier, fail, makeCore, ok, type TestCore } from '../support/core';
import { reportsOffice } from '../support/reports';
import { record, hookStatements, type Recorded } from '../bench/twin';

// The Camat's dashboard for a Kejayan-hours office in WITA (UTC+8), at set instants.

hookStatements();
let t: TestCore | undefined;
afterEach(() => t?.dispose());

async function witaOffice() {
  t = makeCore('2026-11-20T00:00:00.000Z');
  const o = await reportsOffice(t);
  const admin = carrier();
  await ok(o.core, admin, 'auth.login', ADMIN);
  await ok(o.core, admin, 'office.update', { ...(await ok(o.core, admin, 'office.get', {})), timeZone: 'Asia/Makassar' });
  return { ...o, adminSession: admin };
}

describe('Camat dashboard', () => {
  it('counts the month, what is open, late and at risk now, the trend and the slowest steps', async () => {
    const o = await witaOffice();
    // P: Mon 23 Nov 08.00 WITA to the Seksi Pelayanan; due Thu 26 Nov 08.00: late.
    const p = await o.record('2026-11-23T00:00:00.000Z');
    await o.dispose('staf', '2026-11-23T00:10:00.000Z', p, 'kasi1');
    // T: Mon 23 Nov 09.00 by letter, waiting for the reporter since 09.30: open, never late.
    const tt = await o.record('2026-11-23T01:00:00.000Z', { channel: 'surat' });
    await o.act('staf', '2026-11-23T01:30:00.000Z', 'workflow.exit', { id: tt, exit: 'tidak_lengkap', note: 'KTP belum ada.', forwardTo: '' });
    // Q: Mon 30 Nov 08.00 by WhatsApp to the Seksi Pemerintahan; due Thu 3 Dec 08.00 after
    // 420 + 450 + 450 + 30 = 1,350 working minutes.
    const q = await o.record('2026-11-30T00:00:00.000Z', { channel: 'whatsapp' });
    await o.dispose('staf', '2026-11-30T00:10:00.000Z', q, 'kasi2');
    // R: Tue 1 Dec 00.20 WITA by SMS, still 30 Nov in UTC and in WIB.
    await o.record('2026-11-30T16:20:00.000Z', { channel: 'sms' });

    // At 00.30 WITA on 1 December the office's month is December.
    const midnight = await o.act('camat', '2026-11-30T16:30:00.000Z', 'reports.dashboard', {});
    expect(midnight).toMatchObject({ year: 2026, month: 12, periodLabel: 'Desember 2026', received: 1, finished: 0, open: 4 });
    expect((await o.act('camat', '2026-11-30T16:30:00.000Z', 'reports.recap', { year: 2026, month: 11 })).total.received).toBe(3);

    // S: Tue 1 Dec 08.00 to the Seksi Pelayanan, refused at 09.00.
    const s = await o.record('2026-12-01T00:00:00.000Z');
    await o.dispose('staf', '2026-12-01T00:05:00.000Z', s, 'kasi1');
    await o.exit('2026-12-01T01:00:00.000Z', s, 'ditolak');

    // Wed 2 Dec 14.00 WITA: Q has 120 + 30 of its 1,350 minutes left (under a quarter): at
    // risk; R (due Fri 07.30) has 570 of 1,350; P is late; T waits for the reporter.
    const d = await o.act('sekcam', '2026-12-02T06:00:00.000Z', 'reports.dashboard', {});
    expect(d).toMatchObject({ year: 2026, month: 12, periodLabel: 'Desember 2026', received: 2, finished: 1, open: 4, late: 1, atRisk: 1 });
    expect(d.ikm).toEqual({ value: null, grade: null, respondents: 0 });
    // One questionnaire of all 3s in December: 27 × 0.111 × 25 = 74.925 → 74.93, grade C.
    const threes = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, 3]));
    await o.act('staf', '2026-12-02T05:00:00.000Z', 'skm.submit', { answers: threes as CallInput<'skm.submit'>['answers'], profile: { gender: 'L', education: 'sma', age: 30 } });
    expect((await o.act('camat', '2026-12-02T06:00:00.000Z', 'reports.dashboard', {})).ikm).toEqual({ value: 74.93, grade: 'C', respondents: 1 });
    expect((await o.act('camat', '2026-12-02T06:00:00.000Z', 'reports.dashboard', { year: 2026, month: 11 })).ikm.respondents).toBe(0);
    expect(d.bySeksi).toEqual([
      { key: 'Seksi Pelayanan', label: 'Seksi Pelayanan', received: 1, open: 1, late: 1 },
      { key: 'Seksi Pemerintahan', label: 'Seksi Pemerintahan', received: 0, open: 1, late: 0 },
      { key: '', label: 'Tanpa disposisi', received: 1, open: 2, late: 0 },
    ]);
    expect(d.byChannel).toEqual([
      { key: 'langsung', label: 'Langsung/Loket', received: 1, open: 1, late: 1 },
      { key: 'surat', label: 'Surat', received: 0, open: 1, late: 0 },
      { key: 'sms', label: 'SMS', received: 1, open: 1, late: 0 },
      { key: 'whatsapp', label: 'WhatsApp', received: 0, open: 1, late: 0 },
    ]);
    // Late at the end of November: P. December is running: late as of now, P alone (Q is due
    // Thu 3 Dec, R later), as the card says; not what the end of the month may bring.
    expect(d.trend).toHaveLength(12);
    expect(d.trend[0]).toEqual({ key: '2026-01', label: 'Jan 2026', received: 0, finished: 0, lateAtEnd: 0, running: false });
    expect(d.trend.slice(-2)).toEqual([
      { key: '2026-11', label: 'Nov 2026', received: 3, finished: 0, lateAtEnd: 1, running: false },
      { key: '2026-12', label: 'Des 2026', received: 2, finished: 1, lateAtEnd: 1, running: true },
    ]);
    expect(d.late).toBe(1);
    // Step 2 (30 menit kerja) took 10, 10 and 5 minutes; step 1 is done by saving each of the five.
    expect(d.slowestSteps.map((x) => [x.stepNo, x.done, x.avgWorkMinutes, x.limitMinutes])).toEqual([
      [2, 3, 25 / 3, 30],
      [1, 5, 0, 15],
    ]);

    // Every open and late figure opens, in the register, exactly the complaints it counts.
    const listed = async (q: CallInput<'complaints.list'>) => (await o.act('camat', '2026-12-02T06:00:00.000Z', 'complaints.list', { ...q, limit: 200 })).total;
    for (const r of d.bySeksi) {
      const seksi: CallInput<'complaints.list'> = r.key === '' ? { tanpaSeksi: true } : { seksi: r.key };
      expect(await listed({ ...seksi, keadaan: 'belum_selesai' }), r.label).toBe(r.open);
      expect(await listed({ ...seksi, keadaan: 'terlambat' }), r.label).toBe(r.late);
      expect(await listed({ ...seksi, year: 2026, month: 12 }), r.label).toBe(r.received);
    }
    expect(d.bySeksi.find((r) => r.key === '')).toMatchObject({ label: 'Tanpa disposisi', open: 2 });
    for (const r of d.byChannel) {
      const channel = r.key as CallInput<'complaints.list'>['channel'];
      expect(await listed({ channel, keadaan: 'belum_selesai' }), r.key).toBe(r.open);
      expect(await listed({ channel, keadaan: 'terlambat' }), r.key).toBe(r.late);
    }
    expect(await listed({ keadaan: 'terlambat' })).toBe(d.late);
    // Late at each month's end, the trend's line: November's end is past; December runs, so
    // its figure is late now, and it has no end yet to be late at.
    for (const m of d.trend) expect(await listed({ keadaan: 'terlambat', ...(!m.running && { akhirBulan: m.key }) }), m.key).toBe(m.lateAtEnd);
    const camat = carrier();
    await ok(o.core, camat, 'auth.login', { username: 'camat', password: 'kata-sandi-123' });
    expect(await fail(o.core, camat, 'complaints.list', { keadaan: 'terlambat', akhirBulan: '2026-12' })).toMatchObject({
      code: 'validation',
      message: 'Desember 2026 belum berakhir: untuk yang terlambat saat ini, hapus akhir bulan dari saringan.',
    });
    // Each step's times done, and done late, over the trend's months (no step done twice here).
    const span = { dari: d.trend[0]!.key, sampai: d.trend[11]!.key };
    for (const x of d.slowestSteps) {
      expect(await listed({ langkah: { no: x.stepNo, ...span } }), `langkah ${x.stepNo}`).toBe(x.done);
      expect(await listed({ langkah: { no: x.stepNo, ...span, terlambat: true } }), `langkah ${x.stepNo} terlambat`).toBe(x.done - x.onTime);
    }
    // Step 2 of P, Q and S, done in November and December; in November alone, P and Q.
    expect(await listed({ langkah: { no: 2, dari: '2026-11', sampai: '2026-11' } })).toBe(2);
    // Lateness moves with the clock alone: Q is late from Thu 3 Dec 08.00 WITA, no data changed.
    const lateAt = async (at: string) => (await o.act('camat', at, 'complaints.list', { keadaan: 'terlambat', channel: 'whatsapp' })).total;
    expect(await lateAt('2026-12-02T23:59:00.000Z')).toBe(0);
    expect(await lateAt('2026-12-03T00:01:00.000Z')).toBe(1);

    // A month asked for: November's received and finished, open and late still now.
    const nov = await o.act('camat', '2026-12-02T06:00:00.000Z', 'reports.dashboard', { year: 2026, month: 11 });
    expect(nov).toMatchObject({ month: 11, periodLabel: 'November 2026', received: 3, finished: 0, late: 1, atRisk: 1 });
    expect(nov.trend[11]!.key).toBe('2026-11');
    // A month not begun: its trend has nothing late yet.
    const jan = await o.act('camat', '2026-12-02T06:00:00.000Z', 'reports.dashboard', { year: 2027, month: 1 });
    expect(jan.trend.slice(-2).map((m) => m.lateAtEnd)).toEqual([1, null]);

    // A past month's end is listed once and kept while the data stays as it is (late now is
    // listed afresh: its instant moves); after a change it is asked of the changed complaint.
    const november = { keadaan: 'terlambat', akhirBulan: '2026-11', limit: 200 } as const;
    const first = await ok(o.core, camat, 'complaints.list', november);
    const listings = (log: Recorded[], what: string) => log.filter((e) => e.sql.startsWith('WITH listed(id) AS (SELECT c.id FROM complaints c WHERE') && e.sql.includes(what)).length;
    const [monthEnd, now] = ['complaints_closed_late', "status <> 'tidak_lengkap' AND due_at < ?"];
    let again = await record(t!.core.db, () => ok(o.core, camat, 'complaints.list', november));
    expect([listings(again, monthEnd), (await ok(o.core, camat, 'complaints.list', november)).total]).toEqual([0, first.total]);
    expect(listings(await record(t!.core.db, () => ok(o.core, camat, 'complaints.list', { keadaan: 'terlambat' })), now)).toBe(1);
    expect(listings(await record(t!.core.db, () => ok(o.core, camat, 'complaints.list', { keadaan: 'terlambat' })), now)).toBe(1);
    await o.record('2026-12-02T06:00:00.000Z');
    again = await record(t!.core.db, () => ok(o.core, camat, 'complaints.list', november));
    expect(listings(again, monthEnd)).toBe(0);
    expect(again.filter((e) => e.sql.includes('json_each') && e.sql.includes('c.closed_at > c.due_at')).length).toBe(1);
    expect((await ok(o.core, camat, 'complaints.list', november)).total).toBe(first.total);
  });

  it('is for the Camat and Sekcam; the recap for those who handle complaints', async () => {
    const o = await witaOffice();
    const kasi = carrier();
    await ok(o.core, kasi, 'auth.login', { username: 'kasi1', password: 'kata-sandi-123' });
    expect(await fail(o.core, kasi, 'reports.dashboard', {})).toMatchObject({ code: 'forbidden' });
    expect((await ok(o.core, kasi, 'reports.recap', { year: 2026 })).total.received).toBe(0);
    expect(await fail(o.core, o.adminSession, 'reports.dashboard', {})).toMatchObject({ code: 'forbidden' });
    expect(await fail(o.core, o.adminSession, 'reports.recap', { year: 2026 })).toMatchObject({ code: 'forbidden' });
    expect(await fail(o.core, kasi, 'reports.recap', { year: 1999 })).toMatchObject({ code: 'validation' });
    // The register's links from the dashboard, edited by hand, are refused with what to fix.
    const list = (q: unknown) => fail(o.core, kasi, 'complaints.list', q);
    expect(JSON.stringify(await list({ keadaan: 'terlambat', akhirBulan: '2026-13' }))).toContain(MONTH_KEY_MESSAGE);
    expect(JSON.stringify(await list({ langkah: { no: 2, dari: '2026-11', sampai: '2026-10' } }))).toContain('Bulan awal tidak boleh sesudah bulan akhir.');
    expect(await list({ langkah: { no: 0, dari: '2026-10', sampai: '2026-10' } })).toMatchObject({ code: 'validation' });
  });
});

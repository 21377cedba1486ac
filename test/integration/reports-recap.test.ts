import { afterEach, describe, expect, it } from 'vitest';
import { recapStanding, type RecapFigures } from '../../shared/reports/recap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../main/core';
import { openDatabase } from '../../main/core/db/open';
import { MIGRATIONS } from '../../main/core/db/migrations';
import { CATEGORIES, CHANNEL_CODES, COMPLAINT_KINDS, STATUSES } from '../../shared/domain';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { ADMIN, carrier, makeCore, ok, silentLog, type TestCore } from '../support/core';
import { endedPauses, expectedSummaries, officeMonth, reportsOffice, storedSummaries, waitedPastDue } from '../support/reports';

// The buku rekap against a small Kejayan office (WIB; Mon–Thu 07.30–16.00 with a break
// 12.00–13.00, Fri 07.30–16.30 with 11.30–13.00), every figure worked out by hand below.

let t: TestCore | undefined;
afterEach(() => {
  t?.dispose();
  t = undefined;
});

// A test may open several offices in turn: each closes the one before.
async function office(startIso: string, presetId = 'kejayan') {
  t?.dispose();
  t = makeCore(startIso);
  return reportsOffice(t, presetId);
}

const figures = (f: Partial<RecapFigures>): RecapFigures => ({
  received: 0,
  finished: 0,
  finishedOnTime: 0,
  finishedUntimed: 0,
  stepsDone: null,
  stepsOnTime: null,
  avgWorkMinutes: null,
  medianWorkMinutes: null,
  openAtEnd: 0,
  lateAtEnd: 0,
  puas: 0,
  tidakPuas: 0,
  ...f,
});

describe('buku rekap, worked by hand', () => {
  it('counts November 2026 and the year by channel, category, kind, seksi, stage, outcome and step', async () => {
    const o = await office('2026-10-30T01:00:00.000Z');
    // H: Fri 30 Oct 09.00 WIB by email; due (3 hari) Mon 2 Nov 09.00; still open.
    await o.record('2026-10-30T02:00:00.000Z', { channel: 'email' });
    // I: Sun 1 Nov 00.30 WIB (still 31 Oct in UTC) by SMS; refused Mon 2 Nov 08.00:
    // the clock counts Monday 07.30–08.00 = 30 working minutes.
    const i = await o.record('2026-10-31T17:30:00.000Z', { channel: 'sms' });
    await o.exit('2026-11-02T01:00:00.000Z', i, 'ditolak');
    // A: Mon 2 Nov 08.00, the whole journey to the Seksi Pelayanan, closed 09.30 (90 minutes).
    const a = await o.record('2026-11-02T01:00:00.000Z');
    await o.dispose('staf', '2026-11-02T01:10:00.000Z', a, 'kasi1'); // step 2: 10 min
    await o.act('kasi1', '2026-11-02T01:40:00.000Z', 'workflow.advance', { id: a }); // step 3: 30 min
    await o.act('camat', '2026-11-02T02:00:00.000Z', 'workflow.advance', { id: a }); // step 4: 20 min
    await o.act('staf', '2026-11-02T02:20:00.000Z', 'documents.draft', { complaintId: a, kind: 'laporan_tindak_lanjut' });
    await o.act('staf', '2026-11-02T02:20:00.000Z', 'workflow.advance', { id: a }); // step 5: 20 min
    await o.act('staf', '2026-11-02T02:30:00.000Z', 'documents.deliver', { complaintId: a, channel: 'langsung', deliveredAt: '2026-11-02T09:30', recipient: 'Siti Aminah', note: '', proof: [] }); // step 6: 10 min
    // G: Mon 2 Nov 09.00, disposed at 10.00 to the Seksi Pemerintahan (step 2 late: 60 of 30
    // minutes); due Thu 5 Nov 09.00; forwarded Fri 6 Nov 09.00: Mon 09.00–16.00 less the break
    // (360) + Tue, Wed, Thu (3 × 450) + Fri 07.30–09.00 (90) = 1,800 working minutes, late.
    const g = await o.record('2026-11-02T02:00:00.000Z');
    await o.dispose('staf', '2026-11-02T03:00:00.000Z', g, 'kasi2');
    // B: Tue 3 Nov 08.00 by WhatsApp, kebersihan; disposed 08.20 to the Seksi Pemerintahan
    // (step 2: 20 min); refused 09.00 (60 minutes).
    const b = await o.record('2026-11-03T01:00:00.000Z', { channel: 'whatsapp', category: 'kebersihan_lingkungan' });
    await o.dispose('staf', '2026-11-03T01:20:00.000Z', b, 'kasi2');
    await o.exit('2026-11-03T02:00:00.000Z', b, 'ditolak');
    // C: Wed 4 Nov 08.00, an aspirasi; withdrawn 08.45 (45 minutes), never disposed.
    const c = await o.record('2026-11-04T01:00:00.000Z', { kind: 'aspirasi' });
    await o.exit('2026-11-04T01:45:00.000Z', c, 'dicabut');
    // D: Thu 5 Nov 08.00 by WhatsApp; disposed 08.05 to the Seksi Pelayanan (step 2: 5 min); open, late.
    const d = await o.record('2026-11-05T01:00:00.000Z', { channel: 'whatsapp' });
    await o.dispose('staf', '2026-11-05T01:05:00.000Z', d, 'kasi1');
    await o.exit('2026-11-06T02:00:00.000Z', g, 'bukan_kewenangan');
    // E: Mon 9 Nov 08.00 by letter; incomplete at 08.30, completed Tue 08.30, withdrawn 09.00:
    // 30 + 30 working minutes, the pause left out.
    const e = await o.record('2026-11-09T01:00:00.000Z', { channel: 'surat' });
    await o.act('staf', '2026-11-09T01:30:00.000Z', 'workflow.exit', { id: e, exit: 'tidak_lengkap', note: 'KTP belum dilampirkan.', forwardTo: '' });
    await o.act('staf', '2026-11-10T01:30:00.000Z', 'workflow.resume', { id: e, note: 'KTP dilampirkan.' });
    await o.exit('2026-11-10T02:00:00.000Z', e, 'dicabut');
    // F: Mon 30 Nov 09.00; due Thu 3 Dec: open at the end of November, late at the end of December.
    await o.record('2026-11-30T02:00:00.000Z');
    // The reporters' statements as signing a berita acara records them.
    o.core.db.prepare("UPDATE complaints SET satisfaction = 'puas' WHERE id = ?").run(a);
    o.core.db.prepare("UPDATE complaints SET satisfaction = 'tidak_puas' WHERE id = ?").run(b);

    const nov = await o.act('sekcam', '2026-12-01T01:00:00.000Z', 'reports.recap', { year: 2026, month: 11 });
    expect(nov).toMatchObject({ year: 2026, month: 11, periodLabel: 'November 2026', officeName: 'Kecamatan Kejayan' });
    // Received A B C D E F G I; finished A B C E G I (G late); open D F H, late D H.
    // Working minutes 90 60 45 60 1800 30: average 2085 / 6, median (60 + 60) / 2.
    // Steps done in November: step 1 of the eight, A's 2–6, step 2 of B D G = 16; G's step 2 late.
    const total = figures({
      received: 8,
      finished: 6,
      finishedOnTime: 5,
      stepsDone: 16,
      stepsOnTime: 15,
      avgWorkMinutes: 347.5,
      medianWorkMinutes: 60,
      openAtEnd: 3,
      lateAtEnd: 2,
      puas: 1,
      tidakPuas: 1,
    });
    expect(nov.total).toEqual(total);
    expect(nov.months).toEqual([{ key: '2026-11', label: 'November 2026', ...total }]);
    const table = (dim: string) => {
      const tb = nov.tables.find((x) => x.dimension === dim)!;
      expect(tb.total).toEqual(total);
      return tb.rows.map(({ key, label, ...f }) => ({ key, label, ...f }));
    };
    expect(table('channel')).toEqual([
      { key: 'langsung', label: 'Langsung/Loket', ...figures({ received: 4, finished: 3, finishedOnTime: 2, avgWorkMinutes: 645, medianWorkMinutes: 90, openAtEnd: 1, puas: 1 }) },
      { key: 'surat', label: 'Surat', ...figures({ received: 1, finished: 1, finishedOnTime: 1, avgWorkMinutes: 60, medianWorkMinutes: 60 }) },
      { key: 'sms', label: 'SMS', ...figures({ received: 1, finished: 1, finishedOnTime: 1, avgWorkMinutes: 30, medianWorkMinutes: 30 }) },
      { key: 'whatsapp', label: 'WhatsApp', ...figures({ received: 2, finished: 1, finishedOnTime: 1, avgWorkMinutes: 60, medianWorkMinutes: 60, openAtEnd: 1, lateAtEnd: 1, tidakPuas: 1 }) },
      { key: 'email', label: 'Email', ...figures({ openAtEnd: 1, lateAtEnd: 1 }) },
    ]);
    expect(table('category')).toEqual([
      { key: 'infrastruktur', label: 'Infrastruktur (jalan, jembatan, drainase)', ...figures({ received: 7, finished: 5, finishedOnTime: 4, avgWorkMinutes: 405, medianWorkMinutes: 60, openAtEnd: 3, lateAtEnd: 2, puas: 1 }) },
      { key: 'kebersihan_lingkungan', label: 'Kebersihan dan Lingkungan', ...figures({ received: 1, finished: 1, finishedOnTime: 1, avgWorkMinutes: 60, medianWorkMinutes: 60, tidakPuas: 1 }) },
    ]);
    expect(table('kind')).toEqual([
      { key: 'pengaduan', label: 'Pengaduan', ...figures({ received: 7, finished: 5, finishedOnTime: 4, avgWorkMinutes: 408, medianWorkMinutes: 60, openAtEnd: 3, lateAtEnd: 2, puas: 1, tidakPuas: 1 }) },
      { key: 'aspirasi', label: 'Aspirasi', ...figures({ received: 1, finished: 1, finishedOnTime: 1, avgWorkMinutes: 45, medianWorkMinutes: 45 }) },
    ]);
    expect(table('seksi')).toEqual([
      { key: 'Seksi Pelayanan', label: 'Seksi Pelayanan', ...figures({ received: 2, finished: 1, finishedOnTime: 1, avgWorkMinutes: 90, medianWorkMinutes: 90, openAtEnd: 1, lateAtEnd: 1, puas: 1 }) },
      { key: 'Seksi Pemerintahan', label: 'Seksi Pemerintahan', ...figures({ received: 2, finished: 2, finishedOnTime: 1, avgWorkMinutes: 930, medianWorkMinutes: 930, tidakPuas: 1 }) },
      // The median of 30, 45 and 60 falls in the half hour 30–59, which holds 30 and 45: their mean.
      { key: '', label: 'Tanpa disposisi', ...figures({ received: 4, finished: 3, finishedOnTime: 3, avgWorkMinutes: 45, medianWorkMinutes: 37.5, openAtEnd: 2, lateAtEnd: 1 }) },
    ]);
    expect(table('stage')).toEqual([
      { key: 'diterima', label: 'Diterima', ...figures({ received: 1, openAtEnd: 2, lateAtEnd: 1 }) },
      { key: 'didisposisi', label: 'Didisposisi', ...figures({ received: 1, openAtEnd: 1, lateAtEnd: 1 }) },
      { key: 'selesai', label: 'Selesai', ...figures({ received: 1, finished: 1, finishedOnTime: 1, avgWorkMinutes: 90, medianWorkMinutes: 90, puas: 1 }) },
      { key: 'bukan_kewenangan', label: 'Bukan kewenangan', ...figures({ received: 1, finished: 1, avgWorkMinutes: 1800, medianWorkMinutes: 1800 }) },
      { key: 'ditolak', label: 'Ditolak', ...figures({ received: 2, finished: 2, finishedOnTime: 2, avgWorkMinutes: 45, medianWorkMinutes: 45, tidakPuas: 1 }) },
      { key: 'dicabut', label: 'Dicabut', ...figures({ received: 2, finished: 2, finishedOnTime: 2, avgWorkMinutes: 52.5, medianWorkMinutes: 52.5 }) },
    ]);
    expect(table('outcome')).toEqual([
      { key: 'diproses', label: 'Masih diproses', ...figures({ received: 2, openAtEnd: 3, lateAtEnd: 2 }) },
      { key: 'selesai', label: 'Selesai', ...figures({ received: 1, finished: 1, finishedOnTime: 1, avgWorkMinutes: 90, medianWorkMinutes: 90, puas: 1 }) },
      { key: 'bukan_kewenangan', label: 'Bukan kewenangan (diteruskan)', ...figures({ received: 1, finished: 1, avgWorkMinutes: 1800, medianWorkMinutes: 1800 }) },
      { key: 'ditolak', label: 'Ditolak', ...figures({ received: 2, finished: 2, finishedOnTime: 2, avgWorkMinutes: 45, medianWorkMinutes: 45, tidakPuas: 1 }) },
      { key: 'dicabut', label: 'Dicabut', ...figures({ received: 2, finished: 2, finishedOnTime: 2, avgWorkMinutes: 52.5, medianWorkMinutes: 52.5 }) },
    ]);
    // Each step's working minutes against those it was allowed: step 2 (30 menit kerja) took
    // 10, 20, 5 and 60; step 3 and 4 (1 hari from Mon 08.10 and 08.40: 410 + 40 and 380 + 70
    // working minutes) took 30 and 20; steps 5 and 6 (1 jam kerja) 20 and 10. The limit is
    // also given as the standard writes it.
    expect(nov.steps.map(({ activity, ...s }) => ({ ...s, activity: activity.slice(0, 20) }))).toEqual([
      { stepNo: 1, activity: 'Melakukan pengaduan ', done: 8, onTime: 8, avgWorkMinutes: 0, limitMinutes: 15, limit: '15 menit', versi: null },
      { stepNo: 2, activity: 'Menerima dan mengkon', done: 4, onTime: 3, avgWorkMinutes: 23.75, limitMinutes: 30, limit: '30 menit', versi: null },
      { stepNo: 3, activity: 'Memberikan solusi da', done: 1, onTime: 1, avgWorkMinutes: 30, limitMinutes: 450, limit: '1 hari', versi: null },
      { stepNo: 4, activity: expect.any(String), done: 1, onTime: 1, avgWorkMinutes: 20, limitMinutes: 450, limit: '1 hari', versi: null },
      { stepNo: 5, activity: expect.any(String), done: 1, onTime: 1, avgWorkMinutes: 20, limitMinutes: 60, limit: '1 jam', versi: null },
      { stepNo: 6, activity: expect.any(String), done: 1, onTime: 1, avgWorkMinutes: 10, limitMinutes: 60, limit: '1 jam', versi: null },
    ]);

    expect(nov.asOf).toBeNull();
    expect(nov.holidaysMissing).toBe(false);
    expect(recapStanding(nov)).toBeNull();
    // The year on Tue 1 Dec 08.00 WIB, December running: H in October (open at its end, late
    // from November); F, due Thu 3 Dec, open but not late yet.
    const year = await o.act('staf', '2026-12-01T01:00:00.000Z', 'reports.recap', { year: 2026 });
    expect(year.periodLabel).toBe('Tahun 2026');
    expect(year.asOf).toBe('1 Desember 2026');
    expect(recapStanding(year)).toBe('Periode ini masih berjalan: yang belum selesai dan yang terlambat dihitung per 1 Desember 2026.');
    expect(year.total).toEqual({ ...total, received: 9, stepsDone: 17, stepsOnTime: 16, openAtEnd: 3, lateAtEnd: 2 });
    expect(year.months.map((m) => [m.label, m.received, m.finished, m.openAtEnd, m.lateAtEnd, m.stepsDone])).toEqual([
      ['Januari 2026', 0, 0, 0, 0, 0],
      ['Februari 2026', 0, 0, 0, 0, 0],
      ['Maret 2026', 0, 0, 0, 0, 0],
      ['April 2026', 0, 0, 0, 0, 0],
      ['Mei 2026', 0, 0, 0, 0, 0],
      ['Juni 2026', 0, 0, 0, 0, 0],
      ['Juli 2026', 0, 0, 0, 0, 0],
      ['Agustus 2026', 0, 0, 0, 0, 0],
      ['September 2026', 0, 0, 0, 0, 0],
      ['Oktober 2026', 1, 0, 1, 0, 1],
      ['November 2026', 8, 6, 3, 2, 16],
      ['Desember 2026', 0, 0, 3, 2, 0],
    ]);
    expect(year.tables.find((x) => x.dimension === 'channel')!.rows.find((r) => r.key === 'email')).toMatchObject({ received: 1, openAtEnd: 1, lateAtEnd: 1 });
    const langsung = (r: typeof year) => r.tables.find((x) => x.dimension === 'channel')!.rows.find((x) => x.key === 'langsung')!;
    expect(langsung(year)).toMatchObject({ openAtEnd: 1, lateAtEnd: 0 });
    // Thu 3 Dec 10.00, F past its due: late as of now, in its month, its channel, its outcome.
    const dec3 = await o.act('staf', '2026-12-03T03:00:00.000Z', 'reports.recap', { year: 2026 });
    expect(dec3.months.at(-1)).toMatchObject({ openAtEnd: 3, lateAtEnd: 3 });
    expect(dec3.total).toMatchObject({ openAtEnd: 3, lateAtEnd: 3 });
    expect(langsung(dec3)).toMatchObject({ openAtEnd: 1, lateAtEnd: 1 });
    expect(dec3.tables.find((x) => x.dimension === 'outcome')!.rows.find((x) => x.key === 'diproses')).toMatchObject({ openAtEnd: 3, lateAtEnd: 3 });
    // After the year: its end as it was, no date of standing.
    const after = await o.act('staf', '2027-01-04T01:00:00.000Z', 'reports.recap', { year: 2026 });
    expect(after.asOf).toBeNull();
    expect(after.months.at(-1)).toMatchObject({ openAtEnd: 3, lateAtEnd: 3 });
    // A year not begun has nothing open or late, and says so.
    const next = await o.act('staf', '2026-12-01T01:00:00.000Z', 'reports.recap', { year: 2027 });
    expect(next.total).toMatchObject({ received: 0, openAtEnd: null, lateAtEnd: null });
    expect(next.months.every((m) => m.openAtEnd === null && m.lateAtEnd === null)).toBe(true);
    expect(next.tables.every((tb) => tb.rows.every((r) => r.openAtEnd === null))).toBe(true);
    // Nor are its holidays in the calendar yet (the default one holds 2025 and 2026's), which
    // is not said: nothing was counted without them.
    expect(next.holidaysMissing).toBe(true);
    expect(recapStanding(next)).toBe('Periode ini belum berjalan (hari ini 1 Desember 2026).');
    // The year running shows its months ahead as not begun.
    const inNov = await o.act('staf', '2026-11-30T03:00:00.000Z', 'reports.recap', { year: 2026 });
    expect(inNov.months.at(-1)).toMatchObject({ label: 'Desember 2026', openAtEnd: null, lateAtEnd: null });
    // October alone: H open, not yet late; nothing finished.
    const oct = await o.act('kasi1', '2026-12-01T01:00:00.000Z', 'reports.recap', { year: 2026, month: 10 });
    expect(oct.total).toEqual(figures({ received: 1, openAtEnd: 1, stepsDone: 1, stepsOnTime: 1 }));
    expect(oct.total.medianWorkMinutes).toBeNull();
    expect(JSON.stringify(year)).not.toMatch(/Siti Aminah|3514015506800002|081234567890/);
  });
});

// A small deterministic generator, so a failing sequence can be replayed.
function prng(seed: number) {
  let x = seed;
  return () => ((x = (x * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
}

describe('a delivery recorded later', () => {
  it('finishes the complaint when the answer reached the reporter, never before its step began', async () => {
    const o = await office('2026-11-30T00:00:00.000Z');
    // Mon 30 Nov 08.00 WIB, walked to the delivery by 09.20.
    const walk = async (id: number) => {
      await o.dispose('staf', '2026-11-30T01:10:00.000Z', id, 'kasi1');
      await o.act('kasi1', '2026-11-30T01:40:00.000Z', 'workflow.advance', { id });
      await o.act('camat', '2026-11-30T02:00:00.000Z', 'workflow.advance', { id });
      await o.act('staf', '2026-11-30T02:20:00.000Z', 'documents.draft', { complaintId: id, kind: 'laporan_tindak_lanjut' });
      await o.act('staf', '2026-11-30T02:20:00.000Z', 'workflow.advance', { id });
    };
    const a = await o.record('2026-11-30T01:00:00.000Z');
    const b = await o.record('2026-11-30T01:00:00.000Z');
    await walk(a);
    await walk(b);
    const deliver = (id: number, deliveredAt: string) =>
      o.act('staf', '2026-11-30T20:18:00.000Z', 'documents.deliver', { complaintId: id, channel: 'langsung', deliveredAt, recipient: 'Siti Aminah', note: '', proof: [] });
    // Handed over Mon 30 Nov 15.00 WIB, recorded Tue 1 Dec 03.18 WIB.
    await deliver(a, '2026-11-30T15:00');
    // Typed as 09.00, before the delivery step began at 09.20: it ends at 09.20.
    await deliver(b, '2026-11-30T09:00');
    const closed = (id: number) => o.core.db.prepare('SELECT closed_at FROM complaints WHERE id = ?').pluck().get(id);
    const lastStep = (id: number) => o.core.db.prepare('SELECT completed_at FROM complaint_steps WHERE complaint_id = ? ORDER BY step_no DESC LIMIT 1').pluck().get(id);
    expect(closed(a)).toBe('2026-11-30T08:00:00.000Z');
    expect(lastStep(a)).toBe('2026-11-30T08:00:00.000Z');
    expect(closed(b)).toBe('2026-11-30T02:20:00.000Z');
    // Both counted as finished in November, within the standard.
    const nov = await o.act('sekcam', '2026-11-30T20:30:00.000Z', 'reports.recap', { year: 2026, month: 11 });
    expect(nov.total).toMatchObject({ received: 2, finished: 2, finishedOnTime: 2 });
    const dec = await o.act('sekcam', '2026-11-30T20:30:00.000Z', 'reports.recap', { year: 2026, month: 12 });
    expect(dec.total.finished).toBe(0);
  });
});

describe('a file waiting for the reporter', () => {
  // Kejayan's standard: 3 working days in all.
  it('is closed on time when withdrawn while it waits, its due moved by the pause', async () => {
    const o = await office('2026-11-23T00:00:00.000Z');
    // Mon 23 Nov 08.00 WIB; incomplete at 08.30 (due Thu 26 Nov 08.00 before the pause);
    // withdrawn by the reporter on Wed 2 Dec 09.00, still waiting: 30 working minutes.
    const id = await o.record('2026-11-23T01:00:00.000Z');
    await o.act('staf', '2026-11-23T01:30:00.000Z', 'workflow.exit', { id, exit: 'tidak_lengkap', note: 'KTP belum dilampirkan.', forwardTo: '' });
    await o.exit('2026-12-02T02:00:00.000Z', id, 'dicabut');
    const row = o.core.db.prepare('SELECT closed_at, due_at, work_minutes FROM complaints WHERE id = ?').get(id) as Record<string, unknown>;
    // The 30 minutes used leave 3 working days less 30 minutes from 09.00: Mon 7 Dec 08.30.
    expect(row).toEqual({ closed_at: '2026-12-02T02:00:00.000Z', due_at: '2026-12-07T01:30:00.000Z', work_minutes: 30 });
    const nov = await o.act('sekcam', '2026-12-03T01:00:00.000Z', 'reports.recap', { year: 2026, month: 11 });
    expect(nov.total).toMatchObject({ received: 1, openAtEnd: 1, lateAtEnd: 0 });
    const dec = await o.act('sekcam', '2026-12-03T01:00:00.000Z', 'reports.recap', { year: 2026, month: 12 });
    expect(dec.total).toMatchObject({ finished: 1, finishedOnTime: 1, lateAtEnd: 0 });
    expect(storedSummaries(o.core.db)).toEqual(expectedSummaries(o.core.db));
  });

  it('keeps a past month end late when it comes to wait later, and not late while it waited then', async () => {
    const o = await office('2026-11-02T00:00:00.000Z');
    // Mon 2 Nov 08.00 WIB, due Thu 5 Nov 08.00; open and running at the end of November.
    const late = await o.record('2026-11-02T01:00:00.000Z');
    // Mon 16 Nov 08.00, due Thu 19 Nov; incomplete from Tue 17 Nov, before its due, and
    // withdrawn automatically ten working days later, still waiting: never late.
    const waiting = await o.record('2026-11-16T01:00:00.000Z');
    await o.act('staf', '2026-11-17T01:00:00.000Z', 'workflow.exit', { id: waiting, exit: 'tidak_lengkap', note: 'KTP belum dilampirkan.', forwardTo: '' });
    const november = async (at: string) => {
      const recap = await o.act('sekcam', at, 'reports.recap', { year: 2026, month: 11 });
      const trend = (await o.act('camat', at, 'reports.dashboard', { year: 2026, month: 11 })).trend.find((m) => m.key === '2026-11')!;
      const listed = await o.act('camat', at, 'complaints.list', { keadaan: 'terlambat', akhirBulan: '2026-11', limit: 50 });
      return { recap: recap.total.lateAtEnd, trend: trend.lateAtEnd, listed: listed.rows.map((r) => r.id) };
    };
    expect(await november('2026-12-01T01:00:00.000Z')).toEqual({ recap: 1, trend: 1, listed: [late] });
    // Incomplete on Wed 2 Dec: November's end stays as it was.
    await o.act('staf', '2026-12-02T01:00:00.000Z', 'workflow.exit', { id: late, exit: 'tidak_lengkap', note: 'Surat keterangan RT belum ada.', forwardTo: '' });
    expect(await november('2026-12-02T02:00:00.000Z')).toEqual({ recap: 1, trend: 1, listed: [late] });
    expect(o.core.db.prepare('SELECT status FROM complaints WHERE id = ?').pluck().get(waiting)).toBe('dicabut');
    const dec = await o.act('sekcam', '2026-12-02T02:00:00.000Z', 'reports.recap', { year: 2026, month: 12 });
    expect(dec.total).toMatchObject({ finished: 1, finishedOnTime: 1 });
    expect(storedSummaries(o.core.db)).toEqual(expectedSummaries(o.core.db));
  });

  it('keeps the month ends it waited through after its due not late once it runs on or is withdrawn', async () => {
    const o = await office('2026-11-02T00:00:00.000Z');
    // Two of Mon 2 Nov 08.00 WIB, due Thu 5 Nov 08.00, both incomplete from Mon 30 Nov,
    // after their due: one completed on Thu 3 Dec and open since, the other never
    // completed and withdrawn by the office's sweep.
    const resumed = await o.record('2026-11-02T01:00:00.000Z');
    const withdrawn = await o.record('2026-11-02T01:00:00.000Z');
    for (const id of [resumed, withdrawn]) await o.act('staf', '2026-11-30T01:00:00.000Z', 'workflow.exit', { id, exit: 'tidak_lengkap', note: 'KTP belum dilampirkan.', forwardTo: '' });
    const monthEnd = async (at: string, month: number) => {
      const recap = await o.act('sekcam', at, 'reports.recap', { year: 2026, month });
      const trend = (await o.act('camat', at, 'reports.dashboard', { year: 2026, month })).trend.find((m) => m.key === `2026-${month}`)!;
      const listed = await o.act('camat', at, 'complaints.list', { keadaan: 'terlambat', akhirBulan: `2026-${month}`, limit: 50 });
      return { recap: recap.total.lateAtEnd, trend: trend.lateAtEnd, listed: listed.rows.map((r) => r.id) };
    };
    // Both waited at November's end.
    expect(await monthEnd('2026-12-01T01:00:00.000Z', 11)).toEqual({ recap: 0, trend: 0, listed: [] });
    await o.act('staf', '2026-12-03T01:00:00.000Z', 'workflow.resume', { id: resumed, note: 'KTP dilampirkan.' });
    // The due stays: the pause began after it.
    expect(o.core.db.prepare('SELECT due_at FROM complaints WHERE id = ?').pluck().get(resumed)).toBe('2026-11-05T01:00:00.000Z');
    await o.act('staf', '2027-01-04T01:00:00.000Z', 'workflow.journey', { id: withdrawn });
    expect(o.core.db.prepare('SELECT status FROM complaints WHERE id = ?').pluck().get(withdrawn)).toBe('dicabut');
    // November's end as it was; December's end has the one that ran on, late again.
    expect(await monthEnd('2027-01-04T02:00:00.000Z', 11)).toEqual({ recap: 0, trend: 0, listed: [] });
    expect(await monthEnd('2027-01-04T02:00:00.000Z', 12)).toEqual({ recap: 1, trend: 1, listed: [resumed] });
    expect(storedSummaries(o.core.db)).toEqual(expectedSummaries(o.core.db));
  });

  it('keeps a month end it waited through not late when the pause began before a due it did not move', async () => {
    const o = await office('2026-11-26T00:00:00.000Z');
    // Thu 26 Nov 10.00 WIB: three calendar days end on Sunday, so the due is Mon 30 Nov
    // 10.00. Incomplete at 08.00 that Monday, two hours before it; completed Thu 3 Dec.
    const id = await o.record('2026-11-26T03:00:00.000Z');
    await o.act('staf', '2026-11-30T01:00:00.000Z', 'workflow.exit', { id, exit: 'tidak_lengkap', note: 'KTP belum dilampirkan.', forwardTo: '' });
    const novemberEnd = async (at: string) => {
      const recap = await o.act('sekcam', at, 'reports.recap', { year: 2026, month: 11 });
      const listed = await o.act('camat', at, 'complaints.list', { keadaan: 'terlambat', akhirBulan: '2026-11', limit: 50 });
      return { recap: recap.total.lateAtEnd, listed: listed.rows.map((r) => r.id) };
    };
    expect(await novemberEnd('2026-12-01T02:00:00.000Z')).toEqual({ recap: 0, listed: [] });
    await o.act('staf', '2026-12-03T01:00:00.000Z', 'workflow.resume', { id, note: 'KTP dilampirkan.' });
    // The pause took none of the time before the due, which stays.
    expect(o.core.db.prepare('SELECT due_at FROM complaints WHERE id = ?').pluck().get(id)).toBe('2026-11-30T03:00:00.000Z');
    expect(await novemberEnd('2026-12-03T02:00:00.000Z')).toEqual({ recap: 0, listed: [] });
    const dec = await o.act('sekcam', '2027-01-04T02:00:00.000Z', 'reports.recap', { year: 2026, month: 12 });
    expect(dec.total.lateAtEnd).toBe(1);
    expect(storedSummaries(o.core.db)).toEqual(expectedSummaries(o.core.db));
  });
});

describe('a past month end', () => {
  // Random journeys through the app's own calls under three standards (calendar days,
  // working days, hours): files marked incomplete before, at and after their due, then
  // completed or withdrawn. Once a month is over, its late at its end never changes, and
  // the register lists exactly those files.
  it('stays as it stood once the month is over, through random journeys of three offices', async () => {
    let pastDue = 0;
    for (const [n, preset] of ['kejayan', 'wonoasih', 'waru'].entries()) {
      const o = await office('2026-09-01T00:00:00.000Z', preset);
      const month = officeMonth(o.core.db);
      const rnd = prng(20261206 + n);
      let now = Date.parse('2026-09-01T00:00:00.000Z');
      // A quarter of an hour to five days later.
      const later = () => new Date((now += (1 + Math.floor(rnd() * 480)) * 900_000)).toISOString();
      const state = (id: number) => o.core.db.prepare('SELECT due_at, closed_at, status FROM complaints WHERE id = ?').get(id) as { due_at: string | null; closed_at: string | null; status: string };
      const trendAt = async (at: string) => {
        const [year, mon] = month(at).split('-').map(Number);
        return (await o.act('camat', at, 'reports.dashboard', { year: year!, month: mon! })).trend;
      };
      const stood = new Map<string, number>();
      const ids: number[] = [];
      let thisMonth = '';
      while (now < Date.parse('2027-03-01T00:00:00.000Z')) {
        const at = new Date(now).toISOString();
        if (month(at) !== thisMonth) {
          thisMonth = month(at);
          for (const m of await trendAt(at)) if (m.key < thisMonth && m.lateAtEnd !== null && !stood.has(m.key)) stood.set(m.key, m.lateAtEnd);
        }
        const id = ids[Math.floor(rnd() * ids.length)];
        const c = id === undefined ? null : state(id);
        try {
          if (id === undefined || !c || rnd() < 0.15) ids.push(await o.record(later()));
          else if (c.closed_at) later();
          else if (c.status === 'tidak_lengkap') {
            if (rnd() < 0.6) await o.act('staf', later(), 'workflow.resume', { id, note: 'Berkas dilengkapi.' });
            else await o.exit(later(), id, 'dicabut');
          } else if (rnd() < 0.5) {
            // Now and then at the very instant of its due.
            const due = c.due_at ? Date.parse(c.due_at) : 0;
            const when = due > now && due - now < 30 * 86_400_000 && rnd() < 0.3 ? new Date((now = due)).toISOString() : later();
            await o.act('staf', when, 'workflow.exit', { id, exit: 'tidak_lengkap', note: 'KTP belum dilampirkan.', forwardTo: '' });
          } else if (rnd() < 0.2) await o.exit(later(), id, 'ditolak');
          else later();
        } catch (err) {
          // Refused only when the sweep withdrew the file first; nothing else may fail.
          if (!/: conflict /.test(String(err))) throw err;
        }
      }
      const at = '2027-03-02T01:00:00.000Z';
      expect(storedSummaries(o.core.db)).toEqual(expectedSummaries(o.core.db));
      const trend = await trendAt(at);
      for (const m of trend) {
        if (stood.has(m.key)) expect(m.lateAtEnd, `${preset} ${m.key}`).toBe(stood.get(m.key));
        if (m.lateAtEnd === null || m.key >= month(at)) continue;
        const listed = await o.act('camat', at, 'complaints.list', { keadaan: 'terlambat', akhirBulan: m.key, limit: 200 });
        expect(listed.total, `${preset} ${m.key}`).toBe(m.lateAtEnd);
      }
      const ended = endedPauses(o.core.db);
      pastDue += ids.reduce((sum, id) => sum + waitedPastDue(ended, id, state(id).due_at).length, 0);
    }
    // The journeys did leave files that waited past their due.
    expect(pastDue).toBeGreaterThan(0);
  });
});

describe('summary tables', () => {
  // Picks from a list, and instants on a quarter hour from December 2025 to mid-June 2026.
  const randomly = (seed: number) => {
    const rnd = prng(seed);
    return {
      pick: <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!,
      when: () => new Date(Date.UTC(2025, 11, 1) + Math.floor(rnd() * 200) * 86_400_000 + Math.floor(rnd() * 96) * 900_000).toISOString(),
    };
  };
  // The office moves to another zone: every month is counted again in its new time.
  const moveZone = async (o: Awaited<ReturnType<typeof office>>, round: number) => {
    const admin = carrier();
    await ok(o.core, admin, 'auth.login', ADMIN);
    const profile = await ok(o.core, admin, 'office.get', {});
    await ok(o.core, admin, 'office.update', { ...profile, timeZone: (['Asia/Makassar', 'Asia/Jayapura', 'Asia/Jakarta'] as const)[round % 3]! });
  };

  it('equal a recount from the rows after any sequence of changes', async () => {
    const o = await office('2026-01-05T01:00:00.000Z');
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) ids.push(await o.record(`2026-0${1 + Math.floor(i / 3)}-${10 + i}T0${1 + (i % 5)}:00:00.000Z`, { channel: i % 2 ? 'whatsapp' : 'surat' }));
    await o.dispose('staf', '2026-03-16T01:00:00.000Z', ids[0]!, 'kasi1');
    await o.dispose('staf', '2026-03-16T01:00:00.000Z', ids[1]!, 'kasi2');
    await o.act('kasi2', '2026-03-16T02:00:00.000Z', 'workflow.advance', { id: ids[1]! });
    await o.exit('2026-03-17T02:00:00.000Z', ids[2]!, 'ditolak');
    await o.act('staf', '2026-03-17T02:00:00.000Z', 'workflow.exit', { id: ids[3]!, exit: 'tidak_lengkap', note: 'Kurang KTP.', forwardTo: '' });
    const db = o.core.db;
    expect(storedSummaries(db)).toEqual(expectedSummaries(db));

    // An import of the old register, for rows to be marked as imported.
    const batch = Number(
      db
        .prepare("INSERT INTO imports (source, file_name, file_sha256, sheet, started_at, imported_by) VALUES ('register', 'lama.xlsx', 'x', 'Sheet1', ?, ?)")
        .run('2026-03-01T00:00:00.000Z', o.ids.staf!).lastInsertRowid,
    );
    // A second standard version, for complaints to move between (as the summaries count each
    // step under its complaint's version).
    const v1 = db.prepare('SELECT id, data FROM standard_versions ORDER BY id LIMIT 1').get() as { id: number; data: string };
    const v2 = Number(db.prepare("INSERT INTO standard_versions (data, sha256, created_at) VALUES (?, 'kedua', '2026-03-01T00:00:00.000Z')").run(v1.data).lastInsertRowid);
    const { pick, when } = randomly(20261129);
    const changes: ((id: number) => void)[] = [
      (id) => db.prepare('UPDATE complaints SET standard_version_id = ? WHERE id = ?').run(pick([null, v1.id, v2]), id),
      (id) => db.prepare('UPDATE complaint_steps SET complaint_id = ? WHERE id = (SELECT min(id) FROM complaint_steps WHERE complaint_id = ?)').run(pick(ids), id),
      (id) => db.prepare('UPDATE complaints SET status = ? WHERE id = ?').run(pick(STATUSES), id),
      (id) => db.prepare('UPDATE complaints SET closed_at = ?, work_minutes = ?, paused_at = NULL WHERE id = ?').run(when(), pick([null, 0, 30, 59, 75, 479, 480, 2000]), id),
      // Reopened: closing undone.
      (id) => db.prepare('UPDATE complaints SET closed_at = NULL, work_minutes = NULL WHERE id = ?').run(id),
      (id) => db.prepare('UPDATE complaints SET due_at = ? WHERE id = ?').run(pick([null, when(), when()]), id),
      // Paused or resumed while open (closing ends a pause).
      (id) => db.prepare('UPDATE complaints SET paused_at = ? WHERE id = ? AND closed_at IS NULL').run(pick([null, when()]), id),
      (id) => db.prepare('UPDATE complaints SET seksi = ? WHERE id = ?').run(pick(['', 'Seksi Pelayanan', 'Seksi Pemerintahan']), id),
      (id) => db.prepare('UPDATE complaints SET satisfaction = ? WHERE id = ?').run(pick([null, 'puas', 'tidak_puas']), id),
      (id) => db.prepare('UPDATE complaints SET channel = ?, category = ?, kind = ? WHERE id = ?').run(pick(CHANNEL_CODES), pick(CATEGORIES), pick(COMPLAINT_KINDS), id),
      (id) => db.prepare('UPDATE complaints SET received_at = ? WHERE id = ?').run(when(), id),
      (id) => db.prepare('UPDATE complaints SET work_minutes = ? WHERE id = ?').run(pick([null, 1, 15, 61, 600]), id),
      (id) => db.prepare('UPDATE complaints SET import_batch = ? WHERE id = ?').run(pick([null, batch]), id),
      (id) => db.prepare('INSERT INTO complaint_steps (complaint_id, step_no, started_at, due_at, completed_at, work_minutes, limit_minutes) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, pick([1, 2, 3]), when(), when(), pick([null, when()]), pick([null, 10, 40]), pick([null, 30])),
      (id) => db.prepare('UPDATE complaint_steps SET completed_at = ?, due_at = ?, work_minutes = ?, limit_minutes = ? WHERE id = (SELECT max(id) FROM complaint_steps WHERE complaint_id = ?)').run(pick([null, when()]), when(), pick([null, 5, 90]), pick([null, 60]), id),
      (id) => db.prepare('UPDATE complaint_steps SET step_no = step_no + 1 WHERE id = (SELECT min(id) FROM complaint_steps WHERE complaint_id = ?)').run(id),
      (id) => db.prepare('DELETE FROM complaint_steps WHERE id = (SELECT max(id) FROM complaint_steps WHERE complaint_id = ?)').run(id),
    ];
    // The dashboard's trend, late at each month's end, and the register for that figure:
    // the complaints the rows say were late then, by plain code.
    const lateAtEachMonthEnd = async () => {
      const at = '2026-12-10T00:00:00.000Z';
      const month = officeMonth(db);
      const rows = db.prepare('SELECT id, due_at, closed_at, paused_at FROM complaints').all() as { id: number; due_at: string | null; closed_at: string | null; paused_at: string | null }[];
      const ended = endedPauses(db);
      const trend = (await o.act('camat', at, 'reports.dashboard', { year: 2026, month: 11 })).trend;
      for (const m of trend) {
        const late = rows.filter((c) => {
          const stop = c.paused_at ?? c.closed_at;
          const waiting = waitedPastDue(ended, c.id, c.due_at).some((p) => month(p.from_at) <= m.key && month(p.to_at) > m.key);
          return c.due_at !== null && month(c.due_at) <= m.key && (stop === null || month(stop) > m.key) && !waiting;
        });
        const listed = await o.act('camat', at, 'complaints.list', { keadaan: 'terlambat', akhirBulan: m.key, limit: 200 });
        expect(listed.rows.map((r) => r.id).sort((a, b) => a - b), m.key).toEqual(late.map((c) => c.id).sort((a, b) => a - b));
        expect(listed.total, m.key).toBe(m.lateAtEnd);
      }
      return trend.reduce((n, m) => n + (m.lateAtEnd ?? 0), 0);
    };
    // The register for a step done in a span of months, or done late: each complaint once.
    const stepsDoneIn = async (dari: string, sampai: string) => {
      const month = officeMonth(db);
      const steps = db
        .prepare('SELECT s.complaint_id, s.step_no, s.due_at, s.completed_at, c.standard_version_id AS version FROM complaint_steps s JOIN complaints c ON c.id = s.complaint_id WHERE s.completed_at IS NOT NULL')
        .all() as { complaint_id: number; step_no: number; due_at: string; completed_at: string; version: number | null }[];
      let seen = 0;
      for (const no of [1, 2, 3, 4]) {
        for (const terlambat of [undefined, true] as const) {
          // Any version, the first (version 1, as numbered on screen), the second.
          for (const versi of [undefined, [1], [2]]) {
            const done = steps.filter(
              (x) =>
                x.step_no === no &&
                dari <= month(x.completed_at) &&
                month(x.completed_at) <= sampai &&
                (!terlambat || x.completed_at > x.due_at) &&
                (!versi || x.version === [v1.id, v2][versi[0]! - 1]),
            );
            const expected = [...new Set(done.map((x) => x.complaint_id))].sort((a, b) => a - b);
            const listed = await o.act('camat', '2026-12-10T00:00:00.000Z', 'complaints.list', { langkah: { no, dari, sampai, terlambat, versi }, limit: 200 });
            expect(listed.rows.map((r) => r.id).sort((a, b) => a - b), `${no} ${dari}–${sampai} ${terlambat ?? ''} ${versi ?? ''}`).toEqual(expected);
            expect(listed.total).toBe(expected.length);
            seen += expected.length;
          }
        }
      }
      return seen;
    };
    let lateSeen = 0;
    let stepsSeen = 0;
    for (let round = 0; round < 4; round++) {
      for (let n = 0; n < 150; n++) pick(changes)(pick(ids));
      expect(storedSummaries(db)).toEqual(expectedSummaries(db));
      lateSeen += await lateAtEachMonthEnd();
      stepsSeen += await stepsDoneIn('2026-02', '2026-04');
      await moveZone(o, round);
      expect(storedSummaries(db)).toEqual(expectedSummaries(db));
    }
    // The rounds did leave complaints late at some month's end, and steps done in the span.
    expect(lateSeen).toBeGreaterThan(0);
    expect(stepsSeen).toBeGreaterThan(0);
  });

  // Any pauses, even ones no journey makes (overlapping, ending before they begin): the
  // summaries stay what the rows say, pause by pause.
  it('equal a recount from the rows after any sequence of pauses taken, ended, moved and removed', async () => {
    const o = await office('2026-01-05T01:00:00.000Z');
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push(await o.record(`2026-01-${10 + i}T0${1 + (i % 5)}:00:00.000Z`, { channel: i % 2 ? 'whatsapp' : 'surat' }));
    await o.act('staf', '2026-01-20T02:00:00.000Z', 'workflow.exit', { id: ids[0]!, exit: 'tidak_lengkap', note: 'Kurang KTP.', forwardTo: '' });
    await o.act('staf', '2026-01-22T02:00:00.000Z', 'workflow.resume', { id: ids[0]!, note: 'KTP dilampirkan.' });
    const db = o.core.db;
    expect(storedSummaries(db)).toEqual(expectedSummaries(db));
    const { pick, when } = randomly(20261206);
    const changes: ((id: number) => void)[] = [
      (id) => db.prepare('INSERT INTO pauses (complaint_id, from_at, to_at) VALUES (?, ?, ?)').run(id, when(), pick([null, when(), when()])),
      (id) => db.prepare('UPDATE pauses SET to_at = ? WHERE id = (SELECT max(id) FROM pauses WHERE complaint_id = ?)').run(pick([null, when()]), id),
      (id) => db.prepare('UPDATE pauses SET from_at = ? WHERE id = (SELECT min(id) FROM pauses WHERE complaint_id = ?)').run(when(), id),
      // One begun at the very instant of its complaint's due.
      (id) => db.prepare('UPDATE pauses SET from_at = c.due_at FROM complaints c WHERE c.id = pauses.complaint_id AND c.due_at IS NOT NULL AND pauses.id = (SELECT max(id) FROM pauses WHERE complaint_id = ?)').run(id),
      (id) => db.prepare('UPDATE pauses SET complaint_id = ? WHERE id = (SELECT min(id) FROM pauses WHERE complaint_id = ?)').run(pick(ids), id),
      (id) => db.prepare('DELETE FROM pauses WHERE id = (SELECT max(id) FROM pauses WHERE complaint_id = ?)').run(id),
      // The complaint's side: its due, its closing, its waiting now, its dimensions.
      (id) => db.prepare('UPDATE complaints SET due_at = ? WHERE id = ?').run(pick([null, when(), when()]), id),
      (id) => db.prepare('UPDATE complaints SET closed_at = ?, paused_at = NULL WHERE id = ?').run(pick([null, when()]), id),
      (id) => db.prepare('UPDATE complaints SET paused_at = ? WHERE id = ? AND closed_at IS NULL').run(pick([null, when()]), id),
      (id) => db.prepare('UPDATE complaints SET status = ?, seksi = ? WHERE id = ?').run(pick(STATUSES), pick(['', 'Seksi Pelayanan']), id),
    ];
    let waited = 0;
    for (let round = 0; round < 4; round++) {
      for (let n = 0; n < 150; n++) pick(changes)(pick(ids));
      expect(storedSummaries(db)).toEqual(expectedSummaries(db));
      waited += ids.reduce((sum, id) => sum + waitedPastDue(endedPauses(db), id, db.prepare('SELECT due_at FROM complaints WHERE id = ?').pluck().get(id) as string | null).length, 0);
      await moveZone(o, round);
      expect(storedSummaries(db)).toEqual(expectedSummaries(db));
    }
    // The rounds did leave ended pauses that reach past a due.
    expect(waited).toBeGreaterThan(0);
  });
});

describe('buku rekap of a standard changed by the Admin', () => {
  it("keeps each step done under the name and limit of its own version, and the register lists each row's complaints", async () => {
    const o = await office('2026-11-02T00:30:00.000Z');
    // X: Mon 2 Nov 08.00 WIB, disposed 08.20 under the standard as preset (version 1).
    const x = await o.record('2026-11-02T01:00:00.000Z');
    await o.dispose('staf', '2026-11-02T01:20:00.000Z', x, 'kasi1');
    // The Admin writes step 2 anew: another activity, another limit.
    o.clock.set('2026-11-02T01:30:00.000Z');
    const admin = carrier();
    await ok(o.core, admin, 'auth.login', ADMIN);
    const standard = await ok(o.core, admin, 'standard.get', {});
    const NEW_STEP_2 = 'Memverifikasi pengaduan lalu mendisposisikannya kepada Kasi';
    await ok(o.core, admin, 'standard.update', {
      ...standard,
      steps: standard.steps.map((s) => (s.no === 2 ? { ...s, activity: NEW_STEP_2, duration: { amount: 1, unit: 'jam_kerja' as const } } : s)),
    });
    // Y: Tue 3 Nov 08.00 under version 2, disposed 08.45.
    const y = await o.record('2026-11-03T01:00:00.000Z');
    await o.dispose('staf', '2026-11-03T01:45:00.000Z', y, 'kasi1');

    const nov = await o.act('sekcam', '2026-12-01T01:00:00.000Z', 'reports.recap', { year: 2026, month: 11 });
    const OLD_STEP_2 = standard.steps[1]!.activity;
    expect(nov.steps.slice(0, 3).map(({ stepNo, activity, done, avgWorkMinutes, limit, versi }) => ({ stepNo, activity, done, avgWorkMinutes, limit, versi }))).toEqual([
      // Alike in both versions: one row.
      { stepNo: 1, activity: standard.steps[0]!.activity, done: 2, avgWorkMinutes: 0, limit: '15 menit', versi: null },
      { stepNo: 2, activity: `${NEW_STEP_2} (standar versi 2)`, done: 1, avgWorkMinutes: 45, limit: '1 jam', versi: [2] },
      { stepNo: 2, activity: `${OLD_STEP_2} (standar versi 1)`, done: 1, avgWorkMinutes: 20, limit: '30 menit', versi: [1] },
    ]);
    // Each row's steps, as the dashboard's figures open them in the register.
    const listed = async (versi?: number[]) =>
      (await o.act('camat', '2026-12-01T01:00:00.000Z', 'complaints.list', { langkah: { no: 2, dari: '2026-11', sampai: '2026-11', versi } })).rows.map((r) => r.id);
    expect(await listed([1])).toEqual([x]);
    expect(await listed([2])).toEqual([y]);
    expect((await listed()).sort()).toEqual([x, y].sort());
    const dashboard = await o.act('camat', '2026-12-01T01:00:00.000Z', 'reports.dashboard', { year: 2026, month: 11 });
    expect(dashboard.slowestSteps.filter((s) => s.stepNo === 2).map((s) => s.versi)).toEqual([[2], [1]]);
    expect(storedSummaries(o.core.db)).toEqual(expectedSummaries(o.core.db));
    // X moved to version 2 (its steps go with it): version 1's counters stand at 0, no row of
    // their own is left, and step 2 is one row again.
    const v2 = o.core.db.prepare('SELECT standard_version_id FROM complaints WHERE id = ?').pluck().get(y);
    o.core.db.prepare('UPDATE complaints SET standard_version_id = ? WHERE id = ?').run(v2, x);
    expect(storedSummaries(o.core.db)).toEqual(expectedSummaries(o.core.db));
    const after = await o.act('sekcam', '2026-12-01T01:00:00.000Z', 'reports.recap', { year: 2026, month: 11 });
    expect(after.steps.filter((s) => s.stepNo === 2).map(({ activity, done, versi }) => ({ activity, done, versi }))).toEqual([{ activity: NEW_STEP_2, done: 2, versi: null }]);
  });
});

// A Kejayan office's database as a Tanggap of schema `version` left it, in `dir`.
function kejayanAtSchema(dir: string, version: number) {
  const old = openDatabase(join(dir, 'tanggap.sqlite'), { migrations: MIGRATIONS.filter((m) => m.version <= version) });
  const preset = OFFICE_PRESETS.find((p) => p.id === 'kejayan')!;
  old.prepare("INSERT INTO settings (key, value) VALUES ('office', ?)").run(JSON.stringify({ ...preset.office, logo: '' }));
  // A user of that office, made at `at`; its id.
  const user = (name: string, role: string, seksi: string, at: string) =>
    Number(old.prepare("INSERT INTO users (username, password_hash, name, role, seksi, created_at, updated_at) VALUES (?, 'x', ?, ?, ?, ?, ?)").run(name, name, role, seksi, at, at).lastInsertRowid);
  return { old, preset, user };
}

describe('migration 11', () => {
  it('fills the summaries of an existing database, and the working minutes at start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tanggap-test-'));
    try {
      const { old, user } = kejayanAtSchema(dir, 10);
      const at = '2026-11-02T00:00:00.000Z';
      const staf = user('staf', 'staf', '', at);
      const kasi = user('kasi', 'kasi', 'Seksi Pelayanan', at);
      const complaint = (seq: number, receivedAt: string, dueAt: string, closedAt: string | null, status: string) =>
        Number(
          old
            .prepare(
              `INSERT INTO complaints (register_no, year, seq, received_at, kind, channel, category, reporter_name, subject, description, status, received_by,
                 created_at, updated_at, clock_started_at, due_at, closed_at) VALUES (?, 2026, ?, ?, 'pengaduan', 'langsung', 'infrastruktur', 'X', 'S', 'D', ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(`${seq}/PGD/2026`, seq, receivedAt, status, staf, receivedAt, receivedAt, receivedAt, dueAt, closedAt).lastInsertRowid,
        );
      // Mon 2 Nov 08.00 WIB, closed 10.00 (120 working minutes), disposed to the Kasi.
      const done = complaint(1, '2026-11-02T01:00:00.000Z', '2026-11-05T01:00:00.000Z', '2026-11-02T03:00:00.000Z', 'selesai');
      old.prepare("INSERT INTO dispositions (complaint_id, from_user, to_user, sifat, instructions, created_at) VALUES (?, ?, ?, 'biasa', '[]', ?)").run(done, staf, kasi, '2026-11-02T01:30:00.000Z');
      // Step 2 from 08.00 to 08.30 WIB with 30 working minutes allowed.
      old.prepare('INSERT INTO complaint_steps (complaint_id, step_no, started_at, due_at, completed_at) VALUES (?, 2, ?, ?, ?)').run(done, '2026-11-02T01:00:00.000Z', '2026-11-02T01:30:00.000Z', '2026-11-02T01:30:00.000Z');
      // Still open and late at the end of November.
      complaint(2, '2026-11-03T01:00:00.000Z', '2026-11-06T01:00:00.000Z', null, 'diterima');
      old.close();

      const core = createCore({ dataDir: dir, now: () => new Date('2026-12-01T01:00:00.000Z'), log: silentLog });
      try {
        const db = core.db;
        expect(db.prepare('SELECT seksi, work_minutes FROM complaints ORDER BY id').all()).toEqual([
          { seksi: 'Seksi Pelayanan', work_minutes: 120 },
          { seksi: '', work_minutes: null },
        ]);
        expect(db.prepare('SELECT work_minutes, limit_minutes FROM complaint_steps').get()).toEqual({ work_minutes: 30, limit_minutes: 30 });
        expect(storedSummaries(db)).toEqual(expectedSummaries(db));
        expect(db.prepare("SELECT received, finished, on_time, open_delta, late_delta, minutes_sum, minutes_n FROM recap_counts WHERE month = '2026-11' AND dim = 'channel'").get()).toEqual({
          received: 2,
          finished: 1,
          on_time: 1,
          open_delta: 1,
          late_delta: 1,
          minutes_sum: 120,
          minutes_n: 1,
        });
      } finally {
        core.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migration 40', () => {
  it('leaves the month ends a file waited through after its due not late', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tanggap-test-'));
    try {
      const { old, user } = kejayanAtSchema(dir, 39);
      const at = '2026-10-01T01:00:00.000Z';
      const staf = user('staf', 'staf', '', at);
      // Thu 1 Oct, due Tue 6 Oct; waited from Mon 9 Nov to Tue 1 Dec, open since.
      const id = Number(
        old
          .prepare(
            `INSERT INTO complaints (register_no, year, seq, received_at, kind, channel, category, reporter_name, subject, description, status, received_by,
               created_at, updated_at, clock_started_at, due_at) VALUES ('1/PGD/2026', 2026, 1, ?, 'pengaduan', 'langsung', 'infrastruktur', 'X', 'S', 'D', 'diterima', ?, ?, ?, ?, ?)`,
          )
          .run(at, staf, at, at, at, '2026-10-06T01:00:00.000Z').lastInsertRowid,
      );
      old.prepare('INSERT INTO pauses (complaint_id, from_at, to_at) VALUES (?, ?, ?)').run(id, '2026-11-09T01:00:00.000Z', '2026-12-01T01:00:00.000Z');
      const late = (db: typeof old, month: string) => db.prepare("SELECT late_delta FROM recap_counts WHERE month = ? AND dim = 'channel'").pluck().get(month);
      // Before: late from October's end on, November's included.
      expect([late(old, '2026-10'), late(old, '2026-11'), late(old, '2026-12')]).toEqual([1, undefined, undefined]);
      old.close();

      const core = createCore({ dataDir: dir, now: () => new Date('2026-12-03T01:00:00.000Z'), log: silentLog });
      try {
        expect(storedSummaries(core.db)).toEqual(expectedSummaries(core.db));
        // Late at October's end, not at November's (it waited), late again in December.
        expect([late(core.db, '2026-10'), late(core.db, '2026-11'), late(core.db, '2026-12')]).toEqual([1, -1, 1]);
      } finally {
        core.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migration 41', () => {
  it('counts the steps already done under their complaint\'s standard version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tanggap-test-'));
    try {
      const { old, preset, user } = kejayanAtSchema(dir, 40);
      const at = '2026-11-02T01:00:00.000Z';
      const staf = user('staf', 'staf', '', at);
      const version = Number(old.prepare("INSERT INTO standard_versions (data, sha256, created_at) VALUES (?, 'v', ?)").run(JSON.stringify(preset.standard), at).lastInsertRowid);
      const id = Number(
        old
          .prepare(
            `INSERT INTO complaints (register_no, year, seq, received_at, kind, channel, category, reporter_name, subject, description, status, received_by,
               created_at, updated_at, standard_version_id) VALUES ('1/PGD/2026', 2026, 1, ?, 'pengaduan', 'langsung', 'infrastruktur', 'X', 'S', 'D', 'diterima', ?, ?, ?, ?)`,
          )
          .run(at, staf, at, at, version).lastInsertRowid,
      );
      for (const no of [1, 2]) {
        old.prepare('INSERT INTO complaint_steps (complaint_id, step_no, started_at, due_at, completed_at, work_minutes, limit_minutes) VALUES (?, ?, ?, ?, ?, 10, 15)').run(id, no, at, '2026-11-02T01:15:00.000Z', '2026-11-02T01:10:00.000Z');
      }
      expect(old.prepare('SELECT step_no, done FROM recap_steps ORDER BY step_no').all()).toEqual([{ step_no: 1, done: 1 }, { step_no: 2, done: 1 }]);
      old.close();

      const core = createCore({ dataDir: dir, now: () => new Date('2026-12-03T01:00:00.000Z'), log: silentLog });
      try {
        expect(core.db.prepare('SELECT month, version_id, step_no, done, on_time, minutes_sum FROM recap_steps ORDER BY step_no').all()).toEqual([
          { month: '2026-11', version_id: version, step_no: 1, done: 1, on_time: 1, minutes_sum: 10 },
          { month: '2026-11', version_id: version, step_no: 2, done: 1, on_time: 1, minutes_sum: 10 },
        ]);
        expect(storedSummaries(core.db)).toEqual(expectedSummaries(core.db));
      } finally {
        core.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migration 39', () => {
  it('counts a file that came to wait after its due as late before it waited, and moves the due of one withdrawn while it waited', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tanggap-test-'));
    try {
      const { old, preset, user } = kejayanAtSchema(dir, 38);
      old.prepare("INSERT INTO settings (key, value) VALUES ('standard', ?)").run(JSON.stringify(preset.standard));
      const at = '2026-11-03T01:00:00.000Z';
      const staf = user('staf', 'staf', '', at);
      // Tue 3 Nov 08.00 WIB, due Fri 6 Nov; incomplete from Wed 2 Dec, still waiting.
      old
        .prepare(
          `INSERT INTO complaints (register_no, year, seq, received_at, kind, channel, category, reporter_name, subject, description, status, received_by,
             created_at, updated_at, clock_started_at, due_at, paused_at, resume_status) VALUES ('1/PGD/2026', 2026, 1, ?, 'pengaduan', 'langsung', 'infrastruktur', 'X', 'S', 'D', 'tidak_lengkap', ?, ?, ?, ?, ?, ?, 'diterima')`,
        )
        .run(at, staf, at, at, at, '2026-11-06T01:00:00.000Z', '2026-12-02T01:00:00.000Z');
      // Two letters of Mon 23 Nov 08.00 WIB, due Thu 26 Nov 08.00, incomplete at 08.30 and
      // withdrawn Wed 2 Dec 09.00: one while it waited (as the exit then left its due), the
      // other completed on 1 Dec first, its due already moved by that resume.
      const withdrawn = (seq: number, due: string, resumedAt: string | null) => {
        const [received, closed] = ['2026-11-23T01:00:00.000Z', '2026-12-02T02:00:00.000Z'];
        const id = Number(
          old
            .prepare(
              `INSERT INTO complaints (register_no, year, seq, received_at, kind, channel, category, reporter_name, subject, description, status, received_by,
                 created_at, updated_at, clock_started_at, due_at, closed_at) VALUES (?, 2026, ?, ?, 'pengaduan', 'surat', 'infrastruktur', 'X', 'S', 'D', 'dicabut', ?, ?, ?, ?, ?, ?)`,
            )
            .run(`${seq}/PGD/2026`, seq, received, staf, received, received, received, due, closed).lastInsertRowid,
        );
        old.prepare('INSERT INTO pauses (complaint_id, from_at, to_at) VALUES (?, ?, ?)').run(id, '2026-11-23T01:30:00.000Z', resumedAt ?? closed);
        return id;
      };
      const whileWaiting = withdrawn(2, '2026-11-26T01:00:00.000Z', null);
      const afterResume = withdrawn(3, '2026-12-04T00:30:00.000Z', '2026-12-01T01:00:00.000Z');
      // As the summaries stood before: a file waiting now was late at no month's end.
      old.prepare('UPDATE recap_counts SET late_delta = 0').run();
      old.close();

      const core = createCore({ dataDir: dir, now: () => new Date('2026-12-03T01:00:00.000Z'), log: silentLog });
      try {
        expect(storedSummaries(core.db)).toEqual(expectedSummaries(core.db));
        const late = (month: string) => core.db.prepare("SELECT late_delta FROM recap_counts WHERE month = ? AND dim = 'channel' AND key = 'langsung'").pluck().get(month);
        // Late from November's end; not from December's, as it waits since 2 Dec.
        expect([late('2026-11'), late('2026-12')]).toEqual([1, -1]);
        // 30 working minutes used before the pause leave 3 working days less 30 minutes
        // from 2 Dec 09.00: Mon 7 Dec 08.30. Both closed on time; the list is done.
        const due = (id: number) => core.db.prepare('SELECT due_at FROM complaints WHERE id = ?').pluck().get(id);
        expect([due(whileWaiting), due(afterResume)]).toEqual(['2026-12-07T01:30:00.000Z', '2026-12-04T00:30:00.000Z']);
        expect(core.db.prepare("SELECT on_time FROM recap_counts WHERE month = '2026-12' AND dim = 'channel' AND key = 'surat'").pluck().get()).toBe(2);
        expect(core.db.prepare('SELECT count(*) FROM dues_pending').pluck().get()).toBe(0);
      } finally {
        core.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../shared/contract';
import type { ImportRunInput } from '../../shared/schemas/import';
import type { SessionCarrier } from '../../main/core/context';
import { addUser, fail, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';
import { laporFixture, registerCsv, registerFixture, type RegisterFixture } from '../support/importFixture';
import { recapGrids } from '../../shared/reports/exports';

// The old register into Tanggap: a few thousand Excel rows with the mistakes clerks make,
// a CSV saved with semicolons and a BOM, and an SP4N-LAPOR! export; each previewed
// (nothing written), confirmed, reported row by row, and imported again without effect.

const NOW = '2026-11-24T02:00:00.000Z'; // Selasa 24 November 2026 09.00 WIB
const LAPOR_KNOWN = '5839203';

let t: TestCore;
const s: Record<'admin' | 'staf' | 'kasi' | 'camat', SessionCarrier> = {} as never;
let fixture: RegisterFixture;
const xlsx = () => ({ fileName: 'register-lama.xlsx', dataBase64: fixture.bytes.toString('base64') });

beforeAll(async () => {
  t = makeCore(NOW);
  s.admin = await setupOffice(t.core);
  for (const role of ['staf', 'kasi', 'camat'] as const) s[role] = await addUser(t.core, s.admin, role, role);
  fixture = await registerFixture(3000, 10);
}, 120_000);
afterAll(() => t?.dispose());

async function runImport(who: SessionCarrier, input: ImportRunInput) {
  const { jobId, total } = await ok(t.core, who, 'import.start', input);
  let status: CallOutput<'import.status'>;
  const seen: number[] = [];
  do {
    await new Promise((r) => setTimeout(r, 2));
    status = await ok(t.core, who, 'import.status', { jobId });
    seen.push(status.done);
  } while (!status.report);
  expect(status.done).toBe(total);
  return { report: status.report, seen };
}

// The register's search finds an old number typed with spaces ("045 PGD 2025").
async function byNumber(who: SessionCarrier, registerNo: string) {
  const rows = (await ok(t.core, who, 'complaints.list', { q: registerNo.replaceAll('/', ' '), limit: 50 })).rows;
  const hit = rows.find((r) => r.registerNo === registerNo);
  if (!hit) throw new Error(`${registerNo} not found in the register`);
  return hit;
}

describe('register import (XLSX, a few thousand rows)', () => {
  let preview: CallOutput<'import.preview'>;
  const expectedOk = () => fixture.rows.filter((r) => r.ok);
  const expectedSkip = () => fixture.rows.filter((r) => !r.ok);

  it('previews without writing: sheets, the header row under the title lines, a mapping by header, every row checked', async () => {
    const before = await ok(t.core, s.camat, 'complaints.list', {});
    preview = await ok(t.core, s.admin, 'import.preview', { file: xlsx() });
    expect(preview.sheets).toEqual(['Register 2024-2026', 'Rekap']);
    expect(preview.sheet).toBe('Register 2024-2026');
    expect(preview.headerRow).toBe(fixture.headerRow);
    expect(preview.source).toBe('register');
    const col = (h: string) => preview.headers.indexOf(h);
    expect(preview.mapping).toMatchObject({
      registerNo: col('No. Register'),
      receivedDate: col('Tanggal'),
      reporterName: col('Nama pelapor'),
      gender: col('Jenis kelamin'),
      address: col('Alamat'),
      phone: col('No. HP'),
      identity: col('Jenis/No. tanda pengenal'),
      description: col('Uraian/Isi'),
      reported: col('Terlapor'),
      incidentPlace: col('Lokasi kejadian'),
      incidentDate: col('Tanggal kejadian'),
      channel: col('Media/Kanal'),
      category: col('Kategori'),
      seksi: col('Unit/Seksi'),
      followUp: col('Tindak lanjut'),
      status: col('Status'),
      closedDate: col('Tanggal selesai'),
      remarks: col('Keterangan'),
    });
    expect(preview.mapping.laporId).toBeUndefined();
    expect(preview.total).toBe(3000);
    expect(preview.ready).toBe(expectedOk().length);
    expect(preview.skipped).toBe(expectedSkip().length);
    expect(preview.skipped).toBeGreaterThan(60);
    expect(preview.rows).toHaveLength(50);
    // Every date form a clerk types is read as the same day.
    for (const r of preview.rows.filter((r) => r.ok)) expect(r.receivedDate).toBe(fixture.rows.find((f) => f.row === r.row)!.receivedYmd);
    const shown = [...preview.rows.filter((r) => !r.ok).map((r) => ({ row: r.row, reason: r.reasons.join(' ') })), ...preview.skippedRows];
    expect(shown.map((r) => r.row)).toEqual(expectedSkip().map((r) => r.row));
    for (const r of expectedSkip()) expect(shown.find((x) => x.row === r.row)!.reason).toContain(r.reason!);
    // Defaults are shown before saving.
    const channelNote = preview.rows.find((r) => r.ok)!;
    expect(channelNote.notes.join(' ')).not.toContain('Media/Kanal kosong');
    expect(preview.rows.find((r) => r.notes.some((n) => n.includes('bukan NIK')))).toBeTruthy();
    const after = await ok(t.core, s.camat, 'complaints.list', {});
    expect(after.total).toBe(before.total);
  }, 180_000);

  it('lets only the Admin and the Staf import, and refuses a run without confirmation', async () => {
    expect((await fail(t.core, s.kasi, 'import.preview', { file: xlsx() })).code).toBe('forbidden');
    expect((await fail(t.core, s.camat, 'import.start', { file: xlsx(), source: 'register', mapping: preview.mapping, confirm: true })).code).toBe('forbidden');
    const e = await fail(t.core, s.admin, 'import.start', { file: xlsx(), source: 'register', mapping: preview.mapping, confirm: false });
    expect(e.code).toBe('validation');
    expect(e.message).toContain('Centang persetujuan');
  });

  let firstNew: string;
  it('imports with the chosen mapping: exact counts, reasons by row, old numbers and years kept, open ones running', async () => {
    // The running counter of 2026 has given one number before the import.
    firstNew = (await ok(t.core, s.staf, 'complaints.create', sampleComplaint())).registerNo;
    expect(firstNew).toBe('0001/PGD/2026');
    const { report, seen } = await runImport(s.admin, { file: xlsx(), sheet: preview.sheet, source: 'register', mapping: preview.mapping, confirm: true });
    expect(new Set(seen).size).toBeGreaterThan(1); // progress was seen moving
    expect(report.total).toBe(3000);
    expect(report.imported).toBe(expectedOk().length);
    expect(report.open).toBe(expectedOk().filter((r) => r.open).length);
    expect(report.closed).toBe(expectedOk().filter((r) => !r.open).length);
    expect(report.skipped.map((r) => r.row)).toEqual(expectedSkip().map((r) => r.row));
    for (const r of expectedSkip()) expect(report.skipped.find((x) => x.row === r.row)!.reason).toContain(r.reason!);

    const all = await ok(t.core, s.camat, 'complaints.list', { limit: 1 });
    expect(all.total).toBe(expectedOk().length + 1);
    expect(all.years).toEqual([2026, 2025, 2024]);
    expect((await ok(t.core, s.camat, 'complaints.list', { year: 2024, limit: 1 })).total).toBe(expectedOk().filter((r) => r.year === 2024).length);
  }, 180_000);

  it('keeps a row as the sheet has it: number, year, dates, status, category, journey', async () => {
    const closedRow = expectedOk().find((r) => r.year === 2025 && !r.open && r.status === 'selesai')!;
    const hit = await byNumber(s.camat, closedRow.registerNo);
    const detail = await ok(t.core, s.camat, 'complaints.get', { id: hit.id });
    expect(detail.registerNo).toBe(closedRow.registerNo);
    expect(detail.status).toBe('selesai');
    expect(detail.category).toBe(closedRow.category);
    expect(detail.receivedAt.slice(0, 10) <= closedRow.receivedYmd).toBe(true);
    expect(detail.description.startsWith(closedRow.description)).toBe(true);
    expect(detail.events.at(-1)!.action).toContain('diimpor');
    expect(detail.events.at(-1)!.note).toContain(`baris ${closedRow.row}`);
    const closedJourney = await ok(t.core, s.camat, 'workflow.journey', { id: hit.id });
    expect(closedJourney.closedAt).not.toBeNull();
    expect(closedJourney.current).toBeNull();

    const openRow = expectedOk().find((r) => r.year === 2024 && r.open)!;
    const openHit = await byNumber(s.camat, openRow.registerNo);
    const journey = await ok(t.core, s.camat, 'workflow.journey', { id: openHit.id });
    expect(journey.closedAt).toBeNull();
    expect(journey.current).not.toBeNull();
    expect(journey.current!.stepNo).toBe(2);
    // The journey starts at the import, not at the old date of receipt.
    expect(journey.steps[0]!.startedAt).toBe(NOW);
    expect(journey.clockStartedAt).toBe(NOW);
    // An open imported complaint sits in the queue of the step's executor.
    const queue = await ok(t.core, s.staf, 'tasks.mine', {});
    expect(queue.some((task) => task.complaintId === openHit.id) || journey.current!.executor !== 'staf').toBe(true);
  });

  it('counts the closed rows in the buku rekap as finished with no due to judge by, neither on time nor late', async () => {
    // 2025 holds only rows of the old register, each closed in the month it was received.
    const closed2025 = expectedOk().filter((r) => r.year === 2025 && !r.open).length;
    expect(closed2025).toBeGreaterThan(0);
    const recap = await ok(t.core, s.camat, 'reports.recap', { year: 2025 });
    expect(recap.total).toMatchObject({ finished: closed2025, finishedUntimed: closed2025, finishedOnTime: 0 });
    // The share on time has nothing to judge: "–", not 0 % nor 100 %.
    const months = recapGrids(recap).find((g) => g.key === 'months')!;
    expect(months.totals[months.columns.findIndex((c) => c.header === '% tepat waktu')]).toBeNull();
    // The monthly report says how many of the finished had no due.
    const march = expectedOk().filter((r) => r.year === 2025 && !r.open && r.receivedYmd.startsWith('2025-03')).length;
    expect(march).toBeGreaterThan(0);
    const lapor = new ExcelJS.Workbook();
    await lapor.xlsx.load(Buffer.from((await ok(t.core, s.camat, 'reports.laporXlsx', { year: 2025, month: 3 })).dataBase64, 'base64') as unknown as ArrayBuffer);
    const lines = lapor.getWorksheet('Rekap')!.getSheetValues().filter(Array.isArray).map((r) => [r[1], r[2]]);
    // Of the finished, under them; none on time.
    const at = lines.findIndex((l) => l[0] === 'Selesai ditangani');
    expect(lines.slice(at, at + 3)).toEqual([
      ['Selesai ditangani', march],
      ['   di antaranya tanpa batas waktu (diimpor dari register lama)', march],
      ['Selesai tepat waktu menurut Standar Pelayanan', 0],
    ]);
  });

  it('does not disturb the running counter: numbers it could give are marked, the next complaint follows on', async () => {
    const y2026 = (await ok(t.core, s.camat, 'complaints.list', { year: 2026, limit: 100, sort: 'registerNo', dir: 'asc' })).rows.map((r) => r.registerNo);
    expect(y2026).toContain('0001/PGD/2026');
    expect(y2026).toContain('0001/PGD/2026 (lama)');
    expect(y2026).toContain('0010/PGD/2026 (lama)');
    const next = await ok(t.core, s.staf, 'complaints.create', sampleComplaint({ subject: 'Setelah impor' }));
    expect(next.registerNo).toBe('0002/PGD/2026');
    const verdict = await ok(t.core, s.camat, 'audit.verify', {});
    expect(verdict.ok).toBe(true);
    // The run is one line on the audit trail, with counts and no reporter's data.
    const audit = (await ok(t.core, s.camat, 'audit.list', { limit: 200 })).rows;
    const finished = audit.find((r) => r.action === 'complaint.import_finished')!;
    expect(finished.label).toBe('Impor register lama selesai');
    expect(finished.target).toMatch(/^Impor register lama #\d+$/);
    expect(finished.detail).toBe(`${expectedOk().length} diimpor (${expectedOk().filter((r) => r.open).length} berjalan), ${expectedSkip().length} baris dilewati dari 3000`);
  });

  it('starts one run of a file sent twice at once (a double click): the second is refused while the first runs', async () => {
    const file = { fileName: 'register.csv', dataBase64: Buffer.from('No. Register;Tanggal;Nama pelapor;Uraian/Isi\r\n9001/PGD/2024;03/08/2024;Sri;Lampu jalan mati\r\n', 'utf8').toString('base64') };
    const preview = await ok(t.core, s.staf, 'import.preview', { file });
    const input = { file, source: preview.source, mapping: preview.mapping, confirm: true };
    const [first, second] = await Promise.all([t.core.call('import.start', input, s.staf), t.core.call('import.start', input, s.staf)]);
    if (!first.ok) throw new Error(first.error.message);
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Impor sebelumnya masih berjalan; tunggu sampai selesai.' } });
    let status: CallOutput<'import.status'>;
    do {
      await new Promise((r) => setTimeout(r, 2));
      status = await ok(t.core, s.staf, 'import.status', { jobId: (first.value as CallOutput<'import.start'>).jobId });
    } while (!status.report);
    expect(status.report).toMatchObject({ imported: 1, skipped: [] });
  });

  it('a second run of the same file imports nothing and says why for every row', async () => {
    const before = (await ok(t.core, s.camat, 'complaints.list', { limit: 1 })).total;
    const again = await ok(t.core, s.staf, 'import.preview', { file: xlsx() });
    expect(again.ready).toBe(0);
    const { report } = await runImport(s.staf, { file: xlsx(), source: 'register', mapping: again.mapping, confirm: true });
    expect(report.imported).toBe(0);
    expect(report.skipped).toHaveLength(3000);
    const firstOk = expectedOk()[0]!;
    expect(report.skipped.find((r) => r.row === firstOk.row)!.reason).toContain(`Nomor register ${firstOk.registerNo} tahun ${firstOk.year} sudah tercatat di aplikasi`);
    expect((await ok(t.core, s.camat, 'complaints.list', { limit: 1 })).total).toBe(before);
  }, 180_000);
});

describe('CSV with semicolons and a BOM', () => {
  it('reads quotes, a line break inside a quote, Indonesian month abbreviations, and skips what it must', async () => {
    const csv = registerCsv();
    const file = { fileName: 'register.csv', dataBase64: csv.bytes.toString('base64') };
    const preview = await ok(t.core, s.staf, 'import.preview', { file });
    expect(preview.sheets).toEqual(['CSV']);
    expect(preview.headers[0]).toBe('No');
    expect(preview.mapping.registerNo).toBe(1);
    expect(preview.mapping.receivedDate).toBe(2);
    expect(preview.mapping.description).toBe(6);
    expect(preview.rows.map((r) => r.receivedDate)).toEqual(['2025-08-03', '2025-10-05', '2025-12-12', '2025-05-01', '', '2025-09-01', '2025-01-04', '1999-08-03']);
    expect(preview.rows[0]!.notes).toEqual(['Tanggal kejadian sesudah tanggal diterima; dikosongkan.']);
    expect(preview.rows[0]!.channel).toBe('whatsapp');
    expect(preview.rows[0]!.category).toBe('infrastruktur');
    expect(preview.rows[0]!.closedDate).toBe('2025-08-07');
    expect(preview.rows[1]!.status).toBeNull();
    expect(preview.rows[2]!.reporterName).toBe('Anonim');
    const { report } = await runImport(s.staf, { file, source: preview.source, mapping: preview.mapping, confirm: true });
    expect(report.imported).toBe(csv.ok);
    expect(report.skipped.map((r) => r.row)).toEqual(csv.skipped.map((r) => r.row));
    csv.skipped.forEach((r, i) => expect(report.skipped[i]!.reason).toContain(r.reason));
    const rows = (await ok(t.core, s.staf, 'complaints.list', { q: 'REG 2025', limit: 50 })).rows.filter((r) => r.registerNo.endsWith('/REG/2025'));
    expect(rows.map((r) => r.registerNo).sort()).toEqual(['12/REG/2025', '13/REG/2025', '14/REG/2025', '15/REG/2025']);
    const first = await ok(t.core, s.staf, 'complaints.get', { id: rows.find((r) => r.registerNo === '12/REG/2025')!.id });
    expect(first.description).toBe('Jalan rusak di depan "balai desa"');
    expect(first.incidentDate).toBe('');
    const second = await ok(t.core, s.staf, 'complaints.get', { id: rows.find((r) => r.registerNo === '13/REG/2025')!.id });
    expect(second.description).toBe('KTP belum jadi,\nsudah tiga bulan');
    expect((await ok(t.core, s.staf, 'workflow.journey', { id: second.id })).closedAt).toBeNull();
    const drain = (await ok(t.core, s.staf, 'complaints.list', { q: 'saluran tersumbat', limit: 10 })).rows;
    expect(drain.map((r) => r.registerNo)).toEqual(['21/2025']);
  });
});

describe('SP4N-LAPOR! export', () => {
  it('imports reports as LAPOR! complaints by tracking ID, skipping one already in the app and a repeat', async () => {
    await ok(t.core, s.staf, 'complaints.create', sampleComplaint({ channel: 'sp4n_lapor', laporTrackingId: LAPOR_KNOWN, subject: 'Dari LAPOR! lewat loket' }));
    const lapor = await laporFixture(LAPOR_KNOWN);
    const file = { fileName: 'ekspor-lapor.xlsx', dataBase64: lapor.bytes.toString('base64') };
    const counterBefore = (await ok(t.core, s.camat, 'complaints.list', { year: 2026, limit: 1 })).total;
    const preview = await ok(t.core, s.admin, 'import.preview', { file });
    expect(preview.source).toBe('lapor');
    expect(preview.rows.map((r) => r.ok)).toEqual([true, true, false, true, false]);
    expect(preview.rows[2]!.reasons.join(' ')).toContain(`ID LAPOR! ${LAPOR_KNOWN} sudah tercatat di aplikasi`);
    expect(preview.rows[4]!.reasons.join(' ')).toContain('sudah ada di baris 3 berkas ini');
    expect(preview.rows.map((r) => r.kind)).toEqual(['pengaduan', 'aspirasi', 'pengaduan', 'permintaan_informasi', 'aspirasi']);
    const { report } = await runImport(s.admin, { file, source: 'lapor', mapping: preview.mapping, confirm: true });
    expect(report.imported).toBe(3);
    expect(report.skipped.map((r) => r.row)).toEqual([4, 6]);
    const rows = (await ok(t.core, s.camat, 'complaints.list', { year: 2026, channel: 'sp4n_lapor', limit: 50 })).rows;
    const details = await Promise.all(rows.map((r) => ok(t.core, s.camat, 'complaints.get', { id: r.id })));
    const imported = details.filter((d) => lapor.ids.includes(d.laporTrackingId));
    expect(imported.map((d) => d.laporTrackingId).sort()).toEqual(lapor.ids);
    // Without an old number they enter the register now, numbered by the running counter.
    expect(imported.map((d) => d.registerNo).sort()).toEqual(['0004/PGD/2026', '0005/PGD/2026', '0006/PGD/2026']);
    expect((await ok(t.core, s.camat, 'complaints.list', { year: 2026, limit: 1 })).total).toBe(counterBefore + 3);
    const first = imported.find((d) => d.laporTrackingId === '5839201')!;
    expect(first.receivedAt).toBe('2026-10-03T07:22:00.000Z');
    expect((await ok(t.core, s.camat, 'workflow.journey', { id: first.id })).current).not.toBeNull();
    const again = await ok(t.core, s.admin, 'import.preview', { file });
    expect(again.ready).toBe(0);
  });
});

describe('old numbers and the running counter under other patterns', () => {
  let u: TestCore;
  const a: Record<'admin' | 'staf', SessionCarrier> = {} as never;
  beforeAll(async () => {
    u = makeCore(NOW);
    a.admin = await setupOffice(u.core);
    a.staf = await addUser(u.core, a.admin, 'staf', 'staf');
  });
  afterAll(() => u?.dispose());

  const setPattern = async (registerPattern: string) => {
    const settings = await ok(u.core, a.admin, 'documents.settings', {});
    await ok(u.core, a.admin, 'documents.updateSettings', { ...settings, registerPattern });
  };
  const importCsv = async (line: string) => {
    const text = `No. Register;Tanggal;Nama pelapor;Uraian/Isi;Status;Tanggal selesai\r\n${line}\r\n`;
    const file = { fileName: 'register.csv', dataBase64: Buffer.from(text, 'utf8').toString('base64') };
    const preview = await ok(u.core, a.staf, 'import.preview', { file });
    const { jobId } = await ok(u.core, a.staf, 'import.start', { file, source: preview.source, mapping: preview.mapping, confirm: true });
    let status: CallOutput<'import.status'>;
    do {
      await new Promise((r) => setTimeout(r, 2));
      status = await ok(u.core, a.staf, 'import.status', { jobId });
    } while (!status.report);
    expect(status.report.imported).toBe(1);
  };
  const created = async () => (await ok(u.core, a.staf, 'complaints.create', sampleComplaint())).registerNo;

  it('marks an old number the pattern could give even when the year comes before {urut}', async () => {
    await setPattern('REG/{tahun}/{urut}');
    await importCsv('REG/2026/0001;3 Agustus 2026;Siti;Jalan rusak;Selesai;7 Agustus 2026');
    expect((await ok(u.core, a.staf, 'complaints.list', { q: 'REG 2026 0001', limit: 10 })).rows.map((r) => r.registerNo)).toContain('REG/2026/0001 (lama)');
    expect(await created()).toBe('REG/2026/0001');
  });

  it('passes over a number an old complaint holds once the pattern changes to give it', async () => {
    await importCsv('0002/X/2026;4 Agustus 2026;Budi;Saluran tersumbat;Selesai;8 Agustus 2026');
    await setPattern('{urut}/X/{tahun}');
    // The counter stands at 1: 0002/X/2026 is the old complaint's, so the next is 0003.
    expect(await created()).toBe('0003/X/2026');
    expect(await created()).toBe('0004/X/2026');
  });
});

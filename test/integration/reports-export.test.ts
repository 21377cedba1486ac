import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallOutput } from '../../shared/contract';
import type { SessionCarrier } from '../../main/core/context';
import { RECAP_DIMENSIONS, RECAP_NOTE } from '../../shared/reports/recap';
import { addListRows, DATE_FORMAT, newStreamedWorkbook, newWorkbook, startSheet, type CellValue } from '../../main/core/reports/workbook';
import { registerIds, registerWorkbook } from '../../main/core/reports/exports';
import { officeCalendar } from '../../main/core/workflow/standard';
import { resolveSession } from '../../main/core/auth/sessions';
import { ADMIN, addUser, fail, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';

// The files the office takes out of Tanggap, read back as Excel would: the buku rekap,
// the register for a filter (with and without the reporter's identity), and the
// monthly report to SP4N-LAPOR!.

const MONDAY = '2026-11-02T02:00:00.000Z'; // Senin 2 November 2026 09.00 WIB
const FORMULA = '=HYPERLINK("http://contoh.test","klik")';
const LAPOR_ID = '0012345678';

let t: TestCore;
const NOW = () => t.core.deps.now().toISOString();
const s: Record<'admin' | 'staf' | 'kasi' | 'sekcam' | 'camat', SessionCarrier> = {} as never;
const ids: Record<'formula' | 'anonim' | 'rahasia' | 'ditolak', number> = {} as never;

beforeAll(async () => {
  t = makeCore(MONDAY);
  s.admin = await setupOffice(t.core);
  for (const role of ['staf', 'kasi', 'sekcam', 'camat'] as const) s[role] = await addUser(t.core, s.admin, role, role);
  const create = async (input: CallInput<'complaints.create'>) => (await ok(t.core, s.staf, 'complaints.create', input)).id;
  ids.formula = await create(sampleComplaint({ subject: FORMULA }));
  ids.anonim = await create(
    sampleComplaint({ channel: 'whatsapp', reporter: { name: 'Budi Santoso', address: 'Desa Tambakrejo', nik: '3514011203790001', phone: '085711112222', email: '', anonymous: true, confidential: false } }),
  );
  ids.rahasia = await create(
    sampleComplaint({
      channel: 'sp4n_lapor',
      kind: 'aspirasi',
      laporTrackingId: LAPOR_ID,
      subject: 'Pungutan di loket KTP',
      description: 'Petugas meminta uang tambahan untuk mempercepat KTP.',
      reporter: { name: 'Rahmat Hidayat', address: 'Desa Sumberejo', nik: '3514010101800003', phone: '081300004444', email: '', anonymous: false, confidential: true },
    }),
  );
  ids.ditolak = await create(sampleComplaint({ channel: 'surat', subject: 'Iklan toko ditempel di balai desa' }));
  const kasiId = (await ok(t.core, s.kasi, 'auth.me', {}))!.id;
  await ok(t.core, s.staf, 'workflow.dispose', { id: ids.formula, to: [kasiId], sifat: 'biasa', instructions: ['proses_lanjut'] });
  t.clock.set('2026-11-04T03:00:00.000Z');
  // Two days on, every session has ended: everyone signs in again.
  await ok(t.core, s.admin, 'auth.login', ADMIN);
  for (const role of ['staf', 'kasi', 'sekcam', 'camat'] as const) await ok(t.core, s[role], 'auth.login', { username: role, password: 'kata-sandi-123' });
  await ok(t.core, s.camat, 'workflow.exit', { id: ids.ditolak, exit: 'ditolak', note: 'Bukan pengaduan pelayanan publik.' });
}, 120_000);
afterAll(() => t?.dispose());

async function readXlsx(file: { dataBase64: string; mime: string }) {
  expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);
// A calendar day as a date cell reads back: midnight UTC of that day.
const day = (ymd: string) => new Date(`${ymd}T00:00:00.000Z`);
const headerRowOf = (ws: ExcelJS.Worksheet) => (ws.views[0] as { ySplit: number }).ySplit;
// Every row under the header, as header → value.
function tableOf(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const h = headerRowOf(ws);
  const headers = rowValues(ws, h) as string[];
  const out: Record<string, unknown>[] = [];
  for (let r = h + 1; r <= ws.rowCount; r++) {
    const values = rowValues(ws, r);
    if (values.length === 0) break;
    out.push(Object.fromEntries(headers.map((k, i) => [k, values[i] ?? null])));
  }
  return out;
}

async function registerFile(who: SessionCarrier, filter: CallInput<'complaints.exportXlsx'> = {}) {
  const { jobId, total } = await ok(t.core, who, 'complaints.exportXlsx', filter);
  let status: CallOutput<'exports.status'>;
  do {
    await new Promise((r) => setTimeout(r, 5));
    status = await ok(t.core, who, 'exports.status', { jobId });
  } while (!status.ready);
  expect(status).toEqual({ done: total, total, ready: true });
  return { jobId, total, file: await ok(t.core, who, 'exports.file', { jobId }) };
}

const PERSONAL = ['Nama pelapor', 'Alamat', 'NIK', 'No. HP'];

describe('register export', () => {
  it("gives the Camat every row, the reporter's identity only where it may go, and a frozen header", async () => {
    const { file, total } = await registerFile(s.camat, { year: 2026, sort: 'registerNo', dir: 'asc' });
    expect(total).toBe(4);
    const wb = await readXlsx(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Register']);
    const ws = wb.getWorksheet('Register')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, topLeftCell: 'A5' });
    expect(rowValues(ws, 1)).toEqual([(await ok(t.core, s.camat, 'reports.recap', { year: 2026 })).officeName]);
    expect(String(rowValues(ws, 2)[0])).toBe('Buku Register Pengaduan — diterima tahun 2026');
    const header = rowValues(ws, 4);
    expect(header).toEqual([
      'No.', 'No. Register', 'Tanggal diterima', 'Jenis', 'Kanal', 'Kategori', ...PERSONAL, 'Perihal', 'Uraian',
      'Seksi', 'Status', 'Tanggal selesai', 'Lama sejak diterima (hari kerja)', 'Tepat waktu', 'Kepuasan', 'ID LAPOR!',
    ]);
    expect(ws.getRow(4).getCell(2).font).toMatchObject({ bold: true });
    expect(ws.getRow(4).getCell(2).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFDCE6F1' } });
    expect(ws.getRow(4).height).toBe(45);
    const widthOf = (h: string) => ws.getColumn((header as string[]).indexOf(h) + 1).width;
    expect([widthOf('No.'), widthOf('No. Register'), widthOf('Perihal'), widthOf('Uraian'), widthOf('ID LAPOR!')]).toEqual([6, 17, 34, 46, 12]);
    // Every column keeps its own width (exceljs leaves out a column of width 9 with no style
    // as its default, which Excel then draws at 8.43).
    expect((header as string[]).filter((h) => widthOf(h) === undefined)).toEqual([]);
    expect(ws.autoFilter).toBe('A4:S4');
    // Printed on the office's paper, F4 (Excel's Folio, 8.5 × 13 in), landscape with narrow
    // margins, two pages wide at 80 % (11 pt text at about 9 pt), the second following the
    // first, each opening with No. and No. Register; each page with the header row, its
    // gridlines, the office and the report at its top and its number at its foot. The title
    // lines print as that page header, so the print area starts at the header row and ends
    // at the last complaint.
    expect(ws.pageSetup).toMatchObject({
      paperSize: 14,
      orientation: 'landscape',
      margins: { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      scale: 80,
      pageOrder: 'overThenDown',
      showGridLines: true,
      printTitlesRow: '4:4',
      printTitlesColumn: 'A:B',
      printArea: `A4:S${4 + total}`,
    });
    expect(ws.pageSetup.fitToPage).toBeFalsy();
    expect(ws.headerFooter).toMatchObject({
      oddHeader: `&L&"-,Bold"${rowValues(ws, 1)[0]}&R&"-,Bold"Buku Register Pengaduan — diterima tahun 2026`,
      oddFooter: '&CHalaman &P dari &N',
    });
    expect(ws.headerFooter.differentFirst).toBeFalsy();
    // Title, blank line, header, then one row per complaint and nothing after.
    expect(ws.rowCount).toBe(4 + total);
    const rows = tableOf(ws);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r['No.'])).toEqual([1, 2, 3, 4]);
    const [formula, anonim, rahasia, ditolak] = rows;
    expect(formula).toMatchObject({ 'Nama pelapor': 'Siti Aminah', NIK: '3514015506800002', 'No. HP': '081234567890', Seksi: 'Seksi Pelayanan', 'Tanggal diterima': day('2026-11-02') });
    expect(anonim).toMatchObject({ 'Nama pelapor': 'Anonim', Alamat: null, NIK: null, 'No. HP': null });
    expect(rahasia).toMatchObject({ 'Nama pelapor': '(rahasia)', Alamat: null, NIK: null, Perihal: '(rahasia)', Uraian: '(rahasia)', 'ID LAPOR!': LAPOR_ID });
    expect(JSON.stringify(rahasia)).not.toMatch(/Rahmat|Pungutan|Sumberejo|3514010101800003/);
    expect(JSON.stringify(anonim)).not.toMatch(/Budi|Tambakrejo|3514011203790001/);
    // Received Monday, closed Wednesday: Tuesday and Wednesday are two working days.
    expect(ditolak).toMatchObject({ Status: 'Ditolak', 'Tanggal selesai': day('2026-11-04'), 'Lama sejak diterima (hari kerja)': 2 });
    // Refused before any disposition: no seksi, named as the buku rekap names it.
    expect(ditolak).toMatchObject({ Seksi: 'Tanpa disposisi' });
    // Dates are Excel's own, shown in Indonesian; a row that has none has no cell.
    const cellOf = (row: number, h: string) => ws.getRow(row).getCell((header as string[]).indexOf(h) + 1);
    expect([cellOf(5, 'Tanggal diterima').type, cellOf(5, 'Tanggal diterima').numFmt]).toEqual([ExcelJS.ValueType.Date, DATE_FORMAT]);
    expect([cellOf(8, 'Tanggal selesai').type, cellOf(8, 'Tanggal selesai').numFmt]).toEqual([ExcelJS.ValueType.Date, DATE_FORMAT]);
    // Still open: no closing date, and no cell at all for it, its length or Tepat waktu.
    expect(formula).toMatchObject({ 'Tanggal selesai': null, 'Lama sejak diterima (hari kerja)': null, 'Tepat waktu': null });
    expect([cellOf(5, 'Tanggal selesai').type, cellOf(5, 'Lama sejak diterima (hari kerja)').type]).toEqual([ExcelJS.ValueType.Null, ExcelJS.ValueType.Null]);
  });

  it('keeps a subject that looks like a formula as text', async () => {
    const wb = await readXlsx((await registerFile(s.camat, { year: 2026, sort: 'registerNo', dir: 'asc' })).file);
    const ws = wb.getWorksheet('Register')!;
    const col = (rowValues(ws, 4) as string[]).indexOf('Perihal') + 1;
    const cell = ws.getRow(5).getCell(col);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(FORMULA);
    expect(cell.formula).toBeUndefined();
  });

  it('gives a Kasi no personal-data columns and no complaint text beyond the register', async () => {
    const wb = await readXlsx((await registerFile(s.kasi, { sort: 'registerNo', dir: 'asc' })).file);
    const ws = wb.getWorksheet('Register')!;
    const header = rowValues(ws, 4) as string[];
    for (const h of [...PERSONAL, 'Uraian']) expect(header).not.toContain(h);
    expect(header).toEqual(['No.', 'No. Register', 'Tanggal diterima', 'Jenis', 'Kanal', 'Kategori', 'Perihal', 'Seksi', 'Status', 'Tanggal selesai', 'Lama sejak diterima (hari kerja)', 'Tepat waktu', 'Kepuasan', 'ID LAPOR!']);
    expect(ws.autoFilter).toBe('A4:N4');
    // Narrower without the reporter's columns and Uraian: still two pages wide, but at 100 %.
    expect(ws.pageSetup).toMatchObject({ paperSize: 14, scale: 100, pageOrder: 'overThenDown', printTitlesColumn: 'A:B', showGridLines: true });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    const flat = JSON.stringify(tableOf(ws));
    expect(flat).not.toMatch(/Siti Aminah|3514015506800002|081234567890|Dusun Krajan RT 02|Rahmat|Pungutan/);
    expect(tableOf(ws).length).toBeGreaterThan(0);
    expect(ws.rowCount).toBe(4 + tableOf(ws).length);
  });

  it('prints on A4 where the office prints its documents on A4', async () => {
    const settings = await ok(t.core, s.admin, 'documents.settings', {});
    const a4 = await ok(t.core, s.admin, 'documents.updateSettings', { ...settings, paper: 'A4' });
    try {
      const register = (await readXlsx((await registerFile(s.kasi, { sort: 'registerNo', dir: 'asc' })).file)).getWorksheet('Register')!;
      // The narrower page: two pages wide at 91 % (No. to Perihal, then No., No. Register and Seksi to ID LAPOR!).
      expect(register.pageSetup).toMatchObject({ paperSize: 9, scale: 91 });
      const recap = await readXlsx(await ok(t.core, s.camat, 'reports.recapXlsx', { year: 2026 }));
      const ikm = await readXlsx(await ok(t.core, s.camat, 'skm.exportXlsx', { year: 2026 }));
      for (const ws of [...recap.worksheets, ...ikm.worksheets]) expect(ws.pageSetup.paperSize, ws.name).toBe(9);
    } finally {
      await ok(t.core, s.admin, 'documents.updateSettings', { ...a4, paper: 'F4' });
    }
  });

  it('follows the filter, belongs to its session, and is recorded in the audit trail', async () => {
    const { total, file } = await registerFile(s.sekcam, { channel: 'whatsapp' });
    expect(total).toBe(1);
    // Named by its filter (never its search words) and the day.
    expect(file.fileName).toBe('register-pengaduan-semua-tahun-kanal-whatsapp-2026-11-04.xlsx');
    expect((await registerFile(s.sekcam, { year: 2026, month: 11, q: 'Siti' })).file.fileName).toBe('register-pengaduan-diterima-november-2026-dengan-kata-kunci-2026-11-04.xlsx');
    const { jobId } = await ok(t.core, s.camat, 'complaints.exportXlsx', {});
    expect((await fail(t.core, s.sekcam, 'exports.status', { jobId })).code).toBe('not_found');
    expect((await fail(t.core, s.admin, 'complaints.exportXlsx', {})).code).toBe('forbidden');
    const trail = await ok(t.core, s.camat, 'audit.list', { category: 'audit', offset: 0, limit: 50 });
    const exported = trail.rows.filter((r) => r.action === 'report.register_exported');
    expect(exported.length).toBeGreaterThanOrEqual(4);
    expect(exported.map((r) => r.detail)).toEqual(expect.arrayContaining([expect.stringMatching(/kanal WhatsApp; 1 baris; dengan data pribadi pelapor/)]));
    expect(exported.find((r) => r.actorName === 'kasi')?.detail).not.toMatch(/data pribadi/);
  });

  it('refuses a month without its year rather than export every year, and names no search for punctuation alone', async () => {
    // A month filters only with its year: alone it was dropped, and the whole register
    // (with the reporters' identity) went out as "semua tahun".
    for (const filter of [{ month: 5 }, { month: 3, dateOf: 'selesai' as const }]) {
      const refused = await fail(t.core, s.camat, 'complaints.exportXlsx', filter);
      expect(refused).toMatchObject({ code: 'validation', message: 'Bulan dipilih tanpa tahun: pilih tahunnya juga.', fields: { month: 'Bulan dipilih tanpa tahun: pilih tahunnya juga.' } });
      expect((await fail(t.core, s.staf, 'complaints.list', filter)).fields).toEqual({ month: 'Bulan dipilih tanpa tahun: pilih tahunnya juga.' });
    }
    expect((await registerFile(s.camat, { year: 2026, month: 11 })).total).toBe(4);
    // "/" holds no word to search: every row, and the file says no search was made.
    const { total, file } = await registerFile(s.camat, { q: '/' });
    expect(total).toBe(4);
    expect(file.fileName).toBe('register-pengaduan-semua-tahun-2026-11-04.xlsx');
    expect(String(rowValues((await readXlsx(file)).getWorksheet('Register')!, 2)[0])).toBe('Buku Register Pengaduan — semua tahun');
  });
});

describe("register export of the dashboard's figures", () => {
  it('names a step done and lateness at a month end in the title, month names as written', async () => {
    // Step 1 is done by saving each of the four, in November.
    const done = await registerFile(s.camat, { langkah: { no: 1, dari: '2026-11', sampai: '2026-11' } });
    expect(done.total).toBe(4);
    expect(String(rowValues((await readXlsx(done.file)).getWorksheet('Register')!, 2)[0])).toBe('Buku Register Pengaduan — semua tahun, langkah 1 selesai, November 2026');
    const late = await registerFile(s.camat, { keadaan: 'terlambat', akhirBulan: '2026-10' });
    expect(late.total).toBe(0);
    const empty = (await readXlsx(late.file)).getWorksheet('Register')!;
    expect(String(rowValues(empty, 2)[0])).toBe('Buku Register Pengaduan — semua tahun, terlambat pada akhir Oktober 2026');
    // Under the header row, a blank row and the word that nothing matched.
    expect(String(rowValues(empty, headerRowOf(empty) + 2)[0])).toBe('Nihil: tidak ada pengaduan yang cocok dengan filter ini.');
  });
});

describe('register export builds', () => {
  it('build two at a time in the office; Batal or a new export from the same session stops a build and frees its place', async () => {
    // No call below lets the event loop turn, so no build can finish meanwhile.
    const first = await ok(t.core, s.camat, 'complaints.exportXlsx', {});
    const second = await ok(t.core, s.sekcam, 'complaints.exportXlsx', {});
    const third = await fail(t.core, s.staf, 'complaints.exportXlsx', {});
    expect(third.code).toBe('rate_limited');
    expect(third.message).toMatch(/sedang menyusun dua berkas Excel lain/);
    // Another session's Batal leaves the job as it is.
    await ok(t.core, s.staf, 'exports.cancel', { jobId: second.jobId });
    expect((await ok(t.core, s.sekcam, 'exports.status', { jobId: second.jobId })).total).toBe(second.total);
    // The Camat's Batal drops his job and frees its place.
    await ok(t.core, s.camat, 'exports.cancel', { jobId: first.jobId });
    expect((await fail(t.core, s.camat, 'exports.status', { jobId: first.jobId })).code).toBe('not_found');
    const staf = await ok(t.core, s.staf, 'complaints.exportXlsx', {});
    // A new export from the same session replaces its job: still two building.
    const again = await ok(t.core, s.staf, 'complaints.exportXlsx', { year: 2026 });
    expect((await fail(t.core, s.staf, 'exports.status', { jobId: staf.jobId })).code).toBe('not_found');
    expect((await fail(t.core, s.camat, 'complaints.exportXlsx', {})).code).toBe('rate_limited');
    for (const [who, jobId] of [[s.sekcam, second.jobId], [s.staf, again.jobId]] as const) {
      while (!(await ok(t.core, who, 'exports.status', { jobId })).ready) await new Promise((r) => setTimeout(r, 5));
      await ok(t.core, who, 'exports.file', { jobId });
    }
    expect((await ok(t.core, s.camat, 'complaints.exportXlsx', {})).total).toBe(first.total);
    await ok(t.core, s.camat, 'exports.cancel', { jobId: (await ok(t.core, s.camat, 'complaints.exportXlsx', {})).jobId });
  });

  it('refuses a new export while two others build, and keeps the file the session has ready', async () => {
    const { jobId } = await ok(t.core, s.staf, 'complaints.exportXlsx', { keadaan: 'belum_selesai' });
    while (!(await ok(t.core, s.staf, 'exports.status', { jobId })).ready) await new Promise((r) => setTimeout(r, 5));
    const others = [await ok(t.core, s.camat, 'complaints.exportXlsx', {}), await ok(t.core, s.sekcam, 'complaints.exportXlsx', {})];
    expect((await fail(t.core, s.staf, 'complaints.exportXlsx', {})).code).toBe('rate_limited');
    const file = await ok(t.core, s.staf, 'exports.file', { jobId });
    const ws = (await readXlsx(file)).getWorksheet('Register')!;
    // The file says which complaints it holds.
    expect(String(rowValues(ws, 2)[0])).toBe('Buku Register Pengaduan — semua tahun, belum selesai saat diunduh');
    const trail = await ok(t.core, s.camat, 'audit.list', { category: 'audit', offset: 0, limit: 5 });
    expect(trail.rows.find((r) => r.action === 'report.register_exported')?.detail).toMatch(/belum selesai saat diunduh/);
    await ok(t.core, s.camat, 'exports.cancel', { jobId: others[0]!.jobId });
    await ok(t.core, s.sekcam, 'exports.cancel', { jobId: others[1]!.jobId });
  });

  it('stops between its last chunk and the zipping once its job is dropped', async () => {
    const camat = resolveSession(t.core.deps, s.camat.token!).user!;
    const few = registerIds(t.core.db, camat, {}, 100, NOW());
    const progress = { done: 0, total: few.length };
    const stop = new AbortController();
    const heading = { officeName: 'Kecamatan', title: 'Buku Register Pengaduan', fileName: 'register-pengaduan-2026-11-04.xlsx' };
    const built = registerWorkbook(t.core.db, camat, officeCalendar(t.core.db), few, heading, progress, stop.signal);
    // Every row written (one chunk), the build waiting for its turn to zip: dropped then.
    await new Promise<void>((resolve) => {
      const check = () => (progress.done === few.length ? resolve() : setImmediate(check));
      check();
    });
    stop.abort();
    await expect(built).rejects.toMatchObject({ code: 'conflict' });
  });

  it('stops at its next chunk once its job is dropped', async () => {
    const camat = resolveSession(t.core.deps, s.camat.token!).user!;
    const all = registerIds(t.core.db, camat, {}, 100, NOW());
    const many = Array.from({ length: 600 }, (_, i) => all[i % all.length]!);
    const progress = { done: 0, total: many.length };
    const stop = new AbortController();
    const heading = { officeName: 'Kecamatan', title: 'Buku Register Pengaduan', fileName: 'register-pengaduan-2026-11-04.xlsx' };
    const built = registerWorkbook(t.core.db, camat, officeCalendar(t.core.db), many, heading, progress, stop.signal);
    stop.abort();
    await expect(built).rejects.toMatchObject({ code: 'conflict' });
    expect(progress.done).toBe(0);
    // Not stopped, the same build writes every row.
    const whole = { done: 0, total: many.length };
    await registerWorkbook(t.core.db, camat, officeCalendar(t.core.db), many, heading, whole, new AbortController().signal);
    expect(whole.done).toBe(600);
  });
});

describe('register export ids', () => {
  const viewer = (who: SessionCarrier) => resolveSession(t.core.deps, who.token!).user!;

  it('run from the oldest number when sorted by number or date, however the screen shows them', async () => {
    const numbers = async (filter: CallInput<'complaints.exportXlsx'>) =>
      tableOf((await readXlsx((await registerFile(s.camat, filter)).file)).getWorksheet('Register')!).map((r) => [r['No.'], r['No. Register']]);
    const listed = (await ok(t.core, s.camat, 'complaints.list', { year: 2026, sort: 'registerNo', dir: 'asc', offset: 0, limit: 200 })).rows.map((r) => r.registerNo);
    const book = listed.map((no, i) => [i + 1, no]);
    expect(book).toHaveLength(4);
    expect(await numbers({ year: 2026 })).toEqual(book);
    expect(await numbers({ year: 2026, sort: 'registerNo', dir: 'desc' })).toEqual(book);
    expect(await numbers({ year: 2026, sort: 'receivedAt', dir: 'desc' })).toEqual(book);
    // By name: as the screen lists them.
    const byName = (await ok(t.core, s.camat, 'complaints.list', { year: 2026, sort: 'reporterName', dir: 'desc', offset: 0, limit: 200 })).rows.map((r, i) => [i + 1, r.registerNo]);
    expect(byName).not.toEqual(book);
    expect(await numbers({ year: 2026, sort: 'reporterName', dir: 'desc' })).toEqual(byName);
  });

  it("are the register's own rows in its order, for each role and sort, and a list over the maximum is refused", async () => {
    for (const role of ['camat', 'kasi', 'staf'] as const) {
      for (const filter of [{}, { sort: 'reporterName', dir: 'asc' }, { sort: 'status', dir: 'desc' }, { q: 'KTP' }] as const) {
        const listed = await ok(t.core, s[role], 'complaints.list', { ...filter, offset: 0, limit: 200 });
        expect(registerIds(t.core.db, viewer(s[role]), filter, 100, NOW())).toEqual(listed.rows.map((r) => r.id));
      }
    }
    expect(registerIds(t.core.db, viewer(s.camat), {}, 4, NOW())).toHaveLength(4);
    expect(() => registerIds(t.core.db, viewer(s.camat), {}, 3, NOW())).toThrow(/Ada 4 pengaduan yang cocok; satu unduhan paling banyak 3/);
  });
});

// Perihal and Uraian as offices write them: a subject of one long sentence, a description
// of several, some with line breaks of their own. The register is a book to be printed and
// read: each text whole in its cell, wrapped, its row as tall as it needs and no taller
// than Excel allows.
describe('register export of long texts', () => {
  const SUBJECT = 'Saluran drainase di sepanjang Jalan Raya Kejayan tersumbat sampah dan lumpur sehingga air meluap ke rumah warga dan ke halaman sekolah dasar setiap kali turun hujan deras';
  const SENTENCES = [
    'Sejak awal musim hujan saluran drainase di sepanjang Jalan Raya Kejayan tersumbat oleh sampah rumah tangga, ranting dan lumpur yang terbawa dari persawahan.',
    'Setiap kali turun hujan deras air meluap ke jalan dan masuk ke rumah warga RT 02 dan RT 03 setinggi kurang lebih tiga puluh sentimeter.',
    'Warga sudah dua kali kerja bakti membersihkan saluran, tetapi gorong-gorong di depan pasar terlalu sempit sehingga sampah kembali menumpuk dalam beberapa hari.',
    'Kami mohon kecamatan berkoordinasi dengan dinas terkait agar gorong-gorong diperlebar dan saluran dikeruk sebelum puncak musim hujan.',
  ];
  const LONG = SENTENCES.slice(0, 2).join(' ');
  // Twice as long, with a line break: still under Excel's highest row.
  const LONGER = `${LONG}\n${SENTENCES.slice(2).join(' ')}`;
  // As long as the form takes.
  const ENORMOUS = Array.from({ length: 20 }, () => SENTENCES.join(' ')).join(' ').slice(0, 5000).trim();
  // A description of one line, beside a subject of several.
  const SHORT = 'Mohon segera ditindaklanjuti.';
  // Six short lines: each its own line in the cell, however narrow the text.
  const LINES = 'Kronologi:\n1. Senin pagi saluran meluap.\n2. Selasa air masuk rumah.\n3. Rabu warga kerja bakti.\n4. Kamis sampah menumpuk lagi.\n5. Jumat air meluap lagi.';
  const cases = {
    short: { subject: 'Parkir liar di depan pasar', description: 'Parkir liar menutup jalan.' },
    long: { subject: SUBJECT, description: LONG },
    longer: { subject: SUBJECT, description: LONGER },
    lines: { subject: 'Saluran meluap', description: LINES },
    enormous: { subject: SUBJECT, description: ENORMOUS },
    rahasia: { subject: SUBJECT, description: ENORMOUS, confidential: true },
    // In Calibri 11 its lines are at most 217 px, each within Perihal's 34 units (238 px):
    // "Patok batas tanah kami dipindahkan" / "tetangga. Mediasi di desa belum" /
    // "menghasilkan kesepakatan." (LibreOffice breaks it so). Its Uraian, wider, takes a line.
    threeLines: { subject: 'Patok batas tanah kami dipindahkan tetangga. Mediasi di desa belum menghasilkan kesepakatan.', description: SHORT },
    // As many letters, in capitals: about a third wider.
    capitals: { subject: 'PATOK BATAS TANAH KAMI DIPINDAHKAN TETANGGA. MEDIASI DI DESA BELUM MENGHASILKAN KESEPAKATAN.', description: SHORT },
    // The same words parted by tabs, as a text pasted from a table may be.
    tabs: { subject: 'Patok batas tanah kami dipindahkan tetangga. Mediasi di desa belum menghasilkan kesepakatan.'.replaceAll(' ', '\t'), description: SHORT },
    // "Jalan di depan rumah kami anak-" (196 px) / "anak rusak berat sejak musim hujan" (213 px):
    // the line breaks after the hyphen, as Excel and LibreOffice break it.
    hyphen: { subject: 'Jalan di depan rumah kami anak-anak rusak berat sejak musim hujan', description: SHORT },
  };
  type Case = keyof typeof cases;
  const order = Object.keys(cases) as Case[];
  // Excel's default row, 15 pt at 11 pt text; a row read back without a height of its own has it.
  const LINE = 15;
  // Fewest lines `text` can take in a column `width` wide: no text of 11 pt averages under 5 px
  // a character, and a width unit is 7 px.
  const fewestLines = (text: string, width: number) => text.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil((p.length * 5) / (width * 7))), 0);
  let w: TestCore;
  let camat: SessionCarrier;
  let sekcam: SessionCarrier;
  const made: number[] = [];

  beforeAll(async () => {
    w = makeCore(MONDAY);
    const admin = await setupOffice(w.core);
    const staf = await addUser(w.core, admin, 'staf', 'staf');
    camat = await addUser(w.core, admin, 'camat', 'camat');
    sekcam = await addUser(w.core, admin, 'sekcam', 'sekcam');
    for (const key of order) {
      const { subject, description, confidential = false } = cases[key] as { subject: string; description: string; confidential?: boolean };
      const reporter = { name: 'Siti Aminah', address: 'Desa Kejayan', nik: '3514015506800002', phone: '081234567890', email: '', anonymous: false, confidential };
      made.push((await ok(w.core, staf, 'complaints.create', sampleComplaint({ category: 'ketertiban_umum', subject, description, reporter }))).id);
    }
  }, 120_000);
  afterAll(() => w?.dispose());

  async function register() {
    const viewer = resolveSession(w.core.deps, camat.token!).user!;
    const heading = { officeName: 'Kecamatan', title: 'Buku Register Pengaduan', fileName: 'register-pengaduan-2026-11-02.xlsx' };
    const file = await registerWorkbook(w.core.db, viewer, officeCalendar(w.core.db), made, heading, { done: 0, total: made.length }, new AbortController().signal);
    const ws = (await readXlsx(file)).getWorksheet('Register')!;
    const header = rowValues(ws, headerRowOf(ws)) as string[];
    const row = (key: Case) => ws.getRow(headerRowOf(ws) + 1 + order.indexOf(key));
    const cell = (key: Case, h: string) => row(key).getCell(header.indexOf(h) + 1);
    const width = (h: string) => ws.getColumn(header.indexOf(h) + 1).width!;
    return { ws, row, cell, width };
  }

  it('wraps Perihal and Uraian, each row as tall as its longest text and read from its top', async () => {
    const { row, cell, width } = await register();
    expect(cell('long', 'Uraian').value).toBe(LONG);
    for (const h of ['Perihal', 'Uraian']) expect(cell('long', h).alignment, h).toEqual({ vertical: 'top', wrapText: true });
    // The row's other cells too start at its top, beside the text's first line.
    for (const h of ['No.', 'No. Register', 'Tanggal diterima', 'Status']) expect(cell('long', h).alignment, h).toMatchObject({ vertical: 'top' });
    expect(cell('long', 'Tanggal diterima').numFmt).toBe(DATE_FORMAT);
    // Tall enough for the whole Uraian, and taller for a longer one.
    const long = row('long').height;
    expect(long).toBeGreaterThanOrEqual(fewestLines(LONG, width('Uraian')) * LINE);
    expect(row('longer').height).toBeGreaterThanOrEqual(fewestLines(LONGER, width('Uraian')) * LINE);
    expect(row('longer').height).toBeGreaterThan(long);
    expect(row('longer').height).toBeLessThan(409);
    // Line breaks of its own count as lines, short as they are.
    expect(row('lines').height).toBeGreaterThanOrEqual(6 * LINE);
  });

  it('makes a row as many lines tall as Calibri, at its widths, takes to write the text, and no more', async () => {
    const { row, width } = await register();
    expect(width('Perihal')).toBe(34);
    // Three lines of 15 pt, and 3 pt under the last.
    expect(row('threeLines').height).toBe(3 * LINE + 3);
    expect(row('capitals').height).toBe(4 * LINE + 3);
    expect(row('tabs').height).toBe(3 * LINE + 3);
    expect(row('hyphen').height).toBe(2 * LINE + 3);
  });

  it('keeps the default height for a row whose texts fit one line, and caps an enormous text at Excel\'s highest row', async () => {
    const { row, cell } = await register();
    expect(cell('short', 'Perihal').value).toBe(cases.short.subject);
    expect(row('short').height).toBeUndefined();
    expect(row('enormous').height).toBe(409);
    // A rahasia complaint's texts stay out of the file, and so does the height they would need.
    expect([cell('rahasia', 'Perihal').value, cell('rahasia', 'Uraian').value]).toEqual(['(rahasia)', '(rahasia)']);
    expect(row('rahasia').height).toBeUndefined();
  });

  it("wraps the SP4N-LAPOR! list's Judul the same way", async () => {
    const wb = await readXlsx(await ok(w.core, sekcam, 'reports.laporXlsx', { year: 2026, month: 11 }));
    const ws = wb.getWorksheet('Daftar Pengaduan')!;
    const header = rowValues(ws, headerRowOf(ws)) as string[];
    const rowOf = (subject: string) => ws.getRow(headerRowOf(ws) + 1 + tableOf(ws).findIndex((r) => r.Judul === subject));
    const judul = header.indexOf('Judul') + 1;
    const long = rowOf(SUBJECT);
    expect(long.getCell(judul).alignment).toEqual({ vertical: 'top', wrapText: true });
    expect(long.height).toBeGreaterThanOrEqual(fewestLines(SUBJECT, ws.getColumn(judul).width!) * LINE);
    // A report sheet's one-line rows are set to Excel's own 15 pt, as its pages are planned.
    expect(rowOf(cases.short.subject).height).toBe(15);
    expect(rowOf('(rahasia)').height).toBe(15);
  });
});

// A long list's rows are written straight into the streamed sheet; read back, they must
// be exactly what exceljs's own row writer gives for the same values.
describe('long list rows', () => {
  const values: CellValue[][] = [
    [1, 'Jalan & "gang" <RT 02>', "Pak O'Neil", null, ''],
    [2, '  diawali spasi', 'diakhiri spasi ', 'dua\nbaris', 'tab\tdi tengah'],
    [3, 'kendali \u0007\u001F dibuang, \u007F juga', '=SUM(A1:A2)', '+6281234567890', 'Jalan & "gang" <RT 02>'],
    [4.5, 'aksara: ꦲꦏ꧀ꦱꦫ, 😀', null, null, 'akhir'],
    [null, null, null, null, null],
    [6, '', '', '', ''],
    [7, new Date('2026-11-02T00:00:00.000Z'), null, new Date('1999-12-31T00:00:00.000Z'), 'dua tanggal'],
  ];
  const columns = ['A', 'B', 'C', 'D', 'E'].map((header) => ({ header, width: 12 }));

  async function written(direct: boolean) {
    if (direct) {
      const { wb, bytes } = await newStreamedWorkbook();
      const ws = startSheet(wb, { name: 'Daftar', paper: 'A4', title: ['Kantor', 'Judul'], columns, list: true });
      addListRows(ws, columns, values);
      ws.commit();
      return readXlsx(fileOf(await bytes()));
    }
    // exceljs alone: its own shared strings and its own rows, an empty text left out as
    // Excel leaves a cell nothing was typed in.
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
    const ws = startSheet(wb as unknown as ExcelJS.Workbook, { name: 'Daftar', paper: 'A4', title: ['Kantor', 'Judul'], columns, list: true });
    for (const v of values) {
      // eslint-disable-next-line no-control-regex
      const row = ws.addRow(v.map((x) => (typeof x === 'string' ? x.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '') || null : x)));
      v.forEach((x, i) => void (x instanceof Date && (row.getCell(i + 1).numFmt = DATE_FORMAT)));
      row.commit();
    }
    ws.commit();
    await wb.commit();
    return readXlsx(fileOf(Buffer.concat(chunks)));
  }
  const fileOf = (b: Buffer) => ({ dataBase64: b.toString('base64'), mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const cells = (ws: ExcelJS.Worksheet) => {
    const out: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => row.eachCell({ includeEmpty: true }, (c, col) => out.push([n, col, c.type, c.value, c.style])));
    return out;
  };

  it('reads back cell for cell as exceljs writes them, numbering rows on after the header', async () => {
    const [direct, own] = [await written(true), await written(false)];
    const [a, b] = [direct.getWorksheet('Daftar')!, own.getWorksheet('Daftar')!];
    expect(cells(a)).toEqual(cells(b));
    expect(a.rowCount).toBe(b.rowCount);
    expect(a.rowCount).toBe(4 + values.length);
    expect(rowValues(a, 5)).toEqual([1, 'Jalan & "gang" <RT 02>', "Pak O'Neil"]);
    expect(rowValues(a, 6)).toEqual([2, '  diawali spasi', 'diakhiri spasi ', 'dua\nbaris', 'tab\tdi tengah']);
    expect(rowValues(a, 7).slice(1, 3)).toEqual(['kendali  dibuang,  juga', '=SUM(A1:A2)']);
    expect(a.getRow(7).getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(rowValues(a, 9)).toEqual([]);
    expect(rowValues(a, 10)).toEqual([6]);
    expect(rowValues(a, 11)).toEqual([7, new Date('2026-11-02T00:00:00.000Z'), undefined, new Date('1999-12-31T00:00:00.000Z'), 'dua tanggal']);
    expect(a.getRow(11).getCell(2).numFmt).toBe(DATE_FORMAT);
    expect(a.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });

  it('with wrapped columns, reads back as exceljs writes the same cells, alignments and row heights', async () => {
    const wrapped = [...columns.slice(0, 3), { header: 'D', width: 12, wrap: true }, { header: 'E', width: 30, wrap: true }];
    const rows: CellValue[][] = [
      ...values,
      [8, 'pendek', null, 'satu\ndua\ntiga', 'Sebuah uraian yang cukup panjang untuk memenuhi beberapa baris di kolom ini.'],
      [9, new Date('2026-11-02T00:00:00.000Z'), 'x'.repeat(40), 'kata-yang-sangat-panjang-tanpa-spasi', null],
    ];
    const streamed = await newStreamedWorkbook();
    const direct = startSheet(streamed.wb, { name: 'Daftar', paper: 'A4', title: ['Kantor', 'Judul'], columns: wrapped, list: true });
    addListRows(direct, wrapped, rows);
    direct.commit();
    // An in-memory workbook: the same rows through exceljs's own rows.
    const inMemory = await newWorkbook();
    addListRows(startSheet(inMemory, { name: 'Daftar', paper: 'A4', title: ['Kantor', 'Judul'], columns: wrapped, list: true }), wrapped, rows);
    const [a, b] = [
      (await readXlsx(fileOf(await streamed.bytes()))).getWorksheet('Daftar')!,
      (await readXlsx(fileOf(Buffer.from(await inMemory.xlsx.writeBuffer())))).getWorksheet('Daftar')!,
    ];
    expect(cells(a)).toEqual(cells(b));
    const heights = (ws: ExcelJS.Worksheet) => rows.map((_, i) => ws.getRow(5 + i).height);
    expect(heights(a)).toEqual(heights(b));
    // Filled cells read from their row's top; the wrapped columns wrap.
    expect(a.getRow(12).getCell(1).alignment).toEqual({ vertical: 'top' });
    expect(a.getRow(12).getCell(4).alignment).toEqual({ vertical: 'top', wrapText: true });
    expect(a.getRow(13).getCell(2)).toMatchObject({ numFmt: DATE_FORMAT, alignment: { vertical: 'top' } });
    // One line: the default row; three lines of its own, or a word over two lines: taller.
    expect(heights(a)[0]).toBeUndefined();
    expect(heights(a).slice(-2).every((h) => h !== undefined && h > 15)).toBe(true);
  });
});

describe('buku rekap files', () => {
  it('puts every table on its own sheet with the recap totals under a frozen header', async () => {
    const recap = await ok(t.core, s.kasi, 'reports.recap', { year: 2026, month: 11 });
    const wb = await readXlsx(await ok(t.core, s.kasi, 'reports.recapXlsx', { year: 2026, month: 11 }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Kanal', 'Kategori', 'Jenis', 'Seksi', 'Tahap', 'Hasil', 'Langkah']);
    const totalsOf = (name: string) => {
      const rows = tableOf(wb.getWorksheet(name)!);
      return rows.find((r) => Object.values(r).includes('Jumlah'))!;
    };
    expect(rowValues(wb.getWorksheet('Kanal')!, 1)).toEqual([recap.officeName]);
    expect(String(rowValues(wb.getWorksheet('Kanal')!, 2)[0])).toContain(recap.periodLabel);
    // November is running (4 November): the file says as of when it counts.
    expect(rowValues(wb.getWorksheet('Kanal')!, 3)).toEqual(['Periode ini masih berjalan: yang belum selesai dan yang terlambat dihitung per 4 November 2026.']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 5 });
      // Each table one page wide, its header row again on every page, every page numbered.
      expect(ws.pageSetup, ws.name).toMatchObject({ paperSize: 14, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:5' });
      expect(ws.pageSetup.margins, ws.name).toMatchObject({ left: 0.25, right: 0.25 });
      expect(ws.headerFooter, ws.name).toMatchObject({ oddFooter: '&CHalaman &P dari &N' });
      // Under each table, how the working time and its median are counted: wrapped across
      // the table's width in a row tall enough for it, so that it neither runs on past the
      // table nor, printed, shrinks the table to make room for itself.
      const noteRow = ws.getSheetValues().findIndex((r) => Array.isArray(r) && r[1] === RECAP_NOTE);
      expect(noteRow, ws.name).toBeGreaterThan(0);
      const columns = (rowValues(ws, 5) as string[]).length;
      expect(ws.getCell(noteRow, columns).master.address, ws.name).toBe(`A${noteRow}`);
      expect(ws.getCell(noteRow, 1).alignment, ws.name).toMatchObject({ wrapText: true });
      expect(ws.getRow(noteRow).height, ws.name).toBeGreaterThanOrEqual(2 * 12);
      // The header row holds its longest header whole: three lines, and four where
      // "Rata-rata batas waktu (menit kerja)" takes four in its column.
      expect(ws.getRow(5).height, ws.name).toBe(ws.name === 'Langkah' ? 4 * 15 + 3 : 45);
    }
    expect(totalsOf('Ringkasan')).toMatchObject({ Diterima: recap.total.received, Selesai: recap.total.finished, 'Belum selesai pada akhir periode': recap.total.openAtEnd });
    for (const d of RECAP_DIMENSIONS) {
      const table = recap.tables.find((x) => x.dimension === d)!;
      const sheet = { channel: 'Kanal', category: 'Kategori', kind: 'Jenis', seksi: 'Seksi', stage: 'Tahap', outcome: 'Hasil' }[d];
      expect(totalsOf(sheet), d).toMatchObject({ Diterima: table.total.received, Selesai: table.total.finished, Puas: table.total.puas });
      expect(tableOf(wb.getWorksheet(sheet)!).length, d).toBe(table.rows.length + 1);
    }
    // The steps done are counted by month only: the month table has them, the others leave
    // those columns out rather than show a dash in every row under a total.
    const headersOf = (name: string) => rowValues(wb.getWorksheet(name)!, 5) as string[];
    expect(headersOf('Ringkasan')).toEqual(expect.arrayContaining(['Langkah selesai', 'Langkah tepat waktu']));
    for (const sheet of ['Kanal', 'Kategori', 'Jenis', 'Seksi', 'Tahap', 'Hasil']) expect(headersOf(sheet), sheet).not.toContain('Langkah selesai');
    // Tahap and Hasil are as the complaints stand today, not at the period's end.
    expect(['Kanal', 'Seksi', 'Tahap', 'Hasil'].map((sheet) => headersOf(sheet)[0])).toEqual(['Kanal', 'Seksi', 'Tahap saat rekap dibuat', 'Hasil saat rekap dibuat']);
    // Each step's limit as the standard writes it, beside the working minutes it averaged
    // and those it was allowed (a step of 15 minutes reads 15, not 0,3 hours).
    const steps = tableOf(wb.getWorksheet('Langkah')!);
    expect(steps.slice(0, recap.steps.length).map((r) => r['Batas waktu menurut standar'])).toEqual(recap.steps.map((x) => x.limit));
    expect(steps.map((r) => r['Batas waktu menurut standar']).slice(0, 2)).toEqual(['15 menit', '30 menit']);
    const timed = recap.steps.filter((x) => x.avgWorkMinutes !== null);
    expect(timed.length).toBeGreaterThan(0);
    for (const x of timed) {
      expect(steps[recap.steps.indexOf(x)]).toMatchObject({ 'Rata-rata lama (menit kerja)': Math.round(x.avgWorkMinutes!), 'Rata-rata batas waktu (menit kerja)': Math.round(x.limitMinutes!) });
    }
    expect(recap.total.received).toBe(4);
    const channel = tableOf(wb.getWorksheet('Kanal')!);
    expect(channel.find((r) => r.Kanal === 'SP4N-LAPOR!')).toMatchObject({ Diterima: 1 });
  });

  it('writes one table as CSV that Excel opens in columns', async () => {
    const recap = await ok(t.core, s.camat, 'reports.recap', { year: 2026 });
    const file = await ok(t.core, s.camat, 'reports.recapCsv', { year: 2026, table: 'channel' });
    expect(file.mime).toBe('text/csv;charset=utf-8');
    const text = Buffer.from(file.dataBase64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n').map((l) => l.split(';').map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"')));
    expect(lines[0]).toEqual([recap.officeName]);
    const header = lines.find((l) => l[0] === 'Kanal')!;
    expect(header.slice(0, 3)).toEqual(['Kanal', 'Diterima', 'Selesai']);
    const table = recap.tables.find((x) => x.dimension === 'channel')!;
    expect(lines.at(-1)!.slice(0, 3)).toEqual(['Jumlah', String(table.total.received), String(table.total.finished)]);
    expect(lines.filter((l) => l[0] === 'SP4N-LAPOR!')).toEqual([expect.arrayContaining(['SP4N-LAPOR!', '1'])]);
  });
});

describe('monthly report to SP4N-LAPOR!', () => {
  it('sums the month by channel and lists its complaints without personal data', async () => {
    const recap = await ok(t.core, s.sekcam, 'reports.recap', { year: 2026, month: 11 });
    const wb = await readXlsx(await ok(t.core, s.sekcam, 'reports.laporXlsx', { year: 2026, month: 11 }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Rekap', 'Daftar Pengaduan']);
    const figures = Object.fromEntries(tableOf(wb.getWorksheet('Rekap')!).map((r) => [r.Uraian, r.Jumlah]));
    expect(figures).toMatchObject({
      'Diterima melalui SP4N-LAPOR!': 1,
      'Diterima melalui WhatsApp': 1,
      'Diterima melalui Email': 0,
      'Jumlah diterima': recap.total.received,
      'Selesai ditangani': recap.total.finished,
      'Masih dalam proses per 4 November 2026': recap.total.openAtEnd,
    });
    const list = tableOf(wb.getWorksheet('Daftar Pengaduan')!);
    expect(list).toHaveLength(4);
    const lapor = list.find((r) => r['ID Pelacakan LAPOR!'] === LAPOR_ID)!;
    expect(lapor).toMatchObject({ Judul: '(rahasia)', Klasifikasi: 'Aspirasi', Kanal: 'SP4N-LAPOR!' });
    expect(list.find((r) => r.Judul === 'Iklan toko ditempel di balai desa')).toMatchObject({
      'Tanggal diterima': day('2026-11-02'),
      'Status tindak lanjut': 'Ditolak',
      'Tanggal selesai': day('2026-11-04'),
      'Lama penyelesaian (hari kerja)': 2,
    });
    expect(list.filter((r) => r['Tanggal selesai'] === null)).toHaveLength(3);
    expect(wb.getWorksheet('Daftar Pengaduan')!.getRow(headerRowOf(wb.getWorksheet('Daftar Pengaduan')!) + 1).getCell(4).numFmt).toBe(DATE_FORMAT);
    const everything = JSON.stringify(wb.worksheets.map(tableOf));
    expect(everything).not.toMatch(/Siti Aminah|Budi|Rahmat|3514|0812|0857|0813|Krajan RT/);
    expect((await fail(t.core, s.kasi, 'reports.laporXlsx', { year: 2026, month: 11 })).code).toBe('forbidden');
    // A month not begun has no report.
    const ahead = await fail(t.core, s.sekcam, 'reports.laporXlsx', { year: 2026, month: 12 });
    expect(ahead).toMatchObject({ code: 'validation', message: 'Desember 2026 belum berjalan (hari ini 4 November 2026); laporannya dapat dibuat mulai bulan itu.' });
  });

  it("lists a past month's complaints as they stood at its end, as its Rekap counts them", async () => {
    t.clock.set('2026-12-02T03:00:00.000Z');
    for (const role of ['sekcam', 'camat'] as const) await ok(t.core, s[role], 'auth.login', { username: role, password: 'kata-sandi-123' });
    await ok(t.core, s.camat, 'workflow.exit', { id: ids.anonim, exit: 'ditolak', note: 'Bukan kewenangan kecamatan.' });
    const recap = await ok(t.core, s.sekcam, 'reports.recap', { year: 2026, month: 11 });
    const wb = await readXlsx(await ok(t.core, s.sekcam, 'reports.laporXlsx', { year: 2026, month: 11 }));
    const figures = Object.fromEntries(tableOf(wb.getWorksheet('Rekap')!).map((r) => [r.Uraian, r.Jumlah]));
    expect(figures).toMatchObject({ 'Selesai ditangani': 1, 'Masih dalam proses pada akhir bulan': 3 });
    const sheet = wb.getWorksheet('Daftar Pengaduan')!;
    const list = tableOf(sheet);
    // Refused on 2 December: in process at November's end, with no closing yet.
    expect(list.find((r) => r.Kanal === 'WhatsApp')).toMatchObject({ 'Status tindak lanjut': 'Dalam proses', 'Tanggal selesai': null, 'Lama penyelesaian (hari kerja)': null });
    expect(list.find((r) => r.Judul === 'Iklan toko ditempel di balai desa')).toMatchObject({ 'Status tindak lanjut': 'Ditolak', 'Tanggal selesai': day('2026-11-04') });
    expect(list.filter((r) => r['Status tindak lanjut'] === 'Dalam proses')).toHaveLength(recap.total.openAtEnd!);
    const notes = JSON.stringify(sheet.getSheetValues());
    expect(notes).toContain('menurut keadaan pada akhir November 2026; pengaduan yang selesai sesudahnya tercatat \\"Dalam proses\\".');
  });
});

import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportSignOff } from '../../shared/reports/signOff';
import { addNote, addRows, addSignOff, newWorkbook, startSheet, type SheetColumn } from '../../main/core/reports/workbook';
import type { TestCore } from '../support/core';
import { paperOffice } from './paper';

// The end of every report the office hands in: the buku rekap, the IKM and the monthly
// report to SP4N-LAPOR!, on screen for printing and in each of their sheets, with the
// place and the day and the head of office's block to sign by hand; and the sheets laid
// out so that the block prints whole, with rows of its table.

let t: TestCore | undefined;
afterEach(() => t?.dispose());
// Tue 24 Nov 2026, 09.00 WIB.
const office = () => paperOffice('kejayan', '2026-11-24T02:00:00.000Z', (core) => (t = core));

const CAMAT: ReportSignOff = {
  placeDate: 'Kejayan, 24 November 2026',
  signature: {
    caption: ['CAMAT KEJAYAN,'],
    name: 'Drs. Imam Santoso, M.Si.',
    after: ['Pembina (IV/a)', 'NIP 19710405 199303 1 006'],
    // Signed by hand on the paper: the specimen uploaded for letters is not printed here.
    image: '',
    official: true,
    stamp: true,
  },
};

async function workbookOf(file: { dataBase64: string }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

// The block as a sheet reads it: the lines from the place and date on, each with the cell
// that holds it, and where the table's columns end.
function signOffIn(ws: ExcelJS.Worksheet, placeDate: string) {
  let at = 0;
  ws.eachRow((row, n) => {
    row.eachCell((cell) => {
      if (cell.value === placeDate) at = n;
    });
  });
  expect(at, ws.name).toBeGreaterThan(0);
  const lines: { text: string; cell: ExcelJS.Cell }[] = [];
  for (let r = at; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cell = [...Array(row.cellCount).keys()].map((i) => row.getCell(i + 1)).find((c) => c.value !== null && c.value !== undefined && c.master === c);
    lines.push({ text: cell ? String(cell.value) : '', cell: cell ?? row.getCell(1) });
  }
  return { lines, texts: lines.map((l) => l.text), columns: ws.columns.length };
}

function expectBlock(ws: ExcelJS.Worksheet, s: ReportSignOff) {
  const { lines, texts, columns } = signOffIn(ws, s.placeDate);
  // Place and date, caption, four rows to sign in, the name and its lines.
  expect(texts, ws.name).toEqual([s.placeDate, ...s.signature.caption, '', '', '', '', s.signature.name, ...s.signature.after]);
  const name = lines[1 + s.signature.caption.length + 4]!.cell;
  // An official's name bold and underlined, a line to write one on plain.
  expect([Boolean(name.font.bold), Boolean(name.font.underline)], ws.name).toEqual([s.signature.official, s.signature.official]);
  // Centred across the table's last columns, its right edge the table's.
  for (const { cell } of lines.filter((l) => l.text !== '')) {
    expect(cell.alignment, ws.name).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell(Number(cell.row), columns).master.address, ws.name).toBe(cell.address);
  }
}

// The sheet's manual page breaks (<rowBreaks>): exceljs does not read them back.
function rowBreaks(xlsx: Uint8Array, sheetNo: number): number[] {
  const xml = strFromU8(unzipSync(xlsx)[`xl/worksheets/sheet${sheetNo}.xml`]!);
  return [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
}

describe('report sign-off', () => {
  it('ends the buku rekap, the IKM and the SP4N-LAPOR! report with the Camat’s block, dated the day they are made', async () => {
    const o = await office();
    await o.record();
    const recap = await o.act('staf', 'reports.recap', { year: 2026, month: 11 });
    expect(recap.signOff).toEqual(CAMAT);
    expect((await o.act('staf', 'skm.summary', { year: 2026 })).signOff).toEqual(CAMAT);

    const rekap = await workbookOf(await o.act('kasi1', 'reports.recapXlsx', { year: 2026, month: 11 }));
    expect(rekap.worksheets).toHaveLength(8);
    for (const ws of rekap.worksheets) {
      expectBlock(ws, CAMAT);
      // A page after the first says whose report it is; the first has the title lines.
      expect(ws.headerFooter, ws.name).toMatchObject({ differentFirst: true, oddHeader: expect.stringContaining(recap.officeName) });
      expect(ws.headerFooter.oddHeader, ws.name).toContain(`Buku Rekap Pengaduan: `);
      expect(ws.headerFooter.firstHeader ?? '', ws.name).toBe('');
    }
    const lapor = await workbookOf(await o.act('sekcam', 'reports.laporXlsx', { year: 2026, month: 11 }));
    for (const ws of lapor.worksheets) expectBlock(ws, CAMAT);
    const ikm = await workbookOf(await o.act('staf', 'skm.exportXlsx', { year: 2026, month: 11 }));
    expect(ikm.worksheets.map((w) => w.name)).toEqual(['IKM', 'Per bulan', 'Profil responden']);
    for (const ws of ikm.worksheets) expectBlock(ws, CAMAT);
    // A month's one row is not repeated as its total.
    const months: unknown[] = [];
    ikm.getWorksheet('Per bulan')!.eachRow((row) => void months.push(row.getCell(1).value));
    expect(months).toContain('November');
    expect(months).not.toContain('November 2026');

    // A narrow table prints upright on the office's paper; a wide one turned.
    expect(lapor.getWorksheet('Rekap')!.pageSetup).toMatchObject({ orientation: 'portrait', paperSize: 14 });
    expect(lapor.getWorksheet('Daftar Pengaduan')!.pageSetup).toMatchObject({ orientation: 'landscape' });
    expect(ikm.getWorksheet('IKM')!.pageSetup).toMatchObject({ orientation: 'portrait' });
    expect(ikm.getWorksheet('Per bulan')!.pageSetup).toMatchObject({ orientation: 'landscape' });

    // At 01.00 WIB on Wednesday (still Tuesday in UTC) it is dated Wednesday, the office's day.
    o.clock.set('2026-11-24T18:00:00.000Z');
    expect((await o.act('camat', 'reports.recap', { year: 2026, month: 11 })).signOff.placeDate).toBe('Kejayan, 25 November 2026');

    // The register taken out for work is not a report handed in: no block.
    const { jobId } = await o.act('camat', 'complaints.exportXlsx', {});
    while (!(await o.act('camat', 'exports.status', { jobId })).ready) await new Promise((r) => setTimeout(r, 5));
    const register = await workbookOf(await o.act('camat', 'exports.file', { jobId }));
    const texts: unknown[] = [];
    register.worksheets[0]!.eachRow((row) => row.eachCell((c) => void texts.push(c.value)));
    expect(texts).toContain('Jalan desa rusak di Dusun Krajan');
    expect(texts).not.toContain(CAMAT.placeDate);
    expect(texts).not.toContain('CAMAT KEJAYAN,');
  });

  it('is signed by the Plh. on a day the Camat is away, and leaves a line for the name when no one signs', async () => {
    const o = await office();
    const [plh] = await o.act('admin', 'officials.add', { userId: o.ids.sekcam!, kind: 'plh', from: '2026-11-24', to: '2026-11-24' });
    expect((await o.act('staf', 'reports.recap', { year: 2026 })).signOff.signature).toEqual({
      caption: ['Plh. CAMAT KEJAYAN', 'SEKRETARIS KECAMATAN,'],
      name: 'Bambang Hartono, S.Sos.',
      after: ['Pembina (IV/a)', 'NIP 19760811 199803 1 005'],
      image: '',
      official: true,
      stamp: true,
    });
    // The appointment is for the office's Tuesday: at 01.00 WIB on Wednesday (Tuesday in
    // UTC) the Camat is back.
    o.clock.set('2026-11-24T18:00:00.000Z');
    expect((await o.act('staf', 'reports.recap', { year: 2026 })).signOff.signature.name).toBe(CAMAT.signature.name);

    // No Camat in office and no one appointed: a line to write the name on.
    await o.act('admin', 'officials.remove', { id: plh!.id });
    const camat = (await o.act('admin', 'users.list', {})).find((u) => u.role === 'camat')!;
    await o.act('admin', 'users.update', { id: camat.id, rowVersion: camat.rowVersion, user: { ...camat, active: false } });
    const blank = (await o.act('staf', 'reports.recap', { year: 2026 })).signOff;
    expect(blank.signature).toEqual({ caption: ['CAMAT KEJAYAN,'], name: '(....................................)', after: [], image: '', official: false, stamp: true });
    const ikm = await workbookOf(await o.act('staf', 'skm.exportXlsx', { year: 2026 }));
    expectBlock(ikm.getWorksheet('IKM')!, blank);
  });
});

describe('sign-off on the page', () => {
  const COLUMNS: SheetColumn[] = [
    { header: 'Uraian', width: 40 },
    ...Array.from({ length: 10 }, (_, i): SheetColumn => ({ header: `Angka ${i + 1}`, width: 10, kind: 'int' })),
  ];
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [`Baris ${i + 1}`, ...Array<number>(10).fill(i)]);

  async function sheetWith(n: number, { note = false, signOff = CAMAT, columns = COLUMNS } = {}) {
    const wb = await newWorkbook();
    const ws = startSheet(wb, { name: 'Uji', paper: 'F4', title: ['Kecamatan Kejayan', 'Uji — November 2026'], columns });
    addRows(ws, columns, columns === COLUMNS ? rows(n) : rows(n).map((r) => r.slice(0, columns.length)));
    if (note) addNote(ws, 'Catatan di bawah tabel.');
    addSignOff(ws, signOff);
    return { ws, xlsx: new Uint8Array(await wb.xlsx.writeBuffer()) };
  }

  // The plan the pages follow, F4 turned (the table fits across it at full size): 496 pt of
  // rows a page; the title 18 + 15, a blank row 15, the header 45 (again on every later
  // page), a row 15; the block 10 rows, 150 pt. Every row's height is set so.
  it('lets a block that fits follow its table on the same page', async () => {
    // 93 + 10 × 15 = 243, and the block: 393.
    const { ws, xlsx } = await sheetWith(10);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(rowBreaks(xlsx, 1)).toEqual([]);
    for (let r = 1; r <= ws.rowCount; r++) expect(ws.getRow(r).height, `baris ${r}`).toBe(r === 1 ? 18 : r === 4 ? 45 : 15);
  });

  it('takes the last rows of the table to the next page with a block that would not fit under it', async () => {
    // 93 + 20 × 15 = 393, and the block would end at 543: rows 21–24 go on with it.
    expect(rowBreaks((await sheetWith(20)).xlsx, 1)).toEqual([20]);
  });

  it('ends every page where the plan ends it, so a longer page in Excel cannot leave the block alone', async () => {
    // Rows 5–30 fill page 1 (483 pt); page 2 holds the header, rows 31–44 and the block (405 pt).
    expect(rowBreaks((await sheetWith(40)).xlsx, 1)).toEqual([30]);
  });

  it('carries rows of the table, not only its note, to the page of the block', async () => {
    // Rows 5–30 fill page 1 (483 pt); the blank row and the note under the table would open
    // page 2 with the block: rows 27–30 go with them.
    expect(rowBreaks((await sheetWith(26, { note: true })).xlsx, 1)).toEqual([26]);
  });

  it('stands on the right of the page, widens for a long caption, and wraps a line longer than the page', async () => {
    const kasi: ReportSignOff = {
      ...CAMAT,
      signature: { ...CAMAT.signature, caption: ['Plh. CAMAT KEJAYAN', 'KEPALA SEKSI KETENTERAMAN DAN KETERTIBAN UMUM,'], name: 'Moch. Haris, S.H.' },
    };
    // Columns of 140 on a page about 160 wide: an empty column L of 20 reaches its right edge.
    const wide = (await sheetWith(3, { signOff: kasi })).ws;
    expect(wide.getColumn(12).width).toBe(20);
    const caption = signOffIn(wide, kasi.placeDate).lines[2]!.cell;
    expect(caption.value).toBe('KEPALA SEKSI KETENTERAMAN DAN KETERTIBAN UMUM,');
    // Angka 9–10 and L (width 40) are 280 px across; the caption's 46 capitals are 342 px in
    // Calibri 11, more than Angka 8–10 with L hold (350 px, less the cell's margins): it takes
    // Angka 7–10 with L.
    expect(caption.address).toBe(`H${caption.row}`);
    expect(caption.alignment.wrapText).toBe(false);

    // One column of 30, upright (a page about 102 wide): the block stands in the empty column B.
    const narrow = (await sheetWith(3, { columns: [{ header: 'Uraian', width: 30 }] })).ws;
    expect(narrow.pageSetup.orientation).toBe('portrait');
    expect(narrow.getColumn(2).width).toBe(72);
    expect(signOffIn(narrow, CAMAT.placeDate).lines[0]!.cell.address).toMatch(/^B\d+$/);

    // A caption longer than the page wraps in a taller row.
    const long = 'KEPALA SEKSI PEMBERDAYAAN MASYARAKAT DAN DESA SERTA KETENTERAMAN, KETERTIBAN UMUM DAN PERLINDUNGAN MASYARAKAT,';
    const wrapping = (await sheetWith(3, { signOff: { ...kasi, signature: { ...kasi.signature, caption: ['Plh. CAMAT KEJAYAN', long] } }, columns: [{ header: 'Uraian', width: 30 }] })).ws;
    const wrapped = signOffIn(wrapping, kasi.placeDate).lines[2]!.cell;
    expect(wrapped.value).toBe(long);
    expect(wrapped.alignment.wrapText).toBe(true);
    expect(wrapping.getRow(Number(wrapped.row)).height).toBeGreaterThanOrEqual(2 * 15);
  });
});

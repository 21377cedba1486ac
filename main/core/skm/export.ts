import type { Worksheet } from 'exceljs';
import { SKM_ELEMENT_TEXT, SKM_ELEMENTS, SKM_GRADE_LABEL, SKM_WEIGHT, skmPeriodLabel, skmTotalLabel } from '../../../shared/skm';
import type { SkmPeriod, SkmSummary } from '../../../shared/schemas/skm';
import { MONTHS } from '../../../shared/time/format';
import type { OfficePaper } from '../../../shared/documents/kinds';
import { addNote, addRows, addSignOff, addTableSheet, newWorkbook, startSheet, xlsxFile, type CellValue, type SheetColumn } from '../reports/workbook';

// The IKM the office reports for a month, a triwulan, a semester or a year: one sheet with
// the elements of the period (NRR, NRR tertimbang, IKM and mutu pelayanan), one with each
// month of it, one with the respondents' profile; each ends with the block the head of
// office signs.

const gradeText = (p: SkmPeriod) => (p.grade ? `${p.grade} (${SKM_GRADE_LABEL[p.grade]})` : 'Belum ada responden');

// The workbook's number kinds stop at one decimal; NRR and the index need more.
function formatColumns(ws: Worksheet, formats: Record<number, string>, fromRow: number): void {
  for (let r = fromRow; r <= ws.rowCount; r++) {
    for (const [col, fmt] of Object.entries(formats)) ws.getRow(r).getCell(Number(col)).numFmt = fmt;
  }
}

const ELEMENT_COLUMNS: SheetColumn[] = [
  { header: 'No', width: 6 },
  { header: 'Unsur pelayanan', width: 42 },
  { header: 'NRR per unsur', width: 16, kind: 'decimal' },
  { header: `NRR tertimbang (× ${String(SKM_WEIGHT).replace('.', ',')})`, width: 20, kind: 'decimal' },
];

const MONTH_COLUMNS: SheetColumn[] = [
  { header: 'Bulan', width: 14 },
  { header: 'Responden', width: 12, kind: 'int' },
  ...SKM_ELEMENTS.map((e): SheetColumn => ({ header: `NRR ${e.toUpperCase()}`, width: 10, kind: 'decimal' })),
  { header: 'IKM', width: 10, kind: 'decimal' },
  { header: 'Mutu pelayanan', width: 22 },
];

const PROFILE_COLUMNS: SheetColumn[] = [
  { header: 'Profil', width: 22 },
  { header: 'Keterangan', width: 20 },
  { header: 'Jumlah responden', width: 18, kind: 'int' },
  { header: 'Persentase', width: 12, kind: 'percent' },
];

export async function skmWorkbook(officeName: string, s: SkmSummary, paper: OfficePaper) {
  const wb = await newWorkbook();
  const label = skmPeriodLabel(s.year, s.month, s.part);
  const title = [officeName, 'Indeks Kepuasan Masyarakat (PermenPANRB 14/2017)', `Periode: ${label}`];
  const t = s.total;

  const ws = startSheet(wb, { name: 'IKM', paper, title, columns: ELEMENT_COLUMNS });
  const first = ws.rowCount + 1;
  addRows(
    ws,
    ELEMENT_COLUMNS,
    SKM_ELEMENTS.map((e): CellValue[] => [e.toUpperCase(), SKM_ELEMENT_TEXT[e].name, t.nrr?.[e] ?? null, t.weighted?.[e] ?? null]),
  );
  const index = t.weighted ? SKM_ELEMENTS.reduce((n, e) => n + t.weighted![e], 0) : null;
  addRows(
    ws,
    ELEMENT_COLUMNS,
    [
      [null, 'Jumlah NRR tertimbang (indeks)', null, index],
      [null, 'IKM unit pelayanan (indeks × 25)', null, t.ikm],
      [null, 'Mutu pelayanan', null, gradeText(t)],
      [null, 'Jumlah responden', null, t.respondents],
      [null, 'Di antaranya dari mode kios', null, s.fromKiosk],
    ],
    true,
  );
  formatColumns(ws, { 3: '0.000', 4: '0.0000' }, first);
  ws.getCell(ws.rowCount - 3, 4).numFmt = '0.00';
  ws.getCell(ws.rowCount - 1, 4).numFmt = '#,##0';
  ws.getCell(ws.rowCount, 4).numFmt = '#,##0';
  addNote(ws, 'NRR = jumlah nilai unsur ÷ jumlah responden; mutu: A 88,31–100 Sangat Baik, B 76,61–88,30 Baik, C 65,00–76,60 Kurang Baik, D 25,00–64,99 Tidak Baik.');
  addSignOff(ws, s.signOff);

  const wm = startSheet(wb, { name: 'Per bulan', paper, title, columns: MONTH_COLUMNS });
  const firstMonth = wm.rowCount + 1;
  const monthRow = (label: string, p: SkmPeriod): CellValue[] => [label, p.respondents, ...SKM_ELEMENTS.map((e) => p.nrr?.[e] ?? null), p.ikm, gradeText(p)];
  addRows(wm, MONTH_COLUMNS, s.months.map((p) => monthRow(MONTHS[p.month! - 1]!, p)));
  // The period's total; a month's would repeat its one row.
  if (s.month === null) addRows(wm, MONTH_COLUMNS, [monthRow(skmTotalLabel(s.year, s.part), t)], true);
  formatColumns(wm, Object.fromEntries([...SKM_ELEMENTS.map((_, i) => [i + 3, '0.000']), [12, '0.00']]), firstMonth);
  addSignOff(wm, s.signOff);

  addTableSheet(wb, {
    paper,
    name: 'Profil responden',
    title,
    columns: PROFILE_COLUMNS,
    rows: s.profile.flatMap((g) => g.rows.map((r, i): CellValue[] => [i === 0 ? g.title : null, r.label, r.n, t.respondents ? r.n / t.respondents : null])),
    totals: ['Jumlah responden', null, t.respondents, null],
    signOff: s.signOff,
  });

  return xlsxFile(wb, `IKM-${s.year}${s.month ? `-${String(s.month).padStart(2, '0')}` : s.part ? `-${s.part.toUpperCase()}` : ''}.xlsx`);
}

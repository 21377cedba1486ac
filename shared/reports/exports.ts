import * as z from 'zod';
import { complaintQueryFields } from '../schemas/complaint';
import { monthField, monthWithYear } from '../schemas/common';
import { RECAP_DIMENSIONS, RECAP_DIMENSION_LABEL, recapQuerySchema, type Recap, type RecapFigures, type RecapRow } from './recap';

// What the office downloads from its reports: the buku rekap as XLSX or one table as
// CSV, the register for a filter as XLSX (built as a job, with progress), and the monthly
// report to SP4N-LAPOR! and the Inspektorat.

// The recap's tables by the key the CSV download names: the months, each dimension, the steps.
export const RECAP_TABLES = ['months', ...RECAP_DIMENSIONS, 'steps'] as const;
export type RecapTableKey = (typeof RECAP_TABLES)[number];
export const RECAP_TABLE_LABEL: Record<RecapTableKey, string> = {
  months: 'Ringkasan',
  ...RECAP_DIMENSION_LABEL,
  steps: 'Langkah',
};

export const recapCsvInputSchema = recapQuerySchema.extend({
  table: z.enum(RECAP_TABLES, { error: 'Pilih tabel rekap yang diunduh.' }),
});

// The register's own filter and order, without paging: every matching row.
export const registerExportInputSchema = complaintQueryFields.omit({ offset: true, limit: true }).refine(...monthWithYear);
export type RegisterExportInput = z.input<typeof registerExportInputSchema>;

// One download stays a file Excel opens comfortably; a year of a busy office fits.
export const REGISTER_EXPORT_MAX = 50_000;

export const exportJobIdSchema = z.object({ jobId: z.uuid({ error: 'Nomor unduhan tidak dikenal; mulai unduhan lagi.' }) });
export const exportStartedSchema = z.object({ jobId: z.string(), total: z.number().int().min(0) });
// `done` rows of `total` written; `ready` once the file is complete.
export const exportStatusSchema = z.object({ done: z.number().int().min(0), total: z.number().int().min(0), ready: z.boolean() });
export type ExportStatus = z.infer<typeof exportStatusSchema>;

export const laporQuerySchema = z.object({
  year: recapQuerySchema.shape.year,
  month: monthField('Pilih bulan laporan.'),
});

// The recap's tables as rows and columns, the same on screen, in the XLSX and in the CSV.
export type GridKind = 'text' | 'int' | 'decimal' | 'percent';
export interface GridColumn {
  header: string;
  // In characters, for the XLSX.
  width: number;
  kind: GridKind;
  // A text that may be longer than the column (a step's activity): wrapped in the XLSX.
  wrap?: boolean;
}
export type GridCell = string | number | null;
export interface RecapGrid {
  key: RecapTableKey;
  title: string;
  columns: GridColumn[];
  rows: GridCell[][];
  // The recap's own totals (not a sum of the rows: a median does not add up, and a
  // complaint without a seksi is in the total but in no seksi's row).
  totals: GridCell[];
}

const int = (header: string, width = 11): GridColumn => ({ header, width, kind: 'int' });
const hoursOf = (minutes: number | null) => (minutes === null ? null : Math.round(minutes / 6) / 10);
const minutesOf = (minutes: number | null) => (minutes === null ? null : Math.round(minutes));
// A share of a whole, null when there is no whole.
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

// Each figure's column beside the cell it reads, so the two cannot drift apart. The steps
// done are counted by month only (`byMonth`): the tables by channel, category and so on
// leave those columns out.
interface Figure {
  column: GridColumn;
  cell: (f: RecapFigures) => GridCell;
  byMonth?: true;
}
const FIGURES: Figure[] = [
  { column: int('Diterima'), cell: (f) => f.received },
  { column: int('Selesai'), cell: (f) => f.finished },
  { column: int('Selesai tepat waktu', 12), cell: (f) => f.finishedOnTime },
  { column: { header: '% tepat waktu', width: 10, kind: 'percent' }, cell: (f) => share(f.finishedOnTime, f.finished - f.finishedUntimed) },
  { column: int('Langkah selesai'), cell: (f) => f.stepsDone, byMonth: true },
  { column: int('Langkah tepat waktu', 12), cell: (f) => f.stepsOnTime, byMonth: true },
  { column: { header: 'Rata-rata lama (jam kerja)', width: 13, kind: 'decimal' }, cell: (f) => hoursOf(f.avgWorkMinutes) },
  { column: { header: 'Median lama (jam kerja)', width: 13, kind: 'decimal' }, cell: (f) => hoursOf(f.medianWorkMinutes) },
  { column: int('Belum selesai pada akhir periode', 14), cell: (f) => f.openAtEnd },
  { column: int('Terlambat pada akhir periode', 12), cell: (f) => f.lateAtEnd },
  { column: int('Puas', 8), cell: (f) => f.puas },
  { column: int('Tidak puas', 9), cell: (f) => f.tidakPuas },
];

function figureGrid(key: RecapTableKey, first: string, rows: RecapRow[], total: RecapFigures, title: string): RecapGrid {
  const figures = FIGURES.filter((x) => !x.byMonth || key === 'months');
  const cells = (f: RecapFigures) => figures.map((x) => x.cell(f));
  return {
    key,
    title,
    columns: [{ header: first, width: 40, kind: 'text', wrap: true }, ...figures.map((x) => x.column)],
    rows: rows.map((r) => [r.label, ...cells(r)]),
    totals: ['Jumlah', ...cells(total)],
  };
}

function stepsGrid(recap: Recap): RecapGrid {
  const done = recap.steps.reduce((n, s) => n + s.done, 0);
  const onTime = recap.steps.reduce((n, s) => n + s.onTime, 0);
  return {
    key: 'steps',
    title: 'Langkah Standar Pelayanan',
    columns: [
      int('No.', 6),
      { header: 'Kegiatan', width: 48, kind: 'text', wrap: true },
      { header: 'Batas waktu menurut standar', width: 16, kind: 'text' },
      int('Selesai'),
      int('Tepat waktu'),
      { header: '% tepat waktu', width: 10, kind: 'percent' },
      // In working minutes, not hours: a step of 15 minutes done in 18 reads 18 against 15,
      // where hours of one decimal read 0,3 against 0,3.
      int('Rata-rata lama (menit kerja)', 13),
      int('Rata-rata batas waktu (menit kerja)', 13),
    ],
    rows: recap.steps.map((s) => [s.stepNo, s.activity, s.limit, s.done, s.onTime, share(s.onTime, s.done), minutesOf(s.avgWorkMinutes), minutesOf(s.limitMinutes)]),
    totals: [null, 'Jumlah', null, done, onTime, share(onTime, done), null, null],
  };
}

// Tahap and Hasil are the complaints' state on the day the recap is made, not at the
// period's end: a row "Selesai" may count complaints still open then (RECAP_NOTE), and its
// first column says so. Seksi is of that day too, but a seksi's name says nothing of
// whether a complaint was finished, so its rows cannot read as contradicting their figures.
const FIRST_COLUMN: Partial<Record<RecapTableKey, string>> = { stage: 'Tahap saat rekap dibuat', outcome: 'Hasil saat rekap dibuat' };

// Every table of the recap in the order the office reads them: the months, then each
// dimension, then the steps of the standard.
export function recapGrids(recap: Recap): RecapGrid[] {
  const dimensions = RECAP_DIMENSIONS.map((d) => {
    const t = recap.tables.find((x) => x.dimension === d);
    return figureGrid(d, FIRST_COLUMN[d] ?? RECAP_DIMENSION_LABEL[d], t?.rows ?? [], t?.total ?? recap.total, `Menurut ${RECAP_DIMENSION_LABEL[d]}`);
  });
  return [figureGrid('months', 'Bulan', recap.months, recap.total, 'Ringkasan per bulan'), ...dimensions, stepsGrid(recap)];
}

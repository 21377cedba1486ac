import * as z from 'zod';
import { monthField, yearField } from '../schemas/common';
import { reportSignOffSchema } from './signOff';

// The buku rekap: what the office received and finished in a month or a year, counted by
// channel, category, kind, seksi, stage and outcome. The core answers it from summary
// tables kept in the same transaction as every change, so it never scans the register.

export const RECAP_DIMENSIONS = ['channel', 'category', 'kind', 'seksi', 'stage', 'outcome'] as const;
export type RecapDimension = (typeof RECAP_DIMENSIONS)[number];
export const RECAP_DIMENSION_LABEL: Record<RecapDimension, string> = {
  channel: 'Kanal',
  category: 'Kategori',
  kind: 'Jenis',
  seksi: 'Seksi',
  stage: 'Tahap',
  outcome: 'Hasil',
};

// Tahap: the status now of the complaints received in the period. Hasil: how they ended.
export const OUTCOME_LABEL: Record<string, string> = {
  diproses: 'Masih diproses',
  selesai: 'Selesai',
  bukan_kewenangan: 'Bukan kewenangan (diteruskan)',
  ditolak: 'Ditolak',
  dicabut: 'Dicabut',
};

export const recapQuerySchema = z.object({
  year: yearField('Tahun rekap'),
  // Absent: the whole year.
  month: monthField().optional(),
});
export type RecapQuery = z.infer<typeof recapQuerySchema>;

const count = z.number().int().min(0);

export const recapFiguresSchema = z.object({
  received: count,
  // Closed in the period (any outcome) and, of those, within the standard's total time,
  // and those with no due to judge by (imported from the old register, whose times were
  // never kept): neither on time nor late, left out of the share on time.
  finished: count,
  finishedOnTime: count,
  finishedUntimed: count,
  // Steps of the standard completed in the period and, of those, within their own time;
  // counted for the office and per month, null in the tables by dimension.
  stepsDone: count.nullable(),
  stepsOnTime: count.nullable(),
  // Working minutes (office hours, holidays and pauses left out) from the clock's start to
  // closing, over the complaints finished in the period whose clock ran; null when none.
  // The median is read from a histogram, not the register: exact when its bucket holds one
  // value, else the mean of its bucket (half an hour wide below eight working hours, two
  // hours below forty, eight hours beyond).
  avgWorkMinutes: z.number().nullable(),
  medianWorkMinutes: z.number().nullable(),
  // Still open at the end of the period and, of those, past the standard's due (a file
  // waiting for the reporter is not counted late while it waits; recapSummaries.ts says
  // how). For a period still running, as of
  // now; null for one not begun.
  openAtEnd: count.nullable(),
  lateAtEnd: count.nullable(),
  // The reporter's statement recorded at closing.
  puas: count,
  tidakPuas: count,
});
export type RecapFigures = z.infer<typeof recapFiguresSchema>;

export const recapRowSchema = recapFiguresSchema.extend({ key: z.string(), label: z.string() });
export type RecapRow = z.infer<typeof recapRowSchema>;

export const recapTableSchema = z.object({
  dimension: z.enum(RECAP_DIMENSIONS),
  rows: z.array(recapRowSchema),
  total: recapFiguresSchema,
});
export type RecapTable = z.infer<typeof recapTableSchema>;

// One step of a standard over the period: how often done, how often on time.
export const recapStepSchema = z.object({
  stepNo: z.number().int(),
  activity: z.string(),
  done: count,
  onTime: count,
  avgWorkMinutes: z.number().nullable(),
  // The working minutes the step was allowed (its start to its due, whatever the
  // standard's unit), averaged like avgWorkMinutes; null when none was done.
  limitMinutes: z.number().nullable(),
  // The step's time limit as its standard version writes it ("2 hari kerja"); null for a
  // step whose version is not known.
  limit: z.string().nullable(),
  // The standard versions (numbered as the screens number them, from 1) whose step this row
  // counts, where the row is not the current standard's step or shares its number with
  // another row's steps done (its activity then names them); null otherwise.
  versi: z.array(z.number().int().min(1)).nullable(),
});
export type RecapStep = z.infer<typeof recapStepSchema>;

export const recapSchema = z.object({
  year: z.number().int(),
  month: z.number().int().nullable(),
  // "November 2026" or "Tahun 2026".
  periodLabel: z.string(),
  officeName: z.string(),
  // The office's date today ("30 November 2026") while the period has not ended.
  asOf: z.string().nullable(),
  // The office calendar holds no holiday in the period's year: its working days (the
  // working time, dues and lateness) were counted as if none were closed.
  holidaysMissing: z.boolean(),
  total: recapFiguresSchema,
  // The months of the period (12 for a year, 1 for a month), key "2026-11".
  months: z.array(recapRowSchema),
  tables: z.array(recapTableSchema),
  steps: z.array(recapStepSchema),
  // Under the printed recap and each of its sheets.
  signOff: reportSignOffSchema,
});
export type Recap = z.infer<typeof recapSchema>;

// Under every buku rekap, on the screen and in its files. The median is read from the
// summary tables' histogram (see recapFiguresSchema), so it says it is an estimate.
export const RECAP_NOTE =
  'Lama dihitung dalam jam kerja kantor (di luar jam kerja, hari libur dan masa menunggu kelengkapan tidak dihitung). ' +
  'Median adalah perkiraan: rata-rata kelompok lama tempat nilai tengahnya berada (kelompok selebar ½ jam kerja di bawah 8 jam, 2 jam di bawah 40 jam, 8 jam di atasnya). ' +
  'Puas dan Tidak puas adalah pernyataan pelapor saat pengaduan selesai; pengaduan yang pelapornya tidak ditanyakan (misalnya pelapor anonim) tidak masuk ke keduanya. ' +
  'Pengaduan dari register lama yang diimpor tanpa batas waktu tidak dinilai tepat waktu atau terlambat, dan tidak masuk ke % tepat waktu. ' +
  'Tabel menurut Seksi, Tahap dan Hasil mengelompokkan pengaduan menurut keadaannya pada tanggal rekap ini dibuat, bukan pada akhir periode; ' +
  'pengaduan yang belum atau tidak pernah didisposisikan (misalnya ditolak atau diteruskan sebelum disposisi) masuk ke "Tanpa disposisi".';

export const holidaysNote = (recap: Pick<Recap, 'year' | 'holidaysMissing'>) =>
  recap.holidaysMissing ? `Kalender kantor tidak memuat hari libur tahun ${recap.year}: lama dan ketepatan waktu tahun itu dihitung tanpa hari libur.` : null;

/** A period that has not begun: nothing in it to count, print or hand in yet. */
export const notBegun = (recap: Pick<Recap, 'asOf' | 'total'>) => recap.asOf !== null && recap.total.openAtEnd === null;

// What the screen and every file say of the period above its tables: whether it is over,
// and whether its year's holidays were counted (not for a period not begun, where nothing
// was counted); null when there is nothing to say.
export function recapStanding(recap: Pick<Recap, 'asOf' | 'total' | 'year' | 'holidaysMissing'>): string | null {
  if (notBegun(recap)) return `Periode ini belum berjalan (hari ini ${recap.asOf}).`;
  const said = [
    recap.asOf === null ? null : `Periode ini masih berjalan: yang belum selesai dan yang terlambat dihitung per ${recap.asOf}.`,
    holidaysNote(recap),
  ].filter((s) => s !== null);
  return said.length ? said.join(' ') : null;
}

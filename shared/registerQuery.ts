import { monthLabel } from './time/format';
import { FIRST_YEAR, LAST_YEAR, OFFICE_YEARS } from './time/workingTime';

// The register's orders and filters as words and plain checks, without zod: the register
// reads them from its address as its first screen opens. complaintQuerySchema
// (shared/schemas/complaint.ts) is built from them and checks each call for the core.

export const sortFields = ['registerNo', 'receivedAt', 'reporterName', 'status'] as const;
export type SortField = (typeof sortFields)[number];
// Which date the year and month filter: received (the register's order) or closed (what
// the recap counts as finished).
export const DATE_OF = ['diterima', 'selesai'] as const;

export const KEADAAN = ['belum_selesai', 'terlambat'] as const;
export type Keadaan = (typeof KEADAAN)[number];
export const KEADAAN_LABEL: Record<Keadaan, string> = { belum_selesai: 'Belum selesai', terlambat: 'Terlambat (standar)' };
// The keadaan filter in words, with the month's end it is counted at.
export const keadaanLabel = (keadaan: Keadaan, akhirBulan?: string) =>
  keadaan === 'terlambat' && akhirBulan ? `Terlambat pada akhir ${monthLabel(akhirBulan)}` : KEADAAN_LABEL[keadaan];

// The years the register and the reports can be asked for (as their schemas take them).
export const isReportYear = (year: number) => Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;

// An office month, 'YYYY-MM'.
export const MONTH_KEY_MESSAGE = `Bulan ditulis TTTT-BB dengan ${OFFICE_YEARS}, misalnya 2026-10.`;
export const isMonthKey = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v) && isReportYear(Number(v.slice(0, 4)));

// The complaints that completed step `no` of the standard within the office months dari to
// sampai, or (terlambat) completed it past the step's due; with versi, step `no` of those
// standard versions only (numbered as the screens number them, from 1), as the recap's
// rows of a renumbered standard count them.
export interface StepDone {
  no: number;
  dari: string;
  sampai: string;
  terlambat?: true;
  versi?: number[];
}
export const STEP_NO_MAX = 99;
export const STEP_VERSIONS_MAX = 50;
export const STEP_SPAN_MESSAGE = 'Bulan awal tidak boleh sesudah bulan akhir.';
export const isStepSpan = (l: Pick<StepDone, 'dari' | 'sampai'>) => l.dari <= l.sampai;

// The step filter from its parts as an address gives them, or undefined where they are not
// one. versi: the versions as written in the address ("1,2"), or null.
export function stepDoneOf(no: number, dari: unknown, sampai: unknown, terlambat: boolean, versi: string | null = null): StepDone | undefined {
  if (!Number.isInteger(no) || no < 1 || no > STEP_NO_MAX || !isMonthKey(dari) || !isMonthKey(sampai) || !isStepSpan({ dari, sampai })) return undefined;
  const versions = versi === null ? [] : versi.split(',').map(Number);
  if (versions.length > STEP_VERSIONS_MAX || !versions.every((v) => Number.isInteger(v) && v >= 1)) return undefined;
  return { no, dari, sampai, ...(terlambat && { terlambat }), ...(versions.length && { versi: versions }) };
}

// The versions a step of a renumbered standard is of, in words after its name: " (standar versi 1, 2)".
export const versiText = (versi: number[] | null | undefined) => (versi?.length ? ` (standar versi ${versi.join(', ')})` : '');

// The step filter in words: "Langkah 2 selesai Desember 2025 – November 2026", "Langkah 3
// (standar versi 1) selesai, …".
export function langkahLabel(l: StepDone): string {
  const span = l.dari === l.sampai ? monthLabel(l.dari) : `${monthLabel(l.dari)} – ${monthLabel(l.sampai)}`;
  return `Langkah ${l.no}${versiText(l.versi)} ${l.terlambat ? 'terlambat' : 'selesai'}, ${span}`;
}

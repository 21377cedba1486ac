import * as z from 'zod';
import { reportSignOffSchema } from '../reports/signOff';
import { isYmd } from '../time/workingTime';
import { monthField, passwordField, yearField } from './common';
import { EDUCATIONS, GENDERS, OCCUPATIONS, SKM_AGE_MAX, SKM_AGE_MIN, SKM_ELEMENT_TEXT, SKM_ELEMENTS, SKM_GRADES, SKM_PARTS, type SkmElement } from '../skm';

// The SKM questionnaire as the core takes it (from the Staf or from the kiosk), and the
// IKM per period as the screens and the export show it.

const score = (e: SkmElement) =>
  z
    .number({ error: `Pilih jawaban untuk unsur ${SKM_ELEMENT_TEXT[e].name.toLowerCase()}.` })
    .int()
    .min(1, { error: `Jawaban unsur ${SKM_ELEMENT_TEXT[e].name.toLowerCase()} harus 1–4.` })
    .max(4, { error: `Jawaban unsur ${SKM_ELEMENT_TEXT[e].name.toLowerCase()} harus 1–4.` });

export const skmAnswersSchema = z.object(Object.fromEntries(SKM_ELEMENTS.map((e) => [e, score(e)])) as Record<SkmElement, ReturnType<typeof score>>, {
  error: 'Isi jawaban kuesioner untuk kesembilan unsur (U1–U9).',
});

export const skmProfileSchema = z.object(
  {
    gender: z.enum(GENDERS, { error: 'Pilih jenis kelamin.' }),
    education: z.enum(EDUCATIONS, { error: 'Pilih pendidikan terakhir.' }),
    occupation: z.enum(OCCUPATIONS, { error: 'Pilih pekerjaan atau kosongkan.' }).nullable().default(null),
    age: z
      .number({ error: 'Isi usia dalam tahun.' })
      .int({ error: 'Usia ditulis dalam tahun penuh.' })
      .min(SKM_AGE_MIN, { error: `Usia paling muda ${SKM_AGE_MIN} tahun.` })
      .max(SKM_AGE_MAX, { error: `Usia paling tua ${SKM_AGE_MAX} tahun.` }),
  },
  { error: 'Isi data responden: jenis kelamin, pendidikan dan usia.' },
);

/** A questionnaire from the kiosk: answers and profile, nothing that points to a complaint. */
export const skmKioskInputSchema = z.object({ answers: skmAnswersSchema, profile: skmProfileSchema }).strict();
export type SkmKioskInput = z.input<typeof skmKioskInputSchema>;

/** A questionnaire the Staf enters, optionally for one complaint (by its register number). */
export const skmSubmitInputSchema = z
  .object({
    answers: skmAnswersSchema,
    profile: skmProfileSchema,
    registerNo: z.string().trim().max(60, { error: 'Nomor register paling panjang 60 karakter.' }).default(''),
    // The day the respondent filled in a paper questionnaire, in the office's time: its IKM
    // counts in that day's month. Empty: answered today.
    filledOn: z
      .string()
      .trim()
      .refine((v) => v === '' || isYmd(v), { error: 'Tulis tanggal pengisian sebagai HH/BB/TTTT, contoh 28/11/2026.' })
      .default(''),
  })
  .strict();
export type SkmSubmitInput = z.input<typeof skmSubmitInputSchema>;

export const skmPeriodQuerySchema = z
  .object({
    year: yearField(),
    // Both absent: the whole year, with its months.
    month: monthField().optional(),
    // A quarter or a half of the year, with its months.
    part: z.enum(SKM_PARTS, { error: 'Pilih triwulan I–IV atau semester I–II.' }).optional(),
  })
  .refine((q) => q.month === undefined || q.part === undefined, { error: 'Pilih satu periode: sebulan, atau satu triwulan atau semester.', path: ['part'] });
export type SkmPeriodQuery = z.infer<typeof skmPeriodQuerySchema>;

const perElement = z.object(Object.fromEntries(SKM_ELEMENTS.map((e) => [e, z.number()])) as Record<SkmElement, z.ZodNumber>);

export const skmPeriodSchema = z.object({
  /** 1–12, or null for the whole year. */
  month: z.number().int().min(1).max(12).nullable(),
  respondents: z.number().int().min(0),
  // Null when nobody responded in the period.
  nrr: perElement.nullable(),
  weighted: perElement.nullable(),
  ikm: z.number().nullable(),
  grade: z.enum(SKM_GRADES).nullable(),
});
export type SkmPeriod = z.infer<typeof skmPeriodSchema>;

export const skmSummarySchema = z.object({
  year: z.number().int(),
  month: z.number().int().nullable(),
  part: z.enum(SKM_PARTS).nullable(),
  /** The period asked for. */
  total: skmPeriodSchema,
  /** Its months (one for a month, three for a triwulan, six for a semester, twelve for a year). */
  months: z.array(skmPeriodSchema),
  /** Where the responses came from in the period. */
  fromKiosk: z.number().int().min(0),
  /** The respondents of the period by gender, education, occupation and age. */
  profile: z.array(z.object({ title: z.string(), rows: z.array(z.object({ label: z.string(), n: z.number().int().min(0) })) })),
  /** The office's date today ("8 Desember 2026") while the period holds this month, else null. */
  asOf: z.string().nullable(),
  /** Under the printed IKM and each of its sheets. */
  signOff: reportSignOffSchema,
  /** The last month anyone responded in, whatever the period asked: a period without respondents points to it. Null before the first. */
  latest: z.object({ year: z.number().int(), month: z.number().int().min(1).max(12), respondents: z.number().int().positive() }).nullable(),
});
export type SkmSummary = z.infer<typeof skmSummarySchema>;

export const kioskStateSchema = z.object({
  active: z.boolean(),
  officeName: z.string(),
  /** Who opened the kiosk: only they may close it, with their password. */
  staffName: z.string(),
});

export const kioskExitInputSchema = z.object({
  password: passwordField('Kata sandi wajib diisi.'),
});

// What the Staf records when a complaint closes, unless a berita acara already said it, and
// what a berita acara records (shared/schemas/documents.ts).
export const CLOSING_SATISFACTIONS = ['puas', 'tidak_puas', 'tidak_ditanyakan'] as const;
export type ClosingSatisfaction = (typeof CLOSING_SATISFACTIONS)[number];
export const CLOSING_SATISFACTION_LABEL: Record<ClosingSatisfaction, string> = {
  puas: 'Puas',
  tidak_puas: 'Tidak puas',
  tidak_ditanyakan: 'Tidak ditanyakan',
};
export const CLOSING_SATISFACTION_MISSING = 'Pilih pernyataan pelapor: puas, tidak puas, atau tidak ditanyakan.';
export const closingSatisfactionSchema = z.enum(CLOSING_SATISFACTIONS, { error: CLOSING_SATISFACTION_MISSING });

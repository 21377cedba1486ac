// Survei Kepuasan Masyarakat (SKM) after PermenPANRB 14/2017: the nine elements with the
// answers of the regulation's questionnaire, and the Indeks Kepuasan Masyarakat (IKM)
// computed from score sums. Pure: the core and the screens both use it.

import { MONTHS, periodLabel } from './time/format';

export const SKM_ELEMENTS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export type SkmElement = (typeof SKM_ELEMENTS)[number];
export type SkmScore = 1 | 2 | 3 | 4;
export type SkmScores = Record<SkmElement, SkmScore>;

export interface SkmElementText {
  /** The element's name in the regulation (unsur pelayanan). */
  name: string;
  /** The questionnaire's question. */
  question: string;
  /** Answers a–d, scored 1–4. */
  answers: readonly [string, string, string, string];
}

export const SKM_ELEMENT_TEXT: Record<SkmElement, SkmElementText> = {
  u1: {
    name: 'Persyaratan',
    question: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
    answers: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  u2: {
    name: 'Sistem, mekanisme, dan prosedur',
    question: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
    answers: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  },
  u3: {
    name: 'Waktu penyelesaian',
    question: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
    answers: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
  },
  u4: {
    name: 'Biaya/tarif',
    question: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
    answers: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
  },
  u5: {
    name: 'Produk spesifikasi jenis pelayanan',
    question: 'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
    answers: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  u6: {
    name: 'Kompetensi pelaksana',
    question: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
    answers: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  },
  u7: {
    name: 'Perilaku pelaksana',
    question: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
    answers: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  },
  u8: {
    name: 'Sarana dan prasarana',
    question: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
    answers: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
  },
  u9: {
    name: 'Penanganan pengaduan, saran dan masukan',
    question: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
    answers: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
  },
};

// Respondent profile as the regulation's form asks it.
export const GENDERS = ['L', 'P'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABEL: Record<Gender, string> = { L: 'Laki-laki', P: 'Perempuan' };

export const EDUCATIONS = ['sd', 'smp', 'sma', 'd3', 's1', 's2', 's3'] as const;
export type Education = (typeof EDUCATIONS)[number];
export const EDUCATION_LABEL: Record<Education, string> = {
  sd: 'SD ke bawah',
  smp: 'SMP',
  sma: 'SMA/SMK',
  d3: 'D1–D3',
  s1: 'D4/S1',
  s2: 'S2',
  s3: 'S3',
};

export const OCCUPATIONS = ['pns', 'tni', 'polri', 'swasta', 'wirausaha', 'lainnya'] as const;
export type Occupation = (typeof OCCUPATIONS)[number];
export const OCCUPATION_LABEL: Record<Occupation, string> = {
  pns: 'PNS',
  tni: 'TNI',
  polri: 'POLRI',
  swasta: 'Swasta',
  wirausaha: 'Wirausaha',
  lainnya: 'Lainnya',
};

/** Counters of one period's respondent profile: how many gave each answer. */
export interface SkmProfileCount {
  field: 'gender' | 'education' | 'occupation' | 'age';
  /** The stored answer: a code, the age in years, or '' for an occupation left empty. */
  value: string;
  n: number;
}

export interface SkmProfileGroup {
  title: string;
  rows: { label: string; n: number }[];
}

// The ages the questionnaire takes, in years.
export const SKM_AGE_MIN = 15;
export const SKM_AGE_MAX = 100;

// Ages are reported in ten-year bands from the youngest respondent asked.
const AGE_BANDS: readonly [number, string][] = [
  [SKM_AGE_MIN, `${SKM_AGE_MIN}–24 tahun`],
  [25, '25–34 tahun'],
  [35, '35–44 tahun'],
  [45, '45–54 tahun'],
  [55, '55 tahun ke atas'],
];

/**
 * The respondent profile as the IKM report lists it: each answer of the form with its
 * count, zeros included, in the form's order.
 */
export function skmProfileGroups(counts: readonly SkmProfileCount[]): SkmProfileGroup[] {
  const count = (field: SkmProfileCount['field'], match: (value: string) => boolean) =>
    counts.reduce((n, c) => (c.field === field && match(c.value) ? n + c.n : n), 0);
  const listed = <K extends string>(field: SkmProfileCount['field'], keys: readonly K[], label: Record<K, string>) =>
    keys.map((k) => ({ label: label[k], n: count(field, (v) => v === k) }));
  return [
    { title: 'Jenis kelamin', rows: listed('gender', GENDERS, GENDER_LABEL) },
    { title: 'Pendidikan terakhir', rows: listed('education', EDUCATIONS, EDUCATION_LABEL) },
    { title: 'Pekerjaan', rows: [...listed('occupation', OCCUPATIONS, OCCUPATION_LABEL), { label: 'Tidak diisi', n: count('occupation', (v) => v === '') }] },
    {
      title: 'Usia',
      rows: AGE_BANDS.map(([from, label], i) => {
        const to = AGE_BANDS[i + 1]?.[0] ?? Infinity;
        return { label, n: count('age', (v) => Number(v) >= from && Number(v) < to) };
      }),
    },
  ];
}

// Each element weighs 1/9, written in the regulation as 0.111; the unit's index (1–4)
// times 25 gives the converted IKM (25–100).
export const SKM_WEIGHT = 0.111;
export const SKM_CONVERSION = 25;

export const SKM_GRADES = ['A', 'B', 'C', 'D'] as const;
export type SkmGrade = (typeof SKM_GRADES)[number];
export const SKM_GRADE_LABEL: Record<SkmGrade, string> = { A: 'Sangat Baik', B: 'Baik', C: 'Kurang Baik', D: 'Tidak Baik' };
// The lowest converted value of each grade (nilai interval konversi).
const GRADE_FLOOR: readonly [SkmGrade, number][] = [
  ['A', 88.31],
  ['B', 76.61],
  ['C', 65.0],
];

/** Grade of a converted IKM, read at two decimals as the regulation's intervals are written. */
export function skmGrade(ikm: number): SkmGrade {
  const v = round2(ikm);
  return GRADE_FLOOR.find(([, floor]) => v >= floor)?.[0] ?? 'D';
}

// Rounds half up at two decimals; the 12 significant digits drop binary noise first
// (91.575 is stored as 91.57499…).
export const round2 = (x: number) => Math.round(Number((x * 100).toPrecision(12))) / 100;

/** Score sums per element over a set of responses, and how many responded. */
export interface SkmTotals {
  respondents: number;
  sums: Record<SkmElement, number>;
}

export const emptyTotals = (): SkmTotals => ({ respondents: 0, sums: { u1: 0, u2: 0, u3: 0, u4: 0, u5: 0, u6: 0, u7: 0, u8: 0, u9: 0 } });

export function addTotals(a: SkmTotals, b: SkmTotals): SkmTotals {
  const sums = { ...a.sums };
  for (const e of SKM_ELEMENTS) sums[e] += b.sums[e];
  return { respondents: a.respondents + b.respondents, sums };
}

export interface SkmResult {
  respondents: number;
  /** NRR per element: the sum of its scores over the respondents (1–4). */
  nrr: Record<SkmElement, number>;
  /** NRR × 0.111 per element. */
  weighted: Record<SkmElement, number>;
  /** Σ weighted: the unit's index before conversion. */
  index: number;
  /** index × 25, rounded to two decimals. */
  ikm: number;
  grade: SkmGrade;
}

/** The IKM of a period; null when nobody responded. */
export function computeIkm(t: SkmTotals): SkmResult | null {
  if (t.respondents === 0) return null;
  const nrr = {} as Record<SkmElement, number>;
  const weighted = {} as Record<SkmElement, number>;
  let index = 0;
  for (const e of SKM_ELEMENTS) {
    nrr[e] = t.sums[e] / t.respondents;
    weighted[e] = nrr[e] * SKM_WEIGHT;
    index += weighted[e];
  }
  const ikm = round2(index * SKM_CONVERSION);
  return { respondents: t.respondents, nrr, weighted, index, ikm, grade: skmGrade(ikm) };
}

// The survey's periods besides a month and a year: the regulation lets an office survey
// each quarter (triwulan) or half-year (semester), and report the IKM so.
export const SKM_PARTS = ['tw1', 'tw2', 'tw3', 'tw4', 's1', 's2'] as const;
export type SkmPart = (typeof SKM_PARTS)[number];
export const SKM_PART: Record<SkmPart, { label: string; from: number; to: number }> = {
  tw1: { label: 'Triwulan I', from: 1, to: 3 },
  tw2: { label: 'Triwulan II', from: 4, to: 6 },
  tw3: { label: 'Triwulan III', from: 7, to: 9 },
  tw4: { label: 'Triwulan IV', from: 10, to: 12 },
  s1: { label: 'Semester I', from: 1, to: 6 },
  s2: { label: 'Semester II', from: 7, to: 12 },
};

/** The months a part of the year spans, in words: "Januari–Maret". */
export const skmPartMonths = (part: SkmPart) => `${MONTHS[SKM_PART[part].from - 1]}–${MONTHS[SKM_PART[part].to - 1]}`;

/** The row that totals a period's months: "Tahun 2026", "Triwulan III". */
export const skmTotalLabel = (year: number, part?: SkmPart | null) => (part ? SKM_PART[part].label : periodLabel(year));

/** The survey's period in words: "November 2026", "Tahun 2026", "Semester I 2026 (Januari–Juni)". */
export const skmPeriodLabel = (year: number, month?: number | null, part?: SkmPart | null) =>
  part ? `${SKM_PART[part].label} ${year} (${skmPartMonths(part)})` : periodLabel(year, month);

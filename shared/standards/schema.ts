import * as z from 'zod';
import { COMPLAINT_KINDS, EXECUTORS } from '../domain';
import { withoutInvisible } from '../schemas/common';

// A Standar Pelayanan as data: what the office published (requirements, channels,
// fee, product, procedure) and the ordered steps that drive the workflow and every
// due time. The five seeds ship as presets (presets.ts); the admin edits a copy.
// Browser-safe: the renderer validates the same data before it is sent.

// The stages a complaint passes through, in order. A standard's steps name the
// stage they belong to; several steps may share one stage.
export const STAGES = [
  'diterima',
  'verifikasi',
  'disposisi',
  'tindak_lanjut',
  'penyusunan_jawaban',
  'paraf',
  'penandatanganan',
  'penyampaian',
  'arsip',
] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABEL: Record<Stage, string> = {
  diterima: 'Penerimaan dan pencatatan',
  verifikasi: 'Verifikasi',
  disposisi: 'Disposisi',
  tindak_lanjut: 'Tindak lanjut',
  penyusunan_jawaban: 'Penyusunan jawaban',
  paraf: 'Pemeriksaan dan paraf',
  penandatanganan: 'Penandatanganan',
  penyampaian: 'Penyampaian kepada pelapor',
  arsip: 'Pengarsipan',
};

// Same shape as Duration in shared/time/workingTime.ts (kept separate on purpose):
// minutes and hours count working time inside office hours; 'hari_kerja' counts
// working days; 'hari_kalender' is a standard that writes only "hari".
export const DURATION_UNITS = ['menit_kerja', 'jam_kerja', 'hari_kerja', 'hari_kalender'] as const;
export type StandardDurationUnit = (typeof DURATION_UNITS)[number];
export const DURATION_UNIT_LABEL: Record<StandardDurationUnit, string> = {
  menit_kerja: 'menit kerja',
  jam_kerja: 'jam kerja',
  hari_kerja: 'hari kerja',
  hari_kalender: 'hari kalender',
};

export const durationSchema = z.object(
  {
    amount: z
      .number({ error: 'Lama waktu harus berupa angka.' })
      .int({ error: 'Lama waktu harus bilangan bulat.' })
      .positive({ error: 'Lama waktu harus lebih dari 0.' })
      .max(10_000, { error: 'Lama waktu terlalu besar (paling banyak 10.000).' }),
    unit: z.enum(DURATION_UNITS, { error: 'Pilih satuan waktu: menit kerja, jam kerja, hari kerja atau hari kalender.' }),
  },
  { error: 'Lama waktu wajib diisi.' },
);
export type StandardDuration = z.infer<typeof durationSchema>;

// When the total starts to run: at intake, or once the file is declared complete
// (the first verification step done, or every kelengkapan item ticked at intake).
export const CLOCK_STARTS = ['diterima', 'berkas_lengkap'] as const;
export type ClockStart = (typeof CLOCK_STARTS)[number];
export const CLOCK_START_LABEL: Record<ClockStart, string> = {
  diterima: 'Sejak pengaduan diterima',
  berkas_lengkap: 'Sejak berkas pengaduan lengkap',
};

const line = (what: string, max = 500) =>
  z
    .string({ error: `${what} wajib diisi.` })
    .overwrite(withoutInvisible)
    .trim()
    .min(1, { error: `${what} wajib diisi.` })
    .max(max, { error: `${what} paling panjang ${max} karakter.` });
const optionalLine = (what: string, max: number) =>
  z
    .string({ error: `${what} harus berupa teks.` })
    .overwrite(withoutInvisible)
    .trim()
    .max(max, { error: `${what} paling panjang ${max} karakter.` });
const lines = (what: string, maxItems = 40, maxChars = 500) =>
  z
    .array(line(what, maxChars), { error: `${what} harus berupa daftar.` })
    .max(maxItems, { error: `${what} paling banyak ${maxItems} butir.` });
const executor = (what: string) => z.enum(EXECUTORS, { error: `${what}: pilih Staf, Kasi, Sekcam, Camat atau Tim Pengelola.` });

export const stepSchema = z.object(
  {
    no: z
      .number({ error: 'Nomor langkah harus berupa angka.' })
      .int({ error: 'Nomor langkah harus bilangan bulat.' })
      .min(1, { error: 'Langkah harus bernomor urut mulai 1.' }),
    // The wording of the published standard.
    activity: line('Uraian kegiatan langkah'),
    stage: z.enum(STAGES, { error: 'Pilih tahap untuk langkah ini.' }),
    executor: executor('Pelaksana langkah'),
    // Who else may do it (Pegantenan: "Sekcam/Kasi").
    alternates: z.array(executor('Pelaksana pengganti'), { error: 'Pelaksana pengganti harus berupa daftar.' }).default([]),
    // Documents and tools the step uses, as the standard lists them.
    kelengkapan: lines('Kelengkapan', 20, 200).default([]),
    output: optionalLine('Hasil langkah', 300).default(''),
    duration: durationSchema,
    // Past the step's due time, the step passes to this executor (Kejayan: Kasi → Camat).
    escalateTo: executor('Eskalasi').optional(),
    // How the step was read from the standard, where it is ambiguous.
    note: optionalLine('Catatan langkah', 500).default(''),
  },
  { error: 'Setiap langkah harus berisi nomor, kegiatan, tahap, pelaksana dan waktu.' },
);
export type Step = z.infer<typeof stepSchema>;

export const serviceStandardSchema = z
  .object(
    {
      code: z
        .string({ error: 'Kode standar wajib diisi.' })
        .trim()
        .min(1, { error: 'Kode standar wajib diisi.' })
        .max(40, { error: 'Kode standar paling panjang 40 karakter.' }),
      name: line('Nama standar pelayanan', 200),
      office: optionalLine('Nama kantor pada standar', 200).default(''),
      skNumber: optionalLine('Nomor SK', 120).default(''),
      requirements: lines('Persyaratan'),
      // What the tanda terima shows as a checklist at intake.
      kelengkapanChecklist: lines('Butir kelengkapan', 20, 200),
      channels: lines('Saluran pengaduan'),
      fee: optionalLine('Biaya/tarif', 200).default('Tidak dipungut biaya'),
      product: optionalLine('Produk pelayanan', 300).default(''),
      procedure: lines('Prosedur'),
      steps: z
        .array(stepSchema, { error: 'Langkah standar pelayanan wajib diisi.' })
        .min(1, { error: 'Standar pelayanan harus memiliki minimal satu langkah.' })
        .max(40, { error: 'Standar pelayanan paling banyak 40 langkah.' }),
      total: z.object(durationSchema.shape, { error: 'Waktu penyelesaian wajib diisi.' }),
      clockStartsWhen: z.enum(CLOCK_STARTS, { error: 'Pilih kapan waktu penyelesaian mulai dihitung.' }).default('diterima'),
      complaintKinds: z
        .array(z.enum(COMPLAINT_KINDS, { error: 'Jenis pengaduan tidak dikenal.' }), { error: 'Jenis pengaduan harus berupa daftar.' })
        .min(1, { error: 'Pilih minimal satu jenis pengaduan yang dilayani.' })
        .refine((kinds) => new Set(kinds).size === kinds.length, { error: 'Jenis pengaduan tidak boleh dipilih dua kali.' }),
      // The Camat signs a berita acara hasil penyelesaian (Waru).
      resolutionRecord: z.boolean({ error: 'Pilih ya atau tidak untuk berita acara.' }).default(false),
      // A file paused as "tidak lengkap" is withdrawn after this many working days.
      autoWithdrawHariKerja: z
        .number({ error: 'Batas pencabutan otomatis harus berupa angka.' })
        .int({ error: 'Batas pencabutan otomatis harus bilangan bulat.' })
        .min(1, { error: 'Batas pencabutan otomatis minimal 1 hari kerja.' })
        .max(60, { error: 'Batas pencabutan otomatis paling lama 60 hari kerja.' })
        .default(10),
    },
    { error: 'Standar pelayanan tidak terbaca: data harus berisi persyaratan, langkah dan waktu penyelesaian.' },
  )
  .superRefine((s, ctx) => {
    // Numbered 1..n: one message, at the first step out of order.
    const wrong = s.steps.findIndex((step, i) => step.no !== i + 1);
    if (wrong >= 0) ctx.addIssue({ code: 'custom', path: ['steps', wrong, 'no'], message: 'Langkah harus bernomor urut mulai 1.' });
    s.steps.forEach((step, i) => {
      const no = i + 1;
      if (step.escalateTo && step.escalateTo === step.executor) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'escalateTo'], message: `Eskalasi langkah ${no} harus ke pelaksana lain.` });
      }
      if (step.alternates.includes(step.executor) || new Set(step.alternates).size !== step.alternates.length) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'alternates'], message: `Pelaksana pengganti langkah ${no} harus berbeda dari pelaksana utama dan tidak boleh ganda.` });
      }
      // A disposition goes to a Kasi; it is given by the leader or the staff who pass it on.
      if (step.stage === 'disposisi' && step.executor === 'kasi') {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'executor'], message: `Disposisi (langkah ${no}) diberikan kepada Kasi, bukan oleh Kasi.` });
      }
    });
    if (s.steps[0] && s.steps[0].stage !== 'diterima') {
      ctx.addIssue({ code: 'custom', path: ['steps', 0, 'stage'], message: 'Langkah pertama harus tahap penerimaan pengaduan.' });
    }
    // The clock starts when a verification step is done: without one it never would.
    if (s.clockStartsWhen === 'berkas_lengkap' && !s.steps.some((step) => step.stage === 'verifikasi')) {
      ctx.addIssue({
        code: 'custom',
        path: ['clockStartsWhen'],
        message: 'Waktu dihitung sejak berkas lengkap: tambahkan langkah tahap verifikasi (pemeriksaan kelengkapan berkas).',
      });
    }
  });
export type ServiceStandard = z.infer<typeof serviceStandardSchema>;
export type ServiceStandardInput = z.input<typeof serviceStandardSchema>;

// Minutes and hours are both working time, so they add up; days are compared only
// with days of the same kind.
const MINUTES_PER: Partial<Record<StandardDurationUnit, number>> = { menit_kerja: 1, jam_kerja: 60 };
const family = (u: StandardDurationUnit) => (MINUTES_PER[u] === undefined ? u : 'menit_kerja');
const inFamily = (d: StandardDuration) => d.amount * (MINUTES_PER[d.unit] ?? 1);

/** Every problem of a standard, with the field it concerns (e.g. 'steps.2.duration.amount');
 *  empty when valid. Beyond the schema: the steps counted in the same unit as the total
 *  may not add up to more than the total (field 'total'); where all are, that is every
 *  step, and where some are not (minutes beside days), those alone already may not. */
export function validateStandard(input: unknown): { field: string; message: string }[] {
  const r = serviceStandardSchema.safeParse(input);
  if (!r.success) return r.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
  const s = r.data;
  const unit = family(s.total.unit);
  const alike = s.steps.filter((st) => family(st.duration.unit) === unit);
  const sum = alike.reduce((t, st) => t + inFamily(st.duration), 0);
  const total = inFamily(s.total);
  if (sum <= total) return [];
  const label = DURATION_UNIT_LABEL[unit];
  const which = alike.length === s.steps.length ? 'semua langkah' : `langkah yang dihitung dalam ${label}`;
  return [
    {
      field: 'total',
      message: `Jumlah waktu ${which} (${sum} ${label}) melebihi waktu penyelesaian standar (${total} ${label}). Perpanjang waktu penyelesaian atau perpendek waktu langkahnya.`,
    },
  ];
}

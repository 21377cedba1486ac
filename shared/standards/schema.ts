import { z } from 'zod';
import { COMPLAINT_KINDS } from '../domain';

// A Standar Pelayanan as data: what the office published (requirements, channels,
// fee, product, procedure) and the ordered steps that drive the workflow and every
// due time. The five seeds ship as presets (presets.ts); the admin edits a copy.

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

export const EXECUTORS = ['staf', 'kasi', 'sekcam', 'camat', 'tim_pengelola'] as const;
export type Executor = (typeof EXECUTORS)[number];
export const EXECUTOR_LABEL: Record<Executor, string> = {
  staf: 'Staf pelayanan',
  kasi: 'Kepala Seksi',
  sekcam: 'Sekretaris Kecamatan',
  camat: 'Camat',
  tim_pengelola: 'Tim Pengelola Pengaduan',
};

export const DURATION_UNITS = ['menit_kerja', 'jam_kerja', 'hari_kerja', 'hari_kalender'] as const;
export const DURATION_UNIT_LABEL: Record<(typeof DURATION_UNITS)[number], string> = {
  menit_kerja: 'menit kerja',
  jam_kerja: 'jam kerja',
  hari_kerja: 'hari kerja',
  hari_kalender: 'hari kalender',
};

export const durationSchema = z.object({
  amount: z
    .number({ error: 'Lama waktu harus berupa angka.' })
    .int({ error: 'Lama waktu harus bilangan bulat.' })
    .positive({ error: 'Lama waktu harus lebih dari 0.' })
    .max(10_000, { error: 'Lama waktu terlalu besar.' }),
  unit: z.enum(DURATION_UNITS, { error: 'Pilih satuan waktu: menit kerja, jam kerja, hari kerja atau hari kalender.' }),
});

const line = (what: string, max = 500) =>
  z.string({ error: `${what} wajib diisi.` }).trim().min(1, { error: `${what} tidak boleh kosong.` }).max(max, { error: `${what} paling panjang ${max} karakter.` });
const lines = (what: string) => z.array(line(what)).max(40);

export const stepSchema = z.object({
  no: z.number().int().min(1),
  activity: line('Uraian kegiatan langkah'),
  stage: z.enum(STAGES, { error: 'Pilih tahap untuk langkah ini.' }),
  executor: z.enum(EXECUTORS, { error: 'Pilih pelaksana langkah ini.' }),
  alternates: z.array(z.enum(EXECUTORS)).default([]),
  kelengkapan: z.array(line('Kelengkapan', 200)).default([]),
  output: z.string().trim().max(300).default(''),
  duration: durationSchema,
  escalateTo: z.enum(EXECUTORS).optional(),
  note: z.string().trim().max(500).default(''),
});
export type Step = z.infer<typeof stepSchema>;

export const serviceStandardSchema = z
  .object({
    code: z.string().trim().min(1).max(40),
    name: line('Nama standar pelayanan', 200),
    office: z.string().trim().max(200).default(''),
    skNumber: z.string().trim().max(120).default(''),
    requirements: lines('Persyaratan'),
    kelengkapanChecklist: z.array(line('Butir kelengkapan', 200)).max(20),
    channels: lines('Saluran pengaduan'),
    fee: z.string().trim().max(200).default('Tidak dipungut biaya'),
    product: z.string().trim().max(300).default(''),
    procedure: lines('Prosedur'),
    steps: z.array(stepSchema).min(1, { error: 'Standar pelayanan harus memiliki minimal satu langkah.' }).max(40),
    total: durationSchema,
    clockStartsWhen: z.enum(['diterima', 'berkas_lengkap']).default('diterima'),
    complaintKinds: z.array(z.enum(COMPLAINT_KINDS)).min(1, { error: 'Pilih minimal satu jenis pengaduan yang dilayani.' }),
    resolutionRecord: z.boolean().default(false),
    autoWithdrawHariKerja: z.number().int().min(1).max(60).default(10),
  })
  .superRefine((s, ctx) => {
    s.steps.forEach((step, i) => {
      if (step.no !== i + 1) ctx.addIssue({ code: 'custom', path: ['steps', i, 'no'], message: 'Langkah harus bernomor urut mulai 1.' });
      if (step.escalateTo && step.escalateTo === step.executor) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'escalateTo'], message: `Eskalasi langkah ${i + 1} harus ke pelaksana lain.` });
      }
      if (step.stage === 'disposisi' && step.executor === 'kasi') {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'executor'], message: `Disposisi (langkah ${i + 1}) diberikan kepada Kasi, bukan oleh Kasi.` });
      }
    });
    if (s.steps[0] && s.steps[0].stage !== 'diterima') {
      ctx.addIssue({ code: 'custom', path: ['steps', 0, 'stage'], message: 'Langkah pertama harus tahap penerimaan pengaduan.' });
    }
  });
export type ServiceStandard = z.infer<typeof serviceStandardSchema>;
export type ServiceStandardInput = z.input<typeof serviceStandardSchema>;

const MINUTES: Partial<Record<(typeof DURATION_UNITS)[number], number>> = { menit_kerja: 1, jam_kerja: 60 };

// Every problem of a standard, with the field it concerns (e.g. 'steps.2.duration.amount').
export function validateStandard(input: unknown): { field: string; message: string }[] {
  const r = serviceStandardSchema.safeParse(input);
  if (!r.success) return r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  const s = r.data;
  // Steps that cannot fit the published total, when both are counted in minutes/hours
  // or both in the same day unit.
  const unitOf = (u: string) => (u in MINUTES ? 'menit' : u);
  const units = new Set(s.steps.map((st) => unitOf(st.duration.unit)));
  if (units.size === 1 && unitOf(s.total.unit) === [...units][0]) {
    const f = (d: { amount: number; unit: (typeof DURATION_UNITS)[number] }) => d.amount * (MINUTES[d.unit] ?? 1);
    const sum = s.steps.reduce((t, st) => t + f(st.duration), 0);
    if (sum > f(s.total)) {
      return [{ field: 'total', message: `Jumlah waktu semua langkah (${sum}) melebihi waktu penyelesaian standar (${f(s.total)}).` }];
    }
  }
  return [];
}

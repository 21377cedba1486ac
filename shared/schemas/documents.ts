import * as z from 'zod';
import { CLOSING_SATISFACTIONS, CLOSING_SATISFACTION_MISSING } from './skm';
import { ATTACHMENT_MAX_COUNT, SIFAT } from '../domain';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, PAPERS, SIGNED_KINDS } from '../documents/kinds';
import { DEFAULT_REGISTER_PATTERN, placeholderList, unknownNumberPlaceholders } from '../documents/numbering';
import { attachmentUploadSchema } from './complaint';
import { idSchema, isPngOrJpeg, optionalText, passwordField, saysAtLeast, text, versionSchema, withoutInvisible } from './common';
import { numberId } from '../text/numbers';
import { inOfficeYears, isLocalMinute, isYmd, OFFICE_YEARS } from '../time/workingTime';
import { closingSatisfactionSchema } from './skm';

// Inputs and settings of the paper trail: drafting and revising letters, paraf,
// signing, delivery and archive records, the numbering and templates the admin sets,
// and acting officials (Plt./Plh.).

// ── Templates of the letters ─────────────────────────────────────────────────────
export const TEMPLATE_KEYS = [
  'tanggapan_ditindaklanjuti',
  'tanggapan_ditolak',
  'tanggapan_informasi',
  'tanggapan_bukan_kewenangan',
  'penerusan',
  'kelengkapan',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];
export const TEMPLATE_LABEL: Record<TemplateKey, string> = {
  tanggapan_ditindaklanjuti: 'Surat tanggapan: ditindaklanjuti / selesai',
  tanggapan_ditolak: 'Surat tanggapan: ditolak dengan alasan',
  tanggapan_informasi: 'Surat tanggapan: pemberian informasi',
  tanggapan_bukan_kewenangan: 'Surat tanggapan: bukan kewenangan',
  penerusan: 'Surat penerusan ke instansi berwenang',
  kelengkapan: 'Pemberitahuan kelengkapan berkas',
};

// The outcomes a surat tanggapan answers with; each has its template.
export const OUTCOMES = ['ditindaklanjuti', 'ditolak', 'informasi', 'bukan_kewenangan'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABEL: Record<Outcome, string> = {
  ditindaklanjuti: 'Ditindaklanjuti / selesai',
  ditolak: 'Ditolak (dengan alasan)',
  informasi: 'Pemberian informasi',
  bukan_kewenangan: 'Bukan kewenangan kantor',
};

// {name} in a template is filled from the complaint when a letter is drafted.
export const PLACEHOLDERS = {
  nama_pelapor: 'Nama pelapor (atau "Saudara" bila anonim)',
  jenis: 'Jenis: pengaduan, aspirasi, permintaan informasi atau konsultasi',
  nomor_register: 'Nomor register pengaduan',
  tanggal_diterima: 'Tanggal pengaduan diterima',
  perihal: 'Perihal pengaduan',
  uraian: 'Uraian singkat pengaduan',
  kanal: 'Kanal penyampaian',
  tindak_lanjut: 'Tindak lanjut yang dicatat Kasi',
  alasan: 'Alasan (penolakan, penerusan) yang ditulis saat menyusun',
  instansi_tujuan: 'Instansi tujuan penerusan',
  kelengkapan_kurang: 'Butir kelengkapan yang belum ada',
  batas_kelengkapan: 'Tanggal terakhir melengkapi berkas',
  tempat_kelengkapan: 'Tempat menyerahkan kelengkapan',
  nama_kantor: 'Nama kantor',
  sebutan_pimpinan: 'Sebutan pimpinan (Camat)',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

/** The {names} a text uses that are not placeholders; empty when all are known. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
  return [...new Set(names.filter((n) => !Object.prototype.hasOwnProperty.call(PLACEHOLDERS, n)))];
}

// The settings are parsed again on every read of what is stored: a rule added to a text
// must hold for what was saved before it, or be asked on the way in only. `clean` is the
// way in: invisible characters taken out first, as from every other text field, so that a
// text of zero-width spaces is refused as empty rather than printed blank on every letter.
const settingText = (label: string, max: number, clean: boolean) =>
  clean
    ? text(label, max)
    : z
        .string({ error: `${label} wajib diisi.` })
        .trim()
        .min(1, { error: `${label} wajib diisi.` })
        .max(max, { error: `${label} paling panjang ${numberId(max)} karakter.` });

const withKnownPlaceholders = (label: string, max: number, clean: boolean) =>
  settingText(label, max, clean).superRefine((v, ctx) => {
    const unknown = unknownPlaceholders(v);
    if (unknown.length) {
      ctx.addIssue({
        code: 'custom',
        message: `${label} memakai isian yang tidak dikenal: ${unknown.map((u) => `{${u}}`).join(', ')}. Gunakan salah satu dari: ${Object.keys(PLACEHOLDERS).map((p) => `{${p}}`).join(', ')}.`,
      });
    }
  });

const template = (clean: boolean) =>
  z.object({
    hal: withKnownPlaceholders('Hal surat', 300, clean),
    /** Paragraphs separated by an empty line. */
    body: withKnownPlaceholders('Isi surat', 6000, clean),
    tembusan: z.array(settingText('Tembusan', 200, clean)).max(10, { error: 'Tembusan paling banyak 10.' }).default([]),
  });
export type Template = z.infer<ReturnType<typeof template>>;

// ── Numbering and paper ──────────────────────────────────────────────────────────
export const DEFAULT_NUMBER_PATTERN = '000.8.3.4/{urut}/{unit}/{tahun}';

const patternText = (label: string, max: number) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    .min(1, { error: `${label} wajib diisi.` })
    .max(max, { error: `${label} paling panjang ${max} karakter.` })
    .superRefine((v, ctx) => {
      const unknown = unknownNumberPlaceholders(v);
      if (unknown.length) {
        ctx.addIssue({
          code: 'custom',
          message: `${label} memakai isian yang tidak dikenal: ${unknown.map((u) => `{${u}}`).join(', ')}. Gunakan salah satu dari: ${placeholderList()}.`,
        });
      }
    });

export const numberPatternSchema = patternText('Pola nomor', 120).refine((v) => v.includes('{urut}'), {
  error: 'Pola nomor harus memuat {urut} (nomor urut surat).',
});

// {urut} and {tahun} both: the register counts from 1 each year, so without the year
// the numbers of two years would repeat.
export const registerPatternSchema = patternText('Pola nomor register', 60)
  .refine((v) => v.includes('{urut}'), { error: 'Pola nomor register harus memuat {urut} (nomor urut pengaduan dalam tahun itu).' })
  .refine((v) => v.includes('{tahun}'), { error: 'Pola nomor register harus memuat {tahun}, agar nomor tahun yang berbeda tidak kembar.' });

const settingsShape = (clean: boolean) =>
  z.object({
    paper: z.enum(PAPERS, { error: 'Pilih ukuran kertas: A4 atau F4.' }),
    /** The complaint register number; settings saved before it existed keep today's numbers. */
    registerPattern: registerPatternSchema.default(DEFAULT_REGISTER_PATTERN),
    numberPatterns: z.object(
      Object.fromEntries(SIGNED_KINDS.map((k) => [k, numberPatternSchema])) as Record<(typeof SIGNED_KINDS)[number], typeof numberPatternSchema>,
    ),
    controlCardCopies: z
      .array(settingText('Label lembar kartu kendali', 60, clean))
      .length(3, { error: 'Kartu kendali dicetak tiga lembar: isi tiga label.' }),
    /** Where the reporter brings missing kelengkapan: the pemberitahuan's, and the tanda terima's when some is. */
    kelengkapanPlace: settingText('Tempat menyerahkan kelengkapan', 200, clean),
    templates: z.object(Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, template(clean)])) as Record<TemplateKey, ReturnType<typeof template>>),
  });
// The settings as stored, and as a save brings them in (cleaned; see settingText).
export const documentSettingsSchema = settingsShape(false);
export const documentSettingsInputSchema = settingsShape(true);
export type DocumentSettings = z.infer<typeof documentSettingsSchema>;

// ── Drafting and revising ────────────────────────────────────────────────────────
export const SATISFACTIONS = ['puas', 'tidak_puas'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABEL: Record<Satisfaction, string> = { puas: 'Puas', tidak_puas: 'Tidak puas' };

const PARAGRAPH_MAX = 4000;
const paragraphs = z
  .array(z.string().overwrite(withoutInvisible).trim())
  .max(30, { error: 'Paling banyak 30 paragraf.' })
  // Which paragraph, and by how much: the editor shows the body as one text.
  .superRefine((ps, ctx) =>
    ps.forEach((p, i) => {
      if (p.length <= PARAGRAPH_MAX) return;
      const start = p.slice(0, 40).trimEnd();
      ctx.addIssue({
        code: 'custom',
        path: [i],
        message: `Paragraf ke-${i + 1} ("${start}…") ${numberId(p.length)} karakter; satu paragraf paling panjang ${numberId(PARAGRAPH_MAX)}. Pecah dengan baris kosong menjadi beberapa paragraf.`,
      });
    }),
  )
  .transform((ps) => ps.filter((p) => p !== ''))
  .refine((ps) => ps.length > 0, { error: 'Isi surat wajib diisi.' });

// What a drafter writes and a checker may change; the rest of the letter (kop, number,
// addressee, signature) comes from the complaint and the office.
export const draftContentSchema = z.object({
  hal: text('Hal', 300),
  sifat: z.enum(SIFAT, { error: 'Pilih sifat surat.' }).default('biasa'),
  lampiran: optionalText('Lampiran', 100).default('-'),
  body: paragraphs,
  tembusan: z.array(text('Tembusan', 200)).max(10, { error: 'Tembusan paling banyak 10.' }).default([]),
  /** Berita acara: the reporter's statement, as at closing (puas or tidak puas becomes the complaint's once signed; tidak ditanyakan, none). */
  satisfaction: z.enum(CLOSING_SATISFACTIONS, { error: CLOSING_SATISFACTION_MISSING }).nullable().default(null),
});
export type DraftContent = z.infer<typeof draftContentSchema>;
export type DraftContentInput = z.input<typeof draftContentSchema>;

export const DRAFTABLE_KINDS = ['surat_tanggapan', 'berita_acara', 'laporan_tindak_lanjut'] as const;

/** Outcomes whose answer states why: a refusal, or a matter for another agency. */
export const OUTCOMES_WITH_REASON: readonly Outcome[] = ['ditolak', 'bukan_kewenangan'];

export const draftInputSchema = z
  .object({
    complaintId: idSchema,
    kind: z.enum(DRAFTABLE_KINDS, { error: 'Pilih jenis dokumen jawaban.' }),
    outcome: z.enum(OUTCOMES, { error: 'Pilih hasil penanganan.' }).default('ditindaklanjuti'),
    /** Reason or extra words for the template's {alasan}. */
    reason: optionalText('Alasan', 1000),
    satisfaction: z.enum(CLOSING_SATISFACTIONS, { error: CLOSING_SATISFACTION_MISSING }).nullable().default(null),
  })
  // A refusal or a forward without its reason would be signed with a bare "-" for it.
  .superRefine((v, ctx) => {
    if (v.kind === 'surat_tanggapan' && OUTCOMES_WITH_REASON.includes(v.outcome) && v.reason === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: v.outcome === 'ditolak' ? 'Tulis alasan penolakan; alasan ini dimuat dalam surat kepada pelapor.' : 'Tulis mengapa pengaduan ini bukan kewenangan kantor; alasan ini dimuat dalam surat.',
      });
    }
  });
export type DraftInput = z.input<typeof draftInputSchema>;

// rowVersion: the draft as the user opened it; a change made since (a newer version, a
// return, a signature) refuses the save.
export const reviseInputSchema = z.object({ id: idSchema, rowVersion: versionSchema, content: draftContentSchema });
export type ReviseInput = z.input<typeof reviseInputSchema>;

export const returnDocumentSchema = z.object({
  id: idSchema,
  reason: text('Alasan pengembalian', 1000).refine(saysAtLeast(5), { error: 'Tulis alasan pengembalian minimal 5 huruf.' }),
});

export const signInputSchema = z.object({
  id: idSchema,
  password: passwordField('Masukkan kata sandi Anda untuk menandatangani.'),
});

// signerId: who signed the printed draft by hand (one of the document's wetSigners).
export const printWetInputSchema = z.object({ id: idSchema, signerId: idSchema });
/** `printedAt`: when the paper scanned was printed (wetPaper.printed.at): a sheet printed again since is void. */
export const signWetInputSchema = z.object({ id: idSchema, printedAt: z.string().max(40), scan: attachmentUploadSchema });

/** A code as printed at the foot of a letter signed on screen: 12 letters and digits, in fours. */
export const VERIFY_CODE_EXAMPLE = 'K7QF-2M9X-PD4R';
const VERIFY_CODE_CHARS = 12;

export const verifyInputSchema = z
  .object({
    code: optionalText('Kode periksa', 40),
    docxBase64: z.string().max(14_000_000, { error: 'Berkas DOCX paling besar 10 MB.' }).default(''),
  })
  .refine((v) => v.code !== '' || v.docxBase64 !== '', { error: 'Masukkan kode periksa atau pilih berkas DOCX.', path: ['code'] })
  .superRefine((v, ctx) => {
    // Spaces and dashes as typed do not count; a code of another length is no code at all.
    const n = v.code.replace(/[^0-9A-Za-z]/g, '').length;
    if (v.code !== '' && n !== VERIFY_CODE_CHARS) {
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: `Kode periksa terdiri atas ${VERIFY_CODE_CHARS} huruf dan angka, contoh ${VERIFY_CODE_EXAMPLE}; yang diketik ${n}. Salin lagi kode dari kotak di kaki dokumen.`,
      });
    }
  });

export const verifyResultSchema = z.object({
  found: z.boolean(),
  /** Plain-language verdict for the screen. */
  message: z.string(),
  document: z
    .object({
      kind: z.enum(DOCUMENT_KINDS),
      title: z.string(),
      number: z.string(),
      registerNo: z.string(),
      signedAt: z.string().nullable(),
      signerName: z.string(),
      status: z.enum(DOCUMENT_STATUSES),
      superseded: z.boolean(),
    })
    .nullable(),
});

// ── Delivery and archive ─────────────────────────────────────────────────────────
export const DELIVERY_CHANNELS = ['langsung', 'pos', 'kurir', 'email', 'whatsapp', 'telepon', 'lainnya'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export const DELIVERY_CHANNEL_LABEL: Record<DeliveryChannel, string> = {
  langsung: 'Diserahkan langsung',
  pos: 'Pos',
  kurir: 'Kurir/ekspedisi',
  email: 'Email',
  whatsapp: 'WhatsApp',
  telepon: 'Telepon',
  lainnya: 'Lainnya',
};

/** Ways the answer is handed over and signed for by the receiver; the others are sent or told. */
export const HANDED_OVER: ReadonlySet<DeliveryChannel> = new Set(['langsung', 'kurir']);

export const deliverInputSchema = z.object({
  complaintId: idSchema,
  channel: z.enum(DELIVERY_CHANNELS, { error: 'Pilih cara penyampaian.' }),
  /** Local date and time in the office's zone, "2026-11-30T10:15". */
  deliveredAt: z
    .string({ error: 'Isi tanggal dan jam penyampaian.' })
    .min(1, { error: 'Isi tanggal dan jam penyampaian.' })
    .refine((v) => v === '' || isLocalMinute(v), { error: 'Tanggal atau jam penyampaian tidak ada di kalender; periksa tanggalnya dan jamnya (00.00–23.59).' }),
  recipient: text('Nama penerima', 150),
  note: optionalText('Keterangan', 500),
  proof: z.array(attachmentUploadSchema).max(ATTACHMENT_MAX_COUNT, { error: `Bukti paling banyak ${ATTACHMENT_MAX_COUNT} berkas.` }).default([]),
  // The reporter's statement, when the delivery completes the standard's last step.
  satisfaction: closingSatisfactionSchema.optional(),
});
export type DeliverInput = z.input<typeof deliverInputSchema>;

export const archiveInputSchema = z.object({
  complaintId: idSchema,
  location: text('Tempat arsip (ordner/box)', 120),
  satisfaction: closingSatisfactionSchema.optional(),
});

// ── Acting officials and signature specimens ─────────────────────────────────────
export const ACTING_KINDS = ['plt', 'plh'] as const;
export type ActingKind = (typeof ACTING_KINDS)[number];
export const ACTING_LABEL: Record<ActingKind, string> = { plt: 'Plt. (Pelaksana Tugas)', plh: 'Plh. (Pelaksana Harian)' };

const ymd = (label: string) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .refine(isYmd, { error: `${label} harus tanggal yang ada di kalender (TTTT-BB-HH).` })
    .refine((v) => !isYmd(v) || inOfficeYears(v), { error: `${label} harus dalam ${OFFICE_YEARS}.` });
export const actingOfficialInputSchema = z
  .object({ userId: idSchema, kind: z.enum(ACTING_KINDS, { error: 'Pilih Plt. atau Plh.' }), from: ymd('Mulai tanggal'), to: ymd('Sampai tanggal') })
  .refine((v) => v.from <= v.to, { error: 'Tanggal akhir penunjukan tidak boleh sebelum tanggal mulainya.', path: ['to'] });
export const actingOfficialSchema = z.object({
  id: idSchema,
  userId: idSchema,
  name: z.string(),
  jabatan: z.string(),
  kind: z.enum(ACTING_KINDS),
  from: z.string(),
  to: z.string(),
});
export type ActingOfficial = z.infer<typeof actingOfficialSchema>;

export const SIGNATURE_MAX_BYTES = 256 * 1024;
export const SIGNATURE_NOT_IMAGE = 'Berkas tanda tangan bukan gambar PNG atau JPG yang dapat dibaca. Pindai atau foto ulang tanda tangan, lalu unggah lagi.';
export const signatureImageSchema = z
  .string()
  .max(Math.ceil((SIGNATURE_MAX_BYTES * 4) / 3) + 40, { error: 'Gambar tanda tangan paling besar 256 KB.' })
  .refine((v) => v === '' || isPngOrJpeg(v), { error: SIGNATURE_NOT_IMAGE });

export const signatureQueueItemSchema = z.object({
  id: idSchema,
  complaintId: idSchema.nullable(),
  registerNo: z.string(),
  subject: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  parafNames: z.array(z.string()),
  /** Its paper printed to be signed by hand: the number, and the official named to sign it ("…, (Plh. Camat …)"); null when none is printed. */
  wetPaper: z.object({ number: z.string(), signer: z.string() }).nullable(),
  /** As the document's own: the stand-in sentence its body still holds, or null. */
  standIn: z.string().nullable(),
});
export type SignatureQueueItem = z.infer<typeof signatureQueueItemSchema>;

// A letter printed to be signed by hand whose scan is still to be recorded (Tugas saya).
// Only letters of a complaint are signed by hand.
export const scanAwaitedSchema = z.object({
  id: idSchema,
  complaintId: idSchema,
  registerNo: z.string(),
  subject: z.string(),
  title: z.string(),
  number: z.string(),
  /** The official the paper was printed for, with his capacity ("…, Plh. Camat …"). */
  signer: z.string(),
  printedAt: z.string(),
  printedByName: z.string(),
});
export type ScanAwaited = z.infer<typeof scanAwaitedSchema>;

export { idSchema };

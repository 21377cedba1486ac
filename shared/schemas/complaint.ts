import * as z from 'zod';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_COUNT,
  ATTACHMENT_TYPES,
  CATEGORIES,
  CHANNEL_CODES,
  COMPLAINT_KINDS,
  STATUSES,
} from '../domain';
import { idSchema, monthField, monthWithYear, optionalText, text, withoutInvisible, yearField } from './common';
import { formatTanggal } from '../time/format';
import { DATE_OF, isMonthKey, isStepSpan, KEADAAN, MONTH_KEY_MESSAGE, sortFields, STEP_NO_MAX, STEP_SPAN_MESSAGE, STEP_VERSIONS_MAX } from '../registerQuery';
import { addDaysYmd, fromLocal, isYmd, localDate, type TimeZoneId } from '../time/workingTime';

const maxBase64 = Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4;
const maxMb = ATTACHMENT_MAX_BYTES / 1024 / 1024;

/**
 * A file name as shown and stored: the last path segment only, without control or
 * bidirectional-override characters (which can make "gpj.exe" read as "exe.jpg").
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, '')
    .replace(/^\.+/, '')
    .trim();
  return clean === '' ? 'berkas' : clean;
}

export const attachmentUploadSchema = z
  .object({
    fileName: text('Nama berkas', 150).transform(cleanFileName),
    mime: z.string(),
    dataBase64: z.string().regex(/^[A-Za-z0-9+/]*=*$/, { error: 'Isi berkas rusak; pilih ulang berkasnya.' }),
  })
  .superRefine((a, ctx) => {
    if (!(a.mime in ATTACHMENT_TYPES)) {
      ctx.addIssue({
        code: 'custom',
        path: ['mime'],
        message: `Berkas "${a.fileName}" bukan foto (JPG/PNG/WEBP) atau PDF; ubah dulu ke salah satu jenis itu.`,
      });
    }
    if (a.dataBase64.length > maxBase64) {
      ctx.addIssue({
        code: 'custom',
        path: ['dataBase64'],
        message: `Berkas "${a.fileName}" lebih besar dari ${maxMb} MB; perkecil atau pindai ulang dengan resolusi lebih rendah.`,
      });
    }
    if (a.dataBase64.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['dataBase64'], message: `Berkas "${a.fileName}" kosong.` });
    }
  });
export type AttachmentUpload = z.infer<typeof attachmentUploadSchema>;

// A NIK copied from the KTP as it is printed, in groups ("3528 0154 0378 0001"), is kept as
// its 16 digits: spaces, dots and dashes between them are dropped.
const nik = z
  .string({ error: 'NIK harus berupa teks.' })
  .overwrite((v) => withoutInvisible(v).replace(/[\s.-]/g, ''))
  .refine((v) => v === '' || /^\d{16}$/.test(v), { error: 'NIK harus 16 angka sesuai KTP, atau kosongkan bila tidak ada.' })
  .default('');
// Written as offices and people write them: "0812-3456-7890", "+62 823 3145 6789", "(0324) 771-0982".
const phone = optionalText('Telepon/WA', 24).refine((v) => v === '' || (/^\+?\(?\d[\d ().-]{6,22}$/.test(v) && v.replace(/\D/g, '').length >= 7), {
  error: 'Nomor telepon/WA berisi angka, boleh dengan spasi, tanda hubung, titik, kurung atau +62; contoh: 081234567890 atau (0324) 771-0982.',
});
const email = optionalText('Email', 120).refine((v) => v === '' || z.email().safeParse(v).success, {
  error: 'Alamat email pelapor tidak valid, contoh: nama@contoh.com.',
});
// What is wrong with a date a reporter names (of an incident, of a letter), or null: it is
// a day the calendar has, from 1900 on.
const namedDateIssue = (label: string, v: string) =>
  v === '' ? null : !isYmd(v) ? `${label} tidak valid; tulis sebagai HH/BB/TTTT.` : v < '1900-01-01' ? `${label} terlalu lama; tahun paling awal 1900. Periksa tahunnya.` : null;
const ymd = (label: string) =>
  optionalText(label, 10).superRefine((v, ctx) => {
    const issue = namedDateIssue(label, v);
    if (issue) ctx.addIssue({ code: 'custom', message: issue });
  });
// The fields added for backdated receipts and letters may be left out altogether ('' then).
const laterYmd = (label: string) =>
  z
    .string({ error: `${label} harus berupa teks.` })
    .trim()
    .refine((v) => v === '' || isYmd(v), { error: `${label} tidak valid; tulis sebagai HH/BB/TTTT.` })
    .optional();
const hhmm = z
  .string({ error: 'Jam diterima harus berupa teks.' })
  .trim()
  .refine((v) => v === '' || /^([01]\d|2[0-3])[:.][0-5]\d$/.test(v), { error: 'Jam diterima tidak valid; tulis sebagai JJ.MM, contoh 09.30.' })
  .optional();

/** How many days back the officer may date a receipt when the office has not chosen. */
export const DEFAULT_BACKDATE_DAYS = 14;

/** The instant of receipt the officer entered (office time), or null for "now". */
export function receivedInstant(c: { receivedDate?: string | undefined; receivedTime?: string | undefined }, tz: TimeZoneId): string | null {
  return c.receivedDate ? fromLocal(c.receivedDate, (c.receivedTime ?? '').replace('.', ':'), tz) : null;
}

/**
 * Why an entered time of receipt cannot be taken: after `now`, or earlier than `days`
 * office days back. Checked by the form against `now` as the host last told it and again
 * by the core against its own clock.
 */
export function receivedAtIssue(receivedAt: string, now: string, days: number, tz: TimeZoneId): string | null {
  if (Date.parse(receivedAt) > Date.parse(now)) return 'Tanggal dan jam diterima tidak boleh sesudah saat ini; periksa tanggal dan jamnya.';
  const earliest = addDaysYmd(localDate(now, tz), -days);
  if (localDate(receivedAt, tz) < earliest) {
    return `Tanggal diterima paling jauh ${days} hari ke belakang (sejak ${formatTanggal(earliest, tz)}); untuk yang lebih lama, kosongkan tanggal diterima dan sebut tanggal aslinya di uraian.`;
  }
  return null;
}

/** The longest SP4N-LAPOR! tracking number taken, at intake as at import. */
/** The longest uraian a complaint may have, in characters. */
export const DESCRIPTION_MAX = 5000;
export const LAPOR_TRACKING_MAX = 40;
const LAPOR_TRACKING_LABEL = 'Nomor tracking SP4N-LAPOR!';

/**
 * A tracking number as it is stored and compared: without spaces, as the importer keys
 * it ("583 9201" is "5839201").
 */
const laporTrackingKey = (typed: string) => typed.replace(/\s+/g, '');

// Why a tracking number typed for an SP4N-LAPOR! complaint cannot be taken, or null.
function laporTrackingIssue(typed: string): string | null {
  const id = laporTrackingKey(typed);
  if (id === '') return `${LAPOR_TRACKING_LABEL} wajib diisi untuk kanal SP4N-LAPOR!; salin nomor laporan dari lapor.go.id.`;
  if (id.length > LAPOR_TRACKING_MAX) return `${LAPOR_TRACKING_LABEL} paling panjang ${LAPOR_TRACKING_MAX} karakter; periksa nomornya di lapor.go.id.`;
  if (!/^[A-Za-z0-9-]{3,}$/.test(id)) return `${LAPOR_TRACKING_LABEL} hanya berisi huruf, angka dan tanda hubung (-), paling sedikit 3 karakter, contoh 5839201.`;
  return null;
}

/** The message for a date of incident after the complaint's date of receipt (TTTT-BB-HH), or
 * after today when the date of receipt typed beside it is not one (it is said wrong too). */
export const incidentAfterReceipt = (receivedYmd: string, today = false) =>
  `Tanggal kejadian tidak boleh sesudah ${today ? 'hari ini' : 'tanggal diterima'} (${formatTanggal(receivedYmd, 'Asia/Jakarta')}); periksa tanggal kejadiannya.`;

// The fields of one channel only: the tracking number for SP4N-LAPOR!, the sender's letter
// for Surat. A form switched from one channel to another may still hold those of the first;
// fields of another channel than the complaint's are neither checked nor kept (the output
// has them empty), so nothing hidden can hold a save back and nothing out of place is stored.
const channelText = (label: string) => z.string({ error: `${label} harus berupa teks.` }).overwrite(withoutInvisible);
const CHANNEL_FIELDS = ['channel', 'laporTrackingId', 'letterNo', 'letterDate'];

// Whether the rules across fields may read the parsed object: it is one (not null, a number
// or a list sent instead) and none of `fields` was refused.
const readable =
  (fields: (path: PropertyKey[]) => boolean) =>
  (payload: { value: unknown; issues: readonly { path?: PropertyKey[] }[] }) =>
    typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) && !payload.issues.some(({ path = [] }) => path.length === 0 || fields(path));

// One schema for the intake form (renderer) and the core's validation.
export const complaintInputSchema = z
  .object({
    kind: z.enum(COMPLAINT_KINDS, { error: 'Pilih jenis: pengaduan, aspirasi, permintaan informasi atau konsultasi.' }),
    channel: z.enum(CHANNEL_CODES, { error: 'Pilih kanal penerimaan.' }),
    category: z.enum(CATEGORIES, { error: 'Pilih kategori.' }),
    reporter: z.object({
      name: optionalText('Nama pelapor', 120),
      address: optionalText('Alamat pelapor', 250),
      nik,
      phone,
      email,
      anonymous: z.boolean().default(false),
      confidential: z.boolean().default(false),
    }),
    subject: text('Perihal', 200),
    description: text('Uraian pengaduan', DESCRIPTION_MAX),
    loss: optionalText('Kerugian', 2000),
    expectation: optionalText('Harapan/permintaan penyelesaian', 2000),
    incidentPlace: optionalText('Tempat kejadian', 200),
    incidentDate: ymd('Tanggal kejadian'),
    // For the SP4N-LAPOR! channel only, and required there.
    laporTrackingId: channelText(LAPOR_TRACKING_LABEL).default(''),
    // Empty: received now. Office-local date and time, when it arrived earlier.
    receivedDate: laterYmd('Tanggal diterima'),
    receivedTime: hhmm,
    // The sender's letter, for the Surat channel only.
    letterNo: channelText('Nomor surat').optional(),
    letterDate: channelText('Tanggal surat').optional(),
    // An earlier complaint this one may duplicate, chosen by the officer before saving.
    linkTo: idSchema.optional(),
    kelengkapan: z.array(z.string().max(200)).max(30).default([]),
    attachments: z
      .array(attachmentUploadSchema)
      .max(ATTACHMENT_MAX_COUNT, { error: `Lampiran paling banyak ${ATTACHMENT_MAX_COUNT} berkas.` })
      .default([]),
  })
  .superRefine((c, ctx) => {
    if (!c.reporter.anonymous && c.reporter.name === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['reporter', 'name'],
        message: 'Nama pelapor wajib diisi, atau centang "Anonim" bila pelapor tidak mau disebut namanya.',
      });
    }
    // Checked whenever the name and the anonymous flag themselves are readable, so the
    // officer sees this message with the others on the first save, not after fixing them.
  }, { when: readable((path) => path[0] === 'reporter' && (path.length === 1 || path[1] === 'name' || path[1] === 'anonymous')) })
  .superRefine((c, ctx) => {
    // Only the complaint's own channel's fields are checked.
    if (c.channel === 'sp4n_lapor') {
      const issue = laporTrackingIssue(c.laporTrackingId);
      if (issue) ctx.addIssue({ code: 'custom', path: ['laporTrackingId'], message: issue });
    }
    if (c.channel === 'surat') {
      if ((c.letterNo ?? '').trim().length > 100) ctx.addIssue({ code: 'custom', path: ['letterNo'], message: 'Nomor surat paling panjang 100 karakter.' });
      const letterDate = (c.letterDate ?? '').trim();
      const issue = namedDateIssue('Tanggal surat', letterDate);
      if (issue) ctx.addIssue({ code: 'custom', path: ['letterDate'], message: issue });
    }
  }, { when: readable((path) => CHANNEL_FIELDS.includes(String(path[0]))) })
  .superRefine((c, ctx) => {
    const { receivedDate = '', receivedTime = '' } = c;
    const letterDate = c.channel === 'surat' ? (c.letterDate ?? '').trim() : '';
    if (receivedDate !== '' && receivedTime === '') {
      ctx.addIssue({ code: 'custom', path: ['receivedTime'], message: 'Isi jam diterima (JJ.MM), atau kosongkan tanggal diterima bila diterima sekarang.' });
    }
    if (receivedDate === '' && receivedTime !== '') {
      ctx.addIssue({ code: 'custom', path: ['receivedDate'], message: 'Isi tanggal diterima, atau kosongkan jamnya bila diterima sekarang.' });
    }
    if (letterDate !== '' && receivedDate !== '' && letterDate > receivedDate) {
      ctx.addIssue({ code: 'custom', path: ['letterDate'], message: 'Tanggal surat tidak boleh sesudah tanggal diterima.' });
    }
  }, { when: readable((path) => ['receivedDate', 'receivedTime', ...CHANNEL_FIELDS].includes(String(path[0]))) })
  // Another channel's fields leave empty; the tracking number without spaces. (Rewritten in
  // place, not transformed: the schema stays an object, so the form's rules added below still
  // run beside the other fields' messages on the first save.)
  .overwrite((c) => {
    const surat = c.channel === 'surat';
    return {
      ...c,
      laporTrackingId: c.channel === 'sp4n_lapor' ? laporTrackingKey(c.laporTrackingId) : '',
      letterNo: surat ? (c.letterNo ?? '').trim() : '',
      letterDate: surat ? (c.letterDate ?? '').trim() : '',
    };
  });

/**
 * The intake form's schema: the input schema plus the time-of-receipt rule against `now`
 * (the host's clock as the session told it) and the office's limit (the core checks again
 * against its own clock).
 */
export const intakeFormSchema = (rules: () => { backdateDays: number; tz: TimeZoneId }, now: () => Date) =>
  complaintInputSchema
    // A day of receipt after today is said at once, before the hour is settled (the rule
    // below needs both); with it said, the rule below does not say it again.
    .superRefine((c, ctx) => {
      if ((c.receivedDate ?? '') > localDate(now().toISOString(), rules().tz)) {
        ctx.addIssue({ code: 'custom', path: ['receivedDate'], message: 'Tanggal diterima tidak boleh sesudah hari ini; periksa tanggalnya.' });
      }
    }, { when: readable((path) => path[0] === 'receivedDate') })
    .superRefine((c, ctx) => {
      const { backdateDays, tz } = rules();
      const at = receivedInstant(c, tz);
      const issue = at && receivedAtIssue(at, now().toISOString(), backdateDays, tz);
      if (issue) ctx.addIssue({ code: 'custom', path: ['receivedDate'], message: issue });
    }, { when: readable((path) => path[0] === 'receivedDate' || path[0] === 'receivedTime') })
    // The date of incident is at the latest the date of receipt (today when received now).
    // Said on the same save as a wrong date of receipt: against today when that one is not a
    // date or after today. The core checks it too, against its own clock, once the time of
    // receipt is settled.
    .superRefine((c, ctx) => {
      const today = localDate(now().toISOString(), rules().tz);
      const entered = c.receivedDate ?? '';
      const usable = isYmd(entered) && entered < today;
      const received = usable ? entered : today;
      if (c.incidentDate !== '' && c.incidentDate > received) {
        ctx.addIssue({ code: 'custom', path: ['incidentDate'], message: incidentAfterReceipt(received, entered !== '' && !usable && entered !== today) });
      }
    }, { when: readable((path) => path[0] === 'incidentDate') });
export type ComplaintInput = z.input<typeof complaintInputSchema>;
export type ComplaintData = z.output<typeof complaintInputSchema>;

const monthKeySchema = z.string({ error: MONTH_KEY_MESSAGE }).refine(isMonthKey, { error: MONTH_KEY_MESSAGE });

// A filter given a value the register's lists do not offer (a request made by hand, or
// an old address): said by name, with what to do.
const choice = (what: string) => ({ error: `${what} tidak dikenal; pilih dari daftar ${what.toLowerCase()} di register.` });

// The register's filters, order and page (complaintQuerySchema checks the month has its
// year); the XLSX export takes the same without the page (registerExportInputSchema).
export const complaintQueryFields = z.object({
  year: yearField().optional(),
  status: z.enum(STATUSES, choice('Status')).optional(),
  channel: z.enum(CHANNEL_CODES, choice('Kanal')).optional(),
  category: z.enum(CATEGORIES, choice('Kategori')).optional(),
  // With a year: only that month. `dateOf` says which date the year and month filter:
  // received (the register's order) or closed (what the recap counts as finished).
  month: monthField().optional(),
  dateOf: z.enum(DATE_OF, { error: 'Tanggal yang disaring hanya tanggal diterima atau tanggal selesai.' }).default('diterima'),
  // The seksi the complaint was disposed to (the recap's and dashboard's "Seksi").
  seksi: z.string({ error: 'Seksi ditulis sebagai nama seksi.' }).trim().max(80, { error: 'Nama seksi paling panjang 80 karakter.' }).optional(),
  // Disposed to no seksi yet (the recap's and dashboard's "Tanpa disposisi").
  tanpaSeksi: z.literal(true, { error: 'Saring "Tanpa disposisi" dengan nilai true, atau jangan kirim saringan itu.' }).optional(),
  // Open now, or open and past the standard's due now (not while waiting for the reporter):
  // the dashboard's "Belum selesai" and "Terlambat".
  keadaan: z.enum(KEADAAN, choice('Keadaan')).optional(),
  // With keadaan 'terlambat': late at the end of this office month ('YYYY-MM', one that has
  // ended) instead of now, as the dashboard's trend counts it. Ignored without it.
  akhirBulan: monthKeySchema.optional(),
  // The complaints that completed step `no` of the standard within the office months dari
  // to sampai, or (terlambat) completed it past the step's due: the dashboard's slowest
  // steps. A complaint that did the step twice is listed once.
  langkah: z
    .object({
      // (A type's own message is its checks' too, where they name none.)
      no: z.number({ error: `Langkah ditulis dengan nomornya, 1–${STEP_NO_MAX}.` }).int().min(1).max(STEP_NO_MAX),
      dari: monthKeySchema,
      sampai: monthKeySchema,
      terlambat: z.literal(true, { error: 'Saring langkah terlambat dengan nilai true, atau jangan kirim saringan itu.' }).optional(),
      versi: z
        .array(z.number().int().min(1), { error: 'Versi standar ditulis sebagai daftar nomor versi.' })
        .min(1, { error: 'Sebutkan paling sedikit satu versi standar, atau jangan kirim saringan versi.' })
        .max(STEP_VERSIONS_MAX, { error: `Paling banyak ${STEP_VERSIONS_MAX} versi standar.` })
        .optional(),
    })
    .refine(isStepSpan, { error: STEP_SPAN_MESSAGE })
    .optional(),
  q: z.string({ error: 'Kata kunci harus berupa teks.' }).trim().max(100, { error: 'Kata kunci paling panjang 100 karakter.' }).optional(),
  sort: z.enum(sortFields, { error: 'Urutan register tidak dikenal; pilih urutan dari judul kolom.' }).default('registerNo'),
  dir: z.enum(['asc', 'desc'], { error: 'Arah urutan hanya asc (naik) atau desc (turun).' }).default('desc'),
  offset: z.number({ error: 'Halaman register tidak terbaca; muat ulang halaman.' }).int().min(0).default(0),
  limit: z.number({ error: 'Jumlah baris per halaman 1–200.' }).int().min(1).max(200).default(50),
});
export const complaintQuerySchema = complaintQueryFields.refine(...monthWithYear);
export type ComplaintQuery = z.input<typeof complaintQuerySchema>;

export const complaintRowSchema = z.object({
  id: idSchema,
  registerNo: z.string(),
  receivedAt: z.string(),
  kind: z.enum(COMPLAINT_KINDS),
  channel: z.enum(CHANNEL_CODES),
  category: z.enum(CATEGORIES),
  reporterName: z.string(),
  subject: z.string(),
  status: z.enum(STATUSES),
});
export type ComplaintRow = z.infer<typeof complaintRowSchema>;

export const attachmentMetaSchema = z.object({
  id: idSchema,
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
});

export const complaintEventSchema = z.object({
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  status: z.enum(STATUSES).nullable(),
  note: z.string(),
});

export const complaintDetailSchema = complaintRowSchema.extend({
  reporter: z.object({
    name: z.string(),
    address: z.string(),
    nik: z.string(),
    phone: z.string(),
    email: z.string(),
    anonymous: z.boolean(),
    confidential: z.boolean(),
  }),
  personalDataMasked: z.boolean(),
  description: z.string(),
  loss: z.string(),
  expectation: z.string(),
  incidentPlace: z.string(),
  incidentDate: z.string(),
  laporTrackingId: z.string(),
  kelengkapan: z.array(z.string()),
  /** The items of the complaint's standard (its version) not ticked at intake. */
  kelengkapanMissing: z.array(z.string()),
  /** When the record was made; later than receivedAt when the receipt was backdated. */
  enteredAt: z.string(),
  backdated: z.boolean(),
  letterNo: z.string(),
  letterDate: z.string(),
  /** Complaints linked to this one at intake (possible duplicates), either way. */
  links: z.array(z.object({ id: idSchema, registerNo: z.string(), subject: z.string() })),
  receivedByName: z.string(),
  attachments: z.array(attachmentMetaSchema),
  events: z.array(complaintEventSchema),
});
export type ComplaintDetail = z.infer<typeof complaintDetailSchema>;

// The same reporter says which of the numbers typed matched, so the officer can judge it.
export const SIMILAR_REASONS = ['nik sama', 'telepon sama', 'isi mirip'] as const;
export const SIMILAR_REASON_LABEL: Record<(typeof SIMILAR_REASONS)[number], string> = {
  'nik sama': 'NIK sama',
  'telepon sama': 'Nomor telepon sama',
  'isi mirip': 'Isi mirip',
};
export const SIMILAR_MAX = 5;

// What the intake form sends to look for possible duplicates before saving.
export const similarQuerySchema = z.object({
  reporterNik: nik.optional(),
  reporterPhone: phone.optional(),
  subject: z.string().max(200).default(''),
  description: z.string().max(DESCRIPTION_MAX).default(''),
});
export type SimilarQuery = z.input<typeof similarQuerySchema>;

// A candidate carries no reporter data: only why it came up.
export const similarComplaintSchema = z.object({
  id: idSchema,
  registerNo: z.string(),
  subject: z.string(),
  receivedAt: z.string(),
  status: z.enum(STATUSES),
  reason: z.enum(SIMILAR_REASONS),
});
export type SimilarComplaint = z.infer<typeof similarComplaintSchema>;

import * as z from 'zod';
import { CATEGORIES, CHANNEL_CODES, COMPLAINT_KINDS, STATUSES } from '../domain';

// Import of an office's old register (Excel or CSV) and of an SP4N-LAPOR! export:
// the columns a sheet may hold, how the user maps them, and what the preview and the
// final report show. Shared by the Admin's page and the core.

export const IMPORT_SOURCES = ['register', 'lapor'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];
export const IMPORT_SOURCE_LABEL: Record<ImportSource, string> = {
  register: 'Buku register lama (Excel/CSV)',
  lapor: 'Ekspor SP4N-LAPOR!',
};

// The fields a row can fill, in the order the register usually lists them.
export const IMPORT_FIELDS = [
  'registerNo',
  'laporId',
  'receivedDate',
  'reporterName',
  'gender',
  'address',
  'phone',
  'identity',
  'subject',
  'description',
  'reported',
  'incidentPlace',
  'incidentDate',
  'channel',
  'kind',
  'category',
  'seksi',
  'followUp',
  'status',
  'closedDate',
  'remarks',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABEL: Record<ImportField, string> = {
  registerNo: 'No. Register',
  laporId: 'ID Pelacakan LAPOR!',
  receivedDate: 'Tanggal diterima',
  reporterName: 'Nama pelapor',
  gender: 'Jenis kelamin',
  address: 'Alamat',
  phone: 'No. HP',
  identity: 'Jenis/No. tanda pengenal',
  subject: 'Perihal/Judul',
  description: 'Uraian/Isi',
  reported: 'Terlapor',
  incidentPlace: 'Lokasi kejadian',
  incidentDate: 'Tanggal kejadian',
  channel: 'Media/Kanal',
  kind: 'Jenis/Klasifikasi',
  category: 'Kategori',
  seksi: 'Unit/Seksi',
  followUp: 'Tindak lanjut',
  status: 'Status',
  closedDate: 'Tanggal selesai',
  remarks: 'Keterangan',
};

/** The fields without which a row is skipped, per source. */
export const IMPORT_REQUIRED: Record<ImportSource, readonly ImportField[]> = {
  register: ['registerNo', 'receivedDate', 'description'],
  lapor: ['laporId', 'receivedDate', 'description'],
};

// A column is chosen by its position in the header row (0 = first column); null: none.
export const importMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(199).nullable());
export type ImportMapping = z.infer<typeof importMappingSchema>;

/** The largest file taken, before base64. */
export const IMPORT_MAX_BYTES = 12 * 1024 * 1024;
const maxBase64 = Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4;
export const IMPORT_MAX_ROWS = 20_000;

export const importFileSchema = z.object({
  fileName: z.string().trim().min(1, { error: 'Pilih berkas Excel (.xlsx) atau CSV.' }).max(200),
  dataBase64: z
    .string()
    .min(1, { error: 'Berkas kosong; pilih berkas register yang berisi data.' })
    .max(maxBase64, { error: `Berkas lebih besar dari ${IMPORT_MAX_BYTES / 1024 / 1024} MB; pecah register per tahun lalu impor satu per satu.` })
    .regex(/^[A-Za-z0-9+/]*=*$/, { error: 'Isi berkas rusak; pilih ulang berkasnya.' }),
});

export const importPreviewInputSchema = z.object({
  file: importFileSchema,
  // Left out: the first sheet, the source and the mapping the core suggests.
  sheet: z.string().max(100).optional(),
  source: z.enum(IMPORT_SOURCES).optional(),
  mapping: importMappingSchema.optional(),
});
export type ImportPreviewInput = z.input<typeof importPreviewInputSchema>;

export const importRunInputSchema = z.object({
  file: importFileSchema,
  sheet: z.string().max(100).optional(),
  source: z.enum(IMPORT_SOURCES),
  mapping: importMappingSchema,
  confirm: z.literal(true, { error: 'Centang persetujuan impor sebelum menyimpan.' }),
});
export type ImportRunInput = z.input<typeof importRunInputSchema>;

export const importRowSchema = z.object({
  // The row's number in the sheet as Excel shows it.
  row: z.number().int(),
  ok: z.boolean(),
  // Why the row is skipped (Indonesian), when !ok.
  reasons: z.array(z.string()),
  // What was filled in or left out for a row that is imported (Indonesian).
  notes: z.array(z.string()),
  registerNo: z.string(),
  laporId: z.string(),
  receivedDate: z.string(),
  reporterName: z.string(),
  subject: z.string(),
  channel: z.enum(CHANNEL_CODES).nullable(),
  kind: z.enum(COMPLAINT_KINDS).nullable(),
  category: z.enum(CATEGORIES).nullable(),
  status: z.enum(STATUSES).nullable(),
  closedDate: z.string(),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const IMPORT_PREVIEW_ROWS = 50;

export const importPreviewSchema = z.object({
  sheets: z.array(z.string()),
  sheet: z.string(),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  source: z.enum(IMPORT_SOURCES),
  mapping: importMappingSchema,
  total: z.number().int(),
  ready: z.number().int(),
  skipped: z.number().int(),
  rows: z.array(importRowSchema),
  // The first skipped rows beyond the preview, so every reason can be seen before saving.
  skippedRows: z.array(z.object({ row: z.number().int(), reason: z.string() })),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importReportSchema = z.object({
  batchId: z.number().int(),
  total: z.number().int(),
  imported: z.number().int(),
  open: z.number().int(),
  closed: z.number().int(),
  skipped: z.array(z.object({ row: z.number().int(), reason: z.string() })),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importJobIdSchema = z.object({ jobId: z.uuid({ error: 'Nomor proses impor tidak dikenal; mulai impor lagi.' }) });
export const importStartedSchema = z.object({ jobId: z.string(), total: z.number().int() });
export const importStatusSchema = z.object({
  done: z.number().int(),
  total: z.number().int(),
  report: importReportSchema.nullable(),
});

import * as z from 'zod';
import { kopSchema, labelValueSchema, signatureViewSchema } from './common';

// Letters and records (naskah dinas) as data: surat tanggapan, surat penerusan and
// pemberitahuan kelengkapan are laid out as a letter ('surat': place and date on the
// right, Nomor / Sifat / Lampiran / Hal, "Yth." addressee); berita acara, laporan tindak
// lanjut and tanda terima penyampaian as a record ('naskah': centred title and number).
// The DOCX (main/core/documents/letterDocx.ts) and the print view both render exactly
// this, so paper and screen say the same thing.

// A letter's measures in cm, for the DOCX and the print view alike: the paragraphs' first
// line (and the left of a record's rows and lists), the label column of a record's rows
// ("Disampaikan melalui" on one line) and that of Nomor / Sifat / Lampiran / Hal.
export const LETTER_CM = { indent: 1.25, rowLabel: 4.5, metaLabel: 2.4 } as const;

export const letterBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({ type: z.literal('heading'), text: z.string() }),
  z.object({ type: z.literal('rows'), rows: z.array(labelValueSchema) }),
  z.object({ type: z.literal('list'), items: z.array(z.string()) }),
]);
export type LetterBlock = z.infer<typeof letterBlockSchema>;

export const verificationSchema = z.object({
  /** Short code the "Periksa dokumen" screen takes, e.g. "K7QF-2M9X-PD4R". */
  code: z.string(),
  /** The sentence printed at the foot of every page, beside the QR code. */
  text: z.string(),
  /** QR code (PNG data URL) holding the code. */
  qr: z.string(),
});
export type VerificationView = z.infer<typeof verificationSchema>;

export const letterViewSchema = z.object({
  layout: z.enum(['surat', 'naskah']),
  paper: z.enum(['A4', 'F4']),
  kop: kopSchema,
  /** 'naskah': the centred title, e.g. "BERITA ACARA HASIL PENYELESAIAN PENGADUAN". */
  title: z.string(),
  /** The outgoing number once signed; before that the dotted blank a draft shows. */
  number: z.string(),
  /** "Kejayan, 30 November 2026" ('surat': top right; 'naskah': above the signature). */
  placeDate: z.string(),
  /** 'surat': Nomor, Sifat, Lampiran, Hal. */
  meta: z.array(labelValueSchema),
  /** 'surat': the lines after "Yth." (name, then "di" and the place). */
  addressee: z.array(z.string()),
  blocks: z.array(letterBlockSchema),
  /** One block on the right, or two side by side (reporter left, Camat right). */
  signatures: z.array(signatureViewSchema).min(1).max(2),
  tembusan: z.array(z.string()),
  verification: verificationSchema.nullable(),
  /** Shown across a draft ("DRAF") so it is never mistaken for the signed letter. */
  watermark: z.string(),
});
export type LetterView = z.infer<typeof letterViewSchema>;

import * as z from 'zod';

// The tanda terima as data: the DOCX builder (core) and the print view (renderer)
// both render exactly this, so paper and screen say the same thing.
export const receiptViewSchema = z.object({
  kop: z.object({
    lines: z.array(z.string()),
    address: z.string(),
    contact: z.string(),
    logo: z.string(),
  }),
  title: z.string(),
  registerNo: z.string(),
  rows: z.array(z.object({ label: z.string(), value: z.string() })),
  description: z.string(),
  kelengkapan: z.array(z.object({ item: z.string(), checked: z.boolean() })),
  attachments: z.array(z.string()),
  notice: z.string(),
  placeDate: z.string(),
  signer: z.object({ caption: z.string(), name: z.string(), nip: z.string() }),
  // The reporter signs only a receipt handed over at the counter (null otherwise).
  reporterSigner: z.object({ caption: z.string(), name: z.string() }).nullable(),
});
export type ReceiptView = z.infer<typeof receiptViewSchema>;

/** The receipt's files on one line: "1. foto-jalan.jpg; 2. surat.pdf", or "-". */
export const attachmentsLine = (names: readonly string[]) => (names.length ? names.map((a, i) => `${i + 1}. ${a}`).join('; ') : '-');

import * as z from 'zod';
import { kopSchema } from './common';

// The lembar disposisi on half a folio sheet (215 × 165 mm), as offices print it: the
// incoming item's particulars, the sifat boxes, "Diteruskan kepada" with a box for the
// Sekcam and every Kasi, the instruction boxes, the note and the disposer's paraf.
// A blank sheet (for paper use) has the same boxes, all unticked, and empty values.

const box = z.object({ label: z.string(), checked: z.boolean() });

export const dispositionSheetViewSchema = z.object({
  kop: kopSchema,
  suratDari: z.string(),
  nomorSurat: z.string(),
  tanggalSurat: z.string(),
  diterimaTanggal: z.string(),
  nomorAgenda: z.string(),
  sifat: z.array(box),
  perihal: z.string(),
  recipients: z.array(box),
  instructions: z.array(box),
  catatan: z.string(),
  /** "Camat Kejayan" or "a.n. Camat Kejayan / Sekretaris Kecamatan". */
  disposerCaption: z.array(z.string()),
  disposerName: z.string(),
  /** Date of the disposition, "30 November 2026"; '' on a blank sheet. */
  date: z.string(),
});
export type DispositionSheetView = z.infer<typeof dispositionSheetViewSchema>;

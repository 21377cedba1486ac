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

// A sheet whose dispositions were since returned or withdrawn says so (IssuedDocument's
// notInForce begins with one of these), and a copy printed or downloaded after that
// carries it beside its title, in capitals, so the paper cannot pass for one in force.
export const NOT_IN_FORCE = { all: 'Tidak berlaku lagi', part: 'Sebagian tidak berlaku' } as const;
export const sheetStamp = (notInForce: string | null): string | null =>
  notInForce === null ? null : (notInForce.startsWith(NOT_IN_FORCE.all) ? NOT_IN_FORCE.all : NOT_IN_FORCE.part).toUpperCase();
/** The sheet's title, with its stamp when it has one. */
export const sheetTitle = (stamp: string | null) => (stamp ? `LEMBAR DISPOSISI \u00b7 ${stamp}` : 'LEMBAR DISPOSISI');

// The Catatan box, as dispositionSheetDocx.ts and DispositionSheetPaper.tsx both draw it:
// three of the grid's four columns of the 191 mm text width (label 31, value 64.5, label
// 31 mm) less 1.5 mm padding each side, at 10 pt, 36 mm tall: its heading and seven
// lines, in Word (11.5 pt a line, 34 mm with the padding) and in the browser (12 pt,
// 36 mm). The builder cuts a longer note to it, so the half sheet stays one page.
export const DISPOSITION_NOTE_BOX = { widthMm: 123.5, sizePt: 10, lines: 7, heightMm: 36 } as const;
// The grid's label columns (the value columns share what is left).
export const DISPOSITION_LABEL_MM = 31;
/**
 * The size of the "Diteruskan kepada" list on the half sheet: 10 pt like the rest for up to
 * eight names, smaller for an office with more seksi and subbagian, so the note and the
 * disposer's signature stay on the same sheet.
 */
export const recipientsPt = (count: number) => (count <= 8 ? 10 : count <= 10 ? 9 : 8);

// The free-text values above it, cut the same way: a value column is 64.5 mm less the
// padding; Perihal spans value, label and value. With these, the longest name, letter
// number and perihal the forms accept still leave the sheet one page for an office of
// five Kasi with a logo in its kop.
export const DISPOSITION_FIELD_BOXES = {
  suratDari: { widthMm: 61.5, sizePt: 10, lines: 2 },
  nomorSurat: { widthMm: 61.5, sizePt: 10, lines: 2 },
  perihal: { widthMm: 157, sizePt: 10, lines: 3 },
} as const;

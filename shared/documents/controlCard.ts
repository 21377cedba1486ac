import * as z from 'zod';

// The kartu kendali: a 10 × 15 cm card that follows an incoming item through the office.
// Three copies are printed on one A4 or F4 sheet with cut lines, each labelled (the labels
// are an office setting, e.g. "Lembar 1: Arsip Agenda").

export const controlCardViewSchema = z.object({
  paper: z.enum(['A4', 'F4']),
  /** The office, above the title: "KECAMATAN KEJAYAN". */
  office: z.string(),
  copies: z.array(z.string()).min(1).max(3),
  indeks: z.string(),
  kode: z.string(),
  tanggal: z.string(),
  nomorUrut: z.string(),
  isiRingkas: z.string(),
  lampiran: z.string(),
  dari: z.string(),
  kepada: z.string(),
  tanggalNomorSurat: z.string(),
  pengolah: z.string(),
  paraf: z.string(),
  catatan: z.string(),
});
export type ControlCardView = z.infer<typeof controlCardViewSchema>;

// The card as controlCardDocx.ts and ControlCardPaper.tsx both lay it out: 15 cm wide,
// 9.4 cm (A4, which cannot hold three 10 cm cards with any margin) or 10 cm (F4) tall,
// 3 mm inside the cut line, a grid of six equal columns whose boxes have 1.2 mm padding
// (0.4 mm above and below), a 7 pt label over a 9 pt value.
export const CONTROL_CARD = {
  widthMm: 150,
  heightMm: { A4: 94, F4: 100 },
  paddingMm: 3,
  cellPaddingMm: 1.2,
  /** Above and below a box's text. */
  cellPaddingYMm: 0.4,
  labelPt: 7,
  valuePt: 9,
} as const;

// Who a copy goes to is said by its label, an office setting ("Lembar 3: Pelapor/penerima"
// by default, but any sheet may be the reporter's), not by its place. A word for the
// reporter ("pengaduan", "penerimaan" and "penerima disposisi" are not) marks the copy
// handed to them.
const REPORTER_COPY = /\b(?:pelapor|pengadu|pemohon|masyarakat|penerima(?!\s+disposisi\b))\b/i;

/** Whether the copy so labelled goes out of the office, to the reporter. */
export function isReporterCopy(copy: string): boolean {
  return REPORTER_COPY.test(copy);
}

/**
 * The Catatan on one copy: the disposition's sifat and note are an instruction inside the
 * office, so the reporter's copy leaves the box empty, as on the card issued at intake.
 */
export function controlCardNote(v: ControlCardView, copy: string): string {
  return isReporterCopy(copy) ? '' : v.catatan;
}

type Field = Exclude<keyof ControlCardView, 'paper' | 'office' | 'copies'>;

// Each box's columns (of six) and the lines of value it holds at its fixed height (rows of
// 12 mm hold two, of 7.5 or 10 mm one; the Catatan box takes the rest of the card: 18 mm
// on F4, three lines, 12 mm on A4, two). The builder cuts every value to its box.
const BOXES: Record<Field, { span: number; lines: number | Record<ControlCardView['paper'], number> }> = {
  indeks: { span: 3, lines: 2 },
  kode: { span: 1, lines: 2 },
  nomorUrut: { span: 2, lines: 2 },
  isiRingkas: { span: 6, lines: 2 },
  lampiran: { span: 6, lines: 1 },
  dari: { span: 3, lines: 2 },
  kepada: { span: 3, lines: 2 },
  tanggalNomorSurat: { span: 6, lines: 1 },
  pengolah: { span: 3, lines: 1 },
  paraf: { span: 1, lines: 1 },
  tanggal: { span: 2, lines: 1 },
  catatan: { span: 6, lines: { A4: 2, F4: 3 } },
};

/** The box of one field on a card of that paper: the width its value may use, its size and lines. */
export function controlCardBox(field: Field, paper: ControlCardView['paper']) {
  const { span, lines } = BOXES[field];
  const column = (CONTROL_CARD.widthMm - 2 * CONTROL_CARD.paddingMm) / 6;
  return {
    widthMm: span * column - 2 * CONTROL_CARD.cellPaddingMm,
    sizePt: CONTROL_CARD.valuePt,
    lines: typeof lines === 'number' ? lines : lines[paper],
  };
}

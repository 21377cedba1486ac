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

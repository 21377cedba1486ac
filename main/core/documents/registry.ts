import type { DocumentContent } from '../../../shared/documents/issued';
import { isSignedKind, type DocumentKind, type PageSize } from '../../../shared/documents/kinds';
import type { DocumentSettings } from '../../../shared/schemas/documents';
import type { Role } from '../../../shared/domain';

// One entry per document kind: how its content is laid out (family: the view-model and
// its DOCX renderer, the same one the print view draws), its paper, who drafts it and
// whether it is signed. Adding a kind is adding an entry here and its builder in kinds/.

export interface KindSpec {
  family: DocumentContent['family'];
  page(settings: DocumentSettings): PageSize;
  /** Roles that may draft and revise it outside a step of the journey (exit letters, corrections). */
  drafters: readonly Role[];
  signed: boolean;
  /** May the Sekcam sign it a.n. the head of office without a step saying so? */
  onBehalf: boolean;
}

const officePaper = (s: DocumentSettings) => s.paper;
const OFFICE: readonly Role[] = ['staf', 'sekcam', 'camat'];

const spec = (kind: DocumentKind, family: DocumentContent['family'], page: KindSpec['page'], onBehalf = false): KindSpec => ({
  family,
  page,
  drafters: OFFICE,
  signed: isSignedKind(kind),
  onBehalf,
});

export const KINDS: Record<DocumentKind, KindSpec> = {
  // The tanda terima keeps the one-sheet A4 layout it was designed for.
  tanda_terima: spec('tanda_terima', 'receipt', () => 'A4'),
  kartu_kendali: spec('kartu_kendali', 'control_card', officePaper),
  lembar_disposisi: spec('lembar_disposisi', 'disposition', () => 'HALF_F4'),
  surat_tanggapan: spec('surat_tanggapan', 'letter', officePaper),
  laporan_tindak_lanjut: spec('laporan_tindak_lanjut', 'letter', officePaper),
  berita_acara: spec('berita_acara', 'letter', officePaper),
  surat_penerusan: spec('surat_penerusan', 'letter', officePaper, true),
  pemberitahuan_kelengkapan: spec('pemberitahuan_kelengkapan', 'letter', officePaper, true),
  tanda_terima_penyampaian: spec('tanda_terima_penyampaian', 'letter', officePaper),
};

// The renderers, and the docx library under them, load with the first file asked for:
// starting the app and recording complaints never need them.
// stamp: a lembar disposisi no longer in force (dispositionSheet.ts, sheetStamp).
export async function renderDocx(content: DocumentContent, { stamp = null }: { stamp?: string | null } = {}): Promise<Buffer> {
  switch (content.family) {
    case 'receipt':
      return (await import('./receiptDocx')).receiptDocx(content.view);
    case 'letter':
      return (await import('./letterDocx')).letterDocx(content.view);
    case 'disposition':
      return (await import('./dispositionSheetDocx')).dispositionSheetDocx(content.view, stamp);
    case 'control_card':
      return (await import('./controlCardDocx')).controlCardDocx(content.view);
  }
}

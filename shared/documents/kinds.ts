import * as z from 'zod';

// Every document Tanggap issues. Each kind is one module in main/core/documents/kinds/
// (view-model builder, DOCX, who drafts, parafs and signs) and one print view in the
// renderer; the view-model schemas live beside this file.

export const DOCUMENT_KINDS = [
  'tanda_terima',
  'kartu_kendali',
  'lembar_disposisi',
  'surat_tanggapan',
  'laporan_tindak_lanjut',
  'berita_acara',
  'surat_penerusan',
  'pemberitahuan_kelengkapan',
  'tanda_terima_penyampaian',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABEL: Record<DocumentKind, string> = {
  tanda_terima: 'Tanda terima pengaduan',
  kartu_kendali: 'Kartu kendali',
  lembar_disposisi: 'Lembar disposisi',
  surat_tanggapan: 'Surat tanggapan',
  laporan_tindak_lanjut: 'Laporan tindak lanjut',
  berita_acara: 'Berita acara hasil penyelesaian',
  surat_penerusan: 'Surat penerusan',
  pemberitahuan_kelengkapan: 'Pemberitahuan kelengkapan berkas',
  tanda_terima_penyampaian: 'Tanda terima penyampaian',
};

// The kinds that go through draft → paraf → signature and get an outgoing number.
export const SIGNED_KINDS = ['surat_tanggapan', 'berita_acara', 'surat_penerusan', 'pemberitahuan_kelengkapan'] as const satisfies readonly DocumentKind[];
export type SignedKind = (typeof SIGNED_KINDS)[number];
export const isSignedKind = (k: DocumentKind): k is SignedKind => (SIGNED_KINDS as readonly string[]).includes(k);

// draf: being written or checked; final: issued without an on-screen signature (forms
// signed or initialled by hand: tanda terima, kartu kendali, lembar disposisi, tanda terima
// penyampaian, laporan tindak lanjut); ditandatangani: signed on screen; ditandatangani_basah:
// signed by hand, the scan uploaded; diganti: superseded by a newer version.
export const DOCUMENT_STATUSES = ['draf', 'final', 'ditandatangani', 'ditandatangani_basah', 'diganti'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_STATUS_LABEL: Record<DocumentStatus, string> = {
  draf: 'Draf',
  final: 'Terbit',
  ditandatangani: 'Ditandatangani',
  ditandatangani_basah: 'Ditandatangani basah',
  diganti: 'Diganti versi baru',
};

// Paper sizes as offices buy them. F4 (folio) 215 × 330 mm is the common one; the
// lembar disposisi is half a folio; the kartu kendali is 10 × 15 cm, three to a sheet.
export const PAPERS = ['A4', 'F4'] as const;
export type OfficePaper = (typeof PAPERS)[number];
export const PAPER_LABEL: Record<OfficePaper, string> = { A4: 'A4 (210 × 297 mm)', F4: 'F4/Folio (215 × 330 mm)' };
export const PAGE_MM = {
  A4: { width: 210, height: 297 },
  F4: { width: 215, height: 330 },
  HALF_F4: { width: 215, height: 165 },
} as const;
export type PageSize = keyof typeof PAGE_MM;
// Page margins in mm, for the DOCX and the print view alike: a letter's as in common
// practice (top 2, right 2, bottom 2.5, left 3 cm), the lembar disposisi's narrow on its
// half folio.
export const LETTER_MARGINS_MM = { top: 20, right: 20, bottom: 25, left: 30 } as const;
export const DISPOSITION_MARGINS_MM = { top: 10, right: 12, bottom: 8, left: 12 } as const;

export const documentKindSchema = z.enum(DOCUMENT_KINDS, { error: 'Jenis dokumen tidak dikenal.' });

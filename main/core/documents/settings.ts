import { DEFAULT_NUMBER_PATTERN, documentSettingsSchema, type DocumentSettings, type Template, type TemplateKey } from '../../../shared/schemas/documents';
import { DEFAULT_REGISTER_PATTERN, fillNumberPattern } from '../../../shared/documents/numbering';
import type { Db } from '../db/open';
import { settingOf } from '../office/settings';

// The office's paper, numbering and letter templates. Until the admin saves their own,
// the defaults below apply: F4 paper, the Permendagri 83/2022 code for public service
// (000.8.3.4) and letters in the words kecamatan offices commonly use.

const CLOSING = 'Demikian tanggapan ini kami sampaikan. Atas perhatian dan partisipasi Saudara dalam perbaikan pelayanan publik, kami ucapkan terima kasih.';
// "melalui {kanal}" stays as offices have saved it: the letter puts in its place the way
// the complaint came as a phrase ("secara langsung di loket pelayanan", "melalui surat
// nomor … tanggal …"), not the channel's label (shared/documents/channelProse.ts).
// {jenis}: pengaduan, aspirasi, permintaan informasi or konsultasi, as the complaint was recorded.
const OPENING =
  'Menindaklanjuti {jenis} Saudara yang kami terima pada tanggal {tanggal_diterima} melalui {kanal} dengan nomor register {nomor_register} perihal {perihal}, dengan hormat kami sampaikan';

const DEFAULT_TEMPLATES: Record<TemplateKey, Template> = {
  tanggapan_ditindaklanjuti: {
    hal: 'Tanggapan atas {jenis} {perihal}',
    body: `${OPENING} hal-hal sebagai berikut:\n\n{tindak_lanjut}\n\n${CLOSING}`,
    tembusan: [],
  },
  tanggapan_ditolak: {
    hal: 'Tanggapan atas {jenis} {perihal}',
    body: `${OPENING} bahwa {jenis} tersebut tidak dapat kami tindak lanjuti dengan alasan sebagai berikut:\n\n{alasan}\n\nApabila Saudara memiliki keterangan atau bukti tambahan, Saudara dapat menyampaikannya kembali dengan melengkapinya.\n\n${CLOSING}`,
    tembusan: [],
  },
  tanggapan_informasi: {
    hal: 'Pemberian informasi atas {perihal}',
    body: `${OPENING} informasi sebagai berikut:\n\n{tindak_lanjut}\n\n${CLOSING}`,
    tembusan: [],
  },
  tanggapan_bukan_kewenangan: {
    hal: 'Tanggapan atas {jenis} {perihal}',
    body: `${OPENING} bahwa hal yang Saudara sampaikan bukan merupakan kewenangan {nama_kantor}. {alasan}\n\n${CLOSING}`,
    tembusan: [],
  },
  penerusan: {
    hal: 'Penerusan {jenis} masyarakat',
    body:
      'Bersama ini kami teruskan {jenis} masyarakat yang kami terima pada tanggal {tanggal_diterima} melalui {kanal} dengan nomor register {nomor_register}, perihal {perihal}, dengan uraian singkat sebagai berikut:\n\n{uraian}\n\n' +
      'Hal tersebut bukan merupakan kewenangan {nama_kantor}. {alasan}\n\n' +
      'Kami mohon {jenis} tersebut dapat ditindaklanjuti sesuai kewenangan {instansi_tujuan} dan hasilnya disampaikan kepada pelapor dengan tembusan kepada kami. Atas perhatian dan kerja samanya kami ucapkan terima kasih.',
    tembusan: [],
  },
  kelengkapan: {
    hal: 'Pemberitahuan kelengkapan berkas {jenis}',
    body:
      'Menindaklanjuti {jenis} Saudara yang kami terima pada tanggal {tanggal_diterima} dengan nomor register {nomor_register} perihal {perihal}, bersama ini kami beritahukan bahwa berkas {jenis} Saudara belum lengkap. Kelengkapan yang belum ada: {kelengkapan_kurang}.\n\n' +
      'Kami mohon kelengkapan tersebut diserahkan ke {tempat_kelengkapan} paling lambat tanggal {batas_kelengkapan}. Apabila sampai tanggal tersebut kelengkapan belum kami terima, {jenis} Saudara dianggap dicabut.\n\n' +
      'Demikian pemberitahuan ini kami sampaikan. Atas perhatian Saudara kami ucapkan terima kasih.',
    tembusan: [],
  },
};

export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = documentSettingsSchema.parse({
  paper: 'F4',
  registerPattern: DEFAULT_REGISTER_PATTERN,
  numberPatterns: {
    surat_tanggapan: DEFAULT_NUMBER_PATTERN,
    berita_acara: DEFAULT_NUMBER_PATTERN,
    surat_penerusan: DEFAULT_NUMBER_PATTERN,
    pemberitahuan_kelengkapan: DEFAULT_NUMBER_PATTERN,
  },
  controlCardCopies: ['Lembar 1: Arsip buku agenda', 'Lembar 2: Pengolah', 'Lembar 3: Pelapor/penerima'],
  kelengkapanPlace: 'loket pelayanan pengaduan di kantor kami',
  templates: DEFAULT_TEMPLATES,
});

const checkDocumentSettings = (raw: unknown): DocumentSettings => (raw === undefined ? DEFAULT_DOCUMENT_SETTINGS : documentSettingsSchema.parse(raw));

// Parsed once per stored text (every intake issues documents); callers must not change it.
export function documentSettings(db: Db): DocumentSettings {
  return settingOf(db, 'documents', checkDocumentSettings);
}

/** The outgoing number from the kind's pattern; {unit} is the office's kode unit. */
export function formatOutgoingNumber(pattern: string, seq: number, unitCode: string, year: number, month: number): string {
  return fillNumberPattern(pattern, { urut: seq, unit: unitCode, year, month });
}

/** The classification code (kode klasifikasi) that opens the tanggapan number pattern, for the kartu kendali. */
export function classificationCode(settings: DocumentSettings): string {
  const head = settings.numberPatterns.surat_tanggapan.split('/')[0] ?? '';
  return head.includes('{') ? '' : head;
}

import { describe, expect, it } from 'vitest';
import { dispositionSheetViewSchema, type DispositionSheetView } from '../../../shared/documents/dispositionSheet';
import { readDocx } from '../../../test/support/docx';
import { PAPER } from './docx-kit';
import { dispositionSheetDocx } from './dispositionSheetDocx';

const SIFAT = ['Sangat Segera', 'Segera', 'Biasa', 'Rahasia'];
const RECIPIENTS = [
  'Sekretaris Kecamatan',
  'Kepala Seksi Pemerintahan',
  'Kepala Seksi Ekonomi dan Pembangunan',
  'Kepala Seksi Ketenteraman dan Ketertiban Umum',
  'Kepala Seksi Kesejahteraan Sosial',
];
const INSTRUCTIONS = ['Tanggapan dan saran', 'Proses lebih lanjut', 'Koordinasikan/konfirmasikan', 'Untuk diketahui', 'Arsip'];
const boxes = (labels: string[], ticked: string[] = []) => labels.map((label) => ({ label, checked: ticked.includes(label) }));

const filled = (): DispositionSheetView =>
  dispositionSheetViewSchema.parse({
    kop: {
      lines: ['Pemerintah Kabupaten Pasuruan', 'Kecamatan Kejayan'],
      address: 'Jalan Raya Kejayan Nomor 1, Kejayan, Kode Pos 67172',
      contact: 'Telepon (0343) 413020',
      logo: '',
    },
    suratDari: 'Siti Aminah (Datang langsung)',
    nomorSurat: '-',
    tanggalSurat: '23 November 2026',
    diterimaTanggal: '23 November 2026',
    nomorAgenda: '0001/PGD/2026',
    sifat: boxes(SIFAT, ['Segera']),
    perihal: 'Jalan desa rusak di Dusun Krajan',
    recipients: boxes(RECIPIENTS, ['Kepala Seksi Ekonomi dan Pembangunan']),
    instructions: boxes(INSTRUCTIONS, ['Proses lebih lanjut', 'Koordinasikan/konfirmasikan']),
    catatan: 'Mohon segera ditinjau ke lokasi bersama Pemerintah Desa Kejayan.',
    disposerCaption: ['a.n. Camat Kejayan', 'Sekretaris Kecamatan,'],
    disposerName: 'Drs. Bambang Sutrisno, M.Si.',
    date: '24 November 2026',
  });

const blank = (): DispositionSheetView => ({
  ...filled(),
  suratDari: '',
  nomorSurat: '',
  tanggalSurat: '',
  diterimaTanggal: '',
  nomorAgenda: '',
  sifat: boxes(SIFAT),
  perihal: '',
  recipients: boxes(RECIPIENTS),
  instructions: boxes(INSTRUCTIONS),
  catatan: '',
  disposerCaption: ['Camat Kejayan,'],
  disposerName: '',
  date: '',
});

const LABELS = ['Surat dari', 'Diterima tanggal', 'Nomor surat', 'Nomor agenda', 'Tanggal surat', 'Sifat', 'Perihal'];

describe('dispositionSheetDocx', () => {
  it('prints the particulars, the ticked boxes and the disposer on half a folio sheet', async () => {
    const doc = readDocx(await dispositionSheetDocx(filled()));
    const p = doc.paragraphs;
    expect(p).toContain('KECAMATAN KEJAYAN');
    expect(p).toContain('LEMBAR DISPOSISI');
    for (const label of LABELS) expect(p).toContain(label);
    // Each label is followed by its value in the next cell.
    expect(p[p.indexOf('Surat dari') + 1]).toBe('Siti Aminah (Datang langsung)');
    expect(p[p.indexOf('Nomor agenda') + 1]).toBe('0001/PGD/2026');
    expect(p[p.indexOf('Perihal') + 1]).toBe('Jalan desa rusak di Dusun Krajan');

    expect(p).toContain('☐ Sangat Segera\t☑ Segera');
    expect(p).toContain('☐ Biasa\t☐ Rahasia');
    expect(p).toContain('Diteruskan kepada:');
    expect(p).toContain('☑\tKepala Seksi Ekonomi dan Pembangunan');
    expect(p).toContain('☐\tSekretaris Kecamatan');
    expect(p).toContain('Dengan hormat harap:');
    expect(p).toContain('☑\tProses lebih lanjut');
    expect(p).toContain('☑\tKoordinasikan/konfirmasikan');
    expect(p).toContain('☐\tArsip');
    expect(p.filter((s) => s.startsWith('☑'))).toHaveLength(3);

    expect(p).toContain('Mohon segera ditinjau ke lokasi bersama Pemerintah Desa Kejayan.');
    const caption = p.indexOf('a.n. Camat Kejayan');
    expect(p.slice(caption, caption + 2)).toEqual(['a.n. Camat Kejayan', 'Sekretaris Kecamatan,']);
    expect(p.indexOf('Drs. Bambang Sutrisno, M.Si.')).toBeGreaterThan(caption);
    expect(p).toContain('Tanggal: 24 November 2026');

    // 215 × 165 mm, landscape, and the kop's telephone line is left off to save height.
    const half = PAPER.HALF_F4;
    expect(half.width).toBeGreaterThan(half.height);
    expect(doc.xml).toContain(`<w:pgSz w:w="${half.width}" w:h="${half.height}" w:orient="landscape"/>`);
    expect(doc.text).not.toContain('Telepon');
    expect(doc.xml).toMatch(/<w:bottom w:val="double"/);
  });

  it('prints every line and box of a blank sheet, all unticked', async () => {
    const doc = readDocx(await dispositionSheetDocx(blank()));
    const p = doc.paragraphs;
    expect(p).toContain('LEMBAR DISPOSISI');
    for (const label of LABELS) expect(p).toContain(label);
    expect(p[p.indexOf('Surat dari') + 1]).toBe('');
    expect(doc.text).not.toContain('☑');
    expect(p).toContain('☐ Sangat Segera\t☐ Segera');
    for (const label of [...RECIPIENTS, ...INSTRUCTIONS]) expect(p).toContain(`☐\t${label}`);
    expect(p).toContain('Catatan:');
    expect(p).toContain('Camat Kejayan,');
    // Name and date are written by hand on the dotted lines.
    expect(p).toContain('(……………………………)');
    expect(p).toContain('Tanggal: ……………………………');
    // The form's ruling: one framed table whose rows keep their height when empty.
    expect(doc.xml).toMatch(/<w:tblBorders><w:top w:val="single"/);
    expect(doc.xml.match(/<w:trHeight w:val="\d+" w:hRule="atLeast"\/>/g)).toHaveLength(6);
  });

  it('sets a long list of recipients smaller, so the note and the signature stay on the sheet', async () => {
    const sizeOf = (xml: string, label: string) => {
      const at = xml.indexOf(label);
      return Number([...xml.slice(xml.lastIndexOf('<w:p>', at), at).matchAll(/<w:sz w:val="(\d+)"\/>/g)].at(-1)?.[1]);
    };
    const many = Array.from({ length: 11 }, (_, i) => `Kasi Seksi ${i + 1}`);
    const eight = readDocx(await dispositionSheetDocx({ ...blank(), recipients: boxes(many.slice(0, 8)) })).xml;
    const eleven = readDocx(await dispositionSheetDocx({ ...blank(), recipients: boxes(many) })).xml;
    expect(sizeOf(eight, 'Kasi Seksi 1<')).toBe(20);
    expect(sizeOf(eleven, 'Kasi Seksi 1<')).toBe(16);
    // The instructions beside them keep the sheet's 10 pt.
    expect(sizeOf(eleven, 'Arsip')).toBe(20);
  });
});

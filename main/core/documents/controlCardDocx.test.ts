import { describe, expect, it } from 'vitest';
import { controlCardViewSchema, type ControlCardView } from '../../../shared/documents/controlCard';
import { readDocx } from '../../../test/support/docx';
import { PAPER, cm } from './docx-kit';
import { controlCardDocx } from './controlCardDocx';

const COPIES = ['Lembar 1: Arsip Agenda', 'Lembar 2: Pengolah', 'Lembar 3: Pelapor'];

const card = (over: Partial<ControlCardView> = {}): ControlCardView =>
  controlCardViewSchema.parse({
    paper: 'A4',
    office: 'KECAMATAN KEJAYAN',
    copies: COPIES,
    indeks: 'Pengaduan / Infrastruktur',
    kode: '000.8.3.4',
    tanggal: '23 November 2026',
    nomorUrut: '0001/PGD/2026',
    isiRingkas: 'Jalan desa rusak di Dusun Krajan',
    lampiran: '2 berkas',
    dari: 'Siti Aminah (Datang langsung)',
    kepada: 'Kepala Seksi Ekonomi dan Pembangunan',
    tanggalNomorSurat: '23 November 2026 / 0001/PGD/2026',
    pengolah: 'Seksi Ekonomi dan Pembangunan',
    paraf: '',
    catatan: 'Segera. Tinjau lokasi bersama Pemerintah Desa.',
    ...over,
  });

const FIELDS = ['Indeks', 'Kode', 'Nomor urut', 'Isi ringkas', 'Lampiran', 'Dari', 'Kepada', 'Tanggal/Nomor surat', 'Pengolah', 'Paraf', 'Tanggal', 'Catatan'];
const count = (list: string[], s: string) => list.filter((x) => x === s).length;
const num = (xml: string, re: RegExp) => Number(re.exec(xml)?.[1]);

describe('controlCardDocx', () => {
  for (const paper of ['A4', 'F4'] as const) {
    it(`puts three labelled cards with cut lines on one ${paper} sheet`, async () => {
      const doc = readDocx(await controlCardDocx(card({ paper })));
      const p = doc.paragraphs;
      // Each copy once, in order, each on its own card.
      expect(p.filter((s) => s.startsWith('Lembar '))).toEqual(COPIES);
      expect(count(p, 'KARTU KENDALI')).toBe(3);
      expect(count(p, 'KECAMATAN KEJAYAN')).toBe(3);
      for (const field of FIELDS) expect(count(p, field), field).toBe(3);
      for (const value of ['Pengaduan / Infrastruktur', '000.8.3.4', '0001/PGD/2026', 'Jalan desa rusak di Dusun Krajan', 'Seksi Ekonomi dan Pembangunan']) {
        expect(count(p, value), value).toBe(3);
      }
      expect(p[p.indexOf('Tanggal') + 1]).toBe('23 November 2026');
      expect(count(p, '✂')).toBe(3);
      expect(doc.xml).toMatch(/<w:top w:val="dashed"/);

      // The sheet, and three card rows of fixed height that fit it with the margins.
      const size = PAPER[paper];
      expect(doc.xml).toContain(`<w:pgSz w:w="${size.width}" w:h="${size.height}" w:orient="portrait"/>`);
      const cardHeight = paper === 'A4' ? cm(9.4) : cm(10);
      expect(doc.xml.match(new RegExp(`<w:trHeight w:val="${cardHeight}" w:hRule="exact"/>`, 'g'))).toHaveLength(3);
      const top = num(doc.xml, /<w:pgMar w:top="(\d+)"/);
      const bottom = num(doc.xml, /<w:pgMar [^>]*w:bottom="(\d+)"/);
      expect(top + 3 * cardHeight + bottom).toBeLessThan(size.height - 20);
      // What follows the cards is one exactly 1 pt paragraph, which fits in what is left.
      expect(doc.xml).toMatch(/<\/w:tbl><w:p><w:pPr><w:spacing w:line="20" w:lineRule="exact"\/><\/w:pPr>(?:(?!<\/w:p>).)*<\/w:p><w:sectPr>/);
      // Cards 15 cm wide, centred: the right margin is what is left on each side.
      const right = num(doc.xml, /<w:pgMar [^>]*w:right="(\d+)"/);
      expect(right).toBe(Math.floor((size.width - cm(15)) / 2));
      expect(doc.xml).toContain(`<w:gridCol w:w="${cm(15)}"/>`);
    });
  }

  // The card of a disposed complaint carries the disposition's sifat and note; that is an
  // instruction inside the office, so it stays off the copy handed to the reporter.
  const NOTE = 'Segera. Tinjau lokasi bersama Pemerintah Desa.';
  /** Each copy's card, paragraph by paragraph: from its label to its last box, the Catatan's value. */
  const sheets = (p: string[], copies: string[]) =>
    copies.map((copy) => {
      const from = p.indexOf(copy);
      expect(from, copy).toBeGreaterThanOrEqual(0);
      return p.slice(from, p.indexOf('Catatan', from) + 2);
    });

  it('keeps the disposition note off the reporter’s copy and on the office’s own', async () => {
    const doc = readDocx(await controlCardDocx(card({ copies: ['Lembar 1: Arsip buku agenda', 'Lembar 2: Pengolah', 'Lembar 3: Pelapor/penerima'] })));
    const [archive, pengolah, reporter] = sheets(doc.paragraphs, ['Lembar 1: Arsip buku agenda', 'Lembar 2: Pengolah', 'Lembar 3: Pelapor/penerima']);
    expect(archive).toContain(NOTE);
    expect(pengolah).toContain(NOTE);
    expect(reporter!.join('\n')).not.toContain('Tinjau lokasi');
    expect(reporter!.join('\n')).not.toContain('Segera');
    // The rest of the reporter's card is the office's card: the same boxes, the Catatan box
    // there and left empty, as on the card issued at intake.
    const blank = (s: string[]) => s.map((x) => (x === NOTE ? '' : x));
    expect(reporter).toEqual(blank(pengolah!).map((x) => (x === 'Lembar 2: Pengolah' ? 'Lembar 3: Pelapor/penerima' : x)));
    expect(reporter![reporter!.indexOf('Catatan') + 1]).toBe('');
    expect(count(doc.paragraphs, NOTE)).toBe(2);
  });

  it('finds the reporter’s copy by its label, wherever the office puts it', async () => {
    const copies = ['Lembar 1: Pemohon', 'Lembar 2: Arsip pengaduan', 'Lembar 3: Penerima disposisi'];
    const doc = readDocx(await controlCardDocx(card({ copies })));
    const [reporter, archive, kasi] = sheets(doc.paragraphs, copies);
    expect(reporter).not.toContain(NOTE);
    expect(archive).toContain(NOTE);
    expect(kasi).toContain(NOTE);
  });

  it('keeps the note on every copy when none is the reporter’s', async () => {
    const copies = ['Lembar 1: Arsip', 'Lembar 2: Pengolah', 'Lembar 3: Sekretaris Kecamatan'];
    const doc = readDocx(await controlCardDocx(card({ copies })));
    expect(count(doc.paragraphs, NOTE)).toBe(3);
  });

  it('prints as many cards as the office has copies', async () => {
    const doc = readDocx(await controlCardDocx(card({ copies: ['Lembar 1: Arsip Agenda'] })));
    expect(doc.paragraphs.filter((s) => s.startsWith('Lembar '))).toEqual(['Lembar 1: Arsip Agenda']);
    expect(count(doc.paragraphs, 'KARTU KENDALI')).toBe(1);
  });
});

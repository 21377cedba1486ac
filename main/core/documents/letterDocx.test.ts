import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { letterViewSchema, type LetterView } from '../../../shared/documents/letter';
import type { SignatureView } from '../../../shared/documents/common';
import { paragraphTexts, readDocx, type DocxContents } from '../../../test/support/docx';
import { PAPER } from './docx-kit';
import { letterDocx } from './letterDocx';

/** A solid PNG of the given size, as a data URL and as bytes to find again in word/media. */
function png(width: number, height: number, rgb: [number, number, number]): { url: string; bytes: Buffer } {
  const img = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) img.data.set([...rgb, 255], i * 4);
  const bytes = PNG.sync.write(img);
  return { url: `data:image/png;base64,${bytes.toString('base64')}`, bytes };
}

const logo = png(60, 72, [0x1f, 0x5f, 0x2f]);
const specimen = png(300, 100, [0x1f, 0x3f, 0x9f]);

const kop = {
  lines: ['Pemerintah Kabupaten Pasuruan', 'Kecamatan Kejayan'],
  address: 'Jalan Raya Kejayan Nomor 1, Kejayan, Kode Pos 67172',
  contact: 'Telepon (0343) 413020 · Email kec.kejayan@pasuruankab.go.id',
  logo: logo.url,
};

const NUMBER = '000.8.3.4/295/Kec-Kjy/2026';
const BODY =
  'Menindaklanjuti pengaduan Saudara yang kami terima pada tanggal 23 November 2026 dengan nomor register ' +
  '0001/PGD/2026 perihal jalan desa rusak di Dusun Krajan, bersama ini kami sampaikan hal-hal sebagai berikut.';

const sekcam = (over: Partial<SignatureView> = {}): SignatureView => ({
  caption: ['a.n. CAMAT KEJAYAN', 'SEKRETARIS KECAMATAN,'],
  name: 'Drs. BAMBANG SUTRISNO, M.Si.',
  after: ['Pembina (IV/a)', 'NIP 19710405 199303 1 006'],
  image: '',
  official: true,
  stamp: true,
  ...over,
});

const surat = (over: Partial<LetterView> = {}): LetterView =>
  letterViewSchema.parse({
    layout: 'surat',
    paper: 'A4',
    kop,
    title: 'SURAT TANGGAPAN',
    number: NUMBER,
    placeDate: 'Kejayan, 30 November 2026',
    meta: [
      { label: 'Nomor', value: NUMBER },
      { label: 'Sifat', value: 'Biasa' },
      { label: 'Lampiran', value: '-' },
      { label: 'Hal', value: 'Tanggapan atas pengaduan jalan desa rusak' },
    ],
    addressee: ['Sdr. Siti Aminah', 'di', '   Kejayan'],
    blocks: [
      { type: 'paragraph', text: BODY },
      { type: 'list', items: ['Penimbunan sementara telah dilaksanakan;', 'Perbaikan permanen diusulkan tahun 2027.'] },
      { type: 'paragraph', text: 'Demikian kami sampaikan, atas perhatian Saudara kami ucapkan terima kasih.' },
    ],
    signatures: [sekcam()],
    tembusan: ['Bupati Pasuruan (sebagai laporan);', 'Kepala Desa Kejayan.'],
    verification: null,
    watermark: '',
    ...over,
  });

const beritaAcara = (over: Partial<LetterView> = {}): LetterView =>
  surat({
    layout: 'naskah',
    paper: 'F4',
    kop: { ...kop, logo: '' },
    title: 'BERITA ACARA HASIL PENYELESAIAN PENGADUAN',
    number: '000.8.3.4/296/Kec-Kjy/2026',
    meta: [],
    addressee: [],
    blocks: [
      { type: 'paragraph', text: 'Pada hari ini Senin tanggal tiga puluh bulan November tahun dua ribu dua puluh enam:' },
      {
        type: 'rows',
        rows: [
          { label: '1. Nama', value: 'Drs. BAMBANG SUTRISNO, M.Si.' },
          { label: '    Jabatan', value: 'Camat Kejayan' },
          { label: '', value: 'selanjutnya disebut PIHAK PERTAMA;' },
        ],
      },
      { type: 'heading', text: 'Pernyataan pelapor' },
      { type: 'paragraph', text: 'Atas penyelesaian tersebut, PIHAK KEDUA menyatakan PUAS.' },
    ],
    signatures: [
      { caption: ['PIHAK KEDUA,', 'Pelapor'], name: 'Siti Aminah', after: [], image: '', official: false, stamp: false },
      sekcam({ caption: ['PIHAK PERTAMA,', 'Plt. CAMAT KEJAYAN', 'SEKRETARIS KECAMATAN,'] }),
    ],
    tembusan: [],
    watermark: 'DRAF',
    ...over,
  });

const pageSize = (paper: keyof typeof PAPER) => `<w:pgSz w:w="${PAPER[paper].width}" w:h="${PAPER[paper].height}"`;
const media = (doc: DocxContents) => doc.files.filter((f) => f.startsWith('word/media/')).map((f) => Buffer.from(doc.part(f)!));
const partText = (doc: DocxContents, name: string) => paragraphTexts(Buffer.from(doc.part(name) ?? new Uint8Array()).toString('utf8'));
const partXml = (doc: DocxContents, name: string) => Buffer.from(doc.part(name) ?? new Uint8Array()).toString('utf8');

/** The part of the section's header or footer of `type` ("default": pages after the first when titlePg is set). */
function sectionPart(doc: DocxContents, kind: 'header' | 'footer', type: 'default' | 'first'): string | undefined {
  const id = new RegExp(`<w:${kind}Reference w:type="${type}" r:id="([^"]+)"`).exec(doc.xml)?.[1];
  const target = id && new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(partXml(doc, 'word/_rels/document.xml.rels'))?.[1];
  return target ? `word/${target}` : undefined;
}

/** The run properties of the last run that holds `text` exactly (a signature comes last). */
function runProps(xml: string, text: string): string {
  const run = [...xml.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*?<\/w:r>/g)].map((m) => m[0]).findLast((r) => r.includes(`>${text}</w:t>`));
  if (!run) throw new Error(`Tidak ada run "${text}"`);
  return /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(run)?.[1] ?? '';
}

describe('letterDocx, surat', () => {
  it('lays out the letter in Tata Naskah Dinas order', async () => {
    const doc = readDocx(await letterDocx(surat()));
    const p = doc.paragraphs;
    const at = (s: string) => {
      const i = p.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = [
      'KECAMATAN KEJAYAN',
      'Kejayan, 30 November 2026',
      NUMBER,
      'Tanggapan atas pengaduan jalan desa rusak',
      'Yth.\tSdr. Siti Aminah',
      'di',
      'Kejayan',
      BODY,
      '1.\tPenimbunan sementara telah dilaksanakan;',
      '2.\tPerbaikan permanen diusulkan tahun 2027.',
      'a.n. CAMAT KEJAYAN',
      'SEKRETARIS KECAMATAN,',
      'Drs. BAMBANG SUTRISNO, M.Si.',
      'Pembina (IV/a)',
      'NIP 19710405 199303 1 006',
      'Tembusan:',
      '1.\tBupati Pasuruan (sebagai laporan);',
      '2.\tKepala Desa Kejayan.',
    ].map(at);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(p.filter((s) => ['Nomor', 'Sifat', 'Lampiran', 'Hal'].includes(s))).toEqual(['Nomor', 'Sifat', 'Lampiran', 'Hal']);
    // A 'surat' has no centred title; the number is in the meta rows.
    expect(p).not.toContain('SURAT TANGGAPAN');
    expect(p).not.toContain(`Nomor: ${NUMBER}`);

    expect(doc.xml).toContain(pageSize('A4'));
    expect(doc.xml).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1417" w:left="1701"/);
    expect(doc.xml).toMatch(/<w:jc w:val="both"\/>/);
    expect(runProps(doc.xml, 'Drs. BAMBANG SUTRISNO, M.Si.')).toMatch(/<w:b\/>[\s\S]*<w:u w:val="single"\/>/);
    // Only the logo: no specimen yet, no QR, no watermark, no footer.
    expect(media(doc)).toEqual([logo.bytes]);
    expect(doc.files.some((f) => /^word\/footer\d*\.xml$/.test(f))).toBe(false);
    for (const f of doc.files.filter((f) => /^word\/header\d*\.xml$/.test(f))) expect(partText(doc, f).join('')).not.toContain('DRAF');
  });

  it('keeps the body’s last paragraph, the signature and the tembusan on one page', async () => {
    const doc = readDocx(await letterDocx(surat()));
    // The tembusan sits in the one unsplittable row that holds the signature's own table.
    const outer = /<w:tbl>(?:(?!<w:tbl>).)*?<w:tblGrid><w:gridCol w:w="\d+"\/><\/w:tblGrid><w:tr><w:trPr><w:cantSplit\/><\/w:trPr>(.*)<\/w:tr><\/w:tbl>/s.exec(doc.xml);
    expect(outer).not.toBeNull();
    expect(outer![1]).toContain('Drs. BAMBANG SUTRISNO, M.Si.');
    expect(outer![1]).toContain('Tembusan:');
    expect(outer![1]).toContain('Kepala Desa Kejayan.');
    // The closing paragraph is kept with what follows it.
    const closing = doc.xml.lastIndexOf('<w:p>', doc.xml.indexOf('Demikian kami sampaikan'));
    expect(doc.xml.slice(closing, doc.xml.indexOf('Demikian kami sampaikan'))).toContain('<w:keepNext/>');
    // Without copies, the signature stands as before, not inside another table.
    const plain = readDocx(await letterDocx(surat({ tembusan: [] })));
    expect(plain.xml).not.toContain('Tembusan');
    expect(plain.xml.match(/<w:tbl>/g)!.length).toBe(doc.xml.match(/<w:tbl>/g)!.length - 1);
  });

  it('embeds the signed specimen and the verification QR with its code', async () => {
    const qr = await QRCode.toDataURL('K7QF-2M9X-PD', { margin: 1 });
    const qrBytes = Buffer.from(qr.split(',')[1]!, 'base64');
    const doc = readDocx(
      await letterDocx(
        surat({
          paper: 'F4',
          signatures: [sekcam({ image: specimen.url })],
          verification: { code: 'K7QF-2M9X-PD', text: 'Keaslian dokumen ini dapat diperiksa dengan kode berikut.', qr },
        }),
      ),
    );
    expect(doc.xml).toContain(pageSize('F4'));
    const images = media(doc);
    expect(images).toHaveLength(3);
    for (const img of [logo.bytes, specimen.bytes, qrBytes]) expect(images.some((m) => m.equals(img))).toBe(true);
    // The specimen is drawn in the signature space, 2 cm (76 px) tall and three times as wide.
    expect(doc.xml).toMatch(/<wp:extent cx="2171700" cy="723900"\/>[\s\S]*?name="Tanda tangan"/);
    // The QR and its code sit in the footer, at the foot of every page.
    const footer = doc.files.find((f) => /^word\/footer\d*\.xml$/.test(f))!;
    expect(partText(doc, footer)).toEqual(
      expect.arrayContaining(['Keaslian dokumen ini dapat diperiksa dengan kode berikut.', 'Kode periksa: K7QF-2M9X-PD']),
    );
    expect(Buffer.from(doc.part(footer)!).toString('utf8')).toContain('<wp:inline');
  });

  it('ignores a specimen that is not an image rather than failing', async () => {
    const doc = readDocx(await letterDocx(surat({ signatures: [sekcam({ image: 'data:text/plain;base64,aGFsbw==' })] })));
    expect(media(doc)).toEqual([logo.bytes]);
    expect(doc.paragraphs).toContain('Drs. BAMBANG SUTRISNO, M.Si.');
  });
});

describe('letterDocx, naskah', () => {
  it('prints the title and number centred, and dates the right-hand of two signatures', async () => {
    const doc = readDocx(await letterDocx(beritaAcara()));
    const p = doc.paragraphs;
    expect(p).toContain('BERITA ACARA HASIL PENYELESAIAN PENGADUAN');
    expect(p).toContain('Nomor: 000.8.3.4/296/Kec-Kjy/2026');
    expect(p.indexOf('Nomor: 000.8.3.4/296/Kec-Kjy/2026')).toBe(p.indexOf('BERITA ACARA HASIL PENYELESAIAN PENGADUAN') + 1);
    expect(runProps(doc.xml, 'BERITA ACARA HASIL PENYELESAIAN PENGADUAN')).toMatch(/<w:b\/>[\s\S]*<w:u w:val="single"\/>/);
    expect(p).not.toContain('Yth.\tSdr. Siti Aminah');
    // Rows and heading.
    expect(p).toContain('1. Nama');
    expect(p).toContain('    Jabatan');
    expect(p).toContain('Camat Kejayan');
    // A row without a label continues the one above: no colon in front of it.
    const continued = [...doc.xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]).find((r) => r.includes('selanjutnya disebut PIHAK PERTAMA;'))!;
    expect(paragraphTexts(continued)).toEqual(['', '', 'selanjutnya disebut PIHAK PERTAMA;']);
    expect(runProps(doc.xml, 'Pernyataan pelapor')).toContain('<w:b/>');

    // Reporter on the left, the Camat's block on the right under the place and date.
    const date = p.indexOf('Kejayan, 30 November 2026');
    expect(date).toBeGreaterThan(p.indexOf('Pelapor'));
    expect(p.slice(date, date + 4)).toEqual(['Kejayan, 30 November 2026', 'PIHAK PERTAMA,', 'Plt. CAMAT KEJAYAN', 'SEKRETARIS KECAMATAN,']);
    expect(p.indexOf('Siti Aminah')).toBeLessThan(p.lastIndexOf('Drs. BAMBANG SUTRISNO, M.Si.'));
    expect(p).toContain('NIP 19710405 199303 1 006');
    // A citizen's name is plain; the official's is bold and underlined.
    expect(runProps(doc.xml, 'Siti Aminah')).not.toContain('<w:b/>');
    expect(runProps(doc.xml, 'Drs. BAMBANG SUTRISNO, M.Si.')).toContain('<w:u w:val="single"/>');
    // Side by side: one table row holds both names.
    const row = [...doc.xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]).find((r) => r.includes('Siti Aminah'));
    expect(row).toContain('Drs. BAMBANG SUTRISNO, M.Si.');

    expect(doc.xml).toContain(pageSize('F4'));
    expect(p).not.toContain('Tembusan:');
    expect(media(doc)).toEqual([]);
  });

  it('puts a lone PIHAK PERTAMA (the reporter not asked) where a single signature stands: right, dated above, the left cell empty', async () => {
    const lone = beritaAcara({
      blocks: [{ type: 'paragraph', text: 'PIHAK KEDUA tidak dapat dimintai pernyataan atas penyelesaian tersebut.' }],
      signatures: [sekcam({ caption: ['PIHAK PERTAMA,', 'Plt. CAMAT KEJAYAN', 'SEKRETARIS KECAMATAN,'] })],
      watermark: '',
    });
    const doc = readDocx(await letterDocx(lone));
    expect(doc.paragraphs).not.toContain('PIHAK KEDUA,');
    expect(doc.paragraphs).not.toContain('Pelapor');
    const table = [...doc.xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).find((t) => t.includes('>PIHAK PERTAMA,</w:t>'))!;
    const cells = [...table.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => paragraphTexts(m[0]).filter((t) => t !== ''));
    expect(cells).toHaveLength(2);
    expect(cells[0]).toEqual([]);
    expect(cells[1]!.slice(0, 4)).toEqual(['Kejayan, 30 November 2026', 'PIHAK PERTAMA,', 'Plt. CAMAT KEJAYAN', 'SEKRETARIS KECAMATAN,']);
    expect(cells[1]).toContain('Drs. BAMBANG SUTRISNO, M.Si.');
    // The right-hand column is the wider one (55 %), as for a letter's own signature.
    const cols = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols).toHaveLength(2);
    expect(cols[1]! / (cols[0]! + cols[1]!)).toBeCloseTo(0.55, 2);
  });

  it('marks a draft on every page', async () => {
    const doc = readDocx(await letterDocx(beritaAcara()));
    const header = doc.files.find((f) => /^word\/header\d*\.xml$/.test(f))!;
    expect(partText(doc, header)).toContain('DRAF — belum ditandatangani');
    // Word's own watermark shape as well, behind the text.
    expect(Buffer.from(doc.part(header)!).toString('utf8')).toMatch(/<v:textpath[^>]*string="DRAF"/);
    // The body itself never says DRAF: signing removes only the header.
    expect(doc.text).not.toContain('DRAF');
    const signed = readDocx(await letterDocx(beritaAcara({ watermark: '' })));
    const headers = signed.files.filter((f) => /^word\/header\d*\.xml$/.test(f));
    expect(headers.length).toBeGreaterThan(0);
    for (const f of headers) expect(partXml(signed, f)).not.toContain('DRAF');
  });

  it('numbers the pages after the first at the top centre, "- 2 -", the first page’s header and footer otherwise the same', async () => {
    const qr = await QRCode.toDataURL('K7QF-2M9X-PD', { margin: 1 });
    const doc = readDocx(await letterDocx(beritaAcara({ verification: { code: 'K7QF-2M9X-PD', text: 'Periksa keaslian dengan kode berikut.', qr } })));
    expect(doc.xml).toContain('<w:titlePg/>');
    const later = partXml(doc, sectionPart(doc, 'header', 'default')!);
    const first = partXml(doc, sectionPart(doc, 'header', 'first')!);
    expect(later).toMatch(/<w:jc w:val="center"\/>[\s\S]*>- <\/w:t>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*> -<\/w:t>/);
    expect(first).not.toContain('PAGE');
    // The draft mark and the QR are on the first page too.
    for (const header of [later, first]) expect(header).toContain('DRAF — belum ditandatangani');
    for (const type of ['default', 'first'] as const) expect(partText(doc, sectionPart(doc, 'footer', type)!)).toContain('Kode periksa: K7QF-2M9X-PD');
  });
});

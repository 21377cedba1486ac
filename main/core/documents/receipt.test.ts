import { deflateSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { receiptViewSchema } from '../../../shared/documents/receipt';
import { complaintDetailSchema, type ComplaintDetail } from '../../../shared/schemas/complaint';
import { officeProfileSchema, type OfficeProfile } from '../../../shared/schemas/office';
import { userSchema, type User } from '../../../shared/schemas/user';
import { readDocx } from '../../../test/support/docx';
import { imageSize } from './imageSize';
import { buildReceiptView, descriptionRoom } from './receipt';
import { receiptDocx } from './receiptDocx';

const PLACE = 'loket pelayanan pengaduan di kantor kami';
const CHECKLIST = [
  'Nama dan alamat lengkap pengadu',
  'Uraian pelayanan yang tidak sesuai dan kerugian yang diderita',
  'Permintaan penyelesaian yang diajukan',
  'Tempat, waktu penyampaian, dan tanda tangan',
  'Fotokopi KTP/SIM/KK',
];

const office = (over: Partial<OfficeProfile> = {}): OfficeProfile =>
  officeProfileSchema.parse({
    level: 'kecamatan',
    name: 'Kecamatan Kejayan',
    shortName: 'Kec. Kejayan',
    regionType: 'kabupaten',
    region: 'Pasuruan',
    address: 'Jalan Raya Kejayan Nomor 1, Kejayan',
    postalCode: '67172',
    phone: '(0343) 413020',
    email: 'kec.kejayan@pasuruankab.go.id',
    website: 'kejayan.pasuruankab.go.id',
    timeZone: 'Asia/Jakarta',
    kopLines: ['Pemerintah Kabupaten Pasuruan', 'Kecamatan Kejayan'],
    headTitle: 'Camat Kejayan',
    unitCode: 'Kec-Kjy',
    logo: '',
    ...over,
  });

const officer: User = userSchema.parse({
  id: 3,
  username: 'staf',
  name: 'Dewi Lestari, S.Sos.',
  nip: '198703142010012004',
  jabatan: 'Pengadministrasi Umum',
  pangkat: 'Penata Muda (III/a)',
  role: 'staf',
  seksi: '',
  active: true,
});

const DESCRIPTION =
  'Jalan makadam di Dusun Krajan RT 02 RW 01 sepanjang kurang lebih 300 meter berlubang dan tergenang air setiap hujan. ' +
  'Anak-anak yang berangkat sekolah terpaksa memutar lewat pematang sawah, dan sudah dua kali pengendara sepeda motor jatuh ' +
  'karena lubang tertutup genangan. Warga sudah menyampaikan hal ini dalam musyawarah dusun pada bulan Agustus dan kepada ' +
  'pemerintah desa, tetapi belum ada tindak lanjut. Kami mohon Kecamatan membantu agar jalan tersebut masuk rencana ' +
  'perbaikan tahun depan atau setidaknya lubang-lubang yang paling dalam segera ditimbun sementara sebelum musim hujan puncak.';

const complaint = (over: Partial<ComplaintDetail> = {}, reporter: Partial<ComplaintDetail['reporter']> = {}): ComplaintDetail =>
  complaintDetailSchema.parse({
    id: 1,
    registerNo: '0001/PGD/2026',
    // 09.30 WIB on Monday 23 November 2026.
    receivedAt: '2026-11-23T02:30:00.000Z',
    kind: 'pengaduan',
    channel: 'langsung',
    category: 'infrastruktur',
    reporterName: reporter.anonymous ? 'Anonim' : 'Siti Aminah',
    subject: 'Jalan desa rusak di Dusun Krajan',
    status: 'diterima',
    reporter: {
      name: 'Siti Aminah',
      address: 'Dusun Krajan RT 02 RW 01, Desa Kejayan',
      nik: '3514015506800002',
      phone: '081234567890',
      email: 'siti.aminah@contoh.com',
      anonymous: false,
      confidential: false,
      ...reporter,
    },
    personalDataMasked: false,
    description: DESCRIPTION,
    loss: 'Sepeda motor warga rusak',
    expectation: 'Jalan segera diperbaiki',
    incidentPlace: 'Dusun Krajan',
    incidentDate: '2026-11-20',
    laporTrackingId: '',
    kelengkapan: [CHECKLIST[0], CHECKLIST[1], CHECKLIST[2]],
    kelengkapanMissing: [CHECKLIST[3], CHECKLIST[4]],
    enteredAt: '2026-11-23T02:30:00.000Z',
    backdated: false,
    letterNo: '',
    letterDate: '',
    links: [],
    receivedByName: officer.name,
    attachments: [
      { id: 1, fileName: 'foto-jalan-krajan-1.jpg', mime: 'image/jpeg', size: 812_331, sha256: 'a'.repeat(64) },
      { id: 2, fileName: 'ktp-siti-aminah.pdf', mime: 'application/pdf', size: 210_004, sha256: 'b'.repeat(64) },
    ],
    events: [{ at: '2026-11-23T02:30:00.000Z', actorName: officer.name, action: 'diterima', status: 'diterima', note: '' }],
    ...over,
  });

const view = (c = complaint(), o = office()) => buildReceiptView({ complaint: c, office: o, officer, checklist: CHECKLIST, kelengkapanPlace: PLACE });

describe('buildReceiptView', () => {
  it('fills the receipt from the complaint, the office and the officer', () => {
    const v = receiptViewSchema.parse(view());
    expect(v.title).toBe('TANDA TERIMA PENGADUAN');
    expect(v.registerNo).toBe('0001/PGD/2026');
    expect(Object.fromEntries(v.rows.map((r) => [r.label, r.value]))).toEqual({
      'Tanggal diterima': '23 November 2026 pukul 09.30 WIB',
      Kanal: 'Langsung/Loket',
      Jenis: 'Pengaduan',
      Kategori: 'Infrastruktur (jalan, jembatan, drainase)',
      'Nama pelapor': 'Siti Aminah',
      Alamat: 'Dusun Krajan RT 02 RW 01, Desa Kejayan',
      'Nomor telepon': '081234567890',
      Perihal: 'Jalan desa rusak di Dusun Krajan',
    });
    expect(v.kelengkapan.map((k) => k.checked)).toEqual([true, true, true, false, false]);
    expect(v.attachments).toEqual(['foto-jalan-krajan-1.jpg', 'ktp-siti-aminah.pdf']);
    expect(v.placeDate).toBe('Kejayan, 23 November 2026');
    expect(v.signer).toEqual({ caption: 'Petugas Penerima,', name: 'Dewi Lestari, S.Sos.', nip: 'NIP 19870314 201001 2 004' });
    expect(v.reporterSigner).toEqual({ caption: 'Pelapor,', name: 'Siti Aminah' });
    expect(v.kop).toEqual({
      lines: ['Pemerintah Kabupaten Pasuruan', 'Kecamatan Kejayan'],
      address: 'Jalan Raya Kejayan Nomor 1, Kejayan, Kode Pos 67172',
      contact: 'Telepon (0343) 413020 · Email kec.kejayan@pasuruankab.go.id · Laman kejayan.pasuruankab.go.id',
      logo: '',
    });
    expect(v.notice).toContain('nomor register 0001/PGD/2026');
    expect(v.notice).toContain('Simpan tanda terima ini');
    // Two items unticked: the reporter is told where to complete them.
    expect(v.notice).toContain('Kelengkapan yang kotaknya masih kosong mohon dilengkapi di loket pelayanan pengaduan di kantor kami.');
    expect(view(complaint({ kelengkapan: CHECKLIST })).notice).not.toContain('Kelengkapan');
  });

  it('uses the kind label, the office time zone and the standard time when given', () => {
    const c = complaint({ kind: 'permintaan_informasi', receivedAt: '2026-11-23T01:05:00.000Z' });
    const o = office({ name: 'Kecamatan Waru', kopLines: ['Pemerintah Kabupaten Penajam Paser Utara', 'Kecamatan Waru'], timeZone: 'Asia/Makassar', phone: '', website: '' });
    const v = buildReceiptView({
      complaint: c,
      office: o,
      officer: { ...officer, nip: '' },
      checklist: [],
      kelengkapanPlace: PLACE,
      deadline: { total: '245 menit', start: 'diterima', due: '2026-11-24T00:10:00.000Z' },
    });
    expect(v.title).toBe('TANDA TERIMA PERMINTAAN INFORMASI');
    expect(v.rows.find((r) => r.label === 'Tanggal diterima')?.value).toBe('23 November 2026 pukul 09.05 WITA');
    expect(v.placeDate).toBe('Waru, 23 November 2026');
    expect(v.kop.contact).toBe('Email kec.kejayan@pasuruankab.go.id');
    expect(v.signer.nip).toBe('');
    expect(v.rows.find((r) => r.label === 'Batas penyelesaian')?.value).toBe('Selasa, 24 November 2026 pukul 08.10 WITA (245 menit sejak permintaan informasi diterima)');
    expect(v.notice).toContain('paling lambat pada batas penyelesaian di atas');
    expect(v.kelengkapan).toEqual([]);
    expect(v.notice).not.toContain('Kelengkapan');
  });

  it("words the due by the standard's start rule, and gives only the span while the clock waits for a complete file", () => {
    const at = (start: 'diterima' | 'berkas_lengkap', due: string | null) =>
      buildReceiptView({ complaint: complaint(), office: office(), officer, checklist: CHECKLIST, kelengkapanPlace: PLACE, deadline: { total: '3 hari', start, due } });
    const row = (v: ReturnType<typeof at>) => v.rows.find((r) => r.label === 'Batas penyelesaian')?.value;
    expect(row(at('diterima', '2026-12-02T09:00:00.000Z'))).toBe('Rabu, 2 Desember 2026 pukul 16.00 WIB (3 hari sejak pengaduan diterima)');
    expect(row(at('berkas_lengkap', '2026-12-02T09:00:00.000Z'))).toBe('Rabu, 2 Desember 2026 pukul 16.00 WIB (3 hari sejak berkas lengkap)');
    expect(row(at('berkas_lengkap', null))).toBe('3 hari sejak berkas lengkap');
    // Without a standard: no row, a generic sentence.
    expect(view().rows.map((r) => r.label)).not.toContain('Batas penyelesaian');
    expect(view().notice).toContain('sesuai jangka waktu dalam Standar Pelayanan');
  });

  it('dates an office that is not a kecamatan with its kabupaten/kota', () => {
    const o = office({ level: 'unit_lain', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', region: 'Pasuruan' });
    expect(view(complaint(), o).placeDate).toBe('Pasuruan, 23 November 2026');
  });

  it('hides the identity of an anonymous reporter and masks what the viewer may not see', () => {
    const anon = view(complaint({}, { anonymous: true }));
    expect(anon.rows.map((r) => r.label)).not.toContain('Alamat');
    expect(anon.rows.map((r) => r.label)).not.toContain('Nomor telepon');
    expect(anon.rows.find((r) => r.label === 'Nama pelapor')?.value).toBe('Anonim');
    // Nobody to sign for an anonymous reporter.
    expect(anon.reporterSigner).toBeNull();
    expect(JSON.stringify(anon)).not.toMatch(/siti|081234567890|3514015506800002|Desa Kejayan/i);
    // A file name can give the reporter away too.
    expect(anon.attachments).toEqual(['Berkas 1 (JPG)', 'Berkas 2 (PDF)']);

    // A rahasia reporter has the office's promise on the receipt.
    expect(view(complaint({}, { confidential: true })).rows).toContainEqual({ label: 'Identitas pelapor', value: 'Dirahasiakan atas permintaan pelapor' });
    expect(view().rows.map((r) => r.label)).not.toContain('Identitas pelapor');

    const masked = view(complaint({ personalDataMasked: true }));
    expect(masked.rows.find((r) => r.label === 'Nomor telepon')?.value).toBe('(disamarkan)');
    expect(masked.rows.find((r) => r.label === 'Alamat')?.value).toBe('(disamarkan)');
  });

  it('shortens a very long uraian so the receipt stays on one sheet', () => {
    const v = view(complaint({ description: 'kata '.repeat(900) }));
    expect(v.description.length).toBeLessThanOrEqual(1000);
    expect(v.description).toMatch(/^kata kata .* … \(selengkapnya tercatat dalam register pengaduan\)$/);
    expect(view().description).toBe(DESCRIPTION);
  });

  it('has the reporter sign only a receipt handed over at the counter', () => {
    expect(view().reporterSigner).toEqual({ caption: 'Pelapor,', name: 'Siti Aminah' });
    for (const channel of ['whatsapp', 'telepon', 'surat', 'kotak_saran', 'sp4n_lapor'] as const) {
      expect(view(complaint({ channel, letterNo: channel === 'surat' ? '1/2026' : '', letterDate: channel === 'surat' ? '2026-11-20' : '' })).reporterSigner, channel).toBeNull();
    }
  });

  it('gives the uraian the room the rest of the sheet leaves, and lists long file names shortened with their type', () => {
    const long = complaint(
      {
        description: 'kata '.repeat(900),
        attachments: [1, 2, 3, 4, 5].map((i) => ({
          id: i,
          fileName: `Foto kondisi jalan rusak di depan rumah warga bagian ${i} diambil pagi hari.jpg`,
          mime: 'image/jpeg',
          size: 1,
          sha256: 'a'.repeat(64),
        })),
      },
      { name: 'Nama '.repeat(24).trim(), address: 'Alamat '.repeat(35).trim() },
    );
    const full = view(long);
    expect(full.attachments[0]).toBe('Foto kondisi jalan rusak di dep…hari.jpg');
    expect(full.attachments.every((a) => a.length <= 40 && a.endsWith('.jpg'))).toBe(true);
    // Each line the name, the address and the files take is a line less of uraian.
    const roomy = view(complaint({ description: 'kata '.repeat(900) }));
    expect(full.description.length).toBeLessThan(roomy.description.length - 5 * 80);
    expect(full.description.length).toBeLessThanOrEqual(descriptionRoom(full));
    expect(full.description).toMatch(/^kata kata .* … \(selengkapnya tercatat dalam register pengaduan\)$/);
    // A short uraian stays whole beside the longest name and address.
    const short = 'Lampu jalan di depan balai dusun padam sejak dua minggu.';
    expect(view({ ...long, description: short }).description).toBe(short);
  });
});

describe('receiptDocx', () => {
  it('writes the receipt as a DOCX that reads back with the same facts', async () => {
    const deadline = { total: '3 hari', start: 'diterima' as const, due: '2026-11-26T02:30:00.000Z' };
    const doc = readDocx(await receiptDocx(buildReceiptView({ complaint: complaint(), office: office(), officer, checklist: CHECKLIST, kelengkapanPlace: PLACE, deadline })));
    const text = doc.text;
    expect(doc.paragraphs).toContain('Kamis, 26 November 2026 pukul 09.30 WIB (3 hari sejak pengaduan diterima)');
    expect(doc.paragraphs).toContain('PEMERINTAH KABUPATEN PASURUAN');
    expect(doc.paragraphs).toContain('KECAMATAN KEJAYAN');
    expect(doc.paragraphs).toContain('TANDA TERIMA PENGADUAN');
    expect(doc.paragraphs).toContain('Nomor: 0001/PGD/2026');
    expect(doc.paragraphs).toContain('23 November 2026 pukul 09.30 WIB');
    expect(doc.paragraphs).toContain('Kejayan, 23 November 2026');
    expect(doc.paragraphs).toContain('Siti Aminah');
    expect(doc.paragraphs).toContain('081234567890');
    expect(doc.paragraphs).toContain(`☑\t${CHECKLIST[0]}`);
    expect(doc.paragraphs).toContain(`☑\t${CHECKLIST[2]}`);
    expect(doc.paragraphs).toContain(`☐\t${CHECKLIST[3]}`);
    expect(doc.paragraphs).toContain(`☐\t${CHECKLIST[4]}`);
    expect(doc.paragraphs).toContain('Lampiran: 1. foto-jalan-krajan-1.jpg; 2. ktp-siti-aminah.pdf');
    expect(doc.paragraphs).toContain('Petugas Penerima,');
    expect(doc.paragraphs).toContain('Dewi Lestari, S.Sos.');
    expect(doc.paragraphs).toContain('NIP 19870314 201001 2 004');
    expect(doc.paragraphs).toContain(DESCRIPTION);
    // NIK is never printed on the receipt.
    expect(text).not.toContain('3514015506800002');
    // The kop ends in a double rule; the page is A4 with the letter margins.
    expect(doc.xml).toMatch(/<w:bottom w:val="double"/);
    expect(doc.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc.xml).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1417" w:left="1701"/);
    expect(doc.files.filter((f) => f.startsWith('word/media/'))).toEqual([]);
  });

  it("leaves the anonymous reporter's name, phone and NIK out of the DOCX", async () => {
    const doc = readDocx(await receiptDocx(view(complaint({}, { anonymous: true }))));
    expect(doc.paragraphs.filter((p) => p === 'Anonim')).toHaveLength(1);
    expect(doc.paragraphs).not.toContain('Pelapor,');
    for (const secret of ['siti', 'aminah', '081234567890', '3514015506800002', 'Desa Kejayan']) {
      expect(doc.xml.toLowerCase()).not.toContain(secret.toLowerCase());
    }
  });

  it('embeds the office logo as word/media', async () => {
    const png = testPng(60, 72);
    expect(imageSize(png)).toEqual({ width: 60, height: 72 });
    const logo = `data:image/png;base64,${png.toString('base64')}`;
    const doc = readDocx(await receiptDocx(view(complaint(), office({ logo }))));
    const media = doc.files.filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(doc.part(media[0]!)!).equals(png)).toBe(true);
    expect(doc.paragraphs).toContain('KECAMATAN KEJAYAN');
  });
});

// A small shield-shaped PNG, so the logo test (and a look at the rendered page) has a real image.
function testPng(w: number, h: number): Buffer {
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 4 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const inside = Math.abs(x - w / 2) < (w / 2) * (y < h * 0.6 ? 1 : 1 - (y - h * 0.6) / (h * 0.4));
      const o = y * (w * 4 + 1) + 1 + x * 4;
      raw.set(inside ? [0x1f, 0x5f, 0x2f, 255] : [255, 255, 255, 0], o);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

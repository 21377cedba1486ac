import ExcelJS from 'exceljs';

// A realistic old register as offices keep it in Excel: title lines above the table,
// the usual Indonesian headers, dates written every way (Excel dates, "3 Agustus 2025",
// "03/08/2025", "3-8-2025"), and some rows an import must skip (a date that does not
// exist, an empty Uraian, a number written twice, a finish before the receipt). The
// generator says, for every row, what the import must make of it.

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const FIRST = ['Siti', 'Budi', 'Ahmad', 'Nur', 'Dewi', 'Moh.', 'Sri', 'Agus', 'Rina', 'Hasan', 'Fatimah', 'Slamet'];
const LAST = ['Aminah', 'Santoso', 'Hidayat', 'Rahmawati', 'Wahyudi', 'Syafii', 'Lestari', 'Prasetyo', 'Maimunah', 'Zainal'];
const DESA = ['Krajan', 'Tambakrejo', 'Sumberejo', 'Pakisan', 'Ketegan', 'Pandanrejo'];
const CHANNELS = ['Datang langsung', 'WA', 'Surat', 'Telepon', 'Kotak saran', 'Instagram', 'SMS'];
const CATEGORIES: [string, string][] = [
  ['Adminduk', 'administrasi_kependudukan'],
  ['Jalan rusak', 'infrastruktur'],
  ['Bansos', 'bantuan_sosial'],
  ['Sampah', 'kebersihan_lingkungan'],
  ['Pungli', 'pelayanan_aparatur'],
  ['Lain-lain', 'lainnya'],
];
const TOPICS = [
  'Jalan makadam di dusun berlubang dan tergenang setiap hujan. Anak sekolah sulit lewat.',
  'KTP elektronik belum jadi sejak tiga bulan lalu padahal sudah rekam.',
  'Nama kami tidak masuk daftar penerima bantuan sosial padahal termasuk keluarga miskin.',
  'Sampah menumpuk di pinggir sungai dan menimbulkan bau.',
  'Petugas desa meminta uang untuk surat keterangan domisili.',
];

export const REGISTER_HEADERS = [
  'No.',
  'No. Register',
  'Tanggal',
  'Nama pelapor',
  'Jenis kelamin',
  'Alamat',
  'No. HP',
  'Jenis/No. tanda pengenal',
  'Uraian/Isi',
  'Terlapor',
  'Lokasi kejadian',
  'Tanggal kejadian',
  'Media/Kanal',
  'Kategori',
  'Unit/Seksi',
  'Tindak lanjut',
  'Status',
  'Tanggal selesai',
  'Keterangan',
];

export interface ExpectedRow {
  // Excel row number.
  row: number;
  registerNo: string;
  year: number;
  ok: boolean;
  // A phrase the skip reason contains.
  reason?: string;
  open?: boolean;
  status?: 'selesai' | 'ditolak';
  category?: string;
  receivedYmd: string;
  description: string;
}

export interface RegisterFixture {
  bytes: Buffer;
  rows: ExpectedRow[];
  headerRow: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

// The same date the way different clerks typed it.
function dateCell(i: number, y: number, m: number, d: number): ExcelJS.CellValue {
  switch (i % 5) {
    case 0:
      return new Date(Date.UTC(y, m - 1, d));
    case 1:
      return `${d} ${MONTHS[m - 1]} ${y}`;
    case 2:
      return `${pad(d)}/${pad(m)}/${y}`;
    case 3:
      return `${d}-${m}-${y}`;
    default:
      return `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agt', 'Sep', 'Okt', 'Nov', 'Des'][m - 1]} ${y}`;
  }
}

/**
 * `count` rows over 2024, 2025 and the first months of 2026; the last `in2026` rows
 * are numbered as Tanggap numbers by default ("0001/PGD/2026"), so they meet the
 * running counter's numbers.
 */
export async function registerFixture(count = 3000, in2026 = 10): Promise<RegisterFixture> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Register 2024-2026');
  wb.addWorksheet('Rekap').addRow(['Rekap bulanan (bukan data)']);
  ws.addRow(['BUKU REGISTER PENGADUAN MASYARAKAT']);
  ws.addRow(['KECAMATAN KEJAYAN — TAHUN 2024 s.d. 2026']);
  ws.addRow([]);
  ws.addRow(REGISTER_HEADERS);
  const headerRow = 4;
  const rows: ExpectedRow[] = [];
  const perYear = new Map<number, number>();
  let prev: { registerNo: string; year: number; badDate: boolean } | null = null;
  const firstYear = Math.floor((count - in2026) / 2);
  for (let i = 1; i <= count; i++) {
    const year = i > count - in2026 ? 2026 : i <= firstYear ? 2024 : 2025;
    const inYear = i > count - in2026 ? i - (count - in2026) : i <= firstYear ? i : i - firstYear;
    const span = year === 2026 ? in2026 : year === 2024 ? firstYear : count - in2026 - firstYear;
    // Spread over the year (2026: January to October), in order.
    const dayOfYear = Math.floor(((inYear - 1) * (year === 2026 ? 300 : 360)) / span);
    const m = Math.min(12, Math.floor(dayOfYear / 30) + 1);
    const d = (dayOfYear % 28) + 1;
    const row = headerRow + i;
    const badDate = i % 97 === 50;
    const emptyText = !badDate && i % 89 === 30;
    const duplicate: boolean = !badDate && !emptyText && i % 113 === 70 && prev !== null && prev.year === year && !prev.badDate;
    let seq = perYear.get(year) ?? 0;
    if (!duplicate) perYear.set(year, ++seq);
    const registerNo: string = duplicate ? prev!.registerNo : year === 2026 ? `${pad(seq, 4)}/PGD/2026` : `${pad(seq, 3)}/PGD/${year}`;
    const open = i % 10 === 3 || i % 10 === 7;
    const status = open ? null : i % 50 === 11 ? 'ditolak' : 'selesai';
    const finishBefore = !open && !badDate && !emptyText && !duplicate && d > 1 && i % 211 === 100;
    const [catText, cat] = CATEGORIES[i % CATEGORIES.length]!;
    const description = emptyText ? '' : `${TOPICS[i % TOPICS.length]} (catatan ${i})`;
    const closeDay = Math.min(28, d + 3);
    const closed = finishBefore ? dateCell(i, year, m, Math.max(1, d - 1)) : status ? dateCell(i + 1, year, m, closeDay) : null;
    ws.addRow([
      i,
      registerNo,
      badDate ? `31/02/${year}` : dateCell(i, year, m, d),
      i % 23 === 0 ? 'Anonim' : `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}`,
      i % 2 ? 'L' : 'P',
      `Dusun ${DESA[i % DESA.length]} RT 0${(i % 5) + 1} RW 0${(i % 3) + 1}`,
      `0812${pad(i, 8)}`,
      i % 3 === 0 ? `KTP ${3514010000000000 + i}` : i % 3 === 1 ? 'SIM' : '',
      description,
      i % 4 === 0 ? 'Pemerintah Desa' : '',
      `Desa ${DESA[(i + 1) % DESA.length]}`,
      i % 6 === 0 ? dateCell(i + 2, year, m, Math.max(1, d - 1)) : '',
      CHANNELS[i % CHANNELS.length],
      catText,
      i % 2 ? 'Seksi Pelayanan' : 'Seksi Pemerintahan',
      status ? 'Sudah dikoordinasikan dengan desa' : '',
      open ? (i % 10 === 3 ? 'Proses' : '') : status === 'ditolak' ? 'Ditolak' : 'Selesai',
      closed ?? '',
      i % 7 === 0 ? 'Berkas di ordner 3' : '',
    ]);
    const reason = badDate
      ? `Tanggal diterima 31/02/${year} tidak ada di kalender`
      : emptyText
        ? 'Uraian/Isi kosong.'
        : duplicate
          ? `sudah ada di baris ${row - 1} berkas ini`
          : finishBefore
            ? 'Tanggal selesai sebelum tanggal diterima'
            : undefined;
    rows.push({
      row,
      registerNo,
      year,
      ok: reason === undefined,
      ...(reason ? { reason } : {}),
      open,
      ...(status ? { status } : {}),
      category: cat,
      receivedYmd: ymd(year, m, d),
      description,
    });
    prev = { registerNo, year, badDate };
  }
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), rows, headerRow };
}

/** A register saved from Excel as CSV with semicolons, a BOM, quotes and a line break in a quote. */
export function registerCsv(): { bytes: Buffer; ok: number; skipped: { row: number; reason: string }[] } {
  const lines = [
    'No;No. Register;Tgl Masuk;Nama Pelapor;Alamat;No. HP;Isi Pengaduan;Kanal;Kategori;Status;Tgl Selesai;Tgl Kejadian',
    // An incident after the day it was reported: left blank, as intake refuses it.
    '1;12/REG/2025;3 Agt 2025;Siti Aminah;"Dusun Krajan; RT 02";081234567890;"Jalan rusak di depan ""balai desa""";WA;Jalan;Selesai;7 Agt 2025;5 Agt 2025',
    '2;13/REG/2025;5 Okt 2025;Budi;Desa Pakisan;;"KTP belum jadi,\nsudah tiga bulan";Datang langsung;Adminduk;Proses;',
    '3;14/REG/2025;12 Des 2025;;;;"Lampu jalan mati";Telepon;Infrastruktur;Selesai;15/12/2025',
    '4;15/REG/2025;1 Mei 2025;Nur;;;Bantuan tidak cair;Surat;Bansos;;',
    '5;16/REG/2025;30 Februari 2025;Dewi;;;Sampah menumpuk;WA;Sampah;Selesai;2 Mar 2025',
    '6;17/REG/2025;2025-09-01;Hasan;;;;WA;Sampah;Selesai;2025-09-02',
    // A register numbered 1, 2, 3… afresh each year: the year is added to the number.
    '7;21;4 Jan 2025;Slamet;;;Saluran air tersumbat;Surat;Drainase;Selesai;10 Jan 2025',
    // Before the years the register counts (its year filter and reports start at 2000).
    '8;9/REG/1999;3 Agt 1999;Wati;;;Jembatan putus;Surat;Jalan;Selesai;9 Agt 1999',
  ];
  const text = `\uFEFF${lines.join('\r\n')}\r\n`;
  return {
    bytes: Buffer.from(text, 'utf8'),
    ok: 5,
    // The quoted line break makes row 3 two lines in a text editor; the import counts records.
    skipped: [
      { row: 6, reason: 'Tanggal diterima 30 Februari 2025 tidak ada di kalender' },
      { row: 7, reason: 'Uraian/Isi kosong.' },
      { row: 9, reason: 'Tanggal diterima 3 Agustus 1999 di luar tahun 2000–2100; periksa tahunnya.' },
    ],
  };
}

export const LAPOR_HEADERS = ['ID Pelacakan', 'Judul Laporan', 'Isi Laporan', 'Tanggal Laporan', 'Kategori', 'Klasifikasi', 'Lokasi', 'Status'];

/** An SP4N-LAPOR! export as XLSX; `known` is a tracking ID already in the app. */
export async function laporFixture(known: string): Promise<{ bytes: Buffer; ids: string[] }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Laporan');
  ws.addRow(LAPOR_HEADERS);
  const rows: ExcelJS.CellValue[][] = [
    ['5839201', 'Pungutan di loket KTP', 'Petugas meminta uang tambahan untuk mempercepat KTP.', '03-10-2026 14:22', 'Administrasi Kependudukan', 'Pengaduan', 'Kecamatan Kejayan', 'Proses'],
    ['5839202', 'Usul taman baca', 'Mohon dibangun taman baca di balai desa.', '05/10/2026', 'Pendidikan', 'Aspirasi', 'Desa Ketegan', 'Selesai'],
    [known, 'Jalan rusak', 'Sudah dicatat lewat loket.', '2026-10-07', 'Infrastruktur', 'Pengaduan', 'Desa Krajan', 'Proses'],
    ['5839204', 'Jam buka kantor', 'Kapan kantor kecamatan buka hari Sabtu?', '8 Oktober 2026', 'Pelayanan Publik', 'Permintaan Informasi', '', 'Selesai'],
    ['5839202', 'Usul taman baca', 'Mohon dibangun taman baca di balai desa.', '05/10/2026', 'Pendidikan', 'Aspirasi', 'Desa Ketegan', 'Selesai'],
  ];
  for (const r of rows) ws.addRow(r);
  // Excel would show a long ID in scientific notation: exports keep it as text.
  ws.getColumn(1).numFmt = '@';
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), ids: ['5839201', '5839202', '5839204'] };
}

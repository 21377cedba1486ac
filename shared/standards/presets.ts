import type { OfficeProfile } from '../schemas/office';
import { serviceStandardSchema, type ServiceStandard, type ServiceStandardInput, type StandardDuration } from './schema';

// The five published Standar Pelayanan (seeds 000–004 in the team notes),
// transcribed step by step in their own words. Only obvious typing slips are
// corrected ("Kartu Kendal" → "Kartu Kendali", "menyalpkan" → "menyiapkan", which
// the seed itself spells so further down). Where a seed is silent or ambiguous
// (executor not named, no time per step, "hari" without "kerja") the step's
// `note` says how it was read; the admin can change any of it.
//
// Office profiles hold only what the seed states; the unit code (kode unit) is a
// local setting no seed gives, so it is a suggestion the admin confirms.

type Office = Omit<OfficeProfile, 'logo'>;
export type PresetId = 'kejayan' | 'pegantenan' | 'bkpsdm_pasuruan' | 'wonoasih' | 'waru';
export interface OfficePreset {
  id: PresetId;
  label: string;
  office: Office;
  standard: ServiceStandard;
}

// Each standard is parsed the first time it is read, not when the module loads: parsing
// the six was some 9–12 ms of every start of the server, which reads none of them (only the
// first setup and a standard never saved do). presets.test.ts reads each, so a preset
// that breaks the schema fails there.
function std(input: ServiceStandardInput): () => ServiceStandard {
  let parsed: ServiceStandard | undefined;
  return () => (parsed ??= serviceStandardSchema.parse(input));
}
const menit = (amount: number): StandardDuration => ({ amount, unit: 'menit_kerja' });
const jam = (amount: number): StandardDuration => ({ amount, unit: 'jam_kerja' });
const hariKerja = (amount: number): StandardDuration => ({ amount, unit: 'hari_kerja' });
const hari = (amount: number): StandardDuration => ({ amount, unit: 'hari_kalender' });

const TIDAK_DIPUNGUT = 'Tidak dipungut biaya';

// The content of a written complaint (UU 25/2009 Pasal 42, as Kejayan and BKPSDM list it).
const UU25_CONTENT = [
  'Nama dan alamat lengkap',
  'Uraian pelayanan yang tidak sesuai dengan standar pelayanan dan uraian kerugian materiel atau immaterial yang diderita',
  'Permintaan penyelesaian yang diajukan',
  'Tempat, waktu penyampaian, dan tanda tangan',
];
// The same four as the tanda terima checklist.
const UU25_CHECKLIST = [
  'Nama dan alamat lengkap pengadu',
  'Uraian pelayanan yang tidak sesuai dan kerugian yang diderita',
  'Permintaan penyelesaian yang diajukan',
  'Tempat, waktu penyampaian, dan tanda tangan',
];
// The flow Kejayan and BKPSDM publish in the same words (the common template).
const TEMPLATE_PROCEDURE = [
  'Petugas pengaduan menerima dan mencatat pengaduan',
  'Petugas mengkonfirmasi dan menyelesaikan pengaduan sesuai dengan levelnya',
  'Pengaduan didistribusikan ke bidang terkait untuk dilakukan penelusuran/penanganan lebih lanjut',
  'Penyampaian tanggapan kepada pengguna layanan',
  'Pengarsipan dan rencana tindak lanjut pada tim pengaduan',
];
// Aspirasi and permintaan informasi reach every office too (SP4N-LAPOR! classifies
// reports so); konsultasi is a service only Waru's standard names.
const KINDS_PENGADUAN = ['pengaduan', 'aspirasi', 'permintaan_informasi'] as const;

// ── 000 Kecamatan Kejayan, Kab. Pasuruan ──────────────────────────────────────
const kejayan = std({
  code: 'kejayan',
  name: 'Penanganan Pengaduan',
  office: 'Kecamatan Kejayan',
  skNumber: '060/ 643 / 424.306/2023',
  requirements: [
    'Nama dan alamat lengkap pengadu',
    ...UU25_CONTENT.slice(1),
    'Surat pengaduan diajukan kepada alamat Unit Penyelenggara Pelayanan yang dituju.',
  ],
  kelengkapanChecklist: UU25_CHECKLIST,
  channels: ['Aplikasi SP4N', 'Media sosial', 'Email', 'Surat', 'Kotak penanganan pengaduan'],
  fee: TIDAK_DIPUNGUT,
  product: 'Penanganan pengaduan',
  procedure: ['Pengguna layanan menyampaikan pengaduan secara tertulis kepada Unit Penyelenggara Pelayanan', ...TEMPLATE_PROCEDURE],
  steps: [
    {
      no: 1,
      activity: 'Melakukan pengaduan melalui aplikasi SP4N, media sosial, email dan surat',
      stage: 'diterima',
      executor: 'staf',
      output: 'Pengaduan diterima dan dicatat',
      duration: menit(15),
      note: 'Kegiatan pemohon; di aplikasi dicatat oleh petugas pengaduan yang menerima dan mencatatnya (prosedur b). Standar tidak menyebut pelaksana: dibaca Staf.',
    },
    {
      no: 2,
      activity: 'Menerima dan mengkonfirmasi pemohon untuk selanjutnya disampaikan ke Kasi terlebih dahulu',
      stage: 'disposisi',
      executor: 'staf',
      output: 'Pengaduan disampaikan ke Kasi',
      duration: menit(30),
      note: 'Penyampaian ke Kasi dicatat sebagai disposisi dari petugas kepada Kasi yang dituju.',
    },
    {
      no: 3,
      activity: 'Memberikan solusi dan tanggapan pengaduan dari pemohon, jika belum ada solusi dan tanggapan, bisa diteruskan ke Camat',
      stage: 'tindak_lanjut',
      executor: 'kasi',
      output: 'Solusi dan tanggapan pengaduan',
      duration: hari(1),
      escalateTo: 'camat',
      note: 'Standar menulis "1 hari" tanpa "kerja": dihitung hari kalender. Lewat batas waktu tanpa solusi dan tanggapan, langkah diteruskan ke Camat (eskalasi).',
    },
    {
      no: 4,
      activity: 'Memberikan solusi dan tanggapan lanjutan pengaduan dari pemohon, jika belum menemukan tanggapan dari Kasi',
      stage: 'tindak_lanjut',
      executor: 'camat',
      output: 'Solusi dan tanggapan lanjutan',
      duration: hari(1),
      note: '"1 hari" dihitung hari kalender seperti langkah 3. Standar mencantumkannya sebagai langkah tersendiri; bila Kasi sudah menjawab, Camat menyelesaikan langkah ini dengan memeriksa tanggapan Kasi.',
    },
    {
      no: 5,
      activity: 'Menyusun, dan mengarsipkan laporan tindak lanjut untuk diberikan ke Pengguna Layanan',
      stage: 'penyusunan_jawaban',
      executor: 'staf',
      output: 'Laporan tindak lanjut',
      duration: jam(1),
      note: 'Standar tidak menyebut pelaksana: dibaca Staf (petugas pengaduan). Pengarsipan dilakukan pada langkah ini, sebelum tanggapan diserahkan.',
    },
    {
      no: 6,
      activity: 'Menerima tanggapan pengaduan',
      stage: 'penyampaian',
      executor: 'staf',
      output: 'Pengguna layanan menerima tanggapan pengaduan',
      duration: jam(1),
      note: 'Kegiatan pemohon; di aplikasi diselesaikan oleh staf yang menyerahkan tanggapan kepadanya.',
    },
  ],
  total: hari(3),
  clockStartsWhen: 'diterima',
  complaintKinds: [...KINDS_PENGADUAN],
  resolutionRecord: false,
});

// ── 001 Kecamatan Pegantenan, Kab. Pamekasan ──────────────────────────────────
const KARTU_KENDALI = ['Kartu Kendali'];
const pegantenan = std({
  code: 'pegantenan',
  name: 'Penanganan Laporan Pengaduan Pelayanan Publik',
  office: 'Kecamatan Pegantenan',
  skNumber: '',
  requirements: [
    'Mengisi formulir yang telah disediakan.',
    'Melalui SMS, Email, WA, dll',
    'Menyerahkan Fotocopy KTP/SIM/KK atau identitas pengadu',
  ],
  kelengkapanChecklist: ['Formulir pengaduan yang telah diisi', 'Fotocopy KTP/SIM/KK atau identitas pengadu'],
  channels: [
    'Kotak Pengaduan di Kantor Kecamatan Jl. Raya Pegantenan, Pegantenan - Pamekasan',
    'Telp: (0324) 7710982',
    'SMS',
    'Email',
    'WA',
  ],
  fee: TIDAK_DIPUNGUT,
  product: 'Dokumen Penanganan Laporan Pengaduan Pelayanan Publik',
  procedure: [
    'Pengadu memasukkan formulir yang telah diisi ke dalam kotak pengaduan yang telah disediakan',
    'Pemeriksaan/kelengkapan berkas pengadu',
    'Petugas mencatat dalam buku register',
    'Jawaban dari Camat kepada pengadu',
  ],
  steps: [
    {
      no: 1,
      activity: 'Menerima Pengaduan Masyarakat',
      stage: 'diterima',
      executor: 'staf',
      kelengkapan: ['Formulir Pengaduan', 'Komputer/HP'],
      output: 'Form Pengaduan',
      duration: menit(15),
      note: 'Sesuai dengan SOP Teknis.',
    },
    {
      no: 2,
      activity: 'Melakukan Verifikasi Identitas Pengadu',
      stage: 'verifikasi',
      executor: 'sekcam',
      kelengkapan: ['lembar disposisi', 'bolpoin', 'Kertas', 'Buku agenda', 'surat masuk'],
      output: 'Kejelasan Identitas Pengadu',
      duration: hariKerja(3),
      note: 'Standar menulis "3 Hari"; karena waktu penyelesaiannya "12 Hari kerja", semua "Hari" pada langkah dibaca hari kerja.',
    },
    {
      no: 3,
      activity: 'Memberi nomor dan mencatat pengaduan dalam buku rekap pengaduan',
      stage: 'verifikasi',
      executor: 'staf',
      kelengkapan: ['Buku Rekap Pengaduan'],
      output: 'Pengaduan tercatat',
      duration: menit(15),
      note: 'Nomor register diberikan aplikasi saat pengaduan dicatat (langkah 1); langkah ini mencatatnya dalam buku rekap.',
    },
    {
      no: 4,
      activity: 'Melakukan verifikasi substansi, apakah termasuk tupoksi atau tidak',
      stage: 'disposisi',
      executor: 'camat',
      kelengkapan: KARTU_KENDALI,
      output: 'Disposisi Tindak Lanjut',
      duration: hariKerja(2),
      note: 'Bila bukan tupoksi, pengaduan ditutup sebagai "bukan kewenangan" dan diteruskan ke instansi yang berwenang.',
    },
    {
      no: 5,
      activity: 'Melakukan klarifikasi / tanggapan atas pengaduan',
      stage: 'tindak_lanjut',
      executor: 'kasi',
      kelengkapan: KARTU_KENDALI,
      output: 'Penjelasan Kasubag',
      duration: hariKerja(2),
    },
    {
      no: 6,
      activity: 'Meminta staf menyiapkan surat tanggapan',
      stage: 'penyusunan_jawaban',
      executor: 'kasi',
      kelengkapan: KARTU_KENDALI,
      output: 'Draf surat Tanggapan',
      duration: menit(15),
    },
    {
      no: 7,
      activity: 'Menyiapkan surat tanggapan',
      stage: 'penyusunan_jawaban',
      executor: 'staf',
      kelengkapan: KARTU_KENDALI,
      output: 'Draf Surat Tanggapan',
      duration: menit(15),
    },
    {
      no: 8,
      activity: 'Memeriksa Surat Tanggapan',
      stage: 'paraf',
      executor: 'sekcam',
      alternates: ['kasi'],
      kelengkapan: KARTU_KENDALI,
      output: 'Paraf pada surat tanggapan',
      duration: hariKerja(2),
      note: 'Pelaksana "Sekcam/Kasi": diperiksa dan diparaf oleh Sekcam atau Kasi.',
    },
    {
      no: 9,
      activity: 'Menggandakan Surat Tanggapan',
      stage: 'paraf',
      executor: 'staf',
      kelengkapan: KARTU_KENDALI,
      output: 'Dokumen Surat Tanggapan',
      duration: menit(15),
    },
    {
      no: 10,
      activity: 'Menandatangani surat tanggapan',
      stage: 'penandatanganan',
      executor: 'camat',
      kelengkapan: KARTU_KENDALI,
      output: 'Dokumen Surat Tanggapan',
      duration: hariKerja(2),
    },
    {
      no: 11,
      activity: 'Memberi nomor surat, melakukan pengarsipan dan mencatat pada buku rekap pengaduan',
      stage: 'arsip',
      executor: 'staf',
      kelengkapan: [...KARTU_KENDALI, 'Buku Rekap Pengaduan'],
      output: 'Arsip Dokumen Surat Tanggapan',
      duration: menit(15),
      note: 'Diarsipkan sebelum dikirim, sesuai urutan standar.',
    },
    {
      no: 12,
      activity: 'Mengirim surat tanggapan pada pengadu',
      stage: 'penyampaian',
      executor: 'staf',
      kelengkapan: ['Tanda Terima Pengiriman'],
      output: 'Pengadu Menerima Tanggapan',
      duration: menit(15),
    },
  ],
  total: hariKerja(12),
  clockStartsWhen: 'diterima',
  complaintKinds: [...KINDS_PENGADUAN],
  resolutionRecord: false,
});

// ── 002 BKPSDM Kabupaten Pasuruan ─────────────────────────────────────────────
const bkpsdm = std({
  code: 'bkpsdm_pasuruan',
  name: 'Pengaduan Pelayanan Publik',
  office: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Pasuruan',
  skNumber: '',
  requirements: [
    `Pengguna layanan menyampaikan pengaduan secara tertulis dengan memuat: ${UU25_CONTENT.join('; ')}`,
    'Surat pengaduan diajukan kepada alamat Unit Penyelenggara Pelayanan yang dituju.',
    'Menyampaikan aduan melalui: Website www.lapor.go.id; Aplikasi android/iOS SP4N-LAPOR!',
  ],
  kelengkapanChecklist: UU25_CHECKLIST,
  channels: ['Surat pengaduan tertulis', 'Website: www.lapor.go.id', 'Aplikasi android/iOS: SP4N-LAPOR!'],
  fee: TIDAK_DIPUNGUT,
  product: 'Tindak Lanjut Penanganan Pengaduan Pelayanan Publik',
  procedure: [
    'Pengguna layanan menyampaikan pengaduan secara tertulis maupun online pada aplikasi SP4N-LAPOR! kepada Unit Penyelenggara Pelayanan',
    ...TEMPLATE_PROCEDURE,
  ],
  steps: [
    {
      no: 1,
      activity: 'Pengguna layanan menyampaikan pengaduan secara tertulis maupun online pada aplikasi SP4N-LAPOR! kepada Unit Penyelenggara Pelayanan',
      stage: 'diterima',
      executor: 'staf',
      output: 'Pengaduan diterima',
      duration: menit(15),
      note: 'Standar hanya menetapkan total 3 hari kerja, tanpa waktu per langkah; waktu tiap langkah di sini tafsiran yang muat di dalamnya (dapat diubah).',
    },
    {
      no: 2,
      activity: 'Petugas pengaduan menerima dan mencatat pengaduan',
      stage: 'verifikasi',
      executor: 'staf',
      output: 'Pengaduan tercatat',
      duration: menit(45),
    },
    {
      no: 3,
      activity: 'Petugas mengkonfirmasi dan menyelesaikan pengaduan sesuai dengan levelnya',
      stage: 'verifikasi',
      executor: 'staf',
      output: 'Pengaduan terkonfirmasi sesuai levelnya',
      duration: jam(1),
    },
    {
      no: 4,
      activity: 'Pengaduan didistribusikan ke bidang terkait untuk dilakukan penelusuran/penanganan lebih lanjut',
      stage: 'disposisi',
      executor: 'camat',
      alternates: ['sekcam'],
      output: 'Disposisi ke bidang terkait',
      duration: jam(4),
      note: 'Kepala Badan memakai peran Camat di aplikasi (pimpinan yang menandatangani); Sekretaris Badan memakai peran Sekcam dan dapat mendisposisikan atas nama Kepala; Kepala Bidang memakai peran Kasi.',
    },
    {
      no: 5,
      activity: 'Penyampaian tanggapan kepada pengguna layanan',
      stage: 'penyampaian',
      executor: 'kasi',
      output: 'Tanggapan kepada pengguna layanan',
      duration: hariKerja(2),
      note: 'Standar tidak menyebut pelaksana: bidang terkait (Kepala Bidang, peran Kasi) menelusuri, menangani dan menyampaikan tanggapan.',
    },
    {
      no: 6,
      activity: 'Pengarsipan dan rencana tindak lanjut pada tim pengaduan',
      stage: 'arsip',
      executor: 'tim_pengelola',
      output: 'Arsip dan rencana tindak lanjut',
      duration: jam(1),
    },
  ],
  total: hariKerja(3),
  clockStartsWhen: 'diterima',
  complaintKinds: [...KINDS_PENGADUAN],
  resolutionRecord: false,
});

// ── 003 Kecamatan Wonoasih, Kota Probolinggo ──────────────────────────────────
const wonoasih = std({
  code: 'wonoasih',
  name: 'Penanganan Pengaduan Masyarakat',
  office: 'Kecamatan Wonoasih',
  skNumber: '',
  requirements: ['Nama Pemohon', 'Alamat pemohon', 'Dokumen pengaduan (surat, email, lisan)'],
  kelengkapanChecklist: ['Nama Pemohon', 'Alamat pemohon', 'Dokumen pengaduan (surat, email, lisan)'],
  channels: ['Call / SMS Center 082380000255 pada jam kerja', 'Melalui petugas secara langsung', 'Website: www.kecamatanwonoasih.go.id'],
  fee: TIDAK_DIPUNGUT,
  product: 'Penanganan Pengaduan Masyarakat',
  procedure: [
    'Menerima Pengaduan Masyarakat dari Pemohon',
    'Meneliti Kelengkapan Berkas Pengaduan',
    'Mencatat Berkas Pengaduan, membuat dan memberikan Tanda Terima pengaduan',
    'Mencatat pada buku pengaduan dan Menyerahkan Berkas Pengaduan kepada Kasi Pelayanan',
    'Mempelajari pengaduan tersebut menelaah hal-hal yang dilaporkan masyarakat / publik tersebut, untuk selanjutnya dilaporkan kepada pimpinan untuk ditindaklanjuti',
    'Camat menindak lanjuti bila perlu dengan melakukan koordinasi dengan pihak/pejabat terkait dan memberikan jawaban terhadap pengaduan masyarakat / publik tersebut baik secara langsung, surat, e-mail, faksimili, telepon, sms, dll.',
    'Mengarsipkan dan menyimpan semua berkas pengaduan ke dalam ordner/bantek.',
  ],
  steps: [
    {
      no: 1,
      activity: 'Menerima Pengaduan Masyarakat dari Pemohon',
      stage: 'diterima',
      executor: 'staf',
      output: 'Pengaduan diterima',
      duration: menit(15),
      note: 'Standar hanya menetapkan total 1 hari kerja, tanpa waktu dan pelaksana per langkah; waktu tiap langkah di sini tafsiran yang muat di dalamnya (dapat diubah).',
    },
    {
      no: 2,
      activity: 'Meneliti Kelengkapan Berkas Pengaduan',
      stage: 'verifikasi',
      executor: 'staf',
      output: 'Berkas pengaduan lengkap',
      duration: menit(15),
      note: 'Waktu penyelesaian dihitung sejak berkas dinyatakan lengkap pada langkah ini. Standar menulis "1 Hari kerja" dan juga "maksimum 1 x 24 jam kerja setelah persyaratan lengkap"; dibaca 1 hari kerja (bukan 24 jam kerja, yang sama dengan lebih dari 3 hari kerja).',
    },
    {
      no: 3,
      activity: 'Mencatat Berkas Pengaduan, membuat dan memberikan Tanda Terima pengaduan',
      stage: 'verifikasi',
      executor: 'staf',
      output: 'Tanda Terima pengaduan',
      duration: menit(15),
    },
    {
      no: 4,
      activity: 'Mencatat pada buku pengaduan dan Menyerahkan Berkas Pengaduan kepada Kasi Pelayanan',
      stage: 'disposisi',
      executor: 'staf',
      kelengkapan: ['Buku pengaduan'],
      output: 'Berkas Pengaduan diserahkan kepada Kasi Pelayanan',
      duration: menit(15),
      note: 'Penyerahan berkas kepada Kasi Pelayanan dicatat sebagai disposisi dari petugas kepada Kasi.',
    },
    {
      no: 5,
      activity: 'Mempelajari pengaduan tersebut menelaah hal-hal yang dilaporkan masyarakat / publik tersebut, untuk selanjutnya dilaporkan kepada pimpinan untuk ditindaklanjuti',
      stage: 'tindak_lanjut',
      executor: 'kasi',
      output: 'Laporan telaahan kepada pimpinan',
      duration: menit(180),
      note: 'Dilaksanakan Kasi Pelayanan.',
    },
    {
      no: 6,
      activity: 'Camat menindak lanjuti bila perlu dengan melakukan koordinasi dengan pihak/pejabat terkait dan memberikan jawaban terhadap pengaduan masyarakat / publik tersebut',
      stage: 'penyampaian',
      executor: 'camat',
      output: 'Jawaban kepada pemohon (langsung, surat, e-mail, faksimili, telepon, SMS, dll.)',
      duration: menit(180),
    },
    {
      no: 7,
      activity: 'Mengarsipkan dan menyimpan semua berkas pengaduan ke dalam ordner/bantek',
      stage: 'arsip',
      executor: 'staf',
      kelengkapan: ['Ordner/bantek'],
      output: 'Berkas pengaduan tersimpan',
      duration: menit(15),
    },
  ],
  total: hariKerja(1),
  clockStartsWhen: 'berkas_lengkap',
  complaintKinds: [...KINDS_PENGADUAN],
  resolutionRecord: false,
});

// ── 004 Kecamatan Waru, Kab. Penajam Paser Utara (WITA) ───────────────────────
const PETUGAS = 'Pelaksana dalam standar: Petugas Pengaduan/Pengadministrasi Perkantoran.';
const KASI = 'Pelaksana dalam standar: Kasi/Kasubbag.';
const TIM = 'Pelaksana dalam standar: Tim pengelolaan konsultasi dan pengaduan.';
const waru = std({
  code: 'waru',
  name: 'Pelayanan Konsultasi dan Pengaduan Pelayanan Publik',
  office: 'Kecamatan Waru',
  skNumber: '',
  requirements: ['Mengisi formulir konsultasi dan pengaduan'],
  kelengkapanChecklist: ['Formulir konsultasi dan pengaduan yang telah diisi'],
  channels: [
    'Kotak Saran/Pengaduan',
    'Telp.: 05435232668',
    'SMS/WA: 0857-7048-2102',
    'Email: kecamatanwaru2014@gmail.com',
    'Website: kecwaru.penajamkab.go.id',
    'FB: Kantor Kecamatan Waru',
    'IG: kecamatan_waru.123',
    'SP4N LAPOR',
  ],
  fee: TIDAK_DIPUNGUT,
  product: 'Jawaban / Berita Acara Hasil Tindak Lanjut Penyelesaian Masalah',
  procedure: [
    'Pemohon datang langsung/mengisi formulir melalui link/mengisi kotak saran',
    'Pemohon menunggu jawaban / proses hasil tindak lanjut penyelesaian masalah hingga dipanggil oleh petugas',
    'Pemohon menerima jawaban / berita acara hasil penyelesaian masalah yang diterima sudah puas atau tidak, ditandatangani, diberi penomoran dan distempel oleh petugas berwenang',
  ],
  steps: [
    {
      no: 1,
      activity: 'Menerima dan mencatat konsultasi dan pengaduan baik yang tatap muka maupun melalui kotak saran dan link',
      stage: 'diterima',
      executor: 'staf',
      output: 'Konsultasi dan pengaduan tercatat',
      duration: menit(5),
      note: PETUGAS,
    },
    {
      no: 2,
      activity: 'Menerima, menelaah dan mengklasifikasi konsultasi dan pengaduan',
      stage: 'verifikasi',
      executor: 'tim_pengelola',
      output: 'Konsultasi dan pengaduan terklasifikasi',
      duration: menit(20),
      note: TIM,
    },
    {
      no: 3,
      activity: 'Mengkoordinasikan dengan pihak terkait dalam rangka menyelesaikan masalah pengaduan',
      stage: 'tindak_lanjut',
      executor: 'kasi',
      output: 'Hasil koordinasi dengan pihak terkait',
      duration: menit(60),
      note: `${KASI} Standar tidak memuat disposisi: Kasi mana pun dapat mengambil langkah ini.`,
    },
    {
      no: 4,
      activity: 'Melakukan rapat pembahasan hasil tindak lanjut dari konsultasi dan pengaduan masyarakat',
      stage: 'tindak_lanjut',
      executor: 'tim_pengelola',
      output: 'Hasil rapat pembahasan tindak lanjut',
      duration: menit(120),
      note: TIM,
    },
    {
      no: 5,
      activity: 'Memproses penyelesaian pengaduan berdasarkan hasil tindak lanjut',
      stage: 'penyusunan_jawaban',
      executor: 'kasi',
      output: 'Jawaban / berita acara hasil penyelesaian masalah',
      duration: menit(15),
      note: KASI,
    },
    {
      no: 6,
      activity: 'Menandatangani hasil penyelesaian pengaduan berdasarkan hasil tindak lanjut',
      stage: 'penandatanganan',
      executor: 'camat',
      output: 'Berita acara hasil penyelesaian masalah ditandatangani, diberi penomoran dan distempel',
      duration: menit(15),
    },
    {
      no: 7,
      activity: 'Menyampaikan informasi hasil penyelesaian konsultasi dan pengaduan kepada pemohon dan mengklarifikasi pemohon puas atau tidak puas',
      stage: 'penyampaian',
      executor: 'staf',
      output: 'Pernyataan pemohon puas atau tidak puas',
      duration: menit(10),
      note: PETUGAS,
    },
  ],
  total: menit(245),
  clockStartsWhen: 'diterima',
  complaintKinds: ['pengaduan', 'aspirasi', 'permintaan_informasi', 'konsultasi'],
  resolutionRecord: true,
});

export const OFFICE_PRESETS: OfficePreset[] = [
  {
    id: 'kejayan',
    label: 'Kecamatan Kejayan, Kab. Pasuruan',
    office: {
      level: 'kecamatan',
      name: 'Kecamatan Kejayan',
      shortName: 'Kec. Kejayan',
      regionType: 'kabupaten',
      region: 'Pasuruan',
      address: 'Jl. Raya Kejayan Nomor 70, Kejayan',
      postalCode: '67172',
      phone: '(0343) 421157',
      email: '',
      website: 'kejayan.pasuruankab.go.id',
      timeZone: 'Asia/Jakarta',
      kopLines: ['PEMERINTAH KABUPATEN PASURUAN', 'KECAMATAN KEJAYAN'],
      headTitle: 'Camat Kejayan',
      unitCode: 'Kec-Kjy',
    },
    get standard() {
      return kejayan();
    },
  },
  {
    id: 'pegantenan',
    label: 'Kecamatan Pegantenan, Kab. Pamekasan',
    office: {
      level: 'kecamatan',
      name: 'Kecamatan Pegantenan',
      shortName: 'Kec. Pegantenan',
      regionType: 'kabupaten',
      region: 'Pamekasan',
      address: 'Jalan Raya Pegantenan, Pegantenan',
      postalCode: '69361',
      phone: '(0324) 7710982',
      email: '',
      website: '',
      timeZone: 'Asia/Jakarta',
      kopLines: ['PEMERINTAH KABUPATEN PAMEKASAN', 'KECAMATAN PEGANTENAN'],
      headTitle: 'Camat Pegantenan',
      unitCode: 'Kec-Pgt',
    },
    get standard() {
      return pegantenan();
    },
  },
  {
    id: 'bkpsdm_pasuruan',
    label: 'BKPSDM Kabupaten Pasuruan',
    office: {
      level: 'unit_lain',
      name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
      shortName: 'BKPSDM Kab. Pasuruan',
      regionType: 'kabupaten',
      region: 'Pasuruan',
      address: 'Komplek Perkantoran Jl. Raya Raci KM. 9, Bangil - Pasuruan',
      postalCode: '67153',
      phone: '(0343) 429065',
      email: '',
      website: 'bkpsdm.pasuruankab.go.id',
      timeZone: 'Asia/Jakarta',
      kopLines: ['PEMERINTAH KABUPATEN PASURUAN', 'BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA'],
      headTitle: 'Kepala BKPSDM Kabupaten Pasuruan',
      unitCode: 'BKPSDM',
    },
    get standard() {
      return bkpsdm();
    },
  },
  {
    id: 'wonoasih',
    label: 'Kecamatan Wonoasih, Kota Probolinggo',
    office: {
      level: 'kecamatan',
      name: 'Kecamatan Wonoasih',
      shortName: 'Kec. Wonoasih',
      regionType: 'kota',
      region: 'Probolinggo',
      address: 'Jl. Jeruk No.1, Jrebeng Kidul, Wonoasih',
      postalCode: '67233',
      phone: '424902',
      email: '',
      website: 'www.kecamatanwonoasih.go.id',
      timeZone: 'Asia/Jakarta',
      kopLines: ['PEMERINTAH KOTA PROBOLINGGO', 'KECAMATAN WONOASIH'],
      headTitle: 'Camat Wonoasih',
      unitCode: 'Kec-Wns',
    },
    get standard() {
      return wonoasih();
    },
  },
  {
    id: 'waru',
    label: 'Kecamatan Waru, Kab. Penajam Paser Utara',
    office: {
      level: 'kecamatan',
      name: 'Kecamatan Waru',
      shortName: 'Kec. Waru',
      regionType: 'kabupaten',
      region: 'Penajam Paser Utara',
      address: 'Jalan Propinsi Kilometer 25 RT.004, Kelurahan Waru',
      postalCode: '76284',
      phone: '05435232668',
      email: 'kecamatanwaru2014@gmail.com',
      website: 'kecwaru.penajamkab.go.id',
      timeZone: 'Asia/Makassar',
      kopLines: ['PEMERINTAH KABUPATEN PENAJAM PASER UTARA', 'KECAMATAN WARU'],
      headTitle: 'Camat Waru',
      unitCode: 'Kec-Wru',
    },
    get standard() {
      return waru();
    },
  },
];

// A starting point for an office without a preset: fields to fill in.
export const BLANK_OFFICE: Office = {
  level: 'kecamatan',
  name: '',
  shortName: '',
  regionType: 'kabupaten',
  region: '',
  address: '',
  postalCode: '',
  phone: '',
  email: '',
  website: '',
  timeZone: 'Asia/Jakarta',
  kopLines: [''],
  headTitle: '',
  unitCode: '',
};

// The generic flow the Kejayan and BKPSDM standards share word for word, with the
// step times of the BKPSDM preset (3 hari kerja). The admin adapts it.
const ADAPT = 'Langkah umum; sesuaikan pelaksana dan waktunya dengan Standar Pelayanan kantor Anda.';
export const blankStandard = std({
  code: 'umum',
  name: 'Penanganan Pengaduan',
  office: '',
  skNumber: '',
  requirements: [...UU25_CONTENT, 'Surat pengaduan diajukan kepada alamat Unit Penyelenggara Pelayanan yang dituju.'],
  kelengkapanChecklist: UU25_CHECKLIST,
  channels: ['Langsung/Loket', 'Surat', 'Kotak Saran', 'SP4N-LAPOR! (www.lapor.go.id)'],
  fee: TIDAK_DIPUNGUT,
  product: 'Tanggapan atas pengaduan',
  procedure: ['Pengguna layanan menyampaikan pengaduan secara tertulis kepada Unit Penyelenggara Pelayanan', ...TEMPLATE_PROCEDURE],
  steps: [
    {
      no: 1,
      activity: 'Pengguna layanan menyampaikan pengaduan kepada Unit Penyelenggara Pelayanan',
      stage: 'diterima',
      executor: 'staf',
      output: 'Pengaduan diterima',
      duration: menit(15),
      note: ADAPT,
    },
    {
      no: 2,
      activity: 'Petugas pengaduan menerima dan mencatat pengaduan',
      stage: 'verifikasi',
      executor: 'staf',
      output: 'Pengaduan tercatat',
      duration: menit(45),
    },
    {
      no: 3,
      activity: 'Petugas mengkonfirmasi dan menyelesaikan pengaduan sesuai dengan levelnya',
      stage: 'verifikasi',
      executor: 'staf',
      output: 'Pengaduan terkonfirmasi sesuai levelnya',
      duration: jam(1),
    },
    {
      no: 4,
      activity: 'Pengaduan didistribusikan ke bidang terkait untuk dilakukan penelusuran/penanganan lebih lanjut',
      stage: 'disposisi',
      executor: 'camat',
      alternates: ['sekcam'],
      output: 'Disposisi kepada Kasi terkait',
      duration: jam(4),
      note: 'Camat mendisposisikan; Sekcam dapat mendisposisikan atas nama Camat.',
    },
    {
      no: 5,
      activity: 'Penyampaian tanggapan kepada pengguna layanan',
      stage: 'penyampaian',
      executor: 'kasi',
      output: 'Tanggapan kepada pengguna layanan',
      duration: hariKerja(2),
      note: 'Kasi yang menerima disposisi menelusuri, menangani dan menyampaikan tanggapan.',
    },
    {
      no: 6,
      activity: 'Pengarsipan dan rencana tindak lanjut pada tim pengaduan',
      stage: 'arsip',
      executor: 'tim_pengelola',
      output: 'Arsip dan rencana tindak lanjut',
      duration: jam(1),
    },
  ],
  total: hariKerja(3),
  clockStartsWhen: 'diterima',
  complaintKinds: [...KINDS_PENGADUAN],
  resolutionRecord: false,
});

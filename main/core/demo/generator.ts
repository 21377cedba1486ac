import type { Category, ChannelCode, ComplaintKind } from '../../../shared/domain';
import type { ComplaintData } from '../../../shared/schemas/complaint';
import type { SkmKioskInput } from '../../../shared/schemas/skm';
import { GENDERS, SKM_ELEMENTS, type SkmScore, type SkmScores } from '../../../shared/skm';

// Deterministic, plausible complaints for the demo office and the bench. Names and
// numbers are made up; NIKs use a 3528 (Kab. Pamekasan) prefix but no real person.

export function rng(seed: number): () => number {
  // mulberry32: small, fast, repeatable.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const FIRST = ['Siti', 'Ahmad', 'Nur', 'Moch.', 'Sri', 'Agus', 'Dewi', 'Bambang', 'Lilik', 'Yuli', 'Hadi', 'Rina', 'Slamet', 'Wahyu', 'Endang', 'Imam'];
const LAST = ['Aminah', 'Fauzi', 'Hasanah', 'Rofiq', 'Wahyuni', 'Santoso', 'Lestari', 'Prasetyo', 'Maulidia', 'Kurniawan', 'Sholeh', 'Rahmawati'];
const VILLAGES = ['Pegantenan', 'Ambender', 'Bulangan Barat', 'Bulangan Timur', 'Bulangan Haji', 'Pasanggar', 'Plakpak', 'Palesanggar', 'Tebul Barat', 'Tlagah'];
const HAMLETS = ['Krajan', 'Karanganyar', 'Sumberejo', 'Sidomulyo', 'Tegalrejo'];

interface Topic {
  category: Category;
  subject: string;
  description: string;
  expectation: string;
}

const TOPICS: Topic[] = [
  {
    category: 'infrastruktur',
    subject: 'Jalan desa rusak di Dusun {h}',
    description: 'Jalan makadam di Dusun {h} berlubang dan tergenang setiap hujan sehingga kendaraan dan anak sekolah sulit lewat.',
    expectation: 'Jalan segera diperbaiki atau diusulkan dalam Musrenbang.',
  },
  {
    category: 'administrasi_kependudukan',
    subject: 'KTP elektronik belum jadi setelah {n} bulan',
    description: 'Perekaman KTP-el sudah dilakukan di kantor kecamatan tetapi sampai sekarang kartu belum dicetak dan tidak ada kabar.',
    expectation: 'Mohon kejelasan jadwal pencetakan KTP-el.',
  },
  {
    category: 'kebersihan_lingkungan',
    subject: 'Sampah menumpuk di saluran Desa {v}',
    description: 'Sampah rumah tangga menumpuk di saluran air dekat pasar Desa {v} dan menimbulkan bau serta banjir saat hujan.',
    expectation: 'Pengangkutan sampah rutin dan papan larangan membuang sampah.',
  },
  {
    category: 'bantuan_sosial',
    subject: 'Bantuan sosial tidak tepat sasaran di Desa {v}',
    description: 'Keluarga yang mampu menerima bantuan sedangkan warga lansia di Dusun {h} yang tidak mampu belum terdata.',
    expectation: 'Pendataan ulang penerima bantuan secara terbuka.',
  },
  {
    category: 'pelayanan_aparatur',
    subject: 'Pelayanan surat pengantar di kantor desa lambat',
    description: 'Saya sudah tiga kali datang ke kantor desa untuk surat pengantar tetapi petugas tidak ada di tempat pada jam kerja.',
    expectation: 'Petugas hadir sesuai jam pelayanan.',
  },
  {
    category: 'ketertiban_umum',
    subject: 'Balap liar setiap malam Minggu di jalan {v}',
    description: 'Setiap malam Minggu ada balap liar di jalan utama Desa {v} yang membahayakan pengguna jalan dan mengganggu warga.',
    expectation: 'Patroli bersama Polsek dan Satpol PP.',
  },
  {
    category: 'pertanahan',
    subject: 'Sengketa batas tanah dengan tetangga di Dusun {h}',
    description: 'Patok batas tanah kami dipindahkan tetangga. Mediasi di desa belum menghasilkan kesepakatan.',
    expectation: 'Fasilitasi mediasi oleh kecamatan.',
  },
  {
    category: 'kesehatan',
    subject: 'Posyandu Dusun {h} tidak berjalan',
    description: 'Kegiatan posyandu di Dusun {h} sudah {n} bulan tidak diadakan sehingga balita tidak ditimbang.',
    expectation: 'Posyandu diaktifkan kembali.',
  },
  {
    category: 'pendidikan',
    subject: 'Atap ruang kelas SD di Desa {v} bocor',
    description: 'Atap dua ruang kelas SD negeri di Desa {v} bocor sehingga murid dipindah ke ruang lain saat hujan.',
    expectation: 'Perbaikan atap sebelum musim hujan.',
  },
];

const CHANNELS: ChannelCode[] = ['langsung', 'langsung', 'langsung', 'whatsapp', 'whatsapp', 'surat', 'telepon', 'kotak_saran', 'sp4n_lapor', 'email', 'instagram'];
const KINDS: ComplaintKind[] = ['pengaduan', 'pengaduan', 'pengaduan', 'pengaduan', 'aspirasi', 'permintaan_informasi'];

export function demoComplaint(r: () => number, kelengkapan: readonly string[], incidentDate: string): ComplaintData {
  const topic = pick(r, TOPICS);
  const anonymous = r() < 0.08;
  // One place and one count for the perihal, the uraian and the place of the incident;
  // the reporter lives in that village too.
  const village = pick(r, VILLAGES);
  const hamlet = pick(r, HAMLETS);
  const months = String(2 + Math.floor(r() * 5));
  const fill = (s: string) => s.replaceAll('{h}', hamlet).replaceAll('{v}', village).replaceAll('{n}', months);
  const name = `${pick(r, FIRST)} ${pick(r, LAST)}`;
  const nik = `3528${String(Math.floor(r() * 1e12)).padStart(12, '0')}`;
  const phone = `08${String(Math.floor(r() * 1e10)).padStart(10, '0')}`;
  const channel = pick(r, CHANNELS);
  return {
    kind: pick(r, KINDS),
    channel,
    category: topic.category,
    reporter: {
      name: anonymous ? '' : name,
      address: anonymous ? '' : `Dusun ${pick(r, HAMLETS)} RT 0${1 + Math.floor(r() * 5)} RW 0${1 + Math.floor(r() * 3)}, Desa ${village}`,
      nik: anonymous ? '' : nik,
      phone: anonymous ? '' : phone,
      email: '',
      anonymous,
      confidential: r() < 0.05,
    },
    subject: fill(topic.subject),
    description: fill(topic.description),
    loss: '',
    expectation: topic.expectation,
    incidentPlace: `Desa ${village}`,
    incidentDate,
    laporTrackingId: channel === 'sp4n_lapor' ? String(1_000_000 + Math.floor(r() * 8_999_999)) : '',
    kelengkapan: kelengkapan.filter(() => r() < 0.8),
    attachments: [],
  };
}

// A filled-in SKM questionnaire: a satisfied reporter answers mostly 3 and 4 (the
// odd 2), a dissatisfied one mostly 2 and 3 (the odd 1).
export function demoSkm(r: () => number, satisfied: boolean): SkmKioskInput {
  const score = (): SkmScore => {
    const x = r();
    if (satisfied) return x < 0.05 ? 2 : x < 0.55 ? 3 : 4;
    return x < 0.15 ? 1 : x < 0.65 ? 2 : 3;
  };
  return {
    answers: Object.fromEntries(SKM_ELEMENTS.map((e) => [e, score()])) as SkmScores,
    profile: {
      gender: pick(r, GENDERS),
      education: pick(r, ['sd', 'smp', 'smp', 'sma', 'sma', 'sma', 'd3', 's1'] as const),
      occupation: r() < 0.15 ? null : pick(r, ['swasta', 'wirausaha', 'wirausaha', 'lainnya', 'lainnya', 'pns'] as const),
      age: 19 + Math.floor(r() * 50),
    },
  };
}

// Text for the bench's complaints: thousands of distinct words with a Zipf-like spread
// (a few very common, most rare), so the search index has the shape a real register
// gives it, and names and places varied enough that sorting by name is a real sort.

const ONSETS = ['', 'b', 'c', 'd', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'ng', 'ny', 'p', 'r', 's', 't', 'w', 'y', 'kr', 'tr', 'pr', 'bl', 'sr'];
const VOWELS = ['a', 'a', 'a', 'i', 'u', 'e', 'o'];
const CODAS = ['', '', '', 'n', 'ng', 'k', 'r', 's', 'h', 'l', 'm', 't'];

// Words of everyday complaints, so common searches ("jalan krajan") hit many rows.
export const REAL_WORDS = (
  'jalan desa dusun rusak berlubang banjir saluran air sampah listrik lampu penerangan jembatan sekolah guru murid ' +
  'puskesmas posyandu bidan obat bantuan sosial beras pkh blt kartu keluarga ktp akta kelahiran surat pengantar ' +
  'kepala perangkat petugas pelayanan lambat pungutan biaya tanah sertifikat batas sengketa tetangga pasar pedagang ' +
  'parkir angkutan truk tambang galian pasir sumur pdam pipa bocor genangan musim hujan kemarau sawah irigasi pupuk ' +
  'petani nelayan ternak sapi kambing balap liar pemuda malam keamanan ronda pencurian kebakaran rumah roboh atap ' +
  'lansia disabilitas yatim janda miskin warga rt rw balai pertemuan masjid musala makam lapangan gapura drainase ' +
  'aspal makadam paving beton gorong tanggul longsor pohon tumbang kabel sinyal internet wifi bising asap pabrik bau'
).split(' ');

export const HAMLETS = ['Krajan', 'Karanganyar', 'Sumberejo', 'Sidomulyo', 'Tegalrejo', 'Ledok', 'Gunung', 'Tengah', 'Barat', 'Timur', 'Pandean', 'Sumbersari'];
export const VILLAGES = [
  'Pegantenan', 'Ambender', 'Bulangan Barat', 'Bulangan Timur', 'Bulangan Haji', 'Pasanggar', 'Plakpak', 'Palesanggar', 'Tebul Barat',
  'Tebul Timur', 'Tlagah', 'Ambender Barat', 'Bulangan Branta', 'Candi Burung',
];
const FIRST = [
  'Siti', 'Ahmad', 'Nur', 'Moch.', 'Sri', 'Agus', 'Dewi', 'Bambang', 'Lilik', 'Yuli', 'Hadi', 'Rina', 'Slamet', 'Wahyu', 'Endang', 'Imam', 'Abdul',
  'Fatimah', 'Holisah', 'Mat', 'Sumarni', 'Zainal', 'Hosnan', 'Rofiah', 'Faisol', 'Musyarofah', 'Haris', 'Juhariyah', 'Sulaiman', 'Nurul', 'Ach.', 'Khoirul',
];
const LAST = [
  'Aminah', 'Fauzi', 'Hasanah', 'Rofiq', 'Wahyuni', 'Santoso', 'Lestari', 'Prasetyo', 'Maulidia', 'Kurniawan', 'Sholeh', 'Rahmawati', 'Hidayat', 'Jamil',
  'Wardah', 'Munir', 'Qomariyah', 'Syafi\'i', 'Ubaidillah', 'Zubairi', 'Marzuki', 'Halimah', 'Ridwan', 'Saudah', 'Bahri', 'Latifah',
];

export type Rng = () => number;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

// Pseudo-Indonesian words from syllables, distinct, deterministic for a seed.
export function makeVocabulary(r: Rng, size: number): string[] {
  const words = new Set<string>(REAL_WORDS);
  while (words.size < size) {
    const syllables = 2 + Math.floor(r() * 2);
    let w = '';
    for (let i = 0; i < syllables; i++) w += pick(r, ONSETS) + pick(r, VOWELS) + (i === syllables - 1 ? pick(r, CODAS) : '');
    if (w.length >= 4) words.add(w);
  }
  return [...words];
}

// Rank-skewed pick: index ~ size·u³ favours the first (real, common) words.
const zipf = (r: Rng, vocab: readonly string[]) => vocab[Math.floor(vocab.length * r() ** 3)]!;

function sentence(r: Rng, vocab: readonly string[], n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(zipf(r, vocab));
  return out.join(' ');
}

export interface ClonedText {
  subject: string;
  description: string;
  place: string;
}

export function complaintText(r: Rng, vocab: readonly string[]): ClonedText {
  const hamlet = pick(r, HAMLETS);
  const village = pick(r, VILLAGES);
  const topic = sentence(r, vocab, 2 + Math.floor(r() * 3));
  return {
    subject: `${topic[0]!.toUpperCase()}${topic.slice(1)} di Dusun ${hamlet}, Desa ${village}`,
    description: `${sentence(r, vocab, 12 + Math.floor(r() * 25))} di Dusun ${hamlet} Desa ${village}. ${sentence(r, vocab, 6 + Math.floor(r() * 12))}.`,
    place: `Desa ${village}`,
  };
}

export interface Reporter {
  name: string;
  address: string;
  nik: string;
  phone: string;
  anonymous: 0 | 1;
  confidential: 0 | 1;
}

// About 8 % anonim and 5 % rahasia, as the demo office has.
export function reporter(r: Rng): Reporter {
  const anonymous = r() < 0.08;
  if (anonymous) return { name: '', address: '', nik: '', phone: '', anonymous: 1, confidential: 0 };
  return {
    name: `${pick(r, FIRST)} ${pick(r, LAST)}${r() < 0.3 ? ` ${pick(r, LAST)}` : ''}`,
    address: `Dusun ${pick(r, HAMLETS)} RT 0${1 + Math.floor(r() * 8)} RW 0${1 + Math.floor(r() * 4)}, Desa ${pick(r, VILLAGES)}`,
    nik: `3528${String(Math.floor(r() * 1e12)).padStart(12, '0')}`,
    phone: `08${String(Math.floor(r() * 1e10)).padStart(10, '0')}`,
    anonymous: 0,
    confidential: r() < 0.05 ? 1 : 0,
  };
}

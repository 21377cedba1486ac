import { CATEGORY_LABEL, CHANNEL_LABEL, COMPLAINT_KIND_LABEL, type Category, type ChannelCode, type ComplaintKind, type Status } from '../../../shared/domain';
import {
  IMPORT_FIELD_LABEL,
  IMPORT_FIELDS,
  IMPORT_REQUIRED,
  type ImportField,
  type ImportMapping,
  type ImportRow,
  type ImportSource,
} from '../../../shared/schemas/import';
import { formatTanggal } from '../../../shared/time/format';
import { inOfficeYears, OFFICE_YEARS } from '../../../shared/time/workingTime';
import { isMissingDay, readDate, type LocalDateTime } from './dates';
import type { Cell } from './table';

// From sheet rows to complaints: which row holds the headers, which column is which
// field (by the headers offices write), and for every row either the complaint it
// becomes, with what was filled in, or the reasons it is skipped. No database here:
// the caller says which keys are already taken.

export const normHeader = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const SYNONYMS: Record<ImportField, string[]> = {
  registerNo: ['no register', 'nomor register', 'no reg', 'no registrasi', 'nomor registrasi', 'no agenda', 'nomor agenda', 'no pengaduan', 'nomor pengaduan', 'register'],
  laporId: ['id pelacakan', 'tracking id', 'id tracking', 'no tracking', 'nomor pelacakan', 'kode pelacakan', 'id laporan', 'nomor laporan', 'id lapor', 'tracking'],
  receivedDate: ['tanggal', 'tgl', 'tanggal diterima', 'tgl diterima', 'tanggal masuk', 'tgl masuk', 'tanggal terima', 'tgl terima', 'tanggal pengaduan', 'tanggal laporan', 'tanggal lapor', 'waktu laporan', 'tanggal register'],
  reporterName: ['nama pelapor', 'nama', 'pelapor', 'nama pengadu', 'pengadu', 'nama pengirim'],
  gender: ['jenis kelamin', 'jk', 'l p', 'gender'],
  address: ['alamat', 'alamat pelapor'],
  phone: ['no hp', 'nomor hp', 'no telp', 'no telepon', 'nomor telepon', 'telepon', 'hp', 'no wa', 'nomor wa', 'kontak', 'no hp wa'],
  identity: ['jenis no tanda pengenal', 'tanda pengenal', 'no tanda pengenal', 'nik', 'no ktp', 'nomor ktp', 'identitas', 'no identitas'],
  subject: ['perihal', 'judul', 'judul laporan', 'hal', 'pokok pengaduan', 'pokok masalah'],
  description: ['uraian', 'isi', 'uraian isi', 'uraian pengaduan', 'isi pengaduan', 'isi laporan', 'uraian singkat', 'keluhan', 'permasalahan'],
  reported: ['terlapor', 'pihak terlapor', 'unit terlapor', 'instansi terlapor'],
  incidentPlace: ['lokasi kejadian', 'lokasi', 'tempat kejadian'],
  incidentDate: ['tanggal kejadian', 'tgl kejadian', 'waktu kejadian'],
  channel: ['media', 'kanal', 'media kanal', 'media pengaduan', 'sumber', 'sumber pengaduan', 'saluran', 'sarana'],
  kind: ['jenis', 'jenis pengaduan', 'jenis laporan', 'klasifikasi', 'klasifikasi laporan'],
  category: ['kategori', 'kategori pengaduan', 'kategori laporan', 'topik'],
  seksi: ['unit seksi', 'unit', 'seksi', 'bidang', 'unit kerja', 'unit pengolah'],
  followUp: ['tindak lanjut', 'tindaklanjut', 'hasil tindak lanjut', 'penyelesaian'],
  status: ['status', 'status laporan', 'status pengaduan'],
  closedDate: ['tanggal selesai', 'tgl selesai', 'waktu selesai', 'tanggal penyelesaian'],
  remarks: ['keterangan', 'ket', 'catatan'],
};

/** Suggests a column per field from the header texts (exact words first, then words within). */
export function suggestMapping(headers: string[]): ImportMapping {
  const norm = headers.map(normHeader);
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    const col = norm.findIndex((h, i) => !used.has(i) && SYNONYMS[field].includes(h));
    if (col >= 0) {
      mapping[field] = col;
      used.add(col);
    }
  }
  // Then "Tanggal Diterima Pengaduan" or "Nama Lengkap Pelapor": the longest synonym
  // found as whole words in a header not yet taken.
  const candidates: { field: ImportField; col: number; len: number }[] = [];
  norm.forEach((h, col) => {
    if (used.has(col) || h === '') return;
    for (const field of IMPORT_FIELDS) {
      if (mapping[field] !== undefined) continue;
      for (const syn of SYNONYMS[field]) if (` ${h} `.includes(` ${syn} `)) candidates.push({ field, col, len: syn.length });
    }
  });
  candidates.sort((a, b) => b.len - a.len);
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || used.has(c.col)) continue;
    mapping[c.field] = c.col;
    used.add(c.col);
  }
  return mapping;
}

const cellText = (c: Cell | undefined): string => {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === 'number') return String(c);
  // Line breaks typed in a cell (Alt+Enter) stay; runs of spaces do not.
  return c.replace(/\r\n?/g, '\n').replace(/[ \t\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
};

// Title lines often stand above the table ("BUKU REGISTER PENGADUAN TAHUN 2025"): the
// header row is the first of the top rows naming most known columns.
export function findHeaderRow(rows: Cell[][]): number {
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    const score = Object.keys(suggestMapping((rows[i] ?? []).map(cellText))).length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (bestScore >= 2) return best;
  return Math.max(0, rows.findIndex((r) => r.some((c) => c !== null)));
}

export const headersOf = (rows: Cell[][], headerRow: number) => (rows[headerRow] ?? []).map((c, i) => cellText(c) || `Kolom ${i + 1}`);

export const sourceOf = (m: ImportMapping): ImportSource => (m.laporId !== undefined && m.laporId !== null && (m.registerNo === undefined || m.registerNo === null) ? 'lapor' : 'register');

// ---- Words of old registers → the app's codes ------------------------------------

const words = (s: string) => ` ${normHeader(s)} `;

const CHANNEL_WORDS: [ChannelCode, string[]][] = [
  ['sp4n_lapor', ['lapor', 'sp4n', 'sp4n lapor', 'lapor go id']],
  ['kotak_saran', ['kotak saran', 'kotak pengaduan', 'kotak']],
  ['whatsapp', ['wa', 'whatsapp', 'whats app']],
  ['sms', ['sms']],
  ['telepon', ['telepon', 'telp', 'tlp', 'telpon', 'phone', 'call center']],
  ['email', ['email', 'e mail', 'surel']],
  ['facebook', ['facebook', 'fb']],
  ['instagram', ['instagram', 'ig']],
  ['website', ['website', 'web', 'online', 'daring', 'formulir online', 'aplikasi', 'medsos']],
  ['surat', ['surat', 'tertulis', 'pos']],
  ['langsung', ['langsung', 'loket', 'datang', 'datang langsung', 'tatap muka', 'lisan', 'offline']],
];

const CATEGORY_WORDS: [Category, string[]][] = [
  ['administrasi_kependudukan', ['kependudukan', 'adminduk', 'ktp', 'e ktp', 'kk', 'kartu keluarga', 'akta', 'akte', 'pindah', 'domisili', 'kia']],
  ['bantuan_sosial', ['bansos', 'bantuan', 'bantuan sosial', 'pkh', 'bpnt', 'blt', 'sembako', 'dtks', 'rastra']],
  ['infrastruktur', ['infrastruktur', 'jalan', 'jembatan', 'drainase', 'saluran', 'gorong gorong', 'lampu', 'pju', 'irigasi']],
  ['kebersihan_lingkungan', ['kebersihan', 'lingkungan', 'sampah', 'banjir', 'limbah', 'pencemaran']],
  ['ketertiban_umum', ['ketertiban', 'trantib', 'trantibum', 'keamanan', 'kebisingan', 'pkl', 'miras', 'ketentraman']],
  ['pelayanan_aparatur', ['pelayanan', 'aparatur', 'perilaku', 'pungli', 'pungutan', 'petugas', 'perangkat desa']],
  ['pertanahan', ['pertanahan', 'tanah', 'sertifikat', 'sertipikat', 'batas', 'sengketa tanah']],
  ['kesehatan', ['kesehatan', 'puskesmas', 'bpjs', 'posyandu', 'stunting']],
  ['pendidikan', ['pendidikan', 'sekolah', 'guru', 'pip', 'beasiswa']],
  ['kepegawaian', ['kepegawaian', 'asn', 'pns', 'honorer', 'pppk']],
  ['lainnya', ['lainnya', 'lain lain', 'lain', 'umum']],
];

const KIND_WORDS: [ComplaintKind, string[]][] = [
  ['aspirasi', ['aspirasi', 'saran', 'usulan', 'usul']],
  ['permintaan_informasi', ['permintaan informasi', 'informasi', 'info', 'pertanyaan']],
  ['konsultasi', ['konsultasi']],
  ['pengaduan', ['pengaduan', 'keluhan', 'laporan', 'wbs', 'whistleblowing', 'whistle blowing']],
];

type Outcome = { open: true } | { open: false; status: Status };
const STATUS_WORDS: [Outcome, string[]][] = [
  [{ open: false, status: 'bukan_kewenangan' }, ['bukan kewenangan', 'bukan wewenang', 'diteruskan', 'dialihkan', 'dilimpahkan']],
  [{ open: false, status: 'ditolak' }, ['ditolak', 'tolak']],
  [{ open: false, status: 'dicabut' }, ['dicabut', 'cabut', 'dibatalkan']],
  [{ open: false, status: 'diarsipkan' }, ['diarsipkan', 'arsip']],
  [{ open: true }, ['proses', 'diproses', 'dalam proses', 'belum', 'belum selesai', 'belum ditindaklanjuti', 'baru', 'menunggu', 'tunda', 'ditunda', 'open', 'terbuka', 'berjalan', 'verifikasi', 'belum diverifikasi', 'disposisi', 'didisposisi']],
  [{ open: false, status: 'selesai' }, ['selesai', 'tuntas', 'sudah', 'sudah ditindaklanjuti', 'ditindaklanjuti', 'terjawab', 'dijawab', 'ditutup', 'closed', 'clear', 'beres', 'done']],
];

const pick = <T>(value: string, table: [T, string[]][]): T | null => {
  // Longest phrase first: "belum selesai" is open although "selesai" is in it.
  let best: { v: T; len: number } | null = null;
  for (const [v, list] of table) for (const w of list) if (words(value).includes(` ${w} `) && (!best || w.length > best.len)) best = { v, len: w.length };
  return best?.v ?? null;
};

// ---- One row -----------------------------------------------------------------------

export interface PreparedComplaint {
  key: string;
  registerNo: string;
  laporId: string;
  received: LocalDateTime;
  closed: LocalDateTime | null;
  status: Status | null;
  kind: ComplaintKind;
  channel: ChannelCode;
  category: Category;
  reporterName: string;
  anonymous: boolean;
  address: string;
  nik: string;
  phone: string;
  subject: string;
  description: string;
  incidentPlace: string;
  incidentDate: string;
  seksi: string;
  // Tindak lanjut and Keterangan of the old register, kept in the complaint's history.
  history: string;
  notes: string[];
}

export interface CheckedRow {
  view: ImportRow;
  complaint: PreparedComplaint | null;
}

export interface CheckOptions {
  source: ImportSource;
  // The office's date today (YYYY-MM-DD): nothing is received after it.
  today: string;
  /** The register number of a complaint that already holds this key, or null. */
  taken(key: string, laporId: string): string | null;
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

// The subject of a register without a Perihal column: the start of the Uraian, cut at a word.
function subjectFrom(description: string): string {
  const first = description.split(/(?<=[.!?])\s/)[0] ?? description;
  if (first.length <= 100) return first;
  const cut = first.slice(0, 100);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)).trimEnd()}…`;
}

export const registerKey = (year: number, registerNo: string) => `register:${year}:${registerNo.toUpperCase().replace(/\s+/g, '')}`;
export const laporKey = (id: string) => `lapor:${id.replace(/\s+/g, '')}`;

const ANONYMOUS = ['anonim', 'anonymous', 'dirahasiakan', 'rahasia', 'tanpa nama', 'hamba allah', ''];

/**
 * Checks every data row under the header; `seen` keys of this file catch a number that
 * appears twice in the same sheet.
 */
export function checkRows(rows: Cell[][], headerRow: number, mapping: ImportMapping, opts: CheckOptions): CheckedRow[] {
  const out: CheckedRow[] = [];
  const seen = new Map<string, number>();
  const col = (r: Cell[], f: ImportField): Cell => {
    const i = mapping[f];
    return i === undefined || i === null ? null : (r[i] ?? null);
  };
  for (let i = headerRow + 1; i < rows.length; i++) {
    const r = rows[i] ?? [];
    if (r.every((c) => c === null || cellText(c) === '')) continue;
    out.push(checkRow(r, i + 1, col, opts, seen));
  }
  return out;
}

// Why a date cell was not read: a day the calendar lacks, or a way of writing it not known.
const unreadDate = (label: string, cell: Cell) =>
  isMissingDay(cell)
    ? `${label} ${clip(cellText(cell), 30)} tidak ada di kalender; periksa tanggal dan bulannya.`
    : `${label} "${clip(cellText(cell), 30)}" tidak dikenali; tulis seperti 3 Agustus 2025 atau 03/08/2025, dengan jam bila ada seperti 09.30 (00.00–23.59).`;

function checkRow(r: Cell[], rowNo: number, col: (r: Cell[], f: ImportField) => Cell, opts: CheckOptions, seen: Map<string, number>): CheckedRow {
  const text = (f: ImportField) => cellText(col(r, f));
  const reasons: string[] = [];
  const notes: string[] = [];
  for (const f of IMPORT_REQUIRED[opts.source]) {
    if (text(f) === '') reasons.push(`${IMPORT_FIELD_LABEL[f]} kosong.`);
  }
  const registerNo = clip(text('registerNo'), 60);
  const laporId = text('laporId').replace(/\s+/g, '');
  if (laporId !== '' && !/^[A-Za-z0-9-]{3,40}$/.test(laporId)) reasons.push(`ID Pelacakan LAPOR! "${clip(laporId, 30)}" tidak dikenali; isinya hanya angka/huruf.`);

  const receivedCell = col(r, 'receivedDate');
  const received = readDate(receivedCell);
  if (receivedCell !== null && !received) {
    reasons.push(unreadDate('Tanggal diterima', receivedCell));
  } else if (received && received.ymd > opts.today) {
    reasons.push(`Tanggal diterima ${formatTanggal(received.ymd, 'Asia/Jakarta')} sesudah hari ini; periksa tahunnya.`);
  } else if (received && !inOfficeYears(received.ymd)) {
    // The register, its filters and its reports count the years 2000–2100.
    reasons.push(`Tanggal diterima ${formatTanggal(received.ymd, 'Asia/Jakarta')} di luar ${OFFICE_YEARS}; periksa tahunnya.`);
  }

  const description = text('description');
  let key = '';
  if (opts.source === 'lapor' && laporId) key = laporKey(laporId);
  else if (registerNo && received) key = registerKey(Number(received.ymd.slice(0, 4)), registerNo);
  if (key) {
    const earlier = seen.get(key);
    const label = opts.source === 'lapor' ? `ID LAPOR! ${laporId}` : `Nomor register ${registerNo} tahun ${key.split(':')[1]}`;
    if (earlier !== undefined) reasons.push(`${label} sudah ada di baris ${earlier} berkas ini.`);
    else {
      seen.set(key, rowNo);
      const taken = opts.taken(key, laporId);
      if (taken !== null) reasons.push(`${label} sudah tercatat di aplikasi (${taken}); tidak diimpor lagi.`);
    }
  }

  // Closed or open, as the sheet says.
  const statusText = text('status');
  const closedCell = col(r, 'closedDate');
  const closedRead = readDate(closedCell);
  if (closedCell !== null && !closedRead) reasons.push(unreadDate('Tanggal selesai', closedCell));
  let outcome = statusText ? pick(statusText, STATUS_WORDS) : null;
  if (statusText && !outcome) notes.push(`Status "${clip(statusText, 30)}" tidak dikenali; ${closedRead ? 'dianggap selesai karena ada tanggal selesai' : 'dianggap masih berjalan'}.`);
  outcome ??= closedRead ? { open: false, status: 'selesai' } : { open: true };
  let closed: LocalDateTime | null = null;
  if (!outcome.open && received) {
    closed = closedRead ?? received;
    if (!closedRead && closedCell === null) notes.push('Tanggal selesai kosong; dicatat selesai pada tanggal diterima.');
    if (closedRead && closedRead.ymd < received.ymd) reasons.push('Tanggal selesai sebelum tanggal diterima; periksa kedua tanggal.');
    if (closedRead && closedRead.ymd > opts.today) reasons.push('Tanggal selesai sesudah hari ini; periksa tahunnya.');
  } else if (outcome.open && closedRead && statusText) {
    notes.push('Status masih berjalan; tanggal selesai diabaikan.');
  }

  const channelText = text('channel');
  let channel: ChannelCode = opts.source === 'lapor' ? 'sp4n_lapor' : (pick(channelText, CHANNEL_WORDS) ?? 'langsung');
  if (opts.source === 'register' && laporId && channel !== 'sp4n_lapor') channel = 'sp4n_lapor';
  if (opts.source === 'register' && !laporId && channel === 'sp4n_lapor') notes.push('Kanal SP4N-LAPOR! tanpa ID Pelacakan.');
  if (opts.source === 'register' && channelText && !pick(channelText, CHANNEL_WORDS)) notes.push(`Media/Kanal "${clip(channelText, 30)}" tidak dikenali; dicatat ${CHANNEL_LABEL.langsung}.`);
  else if (opts.source === 'register' && !channelText) notes.push(`Media/Kanal kosong; dicatat ${CHANNEL_LABEL.langsung}.`);

  const kindText = text('kind');
  const kind = (kindText && pick(kindText, KIND_WORDS)) || 'pengaduan';
  if (kindText && !pick(kindText, KIND_WORDS)) notes.push(`Jenis "${clip(kindText, 30)}" tidak dikenali; dicatat ${COMPLAINT_KIND_LABEL.pengaduan}.`);

  const categoryText = text('category');
  const category = (categoryText && pick(categoryText, CATEGORY_WORDS)) || 'lainnya';
  if (!categoryText) notes.push(`Kategori kosong; dicatat ${CATEGORY_LABEL.lainnya}.`);
  else if (!pick(categoryText, CATEGORY_WORDS)) notes.push(`Kategori "${clip(categoryText, 30)}" tidak dikenali; dicatat ${CATEGORY_LABEL.lainnya}.`);

  const name = text('reporterName');
  const anonymous = ANONYMOUS.includes(normHeader(name)) || /^-+$/.test(name);
  const identity = text('identity');
  const nik = /(?<!\d)\d{16}(?!\d)/.exec(identity.replace(/[\s.]/g, ''))?.[0] ?? '';
  if (identity && !nik) notes.push('Tanda pengenal bukan NIK 16 angka; tidak disimpan.');
  const phoneRaw = text('phone').replace(/[^\d+]/g, '');
  const phone = /^\+?[0-9]{7,18}$/.test(phoneRaw) ? phoneRaw : '';
  if (text('phone') && !phone) notes.push('No. HP tidak dikenali; tidak disimpan.');

  const incidentCell = col(r, 'incidentDate');
  let incident = readDate(incidentCell);
  if (incidentCell !== null && !incident) notes.push('Tanggal kejadian tidak dikenali; dikosongkan.');
  // As at intake: an incident is at the latest on the day its complaint came in.
  if (incident && received && incident.ymd > received.ymd) {
    notes.push('Tanggal kejadian sesudah tanggal diterima; dikosongkan.');
    incident = null;
  }

  const reported = text('reported');
  let fullDescription = reported ? `${description}\n\nTerlapor: ${reported}` : description;
  if (fullDescription.length > 5000) {
    fullDescription = clip(fullDescription, 5000);
    notes.push('Uraian lebih dari 5.000 huruf; dipotong.');
  }
  const subjectText = text('subject');
  const subject = clip(subjectText || subjectFrom(description), 200);

  const history = [text('followUp') && `Tindak lanjut: ${clip(text('followUp'), 1000)}`, text('remarks') && `Keterangan: ${clip(text('remarks'), 500)}`].filter(Boolean).join(' · ');

  const view: ImportRow = {
    row: rowNo,
    ok: reasons.length === 0,
    reasons,
    notes: reasons.length ? [] : notes,
    registerNo,
    laporId,
    receivedDate: received?.ymd ?? '',
    reporterName: anonymous ? 'Anonim' : clip(name, 120),
    subject,
    channel,
    kind,
    category,
    status: outcome.open ? null : outcome.status,
    closedDate: closed?.ymd ?? '',
  };
  if (reasons.length || !received) return { view, complaint: null };
  return {
    view,
    complaint: {
      key,
      registerNo,
      laporId,
      received,
      closed,
      status: outcome.open ? null : outcome.status,
      kind,
      channel,
      category,
      reporterName: anonymous ? '' : clip(name, 120),
      anonymous,
      address: clip(text('address'), 250),
      nik,
      phone,
      subject,
      description: fullDescription,
      incidentPlace: clip(text('incidentPlace'), 200),
      incidentDate: incident?.ymd ?? '',
      seksi: clip(text('seksi'), 100),
      history,
      notes,
    },
  };
}

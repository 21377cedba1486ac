// Domain vocabulary shared by core and renderer. Codes are stable (stored in the
// database); labels are the Indonesian words the office reads.

import { capitalise } from './text/words';

export const ROLES = ['staf', 'kasi', 'sekcam', 'camat', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABEL: Record<Role, string> = {
  staf: 'Staf (Petugas Pengaduan)',
  kasi: 'Kasi/Kasubbag',
  sekcam: 'Sekretaris Kecamatan',
  camat: 'Camat',
  admin: 'Admin',
};
// The same roles in an office that is not a kecamatan (a badan, dinas or bagian), whose
// head is no Camat and whose secretary is no Sekretaris Kecamatan.
const UNIT_ROLE_LABEL: Partial<Record<Role, string>> = { kasi: 'Kepala Bidang/Subbagian', sekcam: 'Sekretaris', camat: 'Pimpinan unit' };
export const roleLabel = (role: Role, level: 'kecamatan' | 'unit_lain') => (level === 'unit_lain' ? UNIT_ROLE_LABEL[role] : undefined) ?? ROLE_LABEL[role];

/** The head of office and the secretary as a sentence names them ("a.n. Camat", "kepada Sekretaris"). */
export interface OfficeWords {
  head: string;
  secretary: string;
}
/**
 * "Camat" and "Sekretaris Kecamatan" in a kecamatan; in a badan, dinas or bagian the head by
 * the office's own title ("Kepala BKPSDM Kabupaten Pasuruan") and "Sekretaris".
 */
export function officeWordsOf(office: { level: 'kecamatan' | 'unit_lain'; headTitle: string } | null): OfficeWords {
  if (!office || office.level === 'kecamatan') return { head: ROLE_LABEL.camat, secretary: ROLE_LABEL.sekcam };
  return { head: office.headTitle || roleLabel('camat', office.level), secretary: roleLabel('sekcam', office.level) };
}
// Who keeps a signature specimen: the Camat and the Sekcam, who sign on screen, and every
// Kasi, for the days the Admin appoints him Plt./Plh. (he puts it in place before, and sees
// or removes it after). These are the roles signsForHead is ever true for.
export const SPECIMEN_ROLES: readonly Role[] = ['kasi', 'sekcam', 'camat'];
// Who print a letter to be signed by hand and record its scan once it is signed: the
// Staf, who keeps the office's papers, and the two who sign for the head.
export const WET_SIGNING_ROLES: readonly Role[] = ['staf', 'sekcam', 'camat'];

export const COMPLAINT_KINDS = ['pengaduan', 'aspirasi', 'permintaan_informasi', 'konsultasi'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];
export const COMPLAINT_KIND_LABEL: Record<ComplaintKind, string> = {
  pengaduan: 'Pengaduan',
  aspirasi: 'Aspirasi',
  permintaan_informasi: 'Permintaan Informasi',
  konsultasi: 'Konsultasi',
};
/** The kind as a sentence names it: "pengaduan", "permintaan informasi"; at its start "Permintaan informasi". */
export function kindNoun(kind: ComplaintKind, start = false): string {
  const noun = COMPLAINT_KIND_LABEL[kind].toLowerCase();
  return start ? capitalise(noun) : noun;
}

export const CHANNEL_CODES = [
  'langsung',
  'kotak_saran',
  'surat',
  'telepon',
  'sms',
  'whatsapp',
  'email',
  'website',
  'facebook',
  'instagram',
  'sp4n_lapor',
] as const;
export type ChannelCode = (typeof CHANNEL_CODES)[number];
export const CHANNEL_LABEL: Record<ChannelCode, string> = {
  langsung: 'Langsung/Loket',
  kotak_saran: 'Kotak Saran',
  surat: 'Surat',
  telepon: 'Telepon',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  email: 'Email',
  website: 'Website/Formulir Daring',
  facebook: 'Facebook',
  instagram: 'Instagram',
  sp4n_lapor: 'SP4N-LAPOR!',
};

// Categories seen in kecamatan registers; the office may not need all of them.
export const CATEGORIES = [
  'administrasi_kependudukan',
  'infrastruktur',
  'kebersihan_lingkungan',
  'ketertiban_umum',
  'bantuan_sosial',
  'pelayanan_aparatur',
  'pertanahan',
  'kesehatan',
  'pendidikan',
  'kepegawaian',
  'lainnya',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABEL: Record<Category, string> = {
  administrasi_kependudukan: 'Administrasi Kependudukan',
  infrastruktur: 'Infrastruktur (jalan, jembatan, drainase)',
  kebersihan_lingkungan: 'Kebersihan dan Lingkungan',
  ketertiban_umum: 'Ketertiban Umum',
  bantuan_sosial: 'Bantuan Sosial',
  pelayanan_aparatur: 'Pelayanan dan Perilaku Aparatur',
  pertanahan: 'Pertanahan',
  kesehatan: 'Kesehatan',
  pendidikan: 'Pendidikan',
  kepegawaian: 'Kepegawaian',
  lainnya: 'Lainnya',
};

// Status of a complaint: the canonical journey plus its side exits.
export const STATUSES = [
  'diterima',
  'diverifikasi',
  'didisposisi',
  'ditindaklanjuti',
  'tanggapan_disusun',
  'diparaf',
  'ditandatangani',
  'dikirim',
  'selesai',
  'diarsipkan',
  'tidak_lengkap',
  'bukan_kewenangan',
  'ditolak',
  'dicabut',
] as const;
export type Status = (typeof STATUSES)[number];
/**
 * A complaint handled to its end: its last step done (finished, or archived when the
 * standard ends with the archive), as against one still running (an archive step may come
 * midway) or closed by a side exit (refused, withdrawn, not the office's to handle).
 */
export const isFinished = (c: { status: Status; closedAt: string | null }) => c.closedAt !== null && (c.status === 'selesai' || c.status === 'diarsipkan');

// A complaint disposed to no seksi (yet, or ever: refused, withdrawn or forwarded first), as the recap, the dashboard and the register name it.
export const NO_SEKSI_LABEL = 'Tanpa disposisi';

export const STATUS_LABEL: Record<Status, string> = {
  diterima: 'Diterima',
  diverifikasi: 'Diverifikasi',
  didisposisi: 'Didisposisi',
  ditindaklanjuti: 'Ditindaklanjuti',
  tanggapan_disusun: 'Tanggapan disusun',
  diparaf: 'Diparaf',
  ditandatangani: 'Ditandatangani',
  dikirim: 'Dikirim',
  selesai: 'Selesai',
  diarsipkan: 'Diarsipkan',
  tidak_lengkap: 'Tidak lengkap',
  bukan_kewenangan: 'Bukan kewenangan',
  ditolak: 'Ditolak',
  dicabut: 'Dicabut',
};

export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type TimeZoneId = (typeof TIME_ZONES)[number];
export const TIME_ZONE_LABEL: Record<TimeZoneId, string> = {
  'Asia/Jakarta': 'WIB (Asia/Jakarta)',
  'Asia/Makassar': 'WITA (Asia/Makassar)',
  'Asia/Jayapura': 'WIT (Asia/Jayapura)',
};

export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_MAX_COUNT = 5;
export const ATTACHMENT_TYPES: Record<string, string> = {
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/webp': 'WEBP',
  'application/pdf': 'PDF',
};
export const LOGO_MAX_BYTES = 512 * 1024;

export const SESSION_IDLE_MINUTES = 30;
// A session ends after this long even while in use, so a forgotten open PC does not stay signed in.
export const SESSION_MAX_HOURS = 12;
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_LOCK_MINUTES = 15;

// The journey's words: a disposition's urgency, the two clocks of an open complaint and how
// each stands, and the task lists' narrowing (checked by shared/schemas/workflow.ts).
export const SIFAT = ['sangat_segera', 'segera', 'biasa', 'rahasia'] as const;
export type Sifat = (typeof SIFAT)[number];
export const SIFAT_LABEL: Record<Sifat, string> = {
  sangat_segera: 'Sangat Segera',
  segera: 'Segera',
  biasa: 'Biasa',
  rahasia: 'Rahasia',
};

export const RISKS = ['aman', 'berisiko', 'terlambat'] as const;
export type Risk = (typeof RISKS)[number];
export const RISK_LABEL: Record<Risk, string> = { aman: 'Sesuai waktu', berisiko: 'Hampir habis', terlambat: 'Terlambat' };

// Two clocks run on an open complaint: the current step's and the whole standard's.
// A step can be on time while the standard is long past, so lists show both.
export const CLOCKS = ['langkah', 'standar'] as const;
export type Clock = (typeof CLOCKS)[number];
export const CLOCK_LABEL: Record<Clock, string> = { langkah: 'Langkah', standar: 'Standar' };

// Narrowing a list to one state of one clock, or to anything late on either.
export const TASK_FILTERS = ['terlambat', 'langkah_terlambat', 'langkah_berisiko', 'standar_terlambat', 'standar_berisiko'] as const;
export type TaskFilter = (typeof TASK_FILTERS)[number];
export const TASK_FILTER_LABEL: Record<TaskFilter, string> = {
  terlambat: 'Terlambat (langkah atau standar)',
  langkah_terlambat: 'Terlambat (langkah)',
  langkah_berisiko: 'Hampir habis (langkah)',
  standar_terlambat: 'Terlambat (standar)',
  standar_berisiko: 'Hampir habis (standar)',
};
// Paused files count as neither: their clocks stand still.
export function matchesTaskFilter(t: { risk: Risk; standardRisk: Risk | null; paused: boolean }, f: TaskFilter): boolean {
  if (t.paused) return false;
  if (f === 'terlambat') return t.risk === 'terlambat' || t.standardRisk === 'terlambat';
  const [clock, risk] = f.split('_') as [Clock, Risk];
  return (clock === 'langkah' ? t.risk : t.standardRisk) === risk;
}

// The office list's page.
export const OFFICE_PAGE_SIZE = 50;

// Who carries out a step. 'camat' is the office's top signer (in a unit that is not
// a kecamatan: its head, e.g. Kepala Badan); 'tim_pengelola' is open to every handler.
export const EXECUTORS = ['staf', 'kasi', 'sekcam', 'camat', 'tim_pengelola'] as const;
export type Executor = (typeof EXECUTORS)[number];
/** Named as the roles are, in the office's words; the tim pengelola by its own name. */
export const executorLabel = (e: Executor, level: 'kecamatan' | 'unit_lain') => (e === 'tim_pengelola' ? 'Tim Pengelola Pengaduan' : roleLabel(e, level));

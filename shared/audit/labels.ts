// What each audit action code means, in Indonesian, and which group (Jenis) it
// belongs to. Shared by the core (list, CSV) and the screen (filter choices).

export const AUDIT_CATEGORIES = ['masuk', 'pengguna', 'pengaduan', 'dokumen', 'pengaturan', 'cadangan', 'audit'] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

export const AUDIT_CATEGORY_LABEL: Record<AuditCategory, string> = {
  masuk: 'Masuk dan keamanan',
  pengguna: 'Pengguna dan Plt./Plh.',
  pengaduan: 'Pengaduan dan disposisi',
  dokumen: 'Dokumen dan tanda tangan',
  pengaturan: 'Pengaturan kantor',
  cadangan: 'Cadangan data',
  audit: 'Jejak audit dan data pribadi',
};

// A code belongs to the first group whose prefix (ending in '.') or exact code it matches,
// so an action added later under a known prefix still lands in its group.
const CATEGORY_MATCH: Record<AuditCategory, readonly string[]> = {
  masuk: ['login.', 'logout', 'password.changed', 'password.confirm_failed', 'auth.'],
  pengguna: ['user.', 'officials.'],
  pengaduan: ['complaint.', 'disposition.', 'skm.'],
  dokumen: ['document.'],
  pengaturan: ['office.', 'setup.', 'standard.', 'calendar.', 'documents.', 'server.'],
  cadangan: ['backup.'],
  audit: ['audit.', 'personal_data.', 'report.'],
};

export const categoryMatchers = (category: AuditCategory) => CATEGORY_MATCH[category];

const matches = (code: string, m: string) => (m.endsWith('.') ? code.startsWith(m) : code === m);

export function auditCategoryOf(code: string): AuditCategory | null {
  return AUDIT_CATEGORIES.find((c) => CATEGORY_MATCH[c].some((m) => matches(code, m))) ?? null;
}

const ACTION_LABEL: Record<string, string> = {
  'login.succeeded': 'Masuk ke aplikasi',
  'login.failed': 'Gagal masuk',
  'login.locked': 'Akun dikunci sementara',
  logout: 'Keluar dari aplikasi',
  'password.changed': 'Kata sandi sendiri diganti',
  'password.confirm_failed': 'Kata sandi salah saat konfirmasi',
  'user.created': 'Pengguna dibuat',
  'user.updated': 'Data pengguna diubah',
  'user.deactivated': 'Pengguna dinonaktifkan',
  'user.unlocked': 'Kunci akun pengguna dibuka',
  'user.password_reset': 'Kata sandi pengguna diatur ulang',
  'user.signature_updated': 'Gambar tanda tangan diperbarui',
  'officials.added': 'Plt./Plh. ditetapkan',
  'officials.removed': 'Plt./Plh. dicabut',
  'complaint.received': 'Pengaduan diterima',
  'complaint.imported': 'Pengaduan diimpor dari register lama',
  'complaint.import_finished': 'Impor register lama selesai',
  'complaint.linked': 'Pengaduan ditautkan ke pengaduan lain',
  'complaint.step_completed': 'Langkah diselesaikan',
  'complaint.taken_over': 'Langkah diambil alih dan diselesaikan',
  'complaint.step_undone': 'Penyelesaian langkah dibatalkan',
  'complaint.paused': 'Dinyatakan belum lengkap',
  'complaint.resumed': 'Kelengkapan dipenuhi',
  'complaint.escalated': 'Dinaikkan ke atasan karena lewat batas waktu',
  'complaint.follow_up': 'Tindak lanjut dicatat',
  'complaint.delivered': 'Jawaban disampaikan kepada pelapor',
  'complaint.bukan_kewenangan': 'Diteruskan: bukan kewenangan kantor',
  'complaint.ditolak': 'Pengaduan ditolak',
  'complaint.dicabut': 'Pengaduan dicabut',
  'complaint.archived': 'Berkas diarsipkan',
  'complaint.changed_outside': 'Data pengaduan ternyata diubah di luar aplikasi',
  'complaint.satisfaction_recorded': 'Pernyataan puas/tidak puas pelapor dicatat',
  'skm.submitted': 'Survei kepuasan masyarakat diisi',
  'skm.kiosk_started': 'Mode kios survei dibuka',
  'skm.kiosk_ended': 'Mode kios survei ditutup',
  'skm.kiosk_exit_refused': 'Gagal menutup mode kios (kata sandi salah)',
  'disposition.opened': 'Disposisi dibuka',
  'disposition.created': 'Disposisi dibuat',
  'disposition.withdrawn': 'Disposisi ditarik',
  'disposition.returned': 'Disposisi dikembalikan',
  'disposition.return_lapsed': 'Bagian yang dikembalikan tidak didisposisikan ulang',
  'document.drafted': 'Konsep dokumen dibuat',
  'document.revised': 'Konsep dokumen diperbaiki',
  'document.paraf': 'Dokumen diparaf',
  'document.returned': 'Dokumen dikembalikan untuk diperbaiki',
  'document.signed': 'Dokumen ditandatangani di aplikasi',
  'document.printed_wet': 'Naskah dicetak untuk tanda tangan basah',
  'document.signed_wet': 'Dokumen ditandatangani basah',
  'documents.settings_updated': 'Pengaturan dokumen diubah',
  'office.updated': 'Profil kantor diubah',
  'setup.completed': 'Aplikasi disiapkan pertama kali',
  'standard.updated': 'Standar pelayanan diubah',
  'calendar.updated': 'Kalender kerja diubah',
  'calendar.imported': 'Hari libur diimpor',
  'server.settings': 'Pengaturan server kantor diubah',
  'backup.settings': 'Pengaturan cadangan diubah',
  'backup.created': 'Cadangan dibuat',
  'backup.restored': 'Data dipulihkan dari cadangan',
  'personal_data.viewed': 'Data pribadi pelapor dibuka',
  'audit.exported': 'Jejak audit diunduh',
  'report.register_exported': 'Buku register diunduh (Excel)',
  'report.recap_exported': 'Buku rekap diunduh',
  'report.lapor_exported': 'Laporan SP4N-LAPOR! diunduh',
  'report.skm_exported': 'Rekap IKM (SKM) diunduh',
  'audit.key_created': 'Kunci segel baru dibuat di komputer ini',
};

// An action this table does not know yet is shown by its code rather than hidden.
export const auditActionLabel = (code: string) => ACTION_LABEL[code] ?? code;

import { auditActionLabel, categoryMatchers } from '../../../shared/audit/labels';
import type { AuditFilter, AuditRow } from '../../../shared/audit/list';
import { DOCUMENT_KIND_LABEL, type DocumentKind } from '../../../shared/documents/kinds';
import { ROLES, STATUS_LABEL, type OfficeWords, type Role, type Status, SIFAT_LABEL, type Sifat } from '../../../shared/domain';
import { officeWords } from '../office/settings';
import { ACTING_LABEL, DELIVERY_CHANNEL_LABEL, type ActingKind, type DeliveryChannel } from '../../../shared/schemas/documents';
import { BACKUP_REASON_LABEL } from '../../../shared/schemas/backup';
import { formatTanggal, formatTanggalWaktu } from '../../../shared/time/format';
import { addDaysYmd, fromLocal, type TimeZoneId } from '../../../shared/time/workingTime';
import type { Db } from '../db/open';
import { TanggapError } from '../errors';

interface Joined {
  id: number;
  at: string;
  action: string;
  entity: string;
  entity_id: number | null;
  data: string;
  actor_name: string | null;
  actor_role: Role | null;
  register_no: string | null;
  target_username: string | null;
}

// Filters as SQL over audit_log a. A register number the office never issued is
// said plainly rather than answered with an empty list.
function where(db: Db, f: AuditFilter, tz: TimeZoneId): { sql: string; args: (string | number)[] } {
  const parts: string[] = [];
  const args: (string | number)[] = [];
  if (f.actorId !== undefined) {
    parts.push('a.actor_id = ?');
    args.push(f.actorId);
  }
  const registerNo = f.registerNo?.trim();
  if (registerNo) {
    const c = db.prepare('SELECT id FROM complaints WHERE register_no = ? COLLATE NOCASE').get(registerNo) as { id: number } | undefined;
    if (!c) throw new TanggapError('validation', `Nomor register ${registerNo} tidak ditemukan. Tulis seperti pada tanda terima, misalnya 0001/PGD/2026.`, 'registerNo');
    parts.push("a.entity = 'complaint' AND a.entity_id = ?");
    args.push(c.id);
  }
  if (f.from) {
    parts.push('a.at >= ?');
    args.push(fromLocal(f.from, '00:00', tz));
  }
  if (f.to) {
    parts.push('a.at < ?');
    args.push(fromLocal(addDaysYmd(f.to, 1), '00:00', tz));
  }
  if (f.category) {
    const ms = categoryMatchers(f.category);
    parts.push(`(${ms.map((m) => (m.endsWith('.') ? `substr(a.action, 1, ${m.length}) = ?` : 'a.action = ?')).join(' OR ')})`);
    args.push(...ms);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
}

const SELECT = `SELECT a.id, a.at, a.action, a.entity, a.entity_id, a.data, u.name AS actor_name, u.role AS actor_role,
    c.register_no, t.username AS target_username
  FROM audit_log a
  LEFT JOIN users u ON u.id = a.actor_id
  LEFT JOIN complaints c ON a.entity = 'complaint' AND c.id = a.entity_id
  LEFT JOIN users t ON a.entity = 'user' AND t.id = a.entity_id`;

export function countAudit(db: Db, f: AuditFilter, tz: TimeZoneId): number {
  const w = where(db, f, tz);
  return (db.prepare(`SELECT count(*) AS n FROM audit_log a ${w.sql}`).get(...w.args) as { n: number }).n;
}

// Newest first. Rows name the complaint by register number only: whoever reads the
// trail (the Admin included) sees what was done, never what the complaint says.
export function listAudit(db: Db, f: AuditFilter, tz: TimeZoneId, offset: number, limit: number): AuditRow[] {
  const w = where(db, f, tz);
  const rows = db.prepare(`${SELECT} ${w.sql} ORDER BY a.id DESC LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as Joined[];
  const names = new Map((db.prepare('SELECT id, name FROM users').all() as { id: number; name: string }[]).map((u) => [u.id, u.name]));
  const words = officeWords(db);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorName: r.actor_name ?? (r.action.startsWith('login.') ? 'Belum masuk' : 'Sistem'),
    actorRole: r.actor_role,
    action: r.action,
    label: auditActionLabel(r.action),
    target: targetOf(r),
    detail: detailOf(r.action, parse(r.data), names, tz, words),
  }));
}

function parse(data: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(data);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function targetOf(r: Joined): string {
  switch (r.entity) {
    case 'complaint':
      if (r.entity_id === null) return 'Dokumen tanpa pengaduan';
      return r.register_no ? `Pengaduan ${r.register_no}` : `Pengaduan #${r.entity_id}`;
    case 'user':
      if (r.target_username) return `Pengguna ${r.target_username}`;
      return r.entity_id === null ? 'Nama pengguna tidak dikenal' : `Pengguna #${r.entity_id}`;
    case 'office':
      return 'Profil kantor';
    case 'settings':
      return 'Pengaturan';
    case 'database':
      return 'Basis data';
    case 'acting_official':
      return 'Plt./Plh.';
    case 'audit':
      return 'Jejak audit';
    case 'report':
      return 'Laporan dan unduhan';
    case 'import':
      return `Impor register lama #${r.entity_id ?? ''}`;
    default:
      return r.entity;
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : null);
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const label = <T extends string>(table: Record<T, string>, v: unknown) => (typeof v === 'string' && v in table ? table[v as T] : str(v));

const LOGIN_FAILURE: Record<string, string> = {
  unknown_user: 'nama pengguna tidak terdaftar',
  wrong_password: 'kata sandi salah',
  locked: 'akun sedang dikunci',
  inactive: 'akun nonaktif',
};
const FIELD: Record<string, string> = {
  name: 'nama',
  nip: 'NIP',
  jabatan: 'jabatan',
  pangkat: 'pangkat',
  role: 'peran',
  seksi: 'seksi',
  active: 'status aktif',
  username: 'nama pengguna',
  shortName: 'nama singkat',
  regionType: 'jenis daerah',
  region: 'kabupaten/kota',
  address: 'alamat kantor',
  postalCode: 'kode pos',
  phone: 'telepon kantor',
  email: 'email kantor',
  website: 'website',
  timeZone: 'zona waktu',
  kopLines: 'kop surat',
  headTitle: 'sebutan pimpinan',
  unitCode: 'kode unit',
  logo: 'logo',
};
const FOLLOW_UP: Record<string, string> = { klarifikasi: 'Klarifikasi', tindakan: 'Tindakan', usulan_jawaban: 'Usulan jawaban' };
const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

// A short line from the row's data. Only what the code itself recorded (field names,
// statuses, counts, document numbers): the log never holds a reporter's data, and this
// line does not look anything up that would.
// words: the office's names for its roles and its head (a disposition a.n. him).
function detailOf(action: string, d: Record<string, unknown>, names: Map<number, string>, tz: TimeZoneId, words: OfficeWords & { role: (r: Role) => string }): string {
  const files = num(d.files);
  const withFiles = (s: string) => (files ? `${s}; ${files} berkas` : s);
  switch (action) {
    case 'login.failed':
      return d.reason ? `Sebab: ${LOGIN_FAILURE[str(d.reason)] ?? str(d.reason)}` : '';
    case 'password.confirm_failed':
      return `Saat ${d.during === 'sign' ? 'menandatangani dokumen' : 'mengganti kata sandi'}`;
    case 'login.locked':
      return `${num(d.attempts) ?? '?'} kali salah; dikunci ${num(d.minutes) ?? '?'} menit`;
    case 'skm.kiosk_ended':
      return d.by === 'login' ? 'Karena ada yang masuk ke Tanggap di peramban yang sama' : '';
    case 'user.created':
    case 'user.updated':
    case 'user.deactivated': {
      const changed = strs(d.changed).map((k) => FIELD[k] ?? k);
      const role = isRole(d.role) ? `Peran ${words.role(d.role)}` : '';
      return [role, changed.length ? `diubah: ${changed.join(', ')}` : '', d.active === false ? 'nonaktif' : ''].filter(Boolean).join('; ');
    }
    case 'officials.added': {
      const span = [str(d.from), str(d.to)].filter(Boolean).map((x) => formatTanggal(x, tz));
      return [label<ActingKind>(ACTING_LABEL, d.kind), span.join(' s.d. ')].filter(Boolean).join(', ');
    }
    case 'office.updated': {
      const changed = strs(d.changed).map((k) => FIELD[k] ?? k);
      return changed.length ? `Diubah: ${changed.join(', ')}` : 'Tidak ada yang berubah';
    }
    case 'disposition.created': {
      const to = (Array.isArray(d.to) ? d.to : []).map((id) => (typeof id === 'number' ? (names.get(id) ?? `#${id}`) : ''));
      return [`Kepada ${to.join(', ')}`, label<Sifat>(SIFAT_LABEL, d.sifat), d.onBehalf === true ? `a.n. ${words.head}` : ''].filter(Boolean).join('; ');
    }
    case 'complaint.received':
      return d.backdated === true && str(d.receivedAt)
        ? `Status: ${label<Status>(STATUS_LABEL, d.status)}; tanggal diterima diisi mundur: ${formatTanggalWaktu(str(d.receivedAt), tz)}`
        : d.status ? `Status: ${label<Status>(STATUS_LABEL, d.status)}` : '';
    case 'complaint.linked':
      return d.registerNo ? `Dengan pengaduan ${str(d.registerNo)}` : '';
    case 'complaint.step_completed':
      return [num(d.step) !== null ? `Langkah ${num(d.step)}` : '', d.status ? `status menjadi ${label<Status>(STATUS_LABEL, d.status)}` : ''].filter(Boolean).join('; ');
    case 'complaint.escalated':
      return [num(d.step) !== null ? `Langkah ${num(d.step)}` : '', isRole(d.to) ? `kepada ${words.role(d.to)}` : ''].filter(Boolean).join('; ');
    case 'complaint.follow_up':
      return withFiles(FOLLOW_UP[str(d.kind)] ?? str(d.kind));
    case 'complaint.delivered':
      return withFiles(`Lewat ${label<DeliveryChannel>(DELIVERY_CHANNEL_LABEL, d.channel)}`);
    case 'document.drafted':
      return label<DocumentKind>(DOCUMENT_KIND_LABEL, d.kind);
    case 'document.signed':
    case 'document.printed_wet':
    case 'document.signed_wet':
      return [d.number ? `Nomor ${str(d.number)}` : '', str(d.capacity)].filter(Boolean).join('; ');
    case 'standard.updated':
      return d.code ? `Standar ${str(d.code)}` : '';
    case 'complaint.imported':
      return [num(d.row) !== null ? `Baris ${num(d.row)} berkas impor #${num(d.batch) ?? '?'}` : '', d.open === true ? 'penanganan dilanjutkan' : d.status ? `status ${label<Status>(STATUS_LABEL, d.status)}` : '']
        .filter(Boolean)
        .join('; ');
    case 'complaint.import_finished':
      return `${num(d.imported) ?? 0} diimpor (${num(d.open) ?? 0} berjalan), ${num(d.skipped) ?? 0} baris dilewati dari ${num(d.rows) ?? 0}${d.source === 'lapor' ? '; ekspor SP4N-LAPOR!' : ''}`;
    case 'calendar.imported':
      return `${num(d.added) ?? 0} hari libur ditambahkan`;
    case 'backup.settings':
      return [d.folder ? `Folder ${str(d.folder)}` : 'Folder belum diisi', `simpan ${num(d.keep) ?? '?'} cadangan`, d.daily === true ? 'harian' : 'tidak harian'].join('; ');
    case 'backup.created':
      return [d.file ? `Berkas ${str(d.file)}` : '', label(BACKUP_REASON_LABEL, d.reason), num(d.auditRows) !== null ? `${num(d.auditRows)} catatan audit` : '']
        .filter(Boolean)
        .join('; ');
    case 'backup.restored':
      return d.from ? `Dari ${str(d.from)}` : '';
    case 'personal_data.viewed':
      return d.reason ? `Alasan: ${str(d.reason)}` : 'Identitas ditampilkan';
    case 'audit.key_created':
      return num(d.rowsBefore) ? `${num(d.rowsBefore)} catatan sebelumnya tetap di tempatnya` : '';
    case 'audit.exported':
      return `${num(d.rows) ?? 0} catatan${d.filter ? `; ${str(d.filter)}` : ''}`;
    case 'report.register_exported':
    case 'report.recap_exported':
    case 'report.lapor_exported':
    case 'report.skm_exported':
      return [str(d.what), num(d.rows) !== null ? `${num(d.rows)} baris` : '', d.personalData === true ? 'dengan data pribadi pelapor' : ''].filter(Boolean).join('; ');
    default:
      return d.status ? `Status: ${label<Status>(STATUS_LABEL, d.status)}` : '';
  }
}

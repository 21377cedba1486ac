import { AUDIT_CATEGORY_LABEL } from '../../../shared/audit/labels';
import type { AuditFilter, AuditRow } from '../../../shared/audit/list';
import type { Role } from '../../../shared/domain';
import { localDate, localTime, type TimeZoneId } from '../../../shared/time/workingTime';
import { nowIso, requireUser, write, type Handlers } from '../context';
import { TanggapError } from '../errors';
import { getOffice, officeWords } from '../office/settings';
import { appendAudit } from './chain';
import { countAudit, listAudit } from './query';

// One download stays a file Excel opens comfortably; narrower filters fetch the rest.
export const AUDIT_EXPORT_MAX = 50_000;

const HEADER = ['Waktu', 'Pengguna', 'Peran', 'Tindakan', 'Sasaran', 'Keterangan', 'No. baris'];

// A cell Excel would read as a formula (=, +, -, @, or a tab/CR before them) gets a
// leading apostrophe, so a typed reason can never run as one.
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

const waktu = (iso: string, tz: TimeZoneId) => {
  const [y, m, d] = localDate(iso, tz).split('-');
  return `${d}-${m}-${y} ${localTime(iso, tz).replace(':', '.')}`;
};

// UTF-8 with BOM and semicolons: what Excel in the Indonesian locale opens as columns.
export function csvText(lines: string[][]): string {
  return `\uFEFF${lines.map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`;
}

// role: the roles in the office's words.
export function auditCsv(rows: AuditRow[], tz: TimeZoneId, role: (r: Role) => string): string {
  return csvText([HEADER, ...rows.map((r) => [waktu(r.at, tz), r.actorName, r.actorRole ? role(r.actorRole) : '', r.label, r.target, r.detail, String(r.id)])]);
}

// The export's own audit line says which slice was taken, in words.
function describe(f: AuditFilter, actorName: string | null): string {
  return [
    actorName ? `pengguna ${actorName}` : '',
    f.registerNo?.trim() ? `nomor ${f.registerNo.trim()}` : '',
    f.from ? `dari ${f.from}` : '',
    f.to ? `sampai ${f.to}` : '',
    f.category ? `jenis ${AUDIT_CATEGORY_LABEL[f.category]}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

export const auditListHandlers: Pick<Handlers, 'audit.list' | 'audit.export'> = {
  'audit.list': (ctx, { offset, limit, ...filter }) => {
    const tz = getOffice(ctx.db).timeZone;
    const actors = ctx.db.prepare('SELECT id, name, role, active FROM users ORDER BY active DESC, name').all() as {
      id: number;
      name: string;
      role: Role;
      active: number;
    }[];
    return {
      total: countAudit(ctx.db, filter, tz),
      rows: listAudit(ctx.db, filter, tz, offset, limit),
      actors: actors.map((a) => ({ ...a, active: a.active === 1 })),
    };
  },
  'audit.export': (ctx, filter) => {
    const user = requireUser(ctx);
    const tz = getOffice(ctx.db).timeZone;
    return write(ctx.db, () => {
      const total = countAudit(ctx.db, filter, tz);
      if (total > AUDIT_EXPORT_MAX) {
        throw new TanggapError(
          'too_large',
          `Ada ${total.toLocaleString('id-ID')} catatan; satu unduhan paling banyak ${AUDIT_EXPORT_MAX.toLocaleString('id-ID')}. Persempit dengan tanggal, pengguna atau jenis.`,
        );
      }
      const rows = listAudit(ctx.db, filter, tz, 0, AUDIT_EXPORT_MAX);
      const actor = filter.actorId === undefined ? null : (ctx.db.prepare('SELECT name FROM users WHERE id = ?').get(filter.actorId) as { name: string } | undefined);
      const at = nowIso(ctx);
      appendAudit(ctx.db, { at, actorId: user.id, action: 'audit.exported', entity: 'audit', entityId: null, data: { rows: rows.length, filter: describe(filter, actor?.name ?? null) } });
      return {
        fileName: `jejak-audit-${localDate(at, tz)}.csv`,
        mime: 'text/csv;charset=utf-8',
        dataBase64: Buffer.from(auditCsv(rows, tz, officeWords(ctx.db).role), 'utf8').toString('base64'),
      };
    });
  },
};

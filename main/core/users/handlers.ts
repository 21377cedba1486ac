import type { UserFields } from '../../../shared/schemas/user';
import { appendAudit } from '../audit/chain';
import type { CoreDeps, Ctx, Handlers } from '../context';
import { nowIso, write } from '../context';
import { hashPassword } from '../auth/passwords';
import { endUserSessions } from '../auth/sessions';
import { notFound, TanggapError } from '../errors';
import { rowToEditableUser, type UserRow } from './rows';
import { handBackDispositionsOf, toHandBack } from '../workflow/handBack';
import { staleEdit } from '../versions';

// mustChangePassword: the Admin chose this password, so its holder replaces it at first login.
export function insertUser(deps: CoreDeps, username: string, passwordHash: string, u: UserFields, mustChangePassword = false) {
  const exists = deps.db.prepare('SELECT 1 FROM users WHERE username = ?').get(username);
  if (exists) throw new TanggapError('conflict', `Nama pengguna "${username}" sudah dipakai; pilih nama lain.`, 'username');
  const now = nowIso(deps);
  const info = deps.db
    .prepare(
      `INSERT INTO users (username, password_hash, name, nip, jabatan, pangkat, role, seksi, active, must_change_password, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(username, passwordHash, u.name, u.nip, u.jabatan, u.pangkat, u.role, u.role === 'kasi' ? u.seksi : '', u.active ? 1 : 0, mustChangePassword ? 1 : 0, now, now);
  return getUser(deps, Number(info.lastInsertRowid));
}

function getUser(deps: CoreDeps, id: number) {
  const row = deps.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  if (!row) throw notFound('Pengguna');
  return rowToEditableUser(row);
}

// Field names and role only: names, NIP and passwords stay out of the audit log.
function audit(ctx: Ctx, action: string, id: number, data?: Record<string, unknown>) {
  appendAudit(ctx.db, { at: nowIso(ctx), actorId: ctx.user?.id ?? null, action, entity: 'user', entityId: id, data });
}

export const userHandlers: Pick<Handlers, 'users.list' | 'users.create' | 'users.update' | 'users.resetPassword' | 'users.unlock'> = {
  'users.list': (ctx) => {
    const now = ctx.now().getTime();
    return (ctx.db.prepare('SELECT * FROM users ORDER BY active DESC, role, name').all() as UserRow[]).map((r) => {
      const user = rowToEditableUser(r);
      return {
        ...user,
        lockedUntil: r.locked_until && Date.parse(r.locked_until) > now ? r.locked_until : null,
        openDispositions: user.role === 'kasi' && user.active ? toHandBack(ctx.db, user).length : 0,
      };
    });
  },
  'users.unlock': (ctx, { id }) =>
    write(ctx.db, () => {
      getUser(ctx, id);
      ctx.db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(id);
      audit(ctx, 'user.unlocked', id);
      return { ok: true as const };
    }),
  'users.create': async (ctx, { username, password, user }) => {
    const hash = await hashPassword(password);
    return write(ctx.db, () => {
      const created = insertUser(ctx, username, hash, user, true);
      audit(ctx, 'user.created', created.id, { role: created.role, active: created.active });
      return created;
    });
  },
  'users.update': (ctx, { id, rowVersion, user }) =>
    write(ctx.db, () => {
      const before = getUser(ctx, id);
      const actorId = ctx.user?.id ?? null;
      const losesAdmin = before.role === 'admin' && before.active && (user.role !== 'admin' || !user.active);
      if (losesAdmin) {
        const admins = ctx.db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1").get() as { n: number };
        // Told at the box that would take it away: the switch, or the role.
        if (admins.n <= 1) {
          throw user.active
            ? new TanggapError('conflict', 'Akun ini satu-satunya Admin aktif; perannya tidak dapat diganti. Jadikan pengguna lain Admin terlebih dahulu.', 'role')
            : new TanggapError('conflict', 'Akun ini satu-satunya Admin aktif; tidak dapat dinonaktifkan. Jadikan pengguna lain Admin terlebih dahulu.', 'active');
        }
      }
      const { changes } = ctx.db
        .prepare(
          `UPDATE users SET name = ?, nip = ?, jabatan = ?, pangkat = ?, role = ?, seksi = ?, active = ?, updated_at = ?,
             row_version = row_version + 1, updated_by = ? WHERE id = ? AND row_version = ?`,
        )
        .run(user.name, user.nip, user.jabatan, user.pangkat, user.role, user.role === 'kasi' ? user.seksi : '', user.active ? 1 : 0, nowIso(ctx), actorId, id, rowVersion);
      if (changes === 0) {
        const last = ctx.db.prepare('SELECT updated_by, updated_at FROM users WHERE id = ?').get(id) as { updated_by: number | null; updated_at: string };
        throw staleEdit(ctx.db, last.updated_by, last.updated_at, actorId);
      }
      if (!user.active || user.role !== before.role) endUserSessions(ctx, id, 'admin');
      const after = getUser(ctx, id);
      // A Kasi who leaves (mutasi) or changes role: the dispositions still his to work on
      // go back to whoever disposed them, to be sent to another Kasi.
      if (before.role === 'kasi' && before.active && (!after.active || after.role !== 'kasi')) {
        handBackDispositionsOf(ctx, { ...before, id, role: 'kasi' }, actorId ?? id, nowIso(ctx));
      }
      const changed = (Object.keys(user) as (keyof UserFields)[]).filter((k) => before[k] !== after[k]);
      audit(ctx, before.active && !after.active ? 'user.deactivated' : 'user.updated', id, { changed, role: after.role, active: after.active });
      return after;
    }),
  'users.resetPassword': async (ctx, { id, password }) => {
    const hash = await hashPassword(password);
    write(ctx.db, () => {
      getUser(ctx, id);
      ctx.db
        // updated_at (and updated_by) tell who last edited the account's fields, as a stale
        // edit's refusal says; a password's changes are on the audit trail instead.
        .prepare('UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL, must_change_password = 1 WHERE id = ?')
        .run(hash, id);
      endUserSessions(ctx, id, 'admin');
      audit(ctx, 'user.password_reset', id);
    });
    return { ok: true as const };
  },
};

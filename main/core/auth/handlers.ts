import { LOGIN_LOCK_MINUTES, LOGIN_MAX_FAILURES } from '../../../shared/domain';
import type { CoreDeps, Handlers, SessionUser } from '../context';
import { requireUser, write } from '../context';
import { TanggapError } from '../errors';
import { findOffice } from '../office/settings';
import { rowToUser, type UserRow } from '../users/rows';
import { hashPassword, verifyPassword } from './passwords';
import { createSession, endSession, endUserSessions } from './sessions';

const WRONG = 'Nama pengguna atau kata sandi salah.';

export function withOffice(deps: CoreDeps, user: SessionUser) {
  return { ...user, officeName: findOffice(deps.db)?.name ?? '' };
}

export const authHandlers: Pick<Handlers, 'auth.login' | 'auth.logout' | 'auth.me' | 'auth.changePassword'> = {
  'auth.login': async (ctx, { username, password }) => {
    const row = ctx.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    const now = ctx.now();
    if (row?.locked_until && Date.parse(row.locked_until) > now.getTime()) {
      const minutes = Math.ceil((Date.parse(row.locked_until) - now.getTime()) / 60_000);
      throw new TanggapError(
        'locked',
        `Akun dikunci sementara karena ${LOGIN_MAX_FAILURES} kali salah kata sandi. Coba lagi dalam ${minutes} menit, atau minta admin mengatur ulang kata sandi.`,
      );
    }
    // Verify even for an unknown user so timing does not tell which names exist.
    const ok = await verifyPassword(row?.password_hash ?? DUMMY_HASH, password);
    if (!row || !ok) {
      if (row) {
        const failures = row.failed_logins + 1;
        const lock = failures >= LOGIN_MAX_FAILURES;
        ctx.db
          .prepare('UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?')
          .run(lock ? 0 : failures, lock ? new Date(now.getTime() + LOGIN_LOCK_MINUTES * 60_000).toISOString() : null, row.id);
        if (lock) {
          ctx.log.warn(`akun #${row.id} dikunci ${LOGIN_LOCK_MINUTES} menit setelah ${LOGIN_MAX_FAILURES} kali gagal masuk`);
          throw new TanggapError(
            'locked',
            `Kata sandi salah ${LOGIN_MAX_FAILURES} kali; akun dikunci ${LOGIN_LOCK_MINUTES} menit. Minta admin mengatur ulang kata sandi bila lupa.`,
          );
        }
      }
      throw new TanggapError('unauthenticated', WRONG, 'password');
    }
    if (row.active !== 1) {
      throw new TanggapError('forbidden', 'Akun ini sudah dinonaktifkan. Hubungi admin kantor.');
    }
    const token = write(ctx.db, () => {
      ctx.db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(row.id);
      return createSession(ctx, row.id);
    });
    if (ctx.session.token) endSession(ctx, ctx.session.token);
    ctx.session.setToken(token);
    return withOffice(ctx, rowToUser(row));
  },
  'auth.logout': (ctx) => {
    if (ctx.session.token) endSession(ctx, ctx.session.token);
    ctx.session.setToken(null);
    return { ok: true as const };
  },
  'auth.me': (ctx) => (ctx.user ? withOffice(ctx, ctx.user) : null),
  'auth.changePassword': async (ctx, { oldPassword, newPassword }) => {
    const user = requireUser(ctx);
    const row = ctx.db.prepare('SELECT password_hash FROM users WHERE id = ?').get(user.id) as { password_hash: string };
    if (!(await verifyPassword(row.password_hash, oldPassword))) {
      throw new TanggapError('validation', 'Kata sandi lama salah.', 'oldPassword');
    }
    const hash = await hashPassword(newPassword);
    write(ctx.db, () => {
      ctx.db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(hash, ctx.now().toISOString(), user.id);
      endUserSessions(ctx, user.id);
      const token = createSession(ctx, user.id);
      ctx.session.setToken(token);
    });
    return { ok: true as const };
  },
};

// A valid argon2id hash of a random string, for constant-time refusal.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$JDYHP33kMPINS19Z4TN5Tw$SJrGtTzx0eUC8VB0IjQnlkgweYd5BZZlShTt3mzp0u8';

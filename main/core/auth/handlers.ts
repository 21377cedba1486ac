import { LOGIN_LOCK_MINUTES, LOGIN_MAX_FAILURES } from '../../../shared/domain';
import { appendAudit } from '../audit/chain';
import type { CoreDeps, Ctx, Handlers, SessionUser } from '../context';
import { nowIso, requireUser, write } from '../context';
import { TanggapError } from '../errors';
import { signsForHead } from '../documents/signer';
import { findOffice } from '../office/settings';
import { rowToUser, type UserRow } from '../users/rows';
import { hashPassword, verifyPassword } from './passwords';
import { lockMinutesAfter } from './rateLimit';
import { closeKiosk, findKiosk } from '../skm/kiosk';
import { createSession, endSession, endUserSessions } from './sessions';

// One answer for every refused login, so it does not tell which usernames exist or
// which accounts are locked; the audit row records the real reason.
export const LOGIN_REFUSED = `Nama pengguna atau kata sandi salah, atau akun sedang dikunci atau dinonaktifkan. Periksa ejaan lalu coba lagi; bila sudah ${LOGIN_MAX_FAILURES} kali salah, tunggu ${LOGIN_LOCK_MINUTES} menit atau minta Admin kantor membuka kunci akun (menu Pengguna), mengaktifkannya kembali, atau mengatur ulang kata sandi bila lupa.`;

type LoginFailure = 'unknown_user' | 'wrong_password' | 'locked' | 'inactive';

// Object.assign rather than a spread given more fields: see dispatch.ts. signsForHead is
// for the screens (menu and routes) as of now; signing checks it again when it happens.
export function withOffice(deps: CoreDeps, user: SessionUser, mustChangePassword: boolean) {
  const office = findOffice(deps.db);
  const now = deps.now().toISOString();
  const signs = office !== null && signsForHead(deps.db, user, now);
  return Object.assign({}, user, { officeName: office?.name ?? '', mustChangePassword, signsForHead: signs, hostTime: now });
}

function failLogin(ctx: Ctx, userId: number | null, reason: LoginFailure, during?: PasswordPurpose) {
  if (during) appendAudit(ctx.db, { at: nowIso(ctx), actorId: userId, action: 'password.confirm_failed', entity: 'user', entityId: userId, data: { reason, during } });
  else appendAudit(ctx.db, { at: nowIso(ctx), actorId: null, action: 'login.failed', entity: 'user', entityId: userId, data: { reason } });
}

// Why a signed-in user's password is asked again (the audit row says which).
export type PasswordPurpose = 'sign' | 'change_password';

// Each user's confirmations, one at a time: every attempt is counted before its password
// is checked (as at login), so twelve letters signed at once would otherwise count as
// twelve attempts and lock the account; in turn, each right one clears the count first.
const confirming = new Map<number, Promise<unknown>>();

/**
 * A signed-in user's password asked again, to sign or to change it. Every wrong one
 * counts toward the same lock as a wrong login, and reaching it also ends the user's
 * sessions: an open session gives no more guesses than the login page. A right one
 * clears the count, as a login does. Throws `wrong` for a wrong password.
 */
export function confirmPassword(ctx: Ctx, user: SessionUser, password: string, during: PasswordPurpose, wrong: TanggapError): Promise<void> {
  const run = (confirming.get(user.id) ?? Promise.resolve()).then(() => confirmOnce(ctx, user, password, during, wrong));
  const settled = run.catch(() => undefined);
  confirming.set(user.id, settled);
  void settled.then(() => {
    if (confirming.get(user.id) === settled) confirming.delete(user.id);
  });
  return run;
}

async function confirmOnce(ctx: Ctx, user: SessionUser, password: string, during: PasswordPurpose, wrong: TanggapError): Promise<void> {
  const row = admitAttempt(ctx, user.username, during);
  const ok = await verifyPassword(row?.password_hash ?? DUMMY_HASH, password);
  if (row && ok) {
    write(ctx.db, () => ctx.db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(row.id));
    return;
  }
  const lockedUntil = write(ctx.db, () => {
    if (row) failLogin(ctx, row.id, 'wrong_password', during);
    const { locked_until } = ctx.db.prepare('SELECT locked_until FROM users WHERE id = ?').get(user.id) as { locked_until: string | null };
    return locked_until && Date.parse(locked_until) > ctx.now().getTime() ? locked_until : null;
  });
  if (!lockedUntil) throw wrong;
  const minutes = Math.ceil((Date.parse(lockedUntil) - ctx.now().getTime()) / 60_000);
  if (!row) {
    // Locked already, by wrong logins perhaps not this person's: refused unchecked, the
    // sessions kept (a lock only stops new logins and these checks).
    throw new TanggapError(
      'locked',
      `Akun Anda sedang dikunci sementara karena kata sandi salah berkali-kali (di layar masuk atau di sini); kata sandi tidak diperiksa. Coba lagi setelah ${minutes} menit, atau minta Admin kantor membuka kunci akun Anda di menu Pengguna.`,
    );
  }
  // This very attempt reached the limit: the user's sessions end with it.
  write(ctx.db, () => endUserSessions(ctx, user.id, 'locked'));
  ctx.session.setToken(null);
  throw new TanggapError(
    'unauthenticated',
    `Kata sandi salah ${LOGIN_MAX_FAILURES} kali: akun dikunci sementara dan Anda dikeluarkan. Masuk lagi setelah ${minutes} menit, atau minta admin kantor mengatur ulang kata sandi.`,
  );
}

// Counts the attempt before the password is checked, inside the write lock: parallel
// guesses queue here, and once the limit is reached the rest are refused unchecked.
// `during`: the password asked again of someone signed in (confirmPassword), not a login.
function admitAttempt(ctx: Ctx, username: string, during?: PasswordPurpose): UserRow | null {
  return write(ctx.db, () => {
    const row = ctx.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    const now = ctx.now();
    const refuse = (reason: LoginFailure) => (failLogin(ctx, row?.id ?? null, reason, during), null);
    if (!row) return refuse('unknown_user');
    if (row.active !== 1) return refuse('inactive');
    if (row.locked_until && Date.parse(row.locked_until) > now.getTime()) return refuse('locked');
    const attempts = row.failed_logins + 1;
    let lockedUntil = row.locked_until;
    if (attempts % LOGIN_MAX_FAILURES === 0) {
      const minutes = lockMinutesAfter(attempts);
      lockedUntil = new Date(now.getTime() + minutes * 60_000).toISOString();
      appendAudit(ctx.db, { at: now.toISOString(), actorId: null, action: 'login.locked', entity: 'user', entityId: row.id, data: { attempts, minutes } });
      ctx.log.warn(`akun #${row.id} dikunci ${minutes} menit setelah ${attempts} kali mencoba masuk`);
    }
    ctx.db.prepare('UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?').run(attempts, lockedUntil, row.id);
    return row;
  });
}

export const authHandlers: Pick<Handlers, 'auth.login' | 'auth.logout' | 'auth.me' | 'auth.changePassword'> = {
  'auth.login': async (ctx, { username, password }) => {
    const row = admitAttempt(ctx, username);
    // Verify even when refused already, so timing does not tell the cases apart.
    const ok = await verifyPassword(row?.password_hash ?? DUMMY_HASH, password);
    if (!row || !ok) {
      if (row) write(ctx.db, () => failLogin(ctx, row.id, 'wrong_password'));
      throw new TanggapError('unauthenticated', LOGIN_REFUSED, 'password');
    }
    const token = write(ctx.db, () => {
      const at = nowIso(ctx);
      ctx.db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(row.id);
      appendAudit(ctx.db, { at, actorId: row.id, action: 'login.succeeded', entity: 'user', entityId: row.id });
      // Signing in where the SKM kiosk runs (in a browser, another tab shares its cookie)
      // ends the kiosk, and the audit trail says by whom.
      const kiosk = findKiosk(ctx, ctx.session.token);
      if (kiosk) {
        closeKiosk(ctx.db, kiosk.id, at);
        appendAudit(ctx.db, { at, actorId: row.id, action: 'skm.kiosk_ended', entity: 'skm_kiosk', entityId: kiosk.id, data: { by: 'login' } });
      }
      return createSession(ctx, row.id);
    });
    if (ctx.session.token) endSession(ctx, ctx.session.token);
    ctx.session.setToken(token);
    return withOffice(ctx, rowToUser(row), row.must_change_password === 1);
  },
  'auth.logout': (ctx) => {
    const { token } = ctx.session;
    if (token) {
      write(ctx.db, () => {
        endSession(ctx, token);
        if (ctx.user) appendAudit(ctx.db, { at: nowIso(ctx), actorId: ctx.user.id, action: 'logout', entity: 'user', entityId: ctx.user.id });
      });
    }
    ctx.session.setToken(null);
    return { ok: true as const };
  },
  'auth.me': (ctx) => {
    if (!ctx.user) return null;
    return withOffice(ctx, ctx.user, ctx.mustChangePassword);
  },
  'auth.changePassword': async (ctx, { oldPassword, newPassword }) => {
    const user = requireUser(ctx);
    await confirmPassword(ctx, user, oldPassword, 'change_password', new TanggapError('validation', 'Kata sandi lama salah.', 'oldPassword'));
    if (newPassword === oldPassword) {
      throw new TanggapError('validation', 'Kata sandi baru harus berbeda dari kata sandi lama.', 'newPassword');
    }
    const hash = await hashPassword(newPassword);
    write(ctx.db, () => {
      ctx.db
        // Not updated_at: that dates the last edit of the account's fields (users.update).
        .prepare('UPDATE users SET password_hash = ?, must_change_password = 0 WHERE id = ?')
        .run(hash, user.id);
      appendAudit(ctx.db, { at: nowIso(ctx), actorId: user.id, action: 'password.changed', entity: 'user', entityId: user.id });
      endUserSessions(ctx, user.id, 'password');
      const token = createSession(ctx, user.id);
      ctx.session.setToken(token);
    });
    return { ok: true as const };
  },
};

// A valid argon2id hash of a random string, for constant-time refusal.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$JDYHP33kMPINS19Z4TN5Tw$SJrGtTzx0eUC8VB0IjQnlkgweYd5BZZlShTt3mzp0u8';

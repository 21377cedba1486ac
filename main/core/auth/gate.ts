import { contract, type CallName } from '../../../shared/contract';
import { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } from '../../../shared/domain';
import { officeWords } from '../office/settings';
import type { CoreDeps, SessionCarrier, SessionUser } from '../context';
import { TanggapError } from '../errors';
import { resolveSession, type ResolvedSession } from './sessions';

const NO_SESSION: ResolvedSession = { user: null, mustChangePassword: false, expired: null };
const EXPIRED: Record<NonNullable<ResolvedSession['expired']>, string> = {
  idle: `Sesi Anda berakhir karena tidak ada aktivitas selama ${SESSION_IDLE_MINUTES} menit. Silakan masuk lagi; isian yang belum disimpan tetap ada.`,
  max: `Sesi Anda berakhir karena sudah ${SESSION_MAX_HOURS} jam sejak masuk. Silakan masuk lagi; isian yang belum disimpan tetap ada.`,
  admin:
    'Sesi Anda diakhiri karena Admin kantor mengubah akun Anda (mengatur ulang kata sandi, mengganti peran atau menonaktifkan akun). Silakan masuk lagi; bila tidak dapat masuk, hubungi Admin. Isian yang belum disimpan tetap ada.',
  password: 'Sesi Anda diakhiri karena kata sandi akun ini diganti. Silakan masuk lagi dengan kata sandi yang baru; isian yang belum disimpan tetap ada.',
  locked: 'Sesi Anda diakhiri karena kata sandi salah berkali-kali dan akun dikunci sementara. Masuk lagi setelah kuncinya berakhir, atau minta Admin kantor membuka kunci akun Anda.',
};

// Live session and allowed role for a call, before its input is looked at: dispatch
// runs it first, and the HTTP server runs it before it reads an upload's body.
// Returns the signed-in user (null for a public call without session), and whether their
// password must still be replaced, or throws the refusal.
export function admit(deps: CoreDeps, name: CallName, session: SessionCarrier): { user: SessionUser | null; mustChangePassword: boolean } {
  const spec = contract[name];
  const resolved = session.token ? resolveSession(deps, session.token, !session.quiet) : NO_SESSION;
  if (resolved.expired) session.setToken(null);
  const { user, mustChangePassword } = resolved;
  if (spec.access === 'public') return { user, mustChangePassword };
  if (!user) throw new TanggapError('unauthenticated', resolved.expired ? EXPIRED[resolved.expired] : 'Silakan masuk terlebih dahulu.');
  // A password the Admin chose is known to two people: nothing else until it is replaced.
  if (mustChangePassword && name !== 'auth.changePassword') {
    throw new TanggapError(
      'forbidden',
      'Kata sandi Anda dibuat atau diatur ulang oleh admin. Ganti kata sandi terlebih dahulu di layar "Ganti kata sandi", lalu lanjutkan pekerjaan.',
    );
  }
  if (spec.access !== 'user' && !spec.access.includes(user.role)) {
    throw new TanggapError('forbidden', `Peran ${officeWords(deps.db).role(user.role)} tidak berwenang untuk tindakan ini.`);
  }
  return { user, mustChangePassword };
}

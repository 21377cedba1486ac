import { createHash, randomBytes } from 'node:crypto';
import { LOGIN_MAX_FAILURES, SESSION_MAX_HOURS } from '../../../shared/domain';
import { lockMinutesAfter } from '../auth/rateLimit';
import type { CoreDeps } from '../context';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { TanggapError } from '../errors';

// The SKM kiosk on the office PC. Opening it ends the Staf's session on that PC and puts
// a kiosk token in its place: a token of another table, so it never resolves to a user
// and the gate refuses every call that needs one. Only the kiosk calls read it, and they
// can submit a questionnaire and close the kiosk with the Staf's password, nothing else.

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const MAX_MS = SESSION_MAX_HOURS * 3_600_000;

export interface Kiosk {
  id: number;
  userId: number;
  staffName: string;
  passwordHash: string;
  startedAt: string;
  failedExits: number;
  exitLockedUntil: string | null;
}

export function openKiosk(db: Db, userId: number, at: string): { id: number; token: string } {
  const token = randomBytes(32).toString('base64url');
  const info = stmt(db, 'INSERT INTO skm_kiosks (token_hash, user_id, started_at) VALUES (?, ?, ?)').run(tokenHash(token), userId, at);
  return { id: Number(info.lastInsertRowid), token };
}

/** The open kiosk this token belongs to; null for any other token (a user's session included). */
export function findKiosk(deps: Pick<CoreDeps, 'db' | 'now'>, token: string | null): Kiosk | null {
  if (!token) return null;
  const row = stmt(
    deps.db,
    `SELECT k.id, k.user_id AS userId, u.name AS staffName, u.password_hash AS passwordHash, k.started_at AS startedAt,
       k.failed_exits AS failedExits, k.exit_locked_until AS exitLockedUntil
     FROM skm_kiosks k JOIN users u ON u.id = k.user_id
     WHERE k.token_hash = ? AND k.ended_at IS NULL AND u.active = 1`,
  ).get(tokenHash(token)) as Kiosk | undefined;
  // A kiosk left running lasts no longer than a session would.
  if (!row || deps.now().getTime() - Date.parse(row.startedAt) > MAX_MS) return null;
  return row;
}

export function requireKiosk(deps: Pick<CoreDeps, 'db' | 'now'>, token: string | null): Kiosk {
  const kiosk = findKiosk(deps, token);
  if (!kiosk) throw new TanggapError('forbidden', 'Mode kios SKM tidak aktif di komputer ini. Minta petugas masuk lalu membuka mode kios lagi.');
  return kiosk;
}

export function closeKiosk(db: Db, kioskId: number, at: string): void {
  stmt(db, 'UPDATE skm_kiosks SET ended_at = ? WHERE id = ?').run(at, kioskId);
}

/** Refuses while wrong passwords have locked the exit. */
export function checkExitLock(kiosk: Kiosk, now: Date): void {
  const left = kiosk.exitLockedUntil ? Date.parse(kiosk.exitLockedUntil) - now.getTime() : 0;
  if (left > 0) {
    throw new TanggapError('locked', `Kata sandi salah ${LOGIN_MAX_FAILURES} kali. Tunggu ${Math.ceil(left / 60_000)} menit sebelum mencoba keluar dari mode kios lagi.`);
  }
}

/** Counts a wrong exit password; every fifth locks the exit, each time twice as long, as login does. */
export function countFailedExit(db: Db, kiosk: Kiosk, now: Date): void {
  const failed = kiosk.failedExits + 1;
  const lockedUntil = failed % LOGIN_MAX_FAILURES === 0 ? new Date(now.getTime() + lockMinutesAfter(failed) * 60_000).toISOString() : kiosk.exitLockedUntil;
  stmt(db, 'UPDATE skm_kiosks SET failed_exits = ?, exit_locked_until = ? WHERE id = ?').run(failed, lockedUntil, kiosk.id);
}

// A person answers nine questions and a profile in well over this; a faster stream is a
// script trying to sway the index.
export const KIOSK_MIN_INTERVAL_MS = 10_000;

export function checkKioskPace(db: Db, kiosk: Kiosk, now: Date): void {
  const last = stmt(db, "SELECT max(at) AS at FROM skm_responses WHERE kiosk_id = ? AND source = 'kiosk'").get(kiosk.id) as { at: string | null };
  if (last.at && now.getTime() - Date.parse(last.at) < KIOSK_MIN_INTERVAL_MS) {
    throw new TanggapError('rate_limited', `Kios ini baru saja menerima kuesioner lain. Tunggu ${KIOSK_MIN_INTERVAL_MS / 1000} detik, lalu tekan “Kirim penilaian” lagi; jawaban Anda masih ada di layar.`);
  }
}

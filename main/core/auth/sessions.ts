import { createHash, randomBytes } from 'node:crypto';
import { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } from '../../../shared/domain';
import type { CoreDeps, SessionUser } from '../context';
import { rowToUser, type UserRow } from '../users/rows';

// Only the token's hash is stored, so a copied database file holds no live session.
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const IDLE_MS = SESSION_IDLE_MINUTES * 60_000;
const MAX_MS = SESSION_MAX_HOURS * 3_600_000;
// Touch last_seen at most once a minute: a write per call is needless.
const TOUCH_MS = 60_000;

export function createSession(deps: CoreDeps, userId: number): string {
  const token = randomBytes(32).toString('base64url');
  const now = deps.now().toISOString();
  deps.db
    .prepare('INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)')
    .run(tokenHash(token), userId, now, now);
  return token;
}

export function endSession(deps: CoreDeps, token: string): void {
  deps.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(token));
}

export function endUserSessions(deps: CoreDeps, userId: number): void {
  deps.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
}

export interface ResolvedSession {
  user: SessionUser | null;
  mustChangePassword: boolean;
  // Why a presented token no longer works: idle too long, or past the absolute lifetime.
  expired: 'idle' | 'max' | null;
}

export function resolveSession(deps: CoreDeps, token: string): ResolvedSession {
  const hash = tokenHash(token);
  const row = deps.db
    .prepare(
      `SELECT s.last_seen_at AS lastSeen, s.created_at AS startedAt, u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
    )
    .get(hash) as (UserRow & { lastSeen: string; startedAt: string }) | undefined;
  if (!row) return { user: null, mustChangePassword: false, expired: null };
  const now = deps.now();
  const idle = now.getTime() - Date.parse(row.lastSeen);
  const expired = now.getTime() - Date.parse(row.startedAt) > MAX_MS ? 'max' : idle > IDLE_MS || !row.active ? 'idle' : null;
  if (expired) {
    deps.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hash);
    return { user: null, mustChangePassword: false, expired };
  }
  if (idle > TOUCH_MS) {
    deps.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now.toISOString(), hash);
  }
  return { user: rowToUser(row), mustChangePassword: row.must_change_password === 1, expired: null };
}

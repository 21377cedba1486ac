import { createHash, randomBytes } from 'node:crypto';
import { SESSION_IDLE_MINUTES } from '../../../shared/domain';
import type { CoreDeps, SessionUser } from '../context';
import { rowToUser, type UserRow } from '../users/rows';

// Only the token's hash is stored, so a copied database file holds no live session.
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const IDLE_MS = SESSION_IDLE_MINUTES * 60_000;
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

export function resolveSession(deps: CoreDeps, token: string): { user: SessionUser | null; expired: boolean } {
  const hash = tokenHash(token);
  const row = deps.db
    .prepare(
      `SELECT s.last_seen_at AS lastSeen, u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
    )
    .get(hash) as (UserRow & { lastSeen: string }) | undefined;
  if (!row) return { user: null, expired: false };
  const now = deps.now();
  const idle = now.getTime() - Date.parse(row.lastSeen);
  if (idle > IDLE_MS || !row.active) {
    deps.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hash);
    return { user: null, expired: true };
  }
  if (idle > TOUCH_MS) {
    deps.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now.toISOString(), hash);
  }
  return { user: rowToUser(row), expired: false };
}

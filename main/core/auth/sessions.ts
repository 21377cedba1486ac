import { createHash, hash, randomBytes } from 'node:crypto';
import { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } from '../../../shared/domain';
import type { CoreDeps, SessionUser } from '../context';
import { optimizeIfDue, type Db } from '../db/open';
import { changedUnstamped, pluck, stmt } from '../db/statements';
import { rowToUser, type UserRow } from '../users/rows';

// Only the token's hash is stored, so a copied database file holds no live session.
const sha256: (token: string) => string =
  typeof hash === 'function' ? (token) => hash('sha256', token, 'hex') : (token) => createHash('sha256').update(token).digest('hex');
// Every call looks its session up by the hash: those of the tokens presented lately are
// kept (a few microseconds each, more once a change has pushed the hashing code out of
// the processor's caches), a logout's forgotten with it.
const hashes = new Map<string, string>();
const HASHES_KEPT = 256;
function tokenHash(token: string): string {
  let h = hashes.get(token);
  if (h === undefined) {
    if (hashes.size >= HASHES_KEPT) hashes.clear();
    hashes.set(token, (h = sha256(token)));
  }
  return h;
}
const IDLE_MS = SESSION_IDLE_MINUTES * 60_000;
const MAX_MS = SESSION_MAX_HOURS * 3_600_000;
// Touch last_seen at most once a minute: a write per call is needless.
const TOUCH_MS = 60_000;

// Sessions that can no longer be used are deleted, so the table holds only live ones
// and those ended lately: once per connection, at its first session lookup, and at every
// login. An ended session is kept a day (KEEP_MS) after it could last have been used,
// so the person coming back is still told why it ended (idle, or past its lifetime);
// a token presented after that is simply unknown.
const KEEP_MS = 24 * 3_600_000;

export function purgeExpiredSessions(db: Db, now: Date): number {
  // A session ends at the latest 30 minutes after its last use; one last used more than
  // its lifetime plus a day ago has been over for more than a day.
  return stmt(db, 'DELETE FROM sessions WHERE last_seen_at < ?').run(new Date(now.getTime() - MAX_MS - KEEP_MS).toISOString()).changes;
}

const purgedAtOpen = new WeakSet<Db>();

export function createSession(deps: CoreDeps, userId: number): string {
  const token = randomBytes(32).toString('base64url');
  const now = deps.now();
  purgeExpiredSessions(deps.db, now);
  // A login is a moment when a few more milliseconds go unnoticed.
  optimizeIfDue(deps.db);
  stmt(deps.db, 'INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)').run(
    tokenHash(token),
    userId,
    now.toISOString(),
    now.toISOString(),
  );
  return token;
}

export function endSession(deps: CoreDeps, token: string): void {
  stmt(deps.db, 'DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(token));
  hashes.delete(token);
}

// Why a user's sessions were ended at once: the Admin changed the account (its password
// reset, its role changed, the account switched off), its own password was changed, or
// wrong passwords locked it. Kept in memory by the token's hash, so the person whose screen
// is still open is told why at the next call, until the app restarts.
export type EndedWhy = 'admin' | 'password' | 'locked';
const endedWhy = new Map<string, EndedWhy>();
const ENDED_KEPT = 1_000;

export function endUserSessions(deps: CoreDeps, userId: number, why: EndedWhy): void {
  const ended = pluck(deps.db, 'SELECT token_hash FROM sessions WHERE user_id = ?').all(userId) as string[];
  if (endedWhy.size + ended.length > ENDED_KEPT) endedWhy.clear();
  for (const h of ended) endedWhy.set(h, why);
  stmt(deps.db, 'DELETE FROM sessions WHERE user_id = ?').run(userId);
}

export interface ResolvedSession {
  user: SessionUser | null;
  mustChangePassword: boolean;
  // Why a presented token no longer works: idle too long, past the absolute lifetime, or
  // ended with all of its user's sessions (endUserSessions).
  expired: 'idle' | 'max' | EndedWhy | null;
}

// A session and its user, by the token's primary key first (CROSS JOIN keeps that order
// whatever the statistics say): only the columns a session needs, not the password hash
// or the signature image every call would otherwise copy.
const SESSION_USER = `SELECT s.last_seen_at AS lastSeen, s.created_at AS startedAt, u.id, u.username, u.name, u.nip, u.jabatan, u.pangkat, u.role, u.seksi, u.active,
    u.must_change_password FROM sessions s CROSS JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`;
type SessionRow = Pick<UserRow, 'id' | 'username' | 'name' | 'nip' | 'jabatan' | 'pangkat' | 'role' | 'seksi' | 'active' | 'must_change_password'> & { lastSeen: string; startedAt: string };

// `touch`: the call is someone's activity, which keeps the session from going idle.
export function resolveSession(deps: CoreDeps, token: string, touch = true): ResolvedSession {
  const hash = tokenHash(token);
  if (!purgedAtOpen.has(deps.db)) {
    purgedAtOpen.add(deps.db);
    purgeExpiredSessions(deps.db, deps.now());
  }
  const row = stmt(deps.db, SESSION_USER).get(hash) as SessionRow | undefined;
  if (!row) return { user: null, mustChangePassword: false, expired: endedWhy.get(hash) ?? null };
  const now = deps.now();
  const idle = now.getTime() - Date.parse(row.lastSeen);
  const expired = now.getTime() - Date.parse(row.startedAt) > MAX_MS ? 'max' : idle > IDLE_MS || !row.active ? 'idle' : null;
  if (expired) {
    stmt(deps.db, 'DELETE FROM sessions WHERE token_hash = ?').run(hash);
    return { user: null, mustChangePassword: false, expired };
  }
  if (touch && idle > TOUCH_MS) {
    const { changes } = stmt(deps.db, 'UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now.toISOString(), hash);
    // Not a change of the office's data: what is kept for it stays valid.
    changedUnstamped(deps.db, changes);
  }
  return { user: rowToUser(row), mustChangePassword: row.must_change_password === 1, expired: null };
}

// The signed-in user of a live session, read without touching it: an open screen hearing
// live events is not activity, so it must not keep an idle session alive. Null for an
// unknown, ended or expired token, and while the password must still be changed.
export function peekSession(deps: CoreDeps, token: string): SessionUser | null {
  const row = stmt(deps.db, SESSION_USER).get(tokenHash(token)) as SessionRow | undefined;
  if (!row || !row.active || row.must_change_password === 1) return null;
  const now = deps.now().getTime();
  if (now - Date.parse(row.startedAt) > MAX_MS || now - Date.parse(row.lastSeen) > IDLE_MS) return null;
  return rowToUser(row);
}

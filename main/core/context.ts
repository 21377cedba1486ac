import type { CallArgs, CallName, CallOutput } from '../../shared/contract';
import type { Role } from '../../shared/domain';
import type { Db } from './db/open';
import type { BackupRuntime } from './backup/types';
import { TanggapError } from './errors';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
}

export interface SessionUser {
  id: number;
  username: string;
  name: string;
  nip: string;
  jabatan: string;
  pangkat: string;
  role: Role;
  seksi: string;
  active: boolean;
}

// What a transport knows of its caller's session: a token it keeps (cookie, or
// per window in Electron) and a way to replace it after login or logout.
export interface SessionCarrier {
  token: string | null;
  setToken(token: string | null): void;
}

export interface CoreDeps {
  // Replaced by a restore (the old connection is closed): read it at call time.
  db: Db;
  dataDir: string;
  now: () => Date;
  log: Logger;
  backup: BackupRuntime;
}

export interface Ctx extends CoreDeps {
  user: SessionUser | null;
  session: SessionCarrier;
}

export type Handler<K extends CallName> = (ctx: Ctx, input: CallArgs<K>) => CallOutput<K> | Promise<CallOutput<K>>;
export type Handlers = { [K in CallName]: Handler<K> };

export function requireUser(ctx: Ctx): SessionUser {
  if (!ctx.user) throw new TanggapError('unauthenticated', 'Silakan masuk terlebih dahulu.');
  return ctx.user;
}

export const nowIso = (ctx: Pick<CoreDeps, 'now'>) => ctx.now().toISOString();

// Runs fn inside BEGIN IMMEDIATE so two writers (two PCs, two windows) queue up
// instead of interleaving; better-sqlite3 rolls back when fn throws.
export function write<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

export const consoleLogger: Logger = {
  info: (m) => console.log(`[tanggap] ${m}`),
  warn: (m) => console.warn(`[tanggap] ${m}`),
  error: (m, err) => console.error(`[tanggap] ${m}`, err instanceof Error ? err.stack : ''),
};

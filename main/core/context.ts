import type { CallArgs, CallName, CallOutput } from '../../shared/contract';
import type { Role } from '../../shared/domain';
import type { Db } from './db/open';
import type { BackupRuntime } from './backup/types';
import type { LanControl } from './server/types';
import { TanggapError } from './errors';
import { commitMark, settleCommit } from './db/afterCommit';
import { pluck } from './db/statements';
import type { EventKind } from '../../shared/events';

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
// per window in Electron) and a way to replace it after login or logout. `quiet`: the
// screen asked on its own (a refresh every minute, on a live event or on focus), not
// someone at the PC, so the call does not keep an idle session alive.
export interface SessionCarrier {
  token: string | null;
  setToken(token: string | null): void;
  readonly quiet?: boolean;
}

export interface CoreDeps {
  // Replaced by a restore (the old connection is closed): read it at call time.
  db: Db;
  dataDir: string;
  now: () => Date;
  log: Logger;
  backup: BackupRuntime;
  // Live events to open screens (main/core/events.ts); Core.watch filters them per session.
  events: EventBus;
  // The LAN server, when a host process runs this core (main/host/host.ts).
  lan?: LanControl;
}

// An event as the core raises it: `to` names the users it is addressed to personally
// (empty for one every open queue hears, which then names no complaint).
export interface CoreEvent {
  kind: EventKind;
  at: string;
  complaintId: number | null;
  registerNo: string | null;
  message: string;
  to: number[];
}

export interface EventBus {
  emit(e: CoreEvent): void;
  subscribe(fn: (e: CoreEvent) => void): () => void;
}

export interface Ctx extends CoreDeps {
  user: SessionUser | null;
  // The Admin chose the user's password: only replacing it is allowed (auth/gate.ts).
  mustChangePassword: boolean;
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
// instead of interleaving; better-sqlite3 rolls back when fn throws. What the write
// noted for after its commit (db/afterCommit.ts) is delivered or dropped here.
export function write<T>(db: Db, fn: () => T): T {
  const mark = commitMark(db);
  const outermost = !db.inTransaction;
  if (outermost) changesAtBegin.set(db, totalChanges(db));
  let committed = false;
  try {
    const result = transactionOf(db).immediate(fn) as T;
    committed = true;
    return result;
  } finally {
    if (outermost) changesAtBegin.delete(db);
    settleCommit(db, mark, committed);
  }
}

// One transaction function per connection, running the fn it is given: db.transaction(fn)
// builds four wrappers and their properties each time (tens of microseconds a write).
const transactions = new WeakMap<Db, ReturnType<Db['transaction']>>();
function transactionOf(db: Db) {
  let t = transactions.get(db);
  if (!t) transactions.set(db, (t = db.transaction((fn: () => unknown) => fn())));
  return t;
}

// The connection's count of changed rows when its outermost write() began.
const changesAtBegin = new WeakMap<Db, number>();
const totalChanges = (db: Db) => pluck(db, 'SELECT total_changes()').get() as number;

// Whether the data read now is the data before any change still open: outside a
// transaction, or in a write() that has changed nothing yet (a rollback cannot undo it).
export function nothingUncommitted(db: Db): boolean {
  return !db.inTransaction || changesAtBegin.get(db) === totalChanges(db);
}

export const consoleLogger: Logger = {
  info: (m) => console.log(`[tanggap] ${m}`),
  warn: (m) => console.warn(`[tanggap] ${m}`),
  error: (m, err) => console.error(`[tanggap] ${m}`, err instanceof Error ? err.stack : ''),
};

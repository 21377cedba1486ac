import type { ClientEvent } from '../../shared/events';
import { DOCUMENT_KIND_LABEL, isSignedKind } from '../../shared/documents/kinds';
import { SIFAT_LABEL, type Sifat } from '../../shared/domain';
import { complaintAccess } from './access';
import { peekSession } from './auth/sessions';
import type { CommittedChange } from './complaints/events';
import type { CoreDeps, CoreEvent, EventBus, Logger, SessionCarrier, SessionUser } from './context';
import { onCommitted } from './db/afterCommit';
import type { Db } from './db/open';
import { stmt } from './db/statements';
import { complaintDrafts, documentActions, inSignatureQueue } from './documents/service';
import type { DocRow } from './documents/store';
import { rowToUser, type UserRow } from './users/rows';
import { loadState, pausesOf } from './workflow/engine';
import { riskOf } from './workflow/queue';
import { isStepExecutor } from './workflow/rules';
import { officeCalendar } from './workflow/standard';

// Live events: what the core tells open screens after a change has committed. The
// complaint history (complaints/events.ts, the one writer of history) hands every
// committed change here; the minute sweep asks for steps running out of time. Each
// event names the users it is addressed to; Core.watch (watchEvents) delivers it to
// one session only while that session is live and may see the complaint.

/** queues.changed is sent at most once in this many milliseconds (a burst becomes one). */
export const QUEUES_CHANGED_EVERY_MS = 300;
// A stream whose session ended (logout, idle, lifetime) is told so within this time
// even when no event comes.
const SESSION_CHECK_MS = 5_000;
// Announcements remembered so each is made once; kept bounded.
const REMEMBERED = 20_000;

export function createEventBus(log: Logger, coalesceMs = QUEUES_CHANGED_EVERY_MS): EventBus & { listening(): boolean } {
  const listeners = new Set<(e: CoreEvent) => void>();
  let lastQueues = 0;
  let trailing: NodeJS.Timeout | null = null;
  const deliver = (e: CoreEvent) => {
    for (const fn of [...listeners]) {
      try {
        fn(e);
      } catch (err) {
        log.error('pengiriman pemberitahuan gagal', err);
      }
    }
  };
  return {
    listening: () => listeners.size > 0,
    subscribe(fn) {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    emit(e) {
      if (e.kind !== 'queues.changed') return deliver(e);
      if (trailing) return;
      const wait = lastQueues + coalesceMs - Date.now();
      if (wait <= 0) {
        lastQueues = Date.now();
        return deliver(e);
      }
      trailing = setTimeout(() => {
        trailing = null;
        lastQueues = Date.now();
        deliver(e);
      }, wait);
      trailing.unref();
    },
  };
}

const bounded = <T>(set: Set<T>) => {
  if (set.size > REMEMBERED) set.clear();
};

function activeUsers(db: Db): SessionUser[] {
  return (stmt(db, "SELECT * FROM users WHERE active = 1 AND role <> 'admin' ORDER BY id").all() as UserRow[]).map(rowToUser);
}

const registerOf = (db: Db, complaintId: number) =>
  (stmt(db, 'SELECT register_no FROM complaints WHERE id = ?').get(complaintId) as { register_no: string } | undefined)?.register_no ?? null;

const nameOf = (db: Db, userId: number | null) =>
  userId === null ? 'sistem' : ((stmt(db, 'SELECT name FROM users WHERE id = ?').get(userId) as { name: string } | undefined)?.name ?? 'pengguna lain');

// Paraf waits for the step's own executor on a journey step. A signature waits for those
// whose signature queue now holds the draft (inSignatureQueue, the queue's own rule): the
// Camat, the Sekcam where he signs, a Kasi on a day he is appointed Plt./Plh.
function awaitingDocuments(deps: CoreDeps, complaintId: number, at: string, users: SessionUser[], announced: Set<string>): CoreEvent[] {
  const { db } = deps;
  const drafts = complaintDrafts(db, complaintId);
  if (!drafts.length) return [];
  const l = loadState(db, complaintId);
  const registerNo = l.c.register_no;
  const out: CoreEvent[] = [];
  const announce = (kind: 'document.awaitingParaf' | 'document.awaitingSignature', row: Pick<DocRow, 'id' | 'kind'>, waits: (u: SessionUser) => boolean) => {
    const to = users
      .filter((u) => !announced.has(`${kind}:${row.id}:${u.id}`) && waits(u))
      .map((u) => u.id);
    if (!to.length) return;
    for (const id of to) announced.add(`${kind}:${row.id}:${id}`);
    const what = kind === 'document.awaitingParaf' ? 'paraf' : 'tanda tangan';
    out.push({ kind, at, complaintId, registerNo, to, message: `${DOCUMENT_KIND_LABEL[row.kind]} pengaduan ${registerNo} menunggu ${what} Anda.` });
  };
  for (const row of drafts) announce('document.awaitingParaf', row, (u) => documentActions(db, u, row, at).includes('paraf') && isStepExecutor(u, l.state));
  for (const row of drafts.filter((d) => isSignedKind(d.kind))) announce('document.awaitingSignature', row, (u) => inSignatureQueue(db, u, row, at));
  return out;
}

function eventsOfChange(deps: CoreDeps, c: CommittedChange, at: string): CoreEvent[] {
  const { db } = deps;
  if (c.action === 'disposition.created') {
    const to = (Array.isArray(c.data.to) ? c.data.to : []).filter((id): id is number => typeof id === 'number');
    const registerNo = registerOf(db, c.complaintId);
    const sifat = SIFAT_LABEL[c.data.sifat as Sifat] ?? '';
    return [{ kind: 'disposition.new', at, complaintId: c.complaintId, registerNo, to, message: `Disposisi baru dari ${nameOf(db, c.actorId)}: pengaduan ${registerNo}${sifat ? ` (${sifat})` : ''}.` }];
  }
  if (c.action === 'disposition.returned') {
    const d = stmt(db, 'SELECT from_user FROM dispositions WHERE id = ?').get(c.data.dispositionId) as { from_user: number } | undefined;
    if (!d) return [];
    const registerNo = registerOf(db, c.complaintId);
    return [{ kind: 'disposition.returned', at, complaintId: c.complaintId, registerNo, to: [d.from_user], message: `Disposisi pengaduan ${registerNo} dikembalikan oleh ${nameOf(db, c.actorId)}.` }];
  }
  // Refused, forwarded or withdrawn while Kasi worked on it: their dispositions ended with it.
  const exit = CLOSING_EXITS[c.action];
  if (exit) {
    const to = (
      stmt(db, "SELECT DISTINCT d.to_user FROM dispositions d JOIN complaints c ON c.id = d.complaint_id WHERE d.complaint_id = ? AND d.state = 'selesai' AND d.ended_at = c.closed_at").all(
        c.complaintId,
      ) as { to_user: number }[]
    )
      .map((d) => d.to_user)
      .filter((id) => id !== c.actorId);
    if (!to.length) return [];
    const registerNo = registerOf(db, c.complaintId);
    const by = c.actorId === null ? ' otomatis' : ` oleh ${nameOf(db, c.actorId)}`;
    return [{ kind: 'complaint.closed', at, complaintId: c.complaintId, registerNo, to, message: `Pengaduan ${registerNo} ${exit}${by}; disposisinya kepada Anda selesai.` }];
  }
  return [];
}

// The side exits that close a complaint, as the event of each says it happened.
const CLOSING_EXITS: Record<string, string | undefined> = {
  'complaint.ditolak': 'ditolak',
  'complaint.bukan_kewenangan': 'diteruskan ke instansi lain',
  'complaint.dicabut': 'dicabut',
};

const QUEUES_CHANGED = (at: string): CoreEvent => ({
  kind: 'queues.changed',
  at,
  complaintId: null,
  registerNo: null,
  message: 'Antrean diperbarui.',
  to: [],
});

export interface LiveEvents {
  bus: EventBus;
  /** Binds a (re)opened connection: its committed complaint changes become events. */
  bind(db: Db): void;
  /** The sweep's part: steps that became at risk or late since the last look, once each. */
  announceDeadlines(): number;
}

export function createLiveEvents(deps: () => CoreDeps, log: Logger): LiveEvents {
  const bus = createEventBus(log);
  // Drafts already announced to a user (kind:document:user); a revision is a new document.
  const announced = new Set<string>();
  // The risk last seen per running step (complaint:step:started).
  const risks = new Map<string, 'berisiko' | 'terlambat'>();
  let looked = false;

  const publish = (items: unknown[]) => {
    // Nobody listening: nothing to work out (the demo seed writes thousands of changes).
    if (!bus.listening()) return;
    const d = deps();
    const at = d.now().toISOString();
    try {
      const changes = items as CommittedChange[];
      const out: CoreEvent[] = [];
      for (const c of changes) out.push(...eventsOfChange(d, c, at));
      const users = activeUsers(d.db);
      for (const id of new Set(changes.map((c) => c.complaintId))) out.push(...awaitingDocuments(d, id, at, users, announced));
      bounded(announced);
      for (const e of out) if (e.to.length) bus.emit(e);
    } catch (err) {
      log.error('menyusun pemberitahuan gagal', err);
    }
    bus.emit(QUEUES_CHANGED(at));
  };

  return {
    bus,
    bind: (db) => onCommitted(db, publish),
    announceDeadlines() {
      const d = deps();
      const now = d.now().toISOString();
      const rows = stmt(
        d.db,
        "SELECT id, register_no, step_no, step_started_at, step_due_at FROM complaints WHERE closed_at IS NULL AND status <> 'tidak_lengkap' AND step_due_at IS NOT NULL AND step_started_at IS NOT NULL",
      ).all() as { id: number; register_no: string; step_no: number; step_started_at: string; step_due_at: string }[];
      const cal = officeCalendar(d.db);
      // The first look after start only learns where things stand: what was late before
      // the app started is on every queue already and is not announced again.
      const quiet = !looked;
      looked = true;
      let users: SessionUser[] | null = null;
      let sent = 0;
      // Only running steps are remembered: a finished step or closed complaint is forgotten,
      // so the memory stays the size of the open work and nothing is announced twice.
      const running = new Set(rows.map((r) => `${r.id}:${r.step_no}:${r.step_started_at}`));
      for (const key of risks.keys()) if (!running.has(key)) risks.delete(key);
      for (const r of rows) {
        const key = `${r.id}:${r.step_no}:${r.step_started_at}`;
        const seen = risks.get(key);
        if (seen === 'terlambat') continue;
        const risk = now > r.step_due_at ? 'terlambat' : riskOf(now, r.step_started_at, r.step_due_at, cal, pausesOf(d.db, r.id)).risk;
        if (risk === 'aman' || risk === seen) continue;
        risks.set(key, risk);
        if (quiet) continue;
        const l = loadState(d.db, r.id);
        users ??= activeUsers(d.db);
        const to = users.filter((u) => isStepExecutor(u, l.state)).map((u) => u.id);
        if (!to.length) continue;
        const late = risk === 'terlambat';
        bus.emit({
          kind: late ? 'step.late' : 'step.atRisk',
          at: now,
          complaintId: r.id,
          registerNo: r.register_no,
          to,
          message: late
            ? `Batas waktu langkah ${r.step_no} pengaduan ${r.register_no} terlampaui.`
            : `Batas waktu langkah ${r.step_no} pengaduan ${r.register_no} hampir habis.`,
        });
        sent++;
      }
      return sent;
    },
  };
}

function visibleTo(deps: CoreDeps, user: SessionUser, e: CoreEvent): ClientEvent | null {
  const forMe = e.to.includes(user.id);
  if (e.to.length && !forMe) return null;
  let complaintId = e.complaintId;
  if (complaintId !== null && !mayOpen(deps, user, complaintId)) {
    // Nothing of a complaint he may not open, but for one thing addressed to him: a Kasi
    // appointed Plt./Plh. is told of a letter awaiting his signature (inSignatureQueue). The
    // notice names its register number, as his signature queue does, but leads to no
    // complaint page that would refuse him.
    if (!forMe || e.kind !== 'document.awaitingSignature') return null;
    complaintId = null;
  }
  return { kind: e.kind, at: e.at, complaintId, registerNo: e.registerNo, message: e.message, forMe };
}

function mayOpen(deps: CoreDeps, user: SessionUser, complaintId: number): boolean {
  try {
    return complaintAccess(deps.db, user, complaintId).see;
  } catch {
    return false;
  }
}

/**
 * Delivers to one session what its user may see, looking the session up again for
 * every event (without touching it). With `onEnd` the watch ends, and says so, once the
 * session has ended (an SSE stream closes); without it the watch stays and delivers
 * again to whoever signs in next through the same carrier (a desktop window).
 */
export function watchEvents(deps: CoreDeps, session: SessionCarrier, send: (e: ClientEvent) => void, onEnd?: () => void): () => void {
  let stopped = false;
  const userNow = () => (session.token ? peekSession(deps, session.token) : null);
  const stop = () => {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    clearInterval(timer);
    onEnd?.();
  };
  const unsubscribe = deps.events.subscribe((e) => {
    if (stopped) return;
    const user = userNow();
    if (!user || user.role === 'admin') {
      if (!user && onEnd) stop();
      return;
    }
    const out = visibleTo(deps, user, e);
    if (out) send(out);
  });
  const timer = onEnd
    ? setInterval(() => {
        if (!userNow()) stop();
      }, SESSION_CHECK_MS)
    : undefined;
  timer?.unref();
  return () => {
    onEnd = undefined;
    stop();
  };
}

import type { Role } from '../../../shared/domain';
import type { ComplaintRow } from '../../../shared/schemas/complaint';
import {
  matchesTaskFilter,
  officeTasksQuerySchema,
  type Clock,
  type Journey,
  type OfficeTasksQuery,
  type RegisterRow,
  type Risk,
  type Sifat,
  type Task,
} from '../../../shared/schemas/workflow';
import { formatDuration } from '../../../shared/time/format';
import { remainingWorkingMinutes, workingMinutesBetween, type OfficeCalendar, type Pause } from '../../../shared/time/workingTime';
import type { CoreDeps, SessionUser } from '../context';
import type { Db } from '../db/open';
import { allowedActions, mayActOnStep } from './rules';
import { autoWithdrawAt, loadState, pausesOf, undoOffer, waitingForOf, type ComplaintState, type Loaded } from './engine';
import { officeCalendar } from './standard';
import { complaintAccess } from '../access';
import { signableDrafts } from '../documents/service';

// "Tugas saya", the office overview and the register's lateness: open complaints with
// the working time left on two clocks (the current step's and the whole standard's) and
// whether each is running out (less than a quarter) or over.

export function riskOf(now: string, startedAt: string, dueAt: string, cal: OfficeCalendar, pauses: Pause[]): { remaining: number; risk: Risk } {
  const remaining = remainingWorkingMinutes(now, dueAt, cal, pauses);
  if (now > dueAt) return { remaining: Math.min(remaining, 0), risk: 'terlambat' };
  const total = workingMinutesBetween(startedAt, dueAt, cal, pauses);
  return { remaining, risk: total > 0 && remaining * 4 < total ? 'berisiko' : 'aman' };
}

// The whole standard's clock, from its start to the total's due; it stands still while
// the file waits for the reporter and has nothing to say once the complaint is closed.
function standardRiskOf(now: string, c: ComplaintState, cal: OfficeCalendar, pauses: Pause[]): Risk | null {
  if (c.closed_at !== null || c.status === 'tidak_lengkap' || !c.clock_started_at || !c.due_at) return null;
  return riskOf(now, c.clock_started_at, c.due_at, cal, pauses).risk;
}

function pauseOf(l: Loaded, cal: OfficeCalendar): { since: string; withdrawAt: string } | null {
  const since = l.c.status === 'tidak_lengkap' && l.c.closed_at === null ? l.c.paused_at : null;
  return since ? { since, withdrawAt: autoWithdrawAt(since, l.standard, cal) } : null;
}

interface TaskRow extends ComplaintState {
  subject: string;
}

const TASK_LIMIT = 500;

function toTask(db: Db, cal: OfficeCalendar, now: string, r: TaskRow, userId: number | null): Task | null {
  const l = loadState(db, r.id);
  if (!l.step || !r.step_started_at || !r.step_due_at) return null;
  const paused = r.status === 'tidak_lengkap';
  const pauses = pausesOf(db, r.id);
  const { remaining, risk } = paused ? { remaining: 0, risk: 'aman' as const } : riskOf(now, r.step_started_at, r.step_due_at, cal, pauses);
  const standardRisk = standardRiskOf(now, r, cal, pauses);
  const d = db
    .prepare(
      `SELECT d.id, d.sifat, d.opened_at, u.name AS from_name FROM dispositions d JOIN users u ON u.id = d.from_user
       WHERE d.complaint_id = ? AND d.state = 'aktif' AND (? IS NULL OR d.to_user = ?) ORDER BY d.id DESC LIMIT 1`,
    )
    .get(r.id, userId, userId) as { id: number; sifat: Sifat; opened_at: string | null; from_name: string } | undefined;
  return {
    complaintId: r.id,
    registerNo: r.register_no,
    subject: r.subject,
    status: r.status,
    stepNo: l.step.no,
    activity: l.step.activity,
    executor: r.acting ?? l.step.executor,
    startedAt: r.step_started_at,
    dueAt: r.step_due_at,
    remainingMinutes: remaining,
    risk,
    standardDueAt: paused ? null : r.due_at,
    standardRisk,
    escalated: r.escalated === 1,
    paused,
    pause: pauseOf(l, cal),
    disposition: d ? { id: d.id, sifat: d.sifat, opened: d.opened_at !== null, fromName: d.from_name } : null,
  };
}

// What waits for this user: the steps they may complete, plus (for Staf) files
// waiting for the reporter, which they have to chase.
function myTaskRows(deps: CoreDeps, user: SessionUser): TaskRow[] {
  const { db } = deps;
  const roles: Role[] = user.role === 'camat' ? ['camat'] : [user.role];
  const rows = db
    .prepare(
      `SELECT c.*, c.subject FROM complaints c
       WHERE c.closed_at IS NULL AND (
         c.acting IN (${roles.map(() => '?').join(',')}) OR c.acting = 'tim_pengelola'
         OR instr(c.acting_alt, ',' || ? || ',') > 0
         OR (? = 'sekcam' AND c.acting = 'camat')
         OR (? = 'staf' AND c.status = 'tidak_lengkap')
         OR c.id IN (SELECT complaint_id FROM dispositions WHERE to_user = ? AND state = 'aktif'))
       ORDER BY c.step_due_at LIMIT ?`,
    )
    .all(...roles, user.role, user.role, user.role, user.id, TASK_LIMIT * 2) as TaskRow[];
  const mine: TaskRow[] = [];
  for (const r of rows) {
    const l = loadState(db, r.id);
    const may = r.status === 'tidak_lengkap' ? allowedActions(user, l.state).includes('resume') : mayActOnStep(user, l.state);
    // Sekcam sees the Camat's disposition steps he may take over in the office view, not here.
    if (!may || (user.role === 'sekcam' && r.acting === 'camat' && !l.step?.alternates.includes('sekcam'))) continue;
    if (!complaintAccess(db, user, r.id).see) continue;
    if (!l.step || !r.step_started_at || !r.step_due_at) continue;
    mine.push(r);
    if (mine.length >= TASK_LIMIT) break;
  }
  return mine;
}

export function myTasks(deps: CoreDeps, user: SessionUser): Task[] {
  const cal = officeCalendar(deps.db);
  const now = deps.now().toISOString();
  const tasks = myTaskRows(deps, user).map((r) => toTask(deps.db, cal, now, r, user.role === 'kasi' ? user.id : null));
  return sortTasks(tasks.filter((t): t is Task => t !== null), 'langkah');
}

const officeRows = (db: Db) =>
  db.prepare('SELECT c.* FROM complaints c WHERE c.closed_at IS NULL ORDER BY c.step_due_at LIMIT ?').all(TASK_LIMIT) as TaskRow[];

// Everything open in the office (Camat and Sekcam), sorted by either clock and
// optionally narrowed to one state of it.
export function officeTasks(deps: CoreDeps, query: OfficeTasksQuery = {}): Task[] {
  const { db } = deps;
  const q = officeTasksQuerySchema.parse(query);
  const now = deps.now().toISOString();
  const cal = officeCalendar(db);
  const tasks = officeRows(db)
    .map((r) => toTask(db, cal, now, r, null))
    .filter((t): t is Task => t !== null && (q.filter === undefined || matchesTaskFilter(t, q.filter)));
  return sortTasks(tasks, q.sort);
}

// The menu's numbers, counted by the same rules as the lists they lead to.
export function taskCounts(deps: CoreDeps, user: SessionUser): { mine: number; toSign: number; late: number } {
  const { db } = deps;
  const now = deps.now().toISOString();
  const cal = officeCalendar(db);
  const mine = myTaskRows(deps, user);
  const leader = user.role === 'camat' || user.role === 'sekcam';
  // A leader answers for the whole office's lateness; everyone else for their own tasks.
  const watched = leader ? officeRows(db) : mine;
  const late = watched.filter((r) => {
    if (r.status === 'tidak_lengkap' || !r.step_started_at || !r.step_due_at) return false;
    const pauses = pausesOf(db, r.id);
    return now > r.step_due_at || standardRiskOf(now, r, cal, pauses) === 'terlambat';
  }).length;
  return { mine: mine.length, toSign: leader ? signableDrafts(db, user, now).length : 0, late };
}

// The register's rows with both clocks' states; closed or paused complaints have none.
export function withLateness(deps: CoreDeps, rows: ComplaintRow[]): RegisterRow[] {
  const { db } = deps;
  const now = deps.now().toISOString();
  const cal = officeCalendar(db);
  const get = db.prepare('SELECT * FROM complaints WHERE id = ?');
  return rows.map((row) => {
    const c = get.get(row.id) as ComplaintState;
    const open = c.closed_at === null && c.status !== 'tidak_lengkap';
    const pauses = open ? pausesOf(db, c.id) : [];
    const stepRisk = open && c.step_started_at && c.step_due_at ? riskOf(now, c.step_started_at, c.step_due_at, cal, pauses).risk : null;
    return { ...row, stepRisk, standardRisk: open ? standardRiskOf(now, c, cal, pauses) : null };
  });
}

const RANK: Record<Risk, number> = { terlambat: 0, berisiko: 1, aman: 2 };

// Late first on the chosen clock, then by its due; files waiting for the reporter last,
// since nobody in the office can move them.
function sortTasks(tasks: Task[], clock: Clock): Task[] {
  const rank = (t: Task) => {
    const risk = clock === 'langkah' ? t.risk : t.standardRisk;
    return risk === null ? 3 : RANK[risk];
  };
  const due = (t: Task) => (clock === 'langkah' ? t.dueAt : (t.standardDueAt ?? '\uffff'));
  return tasks.sort(
    (a, b) => Number(a.paused) - Number(b.paused) || rank(a) - rank(b) || due(a).localeCompare(due(b)) || a.complaintId - b.complaintId,
  );
}

export function journey(deps: CoreDeps, user: SessionUser, id: number): Journey {
  const { db } = deps;
  const now = deps.now().toISOString();
  const l = loadState(db, id);
  const { c, standard } = l;
  const cal = officeCalendar(db);
  const pauses = pausesOf(db, id);
  const versionNo = (db.prepare('SELECT count(*) AS n FROM standard_versions WHERE id <= ?').get(c.standard_version_id) as { n: number }).n;
  const stepRows = db
    .prepare(
      `SELECT s.step_no, s.started_at, s.due_at, s.completed_at, s.escalated, s.note, COALESCE(u.name, '') AS by_name
       FROM complaint_steps s LEFT JOIN users u ON u.id = s.completed_by WHERE s.complaint_id = ? ORDER BY s.id`,
    )
    .all(id) as { step_no: number; started_at: string; due_at: string; completed_at: string | null; escalated: number; note: string; by_name: string }[];
  const last = new Map(stepRows.map((r) => [r.step_no, r]));
  const dispositions = db
    .prepare(
      `SELECT d.*, f.name AS from_name, t.name AS to_name, t.jabatan AS to_jabatan FROM dispositions d
       JOIN users f ON f.id = d.from_user JOIN users t ON t.id = d.to_user WHERE d.complaint_id = ? ORDER BY d.id`,
    )
    .all(id) as {
    id: number;
    from_name: string;
    on_behalf: number;
    to_user: number;
    to_name: string;
    to_jabatan: string;
    sifat: Journey['dispositions'][number]['sifat'];
    instructions: string;
    note: string;
    created_at: string;
    opened_at: string | null;
    state: Journey['dispositions'][number]['state'];
    return_reason: string;
  }[];
  const followUps = db
    .prepare('SELECT f.id, f.kind, f.text, f.at, u.name AS by_name FROM follow_ups f JOIN users u ON u.id = f.by_user WHERE f.complaint_id = ? ORDER BY f.id')
    .all(id) as { id: number; kind: Journey['followUps'][number]['kind']; text: string; at: string; by_name: string }[];
  const files = db.prepare('SELECT id, follow_up_id, file_name AS fileName, mime, size, sha256 FROM attachments WHERE follow_up_id IN (SELECT id FROM follow_ups WHERE complaint_id = ?)').all(id) as (Journey['followUps'][number]['attachments'][number] & { follow_up_id: number })[];
  const open = c.closed_at === null && c.status !== 'tidak_lengkap';
  const current =
    open && l.step && c.step_started_at && c.step_due_at
      ? { stepNo: l.step.no, activity: l.step.activity, executor: c.acting ?? l.step.executor, dueAt: c.step_due_at, ...rename(riskOf(now, c.step_started_at, c.step_due_at, cal, pauses)) }
      : null;
  return {
    id,
    status: c.status,
    standardName: standard.name,
    standardVersion: versionNo,
    clockStartedAt: c.clock_started_at,
    dueAt: c.due_at,
    closedAt: c.closed_at,
    escalated: c.escalated === 1,
    paused: c.status === 'tidak_lengkap',
    pause: pauseOf(l, cal),
    standardRisk: standardRiskOf(now, c, cal, pauses),
    exitNote: c.exit_note,
    current,
    steps: standard.steps.map((s) => {
      const r = last.get(s.no);
      const completed = r?.completed_at ?? null;
      return {
        no: s.no,
        activity: s.activity,
        stage: s.stage,
        executor: s.executor,
        duration: formatDuration(s.duration),
        output: s.output,
        startedAt: r?.started_at ?? null,
        dueAt: r?.due_at ?? null,
        completedAt: completed,
        completedByName: r?.by_name ?? '',
        onTime: !r ? null : completed ? completed <= r.due_at : now > r.due_at && open ? false : null,
        escalated: r?.escalated === 1,
        note: r?.note ?? '',
      };
    }),
    dispositions: dispositions.map((d) => ({
      id: d.id,
      fromName: d.from_name,
      onBehalf: d.on_behalf === 1,
      toId: d.to_user,
      toName: d.to_name,
      toJabatan: d.to_jabatan,
      sifat: d.sifat,
      instructions: JSON.parse(d.instructions) as Journey['dispositions'][number]['instructions'],
      note: d.note,
      createdAt: d.created_at,
      openedAt: d.opened_at,
      state: d.state,
      returnReason: d.return_reason,
    })),
    followUps: followUps.map((f) => ({
      id: f.id,
      kind: f.kind,
      text: f.text,
      byName: f.by_name,
      at: f.at,
      attachments: files.filter((a) => a.follow_up_id === f.id).map(({ follow_up_id: _, ...a }) => a),
    })),
    actions: allowedActions(user, l.state),
    undo: undoOffer(db, l, user),
    waitingFor: waitingForOf(db, l, user),
    answerKind: l.state.answerKind,
    kelengkapanMissing: standard.kelengkapanChecklist.filter((item) => !(JSON.parse(l.c.kelengkapan) as string[]).includes(item)),
    delivery:
      (db
        .prepare(
          `SELECT d.channel, d.delivered_at AS deliveredAt, d.recipient, d.note, u.name AS byName FROM deliveries d JOIN users u ON u.id = d.by_user
           WHERE d.complaint_id = ? ORDER BY d.id DESC LIMIT 1`,
        )
        .get(id) as Journey['delivery'] | undefined) ?? null,
    archiveLocation: c.archive_location,
    satisfaction: c.satisfaction,
  };
}

const rename = (r: { remaining: number; risk: Risk }) => ({ remainingMinutes: r.remaining, risk: r.risk });

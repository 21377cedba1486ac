import type { ComplaintRow } from '../../../shared/schemas/complaint';
import type { Journey, OfficeTasksPage, OfficeTasksQuery, RegisterRow, Task, TaskCounts } from '../../../shared/schemas/workflow';
import { matchesTaskFilter, type Clock, type Risk, type Sifat, type TaskFilter } from '../../../shared/domain';
import { formatDuration } from '../../../shared/time/format';
import {
  minutesSteadyUntil,
  nextDayOpening,
  nextMidnight,
  remainingWorkingMinutes,
  workingDaysAhead,
  workingDaysBehind,
  workingMinutesBetween,
  type OfficeCalendar,
  type Pause,
} from '../../../shared/time/workingTime';
import { nothingUncommitted, type CoreDeps, type SessionUser } from '../context';
import type { Db } from '../db/open';
import { dataStamp, pluck, rawRows, stmt } from '../db/statements';
import { allowedActions, answerKindOf, mayActOnStep, mayRedispose, type JourneyState } from './rules';
import type { ServiceStandard } from '../../../shared/standards/schema';
import type { Executor } from '../../../shared/domain';
import {
  autoWithdrawAt,
  dispositionStepBefore,
  loadState,
  pausesOf,
  RETURN_AWAITS,
  returnRefusal,
  undoOffer,
  waitingForOf,
  withdrawRefusal,
  type ComplaintState,
  type DispositionEnd,
} from './engine';
import { officeCalendar, standardVersion } from './standard';
import { scansAwaited, signableDrafts, statementNotAsked } from '../documents/service';
import { signsForHead } from '../documents/signer';
import { settled } from '../outputCheck';

// "Tugas saya", the office overview and the register's lateness: open complaints with
// the working time left on two clocks (the current step's and the whole standard's) and
// whether each is running out (less than a quarter) or over.

// Both spans are read from the calendar's running totals (workingTime), at constant cost
// per complaint however long it has been open, as are a late step's whole days behind.
// nowMs: `now` already read as a number, as lists pass it so that each of their rows reads
// only its own instants.
export function riskOf(now: string, startedAt: string, dueAt: string, cal: OfficeCalendar, pauses: Pause[], nowMs = Date.parse(now)): { remaining: number; risk: Risk } {
  const due = Date.parse(dueAt);
  const remaining = remainingWorkingMinutes(nowMs, due, cal, pauses);
  if (now > dueAt) return { remaining: Math.min(remaining, 0), risk: 'terlambat' };
  const total = workingMinutesBetween(startedAt, due, cal, pauses);
  return { remaining, risk: total > 0 && remaining * 4 < total ? 'berisiko' : 'aman' };
}

// Whole working days a step is behind its due at nowMs, as the office counts them
// (workingDaysBehind): the screens say a late step's lateness in these from the day after
// the due's own. 0 until it is due.
const daysBehindAt = (nowMs: number, dueMs: number, cal: OfficeCalendar) => (nowMs > dueMs ? workingDaysBehind(dueMs, nowMs, cal) : 0);
// And the whole working days ahead of it (workingDaysAhead): the screens say the time left
// in these while the due is on a later day than today.
const daysLeftAt = (nowMs: number, dueMs: number, cal: OfficeCalendar) => (nowMs < dueMs ? workingDaysAhead(nowMs, dueMs, cal) : 0);
const daysAround = (nowMs: number, dueMs: number, cal: OfficeCalendar) => ({ daysBehind: daysBehindAt(nowMs, dueMs, cal), daysLeft: daysLeftAt(nowMs, dueMs, cal) });

// A clock's state as riskOf gives it, and the span of instants over which it stays so:
// 'berisiko' until its due (after which the due alone says 'terlambat'); 'aman' at
// least as long as its working time left, less a quarter of the whole and a minute for
// rounding, as working time never runs faster than the wall clock. The register and the
// dashboard ask the same open complaints' states on every call; each answer is kept per
// calendar object (a saved calendar is a new object) and per clock with its pauses.
const MINUTE = 60_000;
const riskStates = new WeakMap<OfficeCalendar, Map<string, { risk: Risk; from: number; until: number }>>();
const RISK_STATES_KEPT = 20_000;

// Only the state, for lists that show no minutes: a clock past its due is late without
// counting by how much (for a file left open for years, that count walks every day since).
export function riskAt(now: string, startedAt: string, dueAt: string, cal: OfficeCalendar, pauses: Pause[], nowMs = Date.parse(now)): Risk {
  return riskSpan(now, startedAt, dueAt, cal, pauses, nowMs).risk;
}

const LATE = { risk: 'terlambat' as const, until: Infinity };

// riskAt's state and the first instant (ms) at which it may change.
function riskSpan(now: string, startedAt: string, dueAt: string, cal: OfficeCalendar, pauses: Pause[], nowMs: number): { risk: Risk; until: number } {
  if (now > dueAt) return LATE;
  let kept = riskStates.get(cal);
  if (!kept) riskStates.set(cal, (kept = new Map()));
  const key = pauses.length ? `${startedAt}|${dueAt}|${JSON.stringify(pauses)}` : `${startedAt}|${dueAt}`;
  const hit = kept.get(key);
  if (hit && nowMs >= hit.from && nowMs < hit.until) return hit;
  const due = Date.parse(dueAt);
  const remaining = remainingWorkingMinutes(nowMs, due, cal, pauses);
  const total = workingMinutesBetween(startedAt, due, cal, pauses);
  const risk: Risk = total > 0 && remaining * 4 < total ? 'berisiko' : 'aman';
  const until = risk === 'berisiko' || total <= 0 ? due + 1 : nowMs + Math.floor(remaining - 1 - total / 4) * MINUTE;
  if (until <= nowMs) return { risk, until: nowMs + 1 };
  if (kept.size >= RISK_STATES_KEPT) kept.clear();
  const span = { risk, from: nowMs, until };
  kept.set(key, span);
  return span;
}

type Clocks = Pick<ComplaintState, 'closed_at' | 'status' | 'clock_started_at' | 'due_at'>;

// The whole standard's clock, from its start to the total's due; it stands still while
// the file waits for the reporter and has nothing to say once the complaint is closed.
function standardRiskOf(now: string, c: Clocks, cal: OfficeCalendar, pauses: Pause[], nowMs = Date.parse(now)): Risk | null {
  return standardSpanOf(now, c, cal, pauses, nowMs).risk;
}

const NO_RISK = { risk: null, until: Infinity };
function standardSpanOf(now: string, c: Clocks, cal: OfficeCalendar, pauses: Pause[], nowMs: number): { risk: Risk | null; until: number } {
  if (c.closed_at !== null || c.status === 'tidak_lengkap' || !c.clock_started_at || !c.due_at) return NO_RISK;
  return riskSpan(now, c.clock_started_at, c.due_at, cal, pauses, nowMs);
}

function pauseOf(c: Pick<ComplaintState, 'status' | 'closed_at' | 'paused_at'>, standard: ServiceStandard, cal: OfficeCalendar): { since: string; withdrawAt: string } | null {
  const since = c.status === 'tidak_lengkap' && c.closed_at === null ? c.paused_at : null;
  return since ? { since, withdrawAt: autoWithdrawAt(since, standard, cal) } : null;
}

// An open complaint as the queues read it: its state, subject, and the newest active
// disposition (to the given user, or to anyone), joined in the same statement.
type TaskColumns = 'id' | 'register_no' | 'status' | 'standard_version_id' | 'step_no' | 'step_started_at' | 'step_due_at' | 'acting' | 'clock_started_at' | 'due_at' | 'escalated' | 'paused_at' | 'closed_at';
interface TaskRow extends Pick<ComplaintState, TaskColumns> {
  subject: string;
  d_id: number | null;
  d_sifat: Sifat | null;
  d_opened_at: string | null;
  d_from_name: string | null;
  // Set on a user's own candidate (candidates()) when the task is not the step but a part of
  // it a Kasi returned to this user, who disposed it: their role, shown as its executor.
  returnedFor?: Executor;
}

// A task's columns and its newest active disposition (to @user, or to anyone when null).
// Every complaint column the lists read (here, in CANDIDATES and in CLOCK_COLUMNS) must
// raise the complaint's change mark when updated: migration 20's complaints_changed_au.
const TASK_COLUMNS = `c.id, c.register_no, c.subject, c.status, c.standard_version_id, c.step_no, c.step_started_at, c.step_due_at,
    c.acting, c.clock_started_at, c.due_at, c.escalated, c.paused_at, c.closed_at, d.id AS d_id, d.sifat AS d_sifat, d.opened_at AS d_opened_at, f.name AS d_from_name`;
const TASK_JOINS = `LEFT JOIN dispositions d ON d.id = (SELECT max(x.id) FROM dispositions x WHERE x.complaint_id = c.id AND x.state = 'aktif' AND (@user IS NULL OR x.to_user = @user))
  LEFT JOIN users f ON f.id = d.from_user`;

// The chosen open complaints (@ids, a JSON list), read whole for their list rows.
const TASK_ROWS = `SELECT ${TASK_COLUMNS} FROM complaints c ${TASK_JOINS}
  WHERE c.id IN (SELECT value FROM json_each(@ids)) AND c.closed_at IS NULL`;

const TASK_LIMIT = 500;

// The pauses of many complaints in one statement, in the order they were taken.
function pausesOfMany(db: Db, ids: number[]): Map<number, Pause[]> {
  const out = new Map<number, Pause[]>();
  if (!ids.length) return out;
  const rows = stmt(
    db,
    'SELECT p.complaint_id AS cid, p.from_at AS "from", p.to_at AS "to" FROM pauses p WHERE p.complaint_id IN (SELECT value FROM json_each(?)) ORDER BY p.id',
  ).all(JSON.stringify(ids)) as (Pause & { cid: number })[];
  for (const { cid, ...p } of rows) {
    const list = out.get(cid);
    if (list) list.push(p);
    else out.set(cid, [p]);
  }
  return out;
}

// A row's task at `now`, and the first instant (ms) at which one of its figures may
// change: its minutes left (minutesSteadyUntil), its step's due passing, past the due the
// next day's opening (its days behind), or the whole standard's state. A due written
// otherwise than toISOString writes it is compared as text with `now`, and such a task
// is not kept past `now`.
interface Shown {
  task: Task;
  until: number;
}
export const RETURNED_ACTIVITY = 'Disposisi dikembalikan Kasi: disposisikan bagian itu kepada Kasi lain';
function toTask(db: Db, cal: OfficeCalendar, now: string, nowMs: number, r: TaskRow, pauses: Pause[]): Shown | null {
  const standard = standardVersion(db, r.standard_version_id);
  const step = r.step_no === null ? null : (standard.steps[r.step_no - 1] ?? null);
  if (!step || !r.step_started_at || !r.step_due_at) return null;
  const paused = r.status === 'tidak_lengkap';
  const due = Date.parse(r.step_due_at);
  const { remaining, risk } = paused ? { remaining: 0, risk: 'aman' as const } : riskOf(now, r.step_started_at, r.step_due_at, cal, pauses, nowMs);
  const standardSpan = standardSpanOf(now, r, cal, pauses, nowMs);
  const days = paused ? { daysBehind: 0, daysLeft: 0 } : daysAround(nowMs, due, cal);
  let until = standardSpan.until;
  if (!paused) {
    if (!ISO_INSTANT.test(r.step_due_at)) until = nowMs + 1;
    // Before its due, the days ahead count one less as a day begins; past it, the days behind
    // may count one more at each day's opening.
    else {
      const dayChange = nowMs > due ? nextDayOpening(nowMs, cal) : Math.min(due + 1, days.daysLeft > 0 ? nextMidnight(nowMs, cal.timeZone) : Infinity);
      until = Math.min(until, minutesSteadyUntil(nowMs, due, cal, pauses), dayChange);
    }
  }
  // A returned part is the disposition step's work again, for the one who disposed it,
  // within the step that runs meanwhile (its clock is the task's).
  const returned = r.returnedFor !== undefined;
  const redo = returned ? (dispositionStepBefore(standard, step.no) ?? step) : step;
  const task: Task = {
    complaintId: r.id,
    registerNo: r.register_no,
    subject: r.subject,
    status: r.status,
    stepNo: redo.no,
    activity: returned ? RETURNED_ACTIVITY : step.activity,
    executor: r.returnedFor ?? r.acting ?? step.executor,
    startedAt: r.step_started_at,
    dueAt: r.step_due_at,
    remainingMinutes: remaining,
    ...days,
    risk,
    standardDueAt: paused ? null : r.due_at,
    standardRisk: standardSpan.risk,
    escalated: r.escalated === 1,
    paused,
    pause: pauseOf(r, standard, cal),
    disposition: r.d_id !== null && !returned ? { id: r.d_id, sifat: r.d_sifat!, opened: r.d_opened_at !== null, fromName: r.d_from_name ?? '' } : null,
    returned,
  };
  return { task, until };
}

// Each row's task, kept with the row (a row read again is a new object) for the calendar
// and pauses it was made with, from when it was made until it may change: the lists are
// asked again on every change in the office and every few seconds, and most of their
// tasks stand as they were.
const shownTasks = new WeakMap<TaskRow, Shown & { cal: OfficeCalendar; pauses: Pause[]; from: number }>();
const NO_PAUSES: Pause[] = [];

function shownTask(db: Db, cal: OfficeCalendar, now: string, nowMs: number, r: TaskRow, pauses: Pause[]): Shown | null {
  const hit = shownTasks.get(r);
  if (hit && hit.cal === cal && hit.pauses === pauses && nowMs >= hit.from && nowMs < hit.until) return hit;
  const shown = toTask(db, cal, now, nowMs, r, pauses);
  if (shown) shownTasks.set(r, { task: shown.task, until: shown.until, cal, pauses, from: nowMs });
  return shown;
}

// The rows' tasks (rows without a current step left out), and the first instant at which
// one of them may change.
function tasksAt(db: Db, cal: OfficeCalendar, now: string, rows: TaskRow[], pausesOf: (r: TaskRow) => Pause[]): { tasks: Task[]; until: number } {
  const nowMs = Date.parse(now);
  const tasks: Task[] = [];
  let until = Infinity;
  for (const r of rows) {
    const shown = shownTask(db, cal, now, nowMs, r, pausesOf(r));
    if (!shown) continue;
    tasks.push(shown.task);
    until = Math.min(until, shown.until);
  }
  return { tasks, until };
}

// Whether an open complaint waits for this user by its step (the four branches of
// CANDIDATES, tested on its own row): its role (or, for Sekcam, the Camat's) or the Tim
// Pengelola acts on it, its role is among the step's alternates, a Staf chases the file
// waiting for the reporter, or it is disposed to them.
const OWN_STEP = `(c.acting IN (@role, 'tim_pengelola', @also)
    OR instr(c.acting_alt, ',' || @role || ',') > 0
    OR (@role = 'staf' AND c.status = 'tidak_lengkap')
    OR EXISTS (SELECT 1 FROM dispositions x WHERE x.complaint_id = c.id AND x.to_user = @me AND x.state = 'aktif'))`;
// A part a Kasi returned to this user, who disposed it, that may still wait for them
// (whether it does is d_ret, by RETURN_AWAITS): only Staf, Sekcam and Camat dispose.
const RETURNED_HERE = `(@role <> 'kasi' AND EXISTS (SELECT 1 FROM dispositions r WHERE r.complaint_id = c.id AND r.state = 'dikembalikan' AND r.from_user = @me))`;
// A candidate's task columns, the recipients of its active dispositions, whether its step
// is this user's (d_own), and the newest returned part waiting for them (d_ret).
const CANDIDATE_COLUMNS = `${TASK_COLUMNS},
    (SELECT group_concat(x.to_user) FROM dispositions x WHERE x.complaint_id = c.id AND x.state = 'aktif') AS d_to,
    ${OWN_STEP} AS d_own,
    CASE WHEN ${RETURNED_HERE} THEN (SELECT max(r.id) FROM dispositions r WHERE r.complaint_id = c.id AND r.from_user = @me AND ${RETURN_AWAITS}) END AS d_ret
  FROM complaints c ${TASK_JOINS}`;
// A Kasi only where access.ts lets them see the complaint (disposed to them, a step they
// completed, or disposed to nobody and theirs to act on, which mayActOnStep checks below),
// so no complaint is loaded one by one.
const KASI_SIGHT = `(@user IS NULL
    OR EXISTS (SELECT 1 FROM dispositions x WHERE x.complaint_id = c.id AND x.to_user = @user AND x.state <> 'ditarik')
    OR EXISTS (SELECT 1 FROM complaint_steps s WHERE s.complaint_id = c.id AND s.completed_by = @user)
    OR NOT EXISTS (SELECT 1 FROM dispositions x WHERE x.complaint_id = c.id AND x.state <> 'ditarik'))`;
// The open complaints that may wait for this user, one indexed branch each (an OR of
// them would read every open complaint): the steps their role (or, for Sekcam, the
// Camat's) or the Tim Pengelola acts on; the steps listing their role among the
// alternates, found through the few distinct alternates lists of open complaints
// (complaints_open_alt, walked one value at a time); for Staf the files waiting for
// the reporter; the complaints disposed to them; and those with a part returned to them
// (dispositions_returned: the few returned dispositions, by sender).
const CANDIDATES = `WITH RECURSIVE alts(a) AS (
    SELECT min(acting_alt) FROM complaints WHERE closed_at IS NULL
    UNION ALL SELECT (SELECT min(acting_alt) FROM complaints WHERE closed_at IS NULL AND acting_alt > alts.a) FROM alts WHERE alts.a IS NOT NULL)
  SELECT ${CANDIDATE_COLUMNS}
  WHERE c.closed_at IS NULL AND c.id IN (
    SELECT id FROM complaints WHERE closed_at IS NULL AND acting IN (@role, 'tim_pengelola', @also)
    UNION ALL SELECT id FROM complaints WHERE closed_at IS NULL AND acting_alt IN (SELECT a FROM alts WHERE instr(a, ',' || @role || ',') > 0)
    UNION ALL SELECT id FROM complaints WHERE @role = 'staf' AND status = 'tidak_lengkap' AND closed_at IS NULL
    UNION ALL SELECT complaint_id FROM dispositions WHERE to_user = @me AND state = 'aktif'
    UNION ALL SELECT complaint_id FROM dispositions WHERE @role <> 'kasi' AND from_user = @me AND state = 'dikembalikan')
  AND ${KASI_SIGHT}
  AND (@afterDue IS NULL OR (c.step_due_at, c.id) > (@afterDue, @afterId))
  ORDER BY c.step_due_at, c.id LIMIT @limit`;
// The same of the given complaints only (@ids, a JSON list), each tested on its own row
// by the same branches.
const CANDIDATES_AMONG = `SELECT ${CANDIDATE_COLUMNS}
  WHERE c.id IN (SELECT value FROM json_each(@ids)) AND c.closed_at IS NULL AND (${OWN_STEP} OR ${RETURNED_HERE})
  AND ${KASI_SIGHT}`;
const CANDIDATE_LIMIT = TASK_LIMIT * 2;

// The highest change mark: every complaint changed since has a higher one (a trigger
// raises it with any change to the complaint, its pauses or its dispositions).
const latestChange = (db: Db) => pluck(db, 'SELECT ifnull(max(change_seq), 0) FROM complaints WHERE change_seq IS NOT NULL').get() as number;
// More changed complaints than this are read with the rest.
const CHANGES_READ_APART = 200;
// The complaints changed since the mark, or (more than CHANGES_READ_APART of them) null.
function changedSince(db: Db, seq: number): number[] | null {
  const ids = pluck(db, 'SELECT id FROM complaints WHERE change_seq > ? LIMIT ?').all(seq, CHANGES_READ_APART + 1) as number[];
  return ids.length > CHANGES_READ_APART ? null : ids;
}

// A candidate as the rules, the list and the menu's numbers read it: its row with the
// recipients of its active dispositions.
interface Candidate extends TaskRow {
  d_to: string | null;
  d_own: number;
  d_ret: number | null;
}

// The rules' view of a candidate, from its own row: the recipients of its active
// dispositions came with it (d_to), and a part returned to this user (d_ret). Whether a
// draft waits does not bear on who may act on the step or resume the file, so it is not
// read here.
function stateOf(r: Candidate, standard: ServiceStandard, user: SessionUser): JourneyState {
  const step = r.step_no === null ? null : (standard.steps[r.step_no - 1] ?? null);
  return {
    status: r.status,
    closed: r.closed_at !== null,
    step,
    acting: r.acting,
    escalated: r.escalated === 1,
    dispositionTo: r.d_to === null ? [] : r.d_to.split(',').map(Number),
    returnedTo: r.d_ret === null ? [] : [user.id],
    answerKind: answerKindOf(standard),
    hasDraft: false,
    draftReturned: false,
    nextStage: step ? (standard.steps[step.no]?.stage ?? null) : null,
  };
}

const SEES_EVERY_COMPLAINT: readonly string[] = ['staf', 'sekcam', 'camat'];

// What waits for a user depends on the data alone (only its risk on the time, worked out
// on each call), so it is kept per user while the database is unchanged (dataStamp). The
// statement reads candidates in order of step due (then id), a limit at a time, until
// TASK_LIMIT tasks are held or none are left; where it stopped there is the horizon, and
// every task up to it is kept. After a change only the complaints changed since
// (change_seq above the kept `seq`) are read again, those beyond the horizon left out, and
// reading goes on past the horizon if fewer than TASK_LIMIT tasks are left before it. The
// list is the first TASK_LIMIT tasks in that order.
interface KeptTasks {
  stamp: string;
  seq: number;
  // Every task up to the horizon, by step due (byDue), as the statement reads them.
  tasks: Candidate[];
  // The last candidate the statement read where it stopped at its limit.
  horizon: Candidate | null;
  // The first TASK_LIMIT tasks, whether each step due is written as toISOString writes
  // it, and the pauses of those read so far.
  first?: Candidate[];
  alike?: boolean;
  pauses: Map<number, Pause[]>;
  // The list of them as last answered, from when it was made until one of them may change.
  answer?: { cal: OfficeCalendar; from: number; until: number; tasks: Task[] };
  // When each of the first tasks turns late on either clock (the earlier due), in order.
  lateFrom?: string[];
}
const keptTasks = new WeakMap<Db, Map<string, KeptTasks>>();

const byDue = (a: Candidate, b: Candidate) => (a.step_due_at! < b.step_due_at! ? -1 : a.step_due_at! > b.step_due_at! ? 1 : a.id - b.id);
// In a list ordered so that `before` holds for a first part of it and not after: that
// part's length (where an item goes, or how many come before one).
function firstNotBefore<T>(items: T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Reads on past the horizon, a statement's limit at a time, until TASK_LIMIT tasks are
// held or no candidate is left.
function readOn(deps: CoreDeps, user: SessionUser, k: Pick<KeptTasks, 'tasks' | 'horizon'>): void {
  while (k.horizon && k.tasks.length < TASK_LIMIT) {
    const { read, mine } = candidates(deps, user, CANDIDATES, { limit: CANDIDATE_LIMIT, afterDue: k.horizon.step_due_at, afterId: k.horizon.id });
    k.tasks.push(...mine);
    k.horizon = read.length >= CANDIDATE_LIMIT ? read.at(-1)! : null;
  }
}

// What waits for this user: the steps they may complete, plus (for Staf) files
// waiting for the reporter, which they have to chase. The first TASK_LIMIT by step due,
// in `first`.
function myTaskSet(deps: CoreDeps, user: SessionUser): KeptTasks & { first: Candidate[] } {
  const k = keptTaskSet(deps, user);
  k.first ??= k.tasks.length > TASK_LIMIT ? k.tasks.slice(0, TASK_LIMIT) : k.tasks;
  return k as KeptTasks & { first: Candidate[] };
}

function keptTaskSet(deps: CoreDeps, user: SessionUser): KeptTasks {
  const { db } = deps;
  const stamp = dataStamp(db);
  let byUser = keptTasks.get(db);
  if (!byUser) keptTasks.set(db, (byUser = new Map()));
  const key = `${user.id}:${user.role}`;
  const kept = byUser.get(key);
  if (kept?.stamp === stamp) return kept;
  // Rows read over changes a rollback may still undo are not kept.
  const keep = nothingUncommitted(db);
  // Read before the rows: a change committed meanwhile is read again next time, never missed.
  const seq = latestChange(db);
  if (kept && keep) {
    const changed = changedSince(db, kept.seq);
    if (changed) {
      const gone = new Set(changed);
      for (const id of changed) kept.pauses.delete(id);
      const held = kept.tasks.length;
      kept.tasks = kept.tasks.filter((r) => !gone.has(r.id));
      const removed = held - kept.tasks.length;
      const { horizon } = kept;
      const again = changed.length ? candidates(deps, user, CANDIDATES_AMONG, { ids: JSON.stringify(changed) }) : { read: [], mine: [] };
      const entering = again.mine.filter((r) => !horizon || byDue(r, horizon) <= 0);
      for (const r of entering) kept.tasks.splice(firstNotBefore(kept.tasks, (x) => byDue(x, r) < 0), 0, r);
      readOn(deps, user, kept);
      // Changes to other complaints than this user's tasks leave the list as it was.
      const same = !removed && !entering.length;
      Object.assign(kept, same ? { stamp, seq } : { stamp, seq, first: undefined, alike: undefined, answer: undefined, lateFrom: undefined });
      return kept;
    }
  }
  const { read, mine } = candidates(deps, user, CANDIDATES, { limit: CANDIDATE_LIMIT, afterDue: null, afterId: null });
  const fresh: KeptTasks = { stamp, seq, tasks: mine, horizon: read.length >= CANDIDATE_LIMIT ? read.at(-1)! : null, pauses: new Map() };
  readOn(deps, user, fresh);
  if (!keep) return fresh;
  if (byUser.size >= 200) byUser.clear();
  byUser.set(key, fresh);
  return fresh;
}

// The candidates the statement gives (all of them, or those among @ids), and those of
// them that are this user's tasks, in the statement's order.
function candidates(deps: CoreDeps, user: SessionUser, sql: string, params: Record<string, unknown>): { read: Candidate[]; mine: Candidate[] } {
  const { db } = deps;
  // Only handlers have tasks; a Kasi's sight of each complaint is in the statement itself.
  if (user.role !== 'kasi' && !SEES_EVERY_COMPLAINT.includes(user.role)) return { read: [], mine: [] };
  // The newest active disposition to a Kasi himself, to anyone for the others.
  const rows = stmt(db, sql).all({
    role: user.role,
    also: user.role === 'sekcam' ? 'camat' : null,
    me: user.id,
    user: user.role === 'kasi' ? user.id : null,
    ...params,
  }) as Candidate[];
  const mine: Candidate[] = [];
  for (const r of rows) {
    const state = stateOf(r, standardVersion(db, r.standard_version_id), user);
    const may = r.d_own === 1 && (r.status === 'tidak_lengkap' ? allowedActions(user, state).includes('resume') : mayActOnStep(user, state));
    // Sekcam sees the Camat's disposition steps he may take over in the office view, not here.
    const ownStep = may && !(user.role === 'sekcam' && r.acting === 'camat' && !state.step?.alternates.includes('sekcam'));
    // Otherwise a part a Kasi returned to this user, who disposed it, waiting to be disposed again.
    const returned = !ownStep && r.d_ret !== null && mayRedispose(user, state);
    if (!ownStep && !returned) continue;
    if (!state.step || !r.step_started_at || !r.step_due_at) continue;
    r.returnedFor = returned ? (user.role as Executor) : undefined;
    mine.push(r);
  }
  return { read: rows, mine };
}

export function myTasks(deps: CoreDeps, user: SessionUser): Task[] {
  const { db } = deps;
  const k = myTaskSet(deps, user);
  const { first: rows, pauses } = k;
  if (!rows.length) return [];
  const cal = officeCalendar(db);
  const now = deps.now().toISOString();
  const nowMs = Date.parse(now);
  const a = k.answer;
  if (a && a.cal === cal && nowMs >= a.from && nowMs < a.until) return a.tasks;
  // The pauses of the tasks not read before (none of them: an empty list).
  const unread = rows.filter((r) => !pauses.has(r.id)).map((r) => r.id);
  if (unread.length) {
    const found = pausesOfMany(db, unread);
    for (const id of unread) pauses.set(id, found.get(id) ?? NO_PAUSES);
  }
  const { tasks, until } = tasksAt(db, cal, now, rows, (r) => pauses.get(r.id) ?? NO_PAUSES);
  k.alike ??= rows.every((r) => ISO_INSTANT.test(r.step_due_at!));
  k.answer = { cal, from: nowMs, until, tasks: settled(k.alike ? groupedByState(tasks) : sortTasks(tasks, 'langkah')) };
  return k.answer.tasks;
}

// Tasks made from rows in byDue order, as sortTasks orders them by the step's clock: only
// grouped by paused and state, each group keeping its order, where every step due is
// written as toISOString writes it (whose code units' order localeCompare gives too).
function groupedByState(tasks: Task[]): Task[] {
  const groups: Task[][] = [[], [], [], [], [], []];
  for (const t of tasks) groups[(t.paused ? 3 : 0) + RANK[t.risk]]!.push(t);
  return groups.flat();
}

// From which instant (ms) a clock from startedAt to dueAt is at risk, as riskOf decides it:
// the working time left (never growing as time passes) under a quarter of the clock's
// whole. Found once by halving, then kept per calendar object (a calendar change makes
// a new one) and per clock with its pauses; Infinity for a clock never at risk.
const riskFroms = new WeakMap<OfficeCalendar, Map<string, number>>();
const RISK_FROMS_KEPT = 20_000;

function atRiskFrom(startedAt: string, dueAt: string, pauses: string | null, cal: OfficeCalendar): number {
  let kept = riskFroms.get(cal);
  if (!kept) riskFroms.set(cal, (kept = new Map()));
  const key = `${startedAt}|${dueAt}|${pauses ?? ''}`;
  let from = kept.get(key);
  if (from === undefined) {
    from = firstAtRisk(startedAt, dueAt, pauses === null ? [] : parsePauses(pauses), cal);
    if (kept.size >= RISK_FROMS_KEPT) kept.clear();
    kept.set(key, from);
  }
  return from;
}

function firstAtRisk(startedAt: string, dueAt: string, pauses: Pause[], cal: OfficeCalendar): number {
  const due = Date.parse(dueAt);
  const total = workingMinutesBetween(startedAt, due, cal, pauses);
  if (!(total > 0)) return Infinity;
  // At the start all of it is left (not at risk); at the due none (at risk).
  let safe = Date.parse(startedAt);
  let risky = due;
  while (risky - safe > 1) {
    const mid = Math.floor((safe + risky) / 2);
    if (remainingWorkingMinutes(mid, due, cal, pauses) * 4 < total) risky = mid;
    else safe = mid;
  }
  return risky;
}

// A complaint's pauses as the office list reads them: "from/to" in the order taken, by commas.
const parsePauses = (text: string): Pause[] =>
  text.split(',').map((p) => {
    const [from, to] = p.split('/') as [string, string];
    return { from, to: to || null };
  });

// The open complaints' clocks, a few columns each: the pauses only of clocks still
// running, for deciding whether they are at risk. Read as arrays (rawRows): for hundreds
// of rows several times faster than as objects. The same of the complaints changed since
// a change mark, open or not (`open` says which).
type ClockRow = [id: number, status: ComplaintState['status'], version: number, stepNo: number | null, stepStart: string | null, stepDue: string | null, start: string | null, due: string | null, pauses: string | null, open: number];
const CLOCK_COLUMNS = `c.id, c.status, c.standard_version_id, c.step_no, c.step_started_at, c.step_due_at, c.clock_started_at, c.due_at,
    CASE WHEN c.status <> 'tidak_lengkap' AND (c.step_due_at >= @now OR c.due_at >= @now) THEN
      (SELECT group_concat(p.from_at || '/' || ifnull(p.to_at, ''), ',' ORDER BY p.id) FROM pauses p WHERE p.complaint_id = c.id) END,
    c.closed_at IS NULL`;
const OPEN_CLOCKS = `SELECT ${CLOCK_COLUMNS} FROM complaints c WHERE c.closed_at IS NULL`;
const CHANGED_CLOCKS = `SELECT ${CLOCK_COLUMNS} FROM complaints c WHERE c.change_seq > @seq LIMIT @most`;
// An open complaint's place in the office list: both clocks' states as toTask gives them.
type Placed = Pick<Task, 'complaintId' | 'paused' | 'risk' | 'standardRisk' | 'dueAt' | 'standardDueAt'>;

// The office list's order, kept while the database is unchanged (dataStamp), the calendar
// the same and no clock has reached its due or its risk since: `from` is when the states
// were decided, `until` the first instant a clock changes state after it. After a change
// only the complaints changed since `seq` are placed again.
interface OfficeOrders {
  stamp: string;
  seq: number;
  cal: OfficeCalendar;
  placed: Map<number, Placed>;
  from: number;
  until: number;
  lists: Map<string, OfficeList>;
  // The rows of complaints shown on a page so far, read whole, and their pauses; a
  // changed complaint's are read again.
  shown: Map<number, { row: TaskRow; pauses: Pause[] }>;
}
// More rows than this kept for the pages shown: the list's pages are read afresh.
export const SHOWN_KEPT = 2_000;
// Pages of one list kept at most.
const PAGES_KEPT = 20;
const officeOrders = new WeakMap<Db, OfficeOrders>();

// Places the rows' complaints (replacing any earlier place; a closed one leaves), and
// gives the first instant after nowMs, no later than `until`, at which one of their
// clocks changes state.
function place(db: Db, cal: OfficeCalendar, now: string, nowMs: number, rows: ClockRow[], placed: Map<number, Placed>, until = Infinity): number {
  // The first instant a running clock changes state: from when it is at risk, or one past
  // its due (late exactly when now > its due). The earliest due still ahead is kept as
  // text: for dues written as toISOString writes them, the text's order is time's.
  let nextDue = '\uffff';
  const running = (start: string, due: string, pauses: string | null): Risk => {
    if (now > due) return 'terlambat';
    if (!ISO_INSTANT.test(due)) nextDue = '';
    else if (due < nextDue) nextDue = due;
    const risky = atRiskFrom(start, due, pauses, cal);
    if (nowMs >= risky) return 'berisiko';
    until = Math.min(until, risky);
    return 'aman';
  };
  for (const [id, status, version, stepNo, stepStart, stepDue, start, due, pauses, open] of rows) {
    placed.delete(id);
    // As toTask: a complaint without a current step is left out.
    if (!open || stepNo === null || !stepStart || !stepDue || !standardVersion(db, version).steps[stepNo - 1]) continue;
    const paused = status === 'tidak_lengkap';
    placed.set(id, {
      complaintId: id,
      paused,
      risk: paused ? 'aman' : running(stepStart, stepDue, pauses),
      standardRisk: paused || !start || !due ? null : running(start, due, pauses),
      dueAt: stepDue,
      standardDueAt: paused ? null : due,
    });
  }
  return nextDue === '\uffff' ? until : Math.min(until, nextDue === '' ? nowMs + 1 : Date.parse(nextDue) + 1);
}

// The office list's complaints in order, as sortTasks orders toTask's answers. Dues all
// written as toISOString writes them (or none) sort by their code units in the order
// localeCompare gives, a few times faster.
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const isoDues = (p: Placed) => ISO_INSTANT.test(p.dueAt) && (p.standardDueAt === null || ISO_INSTANT.test(p.standardDueAt));
interface OfficeList {
  sort: Clock;
  filter: TaskFilter | undefined;
  alike: boolean;
  ids: number[];
  // Its pages as last answered ("offset|limit"), each from when it was made until one of
  // its tasks may change.
  pages: Map<string, OfficePage>;
}
interface OfficePage {
  offset: number;
  limit: number;
  from: number;
  until: number;
  page: OfficeTasksPage;
}
function officeOrder(placed: Iterable<Placed>, sort: Clock, filter: TaskFilter | undefined): OfficeList {
  const all = [...placed];
  const shown = filter === undefined ? all : all.filter((p) => matchesTaskFilter(p, filter));
  const alike = shown.every(isoDues);
  return { sort, filter, alike, ids: sortTasks(shown, sort, alike ? byCodeUnits : undefined).map((t) => t.complaintId), pages: new Map() };
}

// A kept order with the changed complaints taken out and put back (those still open and
// shown) where they now belong; null where it has to be sorted again. Run on every list
// after each change in the office, with few changed among hundreds of ids: each is found
// by indexOf in a copy (a native scan) rather than the whole list filtered through a set.
function reorder(list: OfficeList, placed: Map<number, Placed>, changed: number[]): OfficeList | null {
  const gone = new Set(changed);
  const ids = list.ids.slice();
  for (const id of changed) {
    const at = ids.indexOf(id);
    if (at >= 0) ids.splice(at, 1);
  }
  const order = taskOrder(list.sort, list.alike ? byCodeUnits : undefined);
  for (const id of changed) {
    const p = placed.get(id);
    if (!p || (list.filter !== undefined && !matchesTaskFilter(p, list.filter))) continue;
    if (list.alike && !isoDues(p)) return null;
    ids.splice(firstNotBefore(ids, (x) => order(placed.get(x)!, p) < 0), 0, id);
  }
  // A page stands where the list kept its length and the page's complaints, none changed.
  const pages = new Map<string, OfficePage>();
  if (ids.length === list.ids.length) {
    for (const [key, kept] of list.pages) {
      let same = true;
      for (let i = kept.offset; same && i < Math.min(ids.length, kept.offset + kept.limit); i++) same = ids[i] === list.ids[i] && !gone.has(ids[i]!);
      if (same) pages.set(key, kept);
    }
  }
  // Not `{ ...list, ids, pages }`: a spread whose fields are then set again builds the
  // object the slow way in V8 (Node 20), microseconds on each change.
  return { sort: list.sort, filter: list.filter, alike: list.alike, ids, pages };
}

// Every open complaint in the office (Camat and Sekcam), sorted by either clock and
// optionally narrowed to one state of it, a page at a time. Each complaint's place is
// decided from its clocks alone and kept while nothing changes; only the page's
// complaints are read whole. The query as the contract's officeTasksQuerySchema gave it.
export function officeTasks(deps: CoreDeps, q: OfficeTasksQuery): OfficeTasksPage {
  const { db } = deps;
  const now = deps.now().toISOString();
  const cal = officeCalendar(db);
  const o = officeOrdersAt(db, cal, now);
  const key = `${q.sort}|${q.filter ?? ''}`;
  let list = o.lists.get(key);
  if (!list) o.lists.set(key, (list = officeOrder(o.placed.values(), q.sort, q.filter)));
  const nowMs = Date.parse(now);
  const pageKey = `${q.offset}|${q.limit}`;
  const kept = list.pages.get(pageKey);
  if (kept && nowMs >= kept.from && nowMs < kept.until) return kept.page;
  const ids = list.ids.slice(q.offset, q.offset + q.limit);
  let unread = ids.filter((id) => !o.shown.has(id));
  if (unread.length) {
    // Full: kept no more, and this page read whole.
    if (o.shown.size + unread.length > SHOWN_KEPT) {
      o.shown.clear();
      unread = ids;
    }
    const pauses = pausesOfMany(db, unread);
    for (const row of stmt(db, TASK_ROWS).all({ user: null, ids: JSON.stringify(unread) }) as TaskRow[]) o.shown.set(row.id, { row, pauses: pauses.get(row.id) ?? [] });
  }
  // In the list's order; one closed by another process since the order was made is left out.
  const rows: TaskRow[] = [];
  for (const id of ids) {
    const read = o.shown.get(id);
    if (read) rows.push(read.row);
  }
  const { tasks, until } = tasksAt(db, cal, now, rows, (r) => o.shown.get(r.id)!.pauses);
  const page = settled({ rows: tasks, total: list.ids.length });
  if (list.pages.size >= PAGES_KEPT) list.pages.clear();
  list.pages.set(pageKey, { offset: q.offset, limit: q.limit, from: nowMs, until, page });
  return page;
}

// Every open complaint's place at `now`: kept, brought up to date with the complaints
// changed since, or read whole.
function officeOrdersAt(db: Db, cal: OfficeCalendar, now: string): OfficeOrders {
  const nowMs = Date.parse(now);
  const stamp = dataStamp(db);
  let o = officeOrders.get(db);
  const valid = o !== undefined && o.cal === cal && nowMs >= o.from && nowMs < o.until;
  if (o && valid && o.stamp !== stamp && nothingUncommitted(db)) {
    // Read before the rows: a change committed meanwhile is placed again next time, never missed.
    const seq = latestChange(db);
    const rows = rawRows(db, CHANGED_CLOCKS).all({ now, seq: o.seq, most: CHANGES_READ_APART + 1 }) as ClockRow[];
    // More changes than that: all are read again below.
    if (rows.length <= CHANGES_READ_APART) {
      o.until = place(db, cal, now, nowMs, rows, o.placed, o.until);
      const changed = rows.map((r) => r[0]);
      for (const id of changed) o.shown.delete(id);
      const lists = new Map<string, OfficeList>();
      for (const [key, list] of o.lists) {
        const again = reorder(list, o.placed, changed);
        if (again) lists.set(key, again);
      }
      Object.assign(o, { stamp, seq, from: Math.max(o.from, nowMs), lists });
    }
  }
  if (!o || !valid || o.stamp !== stamp) {
    const seq = latestChange(db);
    const placed = new Map<number, Placed>();
    const until = place(db, cal, now, nowMs, rawRows(db, OPEN_CLOCKS).all({ now }) as ClockRow[], placed);
    o = { stamp, seq, cal, placed, from: nowMs, until, lists: new Map(), shown: new Map() };
    if (nothingUncommitted(db)) officeOrders.set(db, o);
  }
  return o;
}

// The menu's numbers, counted by the same rules as the lists they lead to.
export function taskCounts(deps: CoreDeps, user: SessionUser): TaskCounts {
  const { db } = deps;
  const now = deps.now().toISOString();
  const k = myTaskSet(deps, user);
  const leader = user.role === 'camat' || user.role === 'sekcam';
  // A leader answers for the whole office's lateness (what the office list's 'terlambat'
  // filter shows); everyone else for their own tasks, late on either clock: a clock is
  // late exactly when its due has passed (standardRiskOf), so no working time is counted.
  // A task is late once `now` passes the earlier of its dues: those are kept in order,
  // and the late ones are those before `now`.
  const late = leader
    ? [...officeOrdersAt(db, officeCalendar(db), now).placed.values()].filter((p) => matchesTaskFilter(p, 'terlambat')).length
    : firstNotBefore((k.lateFrom ??= lateFroms(k.first)), (due) => due < now);
  // Those who sign (a Kasi too while appointed Plt./Plh.) count their queue; others have none.
  const signs = signsForHead(db, user, now);
  const toSign = signs ? signableDrafts(db, user, now) : [];
  return { mine: k.first.length, toSign: toSign.length, toScan: scansAwaited(db, user, now, new Set(toSign.map((d) => d.id))).length, late, signsForHead: signs };
}

const lateFroms = (rows: Candidate[]) =>
  rows
    .flatMap((r) => (r.status !== 'tidak_lengkap' && r.step_started_at && r.step_due_at ? [r.clock_started_at !== null && r.due_at !== null && r.due_at < r.step_due_at ? r.due_at : r.step_due_at] : []))
    .sort();

// The register's rows with both clocks' states. A closed complaint shows the standard's
// verdict only (finished within its total time or not, as the XLSX's "Selesai tepat waktu"),
// a paused one neither. The page's clocks and pauses are read in one statement each.
export function withLateness(deps: CoreDeps, rows: ComplaintRow[]): RegisterRow[] {
  const { db } = deps;
  const now = deps.now().toISOString();
  const ids = JSON.stringify(rows.map((r) => r.id));
  const clocks = stmt(
    db,
    'SELECT id, status, closed_at, step_started_at, step_due_at, clock_started_at, due_at FROM complaints WHERE id IN (SELECT value FROM json_each(?))',
  ).all(ids) as ComplaintState[];
  const open = new Map(clocks.filter((c) => c.closed_at === null && c.status !== 'tidak_lengkap').map((c) => [c.id, c]));
  const closed = new Map(clocks.filter((c) => c.closed_at !== null && c.due_at !== null).map((c) => [c.id, c.closed_at! <= c.due_at! ? 'aman' : 'terlambat'] as const));
  const cal = open.size ? officeCalendar(db) : null;
  const pauses = pausesOfMany(db, [...open.keys()]);
  const nowMs = Date.parse(now);
  // The rows are the list's own, made for this answer: completed in place (a copy of each
  // costs more than the clocks' states here).
  return rows.map((row) => {
    const r = row as RegisterRow;
    const c = open.get(row.id);
    const p = c && pauses.get(c.id);
    r.stepRisk = c && cal && c.step_started_at && c.step_due_at ? riskAt(now, c.step_started_at, c.step_due_at, cal, p ?? [], nowMs) : null;
    r.standardRisk = c && cal ? standardRiskOf(now, c, cal, p ?? [], nowMs) : (closed.get(row.id) ?? null);
    return r;
  });
}

const RANK: Record<Risk, number> = { terlambat: 0, berisiko: 1, aman: 2 };

// Late first on the chosen clock, then by its due; files waiting for the reporter last,
// since nobody in the office can move them.
function taskOrder(clock: Clock, compareDue = (a: string, b: string) => a.localeCompare(b)): (a: Placed, b: Placed) => number {
  const rank = (t: Placed) => {
    const risk = clock === 'langkah' ? t.risk : t.standardRisk;
    return risk === null ? 3 : RANK[risk];
  };
  const due = (t: Placed) => (clock === 'langkah' ? t.dueAt : (t.standardDueAt ?? '\uffff'));
  return (a, b) => Number(a.paused) - Number(b.paused) || rank(a) - rank(b) || compareDue(due(a), due(b)) || a.complaintId - b.complaintId;
}
const sortTasks = <T extends Placed>(tasks: T[], clock: Clock, compareDue?: (a: string, b: string) => number): T[] => tasks.sort(taskOrder(clock, compareDue));

export function journey(deps: CoreDeps, user: SessionUser, id: number): Journey {
  const { db } = deps;
  const now = deps.now().toISOString();
  const l = loadState(db, id);
  const { c, standard } = l;
  const cal = officeCalendar(db);
  const pauses = pausesOf(db, id);
  const versionNo = (stmt(db, 'SELECT count(*) AS n FROM standard_versions WHERE id <= ?').get(c.standard_version_id) as { n: number }).n;
  const stepRows = stmt(db,
      `SELECT s.id, s.step_no, s.started_at, s.due_at, s.completed_at, s.escalated, s.note, COALESCE(u.name, '') AS by_name
       FROM complaint_steps s LEFT JOIN users u ON u.id = s.completed_by WHERE s.complaint_id = ? ORDER BY s.id`,
    )
    .all(id) as { id: number; step_no: number; started_at: string; due_at: string; completed_at: string | null; escalated: number; note: string; by_name: string }[];
  // The latest run of each step. A step begun again (the disposition reopened, the answer sent
  // back to its drafter) leaves rows of the steps after it from the earlier round: those steps
  // are shown as not reached yet; the history keeps the earlier round.
  const running = c.closed_at === null ? stepRows.findLast((r) => r.step_no === c.step_no) : undefined;
  const last = new Map(stepRows.filter((r) => !running || r.step_no <= running.step_no || r.id > running.id).map((r) => [r.step_no, r]));
  const dispositions = stmt(db,
      `SELECT d.*, f.name AS from_name, t.name AS to_name, t.jabatan AS to_jabatan FROM dispositions d
       JOIN users f ON f.id = d.from_user JOIN users t ON t.id = d.to_user WHERE d.complaint_id = ? ORDER BY d.id`,
    )
    .all(id) as (DispositionEnd & {
    id: number;
    from_name: string;
    on_behalf: number;
    to_name: string;
    to_jabatan: string;
    sifat: Journey['dispositions'][number]['sifat'];
    instructions: string;
    note: string;
    created_at: string;
    state: Journey['dispositions'][number]['state'];
    return_reason: string;
  })[];
  const followUps = stmt(db, 'SELECT f.id, f.kind, f.text, f.at, u.name AS by_name FROM follow_ups f JOIN users u ON u.id = f.by_user WHERE f.complaint_id = ? ORDER BY f.id')
    .all(id) as { id: number; kind: Journey['followUps'][number]['kind']; text: string; at: string; by_name: string }[];
  const files = stmt(db, 'SELECT id, follow_up_id, file_name AS fileName, mime, size, sha256 FROM attachments WHERE follow_up_id IN (SELECT id FROM follow_ups WHERE complaint_id = ?)').all(id) as (Journey['followUps'][number]['attachments'][number] & { follow_up_id: number })[];
  const open = c.closed_at === null && c.status !== 'tidak_lengkap';
  // The returned parts still waiting for their disposer (engine.RETURN_AWAITS).
  const awaiting = new Set(pluck(db, `SELECT r.id FROM dispositions r JOIN complaints c ON c.id = r.complaint_id WHERE r.complaint_id = ? AND ${RETURN_AWAITS}`).all(id) as number[]);
  const current =
    open && l.step && c.step_started_at && c.step_due_at
      ? { stepNo: l.step.no, activity: l.step.activity, executor: c.acting ?? l.step.executor, dueAt: c.step_due_at, ...rename(riskOf(now, c.step_started_at, c.step_due_at, cal, pauses)), ...daysAround(Date.parse(now), Date.parse(c.step_due_at), cal) }
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
    pause: pauseOf(l.c, l.standard, cal),
    standardRisk: standardRiskOf(now, c, cal, pauses),
    suspended: suspendedClocks(c, cal, pauses),
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
      returnAwaits: awaiting.has(d.id),
      mayWithdraw: withdrawRefusal(db, user, d) === null,
      mayReturn: returnRefusal(db, user, l, d) === null,
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
      (stmt(db,
          `SELECT d.channel, d.delivered_at AS deliveredAt, d.recipient, d.note, u.name AS byName FROM deliveries d JOIN users u ON u.id = d.by_user
           WHERE d.complaint_id = ? ORDER BY d.id DESC LIMIT 1`,
        )
        .get(id) as Journey['delivery'] | undefined) ?? null,
    archiveLocation: c.archive_location,
    satisfaction: c.satisfaction,
    statementSettled: c.satisfaction !== null || (l.state.answerKind === 'berita_acara' && statementNotAsked(db, id)),
    // Only a closed complaint takes a questionnaire: an open one's journey asks nothing more.
    skmAt: c.closed_at === null ? null : ((stmt(db, 'SELECT at FROM skm_responses WHERE complaint_id = ?').get(id) as { at: string } | undefined)?.at ?? null),
  };
}

const rename = (r: { remaining: number; risk: Risk }) => ({ remainingMinutes: r.remaining, risk: r.risk });

// A file waiting for the reporter: the working minutes each clock had left when it stopped
// (counted from the pause, the pauses before it left out). Its dues are worked out again
// from these when the file is completed (engine.resume), so until then no date is known.
function suspendedClocks(c: ComplaintState, cal: OfficeCalendar, pauses: Pause[]): Journey['suspended'] {
  if (c.closed_at !== null || c.status !== 'tidak_lengkap' || !c.paused_at) return null;
  const pausedAt = c.paused_at;
  const before = pauses.filter((p) => p.to !== null);
  const left = (due: string | null) => (due ? remainingWorkingMinutes(pausedAt, due, cal, before) : null);
  return { stepMinutesLeft: left(c.step_due_at), standardMinutesLeft: c.clock_started_at ? left(c.due_at) : null };
}

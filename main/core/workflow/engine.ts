import { STATUS_LABEL, type Status } from '../../../shared/domain';
import type { Action } from '../../../shared/schemas/workflow';
import type { ServiceStandard, Step } from '../../../shared/standards/schema';
import { addWorkingTime, workingMinutesBetween, type OfficeCalendar, type Pause } from '../../../shared/time/workingTime';
import { formatTanggalWaktu } from '../../../shared/time/format';
import { recordComplaintEvent } from '../complaints/events';
import { getOffice, officeWords } from '../office/settings';
import { nothingUncommitted, write, type CoreDeps, type SessionUser } from '../context';
import type { Db } from '../db/open';
import { dataStamp, pluck, stmt } from '../db/statements';
import { notFound, TanggapError } from '../errors';
import { allowedActions, answerKindOf, executorWord, refusal, STAGE_STATUS, stepNeed, waitingFor, type JourneyState, type WaitingFor } from './rules';
import { currentVersionId, officeCalendar, standardVersion } from './standard';
import { listWords } from '../../../shared/text/words';

// Moves complaints along their Standar Pelayanan. Every function here runs inside
// the caller's write transaction and records what it did in the complaint's
// history and the audit chain.

export interface ComplaintState {
  id: number;
  register_no: string;
  status: Status;
  received_at: string;
  kelengkapan: string;
  standard_version_id: number;
  step_no: number | null;
  step_started_at: string | null;
  step_due_at: string | null;
  acting: JourneyState['acting'];
  clock_started_at: string | null;
  due_at: string | null;
  escalated: number;
  paused_at: string | null;
  resume_status: Status | null;
  exit_note: string;
  closed_at: string | null;
  archive_location: string;
  satisfaction: 'puas' | 'tidak_puas' | null;
}

export interface Loaded {
  c: ComplaintState;
  standard: ServiceStandard;
  step: Step | null;
  state: JourneyState;
}

// A returned disposition `r` of complaint `c` whose part still waits for its disposer: it
// came back while the complaint's current step ran (a part returned during an earlier step
// lapsed when that step was completed, as its history says: recordLapsedReturns), nothing
// was disposed since (a disposition made after the return and not withdrawn takes the part
// over), and another disposition of the complaint is still active (when none is, the
// disposition step itself runs again: reopenDisposition). Nothing is stored beyond the
// dispositions' own rows, so the queues, which read again every complaint whose
// dispositions changed, see it come and go.
export const RETURN_AWAITS = `r.state = 'dikembalikan' AND c.closed_at IS NULL AND c.status <> 'tidak_lengkap' AND r.ended_at >= c.step_started_at
  AND EXISTS (SELECT 1 FROM dispositions a WHERE a.complaint_id = r.complaint_id AND a.state = 'aktif')
  AND NOT EXISTS (SELECT 1 FROM dispositions n WHERE n.complaint_id = r.complaint_id AND n.state <> 'ditarik' AND n.created_at > r.created_at AND n.created_at >= r.ended_at)`;

/** A returned disposition whose part still waits for its disposer: who returned it, who disposed it, and why it came back. */
export interface AwaitingReturn {
  id: number;
  returnedBy: string;
  disposer: string;
  reason: string;
}

/** The returned dispositions of complaint `id` whose part still waits for its disposer (RETURN_AWAITS), oldest first. */
export const awaitingReturns = (db: Db, id: number) =>
  stmt(db,
    `SELECT r.id, t.name AS returnedBy, f.name AS disposer, r.return_reason AS reason
     FROM dispositions r JOIN complaints c ON c.id = r.complaint_id JOIN users t ON t.id = r.to_user JOIN users f ON f.id = r.from_user
     WHERE r.complaint_id = ? AND ${RETURN_AWAITS} ORDER BY r.id`,
  ).all(id) as AwaitingReturn[];

const namesOf = (names: string[]) => listWords(names, 'dan');

/** The disposition step a complaint went through last before step `stepNo` (the one a returned part belongs to). */
export const dispositionStepBefore = (standard: ServiceStandard, stepNo: number) =>
  [...standard.steps].reverse().find((s) => s.no < stepNo && s.stage === 'disposisi') ?? null;

export function loadState(db: Db, id: number): Loaded {
  const c = stmt(db, 'SELECT * FROM complaints WHERE id = ?').get(id) as ComplaintState | undefined;
  if (!c) throw notFound('Pengaduan');
  const standard = standardVersion(db, c.standard_version_id);
  const step = c.step_no === null ? null : (standard.steps[c.step_no - 1] ?? null);
  const dispositionTo = (
    stmt(db, "SELECT to_user FROM dispositions WHERE complaint_id = ? AND state = 'aktif'").all(id) as { to_user: number }[]
  ).map((r) => r.to_user);
  const returnedTo = dispositionTo.length
    ? (pluck(db, `SELECT DISTINCT r.from_user FROM dispositions r JOIN complaints c ON c.id = r.complaint_id WHERE r.complaint_id = ? AND ${RETURN_AWAITS}`).all(id) as number[])
    : [];
  const answerKind = answerKindOf(standard);
  const draft =
    answerKind === null
      ? undefined
      : (stmt(db, "SELECT returned_at FROM issued_documents WHERE complaint_id = ? AND kind = ? AND status = 'draf' AND superseded_by IS NULL").get(id, answerKind) as
          | { returned_at: string | null }
          | undefined);
  const nextStage = step ? (standard.steps[step.no]?.stage ?? null) : null;
  return {
    c,
    standard,
    step,
    state: {
      status: c.status,
      closed: c.closed_at !== null,
      step,
      acting: c.acting,
      escalated: c.escalated === 1,
      dispositionTo,
      returnedTo,
      answerKind,
      hasDraft: !!draft,
      draftReturned: !!draft?.returned_at,
      nextStage,
    },
  };
}

// ", terakhir diubah oleh Sri Wahyuni pada 7 Desember 2026 pukul 08.43 WIB": who moved the
// complaint on while a screen still showed it as it was.
function lastChange(db: Db, id: number): string {
  const e = stmt(db, 'SELECT e.at, u.name FROM complaint_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.complaint_id = ? ORDER BY e.id DESC LIMIT 1').get(id) as
    | { at: string; name: string | null }
    | undefined;
  return e ? `, terakhir diubah${e.name ? ` oleh ${e.name}` : ''} pada ${formatTanggalWaktu(e.at, getOffice(db).timeZone)}` : '';
}

// Loads the complaint and refuses, with the reason, an action the user may not take.
// seenStep: the step the caller's screen shows, when it says. Checked first: a page opened
// before another desk completed that step would otherwise act on the next one, unseen
// (or be told of a rule of a step it does not show).
export function authorize(db: Db, user: SessionUser, id: number, action: Action, seenStep?: number): Loaded {
  const l = loadState(db, id);
  if (seenStep !== undefined && l.step?.no !== seenStep) {
    const now = l.step ? `kini pada langkah ${l.step.no} (${l.step.activity})` : `sudah ditutup (${STATUS_LABEL[l.c.status]})`;
    throw new TanggapError('conflict', `Langkah ${seenStep} yang Anda lihat tidak berjalan lagi: pengaduan ini ${now}${lastChange(db, id)}. Periksa keadaannya sekarang sebelum bertindak.`, 'step');
  }
  if (!allowedActions(user, l.state).includes(action)) {
    const r = refusal(action, l.state, user, officeWords(db));
    throw new TanggapError(r.code, r.message);
  }
  return l;
}

export function pausesOf(db: Db, id: number): Pause[] {
  return (stmt(db, 'SELECT from_at AS "from", to_at AS "to" FROM pauses WHERE complaint_id = ? ORDER BY id').all(id) as Pause[]);
}

const allChecked = (standard: ServiceStandard, kelengkapan: string[]) =>
  standard.kelengkapanChecklist.every((item) => kelengkapan.includes(item));

// The journey at intake (inside its transaction): the standard version frozen, step 1
// (receiving the complaint, done by saving it) completed and step 2 started, as the
// complaint's columns (written with its row: each later write of them rewrites its entries
// in the register's indexes, its text index and the recap's summaries) and the steps' rows,
// written by `record` once the complaint's row is in (a row inserted with its step set
// enters the register's text index with the step 1 that `record` writes: migration 33).
// Null for a standard of one step, which saving the complaint finishes (startJourney).
export interface IntakeJourney {
  columns: Record<string, unknown>;
  record(id: number): void;
}
export function intakeJourney(db: Db, at: string, by: SessionUser, kelengkapan: string[]): IntakeJourney | null {
  return journeyOf(db, at, by, frozenAt(db, at, by, kelengkapan));
}
function journeyOf(db: Db, at: string, by: SessionUser, { standard, cal, columns }: ReturnType<typeof frozenAt>): IntakeJourney | null {
  const [first, second] = standard.steps as [Step, Step | undefined];
  if (!second) return null;
  const firstDue = addWorkingTime(at, first.duration, cal);
  const secondDue = addWorkingTime(at, second.duration, cal);
  return {
    columns: { ...columns, status: STAGE_STATUS[first.stage], ...stepColumns(second, at, secondDue) },
    record(id) {
      const minutes = stepWorkMinutes(at, firstDue, at, cal, [])!;
      stmt(
        db,
        `INSERT INTO complaint_steps (complaint_id, step_no, started_at, due_at, completed_at, completed_by, note, work_minutes, limit_minutes)
         VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)`,
      ).run(id, first.no, at, firstDue, at, by.id, minutes.work, minutes.limit);
      addStep(db, id, second.no, at, secondDue);
    },
  };
}

// The same for a complaint already written (an imported one still open), or any complaint
// under a standard of one step.
export function startJourney(deps: CoreDeps, id: number, at: string, by: SessionUser, kelengkapan: string[]): void {
  const { db } = deps;
  const frozen = frozenAt(db, at, by, kelengkapan);
  const journey = journeyOf(db, at, by, frozen);
  if (journey) {
    setColumns(db, id, journey.columns);
    journey.record(id);
    return;
  }
  // One step: saving the complaint finishes it, as completing any last step does.
  const { standard, cal, columns } = frozen;
  setColumns(db, id, columns);
  startStep(db, cal, id, standard.steps[0]!, at, []);
  completeStep(deps, loadState(db, id), by, at, '', { record: false });
}

// The standard version a complaint received at `at` keeps, and its whole clock, which starts
// on receipt or with a complete file. (Step 1 is receiving the complaint, never its
// verification, whose completion would start a clock counted from the complete file.)
function frozenAt(db: Db, at: string, by: SessionUser, kelengkapan: string[]) {
  const versionId = currentVersionId(db, at, by.id);
  const standard = standardVersion(db, versionId);
  const cal = officeCalendar(db);
  const clockStart = standard.clockStartsWhen === 'diterima' || allChecked(standard, kelengkapan) ? at : null;
  const due = clockStart ? addWorkingTime(clockStart, standard.total, cal) : null;
  return { standard, cal, columns: { standard_version_id: versionId, clock_started_at: clockStart, due_at: due } };
}

// The complaint's columns for a step started at `at`, due at `due`.
const stepColumns = (step: Step, at: string, due: string) => ({
  step_no: step.no,
  step_started_at: at,
  step_due_at: due,
  acting: step.executor,
  acting_alt: step.alternates.length ? `,${step.alternates.join(',')},` : '',
  escalate_to: step.escalateTo ?? null,
  escalated: 0,
  updated_at: at,
});
const setColumns = (db: Db, id: number, columns: Record<string, unknown>) =>
  stmt(db, `UPDATE complaints SET ${Object.keys(columns).map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...Object.values(columns), id);

const addStep = (db: Db, id: number, no: number, at: string, due: string) =>
  stmt(db, 'INSERT INTO complaint_steps (complaint_id, step_no, started_at, due_at) VALUES (?, ?, ?, ?)').run(id, no, at, due);

function startStep(db: Db, cal: OfficeCalendar, id: number, step: Step, at: string, pauses: Pause[]): void {
  const due = addWorkingTime(at, step.duration, cal, pauses);
  addStep(db, id, step.no, at, due);
  setColumns(db, id, stepColumns(step, at, due));
}

// Completes the current step and starts the next; after the last, closes the complaint.
// `doneBy`: who the step is credited to when that is not the user recording it (the
// official who signed a letter by hand, whose scan a Staf uploads); `by` stays the actor.
export function completeStep(deps: CoreDeps, l: Loaded, by: SessionUser, at: string, note: string, { record = true, doneBy = by.id }: { record?: boolean; doneBy?: number } = {}): void {
  const { db } = deps;
  const { c, standard, step } = l;
  if (!step) throw new TanggapError('conflict', 'Pengaduan ini tidak memiliki langkah yang berjalan.');
  recordLapsedReturns(db, l, step, by, at);
  const cal = officeCalendar(db);
  const pauses = pausesOf(db, c.id);
  const minutes = stepWorkMinutes(c.step_started_at, c.step_due_at, at, cal, pauses);
  stmt(
    db,
    'UPDATE complaint_steps SET completed_at = ?, completed_by = ?, note = ?, work_minutes = ?, limit_minutes = ? WHERE complaint_id = ? AND step_no = ? AND completed_at IS NULL',
  ).run(at, doneBy, note, minutes?.work ?? null, minutes?.limit ?? null, c.id, step.no);
  // A complaint disposed to no seksi (under a standard with no disposition step, as Waru's)
  // belongs to the seksi of the Kasi who first does a Kasi step of it: the recap, the
  // dashboard and the register's seksi filter count it there, not as "Tanpa disposisi".
  if (step.executor === 'kasi' && by.role === 'kasi' && doneBy === by.id && by.seksi !== '') {
    stmt(db, "UPDATE complaints SET seksi = ? WHERE id = ? AND seksi = ''").run(by.seksi, c.id);
  }
  const next = standard.steps[step.no];
  let status: Status = STAGE_STATUS[step.stage];
  if (standard.clockStartsWhen === 'berkas_lengkap' && !c.clock_started_at && step.stage === 'verifikasi') {
    stmt(db, 'UPDATE complaints SET clock_started_at = ?, due_at = ? WHERE id = ?').run(at, addWorkingTime(at, standard.total, cal, pauses), c.id);
  }
  if (next) {
    startStep(db, cal, c.id, next, at, pauses);
  } else {
    status = step.stage === 'arsip' ? 'diarsipkan' : 'selesai';
    close(db, c.id, at);
  }
  setStatus(db, c.id, status, at);
  if (!record) return;
  const action = next ? `Langkah ${step.no} selesai: ${step.activity}` : `Langkah ${step.no} selesai; pengaduan selesai ditangani`;
  recordComplaintEvent(db, { complaintId: c.id, at, actorId: by.id, words: action, status, note, action: 'complaint.step_completed', data: { step: step.no, status } });
}

// A part a Kasi returned during this step waits for its disposer only while the step runs
// (RETURN_AWAITS): completing the step ends the wait, so the history says so, with whoever
// completed it, before the step's own completion (an entry after that completion would count
// as the next step begun and refuse its undo).
// loadState has already asked whether any part waits (state.returnedTo): the parts
// themselves are read only then, not at every step's completion.
function recordLapsedReturns(db: Db, l: Loaded, step: Step, by: SessionUser, at: string): void {
  if (l.state.returnedTo.length === 0) return;
  const id = l.c.id;
  const lapsed = awaitingReturns(db, id);
  if (lapsed.length === 0) return;
  const one = lapsed.length === 1;
  recordComplaintEvent(db, {
    complaintId: id,
    at,
    actorId: by.id,
    words:
      `Bagian yang dikembalikan ${namesOf(lapsed.map((r) => r.returnedBy))} tidak didisposisikan ulang sebelum langkah ${step.no} selesai; ` +
      `${one ? 'bagian itu' : 'bagian-bagian itu'} tidak lagi menunggu disposisi ${namesOf(lapsed.map((r) => r.disposer))}`,
    note: one ? `Alasan pengembalian: ${lapsed[0]!.reason}` : lapsed.map((r) => `Alasan pengembalian ${r.returnedBy}: ${r.reason}`).join('\n'),
    action: 'disposition.return_lapsed',
    data: { step: step.no, dispositions: lapsed.map((r) => r.id) },
  });
}

// The Camat (or another who may act but is not the step's executor) completes the step
// in the executor's place; the reason goes into the history with the completion.
export function takeOver(deps: CoreDeps, l: Loaded, by: SessionUser, at: string, reason: string): void {
  const step = l.step;
  if (!step) throw new TanggapError('conflict', 'Pengaduan ini tidak memiliki langkah yang berjalan.');
  completeStep(deps, l, by, at, `Diambil alih: ${reason}`, { record: false });
  const status = loadState(deps.db, l.c.id).c.status;
  recordComplaintEvent(deps.db, {
    complaintId: l.c.id,
    at,
    actorId: by.id,
    words: `Langkah ${step.no} diambil alih dan diselesaikan: ${step.activity}`,
    status,
    note: reason,
    action: 'complaint.taken_over',
    data: { step: step.no, status, executor: l.c.acting ?? step.executor },
  });
}

interface CompletedRow {
  id: number;
  step_no: number;
  started_at: string;
  due_at: string;
  completed_at: string;
  completed_by: number;
  escalated: number;
}

// The step completed last, with the history row its completion wrote (only completions
// through "Selesaikan langkah" or "Ambil alih" can be undone: a disposition, paraf,
// signature, delivery or archive record has its own way back).
function lastCompletion(db: Db, id: number): { row: CompletedRow; eventId: number } | null {
  const row = stmt(db, 'SELECT * FROM complaint_steps WHERE complaint_id = ? AND completed_at IS NOT NULL ORDER BY completed_at DESC, id DESC LIMIT 1')
    .get(id) as CompletedRow | undefined;
  if (!row) return null;
  const eventId = pluck(
    db,
    `SELECT json_extract(data, '$.event') FROM audit_log WHERE entity = 'complaint' AND entity_id = ? AND at = ?
       AND action IN ('complaint.step_completed', 'complaint.taken_over') AND json_extract(data, '$.step') = ? ORDER BY id DESC LIMIT 1`,
  ).get(id, row.completed_at, row.step_no) as number | undefined;
  return eventId === undefined ? null : { row, eventId };
}

// Anything recorded on the complaint after the completion means the next step has started:
// a history row (which every change writes), or a disposition, follow-up, document or
// delivery, should one ever be stored without its history row.
function firstAfter(db: Db, id: number, eventId: number, completedAt: string): { at: string; by: number | null } | null {
  return (
    (stmt(db,
        `SELECT at, by FROM (
           SELECT at, actor_id AS by FROM complaint_events WHERE complaint_id = ? AND id > ?
           UNION ALL SELECT created_at, from_user FROM dispositions WHERE complaint_id = ? AND created_at > ?
           UNION ALL SELECT at, by_user FROM follow_ups WHERE complaint_id = ? AND at > ?
           UNION ALL SELECT created_at, created_by FROM issued_documents WHERE complaint_id = ? AND created_at > ?
           UNION ALL SELECT created_at, by_user FROM deliveries WHERE complaint_id = ? AND created_at > ?)
         ORDER BY at LIMIT 1`,
      )
      .get(id, eventId, id, completedAt, id, completedAt, id, completedAt, id, completedAt) as { at: string; by: number | null } | undefined) ?? null
  );
}

export type UndoCheck = { ok: true; row: CompletedRow; step: Step } | { ok: false; code: 'conflict' | 'forbidden'; message: string; field?: 'step' };

/** May this user undo the last completed step now? The one who completed it may, until anything else is recorded. */
// seenStep: the step whose completion the caller's screen offers to undo (see authorize).
export function checkUndo(db: Db, l: Loaded, user: SessionUser, seenStep?: number): UndoCheck {
  const last = lastCompletion(db, l.c.id);
  const step = last ? l.standard.steps[last.row.step_no - 1] : undefined;
  if (!last || !step || (l.c.closed_at !== null && l.c.closed_at !== last.row.completed_at)) {
    return { ok: false, code: 'conflict', message: 'Tidak ada penyelesaian langkah yang dapat dibatalkan pada pengaduan ini.' };
  }
  const need = stepNeed({ step, answerKind: l.state.answerKind, nextStage: l.standard.steps[step.no]?.stage ?? null });
  if (need !== 'advance' && need !== 'draft') {
    return {
      ok: false,
      code: 'conflict',
      message: `Langkah ${step.no} diselesaikan dengan dokumennya (disposisi, paraf, tanda tangan, penyampaian atau arsip), sehingga tidak dibatalkan dari sini.`,
    };
  }
  if (last.row.completed_by !== user.id) {
    return { ok: false, code: 'forbidden', message: `Penyelesaian langkah ${step.no} hanya dapat dibatalkan oleh orang yang menyelesaikannya.` };
  }
  const after = firstAfter(db, l.c.id, last.eventId, last.row.completed_at);
  if (after) {
    const who = after.by === null ? 'sistem (batas waktu)' : ((pluck(db, 'SELECT name FROM users WHERE id = ?').get(after.by) as string | undefined) ?? 'pengguna lain');
    return { ok: false, code: 'conflict', message: `Langkah berikutnya sudah dimulai oleh ${who} pada ${formatTanggalWaktu(after.at, getOffice(db).timeZone)}; tidak dapat dibatalkan.` };
  }
  if (seenStep !== undefined && step.no !== seenStep) {
    return {
      ok: false,
      code: 'conflict',
      field: 'step',
      message: `Penyelesaian langkah ${seenStep} tidak dapat dibatalkan lagi: sesudahnya langkah ${step.no} (${step.activity}) sudah diselesaikan. Periksa keadaan pengaduan sekarang.`,
    };
  }
  return { ok: true, row: last.row, step };
}

/** The undo this user is offered on the complaint page, if any. */
export function undoOffer(db: Db, l: Loaded, user: SessionUser): { stepNo: number; completedAt: string } | null {
  const u = checkUndo(db, l, user);
  return u.ok ? { stepNo: u.step.no, completedAt: u.row.completed_at } : null;
}

/** Who must act now when it is not this user (rules.waitingFor, with the Kasi named). */
export function waitingForOf(db: Db, l: Loaded, user: SessionUser): WaitingFor | null {
  const name = pluck(db, 'SELECT name FROM users WHERE id = ?');
  return waitingFor(user, l.state, (ids) => ids.map((id) => name.get(id) as string).join(', '), officeWords(db));
}

// Puts the complaint back on the step exactly as it stood before its completion: the
// step's own start and due (as stored on its row, so the clock neither gains nor loses
// time), its executor or escalation, the complaint's clock if that completion started it,
// and the dispositions if that completion closed the complaint.
export function undoStep(deps: CoreDeps, l: Loaded, by: SessionUser, at: string, undo: Extract<UndoCheck, { ok: true }>): void {
  const { db } = deps;
  const { row, step } = undo;
  const { c, standard } = l;
  stmt(db, 'DELETE FROM complaint_steps WHERE complaint_id = ? AND completed_at IS NULL').run(c.id);
  stmt(db, "UPDATE complaint_steps SET completed_at = NULL, completed_by = NULL, note = '', work_minutes = NULL, limit_minutes = NULL WHERE id = ?").run(row.id);
  const acting = row.escalated === 1 && step.escalateTo ? step.escalateTo : step.executor;
  stmt(
    db,
    `UPDATE complaints SET step_no = ?, step_started_at = ?, step_due_at = ?, acting = ?, acting_alt = ?, escalate_to = ?, escalated = ?,
       closed_at = NULL, work_minutes = NULL, updated_at = ? WHERE id = ?`,
  ).run(step.no, row.started_at, row.due_at, acting, step.alternates.length ? `,${step.alternates.join(',')},` : '', step.escalateTo ?? null, row.escalated, at, c.id);
  if (standard.clockStartsWhen === 'berkas_lengkap' && step.stage === 'verifikasi' && c.clock_started_at === row.completed_at) {
    stmt(db, 'UPDATE complaints SET clock_started_at = NULL, due_at = NULL WHERE id = ?').run(c.id);
  }
  if (c.closed_at !== null) {
    stmt(db, "UPDATE dispositions SET state = 'aktif', ended_at = NULL WHERE complaint_id = ? AND state = 'selesai' AND ended_at = ?").run(c.id, row.completed_at);
  }
  const before = standard.steps[step.no - 2];
  const status: Status = before ? STAGE_STATUS[before.stage] : 'diterima';
  setStatus(db, c.id, status, at);
  // The parts that lapsed with that completion wait for their disposer again.
  const waiting = awaitingReturns(db, c.id);
  const again = waiting.length ? `; bagian yang dikembalikan ${namesOf(waiting.map((r) => r.returnedBy))} kembali menunggu disposisi ulang` : '';
  recordComplaintEvent(db, {
    complaintId: c.id,
    at,
    actorId: by.id,
    words: `Penyelesaian langkah ${step.no} dibatalkan; langkah ini berjalan lagi: ${step.activity}${again}`,
    status,
    action: 'complaint.step_undone',
    data: { step: step.no, status },
  });
}

function setStatus(db: Db, id: number, status: Status, at: string) {
  stmt(db, 'UPDATE complaints SET status = ?, updated_at = ? WHERE id = ?').run(status, at, id);
}

// A step's working minutes from its start to completion and from its start to its due,
// for the buku rekap's steps and the dashboard's slowest steps.
export function stepWorkMinutes(startedAt: string | null, dueAt: string | null, completedAt: string, cal: OfficeCalendar, pauses: Pause[]) {
  if (!startedAt || !dueAt) return null;
  return { work: workingMinutesBetween(startedAt, completedAt, cal, pauses), limit: workingMinutesBetween(startedAt, dueAt, cal, pauses) };
}

// Working minutes on the complaint's clock from its start to `closedAt` (office hours,
// holidays and pauses left out); null when the clock never started.
export function workMinutesOf(db: Db, id: number, clockStartedAt: string | null, closedAt: string): number | null {
  return clockStartedAt ? workingMinutesBetween(clockStartedAt, closedAt, officeCalendar(db), pausesOf(db, id)) : null;
}

function close(db: Db, id: number, at: string) {
  const clockStartedAt = pluck(db, 'SELECT clock_started_at FROM complaints WHERE id = ?').get(id) as string | null;
  stmt(db, "UPDATE complaints SET closed_at = ?, work_minutes = ?, acting = NULL, acting_alt = '', escalate_to = NULL WHERE id = ?").run(
    at,
    workMinutesOf(db, id, clockStartedAt, at),
    id,
  );
  stmt(db, "UPDATE dispositions SET state = 'selesai', ended_at = ? WHERE complaint_id = ? AND state = 'aktif'").run(at, id);
}

// Side exits that end the complaint: forwarded elsewhere, refused, withdrawn.
export function closeWithExit(deps: CoreDeps, l: Loaded, by: SessionUser | null, at: string, exit: 'bukan_kewenangan' | 'ditolak' | 'dicabut', note: string) {
  const { db } = deps;
  stmt(db, 'UPDATE complaint_steps SET note = ? WHERE complaint_id = ? AND completed_at IS NULL').run(`Dihentikan: ${note}`, l.c.id);
  // Ended while waiting for the reporter (withdrawn, by hand or automatically): the clock
  // stood still until now, so the due times move by the pause as a resume moves them, and
  // a file on time when it was paused is closed on time, not late against a stale due.
  if (l.c.paused_at) endPause(db, l, at);
  stmt(db, 'UPDATE complaints SET exit_note = ? WHERE id = ?').run(note, l.c.id);
  close(db, l.c.id, at);
  setStatus(db, l.c.id, exit, at);
  const words = { bukan_kewenangan: 'Bukan kewenangan kantor; diteruskan', ditolak: 'Pengaduan ditolak', dicabut: 'Pengaduan dicabut' };
  recordComplaintEvent(db, { complaintId: l.c.id, at, actorId: by?.id ?? null, words: words[exit], status: exit, note, action: `complaint.${exit}`, data: { status: exit } });
}

// Tidak lengkap: the clock stops until the reporter completes the file.
export function pause(deps: CoreDeps, l: Loaded, by: SessionUser, at: string, note: string) {
  const { db } = deps;
  stmt(db, 'INSERT INTO pauses (complaint_id, from_at) VALUES (?, ?)').run(l.c.id, at);
  stmt(db, 'UPDATE complaints SET paused_at = ?, resume_status = ? WHERE id = ?').run(at, l.c.status, l.c.id);
  setStatus(db, l.c.id, 'tidak_lengkap', at);
  recordComplaintEvent(db, {
    complaintId: l.c.id,
    at,
    actorId: by.id,
    words: 'Berkas tidak lengkap; pelapor diminta melengkapi (waktu berhenti)',
    status: 'tidak_lengkap',
    note,
    action: 'complaint.paused',
    data: { status: 'tidak_lengkap' },
  });
}

// The pause ends at `at` (the file completed, or the complaint ended while waiting): every
// due time moves by the pause, the complaint's and its open step's.
function endPause(db: Db, { c, standard, step }: Loaded, at: string) {
  stmt(db, 'UPDATE pauses SET to_at = ? WHERE complaint_id = ? AND to_at IS NULL').run(at, c.id);
  const cal = officeCalendar(db);
  const pauses = pausesOf(db, c.id);
  const stepDue = step && c.step_started_at ? addWorkingTime(c.step_started_at, step.duration, cal, pauses) : null;
  const due = c.clock_started_at ? addWorkingTime(c.clock_started_at, standard.total, cal, pauses) : null;
  stmt(db, 'UPDATE complaints SET paused_at = NULL, resume_status = NULL, step_due_at = ?, due_at = ? WHERE id = ?').run(stepDue, due, c.id);
  if (stepDue) stmt(db, 'UPDATE complaint_steps SET due_at = ? WHERE complaint_id = ? AND completed_at IS NULL').run(stepDue, c.id);
}

// The file is complete again: the clock runs on and every due time moves by the pause.
export function resume(deps: CoreDeps, l: Loaded, by: SessionUser, at: string, note: string) {
  const { db } = deps;
  const { c } = l;
  endPause(db, l, at);
  const status = c.resume_status ?? 'diterima';
  setStatus(db, c.id, status, at);
  recordComplaintEvent(db, { complaintId: c.id, at, actorId: by.id, words: 'Berkas dilengkapi pelapor; penanganan dilanjutkan', status, note, action: 'complaint.resumed', data: { status } });
}

/** The columns of a disposition that decide who may end it, and when. */
export interface DispositionEnd {
  from_user: number;
  to_user: number;
  opened_at: string | null;
  state: string;
}

type EndRefusal = { code: 'conflict' | 'forbidden'; message: string } | null;

const NOT_ACTIVE: EndRefusal = { code: 'conflict', message: 'Disposisi ini sudah tidak aktif (ditarik, dikembalikan atau selesai).' };

/** Why `user` may not withdraw disposition `d` (null: he may): its sender or the Camat, until its recipient opens it. */
export function withdrawRefusal(db: Db, user: SessionUser, d: DispositionEnd): EndRefusal {
  if (d.state !== 'aktif') return NOT_ACTIVE;
  if (d.from_user !== user.id && user.role !== 'camat') return { code: 'forbidden', message: `Disposisi hanya dapat ditarik oleh pengirimnya atau ${officeWords(db).head}.` };
  if (d.opened_at) return { code: 'conflict', message: 'Disposisi sudah dibuka oleh penerimanya sehingga tidak dapat ditarik lagi.' };
  return null;
}

/**
 * Why `user` may not return disposition `d` of complaint `l` to its disposer (null: he may).
 * Its Kasi returns it while the work it was sent for is still with the Kasi: from the
 * disposition step to the end of the first run of Kasi steps after it (a step of someone
 * else's before that run, such as forwarding the file, included), no step of that run
 * completed by someone who is not a Kasi (the Camat taking it over, or completing it after
 * its escalation: an escalated step stays the Kasi's to complete too), the file complete.
 * Once the work is handed on (a letter drafted by the Staf, initialled, signed) or done by
 * another, going back to the disposition would undo it.
 */
export function returnRefusal(db: Db, user: SessionUser, l: Loaded, d: DispositionEnd): EndRefusal {
  if (d.state !== 'aktif') return NOT_ACTIVE;
  if (d.to_user !== user.id || user.role !== 'kasi') return { code: 'forbidden', message: 'Hanya Kasi penerima disposisi yang dapat mengembalikannya.' };
  if (l.state.status === 'tidak_lengkap') {
    return { code: 'conflict', message: 'Pengaduan ini sedang menunggu kelengkapan berkas dari pelapor. Disposisi dapat dikembalikan setelah berkasnya lengkap dan penanganan dilanjutkan.' };
  }
  const { steps } = l.standard;
  const step = l.step?.no ?? 0;
  const from = dispositionStepBefore(l.standard, step)?.no ?? step;
  // Steps are numbered from 1: steps[n] is step n + 1. `first`..`last`: the Kasi's run.
  let first = from + 1;
  while (first <= steps.length && steps[first - 1]!.executor !== 'kasi') first++;
  let last = first - 1;
  while (steps[last]?.executor === 'kasi') last++;
  // Read only when refusing: the queues ask this of every disposition they show.
  const tell = () => ` Bila ternyata perkaranya bukan urusan seksi Anda, sampaikan kepada ${officeWords(db).head}.`;
  if (last < first) return { code: 'conflict', message: `Menurut Standar Pelayanan, tidak ada langkah Kasi sesudah disposisi, sehingga disposisi ini tidak dapat dikembalikan.${tell()}` };
  if (step <= from || step > last) {
    const run = last === first ? `langkah ${first}` : `langkah ${first}–${last}`;
    return { code: 'conflict', message: `Disposisi hanya dapat dikembalikan sampai ${run}, selama penanganannya masih di tangan Kasi; pengaduan ini sudah sampai langkah ${step}.${tell()}` };
  }
  // A step of the run begun since the disposition step was last completed, and completed by
  // someone who is not a Kasi.
  const done = stmt(db,
    `SELECT s.step_no AS no, u.name FROM complaint_steps s JOIN users u ON u.id = s.completed_by
     WHERE s.complaint_id = ? AND s.step_no BETWEEN ? AND ? AND u.role <> 'kasi'
       AND s.started_at >= (SELECT max(completed_at) FROM complaint_steps WHERE complaint_id = s.complaint_id AND step_no = ?)
     ORDER BY s.id LIMIT 1`,
  ).get(l.c.id, first, step, from) as { no: number; name: string } | undefined;
  if (!done) return null;
  return { code: 'conflict', message: `Langkah ${done.no} sudah diselesaikan ${done.name}, bukan oleh Kasi, sehingga disposisi tidak dapat dikembalikan lagi.${tell()}` };
}

// Back to the disposition step after the last active disposition was withdrawn or
// returned, so the leader can dispose again. It changes the complaint row: the caller
// records its event after it.
export function reopenDisposition(deps: CoreDeps, id: number, at: string) {
  const { db } = deps;
  const l = loadState(db, id);
  if (l.state.dispositionTo.length > 0 || l.c.closed_at) return;
  const current = l.c.step_no ?? 1;
  const dispStep = dispositionStepBefore(l.standard, current + 1);
  if (dispStep) restartAt(db, l, dispStep, at);
}

const INITIALLED = new Set(['paraf', 'penandatanganan']);

// Back to the step `pick` chooses, when a draft of kind `kind`, the complaint's answer, is
// returned or revised at a paraf or signing step: null (nothing changed) for another kind,
// outside those steps, or when `pick` finds none. It changes the complaint row: the caller
// records its event after it.
function backTo(deps: CoreDeps, id: number, kind: string, at: string, pick: (steps: readonly Step[], current: Step) => Step | undefined): Step | null {
  const l = loadState(deps.db, id);
  if (!l.step || l.c.closed_at || kind !== l.state.answerKind || !INITIALLED.has(l.step.stage)) return null;
  const target = pick(l.standard.steps, l.step);
  if (target) restartAt(deps.db, l, target, at);
  return target ?? null;
}

/**
 * When the answer is returned for correction at a paraf or signing step: back to the last
 * drafting (penyusunan) step before it, so the drafter's step runs again, in his Tugas saya,
 * and completes once the draft's new version is written.
 */
export const backToDrafting = (deps: CoreDeps, id: number, kind: string, at: string) =>
  backTo(deps, id, kind, at, (steps, current) =>
    steps
      .slice(0, current.no - 1)
      .reverse()
      .find((s) => s.stage === 'penyusunan_jawaban'),
  );

/**
 * When a new version of the answer is drafted at a paraf or signing step: back to the first
 * paraf step of the run of paraf and signing steps it stands in (none when it stands at that
 * step already), since the parafs were given to the version it replaces.
 */
export const backToParaf = (deps: CoreDeps, id: number, kind: string, at: string) =>
  backTo(deps, id, kind, at, (steps, current) => {
    let first = current.no;
    while (first > 1 && INITIALLED.has(steps[first - 2]!.stage)) first--;
    return steps.slice(first - 1, current.no - 1).find((s) => s.stage === 'paraf');
  });

// The running step ends unfinished and `step` starts again, as a new row of the step's
// history; the status is that of the stage before it, as when the step first began.
function restartAt(db: Db, l: Loaded, step: Step, at: string) {
  stmt(db, 'DELETE FROM complaint_steps WHERE complaint_id = ? AND completed_at IS NULL').run(l.c.id);
  startStep(db, officeCalendar(db), l.c.id, step, at, pausesOf(db, l.c.id));
  const before = l.standard.steps[step.no - 2];
  setStatus(db, l.c.id, before ? STAGE_STATUS[before.stage] : 'diterima', at);
}

// When a file paused for the reporter's kelengkapan is withdrawn by the sweep.
// Kept per calendar object (replaced whenever the calendar setting changes): the sweep
// asks it for every paused file before each change and queue read.
const withdrawals = new WeakMap<OfficeCalendar, Map<string, string>>();
const WITHDRAWALS_KEPT = 10_000;

export function autoWithdrawAt(pausedAt: string, standard: ServiceStandard, cal: OfficeCalendar): string {
  let kept = withdrawals.get(cal);
  if (!kept) withdrawals.set(cal, (kept = new Map()));
  const key = `${pausedAt}|${standard.autoWithdrawHariKerja}`;
  let at = kept.get(key);
  if (at === undefined) {
    if (kept.size >= WITHDRAWALS_KEPT) kept.clear();
    kept.set(key, (at = addWorkingTime(pausedAt, { amount: standard.autoWithdrawHariKerja, unit: 'hari_kerja' }, cal)));
  }
  return at;
}

// After a sweep that changed nothing: the data it saw (dataStamp), the earliest step due
// that can escalate, and the earliest withdrawal. While the data stays the same, nothing
// falls due before those instants, so a sweep until then only compares them. Only a sweep
// that saw committed data is remembered: one that escalated or withdrew, or ran after
// other changes of its transaction, saw data a rollback may undo (and the count of
// changes that dataStamp reads does not go back).
const quiet = new WeakMap<Db, { stamp: string; nextDue: string | null; nextWithdrawal: string | null }>();

const stillQuiet = (db: Db, at: string) => {
  const q = quiet.get(db);
  return q !== undefined && (q.nextDue === null || at <= q.nextDue) && (q.nextWithdrawal === null || at < q.nextWithdrawal) && q.stamp === dataStamp(db);
};

// The sweep the lists run before they read. Where the last quiet sweep no longer holds
// (the data changed, or an instant it named has come), what is due is looked at first
// outside any transaction, and the write lock (which waits for another PC's save, and
// makes the others wait) is taken only when something is due. The data's stamp is taken before that
// look: a change committed elsewhere meanwhile makes the next call look again.
export function sweepBeforeReading(deps: CoreDeps): void {
  const { db } = deps;
  const at = deps.now().toISOString();
  if (stillQuiet(db, at)) return;
  if (!db.inTransaction) {
    const stamp = dataStamp(db);
    const due = dueAt(db, at);
    if (due.overdue.length === 0 && due.withdraw.length === 0) return rememberQuiet(db, stamp, due.nextWithdrawal);
  }
  write(db, () => sweep(deps));
}

// What a sweep at `at` finds: the complaints whose step was due before it and escalates,
// the files paused past their automatic withdrawal, and the earliest withdrawal still to come.
// Under one standard version a file paused later is withdrawn no earlier (the same working
// days added to a later start), so each version's files are read in the order they were
// paused until the first not yet due (complaints_paused), not every paused file each time.
function dueAt(db: Db, at: string) {
  const overdue = pluck(
    db,
    "SELECT id FROM complaints WHERE closed_at IS NULL AND escalate_to IS NOT NULL AND escalated = 0 AND step_due_at < ? AND status <> 'tidak_lengkap'",
  ).all(at) as number[];
  const withdraw: number[] = [];
  let nextWithdrawal: string | null = null;
  const versions = pluck(db, `SELECT DISTINCT standard_version_id FROM complaints WHERE ${PAUSED}`).all() as number[];
  if (versions.length) {
    const cal = officeCalendar(db);
    const byPause = stmt(db, `SELECT id, paused_at FROM complaints WHERE ${PAUSED} AND standard_version_id IS ? ORDER BY paused_at`);
    for (const version of versions) {
      const standard = standardVersion(db, version);
      for (const p of byPause.iterate(version) as IterableIterator<{ id: number; paused_at: string }>) {
        const withdrawAt = autoWithdrawAt(p.paused_at, standard, cal);
        if (withdrawAt <= at) withdraw.push(p.id);
        else {
          if (nextWithdrawal === null || withdrawAt < nextWithdrawal) nextWithdrawal = withdrawAt;
          break;
        }
      }
    }
  }
  return { overdue, withdraw, nextWithdrawal };
}
const PAUSED = "status = 'tidak_lengkap' AND closed_at IS NULL";

function rememberQuiet(db: Db, stamp: string, nextWithdrawal: string | null): void {
  // The escalation's own condition, its earliest due first (complaints_escalation).
  const nextDue = pluck(
    db,
    "SELECT min(step_due_at) FROM complaints WHERE closed_at IS NULL AND escalate_to IS NOT NULL AND escalated = 0 AND status <> 'tidak_lengkap'",
  ).get() as string | null;
  quiet.set(db, { stamp, nextDue, nextWithdrawal });
}

// Kejayan-style escalation and the automatic withdrawal of files never completed.
// Idempotent; transports run it every minute and the queues before they read.
export function sweep(deps: CoreDeps): { escalated: number; withdrawn: number } {
  const { db } = deps;
  const at = deps.now().toISOString();
  if (stillQuiet(db, at)) return { escalated: 0, withdrawn: 0 };
  const { overdue, withdraw, nextWithdrawal } = dueAt(db, at);
  let escalated = 0;
  for (const id of overdue) {
    const l = loadState(db, id);
    const to = l.step?.escalateTo;
    if (!l.step || !to) continue;
    stmt(db, 'UPDATE complaints SET escalated = 1, acting = ? WHERE id = ?').run(to, id);
    stmt(db, 'UPDATE complaint_steps SET escalated = 1 WHERE complaint_id = ? AND completed_at IS NULL').run(id);
    const who = executorWord(to, l.state, officeWords(db));
    recordComplaintEvent(db, {
      complaintId: id,
      at,
      actorId: null,
      words: `Batas waktu langkah ${l.step.no} terlampaui; dialihkan ke ${who} (eskalasi)`,
      action: 'complaint.escalated',
      data: { step: l.step.no, to },
    });
    escalated++;
  }
  for (const id of withdraw) {
    const l = loadState(db, id);
    closeWithExit(deps, l, null, at, 'dicabut', `Dicabut otomatis: berkas tidak dilengkapi pelapor dalam ${l.standard.autoWithdrawHariKerja} hari kerja.`);
  }
  if (escalated || withdraw.length || !nothingUncommitted(db)) quiet.delete(db);
  else rememberQuiet(db, dataStamp(db), nextWithdrawal);
  return { escalated, withdrawn: withdraw.length };
}

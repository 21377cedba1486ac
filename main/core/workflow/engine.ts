import type { Status } from '../../../shared/domain';
import type { Action } from '../../../shared/schemas/workflow';
import type { ServiceStandard, Step } from '../../../shared/standards/schema';
import { addWorkingTime, type OfficeCalendar, type Pause } from '../../../shared/time/workingTime';
import { appendAudit } from '../audit/chain';
import { addEvent } from '../complaints/repo';
import type { CoreDeps, SessionUser } from '../context';
import type { Db } from '../db/open';
import { notFound, TanggapError } from '../errors';
import { allowedActions, answerKindOf, refusal, STAGE_STATUS, type JourneyState } from './rules';
import { currentVersionId, officeCalendar, standardVersion } from './standard';

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

export function loadState(db: Db, id: number): Loaded {
  const c = db.prepare('SELECT * FROM complaints WHERE id = ?').get(id) as ComplaintState | undefined;
  if (!c) throw notFound('Pengaduan');
  const standard = standardVersion(db, c.standard_version_id);
  const step = c.step_no === null ? null : (standard.steps[c.step_no - 1] ?? null);
  const dispositionTo = (
    db.prepare("SELECT to_user FROM dispositions WHERE complaint_id = ? AND state = 'aktif'").all(id) as { to_user: number }[]
  ).map((r) => r.to_user);
  const answerKind = answerKindOf(standard);
  const hasDraft =
    answerKind !== null &&
    !!db.prepare("SELECT 1 FROM issued_documents WHERE complaint_id = ? AND kind = ? AND status = 'draf' AND superseded_by IS NULL").get(id, answerKind);
  const nextStage = step ? (standard.steps[step.no]?.stage ?? null) : null;
  return {
    c,
    standard,
    step,
    state: { status: c.status, closed: c.closed_at !== null, step, acting: c.acting, escalated: c.escalated === 1, dispositionTo, answerKind, hasDraft, nextStage },
  };
}

// Loads the complaint and refuses, with the reason, an action the user may not take.
export function authorize(db: Db, user: SessionUser, id: number, action: Action): Loaded {
  const l = loadState(db, id);
  if (!allowedActions(user, l.state).includes(action)) {
    const r = refusal(action, l.state);
    throw new TanggapError(r.code, r.message);
  }
  return l;
}

export function pausesOf(db: Db, id: number): Pause[] {
  return (db.prepare('SELECT from_at AS "from", to_at AS "to" FROM pauses WHERE complaint_id = ? ORDER BY id').all(id) as Pause[]);
}

const allChecked = (standard: ServiceStandard, kelengkapan: string[]) =>
  standard.kelengkapanChecklist.every((item) => kelengkapan.includes(item));

// Called by intake, inside its transaction: freezes the standard version, records
// step 1 (receiving the complaint is done by saving it) and starts step 2.
export function startJourney(deps: CoreDeps, id: number, at: string, by: SessionUser, kelengkapan: string[]): void {
  const { db } = deps;
  const versionId = currentVersionId(db, at, by.id);
  const standard = standardVersion(db, versionId);
  const cal = officeCalendar(db);
  const clockStart = standard.clockStartsWhen === 'diterima' || allChecked(standard, kelengkapan) ? at : null;
  db.prepare('UPDATE complaints SET standard_version_id = ?, clock_started_at = ?, due_at = ? WHERE id = ?').run(
    versionId,
    clockStart,
    clockStart ? addWorkingTime(clockStart, standard.total, cal) : null,
    id,
  );
  startStep(db, cal, id, standard.steps[0]!, at, []);
  // Saving the complaint is step 1; its 'received' event and audit row say so.
  completeStep(deps, loadState(db, id), by, at, '', false);
}

function startStep(db: Db, cal: OfficeCalendar, id: number, step: Step, at: string, pauses: Pause[]): void {
  const due = addWorkingTime(at, step.duration, cal, pauses);
  db.prepare('INSERT INTO complaint_steps (complaint_id, step_no, started_at, due_at) VALUES (?, ?, ?, ?)').run(id, step.no, at, due);
  db.prepare(
    `UPDATE complaints SET step_no = ?, step_started_at = ?, step_due_at = ?, acting = ?, acting_alt = ?, escalate_to = ?,
       escalated = 0, updated_at = ? WHERE id = ?`,
  ).run(step.no, at, due, step.executor, step.alternates.length ? `,${step.alternates.join(',')},` : '', step.escalateTo ?? null, at, id);
}

// Completes the current step and starts the next; after the last, closes the complaint.
export function completeStep(deps: CoreDeps, l: Loaded, by: SessionUser, at: string, note: string, record = true): void {
  const { db } = deps;
  const { c, standard, step } = l;
  if (!step) throw new TanggapError('conflict', 'Pengaduan ini tidak memiliki langkah yang berjalan.');
  db.prepare(
    'UPDATE complaint_steps SET completed_at = ?, completed_by = ?, note = ? WHERE complaint_id = ? AND step_no = ? AND completed_at IS NULL',
  ).run(at, by.id, note, c.id, step.no);
  const next = standard.steps[step.no];
  let status: Status = STAGE_STATUS[step.stage];
  const cal = officeCalendar(db);
  const pauses = pausesOf(db, c.id);
  if (standard.clockStartsWhen === 'berkas_lengkap' && !c.clock_started_at && step.stage === 'verifikasi') {
    db.prepare('UPDATE complaints SET clock_started_at = ?, due_at = ? WHERE id = ?').run(at, addWorkingTime(at, standard.total, cal, pauses), c.id);
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
  addEvent(db, c.id, at, by.id, action, status, note);
  appendAudit(db, { at, actorId: by.id, action: 'complaint.step_completed', entity: 'complaint', entityId: c.id, data: { step: step.no, status } });
}

function setStatus(db: Db, id: number, status: Status, at: string) {
  db.prepare('UPDATE complaints SET status = ?, updated_at = ? WHERE id = ?').run(status, at, id);
}

function close(db: Db, id: number, at: string) {
  db.prepare("UPDATE complaints SET closed_at = ?, acting = NULL, acting_alt = '', escalate_to = NULL WHERE id = ?").run(at, id);
  db.prepare("UPDATE dispositions SET state = 'selesai', ended_at = ? WHERE complaint_id = ? AND state = 'aktif'").run(at, id);
}

// Side exits that end the complaint: forwarded elsewhere, refused, withdrawn.
export function closeWithExit(deps: CoreDeps, l: Loaded, by: SessionUser | null, at: string, exit: 'bukan_kewenangan' | 'ditolak' | 'dicabut', note: string) {
  const { db } = deps;
  db.prepare('UPDATE complaint_steps SET note = ? WHERE complaint_id = ? AND completed_at IS NULL').run(`Dihentikan: ${note}`, l.c.id);
  db.prepare('UPDATE pauses SET to_at = ? WHERE complaint_id = ? AND to_at IS NULL').run(at, l.c.id);
  db.prepare('UPDATE complaints SET exit_note = ?, paused_at = NULL WHERE id = ?').run(note, l.c.id);
  close(db, l.c.id, at);
  setStatus(db, l.c.id, exit, at);
  const words = { bukan_kewenangan: 'Bukan kewenangan kantor; diteruskan', ditolak: 'Pengaduan ditolak', dicabut: 'Pengaduan dicabut' };
  addEvent(db, l.c.id, at, by?.id ?? null, words[exit], exit, note);
  appendAudit(db, { at, actorId: by?.id ?? null, action: `complaint.${exit}`, entity: 'complaint', entityId: l.c.id, data: { status: exit } });
}

// Tidak lengkap: the clock stops until the reporter completes the file.
export function pause(deps: CoreDeps, l: Loaded, by: SessionUser, at: string, note: string) {
  const { db } = deps;
  db.prepare('INSERT INTO pauses (complaint_id, from_at) VALUES (?, ?)').run(l.c.id, at);
  db.prepare('UPDATE complaints SET paused_at = ?, resume_status = ? WHERE id = ?').run(at, l.c.status, l.c.id);
  setStatus(db, l.c.id, 'tidak_lengkap', at);
  addEvent(db, l.c.id, at, by.id, 'Berkas tidak lengkap; pelapor diminta melengkapi (waktu berhenti)', 'tidak_lengkap', note);
  appendAudit(db, { at, actorId: by.id, action: 'complaint.paused', entity: 'complaint', entityId: l.c.id, data: { status: 'tidak_lengkap' } });
}

// The file is complete again: the clock runs on and every due time moves by the pause.
export function resume(deps: CoreDeps, l: Loaded, by: SessionUser, at: string, note: string) {
  const { db } = deps;
  const { c, standard, step } = l;
  db.prepare('UPDATE pauses SET to_at = ? WHERE complaint_id = ? AND to_at IS NULL').run(at, c.id);
  const cal = officeCalendar(db);
  const pauses = pausesOf(db, c.id);
  const stepDue = step && c.step_started_at ? addWorkingTime(c.step_started_at, step.duration, cal, pauses) : null;
  const due = c.clock_started_at ? addWorkingTime(c.clock_started_at, standard.total, cal, pauses) : null;
  db.prepare('UPDATE complaints SET paused_at = NULL, resume_status = NULL, step_due_at = ?, due_at = ? WHERE id = ?').run(stepDue, due, c.id);
  if (stepDue) db.prepare('UPDATE complaint_steps SET due_at = ? WHERE complaint_id = ? AND completed_at IS NULL').run(stepDue, c.id);
  const status = c.resume_status ?? 'diterima';
  setStatus(db, c.id, status, at);
  addEvent(db, c.id, at, by.id, 'Berkas dilengkapi pelapor; penanganan dilanjutkan', status, note);
  appendAudit(db, { at, actorId: by.id, action: 'complaint.resumed', entity: 'complaint', entityId: c.id, data: { status } });
}

// Back to the disposition step after the last active disposition was withdrawn or
// returned, so the leader can dispose again.
export function reopenDisposition(deps: CoreDeps, id: number, at: string) {
  const { db } = deps;
  const l = loadState(db, id);
  if (l.state.dispositionTo.length > 0 || l.c.closed_at) return;
  const current = l.c.step_no ?? 1;
  const dispStep = [...l.standard.steps].reverse().find((s) => s.no <= current && s.stage === 'disposisi');
  if (!dispStep) return;
  db.prepare('DELETE FROM complaint_steps WHERE complaint_id = ? AND completed_at IS NULL').run(id);
  startStep(db, officeCalendar(db), id, dispStep, at, pausesOf(db, id));
  const before = l.standard.steps[dispStep.no - 2];
  setStatus(db, id, before ? STAGE_STATUS[before.stage] : 'diterima', at);
}

// Kejayan-style escalation and the automatic withdrawal of files never completed.
// Idempotent; transports run it every minute and the queues before they read.
export function sweep(deps: CoreDeps): { escalated: number; withdrawn: number } {
  const { db } = deps;
  const at = deps.now().toISOString();
  let escalated = 0;
  let withdrawn = 0;
  const overdue = db
    .prepare(
      "SELECT id FROM complaints WHERE closed_at IS NULL AND escalate_to IS NOT NULL AND escalated = 0 AND step_due_at < ? AND status <> 'tidak_lengkap'",
    )
    .all(at) as { id: number }[];
  for (const { id } of overdue) {
    const l = loadState(db, id);
    const to = l.step?.escalateTo;
    if (!l.step || !to) continue;
    db.prepare('UPDATE complaints SET escalated = 1, acting = ? WHERE id = ?').run(to, id);
    db.prepare('UPDATE complaint_steps SET escalated = 1 WHERE complaint_id = ? AND completed_at IS NULL').run(id);
    const who = to === 'camat' ? 'Camat' : to;
    addEvent(db, id, at, null, `Batas waktu langkah ${l.step.no} terlampaui; dialihkan ke ${who} (eskalasi)`, null);
    appendAudit(db, { at, actorId: null, action: 'complaint.escalated', entity: 'complaint', entityId: id, data: { step: l.step.no, to } });
    escalated++;
  }
  const paused = db.prepare("SELECT id, paused_at FROM complaints WHERE status = 'tidak_lengkap' AND closed_at IS NULL").all() as {
    id: number;
    paused_at: string;
  }[];
  if (paused.length) {
    const cal = officeCalendar(db);
    for (const p of paused) {
      const l = loadState(db, p.id);
      const days = l.standard.autoWithdrawHariKerja;
      if (addWorkingTime(p.paused_at, { amount: days, unit: 'hari_kerja' }, cal) > at) continue;
      closeWithExit(deps, l, null, at, 'dicabut', `Dicabut otomatis: berkas tidak dilengkapi pelapor dalam ${days} hari kerja.`);
      withdrawn++;
    }
  }
  return { escalated, withdrawn };
}

import type { Db } from '../db/open';
import { write } from '../context';
import { addWorkingTime } from '../../../shared/time/workingTime';
import { pausesOf, stepWorkMinutes, workMinutesOf } from '../workflow/engine';
import { currentStandard, officeCalendar, standardVersion } from '../workflow/standard';
import { findOffice } from '../office/settings';

// Complaints closed, and steps completed, before the core counted working minutes at
// closing (migration 11) get them here, at start: working time needs the office
// calendar, which SQL does not have. The triggers then move them into the summaries.
// Both lists come from partial indexes that are empty once done, so a start with
// nothing to fill costs two lookups in them (named, so no plan walks every closed
// complaint instead) and takes no write lock.
const PENDING_COMPLAINTS = 'SELECT id, clock_started_at, closed_at FROM complaints INDEXED BY complaints_minutes_pending WHERE closed_at IS NOT NULL AND clock_started_at IS NOT NULL AND work_minutes IS NULL';
const PENDING_STEPS = 'SELECT id, complaint_id, started_at, due_at, completed_at FROM complaint_steps INDEXED BY complaint_steps_minutes_pending WHERE completed_at IS NOT NULL AND work_minutes IS NULL';

export function fillWorkMinutes(db: Db): void {
  if (!findOffice(db) || (!db.prepare(PENDING_COMPLAINTS).get() && !db.prepare(PENDING_STEPS).get())) return;
  write(db, () => {
    const cal = officeCalendar(db);
    const setComplaint = db.prepare('UPDATE complaints SET work_minutes = ? WHERE id = ?');
    for (const c of db.prepare(PENDING_COMPLAINTS).all() as { id: number; clock_started_at: string; closed_at: string }[]) {
      setComplaint.run(workMinutesOf(db, c.id, c.clock_started_at, c.closed_at), c.id);
    }
    const setStep = db.prepare('UPDATE complaint_steps SET work_minutes = ?, limit_minutes = ? WHERE id = ?');
    for (const s of db.prepare(PENDING_STEPS).all() as { id: number; complaint_id: number; started_at: string; due_at: string; completed_at: string }[]) {
      const m = stepWorkMinutes(s.started_at, s.due_at, s.completed_at, cal, pausesOf(db, s.complaint_id));
      setStep.run(m?.work ?? null, m?.limit ?? null, s.id);
    }
  });
}

// The dues of complaints withdrawn while they waited, listed by migration 39: moved by
// their pauses as a resume moves them, so the summaries judge them as they now judge such
// a withdrawal. The list is empty once done.
export function fillPauseExitDues(db: Db): void {
  if (!db.prepare('SELECT 1 FROM dues_pending').get() || !findOffice(db)) return;
  write(db, () => {
    const cal = officeCalendar(db);
    const pending = db.prepare(
      'SELECT c.id, c.clock_started_at, c.standard_version_id FROM dues_pending d JOIN complaints c ON c.id = d.complaint_id WHERE c.clock_started_at IS NOT NULL',
    ).all() as { id: number; clock_started_at: string; standard_version_id: number | null }[];
    const setDue = db.prepare('UPDATE complaints SET due_at = ? WHERE id = ?');
    for (const c of pending) {
      const standard = c.standard_version_id === null ? currentStandard(db) : standardVersion(db, c.standard_version_id);
      setDue.run(addWorkingTime(c.clock_started_at, standard.total, cal, pausesOf(db, c.id)), c.id);
    }
    db.prepare('DELETE FROM dues_pending').run();
  });
}

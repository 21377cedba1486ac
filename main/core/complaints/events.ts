import { createHash } from 'node:crypto';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { pluck, stmt } from '../db/statements';
import { afterCommit } from '../db/afterCommit';
import { notFound } from '../errors';

// A complaint's history and the audit chain are written here together, so no change can
// leave one without the other: each history row gets an audit row carrying a hash of
// the complaint's record as the change left it. A record edited outside the app then no
// longer matches the state its last audit row saw.

// Every column `complaints` had before migration 10: each one is only written by intake
// or by a change that records an event afterwards in the same transaction (intake, step
// changes, dispositions, exits, pause and resume, escalation, archive location,
// satisfaction on signing). The list is fixed rather than `SELECT *` so a column added
// later does not change the hash of states already recorded (see LATER_COLUMNS).
const STATE_COLUMNS = [
  'id',
  'register_no',
  'year',
  'seq',
  'received_at',
  'kind',
  'channel',
  'category',
  'reporter_name',
  'reporter_address',
  'reporter_nik',
  'reporter_phone',
  'reporter_email',
  'anonymous',
  'confidential',
  'subject',
  'description',
  'loss',
  'expectation',
  'incident_place',
  'incident_date',
  'lapor_tracking_id',
  'kelengkapan',
  'status',
  'received_by',
  'created_at',
  'updated_at',
  'standard_version_id',
  'step_no',
  'step_started_at',
  'step_due_at',
  'acting',
  'acting_alt',
  'escalate_to',
  'clock_started_at',
  'due_at',
  'escalated',
  'paused_at',
  'resume_status',
  'exit_note',
  'closed_at',
  'archive_location',
  'satisfaction',
] as const;

// Columns added later join the hash only when they hold something other than their
// default, so the states recorded before they existed keep their hashes.
const LATER_COLUMNS = ['letter_no', 'letter_date'] as const;
// seksi and work_minutes stay out on purpose: both are derived (from the dispositions and
// from the clock) for the buku rekap, and work_minutes of complaints closed before it
// existed is filled in at start without a history row.
const ALL_COLUMNS = [...STATE_COLUMNS, ...LATER_COLUMNS];

const STATE_SQL = `SELECT ${ALL_COLUMNS.join(', ')} FROM complaints`;

// Canonical form: the values in the fixed column order (STRICT columns keep their types,
// so the same record always gives the same text).
const hashOf = (row: Record<string, unknown>) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        ...STATE_COLUMNS.map((c) => row[c] ?? null),
        ...LATER_COLUMNS.filter((c) => (row[c] ?? '') !== '').map((c) => [c, row[c]]),
      ]),
    )
    .digest('hex');

/** SHA-256 (hex) of the complaint's record as it stands now. */
export function complaintStateHash(db: Db, id: number): string {
  const row = stmt(db, `${STATE_SQL} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) throw notFound('Pengaduan');
  return hashOf(row);
}

function addEvent(db: Db, complaintId: number, at: string, actorId: number | null, words: string, status: string | null, note: string): number {
  const info = stmt(db, 'INSERT INTO complaint_events (complaint_id, at, actor_id, action, status, note) VALUES (?, ?, ?, ?, ?, ?)').run(complaintId, at, actorId, words, status, note);
  return Number(info.lastInsertRowid);
}

export interface ComplaintEvent {
  complaintId: number;
  at: string;
  actorId: number | null;
  /** The history line shown on the complaint (Indonesian). */
  words: string;
  /** The status the complaint took with this event, if it changed. */
  status?: string | null;
  note?: string;
  /** The audit action, e.g. 'complaint.step_completed'. */
  action: string;
  /** Audit details: ids and codes, never personal data. */
  data?: Record<string, unknown>;
}

/**
 * Records a history row and its audit row. Call it inside the write transaction and
 * after every update of the complaint row that the event stands for, so the state
 * hash is the state after the event.
 */
export function recordComplaintEvent(db: Db, e: ComplaintEvent): void {
  const current = noteOutsideEdit(db, e.complaintId, e.at);
  const eventId = addEvent(db, e.complaintId, e.at, e.actorId, e.words, e.status ?? null, e.note ?? '');
  appendAudit(db, {
    at: e.at,
    actorId: e.actorId,
    action: e.action,
    entity: 'complaint',
    entityId: e.complaintId,
    data: { ...e.data, event: eventId, state: current ?? complaintStateHash(db, e.complaintId) },
  });
  // Open screens hear of the change once it has committed (main/core/events.ts).
  afterCommit(db, { complaintId: e.complaintId, action: e.action, actorId: e.actorId, data: e.data ?? {} } satisfies CommittedChange);
}

/** A recorded complaint change as main/core/events.ts receives it after the commit. */
export interface CommittedChange {
  complaintId: number;
  action: string;
  actorId: number | null;
  data: Record<string, unknown>;
}

// The next recorded event would take an edit made outside the app as its starting point
// and hide it. So each connection of the app keeps the record as it was before the app's
// first update since the last event; when that differs from the state last recorded, an
// audit row says so before the event is recorded. Only an update of the recorded columns
// is one: the change marks that triggers raise with every step and disposition leave them
// as they were, and keeping the record at each of those cost a write of its 45 columns.
export function watchOutsideEdits(db: Db): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS complaint_prior (${ALL_COLUMNS.map((c) => (c === 'id' ? 'id INTEGER PRIMARY KEY' : c)).join(', ')});
    CREATE TEMP TRIGGER IF NOT EXISTS complaint_prior_keep BEFORE UPDATE OF ${ALL_COLUMNS.join(', ')} ON main.complaints BEGIN
      INSERT OR IGNORE INTO complaint_prior VALUES (${ALL_COLUMNS.map((c) => `old.${c}`).join(', ')});
    END;
  `);
}

const lastRecordedState = (db: Db, id: number) =>
  pluck(
    db,
    "SELECT json_extract(data, '$.state') FROM audit_log WHERE entity = 'complaint' AND entity_id = ? AND json_extract(data, '$.state') IS NOT NULL ORDER BY id DESC LIMIT 1",
  ).get(id) as string | undefined;

// The record before this transaction's own changes is the one kept by the trigger, or,
// when the app has not updated it yet, the record as it stands: then its hash is also the
// state the event records (the event's row changes nothing of the record), and is returned.
function noteOutsideEdit(db: Db, complaintId: number, at: string): string | undefined {
  const prior = stmt(db, 'SELECT * FROM temp.complaint_prior WHERE id = ?').get(complaintId) as Record<string, unknown> | undefined;
  if (prior) stmt(db, 'DELETE FROM temp.complaint_prior WHERE id = ?').run(complaintId);
  const before = prior ?? (stmt(db, `${STATE_SQL} WHERE id = ?`).get(complaintId) as Record<string, unknown> | undefined);
  if (!before) return undefined;
  const recorded = lastRecordedState(db, complaintId);
  const found = hashOf(before);
  if (recorded && recorded !== found) {
    appendAudit(db, { at, actorId: null, action: 'complaint.changed_outside', entity: 'complaint', entityId: complaintId, data: { recorded, found } });
  }
  return prior ? undefined : found;
}

export interface ComplaintCheck {
  checked: number;
  changed: { id: number; registerNo: string }[];
}

/**
 * Compares every complaint with the state its newest audit row recorded (the
 * `complaints` part of the audit verdict). A complaint whose record differs, or that
 * has no audit row at all (inserted outside the app), or whose outside edit was found
 * by a later event (complaint.changed_outside), is changed. Complaints whose
 * audit rows all predate the state hashes cannot be checked and are not counted.
 */
export function checkComplaints(db: Db): ComplaintCheck {
  const recorded = new Map<number, string | null>();
  const rows = db
    .prepare("SELECT entity_id AS id, action, json_extract(data, '$.state') AS state FROM audit_log WHERE entity = 'complaint' AND entity_id IS NOT NULL ORDER BY id")
    .iterate() as IterableIterator<{ id: number; action: string; state: string | null }>;
  const flagged = new Set<number>();
  for (const r of rows) {
    if (r.state !== null) recorded.set(r.id, r.state);
    else if (!recorded.has(r.id)) recorded.set(r.id, null);
    if (r.action === 'complaint.changed_outside') flagged.add(r.id);
  }
  let checked = 0;
  const changed: ComplaintCheck['changed'] = [];
  for (const row of db.prepare(`${STATE_SQL} ORDER BY id`).iterate() as IterableIterator<Record<string, unknown>>) {
    const id = row.id as number;
    const state = recorded.get(id);
    if (state === null) continue;
    checked++;
    if (state !== hashOf(row) || flagged.has(id)) changed.push({ id, registerNo: row.register_no as string });
  }
  return { checked, changed };
}

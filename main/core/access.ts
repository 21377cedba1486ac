import type { SessionUser } from './context';
import type { Db } from './db/open';
import { stmt } from './db/statements';
import { notFound, TanggapError } from './errors';
import { getOffice, officeWords } from './office/settings';
import { formatTanggalWaktu } from '../../shared/time/format';
import { loadState } from './workflow/engine';
import { mayActOnStep } from './workflow/rules';

// The one row-level rule under the contract's role gate: what a user may see and do
// with one complaint. Every read and write of a complaint, its journey, documents and
// attachments asks here.
//
// - Camat and Sekcam see every complaint; Staf receive and register, so they see and
//   handle every complaint too.
// - A Kasi sees a complaint disposed to them (now or earlier, unless withdrawn), one
//   whose step they completed, and, in a standard whose Kasi steps need no disposition,
//   one whose current step they may take while it is disposed to nobody. The register
//   lists the others with the reporter masked, but opening them is refused.
// - A document is read by whoever may sign it now or signed it: a Kasi appointed
//   Plt./Plh. signs letters of complaints not disposed to him (requireDocument). Signing
//   an answer at its step completes that step in his name, and so, as for anyone who
//   completed one of its steps, the complaint becomes his to see from then on.
// - Admin runs the office and the accounts and reads no complaint.
// - Anonim: the reporter's identity is for the Camat and the Staf who received it only.
// - Rahasia: the identity is for the complaint's handlers (everyone who may see it).

export interface ComplaintAccess {
  see: boolean;
  identity: boolean;
  handler: boolean;
}

interface Facts {
  anonymous: number;
  received_by: number;
}

const DISPOSED_TO = "SELECT complaint_id FROM dispositions WHERE to_user = ? AND state <> 'ditarik'";
const HANDLED_BY = 'SELECT complaint_id FROM complaint_steps WHERE completed_by = ?';

function kasiHandles(db: Db, user: SessionUser, complaintId: number): boolean {
  if (stmt(db, `${DISPOSED_TO} AND complaint_id = ? UNION ALL ${HANDLED_BY} AND complaint_id = ?`).get(user.id, complaintId, user.id, complaintId)) return true;
  if (stmt(db, "SELECT 1 FROM dispositions WHERE complaint_id = ? AND state <> 'ditarik'").get(complaintId)) return false;
  return mayActOnStep(user, loadState(db, complaintId).state);
}

function accessOf(db: Db, user: SessionUser, complaintId: number, c: Facts): ComplaintAccess {
  const see =
    user.role === 'camat' || user.role === 'sekcam' || user.role === 'staf' || (user.role === 'kasi' && kasiHandles(db, user, complaintId));
  const identity = see && (!c.anonymous || user.role === 'camat' || (user.role === 'staf' && c.received_by === user.id));
  return { see, identity, handler: see };
}

export function complaintAccess(db: Db, user: SessionUser, complaintId: number): ComplaintAccess {
  const c = stmt(db, 'SELECT anonymous, received_by FROM complaints WHERE id = ?').get(complaintId) as Facts | undefined;
  if (!c) throw notFound('Pengaduan');
  return accessOf(db, user, complaintId, c);
}

const refused = (db: Db) => {
  const { head, secretary } = officeWords(db);
  return new TanggapError('forbidden', `Pengaduan ini tidak didisposisikan kepada Anda sehingga tidak dapat dibuka. Mintalah disposisi kepada ${head} atau ${secretary} bila perlu.`);
};

// A Kasi whose disposition was withdrawn (from a list opened before) is told so, by whom and when.
function refusedTo(db: Db, user: SessionUser, complaintId: number): TanggapError {
  const withdrawn = stmt(
    db,
    "SELECT d.ended_at AS at, u.name FROM dispositions d JOIN users u ON u.id = d.from_user WHERE d.complaint_id = ? AND d.to_user = ? AND d.state = 'ditarik' ORDER BY d.id DESC LIMIT 1",
  ).get(complaintId, user.id) as { at: string; name: string } | undefined;
  if (!withdrawn) return refused(db);
  return new TanggapError(
    'forbidden',
    `Disposisi pengaduan ini kepada Anda sudah ditarik oleh ${withdrawn.name} pada ${formatTanggalWaktu(withdrawn.at, getOffice(db).timeZone)}, sehingga pengaduan ini tidak lagi dapat Anda buka.`,
  );
}

// Refuses (before anything is stored or changed) a user who may not see the complaint.
export function requireComplaint(db: Db, user: SessionUser, complaintId: number): ComplaintAccess {
  const a = complaintAccess(db, user, complaintId);
  if (!a.see) throw refusedTo(db, user, complaintId);
  return a;
}

// Access to an attachment comes from its complaint.
export function requireAttachment(db: Db, user: SessionUser, attachmentId: number): number {
  const row = stmt(db, 'SELECT complaint_id FROM attachments WHERE id = ?').get(attachmentId) as { complaint_id: number } | undefined;
  if (!row) throw notFound('Lampiran');
  requireComplaint(db, user, row.complaint_id);
  return row.complaint_id;
}

// Access to a document comes from its complaint; documents without one are office forms
// every handler may read. `signs` (asked only of a user who may not see the complaint): the
// user may sign it now or signed it, as a Kasi acting for the head of office (Plt./Plh.) may
// a letter of a complaint not disposed to him; this opens the document only, not its
// complaint. Gives whether the user sees the complaint (true for a document without one).
export function requireDocument(db: Db, user: SessionUser, complaintId: number | null, signs: () => boolean = () => false): boolean {
  if (user.role === 'admin') throw refused(db);
  if (complaintId === null) return true;
  const see = complaintAccess(db, user, complaintId).see;
  if (!see && !signs()) throw refused(db);
  return see;
}

export interface SqlCondition {
  sql: string;
  params: number[];
}

// The same rule as SQL over `complaints c`, for lists and sort keys.
// `fewRows`: for a statement that asks it of a page of rows only. By default the two lists
// (complaints disposed to the Kasi, and those whose step he completed) are computed once
// per statement through indexes (dispositions_to_state, complaint_steps_completed_by),
// which pays over many rows, but builds them whole (about 10 ms for a Kasi of a 100,000
// complaint register) for a page of fifty; with fewRows each row is looked up instead.
export function seeSql(user: SessionUser, fewRows = false): SqlCondition {
  if (user.role === 'camat' || user.role === 'sekcam' || user.role === 'staf') return { sql: '1', params: [] };
  if (user.role === 'kasi') {
    // kasiHandles in SQL; a Kasi step taken over by escalation counts as not theirs here.
    // In the list form the row's own columns are tested before its dispositions (by complaint).
    const open = `c.closed_at IS NULL AND c.status <> 'tidak_lengkap'
      AND (c.acting IN ('kasi', 'tim_pengelola') OR instr(c.acting_alt, ',kasi,') > 0 OR instr(c.acting_alt, ',tim_pengelola,') > 0)
      AND NOT EXISTS (SELECT 1 FROM dispositions d WHERE d.complaint_id = c.id AND d.state <> 'ditarik')`;
    const handles = fewRows
      ? `EXISTS (SELECT 1 FROM dispositions d WHERE d.complaint_id = c.id AND d.to_user = ? AND d.state <> 'ditarik')
        OR EXISTS (SELECT 1 FROM complaint_steps s WHERE s.completed_by = ? AND s.complaint_id = c.id)`
      : `c.id IN (${DISPOSED_TO}) OR c.id IN (${HANDLED_BY})`;
    return { sql: `(${handles} OR (${open}))`, params: [user.id, user.id] };
  }
  return { sql: '0', params: [] };
}

// Whether this viewer sees every reporter's name except the anonymous ones. The text
// index leaves out anonim and rahasia names, so for such a viewer a name they may not
// see cannot be found by searching, and the name shown is the one the index
// complaints_shown_name sorts by; a Kasi sees only the names of the complaints they handle.
export function seesEveryIndexedName(user: SessionUser): boolean {
  return user.role === 'camat' || user.role === 'sekcam' || user.role === 'staf';
}

// The same rule over the columns of complaints_register_fts, for a word search (an FTS5
// query): where the viewer's search may find the words. Every indexed name for those who
// see them; for a Kasi, every column of the complaints he may open (the index's viewers
// column names them as seeSql does; its anonim and rahasia names are left out of the
// index anyway) and the register number and subject of the others, which are all the
// register shows him of them. Null for a viewer who reads no complaint.
const TEXT = '{register_no reporter_name subject description}';
export function searchSightFts(user: SessionUser, fts: string): string | null {
  if (seesEveryIndexedName(user)) return `${TEXT} : (${fts})`;
  if (user.role === 'kasi') {
    const { opened, other } = kasiWordsFts(fts);
    return `(${other}) OR (${kasiViewersFts(user)} AND ${opened})`;
  }
  return null;
}

// The complaints a Kasi may open, as complaints_register_fts lists them: its viewers column
// names him on those disposed to him or whose step he completed, and "kasi" on those open at
// a Kasi's step disposed to nobody (seeSql's three parts, kept by triggers).
export const kasiViewersFts = (user: SessionUser) => `{viewers} : ("u${user.id}" OR "kasi")`;

// The two halves of a Kasi's search: every column of a complaint he may open, the number
// and subject of the others.
function kasiWordsFts(fts: string): { opened: string; other: string } {
  return { opened: `${TEXT} : (${fts})`, other: `{register_no subject} : (${fts})` };
}

export function identitySql(user: SessionUser, fewRows = false): SqlCondition {
  const see = seeSql(user, fewRows);
  if (user.role === 'camat') return see;
  if (user.role === 'staf') return { sql: '(c.anonymous = 0 OR c.received_by = ?)', params: [user.id] };
  return { sql: `(c.anonymous = 0 AND ${see.sql})`, params: see.params };
}

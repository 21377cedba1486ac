import type { ComplaintData, ComplaintDetail, ComplaintQuery, ComplaintRow } from '../../../shared/schemas/complaint';
import { complaintQuerySchema, receivedAtIssue, receivedInstant } from '../../../shared/schemas/complaint';
import { formatTanggal, formatTanggalWaktu } from '../../../shared/time/format';
import { localDate, yearOf, type TimeZoneId } from '../../../shared/time/workingTime';
import type { CoreDeps, SessionUser } from '../context';
import { nowIso } from '../context';
import type { Db } from '../db/open';
import { notFound, TanggapError } from '../errors';
import { getOffice } from '../office/settings';
import type { StoredFile } from './attachments';
import { recordComplaintEvent } from './events';
import { formatRegisterNo, nextNumber } from './numbering';
import { startJourney } from '../workflow/engine';
import { currentStandard, standardVersion } from '../workflow/standard';
import { intakeRules } from './intakeRules';
import { linkComplaints, linksOf } from './links';
import { complaintAccess, identitySql, type ComplaintAccess } from '../access';

export const ANONYMOUS_NAME = 'Anonim';

interface ComplaintDbRow {
  id: number;
  register_no: string;
  received_at: string;
  kind: ComplaintRow['kind'];
  channel: ComplaintRow['channel'];
  category: ComplaintRow['category'];
  reporter_name: string;
  anonymous: number;
  subject: string;
  status: ComplaintRow['status'];
  identity: number;
}

const ROW_COLUMNS = 'id, register_no, received_at, kind, channel, category, reporter_name, anonymous, subject, status';

const mask = (v: string) => (v === '' ? '' : '•'.repeat(Math.min(v.length, 8)));

// The register names an anonymous reporter "Anonim" for everyone, and masks the names
// the viewer may not see.
const shownName = (r: Pick<ComplaintDbRow, 'anonymous' | 'reporter_name' | 'identity'>) =>
  r.anonymous ? ANONYMOUS_NAME : r.identity ? r.reporter_name : mask(r.reporter_name);

const toRow = (r: ComplaintDbRow): ComplaintRow => ({
  id: r.id,
  registerNo: r.register_no,
  receivedAt: r.received_at,
  kind: r.kind,
  channel: r.channel,
  category: r.category,
  reporterName: shownName(r),
  subject: r.subject,
  status: r.status,
});

// The time of receipt the officer entered, checked against the core's clock (the form
// checked it against the computer's), and the sender's letter date against it.
function officerReceipt(db: Db, c: ComplaintData, now: string, tz: TimeZoneId): string {
  const entered = receivedInstant(c, tz);
  if (entered) {
    const issue = receivedAtIssue(entered, now, intakeRules(db).backdateDays, tz);
    if (issue) throw new TanggapError('validation', issue, 'receivedDate');
  }
  const at = entered ?? now;
  if (c.channel === 'surat' && c.letterDate && c.letterDate > localDate(at, tz)) {
    throw new TanggapError('validation', `Tanggal surat tidak boleh sesudah tanggal diterima (${formatTanggal(at, tz)}).`, 'letterDate');
  }
  return at;
}

// Inserts the complaint with its register number; the caller holds the write lock. An
// import or the demo passes receivedAt (recorded then, too); an officer may date a
// letter or an opened suggestion box back: the clock runs from that receipt, the record
// keeps when it was entered, and the history says it was backdated.
export function insertComplaint(deps: CoreDeps, by: SessionUser, c: ComplaintData, files: StoredFile[], receivedAt?: string): number {
  const { db } = deps;
  const office = getOffice(db);
  const entered = receivedAt ?? nowIso(deps);
  const at = receivedAt ?? officerReceipt(db, c, entered, office.timeZone);
  const backdated = at !== entered;
  const surat = c.channel === 'surat';
  const year = yearOf(at, office.timeZone);
  const seq = nextNumber(db, 'register', year);
  const registerNo = formatRegisterNo(db, seq, at);
  const info = db
    .prepare(
      `INSERT INTO complaints (register_no, year, seq, received_at, kind, channel, category,
        reporter_name, reporter_address, reporter_nik, reporter_phone, reporter_email, anonymous, confidential,
        subject, description, loss, expectation, incident_place, incident_date, lapor_tracking_id, kelengkapan,
        letter_no, letter_date, status, received_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'diterima', ?, ?, ?)`,
    )
    .run(
      registerNo,
      year,
      seq,
      at,
      c.kind,
      c.channel,
      c.category,
      c.reporter.name || ANONYMOUS_NAME,
      c.reporter.address,
      c.reporter.nik,
      c.reporter.phone,
      c.reporter.email,
      c.reporter.anonymous ? 1 : 0,
      c.reporter.confidential ? 1 : 0,
      c.subject,
      c.description,
      c.loss,
      c.expectation,
      c.incidentPlace,
      c.incidentDate,
      c.laporTrackingId,
      JSON.stringify(c.kelengkapan),
      surat ? (c.letterNo ?? '') : '',
      surat ? (c.letterDate ?? '') : '',
      by.id,
      entered,
      entered,
    );
  const id = Number(info.lastInsertRowid);
  const addFile = db.prepare(
    'INSERT INTO attachments (complaint_id, file_name, mime, size, sha256, stored_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const f of files) addFile.run(id, f.fileName, f.mime, f.size, f.sha256, f.storedName, entered);
  startJourney(deps, id, at, by, c.kelengkapan);
  // After the journey has started, so the recorded state is the one intake left.
  recordComplaintEvent(db, {
    complaintId: id,
    at: entered,
    actorId: by.id,
    words: backdated ? 'Pengaduan diterima dan dicatat di buku register dengan tanggal diterima diisi mundur' : 'Pengaduan diterima dan dicatat di buku register',
    status: 'diterima',
    note: backdated ? `Diterima ${formatTanggalWaktu(at, office.timeZone)}; dicatat ${formatTanggalWaktu(entered, office.timeZone)}.` : '',
    action: 'complaint.received',
    data: { registerNo, status: 'diterima', ...(backdated ? { backdated: true, receivedAt: at } : {}) },
  });
  if (c.linkTo !== undefined) linkComplaints(db, by.id, id, c.linkTo, entered);
  return id;
}

// Turns what a person types into an FTS5 query: every word must match as a prefix.
// Quoting each token keeps FTS syntax characters from being interpreted.
export function ftsQuery(q: string): string | null {
  const tokens = q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!tokens) return null;
  return tokens.slice(0, 10).map((t) => `"${t}"*`).join(' AND ');
}

// The same words without the reporter's name, for a viewer who may not see the name.
const withoutName = (fts: string) => `{register_no subject description} : (${fts})`;

const ORDER: Record<NonNullable<ComplaintQuery['sort']>, string> = {
  registerNo: 'c.year {d}, c.seq {d}',
  receivedAt: 'c.received_at {d}, c.id {d}',
  // Sorted by the name as shown, so the order cannot betray a hidden name.
  reporterName: "CASE WHEN c.anonymous THEN 'Anonim' WHEN {identity} THEN c.reporter_name ELSE '' END COLLATE NOCASE {d}, c.id {d}",
  status: 'c.status {d}, c.year DESC, c.seq DESC',
};

export function listComplaints(db: Db, query: ComplaintQuery, viewer: SessionUser) {
  const q = complaintQuerySchema.parse(query);
  const identity = identitySql(viewer);
  const fts = q.q ? ftsQuery(q.q) : null;
  const conditions: [string, (string | number)[] | null][] = [
    ['c.year = ?', q.year === undefined ? null : [q.year]],
    ['c.status = ?', q.status === undefined ? null : [q.status]],
    ['c.channel = ?', q.channel === undefined ? null : [q.channel]],
    ['c.category = ?', q.category === undefined ? null : [q.category]],
    // A hidden name must not be findable either: those rows match on the other columns only.
    [
      `c.id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?) AND (${identity.sql} OR c.id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?))`,
      fts === null ? null : [fts, ...identity.params, withoutName(fts)],
    ],
  ];
  const active = conditions.filter((c): c is [string, (string | number)[]] => c[1] !== null);
  const where = active.map(([sql]) => sql);
  const params = active.flatMap(([, v]) => v);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const order = ORDER[q.sort].replaceAll('{d}', q.dir === 'asc' ? 'ASC' : 'DESC').replace('{identity}', identity.sql);
  const orderParams = q.sort === 'reporterName' ? identity.params : [];
  const rows = db
    .prepare(
      `SELECT ${ROW_COLUMNS.split(', ').map((c) => `c.${c}`).join(', ')}, ${identity.sql} AS identity FROM complaints c ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...identity.params, ...params, ...orderParams, q.limit, q.offset) as ComplaintDbRow[];
  const { n } = db.prepare(`SELECT count(*) AS n FROM complaints c ${whereSql}`).get(...params) as { n: number };
  const years = (db.prepare('SELECT DISTINCT year FROM complaints ORDER BY year DESC').all() as { year: number }[]).map((r) => r.year);
  return { rows: rows.map(toRow), total: n, years };
}

interface FullRow extends ComplaintDbRow {
  reporter_address: string;
  reporter_nik: string;
  reporter_phone: string;
  reporter_email: string;
  confidential: number;
  description: string;
  loss: string;
  expectation: string;
  incident_place: string;
  incident_date: string;
  lapor_tracking_id: string;
  kelengkapan: string;
  letter_no: string;
  letter_date: string;
  created_at: string;
  standard_version_id: number | null;
  received_by_name: string;
}

// The complaint as this viewer may see it; the caller has checked that they may see it
// at all (access.requireComplaint).
export function getComplaint(db: Db, id: number, viewer: SessionUser, access: ComplaintAccess = complaintAccess(db, viewer, id)): ComplaintDetail {
  const r = db
    .prepare(
      `SELECT c.*, 0 AS identity, u.name AS received_by_name FROM complaints c JOIN users u ON u.id = c.received_by WHERE c.id = ?`,
    )
    .get(id) as FullRow | undefined;
  if (!r) throw notFound('Pengaduan');
  const masked = !access.identity;
  const name = masked ? shownName(r) : r.reporter_name;
  // File names are often the reporter's own ("ktp-siti.pdf").
  const attachments = (
    db
      .prepare('SELECT id, file_name AS fileName, mime, size, sha256 FROM attachments WHERE complaint_id = ? AND follow_up_id IS NULL AND delivery_id IS NULL AND document_id IS NULL ORDER BY id')
      .all(id) as ComplaintDetail['attachments']
  ).map((a, i) => (masked ? { ...a, fileName: `Berkas ${i + 1}` } : a));
  const events = db
    .prepare(
      `SELECT e.at, COALESCE(u.name, 'Sistem') AS actorName, e.action, e.status, e.note
       FROM complaint_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.complaint_id = ? ORDER BY e.id`,
    )
    .all(id) as ComplaintDetail['events'];
  const kelengkapan = JSON.parse(r.kelengkapan) as string[];
  // The checklist of the standard version the complaint runs under, not today's.
  const checklist = (r.standard_version_id === null ? currentStandard(db) : standardVersion(db, r.standard_version_id)).kelengkapanChecklist;
  return {
    ...toRow(r),
    reporterName: name,
    reporter: {
      name,
      address: masked ? mask(r.reporter_address) : r.reporter_address,
      nik: masked ? mask(r.reporter_nik) : r.reporter_nik,
      phone: masked ? mask(r.reporter_phone) : r.reporter_phone,
      email: masked ? mask(r.reporter_email) : r.reporter_email,
      anonymous: r.anonymous === 1,
      confidential: r.confidential === 1,
    },
    personalDataMasked: masked,
    description: r.description,
    loss: r.loss,
    expectation: r.expectation,
    incidentPlace: r.incident_place,
    incidentDate: r.incident_date,
    laporTrackingId: r.lapor_tracking_id,
    kelengkapan,
    kelengkapanMissing: checklist.filter((k) => !kelengkapan.includes(k)),
    enteredAt: r.created_at,
    backdated: r.created_at !== r.received_at,
    letterNo: r.letter_no,
    letterDate: r.letter_date,
    links: linksOf(db, id),
    receivedByName: r.received_by_name,
    attachments,
    events,
  };
}

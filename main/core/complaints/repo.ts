import type { ComplaintData, ComplaintDetail, ComplaintQuery, ComplaintRow } from '../../../shared/schemas/complaint';
import { complaintQuerySchema, incidentAfterReceipt, receivedAtIssue, receivedInstant } from '../../../shared/schemas/complaint';
import { STATUSES } from '../../../shared/domain';
import { formatTanggal, formatTanggalWaktu, monthLabel } from '../../../shared/time/format';
import { addCalendarDays, fromLocal, localDate, yearOf, type TimeZoneId } from '../../../shared/time/workingTime';
import type { CoreDeps, SessionUser } from '../context';
import { nowIso } from '../context';
import type { Db } from '../db/open';
import { dataStamp, keptWhileUnchanged, pluck, rawRows, stmt } from '../db/statements';
import { notFound, TanggapError } from '../errors';
import { getOffice } from '../office/settings';
import type { StoredFile } from './attachments';
import { recordComplaintEvent } from './events';
import { formatRegisterNo, nextNumber } from './numbering';
import { intakeJourney, startJourney } from '../workflow/engine';
import { currentStandard, standardVersion, versionIds } from '../workflow/standard';
import { intakeRules } from './intakeRules';
import { laporKey } from '../import/rows';
import { linkComplaints, linksOf } from './links';
import { allOf, changeMark, countFrom, countOfAll, counted, derived, idsTextOf, IN_SET, keptAlong, memo, nthId, setOf, wordOf, type IdSet, type SetSpec } from './sets';
import {
  complaintAccess,
  identitySql,
  kasiViewersFts,
  searchSightFts,
  seeSql,
  seesEveryIndexedName,
  type ComplaintAccess,
  type SqlCondition,
} from '../access';

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
const ROW_COLUMNS_OF_C = ROW_COLUMNS.split(', ')
  .map((c) => `c.${c}`)
  .join(', ');

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
  // What happened cannot have happened after it was reported.
  if (c.incidentDate && c.incidentDate > localDate(at, tz)) {
    throw new TanggapError('validation', incidentAfterReceipt(localDate(at, tz)), 'incidentDate');
  }
  return at;
}

// One SP4N-LAPOR! report is one complaint: the register number of the complaint that
// already holds this tracking number (recorded at intake, or imported, as the importer
// keys it), or null. Also the importer's check.
export function laporTrackingHolder(db: Db, trackingId: string): string | null {
  if (trackingId === '') return null;
  const held =
    pluck(db, "SELECT register_no FROM complaints WHERE lapor_tracking_id = ? AND lapor_tracking_id <> ''").get(trackingId) ??
    pluck(db, 'SELECT register_no FROM complaints WHERE import_key = ?').get(laporKey(trackingId));
  return (held as string | undefined) ?? null;
}

// The running counter's next number. A number an imported old register already holds
// (the office's pattern may have changed since, or put digits before {urut}) is passed
// over, so the counter never stalls on the unique register number.
export function takeRegisterNumber(db: Db, year: number, at: string): { seq: number; registerNo: string } {
  for (;;) {
    const seq = nextNumber(db, 'register', year);
    const registerNo = formatRegisterNo(db, seq, at);
    if (pluck(db, 'SELECT 1 FROM complaints WHERE register_no = ?').get(registerNo) === undefined) return { seq, registerNo };
  }
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
  const laporTrackingId = c.channel === 'sp4n_lapor' ? c.laporTrackingId : '';
  const holder = laporTrackingHolder(db, laporTrackingId);
  if (holder !== null) {
    throw new TanggapError(
      'validation',
      `Nomor tracking SP4N-LAPOR! ${laporTrackingId} sudah tercatat pada pengaduan ${holder}; periksa nomornya, atau buka pengaduan ${holder} bila laporannya sama.`,
      'laporTrackingId',
    );
  }
  const year = yearOf(at, office.timeZone);
  const { seq, registerNo } = takeRegisterNumber(db, year, at);
  // Its journey's columns go in with its row.
  const journey = intakeJourney(db, at, by, c.kelengkapan);
  const row: Record<string, unknown> = {
    register_no: registerNo,
    year,
    seq,
    received_at: at,
    kind: c.kind,
    channel: c.channel,
    category: c.category,
    reporter_name: c.reporter.name || ANONYMOUS_NAME,
    reporter_address: c.reporter.address,
    reporter_nik: c.reporter.nik,
    reporter_phone: c.reporter.phone,
    reporter_email: c.reporter.email,
    anonymous: c.reporter.anonymous ? 1 : 0,
    confidential: c.reporter.confidential ? 1 : 0,
    subject: c.subject,
    description: c.description,
    loss: c.loss,
    expectation: c.expectation,
    incident_place: c.incidentPlace,
    incident_date: c.incidentDate,
    lapor_tracking_id: laporTrackingId,
    kelengkapan: JSON.stringify(c.kelengkapan),
    letter_no: surat ? (c.letterNo ?? '') : '',
    letter_date: surat ? (c.letterDate ?? '') : '',
    status: 'diterima',
    received_by: by.id,
    created_at: entered,
    updated_at: entered,
    ...journey?.columns,
  };
  const columns = Object.keys(row);
  const info = stmt(db, `INSERT INTO complaints (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...Object.values(row));
  const id = Number(info.lastInsertRowid);
  const addFile = stmt(
    db,
    'INSERT INTO attachments (complaint_id, file_name, mime, size, sha256, stored_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const f of files) addFile.run(id, f.fileName, f.mime, f.size, f.sha256, f.storedName, entered);
  if (journey) journey.record(id);
  else startJourney(deps, id, at, by, c.kelengkapan);
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
export function ftsQuery(db: Db, q: string, stampOf = () => dataStamp(db)): string | null {
  const tokens = searchTokens(q);
  if (!tokens) return null;
  // Inside a transaction nothing is kept: a rollback would not change the stamp.
  const byToken = db.inTransaction ? new Map<string, string>() : prefixes(db, stampOf());
  if (byToken.size >= PREFIXES_KEPT) byToken.clear();
  return tokens
    .slice(0, 10)
    .map((t) => byToken.get(t) ?? byToken.set(t, prefixMatch(db, t)).get(t)!)
    .join(' AND ');
}

// The words each typed prefix stands for, kept until the database changes.
const prefixes = keptWhileUnchanged<string>();
const PREFIXES_KEPT = 256;

// FTS5 answers a prefix ("jalan"*) by first merging the lists of every word it begins
// into one, however common ("jalan" is in most complaints), even asked of one complaint
// (as the register's sets ask changed complaints); the same words named one by one are
// seeks. A prefix is so named when it begins at most this many longer words; only for
// plain letters and digits, whose case folding here is the tokenizer's.
const PREFIX_WORDS = 16;

function prefixMatch(db: Db, token: string): string {
  if (!/^[A-Za-z0-9]+$/.test(token)) return `"${token}"*`;
  const t = token.toLowerCase();
  const after = `${t.slice(0, -1)}${String.fromCharCode(t.charCodeAt(t.length - 1) + 1)}`;
  // The words that begin with t and are longer: from t followed by the lowest character
  // (so the range starts past t itself, whose list the vocabulary would count through)
  // up to the next prefix.
  const longer = pluck(db, 'SELECT term FROM complaints_register_terms WHERE term >= ? AND term < ? LIMIT ?').all(`${t}\u0000`, after, PREFIX_WORDS + 1) as string[];
  if (longer.length > PREFIX_WORDS) return `"${t}"*`;
  return longer.length ? `(${[t, ...longer].map((w) => `"${w.replaceAll('"', '""')}"`).join(' OR ')})` : `"${t}"`;
}

const searchTokens = (q: string) => q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
// Whether typed text searches at all: punctuation alone ("/") is no search.
export const searchesWords = (q: string | undefined) => q !== undefined && searchTokens(q) !== null;

// The same words without the reporter's name, for a viewer who may not see the name;
// and in the register number and the subject only, for one who may not open the
// complaint (its Uraian is not shown to them, so it must not be findable either).
const withoutName = (fts: string) => `{register_no subject description} : (${fts})`;
const numberAndSubject = (fts: string) => `{register_no subject} : (${fts})`;

const SEQ_TOKEN = /^\d{1,6}$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// A word as register numbers are compared: numbers without leading zeros, letters in capitals.
const normToken = (t: string) => (/^\d+$/.test(t) ? String(Number(t)) : t.toUpperCase());
// Whether every word is in the text (as part of it) or in the list (as one of its words).
function holdsAll(have: string | string[], words: string[]): boolean {
  for (const w of words) if (!have.includes(w)) return false;
  return true;
}

// A register number typed whole or in part ("0123/PGD/2025", "0123 PGD 2025", "123"):
// the complaints whose urut number is one of the typed numbers and whose register
// number holds every typed word (leading zeros aside), found through the (year, seq)
// index rather than the text index. Null when the query is not a number, or no
// register number fits it (then it is searched as words).
function registerNumberMatches(db: Db, q: string): number[] | null {
  const tokens = searchTokens(q);
  if (!tokens || tokens.length > 6) return null;
  // The typed numbers that may be an urut number, each once, in the order typed.
  const seqs: number[] = [];
  for (const t of tokens) {
    if (t.length > 8) return null;
    if (SEQ_TOKEN.test(t) && !seqs.includes(Number(t))) seqs.push(Number(t));
  }
  if (!seqs.length) return null;
  const wanted = tokens.map(normToken);
  // Every (year of the running counter, typed number) in one statement, each through the
  // (year, seq) index.
  const rows = stmt(
    db,
    "SELECT c.id, c.register_no FROM json_each(?) t CROSS JOIN counters k CROSS JOIN complaints c WHERE k.name = 'register' AND c.year = k.year AND c.seq = t.value",
  ).all(JSON.stringify(seqs)) as { id: number; register_no: string }[];
  const ids = new Set<number>();
  for (const row of rows) {
    // Most are another year's: in a number of printable ASCII (which NFKC leaves as it
    // is) each word it holds appears as typed, in capitals, so one missing settles it.
    if (PRINTABLE_ASCII.test(row.register_no) && !holdsAll(row.register_no.toUpperCase(), wanted)) continue;
    if (holdsAll((searchTokens(row.register_no) ?? []).map(normToken), wanted)) ids.add(row.id);
  }
  return ids.size ? [...ids] : null;
}

const ORDER: Record<NonNullable<ComplaintQuery['sort']>, string> = {
  registerNo: 'c.year {d}, c.seq {d}',
  // Ties (an old register imported by date alone) in the register's order too.
  receivedAt: 'c.received_at {d}, c.year {d}, c.seq {d}',
  // Sorted by the name as shown, so the order cannot betray a hidden name: "Anonim"
  // for anonymous reporters, and hidden names all alike (first, in the register's order).
  // For viewers who see every name but the anonymous ones, the expression is the
  // complaints_shown_name index's. Ties in the register's order, as that index holds them.
  reporterName: '{name} COLLATE NOCASE {d}, c.year {d}, c.seq {d}',
  // Ties in the chosen direction too, so the (status, year, seq) index gives the order.
  status: 'c.status {d}, c.year {d}, c.seq {d}',
};
const SHOWN_NAME = "(CASE WHEN c.anonymous THEN 'Anonim' ELSE c.reporter_name END)";
const shownNameSql = (identity: string) => `(CASE WHEN c.anonymous THEN 'Anonim' WHEN ${identity} THEN c.reporter_name ELSE '' END)`;

// How many complaints the register holds (its numbers are given without gaps and never
// taken back), from the yearly counters.
// Imported complaints of the old register count under 'register_import' (their seq is
// below zero, away from the running numbers).
const REGISTERED = "SELECT coalesce(sum(value), 0) FROM counters WHERE name IN ('register', 'register_import')";
const registered = (db: Db) => pluck(db, REGISTERED).get() as number;

// The index each order can be read from (the register's order: the table's own index of
// UNIQUE (year, seq); the sort by name: for viewers who see every name but the anonymous ones).
const SORT_INDEX: Record<NonNullable<ComplaintQuery['sort']>, string> = {
  registerNo: 'sqlite_autoindex_complaints_2',
  receivedAt: 'complaints_received_no',
  reporterName: 'complaints_shown_name',
  status: 'complaints_status_year',
};

// A year of receipt walked by time of receipt is read within the year's span of receipt,
// not from the register's newest (or oldest) complaint. The span is the year's bounds a
// day wider: a complaint's number takes the year of its receipt in the office's zone when
// it was recorded, and the zone may have changed since (by two hours at most between
// Indonesia's three), while the year itself is tested on each complaint by its set.
function receiptSpan(db: Db, year: number): [string, string] {
  const tz = getOffice(db).timeZone;
  const [from, to] = periodBounds(year, undefined, tz);
  return [addCalendarDays(from, -1, tz), addCalendarDays(to, 1, tz)];
}

// Each order's reverse, for reading the last pages from the far end.
const flip = (order: string) => order.replace(/\b(ASC|DESC)\b/g, (d) => (d === 'ASC' ? 'DESC' : 'ASC'));

// Office-local [from, to) instants of a year, or of one month of it.
function periodBounds(year: number, month: number | undefined, tz: TimeZoneId): [string, string] {
  const day = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;
  if (month === undefined) return [fromLocal(day(year, 1), '00:00', tz), fromLocal(day(year + 1, 1), '00:00', tz)];
  return [fromLocal(day(year, month), '00:00', tz), fromLocal(month === 12 ? day(year + 1, 1) : day(year, month + 1), '00:00', tz)];
}

// The same of an office month, 'YYYY-MM'.
const monthBounds = (key: string, tz: TimeZoneId) => periodBounds(Number(key.slice(0, 4)), Number(key.slice(5, 7)), tz);

// A WHERE term and its parameters; where the register's sets (sets.ts) must ask it of one
// changed complaint otherwise than as written (a list of ids, read whole for each), that
// form too, or null where it depends on the time and is listed on every call.
type Condition = [string, (string | number)[], ([string, (string | number)[]] | null)?];
const FTS_MATCH = 'c.id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?)';
// Words asked of one complaint, in a text index keyed by `key`.
const probeSql = (table: string, key: string) => `EXISTS (SELECT 1 FROM ${table} f WHERE ${table} MATCH ? AND f.rowid = ${key})`;
const FTS_PROBE = probeSql('complaints_fts', 'c.id');
const OPEN_ROWS = 'complaints INDEXED BY complaints_open_standard WHERE closed_at IS NULL';
const OPEN_NOW: Condition = [`c.id IN (SELECT id FROM ${OPEN_ROWS})`, [], ['c.closed_at IS NULL', []]];

// The WHERE terms of the query: each a set of the register's (sets.ts), listed through an
// index, or, where SQLite reads the page itself (plainPlan), the query's WHERE. The year
// (and month) count in the office's zone: `year` is the receipt's local year, and a month
// or a finishing date is the span between two local midnights. A month without a year is
// ignored.
function filterConditions(db: Db, q: ComplaintQueryParsed, viewer: SessionUser, search: Search, now: string): Condition[] {
  const out: Condition[] = [];
  if (q.year !== undefined) {
    if (q.dateOf === 'selesai') out.push(['c.closed_at >= ? AND c.closed_at < ?', periodBounds(q.year, q.month, getOffice(db).timeZone)]);
    else if (q.month === undefined) out.push(['c.year = ?', [q.year]]);
    // A month is listed through the index of receipt (its unary + keeps the planner, whose
    // statistics are sampled, off the year's index, which would read the whole year).
    else out.push(['+c.year = ? AND c.received_at >= ? AND c.received_at < ?', [q.year, ...periodBounds(q.year, q.month, getOffice(db).timeZone)]]);
  }
  if (q.status !== undefined) out.push(['c.status = ?', [q.status]]);
  if (q.channel !== undefined) out.push(['c.channel = ?', [q.channel]]);
  if (q.category !== undefined) out.push(['c.category = ?', [q.category]]);
  if (q.seksi) out.push(['c.seksi = ?', [q.seksi]]);
  if (q.tanpaSeksi) out.push(["c.seksi = ''", []]);
  if (q.keadaan === 'belum_selesai') out.push(OPEN_NOW);
  if (q.keadaan === 'terlambat') out.push(lateAt(db, q.akhirBulan, now));
  if (q.langkah) out.push(stepDone(db, q.langkah));
  if (q.langkah?.versi) {
    const ids = versionIds(db);
    out.push(['c.standard_version_id IN (SELECT value FROM json_each(?))', [JSON.stringify(q.langkah.versi.map((n) => ids[n - 1] ?? 0))]]);
  }
  // One register number (the usual search by number) is one primary-key lookup.
  if (search && 'ids' in search) out.push(search.ids.length === 1 ? ['c.id = ?', search.ids] : [`c.id IN (SELECT value FROM json_each(?))`, [JSON.stringify(search.ids)]]);
  else if (search && seesEveryIndexedName(viewer)) out.push([FTS_MATCH, [search.fts]]);
  // A hidden name must not be findable: those rows match on the other columns only, and the
  // rows the viewer may not open on the columns the register shows them.
  else if (search) out.push(wordsInSight(viewer, search.fts));
  return out;
}
// The word index asked three times, the viewer's rule tested on each match.
const wordsInSight = (viewer: SessionUser, fts: string): Condition => {
  const identity = identitySql(viewer);
  const see = seeSql(viewer);
  return [
    `c.id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?) AND (${identity.sql}
        OR (${see.sql} AND c.id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?))
        OR c.id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?))`,
    [fts, ...identity.params, ...see.params, withoutName(fts), numberAndSubject(fts)],
  ];
};

// Late at an instant, as the recap's summaries book lateness: due before it, not waiting
// for the reporter then, and not closed by then. Now, that is the open rows (the
// dashboard's card; an open complaint waits exactly while 'tidak lengkap'). At the end of a
// past month (akhirBulan) it is the open rows not waiting since before that end, and those
// finished since past their due, from their own index; either not waiting then in a pause
// that has ended since (one that moved the due ended before it, so such a file was not due
// by then anyway). A month not ended has no end to be late at.
const WAITED_AT = 'NOT EXISTS (SELECT 1 FROM pauses p WHERE p.complaint_id = c.id AND p.from_at < ? AND p.to_at >= ?)';
function lateAt(db: Db, akhirBulan: string | undefined, now: string): Condition {
  if (!akhirBulan) return [`c.id IN (SELECT id FROM ${OPEN_ROWS} AND status <> 'tidak_lengkap' AND due_at < ?)`, [now], null];
  const [, end] = monthBounds(akhirBulan, getOffice(db).timeZone);
  if (end > now) throw new TanggapError('validation', `${monthLabel(akhirBulan)} belum berakhir: untuk yang terlambat saat ini, hapus akhir bulan dari saringan.`, 'akhirBulan');
  const closedLate = 'complaints INDEXED BY complaints_closed_late WHERE closed_at > due_at AND paused_at IS NULL';
  return [
    `c.id IN (SELECT id FROM ${OPEN_ROWS} AND due_at < ? AND (paused_at IS NULL OR paused_at >= ?) UNION ALL SELECT id FROM ${closedLate} AND closed_at >= ? AND due_at < ?) AND ${WAITED_AT}`,
    [end, end, end, end, end, end],
    [
      `((c.closed_at IS NULL AND c.due_at < ? AND (c.paused_at IS NULL OR c.paused_at >= ?)) OR (c.closed_at > c.due_at AND c.paused_at IS NULL AND c.closed_at >= ? AND c.due_at < ?)) AND ${WAITED_AT}`,
      [end, end, end, end, end, end],
    ],
  ];
}

// The complaints that completed a step within a span of office months, as the summaries
// count a step in the month of its completion, or completed it past its due; from the
// index of completed steps (of those done late), each complaint once.
const STEP_DONE = 'c.id IN (SELECT complaint_id FROM complaint_steps INDEXED BY ';
const STEP_SPAN = 'WHERE step_no = ? AND completed_at >= ? AND completed_at < ?';
function stepDone(db: Db, l: NonNullable<ComplaintQueryParsed['langkah']>): Condition {
  const tz = getOffice(db).timeZone;
  const [from] = monthBounds(l.dari, tz);
  const [, to] = monthBounds(l.sampai, tz);
  const sql = STEP_DONE + (l.terlambat ? `complaint_steps_done_late ${STEP_SPAN} AND completed_at > due_at)` : `complaint_steps_done ${STEP_SPAN})`);
  return [sql, [l.no, from, to], [stepDoneHere(sql), [l.no, from, to]]];
}
// The same asked of one changed complaint's own steps: the step condition's terms after
// its WHERE.
const STEP_HERE = 'EXISTS (SELECT 1 FROM complaint_steps INDEXED BY complaint_steps_complaint WHERE complaint_id = c.id AND ';
const stepDoneHere = (sql: string) => (sql.startsWith(STEP_DONE) ? STEP_HERE + sql.slice(sql.indexOf(STEP_SPAN) + 'WHERE '.length) : sql);

// What the search box asks for: register numbers, or words.
// `oneTokenEach`: every typed word is Latin letters and digits, which the index's tokenizer
// keeps as one token each. A few letters of other scripts (combining signs it treats as
// separators) split a word into a phrase, which the register-order index, keeping no
// positions, cannot answer: a Kasi's such search goes through complaints_fts (wordsInSight).
type Search = { ids: number[] } | { fts: string; oneTokenEach: boolean } | null;

function searchOf(db: Db, text: string | undefined, stampOf: () => string): Search {
  if (!text) return null;
  const ids = registerNumberMatches(db, text);
  if (ids) return { ids };
  const fts = ftsQuery(db, text, stampOf);
  return fts === null ? null : { fts, oneTokenEach: (searchTokens(text) ?? []).every((t) => /^[\p{Script=Latin}\p{Nd}]+$/u.test(t)) };
}

// complaints_register_fts keys each complaint by its place in the register:
// year * 2^32 + seq + 2^31, so a year is one range of keys.
const KEY_YEAR = 4294967296;
const KEY_SEQ = 2147483648;
const KEY_JOIN = 'c.year = f.k >> 32 AND c.seq = (f.k & 4294967295) - 2147483648';
const REGISTER_WHERE = 'FROM complaints_register_fts WHERE complaints_register_fts MATCH ?';
const REGISTER_KEY = `c.year * ${KEY_YEAR} + c.seq + ${KEY_SEQ}`;
const whereOf = (active: Condition[]) => (active.length ? `WHERE ${active.map(([sql]) => sql).join(' AND ')}` : '');
const paramsOf = (active: Condition[]) => active.flatMap(([, v]) => v);

type ComplaintQueryParsed = ReturnType<typeof complaintQuerySchema.parse>;

// The query's order, the name shown worked out by `name`.
const orderOf = (q: ComplaintQueryParsed, name: string) => ORDER[q.sort].replaceAll('{d}', q.dir === 'asc' ? 'ASC' : 'DESC').replace('{name}', name);

// The least and the greatest number (seq) the complaints received in a month have in its
// year, kept until the database changes (the register's sets are never read inside a
// transaction).
type SeqSpan = { lo: number | null; hi: number | null };
const seqSpans = keptWhileUnchanged<SeqSpan>();
function monthSeqSpan(db: Db, year: number, month: number, stamp: string): SeqSpan {
  const kept = seqSpans(db, stamp);
  const [from, to] = periodBounds(year, month, getOffice(db).timeZone);
  const key = `${year} ${from} ${to}`;
  let span = kept.get(key);
  if (!span) {
    span = stmt(db, 'SELECT min(seq) AS lo, max(seq) AS hi FROM complaints INDEXED BY complaints_received_no WHERE received_at >= ? AND received_at < ? AND year = ?').get(from, to, year) as SeqSpan;
    kept.set(key, span);
  }
  return span;
}

// Statuses in the order of their stored text, as ORDER BY c.status gives them.
const STATUS_ORDER = [...STATUSES].sort();

const columns = (who: SqlCondition) => `${ROW_COLUMNS_OF_C}, ${who.sql} AS identity`;
// The rows of a page's ids, in that order, the viewer's rule asked of those rows only.
function rowsOfIds(db: Db, viewer: SessionUser, ids: number[]): ComplaintDbRow[] {
  const page = identitySql(viewer, true);
  const byId = new Map(
    (stmt(db, `SELECT ${columns(page)} FROM complaints c WHERE c.id IN (SELECT value FROM json_each(?))`).all(...page.params, JSON.stringify(ids)) as ComplaintDbRow[]).map((r) => [r.id, r]),
  );
  return ids.map((id) => byId.get(id)!);
}

// The register's filters and words, from its sets (sets.ts): each filter's complaints and
// the words', kept in memory, ANDed and counted; the page then read by walking the order's
// index and keeping the complaints the sets hold, or, where the walk passes more than
// WALK_PER_MATCH entries a match without filling the page (few matches, or all on the far
// side of the order: the oldest first, beside a span of recent dates), by sorting the
// matches. Through SQLite alone each view needed a way of reading of its own, and some had
// none fast: at 1,000,000 "jalan" beside a step done in twelve months took 0.29–0.41 s (its
// 870,000 matches listed, or each of the step's complaints asked the words), a Kasi's step
// done by name 0.2 s. Null where SQLite reads the page itself (plainPlan): nothing asked
// (each order has its index) but a Kasi's names, a register number, and inside a
// transaction.
const WALK_PER_MATCH = 6;
const FEW_MATCHES = 1_000;
interface SetsView {
  at: SetsAt;
  matches: IdSet;
  // The matches in the query's order, that way, as groups read one after another.
  groups: (d: 'ASC' | 'DESC') => Group[];
}
// Every complaint, as a set: a Kasi's names with nothing else asked.
const EVERY: Condition = ['1', []];
// The views of the last calls, kept while the data is unchanged (its stamp: any change,
// through this connection or another, may change a set, the register's years, a month's
// numbers), so that a page asked again, or the next page, works none of it out again. Not
// late now, whose set moves with the clock.
const viewsKept = keptWhileUnchanged<SetsView | null>();
const VIEWS_KEPT = 32;
function setsView(db: Db, q: ComplaintQueryParsed, viewer: SessionUser, now: string, search: () => Search): SetsView | null {
  if (db.inTransaction) return null;
  const stamp = dataStamp(db);
  const kept = viewsKept(db, stamp);
  const key = q.keadaan === 'terlambat' && !q.akhirBulan ? null : `${viewer.id} ${JSON.stringify({ ...q, offset: 0, limit: 0 })}`;
  const hit = key === null ? undefined : kept.get(key);
  if (hit !== undefined) return hit;
  const view = viewOfSets(db, q, viewer, now, stamp, search());
  if (key !== null) {
    if (kept.size >= VIEWS_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, view);
  }
  return view;
}
function viewOfSets(db: Db, q: ComplaintQueryParsed, viewer: SessionUser, now: string, stamp: string, search: Search): SetsView | null {
  if (search && 'ids' in search) return null;
  const plainNames = seesEveryIndexedName(viewer);
  const filters = filterConditions(db, q, viewer, null, now);
  const words = search ? wordsSet(viewer, search) : undefined;
  if (words === null) return null;
  if (!filters.length && !words) {
    if (plainNames || q.sort !== 'reporterName') return null;
    filters.push(EVERY);
  }
  const at: SetsAt = { db, stamp, mark: changeMark(db), years: registerYears(db), numbered: once(() => numberedOf(db)) };
  const matches = allOf(setsOf(at, [...(words ? [words] : []), ...filters.map(specOf)]));
  const groups = { ASC: once(() => groupsOf('ASC')), DESC: once(() => groupsOf('DESC')) };
  const groupsOf = (d: 'ASC' | 'DESC') => (q.sort === 'reporterName' && !plainNames ? kasiNameGroups(at, q, viewer, matches, d) : inStretches(at, q, q.sort, matches, d));
  return { at, matches, groups: (d) => groups[d]() };
}

// The words' set as the register asks them (filterConditions): those who see every name in
// the word index; a Kasi in the register's, which knows who may open each complaint
// (searchSightFts) but keeps no positions, so his phrase (a word the tokenizer splits) in the
// word index, as wordsInSight asks it. Null where the viewer may search nothing.
function wordsSet(viewer: SessionUser, search: { fts: string; oneTokenEach: boolean }): SetSpec | null {
  const plainNames = seesEveryIndexedName(viewer);
  const sight = searchSightFts(viewer, search.fts);
  if (sight === null) return null;
  if (plainNames) return { key: `words ${search.fts}`, list: ['SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?', [search.fts]], probe: [FTS_PROBE, [search.fts]] };
  if (!search.oneTokenEach) return specOf(wordsInSight(viewer, search.fts));
  return {
    key: `words ${sight}`,
    list: [`SELECT c.id FROM (SELECT rowid AS k ${REGISTER_WHERE}) f CROSS JOIN complaints c ON ${KEY_JOIN}`, [sight]],
    probe: [probeSql('complaints_register_fts', REGISTER_KEY), [sight]],
  };
}

// A filter's set: its complaints listed, and asked of a changed one as its Condition says.
const specOf = ([sql, params, probe]: Condition): SetSpec => ({
  key: `${sql}\n${JSON.stringify(params)}`,
  list: [`SELECT c.id FROM complaints c WHERE ${sql}`, params],
  probe: probe === undefined ? [sql, params] : probe,
});
// What the register's sets are read at in one call, each read once: the data's stamp, the
// change mark, the register's years, how many each numbered and in all (those taken over
// from an old register aside: the entries of an order's whole index, near enough), and how
// many were taken over.
interface SetsAt {
  db: Db;
  stamp: string;
  mark: number;
  years: number[];
  numbered: () => { byYear: Map<number, number>; total: number; imported: number };
}
const NUMBERED = "SELECT name = 'register', year, value FROM counters WHERE name IN ('register', 'register_import')";
function numberedOf(db: Db): ReturnType<SetsAt['numbered']> {
  const byYear = new Map<number, number>();
  let total = 0;
  let imported = 0;
  for (const [own, year, value] of rawRows(db, NUMBERED).all() as [number, number, number][]) {
    if (own) {
      byYear.set(year, value);
      total += value;
    } else imported += value;
  }
  return { byYear, total, imported };
}
const once = <T,>(make: () => T) => {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
};
const setsOf = ({ db, mark }: SetsAt, specs: SetSpec[]) => specs.map((spec) => setOf(db, spec, mark));

// Complaints of a page read in one order: a set, the index the order is read from (within
// the stretch of it `bound` keeps), and the order; or groups of its own, read in turn
// (`split`).
interface Group {
  // The complaints every one of these sets holds (counted without being worked out, which
  // is left to the group the page reads: some 20 µs a set at 100,000, a status's years
  // cost dozens of them).
  parts: IdSet[];
  index: string;
  order: string;
  bound: Condition[];
  split?: (set: IdSet) => Group[];
  // The least reach (offset and rows) whose walk was, or would be, too long: a walk that
  // must reach further passes at least as many entries, so such pages are sorted at once.
  // (A group lives as long as its view, while the data is unchanged.)
  tooLong?: number;
  // The entries of the index the walk passes through, where known (a stretch's complaints,
  // or how many the register numbered in all), and, where the order follows the ids, from
  // which end. The register's order and that of receipt follow them while complaints are
  // numbered as they are recorded; not in an office that took over an old register, whose
  // rows came in after its own, numbered -1, -2, … backwards (import/write.ts).
  span?: Span;
}
type Span = ({ stretch: IdSet } | { entries: number }) & { along?: 'ASC' | 'DESC' };

// The stretch of the order's index a filter keeps, where the index leads with its column: a
// year of receipt in the register's order, a status by status, a year or month of receipt by
// time of receipt (a year's span a day wider: receiptSpan).
function walkBound({ db, stamp }: SetsAt, q: ComplaintQueryParsed): Condition[] {
  const receiptYear = q.year !== undefined && q.dateOf === 'diterima';
  // The register's order, within a status by status: a year, a month its stretch of numbers
  // (monthSeqSpan; the month itself is tested on each by its set).
  const inYear = (): Condition => {
    if (q.month === undefined) return ['c.year = ?', [q.year!]];
    const { lo, hi } = monthSeqSpan(db, q.year!, q.month, stamp);
    return ['c.year = ? AND c.seq BETWEEN ? AND ?', [q.year!, lo ?? 0, hi ?? -1]];
  };
  if (q.sort === 'registerNo') return receiptYear ? [inYear()] : [];
  if (q.sort === 'status' && q.status !== undefined) return [['c.status = ?', [q.status]], ...(receiptYear ? [inYear()] : [])];
  if (q.sort !== 'receivedAt' || !receiptYear) return [];
  const [from, to] = q.month === undefined ? receiptSpan(db, q.year!) : periodBounds(q.year!, q.month, getOffice(db).timeZone);
  return [['c.received_at >= ? AND c.received_at < ?', [from, to]]];
}

// A Kasi's register by name: the name he sees is Anonim for anonymous reporters, the name
// where he may see it, else '' (access.ts). So first come (ascending) the complaints whose
// name he may not see, and those with no name, all alike in the register's order; then the
// others by the name complaints_shown_name holds, which is theirs. Each group is walked along
// its own index; the set of those he may see is kept like the filters' (asked again of each
// changed complaint).
const namesApart = memo<[IdSet, IdSet]>(16);
function kasiNameGroups(at: SetsAt, q: ComplaintQueryParsed, viewer: SessionUser, matches: IdSet, d: 'ASC' | 'DESC'): Group[] {
  const see = seeSql(viewer, true);
  const [anonymous, sees, unnamed] = setsOf(at, [
    { key: 'anonymous', list: ['SELECT c.id FROM complaints c INDEXED BY complaints_anonymous WHERE c.anonymous <> 0', []], probe: ['c.anonymous <> 0', []] },
    // (Listed from the register's text index, whose viewers column names him where seeSql
    // does: his rule asked of each complaint he handles read each, seconds at 1,000,000.)
    {
      key: `sees ${viewer.id}`,
      list: [`SELECT c.id FROM (SELECT rowid AS k ${REGISTER_WHERE}) f CROSS JOIN complaints c ON ${KEY_JOIN}`, [kasiViewersFts(viewer)]],
      probe: [see.sql, see.params],
    },
    { key: 'unnamed', list: ["SELECT c.id FROM complaints c INDEXED BY complaints_unnamed WHERE c.reporter_name = ''", []], probe: ["c.reporter_name = ''", []] },
  ]) as [IdSet, IdSet, IdSet];
  const [alike, named] = derived(namesApart, [matches, anonymous, sees, unnamed], () => {
    const alike = new Uint32Array(matches.bits.length);
    const named = new Uint32Array(matches.bits.length);
    for (let k = 0; k < alike.length; k++) {
      const i = matches.lo + k;
      alike[k] = matches.bits[k]! & ~wordOf(anonymous, i) & (~wordOf(sees, i) | wordOf(unnamed, i));
      named[k] = matches.bits[k]! & ~alike[k]!;
    }
    return [counted(alike, matches.lo), counted(named, matches.lo)];
  });
  const groups = [inStretches(at, q, 'registerNo', alike, d), inStretches(at, q, 'reporterName', named, d)];
  return (d === 'ASC' ? groups : groups.reverse()).flat();
}

// A set's complaints in an order, as groups read one after another. Where no filter bounds
// the walk, the order's index is cut into stretches of complaints, each a set kept like the
// filters': by the register's order its years, by time of receipt the years' spans of
// receipt, by status each status, and within it each year, by name the names before, at and
// after Anonim. Only the stretch the page begins in is walked (and the next, if the page
// goes on): a span of recent dates, oldest first, passes no older year ("sumur" finished in
// 2025, the register's order: 11,034 matches, its walk past 2026 too long, sorted in 45–51
// ms at 1,000,000).
function inStretches(at: SetsAt, q: ComplaintQueryParsed, sort: ComplaintQueryParsed['sort'], set: IdSet, d: 'ASC' | 'DESC'): Group[] {
  const order = orderOf({ ...q, sort, dir: d === 'DESC' ? 'desc' : 'asc' }, SHOWN_NAME);
  const index = SORT_INDEX[sort];
  const bound = walkBound(at, { ...q, sort });
  const along = () => ((sort === 'registerNo' || sort === 'receivedAt') && at.numbered().imported === 0 ? d : undefined);
  const wholeSpan = (): Span => ({ entries: at.numbered().total, along: along() });
  // Groups of the stretches of `set`, each walked within its stretch after `lead` (a status,
  // whose index leads with it). Where the stretches do not hold every complaint of the set
  // (a year the register's counters do not name), the set is walked whole, within `whole`.
  const within = (stretches: Condition[], set: IdSet, lead: Condition | null, whole: Condition[], split?: (c: Condition, i: number) => Group['split']): Group[] => {
    const led = ([sql, params]: Condition): Condition => (lead ? [`${lead[0]} AND ${sql}`, [...lead[1], ...params]] : [sql, params]);
    const groups = stretches.map((c, i): Group => {
      const [stretch] = setsOf(at, [specOf(c)]) as [IdSet];
      // (Led by a status, the walk passes that status's part of the stretch only.)
      return { parts: [set, stretch], index, order, bound: [led(c)], split: keptSplit(split?.(led(c), i)), span: lead ? undefined : { stretch, along: along() } };
    });
    if (groups.reduce((n, g) => n + countOfAll(g.parts), 0) !== set.count) return [{ parts: [set], index, order, bound: whole }];
    return d === 'ASC' ? groups : groups.reverse();
  };
  // Few matches (late now, beside words) are sorted, or walked, whole: to count them stretch
  // by stretch, on every call (their set is listed afresh), cost more.
  if (bound.length) return [{ parts: [set], index, order, bound }];
  if (set.count <= FEW_MATCHES) return [{ parts: [set], index, order, bound, span: wholeSpan() }];
  // By name, the names before Anonim, the block of Anonim (every anonymous reporter), and the
  // names after: a Kasi's names shown beside a category of another seksi are nearly all that
  // block, which a walk from Z passed every other name to reach (31 ms at 1,000,000).
  if (sort === 'reporterName') return within(BY_NAME, set, null, []);
  // The years (by status, each status's), each in twelfths (numbers or months) where it holds
  // many: the matches of a month of finishing lie at the start of its year.
  const years = stretchesOf(at, sort === 'status' ? 'registerNo' : sort);
  const inYears = (set: IdSet, lead: Condition | null) =>
    within(
      years.map((y) => y.whole),
      set,
      lead,
      lead ? [lead] : [],
      (c, i) => (years[i]!.parts.length ? (ofYear) => within(years[i]!.parts, ofYear, lead, [c]) : undefined),
    );
  if (sort !== 'status') return years.length < 2 ? [{ parts: [set], index, order, bound, span: wholeSpan() }] : inYears(set, null);
  const statuses = STATUS_ORDER.map((status): Condition => ['c.status = ?', [status]]);
  return within(statuses, set, null, [], years.length < 2 ? undefined : (status) => (ofStatus) => inYears(ofStatus, status));
}

// A group's own groups, worked out once for each set it is asked of (the same set while
// the view is kept).
function keptSplit(split: Group['split']): Group['split'] {
  if (!split) return undefined;
  const bySet = new WeakMap<IdSet, Group[]>();
  return (set) => bySet.get(set) ?? bySet.set(set, split(set)).get(set)!;
}

// The stretches of the register's order (its years) or of the time of receipt, in
// ascending order, each a condition its index leads with, and, for a year holding at least
// TWELFTHS_FROM complaints, its twelve parts in order: its numbers in twelve runs (those
// taken over from the old register, below zero, in the first), or the months of its span of
// receipt.
const TWELFTHS_FROM = 1_200;
// (The block as a range: an equality on the index's name makes SQLite sort the block again.)
const BY_NAME = [`< '${ANONYMOUS_NAME}'`, `BETWEEN '${ANONYMOUS_NAME}' COLLATE NOCASE AND '${ANONYMOUS_NAME}'`, `> '${ANONYMOUS_NAME}'`].map(
  (range): Condition => [`${SHOWN_NAME} ${range} COLLATE NOCASE`, []],
);
function stretchesOf({ db, years: newestFirst, numbered: numberedOnce }: SetsAt, sort: 'registerNo' | 'receivedAt'): { whole: Condition; parts: Condition[] }[] {
  const years = newestFirst.toReversed();
  const numbered = numberedOnce().byYear;
  const many = (y: number) => (numbered.get(y) ?? 0) >= TWELFTHS_FROM;
  if (sort === 'registerNo') {
    return years.map((y) => {
      const run = Math.ceil((numbered.get(y) ?? 0) / 12);
      const starts = Array.from({ length: 11 }, (_, k) => 1 + (k + 1) * run);
      const parts = many(y) ? [null, ...starts].map((from, k): Condition => seqRun(y, from, starts[k] ?? null)) : [];
      return { whole: ['c.year = ?', [y]], parts };
    });
  }
  if (years.length < 2) return [];
  // Between the starts of the years (in the office's zone now), the first and last open-
  // ended: every complaint in one, whatever zone it was numbered in.
  const tz = getOffice(db).timeZone;
  const yearStart = (y: number) => periodBounds(y, undefined, tz)[0];
  return years.map((y, i) => {
    const from = i === 0 ? null : yearStart(y);
    const to = i === years.length - 1 ? null : yearStart(years[i + 1]!);
    const months = Array.from({ length: 11 }, (_, m) => periodBounds(y, m + 2, tz)[0]).filter((t) => (from === null || t > from) && (to === null || t < to));
    const points = [from, ...months, to];
    return { whole: receivedBetween(from, to), parts: many(y) ? points.slice(1).map((t, k) => receivedBetween(points[k] ?? null, t)) : [] };
  });
}
const receivedBetween = (from: string | null, to: string | null): Condition =>
  from === null ? ['c.received_at < ?', [to!]] : to === null ? ['c.received_at >= ?', [from]] : ['c.received_at >= ? AND c.received_at < ?', [from, to]];
const seqRun = (year: number, from: number | null, to: number | null): Condition =>
  from === null ? ['c.year = ? AND c.seq < ?', [year, to!]] : to === null ? ['c.year = ? AND c.seq >= ?', [year, from]] : ['c.year = ? AND c.seq >= ? AND c.seq < ?', [year, from, to]];

// About how many entries a walk passes to reach the reach-th of a set's complaints: where
// the order follows the ids, those on the walk's side of that complaint's id (of its
// stretch; of all, numbered from 1), else as many as if the set's complaints lay evenly.
function passesOf(span: Span, set: IdSet, reach: number): number {
  const entries = 'stretch' in span ? span.stretch.count : span.entries;
  if (!span.along) return (reach * entries) / set.count;
  const desc = span.along === 'DESC';
  const last = nthId(set, reach, desc)!;
  return 'stretch' in span ? countFrom(span.stretch, last, desc) : desc ? entries - last : last;
}

// A page of `limit` from `offset` across groups read one after another: each walked along
// its index, keeping its set's complaints, or, where the walk passes more than
// WALK_PER_MATCH entries a match before its part of the page is full, its complaints sorted.
function pageOfGroups(db: Db, groups: Group[], offset: number, limit: number): number[] {
  const ids: number[] = [];
  for (const group of groups) {
    if (limit === 0) break;
    const count = countOfAll(group.parts);
    if (offset >= count) {
      offset -= count;
      continue;
    }
    const take = Math.min(limit, count - offset);
    const { index, order, bound, split } = group;
    const set = group.parts.length === 1 ? group.parts[0]! : allOf(group.parts);
    if (split) {
      ids.push(...pageOfGroups(db, split(set), offset, take));
      limit -= take;
      offset = 0;
      continue;
    }
    const walk = `SELECT c.id FROM complaints c INDEXED BY ${index} ${whereOf([...bound, [IN_SET, []]])} ORDER BY ${order} LIMIT ? OFFSET ?`;
    // In the register's order (a group read along its index) the numbers come from
    // complaints_id_register, not from each complaint's row.
    const byNumber = index === SORT_INDEX.registerNo ? ' INDEXED BY complaints_id_register' : '';
    const sorted = `SELECT c.id FROM json_each(?) j CROSS JOIN complaints c${byNumber} ON c.id = j.value ORDER BY ${order} LIMIT ? OFFSET ?`;
    const reach = offset + take;
    // A walk that would pass more than its allowance is not begun (a search's words lie
    // all over the register: most of their walks were).
    const allowance = set.count * WALK_PER_MATCH;
    const walked = reach >= (group.tooLong ?? Infinity) || (group.span && passesOf(group.span, set, reach) > allowance) ? null : keptAlong(db, walk, (w) => [...paramsOf(bound), w, take, offset], set, allowance);
    if (!walked) group.tooLong = Math.min(group.tooLong ?? Infinity, reach);
    ids.push(...(walked ?? (pluck(db, sorted).all(idsTextOf(set), take, offset) as number[])));
    limit -= take;
    offset = 0;
  }
  return ids;
}

// A page of the register; the query as the contract's complaintQuerySchema gave it. A page
// past the middle is read from the other end: the last page costs what the first does.
// How the register reads a query: through its sets (setsView), or SQLite alone (plainPlan);
// the words or the register number typed looked up once for either.
function planOf(db: Db, q: ComplaintQueryParsed, viewer: SessionUser, now: string) {
  const search = once(() => searchOf(db, q.q, () => dataStamp(db)));
  const view = setsView(db, q, viewer, now, search);
  return view ? { view, plain: null } : { view: null, plain: plainPlan(db, q, viewer, now, search()) };
}

export function listComplaints(db: Db, q: ComplaintQueryParsed, viewer: SessionUser, now: string) {
  const { view, plain } = planOf(db, q, viewer, now);
  const total = view ? view.matches.count : plain!.total;
  const years = view ? view.at.years : registerYears(db);
  if (q.offset >= total) return { rows: [], total, years };
  let { offset, limit } = q;
  const fromEnd = offset > total / 2;
  if (fromEnd) {
    limit = Math.min(limit, total - offset);
    offset = total - offset - limit;
  }
  const rows = view ? rowsOfIds(db, viewer, pageOfGroups(db, view.groups((q.dir === 'desc') !== fromEnd ? 'DESC' : 'ASC'), offset, limit)) : plain!.page(fromEnd, offset, limit);
  if (fromEnd) rows.reverse();
  return { rows: rows.map(toRow), total, years };
}

// Every complaint the register lists for a query, in its order, as ids (the XLSX export
// holds exactly what the register shows); none when more than `max` match, so a too-long
// list is refused before it is read.
export function registerIdsOf(db: Db, query: ComplaintQuery, viewer: SessionUser, max: number, now: string): { total: number; ids: number[] | null } {
  const q = complaintQuerySchema.parse(query);
  const { view, plain } = planOf(db, q, viewer, now);
  if (view) {
    const total = view.matches.count;
    return { total, ids: total > max ? null : pageOfGroups(db, view.groups(q.dir === 'desc' ? 'DESC' : 'ASC'), 0, total) };
  }
  const { total, where, order } = plain;
  if (total > max) return { total, ids: null };
  return { total, ids: pluck(db, `SELECT c.id FROM complaints c ${whereOf(where)} ORDER BY ${order[0]}`).all(...paramsOf(where), ...order[1]) as number[] };
}

// The register where SQLite reads the page itself (setsView says when): its conditions, its
// order (a Kasi's names worked out by his rule), its total, and a page of it. With nothing
// asked, each order's own index gives the page and the counters the total; register numbers
// are a few complaints.
function plainPlan(db: Db, q: ComplaintQueryParsed, viewer: SessionUser, now: string, search: Search) {
  const where = filterConditions(db, q, viewer, search, now);
  const plainNames = seesEveryIndexedName(viewer);
  const identity = identitySql(viewer);
  const order: Condition = [orderOf(q, plainNames ? SHOWN_NAME : shownNameSql(identity.sql)), q.sort === 'reporterName' && !plainNames ? identity.params : []];
  const counted = `SELECT count(*) FROM complaints c ${whereOf(where)}`;
  const total = where.length ? (pluck(db, counted).get(...paramsOf(where)) as number) : registered(db);
  const rowsWho = identitySql(viewer, true);
  // A page of rows, `offset` and `limit` counted from the far end where `fromEnd`.
  const page = (fromEnd: boolean, offset: number, limit: number) =>
    stmt(db, `SELECT ${columns(rowsWho)} FROM complaints c ${whereOf(where)} ORDER BY ${fromEnd ? flip(order[0]) : order[0]} LIMIT ? OFFSET ?`).all(
      ...rowsWho.params,
      ...paramsOf(where),
      ...order[1],
      limit,
      offset,
    ) as ComplaintDbRow[];
  return { where, order, total, page };
}

// The years the register holds complaints of, newest first (for the year filter).
const registerYears = (db: Db) => pluck(db, "SELECT DISTINCT year FROM counters WHERE name IN ('register', 'register_import') AND value > 0 ORDER BY year DESC").all() as number[];

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
  const r = stmt(db, 'SELECT c.*, 0 AS identity, u.name AS received_by_name FROM complaints c JOIN users u ON u.id = c.received_by WHERE c.id = ?').get(id) as FullRow | undefined;
  if (!r) throw notFound('Pengaduan');
  const masked = !access.identity;
  const name = masked ? shownName(r) : r.reporter_name;
  // File names are often the reporter's own ("ktp-siti.pdf").
  const attachments = (
    stmt(
      db,
      'SELECT id, file_name AS fileName, mime, size, sha256 FROM attachments WHERE complaint_id = ? AND follow_up_id IS NULL AND delivery_id IS NULL AND document_id IS NULL ORDER BY id',
    ).all(id) as ComplaintDetail['attachments']
  ).map((a, i) => (masked ? { ...a, fileName: `Berkas ${i + 1}` } : a));
  const events = stmt(
    db,
    `SELECT e.at, COALESCE(u.name, 'Sistem') AS actorName, e.action, e.status, e.note
     FROM complaint_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.complaint_id = ? ORDER BY e.id`,
  ).all(id) as ComplaintDetail['events'];
  const kelengkapan = JSON.parse(r.kelengkapan) as string[];
  // The checklist of the standard version the complaint runs under, not today's.
  const checklist = (r.standard_version_id === null ? currentStandard(db) : standardVersion(db, r.standard_version_id)).kelengkapanChecklist;
  // Written out rather than `{ ...toRow(r), … }`: in V8 (Node 20) an object spread into
  // and then given more fields gets a hidden class of its own each time, which costs more
  // than this whole answer (and its check on the way out) otherwise does.
  return {
    id: r.id,
    registerNo: r.register_no,
    receivedAt: r.received_at,
    kind: r.kind,
    channel: r.channel,
    category: r.category,
    reporterName: name,
    subject: r.subject,
    status: r.status,
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

import type { ComplaintData, ComplaintDetail, ComplaintQuery, ComplaintRow } from '../../../shared/schemas/complaint';
import { complaintQuerySchema, receivedAtIssue, receivedInstant } from '../../../shared/schemas/complaint';
import { STATUSES } from '../../../shared/domain';
import { formatTanggal, formatTanggalWaktu, monthLabel } from '../../../shared/time/format';
import { addCalendarDays, fromLocal, localDate, yearOf, type TimeZoneId } from '../../../shared/time/workingTime';
import type { CoreDeps, SessionUser } from '../context';
import { nowIso } from '../context';
import type { Db } from '../db/open';
import { dataStamp, pluck, rawRows, stmt } from '../db/statements';
import { notFound, TanggapError } from '../errors';
import { getOffice } from '../office/settings';
import type { StoredFile } from './attachments';
import { recordComplaintEvent } from './events';
import { formatRegisterNo, nextNumber } from './numbering';
import { intakeJourney, startJourney } from '../workflow/engine';
import { currentStandard, standardVersion } from '../workflow/standard';
import { intakeRules } from './intakeRules';
import { linkComplaints, linksOf } from './links';
import { allOf, changeMark, countOfAll, counted, derived, idsOf, IN_SET, isKept, keptAlong, memo, setOf, type IdSet, type SetSpec } from './sets';
import {
  complaintAccess,
  identitySql,
  kasiHandledAtLeast,
  kasiSightCandidates,
  kasiViewersFts,
  kasiWordsFts,
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
  return at;
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
    lapor_tracking_id: c.laporTrackingId,
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
  const stamp = db.inTransaction ? null : stampOf();
  let kept = stamp === null ? undefined : prefixes.get(db);
  if (stamp !== null && (!kept || kept.stamp !== stamp || kept.byToken.size >= PREFIXES_KEPT)) prefixes.set(db, (kept = { stamp, byToken: new Map() }));
  const byToken = kept?.byToken ?? new Map<string, string>();
  return tokens
    .slice(0, 10)
    .map((t) => byToken.get(t) ?? byToken.set(t, prefixMatch(db, t)).get(t)!)
    .join(' AND ');
}

// The words each typed prefix stands for, kept until the database changes.
const prefixes = new WeakMap<Db, { stamp: string; byToken: Map<string, string> }>();
const PREFIXES_KEPT = 256;

// FTS5 answers a prefix ("jalan"*) by first merging the lists of every word it begins
// into one, however common ("jalan" is in most complaints); the same words named one by
// one are read lazily, so a page stops when it is full. A prefix is so named when it
// begins at most this many longer words; only for plain letters and digits, whose case
// folding here is the tokenizer's.
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
  receivedAt: 'c.received_at {d}, c.id {d}',
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
// The same in one year of receipt, or in all.
const registeredIn = (db: Db, year?: number) => (year === undefined ? pluck(db, REGISTERED).get() : pluck(db, `${REGISTERED} AND year = ?`).get(year)) as number;

// The index each order can be read from (the sort by name: for viewers who see every
// name but the anonymous ones).
const SORT_INDEX: Record<NonNullable<ComplaintQuery['sort']>, string> = {
  registerNo: 'complaints_year_seq',
  receivedAt: 'complaints_received',
  reporterName: 'complaints_shown_name',
  status: 'complaints_status_year',
};

// Words many complaints match are found faster by walking the order's index and keeping
// the matching rows (the walk stops once the page is full, reading index entries only)
// than by reading every match and sorting them: about (rows wanted) × (register size) /
// (matches) index entries against (matches) table rows, each of which costs about
// twenty index entries to read (perRow: what a sorted match costs in entries walked; one
// where the walk reads each complaint to test it).
// (`size`: the complaints the walk passes, where it keeps to some of them: walkIndex.)
function walkCheaper(db: Db, wanted: number, matches: number, perRow = 20, size = registeredIn(db)): boolean {
  if (matches === 0) return false;
  return (wanted * size) / matches < perRow * matches;
}

// Words most complaints match ("jalan": 87,000 of 100,000) are asked of each complaint the
// walk reads (FTS_PROBE: a seek in the word lists, about 25 µs) instead of listing every
// match first (about 0.2 µs a match: 16 ms there, 160 ms at 1,000,000), when the walk
// reads few enough complaints: (rows wanted) × (register size) / (matches) probes, or,
// where the walk tests other filters first, (rows wanted) × (complaints they keep: `among`)
// / (matches). The list holds every match of the words, however few the other filters
// keep, so a walk of at most 80 probes (some 2 ms) is taken whatever the matches. A
// Kasi's words (kasiProbe) cost about as much more either way: some 70 µs a seek, and
// 0.7 µs a match listed.
function probeCheaper(db: Db, wanted: number, matches: number, among = registeredIn(db)): boolean {
  if (matches === 0) return false;
  const probes = (wanted * among) / matches;
  return probes * 125 < matches || probes <= 80;
}

// The stretches of keys [lo, hi) within which a walk's words are listed rather than asked of
// each complaint (asked). The walk (`from`: the table, the index and every filter but the
// words) is read in the page's order as far as the page is expected to reach (`reads`
// complaints, a quarter more), and cut into runs of complaints close together: fewer apart
// than the words match in one probe's cost of listing (PROBE_PER_LISTED, with `density` of
// the complaints holding the words: their matches among those the other filters keep, as the
// list holds every match, whatever those filters are). Each run of two or more is a stretch
// (the MAX_SPANS longest of them), or, where that costs less than listing the runs and asking
// the others, the whole walk is one (a status of a few hundred spread over the register: its
// complaints each far apart). The longest, not the first: by status within a seksi, the
// first statuses walked may hold a few complaints each, and a Kasi's "jalan krajan" there,
// its fifth run of 814 complaints asked one by one, took 44 ms at 100,000.
const PROBE_PER_LISTED = 300;
const MAX_SPANS = 4;
function walkSpans(db: Db, from: string, params: unknown[], order: string, reads: number, key: string, density: number): KeySpan[] {
  const walked = rawRows(db, `SELECT ${key}, c.id FROM ${from} ORDER BY ${order} LIMIT ?`).all(...params, Math.ceil(reads * 1.25) + 16) as [number, number][];
  if (!walked.length) return [];
  const perId = Math.min(1, density);
  // How many complaints lie between two (keys within a year count them; ids do across).
  const apart = ([k, id]: [number, number], [l, jd]: [number, number]) => Math.min(Math.abs(k - l), Math.abs(id - jd));
  const runs: [number, number][][] = [];
  for (const row of walked) {
    const last = runs.at(-1);
    if (last && apart(last.at(-1)!, row) * perId < PROBE_PER_LISTED) last.push(row);
    else runs.push([row]);
  }
  // A stretch's keys, and about how many of them the words match.
  const stretch = (rows: [number, number][]) => {
    const [lo, hi, first, last] = rows.reduce(([l, h, f, z], [k, id]) => [Math.min(l, k), Math.max(h, k), Math.min(f, id), Math.max(z, id)], [Infinity, -Infinity, Infinity, -Infinity]);
    return { span: [lo, hi + 1] as KeySpan, listed: (apart([lo, first], [hi, last]) + 1) * perId };
  };
  const spans = runs.filter((r) => r.length > 1).map((r) => ({ rows: r.length, ...stretch(r) }));
  const whole = stretch(walked);
  // The runs' lists, and a probe for each complaint alone.
  const byRuns = spans.reduce((cost, s) => cost + s.listed, (runs.length - spans.length) * PROBE_PER_LISTED);
  if (whole.listed < byRuns) return [whole.span];
  return spans
    .sort((a, b) => b.rows - a.rows)
    .slice(0, MAX_SPANS)
    .map((s) => s.span);
}

// Filters on the complaint's own columns beside an order their indexes do not give (by
// name; by status or time of receipt beside a channel, category or seksi) are read the
// same way when that is cheaper: the planner, whose statistics are sampled, would read
// every matching row and sort them (a channel and a status by name: 88,000 rows for 4,500
// matches at 100,000). Here a walked entry costs a row as a sorted match does, unless the
// index holds the filter itself (a year, in the index by name). Only where the filters are
// spread evenly along the order, as the estimate assumes: a name says nothing of a
// complaint's dates or state, while the status and the time of receipt follow its age
// (a walk by status for an old month would pass the newer ones first), so those two
// orders are walked only beside filters without dates. A year or month of receipt by
// status is read a status at a time (statusGroups).
function columnWalkCheaper(db: Db, { q, active, total, fewest }: Pick<ReturnType<typeof registerPlan>, 'q' | 'active' | 'total' | 'fewest'>, wanted: number, by: WalkIndex): boolean {
  if (!active.length || q.keadaan || q.langkah || q.q) return false;
  // Beside two filters the sort reads the rows of the one that keeps fewer (fewestFilter).
  const perRow = (fewest ? fewest.n : total) / Math.max(total, 1);
  const dated = q.year !== undefined;
  if (q.sort === 'reporterName') return walkCheaper(db, wanted, total, active.length === 1 && !q.month && q.dateOf === 'diterima' && dated ? 20 : perRow);
  // Beside a seksi (or none) by status, the walk reads that seksi's statuses (walkIndex).
  if (q.sort === 'status') return !dated && q.status === undefined && walkCheaper(db, wanted, total, perRow, by.size);
  if (q.sort === 'receivedAt') return (!dated || by.size !== undefined) && walkCheaper(db, wanted, total, perRow, by.size);
  return false;
}

// The index a walk in the query's order reads, and how many complaints it passes where
// that is fewer than the register holds. By status beside a seksi, or "no seksi", it is
// complaints_seksi_status, which holds the statuses in order within each seksi: through the
// index of all statuses, "no seksi" by status descending read every "selesai" complaint
// first (a complaint has a seksi from its disposition on, so those are the statuses before
// it, or of a file closed without one: 28–37 ms at 100,000, with "jalan" 164–190 ms), and
// a seksi by status ascending each one of the statuses before a disposition (18 ms). (Not
// beside the open or late ones, whose seksi is tested on each of those few.) The seksi's
// complaints are counted from the buku rekap's summaries (recap_counts, received by month,
// kept by triggers with every change), not on its index, which a change would make count
// again (some 190,000 entries of a seksi at 1,000,000). By time of receipt within a year
// of receipt (receipt: receiptSpan), the year's complaints. Else the order's own index, over
// the whole register.
interface WalkIndex {
  index: string;
  size?: number;
}
function walkIndex(db: Db, q: ComplaintQueryParsed, receipt: Condition | null, stampOf: () => string): WalkIndex {
  const seksi = seksiFilter(q);
  if (q.sort === 'status' && seksi !== undefined && !q.keadaan) {
    const sql = "SELECT coalesce(sum(received), 0) FROM recap_counts WHERE dim = 'seksi' AND key = ?";
    return { index: 'complaints_seksi_status', size: kept(db, stampOf, `${sql}\n${seksi}`, () => pluck(db, sql).get(seksi) as number) };
  }
  return { index: SORT_INDEX[q.sort], size: receipt ? registeredIn(db, q.year) : undefined };
}

// A year of receipt walked by time of receipt is read within the year's span of receipt,
// not from the register's newest (or oldest) complaint: 2025 by time of receipt, oldest
// first, passed every complaint of 2022–2024 (with "jalan", 120 ms at 100,000), and its
// 22,713 rows were sorted where no walk was taken (17–29 ms). The span is the year's
// bounds a day wider: a complaint's number takes the year of its receipt in the office's
// zone when it was recorded, and the zone may have changed since (by two hours at most
// between Indonesia's three), while the year itself is still tested on each complaint.
// Null for other filters of date (a month's condition holds its bounds already).
function receiptSpan(db: Db, q: ComplaintQueryParsed): Condition | null {
  if (q.year === undefined || q.dateOf !== 'diterima' || q.month !== undefined) return null;
  const tz = getOffice(db).timeZone;
  const [from, to] = periodBounds(q.year, undefined, tz);
  return ['c.received_at >= ? AND c.received_at < ?', [addCalendarDays(from, -1, tz), addCalendarDays(to, 1, tz)]];
}

// A walk's conditions with a year of receipt tested on each complaint walked (a unary +):
// beside an order whose index holds the year after its first column, the planner would
// take an equality for a constraint on that index, drop it from the order, and sort each
// run of equal names or statuses (the whole of "selesai" in a year) before the first row.
const yearTestedOnEach = (conditions: Condition[]): Condition[] => conditions.map(([sql, v]) => [sql === 'c.year = ?' ? '+c.year = ?' : sql, v]);

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
// A text index's keys matching words: all of them, or those within a span [from, to)
// (Span; null for all). The bounds as integers: a number comes to SQLite as a real, and
// FTS5 takes a rowid bound only when it is an integer; without one it reads the words'
// whole lists (for "jalan", 87% of complaints, 9 ms at 100,000 whatever the span) and
// SQLite drops the keys outside. Bounds that cut nothing cost: FTS5 reads a bounded list
// about 1.6 times as slowly ("jalan" at 100,000: 10 against 6.5 ms), so all keys are
// asked without. Each text below that asks for keys so has two forms, [all keys, within a
// span]; wordsIn gives the one for a span, with its parameters.
type Span = [number, number] | null;
const keysWhere = (table: string) => ['', ' AND rowid >= CAST(? AS INTEGER) AND rowid < CAST(? AS INTEGER)'].map((b) => `FROM ${table} WHERE ${table} MATCH ?${b}`);
const wordsIn = (forms: string[], fts: string, span: Span): Condition => (span ? [forms[1]!, [fts, ...span]] : [forms[0]!, [fts]]);
const FTS_MATCH = 'c.id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?)';
// The same asked of one complaint (probeCheaper says when), and the conditions so asked
// (the words listed as ids, or for a membership: wordsBeside).
const probeSql = (table: string, key: string) => `EXISTS (SELECT 1 FROM ${table} f WHERE ${table} MATCH ? AND f.rowid = ${key})`;
const FTS_PROBE = probeSql('complaints_fts', 'c.id');
const FTS_LISTED = [FTS_MATCH, `+${FTS_MATCH}`];
// A probe seeks the words in every segment of their lists: at 100,000, some 13 µs in the
// word index merged whole and 39 µs once 650 changes have left small segments (in the
// register's text index 11 and 78 µs; a Kasi's "jalan" by status took 3–4 and 9–15 ms,
// most of it probes). Where the complaints a walk reads lie within stretches of keys
// (walkSpans), the words' keys in a stretch are listed once instead, a list of a hundred
// keys costing about one seek, and each complaint's key looked up there. A stretch's list
// is read only once the walk reaches a complaint in it; one outside them all is asked alone.
type KeySpan = [number, number];
function asked(table: string, key: string, fts: string, spans: KeySpan[] = [], elsewhere: Condition = [probeSql(table, key), [fts]]): Condition {
  if (!spans.length) return elsewhere;
  const within = spans.map(() => `WHEN ${key} >= ? AND ${key} < ? THEN ${key} IN (SELECT rowid ${keysWhere(table)[1]})`);
  return [`CASE ${within.join(' ')} ELSE ${elsewhere[0]} END`, [...spans.flatMap(([lo, hi]) => [lo, hi, fts, lo, hi]), ...elsewhere[1]]];
}
const probing = (active: Condition[], spans: KeySpan[] = []): Condition[] =>
  active.map((c) => (FTS_LISTED.includes(c[0]) ? asked('complaints_fts', 'c.id', c[1][0] as string, spans) : c));
const OPEN_ROWS = 'complaints INDEXED BY complaints_open_standard WHERE closed_at IS NULL';
const OPEN_NOW: Condition = [`c.id IN (SELECT id FROM ${OPEN_ROWS})`, [], ['c.closed_at IS NULL', []]];

// The WHERE terms of the query, each one an index can serve. The year (and month) count
// in the office's zone: `year` is the receipt's local year, and a month or a finishing
// date is the span between two local midnights. A month without a year is ignored.
function filterConditions(db: Db, q: ComplaintQueryParsed, viewer: SessionUser, identity: SqlCondition, search: Search, now: string, stampOf = () => dataStamp(db)): Condition[] {
  const out: Condition[] = [];
  // Open now, or late now (as the dashboard counts them), are read from the index of open
  // complaints, a few hundred whatever the register's size, and late at a past month's end
  // from it and the index of complaints finished late: the other terms then only test those
  // rows (a unary + keeps the planner off their indexes, which would walk a seksi's or a
  // channel's whole register).
  const c = q.keadaan ? '+c' : 'c';
  if (q.year !== undefined) {
    if (q.dateOf === 'selesai') out.push([`${c}.closed_at >= ? AND ${c}.closed_at < ?`, periodBounds(q.year, q.month, getOffice(db).timeZone)]);
    else if (q.month === undefined) out.push([`${c}.year = ?`, [q.year]]);
    // A month is read through the index of receipt (its unary + keeps the planner, whose
    // statistics are sampled, off the year's index, which would read the whole year).
    else out.push([`+c.year = ? AND ${c}.received_at >= ? AND ${c}.received_at < ?`, [q.year, ...periodBounds(q.year, q.month, getOffice(db).timeZone)]]);
  }
  if (q.status !== undefined) out.push([`${c}.status = ?`, [q.status]]);
  if (q.channel !== undefined) out.push([`${c}.channel = ?`, [q.channel]]);
  if (q.category !== undefined) out.push([`${c}.category = ?`, [q.category]]);
  if (q.seksi) out.push([`${c}.seksi = ?`, [q.seksi]]);
  if (q.tanpaSeksi) out.push([`${c}.seksi = ''`, []]);
  // Open now, or late now: open complaints only.
  const open = q.keadaan === 'belum_selesai' || (q.keadaan === 'terlambat' && !q.akhirBulan);
  const sight = search && 'fts' in search ? searchSightFts(viewer, search.fts) : null;
  if (q.keadaan === 'belum_selesai') out.push(OPEN_NOW);
  if (q.keadaan === 'terlambat') out.push(lateAt(db, q.akhirBulan, now));
  if (q.langkah) out.push(stepDone(db, q.langkah));
  // One register number (the usual search by number) is one primary-key lookup.
  if (search && 'ids' in search) out.push(search.ids.length === 1 ? ['c.id = ?', search.ids] : [`c.id IN (SELECT value FROM json_each(?))`, [JSON.stringify(search.ids)]]);
  // Beside the open (or late) complaints, words are read from the register's text index,
  // their keys within the open complaints' span only (openSpan), and each of those few
  // complaints' key looked up among them (REGISTER_KEYS): to read the complaint of each key
  // instead took 66 of the 87 ms of "jalan" beside the open ones at 1,000,000.
  else if (search && search.oneTokenEach && sight !== null && open) out.push(wordsIn(REGISTER_KEYS, sight, openSpan(db, stampOf)));
  else if (search && search.oneTokenEach && viewer.role === 'kasi') out.push([REGISTER_MATCH, [sight!]]);
  else if (search && seesEveryIndexedName(viewer)) out.push([FTS_MATCH, [search.fts]]);
  // A hidden name must not be findable either: those rows match on the other columns only,
  // and the rows the viewer may not open on the columns the register shows them. The
  // register's index knows which rows those are (searchSightFts), for a Kasi above; the
  // word index, for a phrase (see Search), is asked three times and the rule tested row by row.
  else if (search) {
    const see = seeSql(viewer);
    out.push([
      `c.id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?) AND (${identity.sql}
        OR (${see.sql} AND c.id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?))
        OR c.id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?))`,
      [search.fts, ...identity.params, ...see.params, withoutName(search.fts), numberAndSubject(search.fts)],
    ]);
  }
  return out;
}

// The span [from, to) of the open complaints' keys in the register's text index, kept while
// the data is unchanged (some 6,000 complaints at 1,000,000, read through an index of open
// ones). They are mostly of the last months, so beside the open or late complaints a word
// most complaints hold is listed there only: "jalan" beside the open ones listed 870,000
// keys at 1,000,000, of which some 66,000 lie in their span (a Kasi's late ones with
// "jalan krajan", by name: 516 → 32 ms).
function openSpan(db: Db, stampOf: () => string): Span {
  return kept(db, stampOf, 'open span', () => {
    const { lo, hi } = stmt(db, `SELECT min(${REGISTER_KEY}) AS lo, max(${REGISTER_KEY}) AS hi FROM complaints c INDEXED BY complaints_open_due WHERE c.closed_at IS NULL`).get() as SeqSpan;
    return lo === null || hi === null ? [0, 0] : [lo, hi + 1];
  }) as Span;
}

// Late at an instant, as the recap's summaries book lateness: due before it, not waiting
// for the reporter, and not closed by then. Now, that is the open rows (the dashboard's
// card; an open complaint waits exactly while 'tidak lengkap'). At the end of a past month
// (akhirBulan) it is the open rows, as the summaries count them, and those finished since
// past their due, from their own index. A month not ended has no end to be late at.
function lateAt(db: Db, akhirBulan: string | undefined, now: string): Condition {
  if (!akhirBulan) return [`c.id IN (SELECT id FROM ${OPEN_ROWS} AND status <> 'tidak_lengkap' AND due_at < ?)`, [now], null];
  const [, end] = monthBounds(akhirBulan, getOffice(db).timeZone);
  if (end > now) throw new TanggapError('validation', `${monthLabel(akhirBulan)} belum berakhir: untuk yang terlambat saat ini, hapus akhir bulan dari saringan.`, 'akhirBulan');
  const closedLate = 'complaints INDEXED BY complaints_closed_late WHERE closed_at > due_at AND paused_at IS NULL';
  return [
    `c.id IN (SELECT id FROM ${OPEN_ROWS} AND due_at < ? AND paused_at IS NULL UNION ALL SELECT id FROM ${closedLate} AND closed_at >= ? AND due_at < ?)`,
    [end, end, end],
    ['((c.closed_at IS NULL AND c.due_at < ? AND c.paused_at IS NULL) OR (c.closed_at > c.due_at AND c.paused_at IS NULL AND c.closed_at >= ? AND c.due_at < ?))', [end, end, end]],
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
// The same asked of one complaint's own steps, for walking the register (stepWalk): the
// step condition's terms after its WHERE, under the complaint's own steps.
const STEP_HERE = 'EXISTS (SELECT 1 FROM complaint_steps INDEXED BY complaint_steps_complaint WHERE complaint_id = c.id AND ';
const stepDoneHere = (sql: string) => (sql.startsWith(STEP_DONE) ? STEP_HERE + sql.slice(sql.indexOf(STEP_SPAN) + 'WHERE '.length) : sql);

// How a page of a step done, in the register's order or by time of receipt (which follows
// it), is best read. The matches lie together in the register (the complaints of about the
// span), so a walk of the order's index passes the complaints received beyond the span on
// the side it starts from, then about (rows wanted) × (received in the span) / (matches):
// the summaries count both. Asking a complaint walked its own steps costs about a dozen
// step rows ('each'); keeping the walked complaints in the list of matches costs the list
// (a few tenths of a microsecond a match) and little a complaint ('list'); else the matches
// are read and sorted ('sort': step 2 in twelve months by time of receipt, newest first,
// 9,242 complaints read at 100,000, 4.6 ms, walked 1.8 ms). By status, where the matches lie
// in each status is not known: the index of statuses (`size` entries) is walked with the
// list ('list') where even all of its entries, tested without reading a complaint, cost less
// than the matches read and sorted (some twenty entries a match: the same step by status,
// 6.2–6.9 ms sorted, 1.9 ms walked newest first, 3.4 ms oldest first, passing the older
// finished ones); not beside words, whose list would be made for it. Null by name (and by
// status beside words), where walkCheaper decides as for words.
const STEP_ENTRIES_PER_MATCH = 20;
function stepWalk(db: Db, q: ComplaintQueryParsed, order: string, wanted: number, total: number, size?: number): 'each' | 'list' | 'sort' | null {
  const l = q.langkah;
  if (!l || q.sort === 'reporterName' || (q.sort === 'status' && q.q)) return null;
  if (total === 0) return 'sort';
  if (q.sort === 'status') return total * STEP_ENTRIES_PER_MATCH >= (size ?? registeredIn(db)) ? 'list' : 'sort';
  const received = (where: string, ...months: string[]) =>
    pluck(db, `SELECT coalesce(sum(received), 0) FROM recap_counts WHERE dim = 'channel' AND ${where}`).get(...months) as number;
  const beyond = / DESC/.test(order.split(',')[0]!) ? received('month > ?', l.sampai) : received('month < ?', l.dari);
  const walked = beyond + (wanted * Math.max(received('month BETWEEN ? AND ?', l.dari, l.sampai), total)) / total;
  return walked < total / 8 ? 'each' : walked < 3 * total ? 'list' : 'sort';
}

// What the search box asks for: register numbers, or words.
// `oneTokenEach`: every typed word is Latin letters and digits, which the index's tokenizer
// keeps as one token each. A few letters of other scripts (combining signs it treats as
// separators) split a word into a phrase, which the register-order index, keeping no
// positions, cannot answer: such a search goes through complaints_fts.
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
const REGISTER_WHERE = keysWhere('complaints_register_fts');
// The complaints matching a query of that index, by id (the inner c is the matched row);
// and by key (in both forms), for a walk of an index holding year and seq, or for few
// complaints (no complaint read to test it).
const REGISTER_MATCH = `c.id IN (SELECT c.id FROM (SELECT rowid AS k ${REGISTER_WHERE[0]}) f CROSS JOIN complaints c ON ${KEY_JOIN})`;
const REGISTER_KEY = `c.year * ${KEY_YEAR} + c.seq + ${KEY_SEQ}`;
const REGISTER_KEYS = REGISTER_WHERE.map((w) => `${REGISTER_KEY} IN (SELECT rowid ${w})`);
// A condition, the words by key where it is REGISTER_MATCH.
const keysOf = (sql: string) => (sql === REGISTER_MATCH ? REGISTER_KEYS[0]! : sql);
// The same asked of one complaint (probeCheaper says when), whose key is `key`. A Kasi's
// words so asked are one half of them (kasiWordsFts), chosen by whether he may open the
// complaint (`see`: seeSql, as the index's viewers column says it): about a third of the
// cost of asking his whole query (some 90 µs on an index in many segments). Within the
// stretches of keys a walk lists its words in (walkSpans), each half is listed, or, given the
// viewer, one list holds both, each where it applies (searchSightFts, by the index's viewers
// column), so no complaint there is asked his rule (three look-ups, some 3.5 µs): where the
// walk reads nearly every complaint of its stretches, as beside no filter but a year.
function kasiProbe(search: Search, see: SqlCondition, key: string, spans: KeySpan[] = [], viewer?: SessionUser): Condition {
  const { fts } = search as { fts: string };
  const { opened, other } = kasiWordsFts(fts);
  const [a, b] = [opened, other].map((half) => asked('complaints_register_fts', key, half, viewer ? [] : spans)) as [Condition, Condition];
  const probe: Condition = [`CASE WHEN ${see.sql} THEN ${a[0]} ELSE ${b[0]} END`, [...see.params, ...a[1], ...b[1]]];
  return viewer ? asked('complaints_register_fts', key, searchSightFts(viewer, fts)!, spans, probe) : probe;
}

// A word search read from the register's text index, where the viewer may search the
// words (the index knows who may open each complaint): the matches are the keys in a range
// (a year of receipt, or all), in the register's order. With no other filter (`others`
// empty) they are counted, and paged, on the index alone. Beside other filters the page
// walks them in that order, keeping the rows the filters keep, until it is full: at worst
// one look-up per match, as the list of the matches costs anyway ("jalan" in 2025 and
// channel "surat", 986 of 19,725: 2.6 ms at 100,000 where the index by id took 25 ms to
// list all 87,000 "jalan"). Not beside keadaan, whose few hundred open rows are the
// cheaper ones to walk.
interface Words {
  fts: string;
  span: Span;
  others: Condition[];
}
function registerWords(db: Db, q: ComplaintQueryParsed, search: Search, viewer: SessionUser, identity: SqlCondition, now: string, stampOf: () => string): Words | null {
  if (!search || !('fts' in search) || !search.oneTokenEach || q.keadaan) return null;
  const fts = searchSightFts(viewer, search.fts);
  if (fts === null) return null;
  // A year of receipt is the range; a month in it the stretch of numbers its complaints
  // have (monthSeqSpan), tested beside the other filters. A month's words are read there
  // by everyone, beside any other filter, and so counted (the index by id would list every
  // complaint the words match in all years).
  const inYear = q.year !== undefined && q.dateOf === 'diterima';
  // A filter that is a list of ids (a step done, open or late) is tested as a membership
  // (its unary +): as `c.id IN (…)` the planner would take the list as a constraint on the
  // complaint's index and seek it whole for every key (21 s for a step done beside "jalan"
  // at 100,000).
  const others = filterConditions(db, inYear && q.month === undefined ? { ...q, year: undefined } : q, viewer, identity, null, now).map(
    ([sql, v]): Condition => [sql.startsWith('c.id IN (') ? `+${sql}` : sql, v],
  );
  if (inYear && q.month !== undefined) {
    const { lo, hi } = monthSeqSpan(db, q.year!, q.month, stampOf);
    const base = q.year! * KEY_YEAR + KEY_SEQ;
    return { fts, span: lo === null || hi === null ? [0, 0] : [base + lo, base + hi + 1], others };
  }
  // Those who see every name have the word index by id, and walkCheaper, beside a step done
  // or a date of finishing.
  if (others.length && seesEveryIndexedName(viewer) && (q.langkah || q.dateOf === 'selesai')) return null;
  return { fts, span: inYear ? [q.year! * KEY_YEAR, (q.year! + 1) * KEY_YEAR] : null, others };
}
// The complaints of the words' keys in their range, each tested on the other filters, and
// its parameters; with `d`, the keys read lazily in the register's order that way.
function wordsJoin(words: Words, d?: 'ASC' | 'DESC'): [string, (string | number)[]] {
  const [where, params] = wordsWhere(words);
  return [
    `(SELECT rowid AS k ${where}${d ? ` ORDER BY rowid ${d}` : ''}) f CROSS JOIN complaints c ON ${KEY_JOIN} ${whereOf(words.others)}`,
    [...params, ...paramsOf(words.others)],
  ];
}
// The words' keys in their span, after FROM, and the parameters.
const wordsWhere = (words: Pick<Words, 'fts' | 'span'>) => wordsIn(REGISTER_WHERE, words.fts, words.span);

const whereOf = (active: Condition[]) => (active.length ? `WHERE ${active.map(([sql]) => sql).join(' AND ')}` : '');
const paramsOf = (active: Condition[]) => active.flatMap(([, v]) => v);

type ComplaintQueryParsed = ReturnType<typeof complaintQuerySchema.parse>;

// What the register works out from the data alone, kept until the database changes
// (through this connection or another): each filter's total, so that paging through one
// filter counts it once, a month's stretch of numbers (monthBySeq), the counts by status
// (statusGroups). Inside a transaction nothing is kept or read, since a rollback would not
// change the stamp; nor is a value whose `keep` is false.
type SeqSpan = { lo: number | null; hi: number | null };
type KeptValue = number | number[] | SeqSpan;
const keptByStamp = new WeakMap<Db, { stamp: string; byKey: Map<string, KeptValue> }>();
const KEPT_MOST = 64;
function kept<T extends KeptValue>(db: Db, stampOf: () => string, key: string, workOut: () => T, keep = true): T {
  if (db.inTransaction) return workOut();
  const stamp = stampOf();
  let byStamp = keptByStamp.get(db);
  if (!byStamp || byStamp.stamp !== stamp) keptByStamp.set(db, (byStamp = { stamp, byKey: new Map() }));
  const hit = byStamp.byKey.get(key) as T | undefined;
  if (hit !== undefined) return hit;
  const value = workOut();
  if (keep) {
    if (byStamp.byKey.size >= KEPT_MOST) byStamp.byKey.clear();
    byStamp.byKey.set(key, value);
  }
  return value;
}

function countOf(db: Db, active: Condition[], q: ComplaintQueryParsed, words: Words | null, search: Search, stampOf: () => string, fewest: { index: string } | null): number {
  // With no filter but the year of receipt, the counters hold the total.
  const onlyYear = q.year === undefined || (q.dateOf === 'diterima' && q.month === undefined);
  if (onlyYear && !q.status && !q.channel && !q.category && !q.seksi && !q.tanpaSeksi && !q.keadaan && !q.langkah && !q.q) {
    return registeredIn(db, q.year);
  }
  // Register numbers and nothing else: the complaints just read, each once.
  if (search && 'ids' in search && active.length === 1) return search.ids.length;
  // Kept while the data is unchanged; lateness now is counted at an instant, which is in the
  // key: such a total is never asked again (late at a past month's end is kept like any other).
  const counted = (sql: string, params: unknown[]) =>
    kept(db, stampOf, `${sql}\n${JSON.stringify(params)}`, () => pluck(db, sql).get(...params) as number, !(q.keadaan === 'terlambat' && q.akhirBulan === undefined));
  // A span of finishing with at most one filter: from the recap's summaries.
  const finished = finishedInRecap(q);
  if (finished) return counted(...finished);
  if (!words) return counted(`SELECT count(*) FROM complaints c ${fewest ? `INDEXED BY ${fewest.index}` : ''} ${whereOf(active)}`, paramsOf(active));
  // Words (in a year) are counted on the text index, without reading the complaints.
  if (!words.others.length) {
    const [where, params] = wordsWhere(words);
    return counted(`SELECT count(*) ${where}`, params);
  }
  // Beside other filters: the complaint of each of the words' keys in the range is read
  // (about 0.65 µs a key). Beside filters on the complaint's own columns alone, in a year or
  // all, the index of the filter keeping the fewest is read instead, each entry's key looked
  // up among the words' keys, listed once (about 0.3 µs an entry and 0.35 µs a key), where
  // that filter keeps at most a quarter of the range: then its entries cost less than the
  // words' keys save, unless the words are rare, when both ways cost little. "jalan" (19,725
  // keys in 2025) beside a channel (1,130 in 2025): 13 against 17 ms at 100,000.
  const via = q.month === undefined ? fewestFilter(db, q, stampOf, 1) : null;
  if (via && via.n * 4 <= registeredIn(db, q.year)) {
    const byKey = keyedBeside(q, words);
    return counted(`SELECT count(*) FROM complaints c INDEXED BY ${via.index} ${whereOf(byKey)}`, paramsOf(byKey));
  }
  const [joined, joinedParams] = wordsJoin(words);
  return counted(`SELECT count(*) FROM ${joined}`, joinedParams);
}

// Words beside filters on the complaint's own columns, as read from the index of one of
// those filters (each holds year and seq): the filters, the year of receipt, and each
// entry's key looked up among the words' keys in their range, listed once.
const keyedBeside = (q: ComplaintQueryParsed, words: Words): Condition[] => [
  ...words.others,
  ...(q.year === undefined ? [] : [['c.year = ?', [q.year]] as Condition]),
  wordsIn(REGISTER_KEYS, words.fts, words.span),
];

// Words beside filters on the complaint's own columns, for a page sorted from them: read as
// countOf counts them, the entries of the filter keeping the fewest from its index, each
// entry's key looked up among the words' keys (some 0.3 µs an entry and 0.35 µs a key), and
// only the complaints kept read; rather than each match's complaint read to test the filters
// (some 1.8 µs a match). Where the words match at least a fifth as many as the filter keeps
// ("jalan krajan", 7,450 matches, beside the channel "surat", 5,018: 18–25 → 4–5 ms at
// 100,000 for the Staf); else null.
function keyedRead(db: Db, q: ComplaintQueryParsed, words: Words | null, stampOf: () => string): { index: string; where: Condition[] } | null {
  if (!words?.others.length) return null;
  const via = fewestFilter(db, q, stampOf, 1);
  return via && wordsAtLeast(db, stampOf, words, Math.ceil(via.n / KEYED_PER_MATCH)) ? { index: via.index, where: keyedBeside(q, words) } : null;
}

// How many rows a query (`sql`, a SELECT) gives, counted only as far as `most`, and kept
// while the data is unchanged.
const countUpTo = (db: Db, stampOf: () => string, sql: string, params: unknown[], most: number) =>
  kept(db, stampOf, `upto ${most} ${sql}\n${JSON.stringify(params)}`, () => pluck(db, `SELECT count(*) FROM (${sql} LIMIT ?)`).get(...params, most) as number);

// Whether the words match at least `most` keys in their range.
function wordsAtLeast(db: Db, stampOf: () => string, words: Pick<Words, 'fts' | 'span'>, most: number): boolean {
  const [where, params] = wordsWhere(words);
  return countUpTo(db, stampOf, `SELECT 1 ${where}`, params, most) >= most;
}
// A filter's entry read costs about a fifth of what a match's complaint read to test it saves.
const KEYED_PER_MATCH = 5;

// A year or a month of finishing, alone or beside one status, channel, category or seksi
// (or "no seksi"): the buku rekap's summaries (recap_counts, kept by triggers in the same
// statement as every change to a complaint) hold how many finished in each of the office's
// months, by each of those. Counting the index instead took 25–45 ms at 1,000,000 after
// each change (the 207,519 "selesai" finished in 2024). The statement that sums them, or
// null for any other filter.
function finishedInRecap(q: ComplaintQueryParsed): [string, (string | number)[]] | null {
  if (q.year === undefined || q.dateOf !== 'selesai' || q.keadaan || q.langkah || q.q) return null;
  const by = ([['stage', q.status], ['channel', q.channel], ['category', q.category], ['seksi', seksiFilter(q)]] as const).filter(([, v]) => v !== undefined);
  if (by.length > 1) return null;
  const months = [q.month ?? 1, q.month ?? 12].map((m) => `${q.year}-${String(m).padStart(2, '0')}`);
  // With no filter, each finished complaint has one outcome.
  const [dim, key] = by[0] ?? ['outcome', undefined];
  const sql = `SELECT coalesce(sum(finished), 0) FROM recap_counts WHERE dim = ?${key === undefined ? '' : ' AND key = ?'} AND month BETWEEN ? AND ?`;
  return [sql, [...(key === undefined ? [dim] : [dim, key]), ...months]];
}

// The indexes of the filters on a complaint's own columns, each (column, year, seq): one
// of them gives the register's order within the filter's value.
const FILTER_INDEX = [
  ['status', 'complaints_status_year'],
  ['channel', 'complaints_channel_year'],
  ['category', 'complaints_category_year'],
  ['seksi', 'complaints_seksi'],
] as const;

// The seksi a query keeps: '' for "no seksi"; an empty seksi (a form left blank) is none.
const seksiFilter = (q: ComplaintQueryParsed) => (q.tanpaSeksi ? '' : q.seksi || undefined);

// The filters of a query on those columns, each with its index and value, where there are at
// least `least` of them and no other filter but a year of receipt (and words, with one);
// else null. Read from the query alone.
// The query's filters on those columns, each undefined where it has none.
const columnFilters = (q: ComplaintQueryParsed) => ({ status: q.status, channel: q.channel, category: q.category, seksi: seksiFilter(q) });

function indexedFilters(q: ComplaintQueryParsed, least: number) {
  const values = columnFilters(q);
  const present = FILTER_INDEX.flatMap(([column, index]) => (values[column] === undefined ? [] : [{ column, index, value: values[column]! }]));
  const yearOnly = q.year === undefined || (q.dateOf === 'diterima' && q.month === undefined);
  return present.length < least || !yearOnly || q.keadaan || q.langkah || (q.q && least > 1) ? null : present;
}

// Two or more of those filters are counted, and their pages read, through the index of the
// one that keeps the fewest complaints, found from each one's own count on its index (index
// entries only, with the year of receipt where there is one; kept while the data is
// unchanged). The planner, whose statistics are sampled, may read the other: a status
// "selesai" and a channel at 100,000 took 92 ms through the status's 88,000 rows, 16 ms
// through the channel's 12,500. Null where the filters are not all of that kind.
// (`least`: how many such filters there must be; one for counting words beside them.)
function fewestFilter(db: Db, q: ComplaintQueryParsed, stampOf: () => string, least = 2): { index: string; n: number; where: Condition } | null {
  const present = indexedFilters(q, least);
  if (!present) return null;
  let best: { index: string; n: number; where: Condition } | null = null;
  for (const { column, index, value } of present) {
    const where = `${column} = ?${q.year === undefined ? '' : ' AND year = ?'}`;
    const sql = `SELECT count(*) FROM complaints INDEXED BY ${index} WHERE ${where}`;
    const params = q.year === undefined ? [value] : [value, q.year];
    const n = kept(db, stampOf, `${sql}\n${JSON.stringify(params)}`, () => pluck(db, sql).get(...params) as number);
    if (!best || n < best.n) best = { index, n, where: [where, params] };
  }
  return best;
}

// A year or a month of finishing, alone or beside a status, a channel or a category, is
// counted and sorted (by time of receipt, by status, in the register's order) from the
// index complaints_closed alone, which holds those columns: some 0.1 µs an entry. The
// planner, taking an equality for the more selective, read the rows of the filter's own
// index to test each one's date of finishing instead: "selesai" finished in 2024 read all
// 88,000 "selesai" rows at 100,000, 100 ms by time of receipt. Not where one of the filters
// keeps under an eighth of the span (as many as were received in as long): reading those
// few rows then costs less. That is counted on the filter's index only that far, and kept
// while the data is unchanged. Beside words, only where they are tested on each entry as a
// membership matching many (wordsBeside): "jalan" finished in 2024 and "selesai", by time
// of receipt, 122–148 → 36–38 ms at 100,000. Null where the filters are not all of that kind.
const SPAN_PER_FILTER_ROW = 8;
function finishedIndex(db: Db, q: ComplaintQueryParsed, stampOf: () => string): { index: string; n: number } | null {
  if (q.year === undefined || q.dateOf !== 'selesai' || q.seksi !== undefined || q.tanpaSeksi || q.keadaan || q.langkah) return null;
  const { year, month } = q;
  const span = kept(db, stampOf, `span ${year} ${month}`, () => Math.ceil(registeredIn(db, year) / (month === undefined ? 1 : 12)));
  const few = Math.ceil(span / SPAN_PER_FILTER_ROW);
  for (const [column, index] of FILTER_INDEX) {
    const value = q[column];
    if (value === undefined) continue;
    if (countUpTo(db, stampOf, `SELECT 1 FROM complaints INDEXED BY ${index} WHERE ${column} = ?`, [value], few) < few) return null;
  }
  return { index: 'complaints_closed', n: span };
}

// Words beside other filters, where the words match more complaints than the filters keep.
// Where the filters keep few (a status few are in, the open or the late ones), those
// complaints are read through the filters' indexes and the words asked of each (a seek in
// the word lists, some 15 µs; more for a Kasi's words), instead of every match of the words
// being listed (some 0.35 µs a key) and the filters tested on it, or the order's index
// walked for them: "jalan" beside the 69 complaints "diterima" took 90–110 ms at 100,000
// by name, status or time of receipt. Taken where the filters keep at most FEW_KEPT
// complaints and the words match at least WORDS_PER_PROBE times as many within their range
// (a year or month of receipt: registerWords). Beside a date of finishing or a step done
// (`byAge`), where the words match more than the filters keep (or, through the index of a
// span of finishing, at least a fifth as many as it holds: see below), the filters' index is read
// instead and the words' list, made once, tested on each: for those who see every name the
// word index's ids (`+`: as `c.id IN (…)` the planner reads the list and looks each match
// up: "jalan" finished in 2025, 87,000 matches for 22,800 complaints, 86 ms at 100,000), for
// a Kasi his keys in the register's text index (REGISTER_KEYS: "jalan" finished in March
// 2025, 100–130 ms). Each side is counted only that far and kept while the data is
// unchanged. The conditions so changed, and whether the words are asked of each complaint;
// null where neither applies.
const FEW_KEPT = 2000;
const WORDS_PER_PROBE = 40;
const WORDS_PER_PROBE_BY_AGE = 150;
const WORDS_PER_KEY_PROBE = 300;
const LISTED_MOST = 50_000;
const SPAN_PER_MATCH = 2;
// By name, the index of finishing holds no names: each complaint it keeps is read and
// sorted, which costs less than walking the names only where the span holds few: a month at
// 100,000 (a year there, or a month at 1,000,000, holds some 20,000). A Kasi's walk by name
// asks his rule of each complaint it reads, so for him a span of up to a month at 1,000,000
// (his "sumur" finished in March 2025 by name there: 170–250 ms walked, 14–18 ms this way;
// the Staf's "lampu" in July 27–28 → 32–33 ms, and in a year at 100,000 his "sumur" 1.7–2.5 →
// 4–7 ms, so not for those who see every name).
const BY_NAME_SPAN_MOST = 5_000;
const KASI_BY_NAME_SPAN_MOST = 25_000;
function wordsBeside(
  db: Db,
  active: Condition[],
  search: Search,
  viewer: SessionUser,
  words: Words | null,
  byAge: boolean,
  stampOf: () => string,
  via: { index: string; n: number } | null,
  sortedThere: boolean,
): { active: Condition[]; probe: boolean; through?: string } | null {
  if (!search || !('fts' in search) || !search.oneTokenEach) return null;
  const worded = active.find(([sql]) => sql === FTS_MATCH || sql === REGISTER_MATCH || REGISTER_KEYS.includes(sql));
  const others = active.filter((c) => c !== worded);
  const sight = searchSightFts(viewer, search.fts);
  if (!worded || !others.length || sight === null) return null;
  const upTo = (sql: string, params: unknown[], most: number) => countUpTo(db, stampOf, sql, params, most);
  const [sql, params] = worded;
  const fts = params[0] as string;
  const filtersKeep = (most: number) => upTo(`SELECT 1 FROM complaints c ${via ? `INDEXED BY ${via.index}` : ''} ${whereOf(others)}`, paramsOf(others), most);
  const few = filtersKeep(FEW_KEPT + 1);
  // Beside a date, the membership below is the other way, some 0.1 µs a match listed: the
  // probes pay only where the words match far more. Beside the open or late ones, each of
  // their keys is looked up among the words' (some 0.2 µs a key listed, no complaint read),
  // against some 50 µs a probe in the register's text index at 100,000 and 100 µs at
  // 1,000,000 (the Staf's late ones with "jalan" there, 700 probes, took 160 ms).
  const perProbe = REGISTER_KEYS.includes(sql) ? WORDS_PER_KEY_PROBE : byAge ? WORDS_PER_PROBE_BY_AGE : WORDS_PER_PROBE;
  // (Within the words' span: their year or month, or the open complaints' span.)
  const span = words?.span ?? (sql === REGISTER_KEYS[1] ? (params.slice(1) as Span) : null);
  const [matching, matchingParams] = wordsWhere({ fts: sight, span });
  if (few <= FEW_KEPT && upTo(`SELECT 1 ${matching}`, matchingParams, few * perProbe) >= few * perProbe) {
    return { active: active.map((c) => (c !== worded ? c : seesEveryIndexedName(viewer) ? [FTS_PROBE, [search.fts]] : kasiProbe(search, seeSql(viewer, true), REGISTER_KEY))), probe: true };
  }
  if (!byAge || (words && sql === FTS_MATCH)) return null;
  const many = few <= FEW_KEPT ? few : filtersKeep(LISTED_MOST + 1);
  const [listed, listedParams] = sql === FTS_MATCH ? ['FROM complaints_fts WHERE complaints_fts MATCH ?', [fts]] : wordsWhere({ fts, span });
  // The index the filters are read through (`via`, a span of finishing's), where the words
  // match over half as many as it holds: else reading each match's complaint costs less
  // ("sumur", 4,956 matches, beside the 22,800 finished in 2025 and a channel: 3 ms from
  // its matches at 100,000, 7 ms through the index). Beside no other filter, where its
  // entries hold every column the page is sorted by (`sortedThere`: by status, by time of
  // receipt, or the register's order oldest first; newest first, downFromYear reads down the
  // register; by name, whose names are not in it, only a span of few (BY_NAME_SPAN_MOST): a
  // Kasi's "jalan" finished in 2025 by name took 0.37–0.40 s this way at 1,000,000, 0.09–0.18
  // s walked by name, his "sumur" finished in March 2025 at 100,000 12–14 ms walked and 2.0–
  // 2.5 ms this way), only the complaints kept are read: there it is taken where the words match
  // at least a fifth as many as it holds ("sumur" finished in 2025, by time of receipt: its
  // 4,956 matches read 16–17 ms, through the index 4.5–6.5 ms), however many that is (at
  // 1,000,000, "jalan" finished in 2025, by status: 0.73–0.89 s with every match read, 0.19–
  // 0.22 s through the 200,000 of the span).
  const covered = via !== null && others.length === 1 && sortedThere;
  const most = via ? Math.ceil(via.n / (covered ? KEYED_PER_MATCH : SPAN_PER_MATCH)) : 0;
  const matchAtLeast = (n: number) => upTo(`SELECT 1 ${listed}`, listedParams, n) >= n;
  if (!((many <= LISTED_MOST && matchAtLeast(many + 1)) || (covered && matchAtLeast(most)))) return null;
  const through = via && matchAtLeast(most) ? via.index : undefined;
  return { active: active.map((c) => (c !== worded ? c : [sql === FTS_MATCH ? `+${FTS_MATCH}` : keysOf(sql), params])), probe: false, through };
}

// The register's conditions, total and order for a query (as complaintQuerySchema gives
// it), shared by its pages and the export's list of every id.
function registerPlan(db: Db, q: ComplaintQueryParsed, viewer: SessionUser, now: string) {
  const identity = identitySql(viewer);
  // Whether the data changed since the kept totals and prefixes: asked once per call.
  let stamp: string | undefined;
  const stampOf = () => (stamp ??= dataStamp(db));
  const search = searchOf(db, q.q, stampOf);
  const filtered = filterConditions(db, q, viewer, identity, search, now, stampOf);
  const inRange = registerWords(db, q, search, viewer, identity, now, stampOf);
  // A date of finishing or a step done: matches lying in a stretch of the complaints' ages.
  const byAge = (q.year !== undefined && q.dateOf === 'selesai') || q.langkah !== undefined;
  // A span of finishing beside filters complaints_closed holds is read through that index.
  const finished = finishedIndex(db, q, stampOf);
  const byNameSpanMost = seesEveryIndexedName(viewer) ? BY_NAME_SPAN_MOST : KASI_BY_NAME_SPAN_MOST;
  const sortedThere = q.sort === 'status' || q.sort === 'receivedAt' || (q.sort === 'registerNo' && q.dir === 'asc') || (q.sort === 'reporterName' && finished !== null && finished.n <= byNameSpanMost);
  const beside = wordsBeside(db, filtered, search, viewer, inRange, byAge, stampOf, finished, sortedThere);
  const active = beside?.active ?? filtered;
  const params = paramsOf(active);
  const words = beside ? null : inRange;
  const fewest = fewestFilter(db, q, stampOf) ?? (q.q && !beside?.through ? null : finished);
  const total = countOf(db, active, q, words, search, stampOf, fewest);
  const plainNames = seesEveryIndexedName(viewer);
  const order = orderOf(q, plainNames ? SHOWN_NAME : shownNameSql(identity.sql));
  const orderParams = q.sort === 'reporterName' && !plainNames ? identity.params : [];
  return { q, identity, search, active, whereSql: whereOf(active), params, words, beside, byAge, total, fewest, plainNames, order, orderParams, stampOf };
}

// The query's order, the name shown worked out by `name`.
const orderOf = (q: ComplaintQueryParsed, name: string) => ORDER[q.sort].replaceAll('{d}', q.dir === 'asc' ? 'ASC' : 'DESC').replace('{name}', name);

// Every complaint the register lists for a query, in its order, as ids (the XLSX export
// holds exactly what the register shows), in one statement; none when more than `max`
// match, so a too-long list is refused before it is read.
export function registerIdsOf(db: Db, query: ComplaintQuery, viewer: SessionUser, max: number, now: string): { total: number; ids: number[] | null } {
  const { total, whereSql, params, order, orderParams } = registerPlan(db, complaintQuerySchema.parse(query), viewer, now);
  if (total > max) return { total, ids: null };
  const ids = pluck(db, `SELECT c.id FROM complaints c ${whereSql} ORDER BY ${order}`).all(...params, ...orderParams) as number[];
  return { total, ids };
}

// A page of a Kasi's register sorted by name, without asking his rule of every matching
// complaint to sort them all. The complaints whose name he may not see sort alike (their
// key is ''), so they come first (or last) in the register's order; the others sort by the
// name complaints_shown_name holds. So the page is read in two walks, the hidden names in
// the register's order and the shown ones by that index, each keeping the rows of its kind
// (the rule asked of the rows read, a batch at a time) until it has what the page needs.
// For a Kasi who handles few complaints the shown names are read from those instead
// (namedOfFew). A walk that reads `cap` rows without finding enough of its kind (he handles
// nearly all, or too many for namedOfFew) gives up; then, beside one filter with an index
// in the register's order, those of its kind are told apart on that index (kasiSight), else
// null, and the caller sorts them all, as it does pages deep into many complaints (a cap
// over a quarter of them), where the walks would ask the rule of about as many rows as the
// sort does.
function kasiPageByName(
  db: Db,
  { q, whereSql, params, total, active, words, search, fewest, stampOf }: Pick<
    ReturnType<typeof registerPlan>,
    'q' | 'whereSql' | 'params' | 'total' | 'active' | 'words' | 'search' | 'fewest' | 'stampOf'
  >,
  viewer: SessionUser,
  mine: SqlCondition,
  desc: boolean,
  offset: number,
  limit: number,
): number[] | null {
  const d = desc ? 'DESC' : 'ASC';
  const need = offset + limit;
  const cap = 20 * need;
  if (cap > Math.max(total / 4, 1000)) return null;
  // Beside a filter that keeps many complaints (a twentieth or more) the walks read their
  // orders' indexes; the planner, whose statistics are sampled, might read every match
  // through the filter's index and sort them. Fewer matches are sorted. Not the register's
  // order beside a year of finishing, though: most complaints finished in a year were
  // received in it, so that walk would first read every earlier (or later) year.
  const registered = registeredIn(db);
  const many = total * 20 >= registered;
  const finishing = q.year !== undefined && q.dateOf === 'selesai';
  const byNumber = many && !finishing;
  // Fewer matches are read through the index of the filter keeping the fewest, where all
  // are of that kind (the plan's `fewest` beside two or more): the planner read 88,000
  // "selesai" rows for the 4,400 letters among them. (Nothing is counted here: after a
  // change that would count a filter's whole index.)
  const filters = q.q ? null : indexedFilters(q, 1);
  const fewer = !filters ? '' : `INDEXED BY ${filters.length === 1 ? filters[0]!.index : fewest!.index}`;
  const hidden = { index: byNumber ? 'INDEXED BY complaints_year_seq' : many ? '' : fewer, order: `c.year ${d}, c.seq ${d}`, keep: "= ''" };
  const named = { index: many ? 'INDEXED BY complaints_shown_name' : fewer, order: `${SHOWN_NAME} COLLATE NOCASE ${d}, c.year ${d}, c.seq ${d}`, keep: "<> ''" };
  // Beside many matches the walks read their indexes, and the words are tested by key: every
  // key of theirs listed once (REGISTER_KEYS), or, where the walk reads few enough rows
  // (probeCheaper), asked of each row of the walk's kind as it is kept.
  const walkWhere = many ? whereOf(active.map(([sql, v]) => [keysOf(sql), v])) : whereSql;
  const worded = active.find(([sql]) => sql === REGISTER_MATCH);
  const unworded = active.filter((c) => c !== worded);
  const probe = many && worded !== undefined && probeCheaper(db, need, total);
  // Whether he may open each row walked, for the probe's half of his words.
  const see = seeSql(viewer, true);
  const [probeTest, probeParams] = probe ? kasiProbe(search, { sql: 'see', params: [] }, 'key') : ['', []];
  // Telling them apart on the filter's index costs some 0.45 µs an entry; the walk of the
  // index by name reads each complaint where its name puts it in the file, some 3.5 µs at
  // 100,000 (NAME_ROW_PER_ENTRY), and passes those the filter does not keep. So it reads
  // first what telling them apart would cost, and on only where its kind came often enough
  // there to fill the page within `cap` (the filter's complaints he may open lie all over
  // the index of names; a category of another seksi's holds almost none).
  // (The filter keeping the fewest keeps `total` where it is the only one.)
  const fewestKeeps = fewest?.n ?? total;
  const namedCap = filters && many ? Math.max(need, Math.min(cap, Math.floor((fewestKeeps * fewestKeeps) / registered / NAME_ROW_PER_ENTRY))) : cap;
  const ids: number[] = [];
  // His shown names read from the complaints he may see (namedOfFew), for a Kasi who
  // handles fewer than a walk may read, or, after a walk gave up, fewer than a twentieth
  // of the register (at least 2,000).
  const fromHis = (bound: number, found: number) => {
    if (handlesAtLeast(db, stampOf, viewer, bound)) return false;
    ids.length = found;
    ids.push(...namedOfFew(db, mine, kasiSightCandidates(viewer), { active, via: named.index, d }, need - found));
    return true;
  };
  for (const walk of desc ? [named, hidden] : [hidden, named]) {
    const found = ids.length;
    let walkCap = walk === named ? namedCap : cap;
    if (walk === named && fromHis(cap, found)) {
      if (ids.length === need) return ids.slice(offset);
      continue;
    }
    // The walk's rows in its order, `cap` at most: words in the register's order are its
    // text index's keys, read as they come (not beside a year of finishing, for the reason
    // byNumber gives).
    const [rows, rowParams, test, testParams] =
      walk === hidden && words && !finishing
        ? [`FROM ${wordsJoin(words, d)[0]} ORDER BY f.k ${d}`, wordsJoin(words, d)[1], '', []]
        : probe
          ? [`FROM complaints c ${walk.index} ${whereOf(unworded)} ORDER BY ${walk.order}`, paramsOf(unworded), ` AND ${probeTest}`, probeParams]
          : [`FROM complaints c ${walk.index} ${walkWhere} ORDER BY ${walk.order}`, params, '', []];
    // Those of its kind, each row's shown name worked out as it is read, until the page is
    // full. (Its LIMIT keeps SQLite from flattening the subquery: its rows are read as they
    // come, in its order.)
    // (From the `from`th row: the rows passed are not asked his rule.)
    const walked = (upTo: number, want: number, from = 0) =>
      pluck(db, `SELECT id FROM (SELECT c.id, ${REGISTER_KEY} AS key, ${shownNameSql(mine.sql)} AS k${test ? `, ${see.sql} AS see` : ''} ${rows} LIMIT ? OFFSET ?) WHERE k ${walk.keep}${test} LIMIT ?`).all(
        ...mine.params,
        ...(test ? see.params : []),
        ...rowParams,
        upTo,
        from,
        ...testParams,
        want,
      ) as number[];
    const got = walked(walkCap, need - found);
    if (got.length < need - found && walkCap < Math.min(cap, total) && got.length * cap >= (need - found) * walkCap) {
      got.push(...walked(cap - walkCap, need - found - got.length, walkCap));
      walkCap = cap;
    }
    ids.push(...got);
    if (ids.length === need) return ids.slice(offset);
    // Too few of its kind: the walk gave up if it read `walkCap` rows. Its rows are the matches
    // (`total`), unless the words are asked of each (then those of the other filters, counted
    // that far): the rows, read in the order of names all over the file, are not read again
    // to count them (22 of the 84 ms of a category's names Z–A at 100,000).
    if ((test ? (pluck(db, `SELECT count(*) FROM (SELECT 1 ${rows} LIMIT ?)`).get(...rowParams, walkCap) as number) : Math.min(total, walkCap)) === walkCap) {
      if (walk !== named || !fromHis(Math.max(2000, Math.ceil(registered / 20)), found)) {
        // Else those of its kind told apart on the filter's index (kasiSight), or all sorted.
        // The hidden ones beside his words too, which he finds in their number and subject
        // only. (Not the hidden ones beside a filter keeping few: the walk by name after them
        // sorts all its matches, as the sort would.)
        const fts = walk === hidden && search && 'fts' in search ? search.fts : undefined;
        const split = (filters || fts !== undefined) && (walk === named || many) ? fewestFilter(db, q, stampOf, 1) : null;
        if (!split) return null;
        const sight = kasiSight(split, viewer, walk === named, fts);
        ids.length = found;
        ids.push(...(walk === named ? namedOfFew(db, mine, sight, { active, via: named.index, d }, need - found) : hiddenOf(db, sight, unworded, active, d, need - found)));
      }
      if (ids.length === need) return ids.slice(offset);
    }
  }
  return ids.slice(offset);
}

// Whether a Kasi handles at least `bound` complaints, kept while the data is unchanged.
const handlesAtLeast = (db: Db, stampOf: () => string, viewer: SessionUser, bound: number) =>
  kept(db, stampOf, `handles ${viewer.id} ${bound}`, () => (kasiHandledAtLeast(db, viewer, bound) ? 1 : 0)) === 1;

// How many complaints a Kasi must handle, for each one sorted by name, for his rule to be
// asked of each (two index probes, some 1 µs) rather than his lists read whole (some 0.2 µs
// an entry).
const HANDLED_PER_SORTED = 5;

// What reading a complaint in the order of names costs, in entries of a filter's index
// tested on the register's text index (kasiSight).
const NAME_ROW_PER_ENTRY = 8;

// SQL listing complaints' ids (as column `id`), and its parameters.
type IdList = { sql: string; params: (string | number)[] };

// The complaints of a Kasi's register that he may open (`his`), or the others, where a
// walk by name gave up beside one filter whose index is in the register's order (a status,
// channel, category or seksi, in a year of receipt or not: fewestFilter), as SQL listing
// their ids in that order. They are told apart on the index alone: an entry's year and
// number are its key in complaints_register_fts, whose viewers column lists those he may
// open (kasiViewersFts), one list of keys tested for each entry, where asking his rule
// reads each complaint (a category by name Z–A sorted all 11,481 of its complaints at
// 100,000, 68–82 ms). Beside his words (`fts`, the others only), those whose number or
// subject holds them: one list of keys too ("jalan" in his seksi A–Z, 66 → 10 ms).
function kasiSight(filter: { index: string; where: Condition }, viewer: SessionUser, his: boolean, fts?: string): IdList {
  const [where, params] = filter.where;
  const viewers = kasiViewersFts(viewer);
  // Keys in the list, or (the others, without words) not in it.
  const [not, list] = fts !== undefined ? ['', `(${kasiWordsFts(fts).other}) NOT (${viewers})`] : [his ? '' : 'NOT ', viewers];
  return {
    sql: `SELECT c.id FROM complaints c INDEXED BY ${filter.index} WHERE ${where} AND ${not}${REGISTER_KEY} IN (SELECT rowid FROM complaints_register_fts WHERE complaints_register_fts MATCH ?)`,
    params: [...params, list],
  };
}

// The first `want` complaints of a Kasi's register by name whose name he may not see, in
// the register's order (`d`), from those he may not open (`others`, kasiSight), for where
// he may open nearly all: every one of those but the anonymous (Anonim to all), and the
// unnamed, which sort among them for everyone (the block of '' in complaints_shown_name).
// `active`: the query's conditions; `untested`: those `others` has not tested (his words it has).
function hiddenOf(db: Db, others: IdList, untested: Condition[], active: Condition[], d: 'ASC' | 'DESC', want: number): number[] {
  const masked: Condition[] = [['c.anonymous = 0', []], ...untested];
  const unnamed: Condition[] = [[`${SHOWN_NAME} = '' COLLATE NOCASE`, []], ...active];
  const order = `c.year ${d}, c.seq ${d}`;
  // (LIMIT -1 keeps SQLite from flattening the first subquery: its rows come in its order.)
  return pluck(
    db,
    `SELECT id FROM (SELECT * FROM (SELECT c.id, c.year, c.seq FROM (${others.sql} ORDER BY ${order} LIMIT -1) k CROSS JOIN complaints c ON c.id = k.id ${whereOf(masked)} LIMIT ?)
     UNION SELECT * FROM (SELECT c.id, c.year, c.seq FROM complaints c INDEXED BY complaints_shown_name ${whereOf(unnamed)} ORDER BY ${order} LIMIT ?))
     ORDER BY year ${d}, seq ${d} LIMIT ?`,
  ).all(...others.params, ...paramsOf(masked), want, ...paramsOf(unnamed), want, want) as number[];
}

// The first `want` complaints of a Kasi's register by name whose name he sees (or whose
// reporter is Anonim), for a Kasi who handles few complaints, where walking the index of
// names would ask his rule of nearly every complaint. Those names are the complaints he
// may see (`sight`, read through his lists, sorted here) and one block, "Anonim": the
// anonymous complaints, which complaints_shown_name holds as one key in the register's
// order. His names before "Anonim" come first (in the chosen direction), then the block,
// then the others. The block is read through `via`, the index the walk by name reads.
function namedOfFew(
  db: Db,
  mine: SqlCondition,
  sight: IdList,
  { active, via, d }: { active: Condition[]; via: string; d: 'ASC' | 'DESC' },
  want: number,
): number[] {
  // Not anonymous (mine says so) and not named "Anonim" (those are in the block), nor
  // unnamed (which sorts among the hidden names).
  const his: Condition[] = [[mine.sql, mine.params], [`c.reporter_name <> '${ANONYMOUS_NAME}' COLLATE NOCASE AND c.reporter_name <> ''`, []], ...active];
  const seen = rawRows(
    db,
    `SELECT c.id, ${SHOWN_NAME} COLLATE NOCASE < '${ANONYMOUS_NAME}' FROM (${sight.sql}) k CROSS JOIN complaints c ON c.id = k.id
     ${whereOf(his)} ORDER BY ${SHOWN_NAME} COLLATE NOCASE ${d}, c.year ${d}, c.seq ${d}`,
  ).all(...sight.params, ...paramsOf(his)) as [number, number][];
  const anonim: Condition[] = [[`${SHOWN_NAME} = '${ANONYMOUS_NAME}' COLLATE NOCASE AND (c.anonymous <> 0 OR ${mine.sql})`, mine.params], ...active];
  const block = pluck(
    db,
    `SELECT c.id FROM complaints c ${via} ${whereOf(anonim)} ORDER BY c.year ${d}, c.seq ${d} LIMIT ?`,
  ).all(...paramsOf(anonim), want) as number[];
  const first = ([, before]: [number, number]) => (before === 1) === (d === 'ASC');
  return [...seen.filter(first).map(([id]) => id), ...block, ...seen.filter((r) => !first(r)).map(([id]) => id)].slice(0, want);
}

// The complaints finished in a year, in the register's order from the newest, read down
// the register from that year instead of sorting every one of them (a year is some
// twenty thousand at 100k): a complaint is received before it is finished, so the year of
// its number is at most the year it was finished. Only a change of the office's zone can
// give a complaint numbered in the next year, received within hours of the year's end,
// that finished in it; if there is one, the page is sorted. Null where the walk is not
// the cheaper way: another order, a month, the open or late ones (a few hundred), or few
// matches among the register's. The words, rather than listed whole (as ids, or for a
// membership: wordsBeside), are asked of each complaint in the span the walk reads, where
// that is cheaper (probeCheaper, among the span's complaints: `fewest`, or those received
// in the year): the walk stops after a page ("jalan" finished in 2025: 16 ms at 100,000,
// 158 ms at 1,000,000, nearly all of it the list).
function downFromYear(
  db: Db,
  { q, active, total, fewest }: { q: ComplaintQueryParsed; active: Condition[]; total: number; fewest: { n: number } | null },
  order: string,
  wanted: number,
): { index: string; where: string; params: (string | number)[] } | null {
  if (q.year === undefined || q.dateOf !== 'selesai' || q.month !== undefined || q.keadaan || !order.startsWith('c.year DESC')) return null;
  if (!walkCheaper(db, wanted, total)) return null;
  const tz = getOffice(db).timeZone;
  const end = periodBounds(q.year, undefined, tz)[1];
  const next = pluck(db, 'SELECT 1 FROM complaints INDEXED BY complaints_received_no WHERE received_at >= ? AND received_at < ? AND year > ? LIMIT 1');
  if (next.get(addCalendarDays(end, -1, tz), end, q.year) !== undefined) return null;
  const asked = active.some(([sql]) => FTS_LISTED.includes(sql)) && probeCheaper(db, wanted, total, fewest?.n ?? registeredIn(db, q.year));
  const walked: Condition[] = [['c.year <= ?', [q.year]], ...(asked ? probing(active) : active)];
  return { index: 'INDEXED BY complaints_year_seq', where: whereOf(walked), params: paramsOf(walked) };
}

// A month of receipt in the register's order, read along the register between the least
// and the greatest number (seq) its complaints have in their year, instead of sorting
// every one of them (some twenty thousand at 1,000,000): the numbers follow receipt, so
// that stretch is nearly all of the month. The two numbers are kept (keptByStamp) while
// the data is unchanged. Null where the walk would read over a quarter as many rows as the
// sort (numbers far out of receipt order, a page deep into the month), beside the filters
// that have their own ways (open or late, a step done, a search), and in other orders.
function monthBySeq(
  db: Db,
  { q, active, params, total, stampOf }: { q: ComplaintQueryParsed; active: Condition[]; params: (string | number)[]; total: number; stampOf: () => string },
  order: string,
  wanted: number,
): { index: string; where: string; params: (string | number)[] } | null {
  if (q.year === undefined || q.month === undefined || q.dateOf !== 'diterima' || q.keadaan || q.langkah || q.q || !order.startsWith('c.year ') || total === 0) return null;
  const { lo, hi } = monthSeqSpan(db, q.year, q.month, stampOf);
  if (lo === null || hi === null || ((wanted * (hi - lo + 1)) / total) * 4 >= total) return null;
  return { index: 'INDEXED BY complaints_year_seq', where: `${whereOf(active)} AND c.year = ? AND c.seq BETWEEN ? AND ?`, params: [...params, q.year, lo, hi] };
}

// The least and the greatest number (seq) the complaints received in a month have in its
// year, kept while the data is unchanged.
function monthSeqSpan(db: Db, year: number, month: number, stampOf: () => string): SeqSpan {
  const [from, to] = periodBounds(year, month, getOffice(db).timeZone);
  return kept(
    db,
    stampOf,
    `seq ${year} ${from} ${to}`,
    () => stmt(db, 'SELECT min(seq) AS lo, max(seq) AS hi FROM complaints INDEXED BY complaints_received_no WHERE received_at >= ? AND received_at < ? AND year = ?').get(from, to, year) as SeqSpan,
  );
}

// Statuses in the order of their stored text, as ORDER BY c.status gives them.
const STATUS_ORDER = [...STATUSES].sort();

// A year or a month of receipt by status, read a status at a time: within one status the
// index (status, year, seq) holds the year (the month's stretch of numbers, monthSeqSpan)
// as one range in the register's order, so each status's part of the page is read there,
// and the statuses before the page are passed by their counts (kept while the data is
// unchanged). Sorting the year's rows instead took 50 ms at 100,000 (22,713 rows). The
// page's ids, or null where this does not apply: another order, a status filter (one
// range already), open or late, a step done, words, or a date of finishing.
function statusGroups(db: Db, plan: ReturnType<typeof registerPlan>, desc: boolean, offset: number, limit: number): number[] | null {
  const { q, active, params, total, stampOf } = plan;
  if (q.sort !== 'status' || q.year === undefined || q.dateOf !== 'diterima' || q.status || q.keadaan || q.langkah || q.q) return null;
  let range = 'c.status = ? AND c.year = ?';
  const rangeParams: (string | number)[] = [q.year];
  if (q.month !== undefined) {
    const { lo, hi } = monthSeqSpan(db, q.year, q.month, stampOf);
    if (lo === null || hi === null) return [];
    range += ' AND c.seq BETWEEN ? AND ?';
    rangeParams.push(lo, hi);
  }
  const from = `FROM complaints c INDEXED BY complaints_status_year WHERE ${range} AND ${active.map(([sql]) => sql).join(' AND ')}`;
  const ns = kept(db, stampOf, `status ${from}\n${JSON.stringify([...rangeParams, ...params])}`, () => {
    const count = pluck(db, `SELECT count(*) ${from}`);
    return STATUS_ORDER.map((status) => count.get(status, ...rangeParams, ...params) as number);
  });
  const counts = STATUS_ORDER.map((status, i) => ({ status, n: ns[i]! }));
  // A status the list does not know would be missed: such rows are read the usual way.
  if (counts.reduce((sum, c) => sum + c.n, 0) !== total) return null;
  if (desc) counts.reverse();
  const d = desc ? 'DESC' : 'ASC';
  const page = pluck(db, `SELECT c.id ${from} ORDER BY c.year ${d}, c.seq ${d} LIMIT ? OFFSET ?`);
  const ids: number[] = [];
  let skip = offset;
  for (const { status, n } of counts) {
    if (ids.length >= limit) break;
    if (skip >= n) {
      skip -= n;
      continue;
    }
    ids.push(...(page.all(status, ...rangeParams, ...params, limit - ids.length, skip) as number[]));
    skip = 0;
  }
  return ids;
}

const columns = (who: SqlCondition) => `${ROW_COLUMNS_OF_C}, ${who.sql} AS identity`;
// The rows of a page's ids, in that order, the viewer's rule asked of those rows only.
function rowsOfIds(db: Db, viewer: SessionUser, ids: number[]): ComplaintDbRow[] {
  const page = identitySql(viewer, true);
  const byId = new Map(
    (stmt(db, `SELECT ${columns(page)} FROM complaints c WHERE c.id IN (SELECT value FROM json_each(?))`).all(...page.params, JSON.stringify(ids)) as ComplaintDbRow[]).map((r) => [r.id, r]),
  );
  return ids.map((id) => byId.get(id)!);
}

// Words many complaints match (beside other filters, or in an order other than the
// register's, whose text index pages them itself), from the register's sets (sets.ts): the
// words' complaints and each filter's, kept in memory, ANDed and counted; the page then
// read by walking the order's index and keeping the complaints the sets hold, or, where the
// walk passes more than WALK_PER_MATCH entries a match without filling the page (few
// matches, or all on the far side of the order: the oldest first, beside a span of recent
// dates), by sorting the matches. At 1,000,000 "jalan" beside a step done in twelve months
// took 0.29–0.41 s through SQLite (its 870,000 matches listed, or each of the step's
// complaints asked the words). Null where the words match fewer than SETS_WORDS_LEAST (their
// own index answers those at once) or inside a transaction.
const SETS_WORDS_LEAST = 2_000;
const WALK_PER_MATCH = 6;
const FEW_MATCHES = 1_000;
function pageOfSets(db: Db, q: ComplaintQueryParsed, viewer: SessionUser, now: string) {
  if (!q.q || db.inTransaction) return null;
  let stamp: string | undefined;
  const stampOf = () => (stamp ??= dataStamp(db));
  const plainNames = seesEveryIndexedName(viewer);
  const filters = filterConditions(db, { ...q, q: undefined, keadaan: undefined }, viewer, identitySql(viewer), null, now, stampOf);
  if (q.keadaan) filters.push(q.keadaan === 'belum_selesai' ? OPEN_NOW : lateAt(db, q.akhirBulan, now));
  // (Words alone in the register's order: its own text index pages them.)
  if (!filters.length && q.sort === 'registerNo') return null;
  const words = wordsSet(db, q, viewer, stampOf);
  if (!words) return null;
  const at: SetsAt = { db, stampOf, mark: changeMark(db), years: registerYears(db), numbered: once(() => new Map(rawRows(db, NUMBERED).all() as [number, number][])) };
  const matches = allOf(setsOf(at, [words, ...filters.map(specOf)]));
  const total = matches.count;
  const { years } = at;
  if (q.offset >= total) return { rows: [], total, years };
  // As listComplaints does, a page past the middle is read from the other end.
  let { offset, limit } = q;
  const fromEnd = offset > total / 2;
  if (fromEnd) {
    limit = Math.min(limit, total - offset);
    offset = total - offset - limit;
  }
  const d = (q.dir === 'desc') !== fromEnd ? 'DESC' : 'ASC';
  const groups = q.sort === 'reporterName' && !plainNames ? kasiNameGroups(at, q, viewer, matches, d) : inStretches(at, q, q.sort, matches, d);
  const rows = rowsOfIds(db, viewer, pageOfGroups(db, groups, offset, limit));
  if (fromEnd) rows.reverse();
  return { rows: rows.map(toRow), total, years };
}

// The words' set as the register asks them (filterConditions): those who see every name in
// the word index, but beside the open ones (and everyone else always) in the register's,
// which keeps no positions: a word the tokenizer splits (a phrase) only in the word index.
// Null where they are not for the sets: a register number, no search the viewer may make
// (searchSightFts), or fewer matches than SETS_WORDS_LEAST (counted on the register's index
// where it can answer them, as the register counts words).
function wordsSet(db: Db, q: ComplaintQueryParsed, viewer: SessionUser, stampOf: () => string): SetSpec | null {
  const search = searchOf(db, q.q, stampOf);
  if (!search || !('fts' in search)) return null;
  const plainNames = seesEveryIndexedName(viewer);
  const sight = searchSightFts(viewer, search.fts);
  if (sight === null || (!plainNames && (viewer.role !== 'kasi' || !search.oneTokenEach))) return null;
  const open = q.keadaan === 'belum_selesai' || (q.keadaan === 'terlambat' && !q.akhirBulan);
  const byId = plainNames && (!open || !search.oneTokenEach);
  const fromWords = byId ? 'FROM complaints_fts WHERE complaints_fts MATCH ?' : REGISTER_WHERE[0]!;
  const fts = byId ? search.fts : sight;
  const words: SetSpec = {
    key: `words ${fts}`,
    list: [byId ? `SELECT rowid ${fromWords}` : `SELECT c.id FROM (SELECT rowid AS k ${fromWords}) f CROSS JOIN complaints c ON ${KEY_JOIN}`, [fts]],
    probe: [byId ? FTS_PROBE : probeSql('complaints_register_fts', REGISTER_KEY), [fts]],
  };
  const [counted, countedFts] = search.oneTokenEach ? [REGISTER_WHERE[0]!, sight] : [fromWords, fts];
  if (!isKept(db, words.key) && countUpTo(db, stampOf, `SELECT 1 ${counted}`, [countedFts], SETS_WORDS_LEAST) < SETS_WORDS_LEAST) return null;
  return words;
}

// A filter's set: its complaints listed, and asked of a changed one as its Condition says.
const specOf = ([sql, params, probe]: Condition): SetSpec => ({
  key: `${sql}\n${JSON.stringify(params)}`,
  list: [`SELECT c.id FROM complaints c WHERE ${sql}`, params],
  probe: probe === undefined ? [sql, params] : probe,
});
// What the register's sets are read at in one call, each read once: the data's stamp, the
// change mark, the register's years and how many each numbered.
interface SetsAt {
  db: Db;
  stampOf: () => string;
  mark: number;
  years: number[];
  numbered: () => Map<number, number>;
}
const NUMBERED = "SELECT year, value FROM counters WHERE name = 'register'";
const once = <T,>(make: () => T) => {
  let made: T | undefined;
  return () => (made ??= make());
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
}

// The stretch of the order's index a filter keeps, where the index leads with its column: a
// year of receipt in the register's order, a status by status, a year or month of receipt by
// time of receipt (a year's span a day wider: receiptSpan).
function walkBound({ db, stampOf }: SetsAt, q: ComplaintQueryParsed): Condition[] {
  const receiptYear = q.year !== undefined && q.dateOf === 'diterima';
  // The register's order, within a status by status: a year, a month its stretch of numbers
  // (monthSeqSpan; the month itself is tested on each by its set).
  const inYear = (): Condition => {
    if (q.month === undefined) return ['c.year = ?', [q.year!]];
    const { lo, hi } = monthSeqSpan(db, q.year!, q.month, stampOf);
    return ['c.year = ? AND c.seq BETWEEN ? AND ?', [q.year!, lo ?? 0, hi ?? -1]];
  };
  if (q.sort === 'registerNo') return receiptYear ? [inYear()] : [];
  if (q.sort === 'status' && q.status !== undefined) return [['c.status = ?', [q.status]], ...(receiptYear ? [inYear()] : [])];
  if (q.sort !== 'receivedAt' || !receiptYear) return [];
  const [from, to] = q.month === undefined ? (receiptSpan(db, q)![1] as [string, string]) : periodBounds(q.year!, q.month, getOffice(db).timeZone);
  return [['c.received_at >= ? AND c.received_at < ?', [from, to]]];
}

// A Kasi's register by name: the name he sees is Anonim for anonymous reporters, the name
// where he may see it, else '' (access.ts). So first come (ascending) the complaints whose
// name he may not see, and those with no name, all alike in the register's order; then the
// others by the name complaints_shown_name holds, which is theirs. Each group is walked along
// its own index; the set of those he may see is kept like the filters' (listed from the few
// he handles, and asked again of each changed complaint).
const namesApart = memo<[IdSet, IdSet]>();
function kasiNameGroups(at: SetsAt, q: ComplaintQueryParsed, viewer: SessionUser, matches: IdSet, d: 'ASC' | 'DESC'): Group[] {
  const see = seeSql(viewer, true);
  const candidates = kasiSightCandidates(viewer);
  const [anonymous, sees, unnamed] = setsOf(at, [
    // (Listed from the index of names shown, under Anonim: `c.anonymous <> 0` alone read every
    // complaint, two minutes at 1,000,000 with the file out of the OS cache.)
    { key: 'anonymous', list: [`SELECT c.id FROM complaints c WHERE ${SHOWN_NAME} = '${ANONYMOUS_NAME}' COLLATE NOCASE AND c.anonymous <> 0`, []], probe: ['c.anonymous <> 0', []] },
    {
      key: `sees ${viewer.id}`,
      list: [`SELECT c.id FROM (${candidates.sql}) k CROSS JOIN complaints c ON c.id = k.id WHERE ${see.sql}`, [...candidates.params, ...see.params]],
      probe: [see.sql, see.params],
    },
    specOf(["c.reporter_name = ''", []]),
  ]) as [IdSet, IdSet, IdSet];
  const [alike, named] = derived(namesApart, [matches, anonymous, sees, unnamed], () => {
    const alike = new Uint32Array(matches.bits.length);
    const named = new Uint32Array(matches.bits.length);
    const word = (s: IdSet, i: number) => s.bits[i] ?? 0;
    for (let i = 0; i < alike.length; i++) {
      const m = matches.bits[i]!;
      alike[i] = m & ~word(anonymous, i) & (~word(sees, i) | word(unnamed, i));
      named[i] = m & ~alike[i]!;
    }
    return [counted(alike), counted(named)];
  });
  const groups = [inStretches(at, q, 'registerNo', alike, d), inStretches(at, q, 'reporterName', named, d)];
  return (d === 'ASC' ? groups : groups.reverse()).flat();
}

// A set's complaints in an order, as groups read one after another. Where no filter bounds
// the walk, the order's index is cut into stretches of complaints, each a set kept like the
// filters': by the register's order its years, by time of receipt the years' spans of
// receipt, by status each status, and within it each year. Only the stretch the page begins
// in is walked (and the next, if the page goes on): a span of recent dates, oldest first,
// passes no older year ("sumur" finished in 2025, the register's order: 11,034 matches, its
// walk past 2026 too long, sorted in 45–51 ms at 1,000,000).
function inStretches(at: SetsAt, q: ComplaintQueryParsed, sort: ComplaintQueryParsed['sort'], set: IdSet, d: 'ASC' | 'DESC'): Group[] {
  const order = orderOf({ ...q, sort, dir: d === 'DESC' ? 'desc' : 'asc' }, SHOWN_NAME);
  const index = SORT_INDEX[sort];
  const bound = walkBound(at, { ...q, sort });
  // Groups of the stretches of `set`, each walked within its stretch after `lead` (a status,
  // whose index leads with it). Where the stretches do not hold every complaint of the set
  // (a year the register's counters do not name), the set is walked whole, within `whole`.
  const within = (stretches: Condition[], set: IdSet, lead: Condition | null, whole: Condition[], split?: (c: Condition, i: number) => Group['split']): Group[] => {
    const led = ([sql, params]: Condition): Condition => (lead ? [`${lead[0]} AND ${sql}`, [...lead[1], ...params]] : [sql, params]);
    const groups = stretches.map((c, i): Group => ({ parts: [set, ...setsOf(at, [specOf(c)])], index, order, bound: [led(c)], split: split?.(led(c), i) }));
    if (groups.reduce((n, g) => n + countOfAll(g.parts), 0) !== set.count) return [{ parts: [set], index, order, bound: whole }];
    return d === 'ASC' ? groups : groups.reverse();
  };
  // Few matches (late now, beside words) are sorted, or walked, whole: to count them stretch
  // by stretch, on every call (their set is listed afresh), cost more.
  if (bound.length || sort === 'reporterName' || set.count <= FEW_MATCHES) return [{ parts: [set], index, order, bound }];
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
  if (sort !== 'status') return years.length < 2 ? [{ parts: [set], index, order, bound }] : inYears(set, null);
  const statuses = STATUS_ORDER.map((status): Condition => ['c.status = ?', [status]]);
  return within(statuses, set, null, [], years.length < 2 ? undefined : (status) => (ofStatus) => inYears(ofStatus, status));
}

// The stretches of the register's order (its years) or of the time of receipt, in
// ascending order, each a condition its index leads with, and, for a year holding at least
// TWELFTHS_FROM complaints, its twelve parts in order: its numbers in twelve runs (those
// taken over from the old register, below zero, in the first), or the months of its span of
// receipt.
const TWELFTHS_FROM = 1_200;
function stretchesOf({ db, years: newestFirst, numbered: numberedOnce }: SetsAt, sort: 'registerNo' | 'receivedAt'): { whole: Condition; parts: Condition[] }[] {
  const years = newestFirst.toReversed();
  const numbered = numberedOnce();
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
    const sorted = `SELECT c.id FROM json_each(?) j CROSS JOIN complaints c ON c.id = j.value ORDER BY ${order} LIMIT ? OFFSET ?`;
    const walked = keptAlong(db, walk, (w) => [...paramsOf(bound), w, take, offset], set, set.count * WALK_PER_MATCH);
    ids.push(...(walked ?? (pluck(db, sorted).all(JSON.stringify(idsOf(set)), take, offset) as number[])));
    limit -= take;
    offset = 0;
  }
  return ids;
}

// A page of the register; the query as the contract's complaintQuerySchema gave it.
export function listComplaints(db: Db, query: ComplaintQueryParsed, viewer: SessionUser, now: string) {
  const bySets = pageOfSets(db, query, viewer, now);
  if (bySets) return bySets;
  const plan = registerPlan(db, query, viewer, now);
  const { q, identity, search, active, whereSql, params, words, total, plainNames, orderParams } = plan;
  let { order } = plan;
  // A page past the middle is read from the other end: the last page costs what the
  // first does instead of walking every row before it. Every order ends in a unique key,
  // so the reversed read returns exactly the rows the offset names. The deepest page is
  // then the middle one, reached by walking half the matching index entries (the page
  // links keep their offsets, so no cursor is needed).
  let { offset, limit } = q;
  const fromEnd = offset > total / 2 && offset < total;
  if (fromEnd) {
    limit = Math.min(limit, total - offset);
    offset = total - offset - limit;
    order = flip(order);
  }
  const rowsOf = (ids: number[]) => rowsOfIds(db, viewer, ids);
  // The order with a Kasi's names worked out from each complaint's own dispositions and
  // steps (identitySql's form for few rows), for sorting few beside those he handles.
  const orderOfFew = () => {
    const named = orderOf(q, shownNameSql(identitySql(viewer, true).sql));
    return fromEnd ? flip(named) : named;
  };
  // Past the last match (or none at all) there is nothing to read.
  if (q.offset >= total) return { rows: [], total, years: registerYears(db) };
  const grouped = statusGroups(db, plan, order.startsWith('c.status DESC'), offset, limit);
  // A month's words by name or time of receipt, for those who see every name: the order's
  // index walked, the month tested on each complaint read and the words asked (FTS_PROBE)
  // of the few in it, when that reads fewer complaints than sorting the month's matches
  // does: each complaint walked is read where its name puts it in the file, about as dear
  // as a match sorted ("jalan" in March 2025 by name, 1,789 matches at 100,000: walked
  // 50–67 ms with the file out of the OS cache, sorted 1.7–2.2 ms). Not by status, which
  // follows a complaint's age (the walk would pass the newer months).
  const monthWalk = plainNames && words !== null && q.month !== undefined && (q.sort === 'reporterName' || q.sort === 'receivedAt') && walkCheaper(db, offset + limit, total, 1);
  // By time of receipt, a year of receipt is walked (where it is) within its span of receipt.
  const receipt = q.sort === 'receivedAt' ? receiptSpan(db, q) : null;
  const by = walkIndex(db, q, receipt, plan.stampOf);
  let rows: ComplaintDbRow[];
  if (grouped) {
    rows = rowsOf(grouped);
  } else if (plan.beside?.probe) {
    // The few complaints the filters keep, each asked the words, then sorted (its LIMIT keeps
    // SQLite from flattening the subquery and walking the order's index instead). A Kasi's
    // names are worked out from each of these complaints' own dispositions and steps, not
    // from all of his (identitySql's form for few rows: his late ones with "jalan" by name,
    // 270 ms at 1,000,000 for listing some 330,000 of each).
    const few = plainNames ? order : orderOfFew();
    rows = rowsOf(
      pluck(db, `SELECT c.id FROM (SELECT c.id FROM complaints c ${whereSql} LIMIT -1) m CROSS JOIN complaints c ON c.id = m.id ORDER BY ${few} LIMIT ? OFFSET ?`).all(
        ...params,
        ...orderParams,
        limit,
        offset,
      ) as number[],
    );
  } else if (search && 'ids' in search && search.ids.length === 1) {
    // One complaint at most (by its primary key): nothing to sort, and the page is that
    // row or, past the first, empty.
    const one = identitySql(viewer, true);
    rows = (stmt(db, `SELECT ${columns(one)} FROM complaints c ${whereSql}`).all(...one.params, ...params) as ComplaintDbRow[]).slice(offset, offset + limit);
  } else if (words && q.sort === 'registerNo') {
    // In the register's order the text index gives the page itself: its keys in that
    // order, read lazily until the page is full (beside other filters, until enough of
    // them passed), then the complaints by (year, seq).
    const d = order.startsWith('c.year ASC') ? 'ASC' : 'DESC';
    const page = identitySql(viewer, true);
    const [joined, joinedParams] = wordsJoin(words, d);
    rows = (
      words.others.length
        ? stmt(db, `SELECT ${columns(page)} FROM ${joined} ORDER BY f.k ${d} LIMIT ? OFFSET ?`).all(...page.params, ...joinedParams, limit, offset)
        : stmt(db, `SELECT ${columns(page)} FROM (SELECT rowid AS k ${wordsWhere(words)[0]} ORDER BY rowid ${d} LIMIT ? OFFSET ?) f CROSS JOIN complaints c ON ${KEY_JOIN} ORDER BY f.k ${d}`).all(
            ...page.params,
            ...joinedParams,
            limit,
            offset,
          )
    ) as ComplaintDbRow[];
  } else if (words && q.month !== undefined && !monthWalk) {
    // A month's words in another order: the matches in the month's range, sorted.
    const [joined, joinedParams] = wordsJoin(words);
    const ids = pluck(db, `SELECT c.id FROM ${joined} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...joinedParams, ...orderParams, limit, offset) as number[];
    rows = rowsOf(ids);
  } else if (plainNames) {
    const down = downFromYear(db, plan, order, offset + limit) ?? monthBySeq(db, plan, order, offset + limit);
    // Many matches of words, or of a step done, are read as a list, then kept as the
    // order's index is walked (walkCheaper) rather than read and sorted; a step done may
    // also be asked of each complaint walked.
    const steps = stepWalk(db, q, order, offset + limit, total, by.size);
    // Beside a date of finishing or a step done (byAge), only the order by name is walked:
    // the register's order, the time of receipt and the status follow age, so a walk would
    // first pass every complaint on the far side of that stretch ("jalan" finished in 2025,
    // oldest first: 113 ms at 100,000). Words tested as a membership beside that stretch
    // (wordsBeside) are sorted from it where the walk would read more complaints than match:
    // their list is read whole either way ("jalan" finished in 2025 by name, walked and asked
    // of the complaints finished then: 38–58 → 4–8 ms at 100,000; in March 2025 it is sorted).
    const member = active.some(([sql]) => sql === `+${FTS_MATCH}`);
    const walk =
      monthWalk ||
      (steps
        ? steps !== 'sort'
        : active.some(([sql]) => FTS_LISTED.includes(sql) || sql.startsWith(STEP_DONE))
          ? (!plan.byAge || q.sort === 'reporterName') && walkCheaper(db, offset + limit, total, member ? 1 : 20, by.size)
          : columnWalkCheaper(db, plan, offset + limit, by));
    // Words are asked of the complaints the other filters keep as the walk reads them: those
    // of the filter keeping the fewest, of a span of finishing (plan.fewest), or of a year of
    // receipt.
    const byWords = active.some(([sql]) => FTS_LISTED.includes(sql));
    const among = byWords
      ? (fewestFilter(db, q, plan.stampOf, 1)?.n ?? plan.fewest?.n ?? (q.year !== undefined && q.dateOf === 'diterima' && !q.month ? registeredIn(db, q.year) : undefined))
      : undefined;
    const probe = monthWalk || (walk && !steps && byWords && probeCheaper(db, offset + limit, total, among));
    // A year of receipt is tested on each complaint walked (yearTestedOnEach).
    const walked: Condition[] = walk && q.sort !== 'registerNo' ? yearTestedOnEach(active) : [...active];
    if (walk && receipt) walked.push(receipt);
    // Words beside filters on the complaint's own columns, sorted (keyedRead).
    const keyed = !walk && !down && !steps ? keyedRead(db, q, words, plan.stampOf) : null;
    const index = walk ? `INDEXED BY ${by.index}` : keyed ? `INDEXED BY ${keyed.index}` : plan.fewest ? `INDEXED BY ${plan.fewest.index}` : '';
    // The words asked within the stretches of keys the walk reads first, where it keeps to them.
    const unworded = walked.filter(([sql]) => !FTS_LISTED.includes(sql));
    const pool = () => among ?? registeredIn(db);
    const spans = probe ? walkSpans(db, `complaints c ${index} ${whereOf(unworded)}`, [...paramsOf(unworded), ...orderParams], order, ((offset + limit) * pool()) / total, 'c.id', total / pool()) : [];
    const conditions = keyed?.where ?? (steps === 'each' ? walked.map(([sql, v]): Condition => [stepDoneHere(sql), v]) : probe ? probing(walked, spans) : walked);
    const page = (what: string) => `SELECT ${what} FROM complaints c ${index} ${whereOf(conditions)} ORDER BY ${order} LIMIT ? OFFSET ?`;
    // A year of finishing, newest first, is read down the register (downFromYear), a month
    // of receipt along its stretch of numbers (monthBySeq). Another span of dates (such a
    // month where that walk is long, a month of finishing, a step done) is read through its
    // date's index and sorted: the page's ids first, so that the sort carries ids rather
    // than whole rows.
    rows = (
      down
        ? stmt(db, `SELECT ${columns(identity)} FROM complaints c ${down.index} ${down.where} ORDER BY ${order} LIMIT ? OFFSET ?`)
        : keyed || steps === 'sort' || (q.year !== undefined && (q.month !== undefined || q.dateOf === 'selesai'))
          ? stmt(db, `SELECT ${columns(identity)} FROM complaints c WHERE c.id IN (${page('c.id')}) ORDER BY ${order}`)
          : stmt(db, page(columns(identity)))
    ).all(...identity.params, ...(down?.params ?? paramsOf(conditions)), ...orderParams, limit, offset) as ComplaintDbRow[];
  } else {
    // For a Kasi, whose rule is not in the row: the page's ids first, then their rows, the
    // rule asked of those rows only (sorted, each matching row would carry it).
    const page = identitySql(viewer, true);
    const down = downFromYear(db, plan, order, offset + limit) ?? monthBySeq(db, plan, order, offset + limit);
    const within: Condition[] = receipt ? [receipt] : [];
    const among = by.size ?? registeredIn(db);
    // By status, a year of receipt is tested on each complaint the walk reads too, as for
    // those who see every name (his "jalan" in 2025 by status: its 7,131 matches sorted,
    // 28 ms at 100,000).
    const yearByStatus = q.sort === 'status' && q.year !== undefined && q.dateOf === 'diterima' && q.month === undefined;
    // His words by status or time of receipt, beside no date but a year of receipt, are asked
    // of each complaint as the order's index is walked, where that is cheaper than sorting
    // their matches. (Within the stretches of keys the walk reads first, where it keeps to
    // them: walkSpans.)
    const askEach =
      !down &&
      (q.sort === 'status' || q.sort === 'receivedAt') &&
      (q.year === undefined || receipt !== null || yearByStatus) &&
      !q.keadaan &&
      !q.langkah &&
      active.some(([sql]) => sql === REGISTER_MATCH) &&
      // Where the walk reads under half as many complaints as he has matches: a complaint
      // walked and asked costs about twice what one of his matches sorted does (his "jalan"
      // in 2025, 7,131 matches: sorted 17–25 ms, walked 2.2–3.0 ms at 100,000; beside "no
      // seksi", 3,476: 20–23 → 2.3–2.8 ms).
      walkCheaper(db, offset + limit, total, 0.5, among);
    const unworded = yearTestedOnEach([...active.filter(([sql]) => sql !== REGISTER_MATCH), ...within]);
    const spans = askEach
      ? walkSpans(db, `complaints c INDEXED BY ${by.index} ${whereOf(unworded)}`, [...paramsOf(unworded), ...orderParams], order, ((offset + limit) * among) / total, REGISTER_KEY, total / (fewestFilter(db, q, plan.stampOf, 1)?.n ?? among))
      : [];
    const alone = Object.values(columnFilters(q)).every((v) => v === undefined);
    const probed = askEach ? yearTestedOnEach([...active.map(([sql, v]): Condition => (sql === REGISTER_MATCH ? kasiProbe(search, seeSql(viewer, true), REGISTER_KEY, spans, alone ? viewer : undefined) : [sql, v])), ...within]) : null;
    // A step done without words, other than by name, is walked as for those who see every
    // name (stepWalk): the page's rows are his as anyone's, only their names are his to see.
    // Filters on the complaint's own columns alone, by status or time of receipt, likewise
    // (columnWalkCheaper): "selesai" by time of receipt sorted 88,000 rows at 100,000 (110 ms).
    const steps = !down && !probed && !q.q ? stepWalk(db, q, order, offset + limit, total, by.size) : null;
    const walked = steps
      ? steps !== 'sort' && (q.sort === 'registerNo' ? active : yearTestedOnEach([...active, ...within])).map(([sql, v]): Condition => [steps === 'each' ? stepDoneHere(sql) : sql, v])
      : !down && !probed && (q.sort === 'status' || q.sort === 'receivedAt') && columnWalkCheaper(db, plan, offset + limit, by) && yearTestedOnEach([...active, ...within]);
    // Else his words' matches in their range are sorted: read from their keys, each key's
    // complaint tested on the other filters (through a filter's index where it holds the
    // key), rather than listed as ids and each complaint read again ("jalan" beside a
    // category by time of receipt: 100 → 47 ms at 100,000, most of it his words' matches).
    // Other filters are read through the index the Staf's are (plan.fewest). Beside filters on
    // the complaint's own columns, his words' keys are looked up from the filter's entries
    // instead, where that reads less (keyedRead).
    const keyed = !down && !probed && !walked ? keyedRead(db, q, words, plan.stampOf) : null;
    const [from, fromParams]: [string, unknown[]] = down
      ? [`complaints c ${down.index} ${down.where}`, down.params]
      : probed
        ? [`complaints c INDEXED BY ${by.index} ${whereOf(probed)}`, paramsOf(probed)]
        : walked
          ? [`complaints c INDEXED BY ${by.index} ${whereOf(walked)}`, paramsOf(walked)]
          : keyed
            ? [`complaints c INDEXED BY ${keyed.index} ${whereOf(keyed.where)}`, paramsOf(keyed.where)]
            : words
            ? wordsJoin(words)
            : [`complaints c ${plan.fewest ? `INDEXED BY ${plan.fewest.index}` : ''} ${whereSql}`, params];
    // By name, his pages are walked (kasiPageByName), except his words beside filters keeping
    // few of their matches (under a twentieth of the register), which are sorted from their
    // keys as above: the walks would ask his words again in each (category "infrastruktur"
    // and "jalan", Z–A: 270 ms at 100,000).
    const byName = q.sort === 'reporterName' && !plan.beside && !(words && words.others.length && total * 20 < registeredIn(db));
    // Else sorted; by name, his names are worked out from each match's own dispositions and
    // steps where he handles over five times as many complaints as match (listing all of his
    // costs more: "jalan" beside a category by name, 1,855 matches, 42 → 30 ms at 100,000).
    const fewSorted = () => q.sort === 'reporterName' && handlesAtLeast(db, plan.stampOf, viewer, HANDLED_PER_SORTED * total);
    const ids =
      (byName ? kasiPageByName(db, plan, viewer, page, (q.dir === 'desc') !== fromEnd, offset, limit) : null) ??
      (pluck(db, `SELECT c.id FROM ${from} ORDER BY ${fewSorted() ? orderOfFew() : order} LIMIT ? OFFSET ?`).all(...fromParams, ...orderParams, limit, offset) as number[]);
    rows = rowsOf(ids);
  }
  if (fromEnd) rows.reverse();
  return { rows: rows.map(toRow), total, years: registerYears(db) };
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

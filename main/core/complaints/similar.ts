import { SIMILAR_MAX, type SimilarComplaint, type SimilarQuery } from '../../../shared/schemas/complaint';
import { complaintAccess } from '../access';
import type { SessionUser } from '../context';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';

// Possible duplicates of a complaint about to be saved, among the open complaints: the
// same reporter (NIK or phone, compared here and never sent back), the same or nearly the
// same Perihal, or nearly the same text (the FTS index, then word overlap). A candidate
// carries no reporter data, and a reporter match is offered only where the officer may
// see the identity and the reporter is neither anonim nor rahasia, so the answer cannot
// unmask one.

// Words too common in complaints to say two of them are alike.
const COMMON = new Set(
  'yang dan atau dari untuk dengan pada dalam tidak belum sudah akan kami saya kita mereka ini itu ada adalah oleh karena juga agar bisa dapat sejak masih hingga sampai warga desa mohon tolong segera'.split(' '),
);

// A text's words in lower case, punctuation and spacing aside.
const tokensOf = (text: string) => text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

// The telling words: three letters or more, not among the common ones.
function wordsOf(text: string): Set<string> {
  return new Set(tokensOf(text).filter((w) => w.length >= 3 && !COMMON.has(w)));
}

// Dice coefficient of the two word sets: 1 for the same words, 0 for none shared.
function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Texts at least this alike are offered as possible duplicates. */
const CLOSE_TEXT = 0.5;

interface Row {
  id: number;
  register_no: string;
  subject: string;
  description: string;
  received_at: string;
  status: SimilarComplaint['status'];
  anonymous: number;
  confidential: number;
}

const COLUMNS = 'c.id, c.register_no, c.subject, c.description, c.received_at, c.status, c.anonymous, c.confidential';
const OPEN = 'c.closed_at IS NULL';
// Digits only, with the country code written as the leading 0: "+62 812-34" = "081234".
const PHONE_SQL = "replace(replace(replace(replace(c.reporter_phone, ' ', ''), '-', ''), '+', ''), '.', '')";
const normalPhone = (p: string) => {
  const digits = p.replace(/\D/g, '');
  return digits.startsWith('62') ? `0${digits.slice(2)}` : digits;
};

const toCandidate = (r: Row, reason: SimilarComplaint['reason']): SimilarComplaint => ({
  id: r.id,
  registerNo: r.register_no,
  subject: r.subject,
  receivedAt: r.received_at,
  status: r.status,
  reason,
});

function sameReporter(db: Db, viewer: SessionUser, q: SimilarQuery): (Row & { same_nik: number })[] {
  const nik = q.reporterNik ?? '';
  const phone = normalPhone(q.reporterPhone ?? '');
  if (nik === '' && phone === '') return [];
  const rows = db
    .prepare(
      `SELECT ${COLUMNS}, (? <> '' AND c.reporter_nik = ?) AS same_nik FROM complaints c
       WHERE ${OPEN} AND c.anonymous = 0 AND c.confidential = 0
         AND ((? <> '' AND c.reporter_nik = ?)
           OR (? <> '' AND c.reporter_phone <> '' AND CASE WHEN ${PHONE_SQL} LIKE '62%' THEN '0' || substr(${PHONE_SQL}, 3) ELSE ${PHONE_SQL} END = ?))
       ORDER BY c.id DESC LIMIT 20`,
    )
    .all(nik, nik, nik, nik, phone, phone) as (Row & { same_nik: number })[];
  return rows.filter((r) => complaintAccess(db, viewer, r.id).identity);
}

function closeText(db: Db, viewer: SessionUser, q: SimilarQuery): Row[] {
  const words = wordsOf(`${q.subject ?? ''} ${q.description ?? ''}`);
  if (words.size === 0) return [];
  // Any shared word brings a row up (best first); the overlap then decides.
  const match = `{subject description} : (${[...words].slice(0, 24).map((w) => `"${w}"`).join(' OR ')})`;
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM complaints_fts f JOIN complaints c ON c.id = f.rowid
       WHERE complaints_fts MATCH ? AND ${OPEN} ORDER BY f.rank LIMIT 30`,
    )
    .all(match) as Row[];
  return rows
    .map((r) => ({ r, score: overlap(words, wordsOf(`${r.subject} ${r.description}`)) }))
    .filter(({ r, score }) => score >= CLOSE_TEXT && complaintAccess(db, viewer, r.id).see)
    .sort((a, b) => b.score - a.score)
    .map(({ r }) => r);
}

// A Perihal as compared: its words in lower case, one space apart (case, spacing and
// punctuation aside).
const plainSubject = (s: string) => tokensOf(s).join(' ');

// Edit distance of two strings, given up (Infinity) once it passes `max`.
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return Infinity;
    prev = row;
  }
  return prev[b.length]!;
}

/** At most this share of a Perihal's letters may differ for two to be nearly the same. */
const CLOSE_SUBJECT = 0.1;

/**
 * Whether a Perihal says the same as `subject`: the same text (case, spacing and
 * punctuation aside), the same telling words in another order or with a common word more
 * or less ("Jalan rusak di Dusun Tegalrejo"), or nearly the same letters (a typo:
 * "Tegalreja"). A place or a name that differs ("… Dusun Krajan") keeps two apart.
 */
function sameSubjectAs(subject: string): (other: string) => boolean {
  const plain = plainSubject(subject);
  const telling = wordsOf(plain);
  return (other) => {
    const o = plainSubject(other);
    if (plain === '' || o === '') return false;
    if (o === plain) return true;
    const words = wordsOf(o);
    if (telling.size > 0 && words.size === telling.size && [...words].every((w) => telling.has(w))) return true;
    const max = Math.floor(CLOSE_SUBJECT * Math.max(plain.length, o.length));
    return max > 0 && editDistance(plain, o, max) <= max;
  };
}

// Open complaints with the same or nearly the same Perihal, whatever their Uraian, newest
// first. Every open complaint's Perihal is compared (the open ones are few, read through
// their own index: 600 of 100,000 in 0.6 ms), so none is missed for a common word.
function sameSubjectRows(db: Db, viewer: SessionUser, subject: string): Row[] {
  if (plainSubject(subject) === '') return [];
  const same = sameSubjectAs(subject);
  const open = stmt(db, `SELECT c.id, c.subject FROM complaints c WHERE ${OPEN}`).all() as { id: number; subject: string }[];
  const ids = open.filter((r) => same(r.subject)).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = stmt(db, `SELECT ${COLUMNS} FROM json_each(?) j JOIN complaints c ON c.id = j.value ORDER BY c.id DESC`).all(JSON.stringify(ids)) as Row[];
  return rows.filter((r) => complaintAccess(db, viewer, r.id).see);
}

export function similarComplaints(db: Db, viewer: SessionUser, q: SimilarQuery): SimilarComplaint[] {
  const found = new Map<number, SimilarComplaint>();
  for (const r of sameReporter(db, viewer, q)) found.set(r.id, toCandidate(r, r.same_nik ? 'nik sama' : 'telepon sama'));
  // The same Perihal says more than words shared between long Uraian.
  for (const r of sameSubjectRows(db, viewer, q.subject ?? '')) if (!found.has(r.id)) found.set(r.id, toCandidate(r, 'isi mirip'));
  for (const r of closeText(db, viewer, q)) if (!found.has(r.id)) found.set(r.id, toCandidate(r, 'isi mirip'));
  return [...found.values()].slice(0, SIMILAR_MAX);
}

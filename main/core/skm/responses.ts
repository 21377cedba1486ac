import type * as z from 'zod';
import { addTotals, computeIkm, emptyTotals, SKM_ELEMENTS, SKM_PART, skmProfileGroups, type SkmProfileCount, type SkmTotals } from '../../../shared/skm';
import type { skmAnswersSchema, SkmPeriod, SkmPeriodQuery, skmProfileSchema, SkmSummary } from '../../../shared/schemas/skm';
import { formatTanggal } from '../../../shared/time/format';
import { localDate } from '../../../shared/time/workingTime';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { getOffice } from '../office/settings';
import { reportSignOff } from '../reports/signOff';

// Storing questionnaires and reading the IKM per period. The per-month sums and profile
// counters are kept by database triggers (migrations 12 and 36) in the insert's own
// transaction; a period reads them, never the responses.

export interface NewResponse {
  complaintId: number | null;
  at: string;
  source: 'staf' | 'kiosk';
  kioskId: number | null;
  answers: z.output<typeof skmAnswersSchema>;
  profile: z.output<typeof skmProfileSchema>;
  enteredBy: number;
}

const INSERT = `INSERT INTO skm_responses (complaint_id, at, month, source, kiosk_id, u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, education, occupation, age, entered_by)
  VALUES (@complaintId, @at, @month, @source, @kioskId, @u1, @u2, @u3, @u4, @u5, @u6, @u7, @u8, @u9, @gender, @education, @occupation, @age, @enteredBy)`;

/** Stores one questionnaire (inside the caller's write transaction) and returns its id. */
export function insertResponse(db: Db, r: NewResponse): number {
  const month = localDate(r.at, getOffice(db).timeZone).slice(0, 7);
  const info = stmt(db, INSERT).run({
    complaintId: r.complaintId,
    at: r.at,
    month,
    source: r.source,
    kioskId: r.kioskId,
    ...r.answers,
    ...r.profile,
    enteredBy: r.enteredBy,
  });
  return Number(info.lastInsertRowid);
}

interface MonthRow {
  month: string;
  respondents: number;
  kiosk: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  s6: number;
  s7: number;
  s8: number;
  s9: number;
}

const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

function totalsOf(row: MonthRow | undefined): SkmTotals {
  if (!row) return emptyTotals();
  const t = emptyTotals();
  t.respondents = row.respondents;
  SKM_ELEMENTS.forEach((e, i) => (t.sums[e] = row[`s${i + 1}` as keyof MonthRow] as number));
  return t;
}

function period(month: number | null, t: SkmTotals): SkmPeriod {
  const r = computeIkm(t);
  return { month, respondents: t.respondents, nrr: r?.nrr ?? null, weighted: r?.weighted ?? null, ikm: r?.ikm ?? null, grade: r?.grade ?? null };
}

/** The IKM of one month alone. */
export function skmMonth(db: Db, year: number, month: number): SkmPeriod {
  const key = monthKey(year, month);
  return period(month, totalsOf(stmt(db, 'SELECT * FROM skm_month_totals WHERE month = ?').get(key) as MonthRow | undefined));
}

/** The IKM of a month, or of a triwulan, a semester or a year with each of its months. */
export function skmSummary(db: Db, q: SkmPeriodQuery, now: Date): SkmSummary {
  const first = q.month ?? (q.part ? SKM_PART[q.part].from : 1);
  const last = q.month ?? (q.part ? SKM_PART[q.part].to : 12);
  const from = monthKey(q.year, first);
  const to = monthKey(q.year, last);
  const rows = stmt(db, 'SELECT * FROM skm_month_totals WHERE month BETWEEN ? AND ? ORDER BY month').all(from, to) as MonthRow[];
  const { timeZone } = getOffice(db);
  const thisMonth = localDate(now, timeZone).slice(0, 7);
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const months = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  let total = emptyTotals();
  const periods = months.map((m) => {
    const t = totalsOf(byMonth.get(monthKey(q.year, m)));
    total = addTotals(total, t);
    return period(m, t);
  });
  return {
    year: q.year,
    month: q.month ?? null,
    part: q.part ?? null,
    total: period(q.month ?? null, total),
    months: periods,
    fromKiosk: rows.reduce((n, r) => n + r.kiosk, 0),
    profile: skmProfileGroups(
      stmt(db, 'SELECT field, value, sum(n) AS n FROM skm_month_profile WHERE month BETWEEN ? AND ? GROUP BY field, value').all(from, to) as SkmProfileCount[],
    ),
    asOf: from <= thisMonth && thisMonth <= to ? formatTanggal(now, timeZone) : null,
    signOff: reportSignOff(db, now),
    latest: latestMonth(db),
  };
}

function latestMonth(db: Db): SkmSummary['latest'] {
  const row = stmt(db, 'SELECT month, respondents FROM skm_month_totals WHERE respondents > 0 ORDER BY month DESC LIMIT 1').get() as
    | Pick<MonthRow, 'month' | 'respondents'>
    | undefined;
  return row ? { year: Number(row.month.slice(0, 4)), month: Number(row.month.slice(5, 7)), respondents: row.respondents } : null;
}

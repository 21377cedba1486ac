import { RECAP_DIMENSIONS, type RecapDimension } from '../../../shared/reports/recap';
import type { Db } from '../db/open';
import { pluck, rawRows, stmt } from '../db/statements';

// Reads the buku rekap's summary tables (migration 11) for a run of months; nothing here
// touches the register. Months are the office's local months, 'YYYY-MM'.

export const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

// The `count` months ending with (year, month), oldest first.
export function monthsEnding(year: number, month: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const m = year * 12 + (month - 1) - (count - 1 - i);
    return monthKey(Math.floor(m / 12), (m % 12) + 1);
  });
}

export interface Tally {
  received: number;
  finished: number;
  onTime: number;
  // Finished with no due to judge by: imported from the old register.
  untimed: number;
  // Running sums: at the end of the last month added, or now in the month still running;
  // null for a month not begun.
  open: number | null;
  late: number | null;
  puas: number;
  tidakPuas: number;
  minutesSum: number;
  minutesN: number;
}

const emptyTally = (): Tally => ({ received: 0, finished: 0, onTime: 0, untimed: 0, open: 0, late: 0, puas: 0, tidakPuas: 0, minutesSum: 0, minutesN: 0 });

interface CountRow {
  month: string;
  dim: RecapDimension;
  key: string;
  received: number;
  finished: number;
  on_time: number;
  untimed: number;
  open_delta: number;
  late_delta: number;
  puas: number;
  tidak_puas: number;
  minutes_sum: number;
  minutes_n: number;
}

function add(t: Tally, r: CountRow) {
  t.received += r.received;
  t.finished += r.finished;
  t.onTime += r.on_time;
  t.untimed += r.untimed;
  t.open! += r.open_delta;
  t.late! += r.late_delta;
  t.puas += r.puas;
  t.tidakPuas += r.tidak_puas;
  t.minutesSum += r.minutes_sum;
  t.minutesN += r.minutes_n;
}

export interface PeriodCounts {
  // Per dimension and key, over the whole run (open and late at its end).
  byKey: Record<RecapDimension, Map<string, Tally>>;
  // The office per month of the run (open and late at each month's end).
  byMonth: Map<string, Tally>;
  total: Tally;
  // The office's month now: the run's month still running, if it holds it.
  nowMonth: string;
}

// Every complaint has exactly one channel, so the channel rows add up to the office.
const TOTAL_DIM: RecapDimension = 'channel';

// A complaint is booked late in the month of its due, so the month still running holds
// the complaints due later in it as if already late: those still open, not waiting for
// the reporter, and due from now on, by dimension. (Each is open, so its outcome is
// 'diproses'.)
interface Pending {
  channel: string;
  category: string;
  kind: string;
  seksi: string;
  status: string;
}
const PENDING_LATE = `SELECT channel, category, kind, seksi, status FROM complaints
  WHERE closed_at IS NULL AND paused_at IS NULL AND due_at >= ? AND strftime('%Y-%m', due_at, (SELECT shift FROM recap_zone)) = ?`;
const pendingKey = (p: Pending, dim: RecapDimension) => (dim === 'outcome' ? 'diproses' : dim === 'stage' ? p.status : p[dim]);

// The office's local month of an instant, as the summary tables count months.
export const localMonth = (db: Db, iso: string) => pluck(db, "SELECT strftime('%Y-%m', ?, shift) FROM recap_zone").get(iso) as string;

// The counts of a run of months as they stand at `now`: a month still running counts its
// open and late complaints as of now, and a month not begun has none (null), nor has a
// run that has not begun.
export function periodCounts(db: Db, months: string[], now: string): PeriodCounts {
  const first = months[0]!;
  const nowMonth = localMonth(db, now);
  // Only the months up to now hold anything to count.
  const last = months[months.length - 1]! < nowMonth ? months[months.length - 1]! : nowMonth;
  const byKey = Object.fromEntries(RECAP_DIMENSIONS.map((d) => [d, new Map<string, Tally>()])) as PeriodCounts['byKey'];
  const tally = (dim: RecapDimension, key: string) => {
    const map = byKey[dim];
    let t = map.get(key);
    if (!t) map.set(key, (t = emptyTally()));
    return t;
  };
  // Open and late before the run: the deltas of every earlier month.
  const before = stmt(db, 'SELECT dim, key, sum(open_delta) AS open, sum(late_delta) AS late FROM recap_counts WHERE month < ? GROUP BY dim, key').all(first) as {
    dim: RecapDimension;
    key: string;
    open: number;
    late: number;
  }[];
  let open = 0;
  let late = 0;
  for (const b of before) {
    const t = tally(b.dim, b.key);
    t.open! += b.open;
    t.late! += b.late;
    if (b.dim === TOTAL_DIM) {
      open += b.open;
      late += b.late;
    }
  }
  // Summed by SQLite, so only one row per key and per month comes out.
  for (const r of stmt(db, `SELECT dim, key, ${SUMS} FROM recap_counts WHERE month BETWEEN ? AND ? GROUP BY dim, key`).all(first, last) as CountRow[]) {
    add(tally(r.dim, r.key), r);
  }
  const byMonth = new Map(months.map((m) => [m, emptyTally()]));
  for (const r of stmt(db, `SELECT month, ${SUMS} FROM recap_counts WHERE month BETWEEN ? AND ? AND dim = '${TOTAL_DIM}' GROUP BY month`).all(first, last) as CountRow[]) {
    add(byMonth.get(r.month)!, r);
  }
  // The month running, within the run: not late yet, the complaints due later in it.
  const pending = first <= nowMonth && nowMonth <= months[months.length - 1]! ? (stmt(db, PENDING_LATE).all(now, nowMonth) as Pending[]) : [];
  for (const p of pending) for (const dim of RECAP_DIMENSIONS) tally(dim, pendingKey(p, dim)).late! -= 1;
  const total = emptyTally();
  for (const m of months) {
    const t = byMonth.get(m)!;
    if (m > nowMonth) {
      t.open = t.late = null;
      continue;
    }
    open += t.open!;
    late += t.late! - (m === nowMonth ? pending.length : 0);
    t.open = open;
    t.late = late;
    for (const k of SUMMED) total[k] += t[k];
  }
  total.open = open;
  total.late = late;
  if (first > nowMonth) {
    total.open = total.late = null;
    for (const dim of RECAP_DIMENSIONS) for (const t of byKey[dim].values()) t.open = t.late = null;
  }
  return { byKey, byMonth, total, nowMonth };
}

const SUMS = ['received', 'finished', 'on_time', 'untimed', 'open_delta', 'late_delta', 'puas', 'tidak_puas', 'minutes_sum', 'minutes_n'].map((c) => `sum(${c}) AS ${c}`).join(', ');
const SUMMED = ['received', 'finished', 'onTime', 'untimed', 'puas', 'tidakPuas', 'minutesSum', 'minutesN'] as const;

// Medians come from the histogram (see recapSummaries.ts), never from a list of every
// complaint: the bucket holding the middle value stands for the mean of its minutes, which
// is exact when the bucket holds one value and otherwise within the bucket. Rows are
// arrays (the line's columns, then n and minutes), ordered by line, then bucket: a year's
// histogram is a few thousand rows.
type BucketRow = (string | number)[];

function mediansOf(rows: BucketRow[], lineColumns: number, lineOf: (r: BucketRow) => string): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const sameLine = (a: BucketRow, b: BucketRow) => {
    for (let c = 0; c < lineColumns; c++) if (a[c] !== b[c]) return false;
    return true;
  };
  let i = 0;
  while (i < rows.length) {
    let j = i;
    let total = 0;
    for (; j < rows.length && sameLine(rows[i]!, rows[j]!); j++) total += rows[j]![lineColumns] as number;
    // The k-th value (1-based) of the line.
    const at = (k: number) => {
      let seen = 0;
      for (let x = i; x < j; x++) {
        const n = rows[x]![lineColumns] as number;
        seen += n;
        if (seen >= k) return (rows[x]![lineColumns + 1] as number) / n;
      }
      return 0;
    };
    out.set(lineOf(rows[i]!), (at(Math.floor((total + 1) / 2)) + at(Math.floor(total / 2) + 1)) / 2);
    i = j;
  }
  return out;
}

export const lineKey = (dim: string, key: string) => `${dim}\n${key}`;

// Medians per histogram line (lineKey; dimension '' is the office) for one period ('YYYY' or 'YYYY-MM').
export function periodMedians(db: Db, period: string): Map<string, number | null> {
  const rows = rawRows(db, 'SELECT dim, key, n, minutes FROM recap_minutes WHERE period = ? AND n > 0 ORDER BY dim, key, bucket').all(period) as BucketRow[];
  return mediansOf(rows, 2, (r) => lineKey(r[0] as string, r[1] as string));
}

// The office's median per month of a run of months.
export function monthlyMedians(db: Db, months: string[]): Map<string, number | null> {
  const sql = "SELECT period, n, minutes FROM recap_minutes WHERE period BETWEEN ? AND ? AND dim = '' AND n > 0 ORDER BY period, bucket";
  return mediansOf(rawRows(db, sql).all(months[0], months[months.length - 1]) as BucketRow[], 1, (r) => r[0] as string);
}

export interface StepTally {
  done: number;
  onTime: number;
  minutesSum: number;
  limitSum: number;
  minutesN: number;
}

// A step of one standard version (0: a complaint with none) done over a run of months.
export interface VersionStepTally extends StepTally {
  versionId: number;
  stepNo: number;
}

export function stepCounts(db: Db, months: string[]): { byStep: Map<string, VersionStepTally>; byMonth: Map<string, { done: number; onTime: number }> } {
  const rows = stmt(db, 'SELECT month, version_id, step_no, done, on_time, minutes_sum, limit_sum, minutes_n FROM recap_steps WHERE month BETWEEN ? AND ?').all(
    months[0],
    months[months.length - 1],
  ) as { month: string; version_id: number; step_no: number; done: number; on_time: number; minutes_sum: number; limit_sum: number; minutes_n: number }[];
  const byStep = new Map<string, VersionStepTally>();
  const byMonth = new Map<string, { done: number; onTime: number }>();
  for (const r of rows) {
    const key = `${r.version_id} ${r.step_no}`;
    const s = byStep.get(key) ?? { versionId: r.version_id, stepNo: r.step_no, done: 0, onTime: 0, minutesSum: 0, limitSum: 0, minutesN: 0 };
    s.done += r.done;
    s.onTime += r.on_time;
    s.minutesSum += r.minutes_sum;
    s.limitSum += r.limit_sum;
    s.minutesN += r.minutes_n;
    byStep.set(key, s);
    const m = byMonth.get(r.month) ?? { done: 0, onTime: 0 };
    m.done += r.done;
    m.onTime += r.on_time;
    byMonth.set(r.month, m);
  }
  return { byStep, byMonth };
}

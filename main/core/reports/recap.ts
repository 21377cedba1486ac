import { CATEGORIES, CATEGORY_LABEL, CHANNEL_CODES, CHANNEL_LABEL, COMPLAINT_KIND_LABEL, COMPLAINT_KINDS, NO_SEKSI_LABEL, STATUS_LABEL, STATUSES } from '../../../shared/domain';
import {
  OUTCOME_LABEL,
  RECAP_DIMENSIONS,
  type Recap,
  type RecapDimension,
  type RecapFigures,
  type RecapQuery,
  type RecapRow,
  type RecapStep,
} from '../../../shared/reports/recap';
import { versiText } from '../../../shared/registerQuery';
import { formatDuration, formatTanggal, monthLabel, periodLabel } from '../../../shared/time/format';
import type { Db } from '../db/open';
import { getOffice } from '../office/settings';
import { currentStandard, officeCalendar, standardVersion, versionIds } from '../workflow/standard';
import { holidaysRecorded } from '../../../shared/time/workingTime';
import { reportSignOff } from './signOff';
import { lineKey, localMonth, monthKey, monthlyMedians, periodCounts, periodMedians, stepCounts, type StepTally, type Tally, type VersionStepTally } from './summaries';

// The buku rekap for a month or a year, from the summary tables only: aggregates, no
// personal data, so every role that handles complaints may read it.

const ORDER: Record<RecapDimension, readonly string[]> = {
  channel: CHANNEL_CODES,
  category: CATEGORIES,
  kind: COMPLAINT_KINDS,
  seksi: [],
  stage: STATUSES,
  outcome: Object.keys(OUTCOME_LABEL),
};

const LABELS: Record<RecapDimension, Record<string, string>> = {
  channel: CHANNEL_LABEL,
  category: CATEGORY_LABEL,
  kind: COMPLAINT_KIND_LABEL,
  seksi: { '': NO_SEKSI_LABEL },
  stage: STATUS_LABEL,
  outcome: OUTCOME_LABEL,
};

// Seksi as the accounts name them, the not-yet-disposed last; others in the domain's order.
function rank(dim: RecapDimension, key: string): [number, string] {
  if (dim === 'seksi') return [key === '' ? 1 : 0, key];
  const i = ORDER[dim].indexOf(key);
  return [i < 0 ? ORDER[dim].length : i, key];
}

function figuresOf(t: Tally, median: number | null | undefined, steps: { done: number; onTime: number } | null): RecapFigures {
  return {
    received: t.received,
    finished: t.finished,
    finishedOnTime: t.onTime,
    finishedUntimed: t.untimed,
    stepsDone: steps ? steps.done : null,
    stepsOnTime: steps ? steps.onTime : null,
    avgWorkMinutes: t.minutesN ? t.minutesSum / t.minutesN : null,
    medianWorkMinutes: median ?? null,
    openAtEnd: t.open,
    lateAtEnd: t.late,
    puas: t.puas,
    tidakPuas: t.tidakPuas,
  };
}

const idle = (t: Tally) => !t.received && !t.finished && !t.open && !t.late && !t.minutesN;

// Every step of the office's current standard, and every other step done in the period,
// each named and limited as the standard version it was done under wrote it: a step's
// number is its version's, and a version may number its steps anew. Steps of several
// versions alike in number, activity and limit are one row. A row says which versions it
// counts (versi, as the screens number them) where its number is not the current
// standard's step of that name and limit, or where another row's steps done share it (the
// register's list of a row's steps then asks for those versions).
export function stepRows(db: Db, byStep: Map<string, VersionStepTally>): RecapStep[] {
  const ids = versionIds(db);
  const numberOf = new Map(ids.map((id, i) => [id, i + 1]));
  const current = currentStandard(db);
  const rows = new Map<string, { stepNo: number; activity: string; limit: string | null; t: StepTally; versions: number[]; current: boolean }>();
  const rowOf = (stepNo: number, activity: string, limit: string | null) => {
    const key = `${stepNo}\n${activity}\n${limit}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { stepNo, activity, limit, t: { done: 0, onTime: 0, minutesSum: 0, limitSum: 0, minutesN: 0 }, versions: [], current: false }));
    return r;
  };
  for (const step of current.steps) rowOf(step.no, step.activity, formatDuration(step.duration)).current = true;
  for (const v of byStep.values()) {
    // A step done and undone (or moved to another version) leaves its counters at 0.
    if (!v.done) continue;
    const step = (v.versionId ? standardVersion(db, v.versionId) : current).steps[v.stepNo - 1];
    const r = step ? rowOf(v.stepNo, step.activity, formatDuration(step.duration)) : rowOf(v.stepNo, `Langkah ${v.stepNo}`, null);
    for (const k of ['done', 'onTime', 'minutesSum', 'limitSum', 'minutesN'] as const) r.t[k] += v[k];
    const n = numberOf.get(v.versionId);
    if (n !== undefined && !r.versions.includes(n)) r.versions.push(n);
  }
  const doneUnder = new Map<number, number>();
  for (const r of rows.values()) {
    r.versions.sort((a, b) => a - b);
    if (r.t.done) doneUnder.set(r.stepNo, (doneUnder.get(r.stepNo) ?? 0) + 1);
  }
  return [...rows.values()]
    .sort((a, b) => a.stepNo - b.stepNo || Number(b.current) - Number(a.current) || (a.versions[0] ?? 0) - (b.versions[0] ?? 0))
    .map((r) => {
      const versi = r.versions.length && (!r.current || (doneUnder.get(r.stepNo) ?? 0) > 1) ? r.versions : null;
      return {
        stepNo: r.stepNo,
        activity: r.activity + versiText(versi),
        done: r.t.done,
        onTime: r.t.onTime,
        avgWorkMinutes: r.t.minutesN ? r.t.minutesSum / r.t.minutesN : null,
        limitMinutes: r.t.minutesN ? r.t.limitSum / r.t.minutesN : null,
        limit: r.limit,
        versi,
      };
    });
}

// As it stands at `now`: a period not yet over counts what is open and late as of now.
export function recap(db: Db, q: RecapQuery, now: Date): Recap {
  const office = getOffice(db);
  const months = q.month ? [monthKey(q.year, q.month)] : Array.from({ length: 12 }, (_, i) => monthKey(q.year, i + 1));
  const counts = periodCounts(db, months, now.toISOString());
  const medians = periodMedians(db, q.month ? months[0]! : String(q.year));
  const monthMedians = monthlyMedians(db, months);
  const steps = stepCounts(db, months);
  const stepsTotal = [...steps.byMonth.values()].reduce((s, m) => ({ done: s.done + m.done, onTime: s.onTime + m.onTime }), { done: 0, onTime: 0 });
  const total = figuresOf(counts.total, medians.get(lineKey('', '')), stepsTotal);
  return {
    year: q.year,
    month: q.month ?? null,
    periodLabel: periodLabel(q.year, q.month),
    officeName: office.name,
    asOf: months[months.length - 1]! >= localMonth(db, now.toISOString()) ? formatTanggal(now, office.timeZone) : null,
    holidaysMissing: !holidaysRecorded(officeCalendar(db).closures, q.year),
    total,
    months: months.map(
      (m): RecapRow => ({
        key: m,
        label: monthLabel(m),
        ...figuresOf(counts.byMonth.get(m)!, monthMedians.get(m), steps.byMonth.get(m) ?? { done: 0, onTime: 0 }),
      }),
    ),
    tables: RECAP_DIMENSIONS.map((dim) => ({
      dimension: dim,
      total,
      rows: [...counts.byKey[dim].entries()]
        .filter(([, t]) => !idle(t))
        .sort(([a], [b]) => {
          const [ra, ka] = rank(dim, a);
          const [rb, kb] = rank(dim, b);
          return ra - rb || ka.localeCompare(kb, 'id');
        })
        .map(([key, t]) => ({ key, label: LABELS[dim][key] ?? key, ...figuresOf(t, medians.get(lineKey(dim, key)), null) })),
    })),
    steps: stepRows(db, steps.byStep),
    signOff: reportSignOff(db, now),
  };
}

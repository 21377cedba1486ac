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
import { formatDuration, formatTanggal, monthLabel, periodLabel } from '../../../shared/time/format';
import type { Db } from '../db/open';
import { getOffice } from '../office/settings';
import { currentStandard } from '../workflow/standard';
import { reportSignOff } from './signOff';
import { lineKey, localMonth, monthKey, monthlyMedians, periodCounts, periodMedians, stepCounts, type StepTally, type Tally } from './summaries';

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

// Every step of the office's current standard (and any other step number done in the
// period), with what was done of it.
export function stepRows(db: Db, byStep: Map<number, StepTally>): RecapStep[] {
  const standard = currentStandard(db);
  const numbers = [...new Set([...standard.steps.map((s) => s.no), ...byStep.keys()])].sort((a, b) => a - b);
  return numbers.map((no) => {
    const t = byStep.get(no);
    const step = standard.steps[no - 1];
    return {
      stepNo: no,
      activity: step?.activity ?? `Langkah ${no}`,
      done: t?.done ?? 0,
      onTime: t?.onTime ?? 0,
      avgWorkMinutes: t?.minutesN ? t.minutesSum / t.minutesN : null,
      limitMinutes: t?.minutesN ? t.limitSum / t.minutesN : null,
      limit: step ? formatDuration(step.duration) : null,
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

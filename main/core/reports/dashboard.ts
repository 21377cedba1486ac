import { CHANNEL_CODES, CHANNEL_LABEL, NO_SEKSI_LABEL } from '../../../shared/domain';
import type { Dashboard } from '../../../shared/reports/dashboard';
import { monthLabel } from '../../../shared/time/format';
import { localDate, type Pause } from '../../../shared/time/workingTime';
import type { CoreDeps } from '../context';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { getOffice } from '../office/settings';
import { skmMonth } from '../skm/responses';
import { riskAt } from '../workflow/queue';
import { officeCalendar } from '../workflow/standard';
import { stepRows } from './recap';
import { monthsEnding, periodCounts, stepCounts } from './summaries';

// The Camat's page: the month's received and finished from the summaries; open, late and
// at risk right now on the standard's clock (the whole Standar Pelayanan's due, not the
// step's), counted over the open complaints' partial index; the trend and slowest steps
// over the 12 months ending with the month; the month's IKM from the SKM's own counters.

interface OpenGroup {
  seksi: string;
  channel: string;
  open: number;
  late: number;
}

interface Keyed {
  key: string;
  label: string;
  received: number;
  open: number;
  late: number;
}

// A file waiting for the reporter (tidak lengkap) is open but its clock stands still: never
// late or at risk. The open rows' own index holds every column asked, in the grouping order.
const OPEN_NOW = `SELECT seksi, channel, count(*) AS open, sum(status <> 'tidak_lengkap' AND due_at < ?) AS late
  FROM complaints INDEXED BY complaints_open_standard WHERE closed_at IS NULL GROUP BY seksi, channel`;
const RUNNING = `SELECT id, clock_started_at, due_at FROM complaints
  WHERE closed_at IS NULL AND due_at >= ? AND status <> 'tidak_lengkap' AND clock_started_at IS NOT NULL`;
const OPEN_PAUSES = `SELECT p.complaint_id AS id, p.from_at AS "from", p.to_at AS "to" FROM pauses p
  WHERE p.complaint_id IN (SELECT id FROM complaints WHERE closed_at IS NULL) ORDER BY p.id`;

// Less than a quarter of the standard's working time left (the queues' 'berisiko').
function atRiskNow(deps: CoreDeps, now: string): number {
  const { db } = deps;
  const cal = officeCalendar(db);
  const pauses = new Map<number, Pause[]>();
  for (const p of stmt(db, OPEN_PAUSES).all() as (Pause & { id: number })[]) {
    const list = pauses.get(p.id) ?? [];
    list.push({ from: p.from, to: p.to });
    pauses.set(p.id, list);
  }
  let n = 0;
  for (const c of stmt(db, RUNNING).all(now) as { id: number; clock_started_at: string; due_at: string }[]) {
    if (riskAt(now, c.clock_started_at, c.due_at, cal, pauses.get(c.id) ?? []) === 'berisiko') n++;
  }
  return n;
}

// Received in the month per seksi and per channel.
function receivedIn(db: Db, month: string) {
  const out = { seksi: new Map<string, { received: number }>(), channel: new Map<string, { received: number }>() };
  const rows = stmt(db, "SELECT dim, key, received FROM recap_counts WHERE month = ? AND dim IN ('seksi', 'channel') AND received <> 0").all(month) as {
    dim: 'seksi' | 'channel';
    key: string;
    received: number;
  }[];
  for (const r of rows) out[r.dim].set(r.key, { received: r.received });
  return out;
}

function keyed(received: Map<string, { received: number }>, open: Map<string, { open: number; late: number }>, label: (key: string) => string, order: (a: string, b: string) => number): Keyed[] {
  const keys = [...new Set([...received.keys(), ...open.keys()])].sort(order);
  return keys
    .map((key) => ({ key, label: label(key), received: received.get(key)?.received ?? 0, open: open.get(key)?.open ?? 0, late: open.get(key)?.late ?? 0 }))
    .filter((k) => k.received || k.open || k.late);
}

function sumBy(groups: OpenGroup[], key: 'seksi' | 'channel') {
  const out = new Map<string, { open: number; late: number }>();
  for (const g of groups) {
    const t = out.get(g[key]) ?? { open: 0, late: 0 };
    t.open += g.open;
    t.late += g.late;
    out.set(g[key], t);
  }
  return out;
}

export function dashboard(deps: CoreDeps, q: { year?: number; month?: number }): Dashboard {
  const { db } = deps;
  const nowDate = deps.now();
  const now = nowDate.toISOString();
  const today = localDate(nowDate, getOffice(db).timeZone);
  const year = q.year ?? Number(today.slice(0, 4));
  const month = q.month ?? (q.year === undefined ? Number(today.slice(5, 7)) : 12);
  const trendMonths = monthsEnding(year, month, 12);
  const trend = periodCounts(db, trendMonths, now);
  const thisMonth = trend.byMonth.get(trendMonths[11]!)!;
  const received = receivedIn(db, trendMonths[11]!);
  const groups = stmt(db, OPEN_NOW).all(now) as OpenGroup[];
  const ikm = skmMonth(db, year, month);
  const channelOrder = (a: string, b: string) => CHANNEL_CODES.indexOf(a as never) - CHANNEL_CODES.indexOf(b as never);
  const seksiOrder = (a: string, b: string) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || a.localeCompare(b, 'id');
  return {
    year,
    month,
    periodLabel: monthLabel(trendMonths[11]!),
    received: thisMonth.received,
    finished: thisMonth.finished,
    open: groups.reduce((s, g) => s + g.open, 0),
    late: groups.reduce((s, g) => s + g.late, 0),
    atRisk: atRiskNow(deps, now),
    bySeksi: keyed(received.seksi, sumBy(groups, 'seksi'), (k) => k || NO_SEKSI_LABEL, seksiOrder),
    byChannel: keyed(received.channel, sumBy(groups, 'channel'), (k) => CHANNEL_LABEL[k as keyof typeof CHANNEL_LABEL] ?? k, channelOrder),
    trend: trendMonths.map((m) => {
      const t = trend.byMonth.get(m)!;
      return { key: m, label: `${monthLabel(m).slice(0, 3)} ${m.slice(0, 4)}`, received: t.received, finished: t.finished, lateAtEnd: t.late, running: m === trend.nowMonth };
    }),
    slowestSteps: stepRows(db, stepCounts(db, trendMonths).byStep)
      .filter((s) => s.avgWorkMinutes !== null)
      .sort((a, b) => slowness(b) - slowness(a)),
    ikm: { value: ikm.ikm, grade: ikm.grade, respondents: ikm.respondents },
  };
}

const slowness = (s: { avgWorkMinutes: number | null; limitMinutes: number | null }) => (s.limitMinutes ? (s.avgWorkMinutes ?? 0) / s.limitMinutes : Infinity);

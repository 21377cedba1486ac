import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../main/core';
import type { SessionCarrier } from '../../main/core/context';
import { DEMO_PASSWORD, seedDemo } from '../../main/core/demo/seed';
import { pausesOf } from '../../main/core/workflow/engine';
import { riskOf } from '../../main/core/workflow/queue';
import { officeCalendar } from '../../main/core/workflow/standard';
import type { Journey, Task } from '../../shared/schemas/workflow';
import { CLOCKS, TASK_FILTERS, matchesTaskFilter, type Clock, type Risk, type TaskFilter } from '../../shared/domain';
import { carrier, makeCore, ok, type TestCore } from '../support/core';

// The office list a page at a time answers exactly what the whole list did when it read
// every open complaint, worked out each one's clocks and sorted them (late first on the
// chosen clock, then by its due, paused files last): the same complaints in the same
// order with the same states, at every clock, filter and sort, across writes and across
// the instants at which a clock turns at risk or late.

const NOW = '2026-11-25T03:00:00.000Z'; // Wed 25 Nov 2026 10.00 WIB
let t: TestCore;
let camat: SessionCarrier;

beforeAll(async () => {
  t = makeCore(NOW);
  await seedDemo(t.core.deps, 40);
}, 240_000);
afterAll(() => t?.dispose());

async function login(): Promise<void> {
  camat = carrier();
  await ok(t.core, camat, 'auth.login', { username: 'camat', password: DEMO_PASSWORD });
}

type Lite = Pick<Task, 'complaintId' | 'paused' | 'risk' | 'standardRisk' | 'dueAt' | 'standardDueAt' | 'remainingMinutes' | 'daysBehind' | 'daysLeft'>;

// A task's clocks as its complaint's journey gives them: a paused file's step clock reads
// 0 minutes, 0 days and aman.
const clocksOf = (j: Journey) => ({
  remainingMinutes: j.paused ? 0 : j.current!.remainingMinutes,
  daysBehind: j.paused ? 0 : j.current!.daysBehind,
  daysLeft: j.paused ? 0 : j.current!.daysLeft,
  risk: j.paused ? ('aman' as const) : j.current!.risk,
  standardRisk: j.standardRisk,
});

// The whole list as the former code built it, from each open complaint's journey (its
// clocks worked out one by one) and the same order: paused last, then late, at risk, on
// time (no clock: after those), then the clock's due, then id.
async function expected(sort: Clock, filter: TaskFilter | undefined): Promise<Lite[]> {
  const open = t.core.db.prepare('SELECT id, step_due_at, due_at FROM complaints WHERE closed_at IS NULL ORDER BY id').all() as { id: number; step_due_at: string; due_at: string | null }[];
  const all: Lite[] = [];
  for (const c of open) {
    const j = await ok(t.core, camat, 'workflow.journey', { id: c.id });
    all.push({ complaintId: c.id, paused: j.paused, ...clocksOf(j), dueAt: c.step_due_at, standardDueAt: j.paused ? null : c.due_at });
  }
  const rank = (x: Lite) => {
    const r = sort === 'langkah' ? x.risk : x.standardRisk;
    return r === null ? 3 : { terlambat: 0, berisiko: 1, aman: 2 }[r];
  };
  const due = (x: Lite) => (sort === 'langkah' ? x.dueAt : (x.standardDueAt ?? '\uffff'));
  return all
    .filter((x) => filter === undefined || matchesTaskFilter(x, filter))
    .sort((a, b) => Number(a.paused) - Number(b.paused) || rank(a) - rank(b) || due(a).localeCompare(due(b)) || a.complaintId - b.complaintId);
}

const lite = (x: Task): Lite => ({
  complaintId: x.complaintId,
  paused: x.paused,
  risk: x.risk,
  standardRisk: x.standardRisk,
  dueAt: x.dueAt,
  standardDueAt: x.standardDueAt,
  remainingMinutes: x.remainingMinutes,
  daysBehind: x.daysBehind,
  daysLeft: x.daysLeft,
});

// Every page of 7 in turn, and the same list in one page of 200.
async function paged(sort: Clock, filter: TaskFilter | undefined): Promise<{ rows: Task[]; totals: number[]; whole: Task[] }> {
  const rows: Task[] = [];
  const totals: number[] = [];
  for (let offset = 0; ; offset += 7) {
    const page = await ok(t.core, camat, 'tasks.office', { sort, filter, offset, limit: 7 });
    totals.push(page.total);
    rows.push(...page.rows);
    if (page.rows.length < 7) break;
  }
  return { rows, totals, whole: (await ok(t.core, camat, 'tasks.office', { sort, filter, limit: 200 })).rows };
}

async function checkEverything(label: string): Promise<Record<string, number>> {
  const seen: Record<string, number> = {};
  for (const sort of CLOCKS) {
    for (const filter of [undefined, ...TASK_FILTERS]) {
      const want = await expected(sort, filter);
      const got = await paged(sort, filter);
      const what = `${label} ${sort} ${filter ?? 'semua'}`;
      expect(got.rows.map(lite), what).toEqual(want);
      expect(new Set(got.totals), what).toEqual(new Set([want.length]));
      expect(got.whole, what).toEqual(got.rows);
      seen[`${sort} ${filter ?? 'semua'}`] = want.length;
    }
  }
  return seen;
}

describe('office list, a page at a time', () => {
  it('answers at several clocks, with every filter and sort, what the whole list answered', async () => {
    const clocks = [NOW, '2026-11-25T07:45:00.000Z', '2026-11-26T02:10:00.000Z', '2026-11-30T04:00:00.000Z'];
    let states = 0;
    for (const at of clocks) {
      t.clock.set(at);
      await login();
      const seen = await checkEverything(at);
      states += seen['langkah langkah_berisiko']! + seen['standar standar_berisiko']!;
      expect(seen['langkah semua']!, at).toBeGreaterThan(20);
    }
    // The demo office has clocks at risk to tell apart from those on time.
    expect(states).toBeGreaterThan(0);
    // And back in time: states decided later are not kept.
    t.clock.set(NOW);
    await login();
    await checkEverything(`${NOW} lagi`);
  }, 240_000);

  it('follows every write, and a clock turning at risk or late between two calls', async () => {
    t.clock.set(NOW);
    await login();
    // A file paused and another advanced: the list follows at once.
    const first = (await ok(t.core, camat, 'tasks.office', {})).rows;
    const running = first.find((x) => !x.paused && x.stepNo === 2)!;
    await ok(t.core, camat, 'workflow.exit', { id: running.complaintId, exit: 'tidak_lengkap', note: 'KTP pelapor belum dilampirkan.' });
    await checkEverything('setelah berhenti');
    const paused = (await ok(t.core, camat, 'tasks.office', {})).rows.find((x) => x.complaintId === running.complaintId)!;
    expect(paused.paused).toBe(true);
    await ok(t.core, camat, 'workflow.resume', { id: running.complaintId, note: 'KTP sudah diserahkan.' });
    await checkEverything('setelah dilanjutkan');

    // A step clock on time now: one millisecond before it turns at risk, at that instant,
    // at its due and one millisecond past it.
    const cal = officeCalendar(t.core.db);
    const onTime = (await ok(t.core, camat, 'tasks.office', { limit: 200 })).rows.find((x) => !x.paused && x.risk === 'aman')!;
    const pauses = pausesOf(t.core.db, onTime.complaintId);
    const riskAt = (ms: number): Risk => riskOf(new Date(ms).toISOString(), onTime.startedAt, onTime.dueAt, cal, pauses).risk;
    let safe = Date.parse(NOW);
    let risky = Date.parse(onTime.dueAt);
    while (risky - safe > 1) {
      const mid = Math.floor((safe + risky) / 2);
      if (riskAt(mid) === 'aman') safe = mid;
      else risky = mid;
    }
    const riskOfIt = async (ms: number) => {
      t.clock.set(new Date(ms).toISOString());
      const rows = (await ok(t.core, camat, 'tasks.office', { limit: 200 })).rows;
      return rows.find((x) => x.complaintId === onTime.complaintId)!.risk;
    };
    const due = Date.parse(onTime.dueAt);
    expect([await riskOfIt(risky - 1), await riskOfIt(risky), await riskOfIt(due), await riskOfIt(due + 1)]).toEqual(['aman', 'berisiko', 'berisiko', 'terlambat']);
    const atRisk = async (ms: number) => {
      t.clock.set(new Date(ms).toISOString());
      return (await ok(t.core, camat, 'tasks.office', { filter: 'langkah_berisiko', limit: 200 })).rows.some((x) => x.complaintId === onTime.complaintId);
    };
    expect([await atRisk(risky - 1), await atRisk(risky), await atRisk(due + 1)]).toEqual([false, true, false]);
  }, 240_000);

  it('answers, as time passes by seconds and milliseconds, what each journey says at that instant', async () => {
    // The lists keep each answer until one of its figures may change. Wed 25 Nov 2026 from
    // 11.58 WIB, over the break and on to closing time, in steps of 1 ms to 45 s.
    const as = async (username: string) => {
      const c = carrier();
      await ok(t.core, c, 'auth.login', { username, password: DEMO_PASSWORD });
      return c;
    };
    let kasi: SessionCarrier;
    let staf: SessionCarrier;
    let seed = 7;
    const step = () => ((seed = (seed * 48_271) % 2_147_483_647) % 45_000) + 1;
    const check = async (rows: Task[], what: string) => {
      for (const x of rows) {
        const j = await ok(t.core, camat, 'workflow.journey', { id: x.complaintId });
        expect({ remainingMinutes: x.remainingMinutes, daysBehind: x.daysBehind, daysLeft: x.daysLeft, risk: x.risk, standardRisk: x.standardRisk }, `${what} #${x.complaintId}`).toEqual(clocksOf(j));
      }
    };
    let moved = 0;
    let last = new Map<number, number>();
    for (let ms = Date.parse('2026-11-25T04:58:00.000Z'), n = 0; n < 90; n++, ms += n === 45 ? Date.parse('2026-11-25T08:58:00.000Z') - ms : step()) {
      t.clock.set(new Date(ms).toISOString());
      const at = t.clock.now().toISOString();
      // Signed in again after the jump to the afternoon (a session ends after 30 idle minutes).
      if (n % 45 === 0) {
        await login();
        [kasi, staf] = [await as('kasi.pelayanan'), await as('staf')];
      }
      const office = (await ok(t.core, camat, 'tasks.office', { limit: 200 })).rows;
      await check(office, `${at} kantor`);
      expect((await ok(t.core, camat, 'tasks.office', { offset: 7, limit: 7 })).rows, at).toEqual(office.slice(7, 14));
      for (const [who, c] of [['kasi', kasi!], ['staf', staf!]] as const) {
        const mine = await ok(t.core, c, 'tasks.mine', {});
        await check(mine, `${at} ${who}`);
        const late = mine.filter((x) => x.risk === 'terlambat' || x.standardRisk === 'terlambat').length;
        expect(await ok(t.core, c, 'tasks.counts', {}), `${at} ${who}`).toMatchObject({ mine: mine.length, late });
      }
      const minutes = new Map(office.map((x) => [x.complaintId, x.remainingMinutes]));
      moved += [...minutes].filter(([id, m]) => last.has(id) && last.get(id) !== m).length;
      last = minutes;
    }
    // The minutes shown moved while the office was open.
    expect(moved).toBeGreaterThan(100);
  }, 240_000);

  it('keeps a page over a change elsewhere in the list, with the total as it now stands', async () => {
    t.clock.set(NOW);
    await login();
    const first = await ok(t.core, camat, 'tasks.office', { offset: 0, limit: 5 });
    const whole = await ok(t.core, camat, 'tasks.office', { limit: 200 });
    const last = whole.rows.at(-1)!;
    const reopen = t.core.db.prepare('SELECT closed_at FROM complaints WHERE id = ?').pluck().get(last.complaintId);
    // Another PC closes the list's last complaint: the first page's rows stand, one fewer in all.
    const other = new Database(join(t.dir, DB_FILE));
    try {
      other.prepare('UPDATE complaints SET closed_at = ? WHERE id = ?').run(NOW, last.complaintId);
      expect(await ok(t.core, camat, 'tasks.office', { offset: 0, limit: 5 })).toEqual({ rows: first.rows, total: first.total - 1 });
      other.prepare('UPDATE complaints SET closed_at = ? WHERE id = ?').run(reopen, last.complaintId);
      expect(await ok(t.core, camat, 'tasks.office', { offset: 0, limit: 5 })).toEqual(first);
    } finally {
      other.close();
    }
  });

  it('counts for the menu every complaint the list shows late', async () => {
    t.clock.set('2026-11-26T02:10:00.000Z');
    await login();
    const late = await ok(t.core, camat, 'tasks.office', { filter: 'terlambat' });
    expect(late.total).toBeGreaterThan(0);
    expect((await ok(t.core, camat, 'tasks.counts', {})).late).toBe(late.total);
  });

  it('refuses a page beyond what a person can read at once', async () => {
    const r = await t.core.call('tasks.office', { limit: 500 }, camat);
    expect(r.ok).toBe(false);
  });
});

// `npm run bench:sweep`: every view of the register a user can reach, not only the bench's
// lines. Each filter the register and the dashboard give (alone), each with no words, a
// common word, two words and a rarer word, in every order and direction, for the Staf and
// a Kasi; each timed through the whole core on the bench's generated office (generate.ts),
// with the data unchanged, right after a change, and the first time it is asked in the
// process (what it lists of the register's sets then, for the views before it had not). It
// prints how many views pass 2, 5, 10, 30 and 100 ms, then the slowest. Figures only, like
// the bench; BENCH_SCALES picks the scales (100,000 by default), SWEEP_TOP how many of the
// slowest are printed, SWEEP_RUNS the calls timed per view.
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { ComplaintQuery } from '../../shared/schemas/complaint';
import { sortFields } from '../../shared/registerQuery';
import { createCore } from '../../main/core';
import { createSession } from '../../main/core/auth/sessions';
import type { SessionCarrier } from '../../main/core/context';
import { silentLog } from '../support/core';
import { BENCH_NOW, benchData, workingCopy } from './generate';

const SCALES = (process.env.BENCH_SCALES ?? '100000').split(',').map(Number);
const TOP = Number(process.env.SWEEP_TOP ?? 30);
const RUNS = Number(process.env.SWEEP_RUNS ?? 5);
const log = (m: string) => console.log(`[sweep] ${m}`);

interface View {
  who: string;
  query: ComplaintQuery;
  total: number;
  first: number;
  kept: number;
  changed: number;
}

const median = (t: number[]) => t.slice().sort((a, b) => a - b)[t.length >> 1]!;

async function sweepScale(scale: number): Promise<void> {
  const data = await benchData(scale, log);
  const dir = workingCopy(data);
  const core = createCore({ dataDir: dir, log: silentLog, now: () => new Date(BENCH_NOW) });
  try {
    const db = core.db;
    const session = (username: string): SessionCarrier => {
      const id = db.prepare('SELECT id FROM users WHERE username = ?').pluck().get(username) as number;
      const c: SessionCarrier = { token: createSession(core.deps, id), setToken: (t) => void (c.token = t) };
      return c;
    };
    const viewers = { Staf: session('staf'), Kasi: session('kasi.pelayanan') };
    const seksi = db.prepare("SELECT seksi FROM users WHERE role = 'kasi' AND seksi <> '' ORDER BY id LIMIT 1").pluck().get() as string;
    const filters: ComplaintQuery[] = [
      {},
      { year: 2025 },
      { year: 2025, month: 3 },
      { status: 'selesai' },
      { status: 'diterima' },
      { channel: 'surat' },
      { category: 'infrastruktur' },
      { seksi },
      { tanpaSeksi: true },
      { keadaan: 'belum_selesai' },
      { keadaan: 'terlambat' },
      { year: 2025, dateOf: 'selesai' },
      { year: 2025, month: 3, dateOf: 'selesai' },
      { langkah: { no: 2, dari: '2025-12', sampai: '2026-11' } },
      { langkah: { no: 3, dari: '2024-01', sampai: '2024-12', terlambat: true } },
      { year: 2024, channel: 'surat', status: 'selesai' },
    ];
    const words = [undefined, 'jalan', 'jalan krajan', 'sumur'];
    // A change the lists read (as a save on another PC), so the next call counts again.
    const touch = db.prepare('UPDATE counters SET value = value WHERE rowid = (SELECT min(rowid) FROM counters)');
    const views: View[] = [];
    const started = performance.now();
    for (const [who, s] of Object.entries(viewers)) {
      for (const filter of filters) {
        for (const q of words) {
          for (const sort of sortFields) {
            for (const dir of ['asc', 'desc'] as const) {
              const query: ComplaintQuery = { ...filter, ...(q ? { q } : {}), sort, dir };
              const call = async () => {
                const t0 = performance.now();
                const r = await core.call('complaints.list', query, s);
                if (!r.ok) throw new Error(`${JSON.stringify(query)}: ${r.error.message}`);
                return { ms: performance.now() - t0, total: (r.value as { total: number }).total };
              };
              const { total, ms: first } = await call();
              const kept: number[] = [];
              for (let i = 0; i < RUNS; i++) kept.push((await call()).ms);
              const changed: number[] = [];
              for (let i = 0; i < Math.max(1, RUNS >> 1); i++) {
                touch.run();
                changed.push((await call()).ms);
              }
              views.push({ who, query, total, first, kept: median(kept), changed: median(changed) });
            }
          }
        }
      }
    }
    log(`${scale}: ${views.length} tampilan dalam ${((performance.now() - started) / 1000).toFixed(0)} s`);
    for (const limit of [2, 5, 10, 30, 100]) {
      const over = (key: 'kept' | 'changed' | 'first') => views.filter((v) => v[key] > limit).length;
      log(`${scale}: di atas ${limit} ms: ${over('kept')} (data tetap), ${over('changed')} (sesudah perubahan), ${over('first')} (panggilan pertama)`);
    }
    const firsts = views.map((v) => v.first);
    log(`${scale}: panggilan pertama: jumlah ${(firsts.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s, terlama ${Math.max(...firsts).toFixed(0)} ms`);
    log(`${scale}: ${TOP} terlambat (p50 data tetap / sesudah perubahan, ms; jumlah; pengguna; kueri):`);
    const line = (v: View, ms: number[]) => console.log(`${ms.map((m) => m.toFixed(2).padStart(9)).join(' ')} ${String(v.total).padStart(7)} ${v.who.padEnd(5)} ${JSON.stringify(v.query)}`);
    for (const v of views.sort((a, b) => b.kept - a.kept).slice(0, TOP)) line(v, [v.kept, v.changed]);
    for (const [key, what] of [['changed', 'sesudah perubahan'], ['first', 'panggilan pertama']] as const) {
      log(`${scale}: ${Math.min(TOP, 10)} terlama ${what} (ms; jumlah; pengguna; kueri):`);
      for (const v of views.sort((a, b) => b[key] - a[key]).slice(0, Math.min(TOP, 10))) line(v, [v[key]]);
    }
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  for (const scale of SCALES) await sweepScale(scale);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

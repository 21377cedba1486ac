// Fair twins: the SQL a core call issues, recorded from the call itself and replayed
// with statements prepared once, on the core's own connection (same file, same cache,
// same functions and temp triggers). Recording hooks better-sqlite3's Statement methods
// only while a warm-up call runs, so the twin follows the core as its statements change.
import Database from 'better-sqlite3';
import { WalkTooLong } from '../../main/core/complaints/sets';

type Method = 'run' | 'get' | 'all' | 'iterate' | 'exec';
type Mode = 'plain' | 'pluck' | 'raw' | 'expand';

export interface Recorded {
  sql: string;
  method: Method;
  params: unknown[];
  mode: Mode;
  // rowid of a row this statement inserted
  rowid?: number;
  // for iterate: how many rows the call asked for (it may stop before the last)
  nexts?: number;
  // stopped by the core on purpose (WalkTooLong)
  stops?: boolean;
}

type StatementProto = Record<'run' | 'get' | 'all' | 'iterate' | 'pluck' | 'raw' | 'expand', (this: Database.Statement, ...a: unknown[]) => unknown>;

const modes = new WeakMap<object, Mode>();
let proto: StatementProto | null = null;

// Must run before the core prepares anything: a statement's pluck/raw mode is set once,
// when the core's statement cache makes it, and the twin must read rows the same way.
export function trackStatementModes(): void {
  if (proto) return;
  const probe = new Database(':memory:');
  proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as StatementProto;
  probe.close();
  for (const m of ['pluck', 'raw', 'expand'] as const) {
    const original = proto[m];
    proto[m] = function (this: Database.Statement, toggle?: unknown) {
      modes.set(this, toggle === false ? 'plain' : m);
      return toggle === undefined ? original.call(this) : original.call(this, toggle);
    };
  }
}

// Runs fn once and returns every statement it ran, in order, with its parameters.
export async function record(db: Database.Database, fn: () => Promise<unknown>): Promise<Recorded[]> {
  if (!proto) throw new Error('trackStatementModes() first');
  const p = proto;
  const log: Recorded[] = [];
  const saved = { run: p.run, get: p.get, all: p.all, iterate: p.iterate };
  for (const m of ['run', 'get', 'all', 'iterate'] as const) {
    const original = saved[m];
    p[m] = function (this: Database.Statement, ...params: unknown[]) {
      const entry: Recorded = { sql: this.source, method: m, params: params.map(copyParam), mode: modes.get(this) ?? 'plain' };
      log.push(entry);
      let out: unknown;
      try {
        out = original.apply(this, params);
      } catch (err) {
        // A statement the core stops on purpose (a register walk past its allowance) is
        // replayed as far: it stops there again.
        if (err instanceof WalkTooLong) entry.stops = true;
        throw err;
      }
      if (m === 'iterate') return counted(out as IterableIterator<unknown>, entry);
      if (m === 'run' && (out as Database.RunResult).changes > 0 && /^\s*(INSERT|REPLACE)/i.test(this.source)) entry.rowid = Number((out as Database.RunResult).lastInsertRowid);
      return out;
    };
  }
  const exec = db.exec;
  db.exec = function (this: Database.Database, sql: string) {
    log.push({ sql, method: 'exec', params: [], mode: 'plain' });
    return exec.call(this, sql);
  };
  try {
    await fn();
  } finally {
    Object.assign(p, saved);
    db.exec = exec;
  }
  return log;
}

// The rows an iterate() hands out, counted into its entry as they are asked for.
function counted(rows: IterableIterator<unknown>, entry: Recorded): IterableIterator<unknown> {
  entry.nexts = 0;
  return {
    next: () => {
      entry.nexts!++;
      return rows.next();
    },
    return: (value?: unknown) => rows.return?.(value) ?? { done: true, value },
    [Symbol.iterator]() {
      return this;
    },
  };
}

// An iterate() replayed as far as the call read it.
function replayIterate(stmt: Database.Statement, params: unknown[], nexts: number | undefined): void {
  const rows = stmt.iterate(...params);
  for (let i = 0; i !== nexts; i++) if (rows.next().done) return;
  rows.return?.();
}

const copyParam = (v: unknown) => (v && typeof v === 'object' && !Buffer.isBuffer(v) && !ArrayBuffer.isView(v) ? { ...(v as object) } : v);

// How the twin fills one parameter on each replay: as recorded, the id the twin's own
// earlier INSERT got, or (when two calls gave different values: numbers, register
// numbers, hashes) a value unique to this replay, so repeated INSERTs do not collide.
type Slot = { fixed: unknown } | { ref: number } | { unique: 'number' | 'string'; base: unknown };

const same = (a: unknown, b: unknown) =>
  a === b || (Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b)) || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));

export interface Twin {
  statements: number;
  run(): void;
}

let uniqueCounter = 0;

// A twin from two recordings of the same call made one after the other; null (and why)
// when the two did not run the same statements.
export function buildTwin(db: Database.Database, a: Recorded[], b: Recorded[]): Twin | string {
  if (a.length !== b.length) return `dua rekaman berbeda (${a.length} vs ${b.length} pernyataan)`;
  const producer = new Map<number, number>();
  const slot = (i: number, va: unknown, vb: unknown): Slot => {
    if (same(va, vb)) return { fixed: vb };
    if (typeof vb === 'number' && producer.has(vb) && producer.get(vb)! < i) return { ref: producer.get(vb)! };
    if (typeof vb === 'number' || typeof vb === 'bigint') return { unique: 'number', base: vb };
    if (typeof vb === 'string') return { unique: 'string', base: vb };
    return { fixed: vb };
  };
  const prepare = preparer(db);
  const steps = b.map((e, i) => {
    const ea = a[i]!;
    if (ea.sql !== e.sql || ea.method !== e.method) throw new Error(`twin: statement ${i} differs between recordings`);
    if (e.rowid !== undefined) producer.set(e.rowid, i);
    if (e.method === 'exec') return { e, stmt: null, slots: [] as (Slot | Record<string, Slot>)[] };
    const stmt = prepare(e);
    const slots = e.params.map((p, j) => {
      const pa = ea.params[j];
      if (p && typeof p === 'object' && !Buffer.isBuffer(p) && !ArrayBuffer.isView(p)) {
        return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, slot(i, (pa as Record<string, unknown>)?.[k], v)]));
      }
      return slot(i, pa, p);
    });
    return { e, stmt, slots };
  });
  const fill = (s: Slot, produced: number[], k: number): unknown =>
    'fixed' in s ? s.fixed : 'ref' in s ? produced[s.ref] : s.unique === 'number' ? -(1_000_000 + k) : `${String(s.base)}~t${k}`;
  return {
    statements: steps.length,
    run() {
      const produced: number[] = [];
      try {
        for (let i = 0; i < steps.length; i++) {
          const { e, stmt, slots } = steps[i]!;
          if (!stmt) {
            db.exec(e.sql);
            continue;
          }
          const k = ++uniqueCounter;
          const params = slots.map((s) => ('fixed' in s || 'ref' in s || 'unique' in s ? fill(s as Slot, produced, k) : Object.fromEntries(Object.entries(s).map(([n, v]) => [n, fill(v, produced, k)]))));
          if (e.method === 'iterate') replayIterate(stmt, params, e.nexts);
          else if (e.method === 'run') {
            produced[i] = Number(stmt.run(...params).lastInsertRowid);
          } else stopping(e, () => stmt[e.method as 'get' | 'all'](...params));
        }
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    },
  };
}

// A statement replayed; one the core stopped stops again.
function stopping(e: Recorded, run: () => unknown): void {
  try {
    run();
  } catch (err) {
    if (!e.stops || !(err instanceof WalkTooLong)) throw err;
  }
}

// Each recorded statement prepared once, in the mode it was read in.
function preparer(db: Database.Database): (e: Recorded) => Database.Statement {
  const prepared = new Map<string, Database.Statement>();
  return (e) => {
    const key = `${e.mode}\n${e.sql}`;
    let stmt = prepared.get(key);
    if (!stmt) {
      stmt = db.prepare(e.sql);
      if (e.mode !== 'plain') stmt[e.mode](true);
      prepared.set(key, stmt);
    }
    return stmt;
  };
}

// The twin of a call whose statements differ from one call to the next (after a change,
// each reads what that change touched): it replays, right after the call, the very
// statements that call ran with their parameters. Only for calls that write nothing but
// their (empty) transactions, as a replayed write would be a change of its own.
export function replayer(db: Database.Database): (log: Recorded[]) => void {
  const prepare = preparer(db);
  return (log) => {
    try {
      for (const e of log) {
        if (e.method === 'exec') {
          db.exec(e.sql);
          continue;
        }
        if (e.method === 'run' && !/^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i.test(e.sql)) throw new Error(`kembar: panggilan menulis (${e.sql.slice(0, 60)})`);
        const stmt = prepare(e);
        if (e.method === 'iterate') replayIterate(stmt, e.params, e.nexts);
        else stopping(e, () => stmt[e.method as 'get' | 'all' | 'run'](...e.params));
      }
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
  };
}

// Fair twins: the SQL a core call issues, recorded from the call itself and replayed with
// statements prepared once, on the core's own connection (same file, same cache, same
// functions and temp triggers; for calls that each read pages no call read before, on a
// second connection opened alike, see run.ts). better-sqlite3's Statement methods are
// hooked once, before the core prepares anything, and stay hooked: recording switches them
// to note each statement, so the twin follows the core as its statements change, and the
// core runs the same methods whether recorded or not (they used to be swapped in and out of
// the prototype around each recorded call). A call timed while it is recorded (the lines
// after a change) pays only for noting its statements; their text, mode and inserted rowid
// are worked out after its timing. Not recording, a statement costs one extra check, in the
// core and in its twin alike.
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

// What a recorded call ran, noted as cheaply as it can be while the call runs (the
// statement, not yet its text and mode) and written out once it has returned. out: what
// a run() returned (for the rowid of a row it inserted).
export interface Ran {
  stmt: Database.Statement | null;
  sql?: string;
  method: Method;
  params: unknown[];
  out?: unknown;
  nexts?: number;
  stops?: boolean;
}

const modes = new WeakMap<object, Mode>();
let hooked = false;
// The calls being recorded now, or null.
let ran: Ran[] | null = null;

// Must run before the core prepares anything: a statement's pluck/raw mode is set once,
// when the core's statement cache makes it, and the twin must read rows the same way.
export function hookStatements(): void {
  if (hooked) return;
  hooked = true;
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as StatementProto;
  probe.close();
  for (const m of ['pluck', 'raw', 'expand'] as const) {
    const original = proto[m];
    proto[m] = function (this: Database.Statement, toggle?: unknown) {
      modes.set(this, toggle === false ? 'plain' : m);
      return toggle === undefined ? original.call(this) : original.call(this, toggle);
    };
  }
  for (const m of ['run', 'get', 'all', 'iterate'] as const) {
    const original = proto[m];
    proto[m] = function (this: Database.Statement, ...params: unknown[]) {
      if (ran === null) return original.apply(this, params);
      const r: Ran = { stmt: this, method: m, params: params.map(copyParam) };
      ran.push(r);
      let out: unknown;
      try {
        out = original.apply(this, params);
      } catch (err) {
        // A statement the core stops on purpose (a register walk past its allowance) is
        // replayed as far: it stops there again.
        if (err instanceof WalkTooLong) r.stops = true;
        throw err;
      }
      if (m === 'iterate') return counted(out as IterableIterator<unknown>, r);
      if (m === 'run') r.out = out;
      return out;
    };
  }
}

// Runs fn once and returns every statement it ran, in order, with its parameters.
export async function record(db: Database.Database, fn: () => Promise<unknown>): Promise<Recorded[]> {
  return written(await recording(db, fn));
}

// Runs fn once, recording what it ran: for a call timed while it is recorded, which
// written() turns into Recorded entries once the timing has ended.
export async function recording(db: Database.Database, fn: () => Promise<unknown>): Promise<Ran[]> {
  if (!hooked) throw new Error('hookStatements() first');
  hookExec(db);
  const log: Ran[] = (ran = []);
  try {
    await fn();
  } finally {
    ran = null;
  }
  return log;
}

export function written(log: Ran[]): Recorded[] {
  return log.map((r) => {
    const entry: Recorded = { sql: r.stmt ? r.stmt.source : r.sql!, method: r.method, params: r.params, mode: (r.stmt && modes.get(r.stmt)) ?? 'plain' };
    if (r.nexts !== undefined) entry.nexts = r.nexts;
    if (r.stops) entry.stops = true;
    const run = r.out as Database.RunResult | undefined;
    if (run?.changes && /^\s*(INSERT|REPLACE)/i.test(entry.sql)) entry.rowid = Number(run.lastInsertRowid);
    return entry;
  });
}

// The connection's exec, hooked once like the statements.
const execHooked = new WeakSet<Database.Database>();
function hookExec(db: Database.Database): void {
  if (execHooked.has(db)) return;
  execHooked.add(db);
  const exec = db.exec;
  db.exec = function (this: Database.Database, sql: string) {
    ran?.push({ stmt: null, sql, method: 'exec', params: [] });
    return exec.call(this, sql);
  };
}

// The rows an iterate() hands out, counted as they are asked for.
function counted(rows: IterableIterator<unknown>, entry: Ran): IterableIterator<unknown> {
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

// The bench's database: an office (Kec. Pegantenan, twelve steps, four Kasi of four
// seksi) with years of complaints. A few hundred are played through the app's own calls
// (the demo office: full journeys, pauses, exits, escalations, letters signed, audit
// rows), so every table holds rows exactly as the core writes them; those journeys are
// then cloned, shifted back in whole weeks over 2022–2026, with fresh text and
// reporters, by prepared INSERTs in large transactions (triggers fire as for the app:
// search index, summaries). Generated once per (scale, generator version, schema) and
// kept under the system temp folder.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createCore, DB_FILE } from '../../main/core';
import { hashPassword } from '../../main/core/auth/passwords';
import { complaintStateHash } from '../../main/core/complaints/events';
import { documentSettings } from '../../main/core/documents/settings';
import { createHash } from 'node:crypto';
import { MIGRATIONS } from '../../main/core/db/migrations';
import { openDatabase, PAGE_SIZE } from '../../main/core/db/open';
import { rng } from '../../main/core/demo/generator';
import { DEMO_PASSWORD, seedDemo } from '../../main/core/demo/seed';
import { getOffice } from '../../main/core/office/settings';
import { insertUser } from '../../main/core/users/handlers';
import { fillNumberPattern, REGISTER_URUT_DIGITS } from '../../shared/documents/numbering';
import { localDate } from '../../shared/time/workingTime';
import { silentLog } from '../support/core';
import { complaintText, makeVocabulary, reporter, type Rng } from './vocabulary';

export const GENERATOR_VERSION = 1;
// The bench's clock: the core runs with this "now", so open complaints stand where the
// demo placed them (new, at risk, late) whatever day the bench runs.
export const BENCH_NOW = '2026-11-20T03:00:00.000Z';
export { DEMO_PASSWORD };
const SEED_CASES = 240;
const FIRST_RECEIPT = Date.parse('2022-01-03T01:00:00.000Z');
// Open complaints as a share of all: an office with a backlog, every step occupied.
const OPEN_SHARE = 0.006;
const VOCABULARY = 6000;
const BATCH = 2000;
const WEEK = 7 * 86_400_000;

const EXTRA_KASI = [
  { username: 'kasi.kesos', name: 'Holisah, S.Sos.', seksi: 'Seksi Kesejahteraan Sosial', jabatan: 'Kepala Seksi Kesejahteraan Sosial' },
  { username: 'kasi.trantib', name: 'Moch. Haris, S.H.', seksi: 'Seksi Ketenteraman dan Ketertiban Umum', jabatan: 'Kepala Seksi Ketenteraman dan Ketertiban Umum' },
];
// Which seksi a category goes to (the dispositions of a clone go to that Kasi).
const SEKSI_OF: Record<string, string> = {
  administrasi_kependudukan: 'kasi.pelayanan',
  pelayanan_aparatur: 'kasi.pelayanan',
  pertanahan: 'kasi.pemerintahan',
  infrastruktur: 'kasi.pemerintahan',
  bantuan_sosial: 'kasi.kesos',
  kesehatan: 'kasi.kesos',
  pendidikan: 'kasi.kesos',
  ketertiban_umum: 'kasi.trantib',
  kebersihan_lingkungan: 'kasi.trantib',
};

export const cacheRoot = () => join(tmpdir(), 'tanggap-bench-cache');
// The schema a cached database was made with: the last migration and a hash of every
// migration's text, so an edited trigger or index is never measured on old data.
const schemaKey = (upTo = Math.max(...MIGRATIONS.map((m) => m.version))) => {
  const made = MIGRATIONS.filter((m) => m.version <= upTo);
  return `m${upTo}-${createHash('sha256').update(made.map((m) => `${m.version}\n${m.sql}`).join('\n')).digest('hex').slice(0, 12)}`;
};

export interface BenchData {
  // Folder with the generated database and its audit key (never written to by the bench).
  dir: string;
  scale: number;
  generatedMs: number;
  fromCache: boolean;
}

// The cached database of `scale` complaints, generated first when missing.
export async function benchData(scale: number, log: (m: string) => void): Promise<BenchData> {
  const dir = join(cacheRoot(), `v${GENERATOR_VERSION}-${schemaKey()}-${scale}`);
  const ready = join(dir, 'generated.json');
  if (process.env.BENCH_REGENERATE === '1') rmSync(dir, { recursive: true, force: true });
  if (!existsSync(ready)) bringForward(dir, scale, log);
  if (existsSync(ready)) {
    repage(dir, scale, log);
    return { ...(JSON.parse(readFileSync(ready, 'utf8')) as { scale: number; generatedMs: number }), dir, fromCache: true };
  }
  const t0 = performance.now();
  // A generation stopped part way (the process ended, the machine was switched off) goes
  // on from its last finished batch the next time: each batch is a transaction, and
  // cloning.json holds the state the cloning started from.
  const partial = `${dir}.partial`;
  const marker = join(partial, 'cloning.json');
  // One generation per folder: a lock beside it names the process making it.
  const lock = `${partial}.lock`;
  mkdirSync(cacheRoot(), { recursive: true });
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const pid = Number(readFileSync(lock, 'utf8'));
    if (pid !== process.pid && alive(pid)) throw new Error(`${scale} pengaduan sedang dibuat oleh proses ${pid} (${partial})`, { cause: err });
    writeFileSync(lock, String(process.pid));
  }
  try {
    let resume: CloneStart | null = null;
    if (existsSync(marker)) {
      resume = (JSON.parse(readFileSync(marker, 'utf8')) as { start: CloneStart }).start;
      log(`melanjutkan pembuatan ${scale.toLocaleString('id-ID')} pengaduan yang terhenti…`);
    } else {
      const seed = await seedData(log);
      rmSync(partial, { recursive: true, force: true });
      cpSync(seed, partial, { recursive: true });
      log(`membuat ${scale.toLocaleString('id-ID')} pengaduan…`);
    }
    const keep = (start: CloneStart) => writeFileSync(marker, JSON.stringify({ start }));
    cloneJourneys(join(partial, DB_FILE), scale, log, resume, keep);
    rmSync(marker);
    const generatedMs = performance.now() - t0;
    writeFileSync(join(partial, 'generated.json'), JSON.stringify({ scale, generatedMs }));
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
    return { dir, scale, generatedMs, fromCache: false };
  } finally {
    rmSync(lock, { force: true });
  }
}

// A database cached before later migrations were added is brought forward by the app's
// own migrations, as an office's database is on an update, when every migration it was
// made with is unchanged: new indexes or tables then cost a migration, not hours of
// generation at 1,000,000 complaints. The folder is renamed to the current schema.
function bringForward(dir: string, scale: number, log: (m: string) => void): void {
  if (!existsSync(cacheRoot())) return;
  const name = new RegExp(`^v${GENERATOR_VERSION}-m(\\d+)-[0-9a-f]{12}-${scale}$`);
  for (const old of readdirSync(cacheRoot())) {
    const m = name.exec(old);
    if (!m || old !== `v${GENERATOR_VERSION}-${schemaKey(Number(m[1]))}-${scale}` || !existsSync(join(cacheRoot(), old, 'generated.json'))) continue;
    log(`${scale.toLocaleString('id-ID')} pengaduan dari cache skema ${m[1]}: migrasi ke skema terbaru…`);
    const t0 = performance.now();
    openDatabase(join(cacheRoot(), old, DB_FILE)).close();
    renameSync(join(cacheRoot(), old), dir);
    log(`  migrasi selesai dalam ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return;
  }
}

// A database cached with pages of another size is rewritten by the app's own open, as an
// office's is, once here rather than on every run's copy.
function repage(dir: string, scale: number, log: (m: string) => void): void {
  const file = join(dir, DB_FILE);
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  const size = probe.pragma('page_size', { simple: true }) as number;
  probe.close();
  if (size === PAGE_SIZE) return;
  log(`${scale.toLocaleString('id-ID')} pengaduan dari cache dengan halaman ${size} bita: ditulis ulang dengan ${PAGE_SIZE} bita…`);
  const t0 = performance.now();
  openDatabase(file).close();
  log(`  selesai dalam ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// A private copy for one run: the calls write (sessions, new complaints, documents).
export function workingCopy(data: BenchData): string {
  const dir = mkdtempSync(join(tmpdir(), 'tanggap-bench-'));
  for (const f of [DB_FILE, 'kunci-segel-audit']) if (existsSync(join(data.dir, f))) cpSync(join(data.dir, f), join(dir, f));
  return dir;
}

// The demo office played through the core, plus two more Kasi; shared by every scale.
async function seedData(log: (m: string) => void): Promise<string> {
  const dir = join(cacheRoot(), `seed-v${GENERATOR_VERSION}-${schemaKey()}`);
  if (existsSync(dir)) return dir;
  // Built aside and renamed when complete, so two runs never share a half-made seed.
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  log(`memutar ${SEED_CASES} perjalanan pengaduan lewat core (sekali saja)…`);
  const core = createCore({ dataDir: partial, log: { ...silentLog, error: (m, err) => log(`${m} ${err instanceof Error ? err.stack : String(err)}`) }, now: () => new Date(BENCH_NOW) });
  try {
    await seedDemo(core.deps, SEED_CASES);
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const k of EXTRA_KASI) {
      insertUser(core.deps, k.username, hash, { name: k.name, nip: '198505052010011003', jabatan: k.jabatan, pangkat: 'Penata (III/c)', role: 'kasi', seksi: k.seksi, active: true });
    }
    core.db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (err) {
    core.close();
    rmSync(partial, { recursive: true, force: true });
    throw err;
  }
  core.close();
  if (!existsSync(dir)) renameSync(partial, dir);
  else rmSync(partial, { recursive: true, force: true });
  return dir;
}

type Row = Record<string, unknown>;

interface Template {
  row: Row;
  kasiId: number | null;
  kids: Record<string, Row[]>;
  audit: Row[];
}

// Tables whose rows belong to one complaint and are cloned with it, in insert order.
const CHILD_TABLES = ['complaint_steps', 'pauses', 'dispositions', 'follow_ups', 'complaint_events', 'issued_documents', 'document_parafs', 'deliveries'] as const;
const USER_COLUMNS = new Set(['to_user', 'from_user', 'completed_by', 'by_user', 'actor_id', 'user_id', 'created_by']);

const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;
const DAY = /^\d{4}-\d\d-\d\d$/;

// Moves a stored time `ms` earlier, keeping its text form (instant or calendar day).
function shifted(v: unknown, ms: number): unknown {
  if (ms === 0 || typeof v !== 'string' || v.length < 10 || v.length > 24) return v;
  if (v.length === 10) return DAY.test(v) ? new Date(Date.parse(`${v}T00:00:00Z`) - ms).toISOString().slice(0, 10) : v;
  if (!INSTANT.test(v)) return v;
  return v.endsWith('Z') ? new Date(Date.parse(v) - ms).toISOString() : new Date(Date.parse(`${v}Z`) - ms).toISOString().slice(0, v.length);
}

// A time cell of a template row, parsed once: `shifted` of it is the instant `ms` earlier
// in the same text form (a calendar day, an instant with Z, or a wall time without it).
interface TimeCell {
  i: number;
  ms: number;
  cut: number;
}
function timeCell(i: number, v: string): TimeCell {
  if (v.length === 10) return { i, ms: Date.parse(`${v}T00:00:00Z`), cut: 10 };
  return v.endsWith('Z') ? { i, ms: Date.parse(v), cut: 0 } : { i, ms: Date.parse(`${v}Z`), cut: v.length };
}
const moved = (c: TimeCell, ms: number) => {
  const iso = new Date(c.ms - ms).toISOString();
  return c.cut === 0 ? iso : iso.slice(0, c.cut);
};

interface RowShape {
  src: Row;
  // The values in the table's column order, Kasi put in; times still the template's.
  values: unknown[];
  times: TimeCell[];
}
type AuditSlot = 'event' | 'registerNo' | 'state';
const SLOT: Record<AuditSlot, string> = { event: '__bench_slot_event__', registerNo: '__bench_slot_registerNo__', state: '__bench_slot_state__' };
// Splits stringified audit data into text, slot name, text, … around the quoted slots.
const SLOT_SPLIT = /"__bench_slot_(event|registerNo|state)__"/;
interface Shape {
  kasi: number | null;
  row: RowShape;
  kids: { table: string; rows: RowShape[] }[];
  audit: { row: RowShape; parts: string[]; event: unknown }[];
  // Letters the template's later letters replaced: [letter, replaced by].
  superseded: (readonly [unknown, unknown])[];
}

// A process of another user (EPERM) is alive too.
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

// What the cloning started from: the next id of each table, the audit chain's last hash,
// the register's yearly counters (written again at the end) and the seed's statistics
// (set aside while cloning).
interface CloneStart {
  nextId: Record<string, number>;
  lastHash: string;
  seqs?: [number, number][];
  stats: unknown[][] | null;
}

const columnsOf = (db: Database.Database, table: string) => (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
const insertFor = (db: Database.Database, table: string, cols: string[]) =>
  db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);

function cloneJourneys(file: string, scale: number, log: (m: string) => void, resume: CloneStart | null, keep: (start: CloneStart) => void): void {
  const db = new Database(file);
  // Generation only: a WAL, so that a process ended part way leaves every finished batch
  // (and nothing of the unfinished one) for the next run to go on from, checkpointed
  // seldom; no fsync (a machine that loses power starts the generation again), a cache
  // that holds the indexes' working set at 1,000,000 complaints, statement journals in
  // memory, and no foreign-key lookups (every id is assigned here). The app's own pragmas
  // apply when it opens.
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 20000');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1048576');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = OFF');
  // The seed's statistics say each search index's segment table holds two rows, so the
  // planner scans the whole table for every segment a merge deletes: generation slowed
  // with every complaint. They are set aside while cloning and put back as they were.
  const stats = resume
    ? resume.stats
    : db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get()
      ? (db.prepare('SELECT rowid, tbl, idx, stat FROM sqlite_stat1 ORDER BY rowid').raw().all() as unknown[][])
      : null;
  if (stats) {
    db.exec('DELETE FROM sqlite_stat1');
    db.exec('ANALYZE sqlite_schema');
  }
  const r = rng(20260);
  const vocab = makeVocabulary(r, VOCABULARY);
  const office = getOffice(db);
  const tz = office.timeZone;
  const registerPattern = documentSettings(db).registerPattern;
  const users = Object.fromEntries((db.prepare('SELECT username, id FROM users').all() as { username: string; id: number }[]).map((u) => [u.username, u.id]));
  const kasiSeksi = new Map((db.prepare("SELECT id, seksi FROM users WHERE role = 'kasi'").all() as { id: number; seksi: string }[]).map((k) => [k.id, k.seksi]));

  // The journeys played through the app: every complaint, or those before the first clone.
  const templates: Template[] = (db.prepare('SELECT * FROM complaints WHERE id < ? ORDER BY id').all(resume?.nextId.complaints ?? Number.MAX_SAFE_INTEGER) as Row[]).map((row) => {
    const kids: Record<string, Row[]> = {};
    for (const t of CHILD_TABLES) {
      kids[t] =
        t === 'document_parafs'
          ? (db.prepare('SELECT p.* FROM document_parafs p JOIN issued_documents d ON d.id = p.document_id WHERE d.complaint_id = ? ORDER BY p.id').all(row.id) as Row[])
          : (db.prepare(`SELECT * FROM ${t} WHERE complaint_id = ? ORDER BY id`).all(row.id) as Row[]);
    }
    const audit = db.prepare("SELECT * FROM audit_log WHERE entity = 'complaint' AND entity_id = ? ORDER BY id").all(row.id) as Row[];
    const kasiId = (kids.dispositions!.find((d) => kasiSeksi.has(d.to_user as number))?.to_user as number | undefined) ?? null;
    return { row, kasiId, kids, audit };
  });
  const closed = templates.filter((t) => t.row.closed_at !== null);
  const open = templates.filter((t) => t.row.closed_at === null);

  // The plan: which journey each clone repeats and how many weeks earlier, in receipt order.
  const clones = Math.max(0, scale - templates.length);
  const openClones = Math.max(0, Math.round(scale * OPEN_SHARE) - open.length);
  const plan: { t: Template; ms: number; at: number }[] = [];
  for (let i = 0; i < clones; i++) {
    if (i < openClones) {
      plan.push({ t: open[i % open.length]!, ms: 0, at: Date.parse(open[i % open.length]!.row.received_at as string) });
      continue;
    }
    const t = closed[Math.floor(r() * closed.length)]!;
    const received = Date.parse(t.row.received_at as string);
    const weeks = Math.floor((r() * (received - FIRST_RECEIPT)) / WEEK);
    plan.push({ t, ms: weeks * WEEK, at: received - weeks * WEEK });
  }
  plan.sort((a, b) => a.at - b.at);

  const cols: Record<string, string[]> = {};
  // The columns of each table that hold a time or a day in some template row.
  const timeCols: Record<string, Set<string>> = {};
  const rowsOf = (table: string) => (table === 'complaints' ? templates.map((t) => t.row) : table === 'audit_log' ? templates.flatMap((t) => t.audit) : templates.flatMap((t) => t.kids[table]!));
  const ins: Record<string, Database.Statement> = {};
  const nextId: Record<string, number> = {};
  // Where each column sits in a table's positional INSERT (-1: not in this schema).
  const at: Record<string, (column: string) => number> = {};
  for (const t of ['complaints', ...CHILD_TABLES, 'audit_log']) {
    cols[t] = columnsOf(db, t);
    timeCols[t] = new Set(cols[t].filter((c) => rowsOf(t).some((row) => shifted(row[c], WEEK) !== row[c])));
    ins[t] = insertFor(db, t, cols[t]);
    nextId[t] = resume?.nextId[t] ?? ((db.prepare(`SELECT max(id) FROM ${t}`).pluck().get() as number | null) ?? 0) + 1;
    const names = cols[t];
    at[t] = (column) => names.indexOf(column);
  }
  const seqs = new Map<number, number>(
    resume?.seqs ?? (db.prepare("SELECT year, value FROM counters WHERE name = 'register'").all() as { year: number; value: number }[]).map((c) => [c.year, c.value] as [number, number]),
  );
  let lastHash = resume?.lastHash ?? (db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? '0'.repeat(64);
  if (!resume) keep({ nextId: { ...nextId }, lastHash, seqs: [...seqs], stats });
  const skm = skmWriter(db, users.staf!);
  // Letters for every clone up to 10k; for half of them at 100k and a quarter at 1M, to keep
  // generation within minutes (the calls measured read one complaint's letters at a time).
  const docShare = scale >= 1_000_000 ? 0.25 : scale >= 100_000 ? 0.5 : 1;

  // What every clone of a template shares, worked out once per template: each row's values
  // in column order with the Kasi put in, its times parsed, its audit data as text around
  // the values a clone changes.
  const shapes = new Map<Template, Shape>();
  const shapeOf = (t: Template): Shape => {
    let s = shapes.get(t);
    if (s) return s;
    const kasi = users[SEKSI_OF[t.row.category as string] ?? ''] ?? t.kasiId;
    const rowShape = (table: string, src: Row): RowShape => {
      const times: TimeCell[] = [];
      const values = cols[table]!.map((c, i) => {
        const v = src[c];
        if (timeCols[table]!.has(c) && shifted(v, WEEK) !== v) {
          times.push(timeCell(i, v as string));
          return v;
        }
        return USER_COLUMNS.has(c) && v === t.kasiId && kasi ? kasi : v;
      });
      return { src, values, times };
    };
    const audit = t.audit.map((a, i) => {
      const data = JSON.parse(a.data as string) as Record<string, unknown>;
      if (a.data && (a.data as string).includes('__bench_slot_')) throw new Error('audit data holds a generator placeholder');
      const event = data.event;
      const slots: AuditSlot[] = ['event', 'registerNo'];
      if (i === t.audit.length - 1) slots.push('state');
      for (const k of slots) if (k in data) data[k] = SLOT[k];
      return { row: rowShape('audit_log', a), parts: JSON.stringify(data).split(SLOT_SPLIT), event };
    });
    const superseded = (t.kids.issued_documents ?? []).filter((d) => d.superseded_by != null).map((d) => [d.id, d.superseded_by] as const);
    s = {
      kasi,
      row: rowShape('complaints', t.row),
      kids: CHILD_TABLES.map((table) => ({ table, rows: t.kids[table]!.map((k) => rowShape(table, k)) })),
      audit,
      superseded,
    };
    shapes.set(t, s);
    return s;
  };
  // A row of the clone: the template's values, times moved, then the clone's own values.
  const valuesOf = (shape: RowShape, ms: number) => {
    const v = shape.values.slice();
    if (ms !== 0) for (const c of shape.times) v[c.i] = moved(c, ms);
    return v;
  };
  const C = (column: string) => at.complaints!(column);
  const complaintAt = {
    id: C('id'), register_no: C('register_no'), year: C('year'), seq: C('seq'), reporter_name: C('reporter_name'),
    reporter_address: C('reporter_address'), reporter_nik: C('reporter_nik'), reporter_phone: C('reporter_phone'),
    anonymous: C('anonymous'), confidential: C('confidential'), subject: C('subject'), description: C('description'),
    incident_place: C('incident_place'), satisfaction: C('satisfaction'), archive_location: C('archive_location'), seksi: C('seksi'),
  };
  const childAt = Object.fromEntries(
    CHILD_TABLES.map((table) => [table, Object.fromEntries(['id', 'complaint_id', 'document_id', 'docx', 'docx_sha256', 'scan_attachment_id', 'supersedes_id', 'superseded_by', 'verify_code'].map((c) => [c, at[table]!(c)]))]),
  ) as Record<string, Record<string, number>>;
  const auditAt = { id: at.audit_log!('id'), entity_id: at.audit_log!('entity_id'), data: at.audit_log!('data'), prev_hash: at.audit_log!('prev_hash'), hash: at.audit_log!('hash') };
  const put = (v: unknown[], i: number | undefined, value: unknown) => {
    if (i !== undefined && i >= 0) v[i] = value;
  };

  // write = false: the clone is worked out (every random draw, id and number) but not written.
  const cloneOne = ({ t, ms }: { t: Template; ms: number }, write = true) => {
    const shape = shapeOf(t);
    const id = nextId.complaints!++;
    const receivedAt = shifted(t.row.received_at, ms) as string;
    const day = localDate(receivedAt, tz);
    const year = Number(day.slice(0, 4));
    const seq = (seqs.get(year) ?? 0) + 1;
    seqs.set(year, seq);
    // As numbering.ts formats it, with the pattern read once.
    const registerNo = fillNumberPattern(registerPattern, { urut: seq, unit: office.unitCode, year, month: Number(day.slice(5, 7)) }, REGISTER_URUT_DIGITS);
    const kasi = shape.kasi;
    const who = reporter(r);
    const text = complaintText(r, vocab);
    const done = t.row.status === 'selesai';
    const satisfaction = done ? (r() < 0.85 ? 'puas' : r() < 0.7 ? 'tidak_puas' : null) : t.row.satisfaction;
    const row = valuesOf(shape.row, ms);
    const ca = complaintAt;
    put(row, ca.id, id);
    put(row, ca.register_no, registerNo);
    put(row, ca.year, year);
    put(row, ca.seq, seq);
    put(row, ca.reporter_name, who.name);
    put(row, ca.reporter_address, who.address);
    put(row, ca.reporter_nik, who.nik);
    put(row, ca.reporter_phone, who.phone);
    put(row, ca.anonymous, who.anonymous);
    put(row, ca.confidential, who.confidential);
    put(row, ca.subject, text.subject);
    put(row, ca.description, text.description);
    put(row, ca.incident_place, text.place);
    put(row, ca.satisfaction, satisfaction);
    put(row, ca.archive_location, t.row.archive_location ? `Ordner Pengaduan ${year}` : '');
    // The seksi the complaint was disposed to (a column of later schemas), now the clone's Kasi's.
    if ('seksi' in t.row) put(row, ca.seksi, (t.row.seksi && kasi ? kasiSeksi.get(kasi) : t.row.seksi) ?? null);
    if (write) ins.complaints!.run(row);
    const docs = new Map<unknown, number>();
    const events = new Map<unknown, number>();
    const withDocs = docShare >= 1 || r() < docShare;
    for (const { table, rows } of shape.kids) {
      if (!withDocs && (table === 'issued_documents' || table === 'document_parafs')) continue;
      const p = childAt[table]!;
      for (const k of rows) {
        const src = k.src;
        const newId = nextId[table]!++;
        const v = valuesOf(k, ms);
        put(v, p.id, newId);
        if ('complaint_id' in src) put(v, p.complaint_id, id);
        if (table === 'complaint_events') events.set(src.id, newId);
        if (table === 'issued_documents') {
          docs.set(src.id, newId);
          // Rendered again on first download, as the app allows for a DOCX not yet stored.
          put(v, p.docx, null);
          put(v, p.docx_sha256, '');
          put(v, p.scan_attachment_id, null);
          put(v, p.supersedes_id, docs.get(src.supersedes_id) ?? null);
          put(v, p.superseded_by, null);
          if (src.verify_code) put(v, p.verify_code, `B${newId.toString(36).toUpperCase().padStart(13, '0')}`);
        }
        if (table === 'document_parafs' || table === 'deliveries') put(v, p.document_id, docs.get(src.document_id) ?? null);
        if (write) ins[table]!.run(v);
      }
    }
    for (const [old, by] of shape.superseded) {
      const now = docs.get(old);
      if (write && now !== undefined && docs.has(by)) setSuperseded.run(docs.get(by), now);
    }
    const state = write ? complaintStateHash(db, id) : null;
    const registerText = JSON.stringify(registerNo);
    const stateText = JSON.stringify(state);
    for (const a of shape.audit) {
      // The template's data with the clone's event, register number and (last row) state.
      let data = a.parts[0]!;
      for (let i = 1; i < a.parts.length; i += 2) {
        const slot = a.parts[i] as AuditSlot;
        data += (slot === 'event' ? JSON.stringify(events.get(a.event) ?? a.event) : slot === 'registerNo' ? registerText : stateText) + a.parts[i + 1]!;
      }
      const auditId = nextId.audit_log!++;
      // Unique stand-in hashes chained row to row (the seal is not recomputed: the bench
      // never verifies the trail).
      const hash = auditId.toString(16).padStart(64, '0');
      const v = valuesOf(a.row, ms);
      put(v, auditAt.id, auditId);
      put(v, auditAt.entity_id, id);
      put(v, auditAt.data, data);
      put(v, auditAt.prev_hash, lastHash);
      put(v, auditAt.hash, hash);
      if (write) ins.audit_log!.run(v);
      lastHash = hash;
    }
    if (done && skm && r() < 0.3) skm(r, id, localDate(shifted(t.row.closed_at, ms) as string, tz), write);
  };
  const setSuperseded = db.prepare('UPDATE issued_documents SET superseded_by = ? WHERE id = ?');

  // The text indexes' triggers (the register index's fire at each step and disposition, a
  // dozen times a journey; the search index's once) are set aside within each batch, and
  // the batch's complaints written to each index once: the register's from the view its
  // triggers write from, the search index's by its insert trigger's body over the batch.
  // The same rows. FTS5 writes what each statement added as a segment of its own and
  // merges as it goes: with the triggers, a segment per complaint, whose merges grew with
  // the index (CPU 1.6 to 8 ms a complaint from 50,000 to 200,000; 1.6–1.9 throughout now).
  const textTriggers = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (sql LIKE '%complaints_register_fts%' OR sql LIKE '%complaints_fts%')")
    .all() as { name: string; sql: string }[];
  const indexBatch = [
    textTriggers.some((t) => t.sql.includes('complaints_register_fts'))
      ? `INSERT INTO complaints_register_fts(rowid, register_no, reporter_name, subject, description, viewers)
         SELECT k, register_no, reporter_name, subject, description, viewers FROM complaints_register_text WHERE id >= ? ORDER BY k`
      : null,
    searchIndexBatch(textTriggers.find((t) => t.name === 'complaints_fts_ai')?.sql),
  ].flatMap((sql) => (sql ? [db.prepare(sql)] : []));
  const batch = db.transaction((part: typeof plan) => {
    const first = nextId.complaints!;
    for (const t of textTriggers) db.exec(`DROP TRIGGER ${t.name}`);
    part.forEach((c) => cloneOne(c));
    for (const s of indexBatch) s.run(first);
    for (const t of textTriggers) db.exec(t.sql);
  });
  // Going on from a stopped run: the clones it wrote are worked out again without writing,
  // so that the random text, the numbers and the ids go on exactly where it stopped.
  const written = resume ? (db.prepare('SELECT count(*) FROM complaints WHERE id >= ?').pluck().get(resume.nextId.complaints) as number) : 0;
  for (let i = 0; i < written; i++) cloneOne(plan[i]!, false);
  if (written && nextId.complaints !== (db.prepare('SELECT max(id) FROM complaints').pluck().get() as number) + 1) {
    throw new Error(`pembuatan data tidak dapat dilanjutkan (${file}): hapus foldernya lalu ulangi`);
  }
  if (written) log(`  ${written.toLocaleString('id-ID')} salinan sudah ada`);
  const t0 = performance.now();
  // Each progress line also gives the last stretch alone, in wall time and in this
  // process's CPU time: on a shared machine the two part when other work takes the cores.
  let mark = { at: t0, cpu: process.cpuUsage(), done: written };
  for (let i = written; i < plan.length; i += BATCH) {
    batch(plan.slice(i, i + BATCH));
    const done = Math.min(plan.length, i + BATCH);
    if (done % (BATCH * 25) === 0 || done === plan.length) {
      const now = performance.now();
      const cpu = process.cpuUsage(mark.cpu);
      const n = done - mark.done;
      log(
        `  ${done.toLocaleString('id-ID')} salinan, ${((now - t0) / (done - written)).toFixed(2)} ms per pengaduan` +
          ` (terakhir ${n.toLocaleString('id-ID')}: ${((now - mark.at) / n).toFixed(2)} ms, CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms)`,
      );
      mark = { at: now, cpu: process.cpuUsage(), done };
    }
  }
  db.transaction(() => {
    const upsert = db.prepare("INSERT INTO counters (name, year, value) VALUES ('register', ?, ?) ON CONFLICT(name, year) DO UPDATE SET value = excluded.value");
    for (const [year, value] of seqs) upsert.run(year, value);
  })();
  // The app keeps its text indexes merged into one segment (textIndexes.ts): measured so.
  for (const t of ['complaints_fts', 'complaints_register_fts']) db.exec(`INSERT INTO ${t}(${t}) VALUES ('optimize')`);
  if (stats) {
    const put = db.prepare('INSERT INTO sqlite_stat1 (rowid, tbl, idx, stat) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      db.exec('DELETE FROM sqlite_stat1');
      for (const row of stats) put.run(row);
    })();
  }
  db.pragma('journal_mode = WAL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

// The search index's insert trigger, "INSERT INTO complaints_fts(…) VALUES (new.…);", as
// one statement over the complaints from a given id on; null when the schema has none.
function searchIndexBatch(trigger: string | undefined): string | null {
  if (!trigger) return null;
  const m = /BEGIN\s+(INSERT INTO complaints_fts\s*\([^)]*\))\s*VALUES\s*\(([\s\S]*)\);\s*END$/i.exec(trigger.trim());
  if (!m) throw new Error(`pemicu indeks pencarian tidak dikenali pembuat data bench: ${trigger}`);
  return `${m[1]} SELECT ${m[2]} FROM complaints AS new WHERE new.id >= ? ORDER BY new.id`;
}

// SKM questionnaires for about a third of finished complaints, when the schema has them.
function skmWriter(db: Database.Database, stafId: number) {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'skm_responses'").get();
  if (!has) return null;
  const insert = db.prepare(
    `INSERT INTO skm_responses (complaint_id, at, month, source, u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, education, age, entered_by)
     VALUES (?, ?, ?, 'staf', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const score = (r: Rng) => (r() < 0.6 ? 3 : r() < 0.6 ? 4 : 2);
  return (r: Rng, complaintId: number, day: string, write: boolean) => {
    const values = [complaintId, `${day}T03:00:00.000Z`, day.slice(0, 7), ...Array.from({ length: 9 }, () => score(r)), r() < 0.5 ? 'L' : 'P', 'SMA', 20 + Math.floor(r() * 50), stafId];
    if (write) insert.run(values);
  };
}

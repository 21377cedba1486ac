// Fuzzes every call of the contract through the core and over HTTP, against a real
// office in a temp folder. Properties: no exception out of the core, no 5xx, every
// refusal a known code with an Indonesian message, and a refused call leaves the
// database as it was (row count of every table and the audit head).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';

import { contract, ERROR_CODES, type CallInput, type CallName, type Result } from '../../shared/contract';
import type { Role } from '../../shared/domain';
import { createHttpServer, SESSION_COOKIE, type HttpServer } from '../../main/http/server';
import { inject } from '../support/inject';
import type { SessionCarrier } from '../../main/core/context';
import { settingVersion } from '../../main/core/versions';
import { ADMIN, addUser, carrier, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';
import { anyJson, anyValue, fromSchema, mutationOf, nastyString, ownKeysWrong } from './arbitraries';

export type Caller = Role | 'tanpa_sesi';
const CALLERS: Caller[] = ['admin', 'staf', 'kasi', 'sekcam', 'camat', 'tanpa_sesi'];
const PASSWORD = 'kata-sandi-123';
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const CALL_NAMES = Object.keys(contract) as CallName[];

export type Transport = 'core' | 'http' | 'raw';

interface World {
  t: TestCore;
  app: HttpServer;
  backupDir: string;
  tokens: Map<Caller, string | null>;
  users: Record<string, unknown>[];
  samples: Partial<Record<CallName, unknown>>;
}

// Calls that end, replace or lock sessions, or change who a user is, even when they
// are refused (a failed login counts towards the lock): after them the office's users
// are put back as they were and every role signed in again, so later inputs still
// reach the handlers.
const TOUCHES_USERS = new Set<CallName>([
  'auth.login',
  'auth.logout',
  'auth.changePassword',
  'documents.sign',
  'users.update',
  'users.resetPassword',
  'backup.restore',
  'skm.kioskStart',
]);

// A refused login writes login.failed (and login.locked) to the audit log and counts
// the failure on the user row by design, and so does a wrong password asked again to
// sign or to change it (password.confirm_failed; the lock also ends the user's
// sessions); for them only the other tables must stay as they were.
const AUDITS_REFUSAL = new Set<CallName>(['auth.login', 'auth.changePassword', 'documents.sign']);

const fresh = (token: string | null): SessionCarrier => ({ token, setToken() {} });

async function signIn(world: World, caller: Caller) {
  if (caller === 'tanpa_sesi') return;
  const s = carrier();
  await ok(world.t.core, s, 'auth.login', { username: caller, password: caller === 'admin' ? ADMIN.password : PASSWORD });
  world.tokens.set(caller, s.token);
}

async function heal(world: World) {
  const db = world.t.core.db;
  const now = JSON.stringify(db.prepare('SELECT * FROM users WHERE id <= ? ORDER BY id').all(world.users.length));
  if (now !== JSON.stringify(world.users)) {
    db.transaction(() => {
      for (const row of world.users) {
        const cols = Object.keys(row).filter((c) => c !== 'id');
        db.prepare(`UPDATE users SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(row);
      }
    })();
  }
  for (const caller of CALLERS) {
    if (caller === 'tanpa_sesi') continue;
    const me = await world.t.core.call('auth.me', {}, fresh(world.tokens.get(caller) ?? null));
    if (!me.ok || me.value === null) await signIn(world, caller);
  }
}

async function createWorld(): Promise<World> {
  const t = makeCore();
  const admin = await setupOffice(t.core);
  const tokens = new Map<Caller, string | null>([['admin', admin.token], ['tanpa_sesi', null]]);
  for (const role of ['staf', 'kasi', 'sekcam', 'camat'] as const) tokens.set(role, (await addUser(t.core, admin, role, role)).token);
  await addUser(t.core, admin, 'korban', 'staf');
  const staf = fresh(tokens.get('staf')!);
  const reporter = sampleComplaint().reporter;
  const normal = await ok(t.core, staf, 'complaints.create', sampleComplaint());
  await ok(t.core, staf, 'complaints.create', sampleComplaint({ reporter: { ...reporter, name: 'Budi Santoso', anonymous: true } }));
  const rahasia = await ok(t.core, staf, 'complaints.create', sampleComplaint({ reporter: { ...reporter, name: 'Wati Kusuma', confidential: true } }));
  const ids = Object.fromEntries(
    (t.core.db.prepare('SELECT username, id FROM users').all() as { username: string; id: number }[]).map((u) => [u.username, u.id]),
  );
  const dispose: CallInput<'workflow.dispose'> = { id: normal.id, to: [ids.kasi!], sifat: 'biasa', instructions: ['proses_lanjut'] };
  await ok(t.core, fresh(tokens.get('camat')!), 'workflow.dispose', dispose);
  // Backups go to a folder of their own next to the data, never where a fuzzed path points.
  const backupDir = mkdtempSync(join(tmpdir(), 'tanggap-fuzz-cadangan-'));
  await ok(t.core, admin, 'backup.updateSettings', { folder: backupDir, keep: 3, daily: false, rowVersion: (await ok(t.core, admin, 'backup.status', {})).settings.rowVersion });

  const asAdmin = fresh(admin.token);
  const samples: Partial<Record<CallName, unknown>> = {
    'auth.login': { username: 'korban', password: PASSWORD },
    'auth.changePassword': { oldPassword: PASSWORD, newPassword: 'kata-sandi-456' },
    'users.create': { username: 'baru', password: PASSWORD, user: { name: 'Pengguna Baru', nip: '', jabatan: 'Staf', pangkat: '', role: 'staf', seksi: '', active: true } },
    'users.update': { id: ids.korban, rowVersion: 1, user: { name: 'Korban Uji', nip: '', jabatan: 'Staf', pangkat: '', role: 'staf', seksi: '', active: true } },
    'users.resetPassword': { id: ids.korban, password: 'kata-sandi-789' },
    'complaints.create': sampleComplaint(),
    'complaints.list': { q: 'jalan', sort: 'registerNo', dir: 'asc', offset: 0, limit: 20 },
    'complaints.get': { id: normal.id },
    'complaints.personalData': { id: normal.id, reason: 'Menghubungi pelapor' },
    'workflow.dispose': dispose,
    'workflow.followUp': { id: normal.id, kind: 'klarifikasi', text: 'Sudah dicek ke lokasi', attachments: [] },
    'workflow.advance': { id: normal.id, note: 'Sudah diperiksa' },
    'workflow.withdrawDisposition': { dispositionId: 1 },
    'workflow.returnDisposition': { dispositionId: 1, reason: 'Bukan bidang seksi kami' },
    'workflow.exit': { id: rahasia.id, exit: 'bukan_kewenangan', note: 'Urusan kabupaten', forwardTo: 'Dinas PU Kabupaten' },
    'workflow.resume': { id: rahasia.id, note: 'Berkas sudah lengkap' },
    'documents.draft': { complaintId: normal.id, kind: 'surat_tanggapan', outcome: 'ditindaklanjuti', reason: '', satisfaction: null },
    'documents.return': { id: 1, reason: 'Perbaiki nomor surat' },
    'documents.sign': { id: 1, password: PASSWORD },
    'documents.verify': { code: 'ABCD-2345' },
    'documents.deliver': { complaintId: normal.id, channel: 'langsung', deliveredAt: '2026-11-24T10:15', recipient: 'Siti Aminah', note: '', proof: [] },
    'documents.archive': { complaintId: normal.id, location: 'Ordner 3' },
    'officials.add': { userId: ids.sekcam, kind: 'plh', from: '2026-11-24', to: '2026-11-30' },
    'auth.setSignature': { image: `data:image/png;base64,${TINY_PNG}` },
    'calendar.importIcs': { text: 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nSUMMARY:Natal\nEND:VEVENT\nEND:VCALENDAR', kind: 'libur_nasional' },
    'office.update': await ok(t.core, asAdmin, 'office.get', {}),
    'standard.update': await ok(t.core, asAdmin, 'standard.get', {}),
    'calendar.update': await ok(t.core, asAdmin, 'calendar.get', {}),
    'documents.updateSettings': await ok(t.core, asAdmin, 'documents.settings', {}),
    'backup.updateSettings': { folder: backupDir, keep: 3, daily: false, rowVersion: settingVersion(t.core.db, 'backup') },
  };
  const users = t.core.db.prepare('SELECT * FROM users ORDER BY id').all() as Record<string, unknown>[];
  // Durability is the crash test's subject; here a sync per commit would only make the fuzz slower.
  t.core.db.pragma('synchronous = OFF');
  const app = await createHttpServer(t.core);
  return { t, app, backupDir, tokens, users, samples };
}

async function disposeWorld(world: World) {
  await world.app.close();
  world.t.dispose();
  rmSync(world.backupDir, { recursive: true, force: true });
}

// What a refused call must not change: how many rows each table holds and the last audit
// row. One statement per open database (a restore opens another) and audit choice.
const fingerprints = new WeakMap<object, Map<boolean, { get(): unknown }>>();
function fingerprint(world: World, withAudit: boolean): string {
  const db = world.t.core.db;
  let byAudit = fingerprints.get(db);
  if (!byAudit) fingerprints.set(db, (byAudit = new Map()));
  let stmt = byAudit.get(withAudit);
  if (!stmt) {
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[])
      .map((r) => r.name)
      .filter((name) => withAudit || name !== 'audit_log');
    const head = withAudit ? ", (SELECT id || ':' || hash FROM audit_log ORDER BY id DESC LIMIT 1) AS audit_head" : '';
    stmt = db.prepare(`SELECT ${tables.map((name) => `(SELECT count(*) FROM "${name}") AS "${name}"`).join(', ')}${head}`);
    byAudit.set(withAudit, stmt);
  }
  return JSON.stringify(stmt.get());
}

// Calls that answer at once and go on writing in the background (an import runs in
// chunks): the next input's "refusals change nothing" check waits until they are done.
const WRITES_LATER: ReadonlySet<CallName> = new Set(['import.start']);
async function settle(world: World): Promise<void> {
  let last = fingerprint(world, true);
  for (let still = 0; still < 3; ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = fingerprint(world, true);
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

// A settings sample names the rowVersion it was read at; once one input was saved, the
// sample's would be stale and every later input refused as a conflict before reaching
// the write, so the sample's version is brought up to date (other versions stay as made).
const SETTING_OF: Partial<Record<CallName, string>> = {
  'office.update': 'office',
  'standard.update': 'standard',
  'calendar.update': 'calendar',
  'documents.updateSettings': 'documents',
  'backup.updateSettings': 'backup',
};

function currentVersion(name: CallName, input: unknown, world: World): unknown {
  const key = SETTING_OF[name];
  const sample = world.samples[name] as { rowVersion?: unknown } | undefined;
  if (!key || !input || typeof input !== 'object' || Array.isArray(input) || (input as { rowVersion?: unknown }).rowVersion !== sample?.rowVersion) return input;
  return { ...input, rowVersion: settingVersion(world.t.core.db, key) };
}

// A backup folder from a fuzzed input would make `backup.now` write wherever it points
// (as root, anywhere): absolute paths are bent into the fuzz's own backup folder.
function tame(name: CallName, generated: unknown, world: World): unknown {
  const input = currentVersion(name, generated, world);
  if (name !== 'backup.updateSettings' || !input || typeof input !== 'object') return input;
  const folder = (input as { folder?: unknown }).folder;
  if (typeof folder !== 'string' || !/^\s*([/\\]|[A-Za-z]:)/.test(folder)) return input;
  return { ...input, folder: join(world.backupDir, 'sub') };
}

const ENGLISH = /\b(Invalid|Expected|Required|Unrecognized|must|should|received|Error)\b/;

function judge(r: unknown): { problem: string | null; code: string } {
  const res = r as Result<unknown> | null;
  if (!res || typeof res !== 'object' || typeof res.ok !== 'boolean') return { problem: `jawaban bukan Result: ${show(r)}`, code: '?' };
  if (res.ok) return { problem: null, code: 'ok' };
  const { code, message, fields } = res.error ?? {};
  if (!(ERROR_CODES as readonly string[]).includes(code)) return { problem: `kode galat tidak dikenal: ${show(res.error)}`, code: String(code) };
  if (code === 'internal') return { problem: `galat internal: ${show(res.error)}`, code };
  const texts = [message, ...Object.values(fields ?? {})];
  if (texts.some((m) => typeof m !== 'string' || m.trim() === '' || ENGLISH.test(m))) return { problem: `pesan bukan bahasa Indonesia: ${show(res.error)}`, code };
  return { problem: null, code };
}

function show(v: unknown, max = 400): string {
  let s: string;
  try {
    s = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x)) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > max ? `${s.slice(0, max)}… (${s.length} karakter)` : s;
}

const toJson = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));

interface RawBody {
  body: string;
  contentType: string | undefined;
  header: boolean;
}

const rawBody: fc.Arbitrary<RawBody> = fc.record({
  body: fc.oneof(
    fc.constantFrom('', '{oops', '{"a":', 'null', '[]', '[1,2]', '"teks"', '42', 'true', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '\uFEFF{}', '{}'.padEnd(5000, ' ')),
    fc.nat({ max: 100_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
    fc.nat({ max: 20_000 }).map((n) => '{"id":'.repeat(n) + '1' + '}'.repeat(n)),
    anyJson.map((v) => toJson(v) ?? ''),
    nastyString,
  ),
  contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream', undefined),
  header: fc.boolean(),
});

export interface CallStats {
  name: CallName;
  transport: Transport;
  inputs: number;
  accepted: number;
  refused: Record<string, number>;
  maxMs: number;
  totalMs: number;
}

export interface Failure {
  name: CallName;
  transport: Transport;
  caller: Caller;
  input: string;
  problem: string;
}

function inputArbitrary(name: CallName, world: World, transport: Transport): fc.Arbitrary<unknown> {
  const schema = contract[name].input;
  const sample = world.samples[name];
  const parts: { weight: number; arbitrary: fc.Arbitrary<unknown> }[] = [
    { weight: 4, arbitrary: fromSchema(schema) },
    { weight: 2, arbitrary: ownKeysWrong(schema) },
    { weight: 1, arbitrary: anyJson },
    // Maps, typed arrays, bigints and null prototypes only reach the core in-process.
    { weight: 1, arbitrary: transport === 'core' ? anyValue : anyJson },
  ];
  if (sample !== undefined) parts.push({ weight: 4, arbitrary: mutationOf(sample) }, { weight: 1, arbitrary: fc.constant(sample) });
  return fc.oneof(...parts);
}

let requests = 0;
async function viaHttp(world: World, name: CallName, caller: Caller, payload: string | undefined, contentType: string | undefined, header: boolean) {
  const token = world.tokens.get(caller);
  const headers: Record<string, string> = {};
  if (header) headers['x-tanggap'] = '1';
  if (contentType && payload !== undefined) headers['content-type'] = contentType;
  if (token) headers.cookie = `${SESSION_COOKIE}=${encodeURIComponent(token)}`;
  // Each request from its own address, so the per-address login limit lets the inputs through.
  const n = ++requests;
  const remoteAddress = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  const res = await inject(world.app, { method: 'POST', url: `/api/${name}`, payload, headers, remoteAddress });
  let body: unknown;
  try {
    body = res.json();
  } catch {
    body = res.body;
  }
  return { status: res.statusCode, body };
}

// One input through one transport, judged; an exception is a finding, not a crash of the fuzz.
async function attempt(world: World, name: CallName, transport: Transport, caller: Caller, value: unknown): Promise<{ problem: string | null; code: string }> {
  try {
    if (transport === 'core') return judge(await world.t.core.call(name, value, fresh(world.tokens.get(caller) ?? null)));
    const raw = value as RawBody;
    const { status, body } =
      transport === 'raw'
        ? await viaHttp(world, name, caller, raw.body, raw.contentType, raw.header)
        : await viaHttp(world, name, caller, toJson(value), 'application/json', true);
    const { problem, code } = judge(body);
    if (status >= 500) return { problem: `HTTP ${status}: ${problem ?? show(body)}`, code };
    if ((status === 200) !== (code === 'ok')) return { problem: `HTTP ${status} tidak cocok dengan jawaban ${show(body)}`, code };
    return { problem, code };
  } catch (err) {
    return { problem: `pengecualian: ${err instanceof Error ? (err.stack ?? err.message) : show(err)}`, code: '?' };
  }
}

// Runs `runs` inputs of one call over one transport; returns the figures and, when a
// property broke, what broke it (fast-check stops at the first failure of a call).
async function fuzzCall(world: World, name: CallName, transport: Transport, runs: number, seed?: number) {
  const stats: CallStats = { name, transport, inputs: 0, accepted: 0, refused: {}, maxMs: 0, totalMs: 0 };
  let failure: Failure | null = null;
  const input = transport === 'raw' ? rawBody : inputArbitrary(name, world, transport);
  // Mostly callers the call admits, so most inputs get past the role gate to validation.
  const access = contract[name].access;
  const admitted = CALLERS.filter((c) => (access === 'public' ? true : access === 'user' ? c !== 'tanpa_sesi' : (access as readonly string[]).includes(c)));
  const callers = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...admitted) }, { weight: 1, arbitrary: fc.constantFrom(...CALLERS) });
  const property = fc.asyncProperty(callers, input, async (caller, generated) => {
    const value = transport === 'raw' ? generated : tame(name, generated, world);
    const withAudit = !AUDITS_REFUSAL.has(name);
    const before = fingerprint(world, withAudit);
    const started = performance.now();
    const judged = await attempt(world, name, transport, caller, value);
    const { code } = judged;
    let { problem } = judged;
    const ms = performance.now() - started;
    stats.inputs++;
    stats.maxMs = Math.max(stats.maxMs, ms);
    stats.totalMs += ms;
    if (code === 'ok') stats.accepted++;
    else stats.refused[code] = (stats.refused[code] ?? 0) + 1;
    if (!problem && code !== 'ok' && fingerprint(world, withAudit) !== before) {
      problem = `panggilan ditolak (${code}) tetapi basis data berubah: sebelum ${before}, sesudah ${fingerprint(world, withAudit)}`;
    }
    if (code === 'ok' && WRITES_LATER.has(name)) await settle(world);
    if (TOUCHES_USERS.has(name)) await heal(world);
    if (problem) {
      failure = { name, transport, caller, input: show(value), problem };
      throw new Error(problem);
    }
  });
  try {
    await fc.assert(property, { numRuns: runs, endOnFailure: true, ...(seed === undefined ? {} : { seed }) });
  } catch (err) {
    failure ??= { name, transport, caller: 'tanpa_sesi', input: '', problem: err instanceof Error ? (err.stack ?? err.message) : show(err) };
  }
  return { stats, failure: failure as Failure | null };
}

export interface FuzzReport {
  stats: CallStats[];
  failures: Failure[];
  ms: number;
}

// Every call of the contract (new calls are covered without touching this file),
// `runs` inputs each through the core and through HTTP, and a quarter as many raw
// HTTP bodies.
export async function fuzzAll(options: { runs: number; seed?: number; only?: (name: CallName) => boolean; onCall?: (s: CallStats[]) => void }): Promise<FuzzReport> {
  const started = performance.now();
  const world = await createWorld();
  const stats: CallStats[] = [];
  const failures: Failure[] = [];
  try {
    for (const [index, name] of CALL_NAMES.filter(options.only ?? (() => true)).entries()) {
      const done: CallStats[] = [];
      for (const [transport, runs] of [['core', options.runs], ['http', options.runs], ['raw', Math.max(1, Math.round(options.runs / 4))]] as const) {
        // One seed per call and transport, so HTTP does not replay the in-process inputs.
        const seed = options.seed === undefined ? undefined : options.seed + index * 3 + done.length;
        const r = await fuzzCall(world, name, transport, runs, seed);
        done.push(r.stats);
        if (r.failure) failures.push(r.failure);
      }
      stats.push(...done);
      options.onCall?.(done);
    }
  } finally {
    await disposeWorld(world);
  }
  return { stats, failures, ms: performance.now() - started };
}

export function describeFailure(f: Failure): string {
  return `${f.name} [${f.transport}] sebagai ${f.caller}\n  isian: ${f.input}\n  masalah: ${f.problem}`;
}

import type Database from 'better-sqlite3';
import type { CallInput, CallName } from '../../shared/contract';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { carrier, createUser, ok, sampleComplaint, setupOffice, type TestCore } from './core';

// An office for the buku rekap and dashboard tests: one Staf, two Kasi of different seksi,
// a Sekcam and a Camat, and shorthand for the journey's calls at a given instant.

const PASSWORD = 'kata-sandi-123';
const USERS = [
  { username: 'staf', role: 'staf', seksi: '' },
  { username: 'kasi1', role: 'kasi', seksi: 'Seksi Pelayanan' },
  { username: 'kasi2', role: 'kasi', seksi: 'Seksi Pemerintahan' },
  { username: 'sekcam', role: 'sekcam', seksi: '' },
  { username: 'camat', role: 'camat', seksi: '' },
] as const;
export type Who = (typeof USERS)[number]['username'];

export async function reportsOffice(t: TestCore, presetId = 'kejayan') {
  const { core, clock } = t;
  const admin = await setupOffice(core, presetId);
  const ids: Record<string, number> = {};
  for (const u of USERS) {
    const created = await createUser(core, admin, {
      username: u.username,
      password: PASSWORD,
      user: { name: `Pak ${u.username}`, nip: '', jabatan: u.role, pangkat: '', role: u.role, seksi: u.seksi, active: true },
    });
    ids[u.username] = created.id;
  }
  // Each action signs in afresh: days pass between actions and sessions end when idle.
  const act = async <K extends CallName>(who: Who, atIso: string, name: K, input: CallInput<K>) => {
    clock.set(atIso);
    const s = carrier();
    await ok(core, s, 'auth.login', { username: who, password: PASSWORD });
    return ok(core, s, name, input);
  };
  const checklist = OFFICE_PRESETS.find((p) => p.id === presetId)!.standard.kelengkapanChecklist;
  const record = async (atIso: string, over: Parameters<typeof sampleComplaint>[0] = {}) =>
    (await act('staf', atIso, 'complaints.create', sampleComplaint({ kelengkapan: checklist, ...over }))).id;
  const dispose = (who: Who, atIso: string, id: number, to: Who) => act(who, atIso, 'workflow.dispose', { id, to: [ids[to]!], sifat: 'biasa', instructions: ['proses_lanjut'] });
  const exit = (atIso: string, id: number, kind: 'ditolak' | 'dicabut' | 'bukan_kewenangan') =>
    act('camat', atIso, 'workflow.exit', { id, exit: kind, note: 'Keterangan penyelesaian.', forwardTo: kind === 'bukan_kewenangan' ? 'Dinas PU Kabupaten' : '' });
  return { core, clock, ids, act, record, dispose, exit, admin };
}


// The office's local month ('YYYY-MM') of an instant, in its zone now.
export function officeMonth(db: Database.Database) {
  const tz = JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'office'").pluck().get() as string | undefined) ?? '{}').timeZone;
  const shift = ({ 'Asia/Makassar': 8, 'Asia/Jayapura': 9 } as Record<string, number>)[tz] ?? 7;
  return (iso: string) => new Date(Date.parse(iso) + shift * 3_600_000).toISOString().slice(0, 7);
}

// The summary tables as the rows say they should be, worked out here in plain code from
// complaints and complaint_steps (not from the migration's views), for comparison with
// what the triggers kept. Rows whose counters are all zero are left out of both.
export function expectedSummaries(db: Database.Database) {
  const month = officeMonth(db);
  const counts = new Map<string, number[]>();
  const bump = (m: string, dim: string, key: string, i: number, by: number) => {
    const k = `${m}|${dim}|${key}`;
    const v = counts.get(k) ?? Array(10).fill(0);
    v[i] += by;
    counts.set(k, v);
  };
  const minutes = new Map<string, number[]>();
  const rows = db.prepare('SELECT * FROM complaints').all() as Record<string, string | number | null>[];
  const ended = endedPauses(db);
  for (const c of rows) {
    const closed = c.closed_at as string | null;
    const due = c.due_at as string | null;
    const outcome = closed === null ? 'diproses' : c.status === 'selesai' || c.status === 'diarsipkan' ? 'selesai' : (c.status as string);
    const keys: Record<string, string> = { channel: c.channel as string, category: c.category as string, kind: c.kind as string, seksi: c.seksi as string, stage: c.status as string, outcome };
    // Late from its due until it waits for the reporter or is closed, whichever came first.
    const stop = (c.paused_at as string | null) ?? closed;
    const late = due !== null && (stop === null || stop > due);
    for (const [dim, key] of Object.entries(keys)) {
      bump(month(c.received_at as string), dim, key, 0, 1);
      bump(month(c.received_at as string), dim, key, 3, 1);
      if (late) bump(month(due), dim, key, 4, 1);
      if (late && stop !== null) bump(month(stop), dim, key, 4, -1);
      // Not late while it waited past its due in a pause that has ended.
      for (const p of waitedPastDue(ended, c.id as number, due)) {
        bump(month(p.from_at > due! ? p.from_at : due!), dim, key, 4, -1);
        bump(month(p.to_at), dim, key, 4, 1);
      }
      if (closed === null) continue;
      const m = month(closed);
      bump(m, dim, key, 1, 1);
      // Imported from the old register with no due: untimed, neither on time nor late.
      if (due === null && c.import_batch !== null) bump(m, dim, key, 9, 1);
      else if (due === null || closed <= due) bump(m, dim, key, 2, 1);
      bump(m, dim, key, 3, -1);
      if (c.satisfaction === 'puas') bump(m, dim, key, 5, 1);
      if (c.satisfaction === 'tidak_puas') bump(m, dim, key, 6, 1);
      if (c.work_minutes !== null) {
        bump(m, dim, key, 7, c.work_minutes as number);
        bump(m, dim, key, 8, 1);
      }
    }
    if (closed !== null && c.work_minutes !== null) {
      const w = c.work_minutes as number;
      const bucket = w < 480 ? w - (w % 30) : w < 2400 ? w - (w % 120) : w - (w % 480);
      for (const [dim, key] of [['', ''], ...Object.entries(keys)] as [string, string][]) {
        for (const period of [month(closed), month(closed).slice(0, 4)]) {
          const k = `${period}|${dim}|${key}|${bucket}`;
          const v = minutes.get(k) ?? [0, 0];
          minutes.set(k, [v[0]! + 1, v[1]! + w]);
        }
      }
    }
  }
  const steps = new Map<string, number[]>();
  const sql = 'SELECT s.*, coalesce(c.standard_version_id, 0) AS version_id FROM complaint_steps s JOIN complaints c ON c.id = s.complaint_id WHERE s.completed_at IS NOT NULL';
  for (const s of db.prepare(sql).all() as Record<string, string | number | null>[]) {
    const k = `${month(s.completed_at as string)}|${s.version_id}|${s.step_no}`;
    const v = steps.get(k) ?? [0, 0, 0, 0, 0];
    const timed = s.work_minutes !== null && s.limit_minutes !== null;
    steps.set(k, [v[0]! + 1, v[1]! + ((s.completed_at as string) <= (s.due_at as string) ? 1 : 0), v[2]! + (timed ? (s.work_minutes as number) : 0), v[3]! + (timed ? (s.limit_minutes as number) : 0), v[4]! + (timed ? 1 : 0)]);
  }
  const nonZero = (m: Map<string, number[]>) => Object.fromEntries([...m].filter(([, v]) => v.some((x) => x !== 0)).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { counts: nonZero(counts), minutes: nonZero(minutes), steps: nonZero(steps) };
}

export type EndedPause = { complaint_id: number; from_at: string; to_at: string };
export const endedPauses = (db: Database.Database) => db.prepare('SELECT complaint_id, from_at, to_at FROM pauses WHERE to_at IS NOT NULL').all() as EndedPause[];
// The ended pauses of complaint `id` that ended after its due: it waited past it.
export const waitedPastDue = (ended: EndedPause[], id: number, due: string | null) => ended.filter((p) => p.complaint_id === id && due !== null && p.to_at > due);

// The summary tables as the triggers kept them, in the same shape.
export function storedSummaries(db: Database.Database) {
  const pick = (sql: string, key: (r: Record<string, unknown>) => string, values: string[]) =>
    Object.fromEntries(
      (db.prepare(sql).all() as Record<string, number>[])
        .map((r) => [key(r), values.map((v) => r[v]!)] as [string, number[]])
        .filter(([, v]) => v.some((x) => x !== 0))
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  return {
    counts: pick('SELECT * FROM recap_counts', (r) => `${r.month}|${r.dim}|${r.key}`, ['received', 'finished', 'on_time', 'open_delta', 'late_delta', 'puas', 'tidak_puas', 'minutes_sum', 'minutes_n', 'untimed']),
    minutes: pick('SELECT * FROM recap_minutes', (r) => `${r.period}|${r.dim}|${r.key}|${r.bucket}`, ['n', 'minutes']),
    steps: pick('SELECT * FROM recap_steps', (r) => `${r.month}|${r.version_id}|${r.step_no}`, ['done', 'on_time', 'minutes_sum', 'limit_sum', 'minutes_n']),
  };
}

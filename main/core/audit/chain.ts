import { createHash } from 'node:crypto';
import type { AuditCheckpointCheck, AuditVerdict } from '../../../shared/schemas/audit';
import type { Db } from '../db/open';
import { keyOf, seal, type AuditKey } from './key';
import { stmt } from '../db/statements';
import { auditActionLabel } from '../../../shared/audit/labels';

export const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  actorId: number | null;
  action: string;
  entity: string;
  entityId: number | null;
  data?: Record<string, unknown>;
}

interface AuditRow {
  id: number;
  at: string;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: number | null;
  data: string;
  prev_hash: string;
  hash: string;
  key_id: string;
  seal: string;
}

// Each row's hash covers its own fields and the previous row's hash, so editing,
// deleting or reordering any row breaks every hash after it. Anyone can recompute
// such hashes, hence the seal below.
function rowHash(prev: string, r: Pick<AuditRow, 'id' | 'at' | 'actor_id' | 'action' | 'entity' | 'entity_id' | 'data'>): string {
  const body = JSON.stringify([r.id, r.at, r.actor_id, r.action, r.entity, r.entity_id, r.data]);
  return createHash('sha256').update(prev).update('\n').update(body).digest('hex');
}

const lastRow = (db: Db) => stmt(db, 'SELECT id, hash, key_id FROM audit_log ORDER BY id DESC LIMIT 1').get() as Pick<AuditRow, 'id' | 'hash' | 'key_id'> | undefined;

// Appends one row, sealed with the key bound to this connection; call it inside the
// transaction of the change it records.
export function appendAudit(db: Db, e: AuditEntry): void {
  const key = keyOf(db);
  const last = lastRow(db);
  const row = {
    id: (last?.id ?? 0) + 1,
    at: e.at,
    actor_id: e.actorId,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    data: JSON.stringify(e.data ?? {}),
  };
  const prev = last?.hash ?? GENESIS;
  const hash = rowHash(prev, row);
  stmt(db,
    'INSERT INTO audit_log (id, at, actor_id, action, entity, entity_id, data, prev_hash, hash, key_id, seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(row.id, row.at, row.actor_id, row.action, row.entity, row.entity_id, row.data, prev, hash, key.id, seal(key, hash));
}

// A key made on this start (first start, or the old one lost) cannot check the rows
// before it; one sealed row records that and holds them in place from now on.
export function pinUnsealedTail(db: Db, at: string): void {
  const last = lastRow(db);
  if (!last || last.key_id === keyOf(db).id) return;
  db.transaction(() =>
    appendAudit(db, { at, actorId: null, action: 'audit.key_created', entity: 'database', entityId: null, data: { rowsBefore: last.id } }),
  ).immediate();
}

export interface Checkpoint {
  at: string;
  rows: number;
  head: string;
  keyId: string;
  seal: string;
  // Written by a restore: the checkpoints before it describe data that was replaced.
  restart: boolean;
}

const checkpointText = (c: Omit<Checkpoint, 'keyId' | 'seal'>) => JSON.stringify(['titik-periksa', c.at, c.rows, c.head, c.restart]);

const sealedHere = (c: Checkpoint, key: AuditKey | null): key is AuditKey => !!key && c.keyId === key.id && seal(key, checkpointText(c)) === c.seal;

// How long the trail is now and how it ends, sealed with this connection's key; stored
// by a restore at once, by a backup only once its copy is kept.
export function sealCheckpoint(db: Db, at: string, restart = false): Checkpoint {
  const key = keyOf(db);
  const last = lastRow(db);
  const base = { at, rows: last?.id ?? 0, head: last?.hash ?? GENESIS, restart };
  return { ...base, keyId: key.id, seal: seal(key, checkpointText(base)) };
}

// Call it inside a transaction; `db` may also be a backup's copy (no key bound to it).
export function storeCheckpoint(db: Db, c: Checkpoint): void {
  stmt(db, 'INSERT INTO audit_checkpoints (at, rows, head, key_id, seal, restart) VALUES (?, ?, ?, ?, ?, ?)').run(c.at, c.rows, c.head, c.keyId, c.seal, c.restart ? 1 : 0);
}

export function takeCheckpoint(db: Db, at: string, restart = false): Checkpoint {
  return db
    .transaction(() => {
      const c = sealCheckpoint(db, at, restart);
      storeCheckpoint(db, c);
      return c;
    })
    .immediate();
}

function storedCheckpoints(db: Db): Checkpoint[] {
  return (stmt(db, 'SELECT at, rows, head, key_id AS keyId, seal, restart FROM audit_checkpoints ORDER BY id').all() as (Omit<Checkpoint, 'restart'> & { restart: number })[]).map(
    (c) => ({ ...c, restart: c.restart === 1 }),
  );
}

export function lastRestart(db: Db): Checkpoint | undefined {
  return storedCheckpoints(db).findLast((c) => c.restart);
}

// Only the checkpoints since the last restore made with this key describe the data we have now.
function sinceLastRestart(list: Checkpoint[], key: AuditKey | null): Checkpoint[] {
  const from = list.findLastIndex((c) => c.restart && sealedHere(c, key));
  return from < 0 ? list : list.slice(from);
}

export interface ChainWalk {
  rows: number;
  sealedHere: number;
  // Rows not sealed with this key (older than sealing, or from another computer) that a
  // later row sealed here holds in place.
  carried: number;
  broken: { id: number; reason: string } | null;
  // The first row after the last one sealed here; null when the trail ends sealed here.
  unsealedFrom: number | null;
}

// Walks the whole trail in order: every row must follow the one before, hash to its
// stored value, and (when sealed with `key`) carry the right seal.
export function walkAudit(db: Db, key: AuditKey | null): ChainWalk {
  let prev = GENESIS;
  let rows = 0;
  let sealedHere = 0;
  let carried = 0;
  let pending = 0;
  let unsealedFrom: number | null = null;
  const result = (broken: ChainWalk['broken']): ChainWalk => ({ rows, sealedHere, carried, broken, unsealedFrom });
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    const expected = rows + 1;
    rows++;
    if (r.id !== expected) return result({ id: expected, reason: `Catatan nomor ${expected} hilang: urutannya melompat ke nomor ${r.id}.` });
    if (r.prev_hash !== prev) {
      return result({ id: r.id, reason: `Catatan ${r.id} tidak lagi tersambung dengan catatan sebelumnya: catatan sebelumnya diubah atau dihapus di luar aplikasi.` });
    }
    if (rowHash(prev, r) !== r.hash) return result({ id: r.id, reason: `Isi catatan ${r.id} diubah setelah dicatat.` });
    if (key && r.key_id === key.id) {
      if (seal(key, r.hash) !== r.seal) {
        return result({ id: r.id, reason: `Segel catatan ${r.id} tidak cocok: catatan ini atau catatan sebelumnya ditulis ulang di luar aplikasi.` });
      }
      sealedHere++;
      carried += pending;
      pending = 0;
      unsealedFrom = null;
    } else {
      unsealedFrom ??= r.id;
      pending++;
    }
    prev = r.hash;
  }
  return result(null);
}

// Compares each checkpoint (from the database and from beside the backups) with the
// trail as it is now. A checkpoint is trusted only with a valid seal of this key.
export function checkCheckpoints(db: Db, key: AuditKey | null, outside: Checkpoint[]): AuditCheckpointCheck[] {
  const rows = (stmt(db, 'SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
  const hashAt = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck();
  const seen = new Set<string>();
  const all = [
    ...sinceLastRestart(storedCheckpoints(db), key).map((c) => ({ c, source: 'basis_data' as const })),
    ...sinceLastRestart(outside, key).map((c) => ({ c, source: 'folder_cadangan' as const })),
  ];
  const checks: AuditCheckpointCheck[] = [];
  for (const { c, source } of all) {
    if (seen.has(`${c.seal}|${source}`)) continue;
    seen.add(`${c.seal}|${source}`);
    const state = (): AuditCheckpointCheck['state'] => {
      if (!key || c.keyId !== key.id) return 'kunci_lain';
      if (!sealedHere(c, key)) return 'berubah';
      if (c.rows > rows) return 'terpotong';
      return c.rows === 0 || hashAt.get(c.rows) === c.head ? 'cocok' : 'berubah';
    };
    checks.push({ at: c.at, rows: c.rows, source, state: state() });
  }
  return checks.sort((a, b) => b.at.localeCompare(a.at));
}

export type ChainVerdict = Omit<AuditVerdict, 'complaints'>;

const where = (c: AuditCheckpointCheck) => (c.source === 'basis_data' ? 'di basis data' : 'di folder cadangan');

// The whole verdict on the trail, in words an office can act on.
export function verifyAudit(db: Db, key: AuditKey | null, outside: Checkpoint[] = []): ChainVerdict {
  const walk = walkAudit(db, key);
  const checkpoints = checkCheckpoints(db, key, outside);
  let firstBroken: { id: number; reason: string } | null = walk.broken;
  if (!firstBroken && walk.unsealedFrom !== null) {
    const n = walk.rows - walk.unsealedFrom + 1;
    firstBroken = {
      id: walk.unsealedFrom,
      reason:
        `${n} catatan terakhir (mulai catatan ${walk.unsealedFrom}) tidak bersegel komputer ini: catatan itu ditulis di luar aplikasi, ` +
        'atau basis data disalin dari komputer lain tanpa melalui pemulihan cadangan.',
    };
  }
  const cut = checkpoints.find((c) => c.state === 'terpotong');
  const changed = checkpoints.find((c) => c.state === 'berubah');
  if (!firstBroken && cut) {
    firstBroken = {
      id: walk.rows + 1,
      reason: `Titik periksa ${where(cut)} mencatat ${cut.rows} catatan, tetapi jejak audit sekarang hanya ${walk.rows} catatan: catatan terakhir dihapus di luar aplikasi.`,
    };
  }
  if (!firstBroken && changed) {
    firstBroken = {
      id: Math.min(changed.rows, walk.rows),
      reason: `Catatan sampai nomor ${changed.rows} tidak sama dengan yang tercatat pada titik periksa ${where(changed)}: jejak audit ditulis ulang di luar aplikasi.`,
    };
  }
  // The walk reads every row unless a row stops it: only then are the rows counted again.
  const total = walk.broken ? (stmt(db, 'SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n : walk.rows;
  return { ok: firstBroken === null, rows: walk.rows, total, firstBroken: firstBroken && placed(db, firstBroken), sealedHere: walk.sealedHere, carried: walk.carried, checkpoints };
}

// The broken row as the log on screen shows it, so the Admin can find it there: when it
// was written and what it says it records, by whom (as it reads now: it may be the row
// that was changed).
function placed(db: Db, broken: { id: number; reason: string }): NonNullable<AuditVerdict['firstBroken']> {
  const row = stmt(db, 'SELECT a.at, a.action, u.name FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id WHERE a.id = ?').get(broken.id) as
    | { at: string; action: string; name: string | null }
    | undefined;
  if (!row) return { ...broken, at: null, what: null };
  return { ...broken, at: row.at, what: [auditActionLabel(row.action), row.name && `oleh ${row.name}`].filter(Boolean).join(' ') };
}

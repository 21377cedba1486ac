import { createHash } from 'node:crypto';
import type { Db } from '../db/open';

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
}

// Each row's hash covers its own fields and the previous row's hash, so editing,
// deleting or reordering any row breaks every hash after it.
function rowHash(prev: string, r: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const body = JSON.stringify([r.id, r.at, r.actor_id, r.action, r.entity, r.entity_id, r.data]);
  return createHash('sha256').update(prev).update('\n').update(body).digest('hex');
}

// Appends one row; call it inside the transaction of the change it records.
export function appendAudit(db: Db, e: AuditEntry): void {
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
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
  db.prepare(
    'INSERT INTO audit_log (id, at, actor_id, action, entity, entity_id, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(row.id, row.at, row.actor_id, row.action, row.entity, row.entity_id, row.data, prev, rowHash(prev, row));
}

export interface AuditVerdict {
  ok: boolean;
  rows: number;
  firstBroken: { id: number; reason: string } | null;
}

// Walks the whole chain in id order and reports the first row that does not fit.
export function verifyAudit(db: Db): AuditVerdict {
  let prev = GENESIS;
  let expectedId = 1;
  let rows = 0;
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    rows++;
    const broken = (reason: string) => ({ ok: false, rows, firstBroken: { id: r.id, reason } });
    if (r.id !== expectedId) return broken(`Baris ${expectedId} hilang: urutan melompat ke ${r.id}.`);
    if (r.prev_hash !== prev) return broken(`Baris ${r.id} tidak tersambung dengan baris sebelumnya (baris sebelumnya diubah atau dihapus).`);
    if (rowHash(prev, r) !== r.hash) return broken(`Isi baris ${r.id} sudah diubah setelah dicatat.`);
    prev = r.hash;
    expectedId++;
  }
  return { ok: true, rows, firstBroken: null };
}

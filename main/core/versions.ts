// Edits by two people at once: every record two people may edit carries a row_version
// raised by each change. A read hands it out, an update names the one the user started
// from, and the UPDATE's WHERE compares it inside the write transaction, so whoever
// saves second is refused with who changed the record and when, instead of silently
// overwriting the first.
import { formatTanggalWaktu } from '../../shared/time/format';
import type { Db } from './db/open';
import { stmt } from './db/statements';
import { TanggapError } from './errors';
import { findOffice } from './office/settings';

const RELOAD = 'Muat ulang untuk melihat perubahannya, lalu ulangi isian Anda.';

/** The refusal of a stale update: who changed the record last and when, and what to do. */
export function staleEdit(db: Db, changedBy: number | null, changedAt: string | null, actorId: number | null): TanggapError {
  const name = changedBy === null ? undefined : (stmt(db, 'SELECT name FROM users WHERE id = ?').get(changedBy) as { name: string } | undefined)?.name;
  const when = changedAt ? ` pada ${formatTanggalWaktu(changedAt, findOffice(db)?.timeZone ?? 'Asia/Jakarta')}` : '';
  if (changedBy !== null && changedBy === actorId) {
    return new TanggapError('conflict', `Data ini sudah Anda ubah di jendela atau komputer lain${when}. ${RELOAD}`, 'rowVersion');
  }
  if (name) return new TanggapError('conflict', `Data ini sudah diubah oleh ${name}${when}. ${RELOAD}`, 'rowVersion');
  return new TanggapError('conflict', `Data ini sudah diubah orang lain sejak Anda membukanya${when}. ${RELOAD}`, 'rowVersion');
}

/** A setting's row_version; 0 while it was never stored (its defaults are shown). */
export function settingVersion(db: Db, key: string): number {
  return (stmt(db, 'SELECT row_version FROM settings WHERE key = ?').get(key) as { row_version: number } | undefined)?.row_version ?? 0;
}

export const withRowVersion = <T extends object>(value: T, rowVersion: number): T & { rowVersion: number } => ({ ...value, rowVersion });

/**
 * Stores a setting only if it is still at `expected` (compare-and-set); call inside the
 * write transaction. Returns the new row_version.
 */
export function writeSettingIfCurrent(db: Db, key: string, value: unknown, expected: number, actorId: number, at: string): number {
  const text = JSON.stringify(value);
  const changed =
    expected === 0
      ? stmt(db, 'INSERT INTO settings (key, value, row_version, updated_by, updated_at) VALUES (?, ?, 1, ?, ?) ON CONFLICT(key) DO NOTHING').run(key, text, actorId, at).changes
      : stmt(db, 'UPDATE settings SET value = ?, row_version = row_version + 1, updated_by = ?, updated_at = ? WHERE key = ? AND row_version = ?').run(text, actorId, at, key, expected)
          .changes;
  if (changed === 0) {
    const last = stmt(db, 'SELECT updated_by, updated_at FROM settings WHERE key = ?').get(key) as { updated_by: number | null; updated_at: string | null } | undefined;
    throw staleEdit(db, last?.updated_by ?? null, last?.updated_at ?? null, actorId);
  }
  return expected + 1;
}

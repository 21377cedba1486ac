import { join } from 'node:path';
import type { BackupEntry } from '../../../shared/schemas/backup';
import type { TimeZoneId } from '../../../shared/domain';
import { appendAudit } from '../audit/chain';
import { bindAuditKey, type AuditKey } from '../audit/key';
import type { Logger } from '../context';
import type { Db } from '../db/open';
import { findOffice } from '../office/settings';
import { readBackupSettings, takeUpgradeBackup } from './store';

// Where the copy goes when the office has no backup folder, or it cannot be written
// (a flashdisk not plugged in): beside the data, as the safety copy of a restore does.
export const UPGRADE_FOLDER = 'sebelum-pembaruan';

export interface UpgradeGuardOptions {
  dataDir: string;
  key: AuditKey;
  now: () => Date;
  log: Logger;
  nativeBinding?: string;
}

interface Taken {
  entry: BackupEntry & { auditRows: number };
  folder: string;
  from: number;
  to: number;
  at: Date;
}

export interface UpgradeGuard {
  // For openDatabase's beforeMigrate: the verified copy, or a refusal to migrate.
  beforeMigrate(db: Db, from: number, to: number): void;
  // On the migrated database (audit key bound): the update goes on the audit chain.
  afterOpen(db: Db): void;
}

function timeZoneOf(db: Db): TimeZoneId {
  try {
    return findOffice(db)?.timeZone ?? 'Asia/Jakarta';
  } catch {
    return 'Asia/Jakarta';
  }
}

// An update never migrates data it has not first copied: the office's backup folder,
// else the data folder's sebelum-pembaruan/, and if neither can be written the start
// is refused with the database still at its old schema.
export function upgradeGuard(o: UpgradeGuardOptions): UpgradeGuard {
  let pending: Taken | null = null;
  return {
    beforeMigrate(db, from, to) {
      bindAuditKey(db, o.key);
      const at = o.now();
      const timeZone = timeZoneOf(db);
      const configured = readBackupSettings(db).folder;
      const fallback = join(o.dataDir, UPGRADE_FOLDER);
      let lastError: unknown = null;
      for (const folder of configured ? [configured, fallback] : [fallback]) {
        try {
          const entry = takeUpgradeBackup({ db, dataDir: o.dataDir, folder, at, timeZone, fromVersion: from, nativeBinding: o.nativeBinding });
          pending = { entry, folder, from, to, at };
          o.log.info(`cadangan sebelum pembaruan (skema ${from} → ${to}) dibuat dan terverifikasi: ${join(folder, entry.file)}`);
          return;
        } catch (err) {
          lastError = err;
          o.log.warn(`cadangan sebelum pembaruan gagal di ${folder}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      throw new Error(
        `Pembaruan basis data dibatalkan: cadangan sebelum pembaruan tidak dapat dibuat di ${fallback} (${lastError instanceof Error ? lastError.message : String(lastError)}). ` +
          'Data belum diperbarui. Periksa ruang kosong hard disk dan hak tulis folder data, lalu buka Tanggap lagi.',
      );
    },
    afterOpen(db) {
      const t = pending;
      if (!t) return;
      pending = null;
      db.transaction(() =>
        appendAudit(db, {
          at: t.at.toISOString(),
          actorId: null,
          action: 'backup.created',
          entity: 'database',
          entityId: null,
          data: { file: t.entry.file, reason: 'sebelum_pembaruan', auditRows: t.entry.auditRows, fromVersion: t.from, toVersion: t.to },
        }),
      ).immediate();
    },
  };
}

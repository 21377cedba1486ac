import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DB_FILE } from '../index';
import { restrictDir } from '../db/durable';
import { openDatabase } from '../db/open';
import { pinUnsealedTail } from '../audit/chain';
import { bindAuditKey, dataDirVault, openAuditKey, type KeyVault } from '../audit/key';
import { findOffice } from '../office/settings';
import { commitRestore, inspectBackup, readBackupSettings, recordRestore, stageRestore, takeBackup } from './store';

export interface OfflineRestore {
  complaints: number;
  safetyBackup: string | null;
  safetyFolder: string | null;
}

// Restore while no Tanggap runs on dataDir (the CLI): checks the backup, backs up the
// current data (into the office's backup folder, else <dataDir>/sebelum-pemulihan),
// then swaps the database and adds the backup's attachments.
export async function restoreOffline(dataDir: string, from: string, now = new Date(), vault: KeyVault = dataDirVault(dataDir)): Promise<OfflineRestore> {
  const source = resolve(from);
  restrictDir(dataDir);
  const dbFile = join(dataDir, DB_FILE);
  const { key, fresh } = openAuditKey(vault);
  const open = () => {
    const db = openDatabase(dbFile);
    bindAuditKey(db, key);
    if (fresh) pinUnsealedTail(db, now.toISOString());
    return db;
  };
  const info = inspectBackup(source, key);
  const staged = await stageRestore(dbFile, dataDir, source);
  let safety: { file: string; folder: string } | null = null;
  if (existsSync(dbFile) && statSync(dbFile).size > 0) {
    const db = open();
    try {
      const office = findOffice(db);
      if (office) {
        const settings = readBackupSettings(db);
        const folder = settings.folder || join(dataDir, 'sebelum-pemulihan');
        const entry = await takeBackup({ db, dataDir, settings: { ...settings, folder }, at: now, timeZone: office.timeZone, reason: 'sebelum_pemulihan', spare: basename(source) });
        safety = { file: entry.file, folder };
      }
    } finally {
      db.close();
    }
  }
  commitRestore(dbFile, staged);
  const db = open();
  try {
    recordRestore(db, now, null, source, safety?.file ?? null);
  } finally {
    db.close();
  }
  return { complaints: info.complaints, safetyBackup: safety?.file ?? null, safetyFolder: safety?.folder ?? null };
}

import type { BackupEntry, BackupSettings, BackupStatus } from '../../../shared/schemas/backup';
import type { Db } from '../db/open';

// What the core sees of the backup runtime: kept apart from runtime.ts so context.ts
// can name it without importing the runtime, which itself builds on context.ts.
export interface RestoreResult {
  restoredFrom: string;
  safetyBackup: string | null;
  complaints: number;
}

export interface BackupRuntime {
  status(): BackupStatus;
  // rowVersion: the settings as the Admin opened them; a change made since is refused.
  updateSettings(settings: BackupSettings & { rowVersion: number }, actorId: number): BackupStatus;
  backupNow(reason: BackupEntry['reason']): Promise<BackupEntry>;
  // Runs the daily backup when it is on and the newest one is a day old.
  dailyCheck(): Promise<void>;
  restore(file: string, actorId: number | null): Promise<RestoreResult>;
  // For an install not set up yet: the folder comes from the setup screen, and
  // `allowed` (throwing when the install got set up meanwhile) runs before any file
  // is read and again right before the database is swapped.
  listFolder(folder: string, allowed: (db: Db) => void): BackupEntry[];
  restoreFresh(folder: string, file: string, allowed: (db: Db) => void): Promise<RestoreResult>;
}

import type { Db } from '../db/open';
import { readBackupSettings, readCheckpointLog } from '../backup/store';
import { checkComplaints } from '../complaints/events';
import { verifyAudit, type Checkpoint } from './chain';
import type { AuditKey } from './key';

/**
 * The whole audit verdict, as the Admin's page and `npm run audit:verify` give it: the
 * chain of audit rows (with the checkpoints kept in the backup folder), and every
 * complaint's record against the state its last audit row sealed. Intact only if both are.
 */
export function auditVerdict(db: Db, key: AuditKey | null) {
  let outside: Checkpoint[] = [];
  try {
    outside = readCheckpointLog(readBackupSettings(db).folder);
  } catch {
    // A backup disk that is not plugged in: the database's own checkpoints still count.
  }
  const chain = verifyAudit(db, key, outside);
  const complaints = checkComplaints(db);
  return { ...chain, ok: chain.ok && complaints.changed.length === 0, complaints };
}

import type { Role } from '../../../shared/domain';
import type { Handlers } from '../context';
import { readBackupSettings, readCheckpointLog } from '../backup/store';
import { verifyAudit, type Checkpoint } from './chain';
import { keyOf } from './key';
import { checkComplaints } from '../complaints/events';

export const auditHandlers: Pick<Handlers, 'audit.verify' | 'audit.personalDataViews'> = {
  'audit.verify': (ctx) => {
    const folder = readBackupSettings(ctx.db).folder;
    let outside: Checkpoint[] = [];
    try {
      outside = readCheckpointLog(folder);
    } catch {
      // A backup disk that is not plugged in: the database's own checkpoints still count.
    }
    const chain = verifyAudit(ctx.db, keyOf(ctx.db), outside);
    const complaints = checkComplaints(ctx.db);
    return { ...chain, ok: chain.ok && complaints.changed.length === 0, complaints };
  },
  'audit.personalDataViews': (ctx) =>
    (
      ctx.db
        .prepare(
          `SELECT a.at, COALESCE(u.name, '') AS actorName, COALESCE(u.role, 'staf') AS actorRole, COALESCE(c.register_no, '') AS registerNo,
             a.entity_id AS complaintId, COALESCE(json_extract(a.data, '$.reason'), '') AS reason
           FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id LEFT JOIN complaints c ON c.id = a.entity_id
           WHERE a.action = 'personal_data.viewed' ORDER BY a.id DESC LIMIT 500`,
        )
        .all() as { at: string; actorName: string; actorRole: Role; registerNo: string; complaintId: number; reason: string }[]
    ),
};

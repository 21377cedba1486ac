import type { Role } from '../../../shared/domain';
import type { Handlers } from '../context';
import { keyOf } from './key';
import { auditVerdict } from './verdict';

export const auditHandlers: Pick<Handlers, 'audit.verify' | 'audit.personalDataViews'> = {
  'audit.verify': (ctx) => auditVerdict(ctx.db, keyOf(ctx.db)),
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

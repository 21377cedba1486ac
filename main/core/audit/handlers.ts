import type { Handlers } from '../context';
import { verifyAudit } from './chain';

export const auditHandlers: Pick<Handlers, 'audit.verify'> = {
  'audit.verify': (ctx) => verifyAudit(ctx.db),
};

import type { Handlers } from './context';
import { auditHandlers } from './audit/handlers';
import { auditListHandlers } from './audit/listHandlers';
import { authHandlers } from './auth/handlers';
import { backupHandlers } from './backup/handlers';
import { complaintHandlers } from './complaints/handlers';
import { documentHandlers } from './documents/handlers';
import { importHandlers } from './import/handlers';
import { officeHandlers } from './office/handlers';
import { reportHandlers } from './reports/handlers';
import { exportHandlers } from './reports/exportHandlers';
import { serverHandlers } from './server/handlers';
import { setupHandlers } from './setup/handlers';
import { skmHandlers } from './skm/handlers';
import { userHandlers } from './users/handlers';
import { workflowHandlers } from './workflow/handlers';

// One registry of every call in shared/contract.ts. Typed as Handlers, so a call
// without a handler (or with a wrong one) does not compile.
export const handlers: Handlers = {
  ...setupHandlers,
  ...authHandlers,
  ...officeHandlers,
  ...userHandlers,
  ...complaintHandlers,
  ...auditHandlers,
  ...auditListHandlers,
  ...backupHandlers,
  ...workflowHandlers,
  ...documentHandlers,
  ...skmHandlers,
  ...reportHandlers,
  ...exportHandlers,
  ...importHandlers,
  ...serverHandlers,
};

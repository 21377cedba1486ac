import type { Handlers } from '../context';
import { dashboard } from './dashboard';
import { recap } from './recap';

// Role checks are the contract's: the recap is aggregates only (no personal data), the
// dashboard is the leaders'.
export const reportHandlers: Pick<Handlers, 'reports.recap' | 'reports.dashboard'> = {
  'reports.recap': (ctx, query) => recap(ctx.db, query, ctx.now()),
  'reports.dashboard': (ctx, query) => dashboard(ctx, query),
};

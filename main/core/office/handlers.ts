import type { Handlers } from '../context';
import { appendAudit } from '../audit/chain';
import { nowIso, requireUser, write } from '../context';
import { settingVersion, withRowVersion, writeSettingIfCurrent } from '../versions';
import { getOffice } from './settings';

export const officeHandlers: Pick<Handlers, 'office.get' | 'office.update'> = {
  'office.get': (ctx) => withRowVersion(getOffice(ctx.db), settingVersion(ctx.db, 'office')),
  'office.update': (ctx, { rowVersion, ...office }) => {
    const user = requireUser(ctx);
    return write(ctx.db, () => {
      const before = getOffice(ctx.db);
      const at = nowIso(ctx);
      const next = writeSettingIfCurrent(ctx.db, 'office', office, rowVersion, user.id, at);
      // Which fields changed, not their values: the log stays small and readable.
      const changed = (Object.keys(office) as (keyof typeof office)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(office[k]));
      appendAudit(ctx.db, { at, actorId: user.id, action: 'office.updated', entity: 'office', entityId: null, data: { changed } });
      return withRowVersion(office, next);
    });
  },
};

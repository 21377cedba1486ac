import type { Handlers } from '../context';
import { appendAudit } from '../audit/chain';
import { nowIso, write } from '../context';
import { getOffice, writeSetting } from './settings';

export const officeHandlers: Pick<Handlers, 'office.get' | 'office.update'> = {
  'office.get': (ctx) => getOffice(ctx.db),
  'office.update': (ctx, office) =>
    write(ctx.db, () => {
      const before = getOffice(ctx.db);
      writeSetting(ctx.db, 'office', office);
      // Which fields changed, not their values: the log stays small and readable.
      const changed = (Object.keys(office) as (keyof typeof office)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(office[k]));
      appendAudit(ctx.db, { at: nowIso(ctx), actorId: ctx.user?.id ?? null, action: 'office.updated', entity: 'office', entityId: null, data: { changed } });
      return office;
    }),
};

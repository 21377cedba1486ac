import type { Handlers } from '../context';
import { write } from '../context';
import { getOffice, writeSetting } from './settings';

export const officeHandlers: Pick<Handlers, 'office.get' | 'office.update'> = {
  'office.get': (ctx) => getOffice(ctx.db),
  'office.update': (ctx, office) =>
    write(ctx.db, () => {
      getOffice(ctx.db);
      writeSetting(ctx.db, 'office', office);
      return office;
    }),
};

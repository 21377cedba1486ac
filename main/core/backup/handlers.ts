import type { Handlers } from '../context';
import { requireUser } from '../context';

export const backupHandlers: Pick<Handlers, 'backup.status' | 'backup.updateSettings' | 'backup.now' | 'backup.restore'> = {
  'backup.status': (ctx) => ctx.backup.status(),
  'backup.updateSettings': (ctx, settings) => ctx.backup.updateSettings(settings, requireUser(ctx).id),
  'backup.now': async (ctx) => {
    await ctx.backup.backupNow('manual');
    return ctx.backup.status();
  },
  'backup.restore': async (ctx, { file }) => {
    const result = await ctx.backup.restore(file, requireUser(ctx).id);
    // The restore ended every session, this one too.
    ctx.session.setToken(null);
    // The LAN server follows the restored data's setting.
    await ctx.lan?.apply();
    return result;
  },
};

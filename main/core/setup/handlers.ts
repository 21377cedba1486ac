import { BLANK_OFFICE, blankStandard, OFFICE_PRESETS } from '../../../shared/standards/presets';
import type { Handlers } from '../context';
import { appendAudit } from '../audit/chain';
import { nowIso, write } from '../context';
import { hashPassword } from '../auth/passwords';
import { createSession } from '../auth/sessions';
import { withOffice } from '../auth/handlers';
import { TanggapError } from '../errors';
import { findOffice, writeSetting } from '../office/settings';
import { insertUser } from '../users/handlers';
import { dismissNextSteps, nextSteps } from './nextSteps';

const alreadySetUp = () =>
  new TanggapError('conflict', 'Aplikasi sudah disiapkan. Silakan masuk dengan akun yang ada.');

export function needsSetup(db: Parameters<typeof findOffice>[0]): boolean {
  const admin = db.prepare("SELECT 1 FROM users WHERE role = 'admin' AND active = 1 LIMIT 1").get();
  return !admin || !findOffice(db);
}

// Throws once set up: a restore from the setup screen must never replace an office's data.
function stillFresh(db: Parameters<typeof findOffice>[0]): void {
  if (!needsSetup(db)) throw alreadySetUp();
}

export const setupHandlers: Pick<
  Handlers,
  'setup.status' | 'setup.presets' | 'setup.complete' | 'setup.backups' | 'setup.restore' | 'setup.nextSteps' | 'setup.dismissNextSteps'
> = {
  'setup.status': (ctx) => ({ needsSetup: needsSetup(ctx.db), officeName: findOffice(ctx.db)?.name ?? '' }),
  'setup.presets': () => [
    ...OFFICE_PRESETS.map((p) => ({ id: p.id, label: p.label, office: { ...p.office, logo: '' } })),
    { id: 'blank', label: 'Kosong (isi sendiri)', office: { ...BLANK_OFFICE, logo: '' } },
  ],
  'setup.complete': async (ctx, { presetId, office, admin }) => {
    const preset = OFFICE_PRESETS.find((p) => p.id === presetId);
    if (presetId !== 'blank' && !preset) {
      throw new TanggapError('validation', 'Pilihan contoh profil kantor tidak dikenal.', 'presetId');
    }
    // Refused before hashing: a set-up office must not spend argon2 time on strangers.
    if (!needsSetup(ctx.db)) throw alreadySetUp();
    const hash = await hashPassword(admin.password);
    const user = write(ctx.db, () => {
      // Checked inside the write lock: two first-start windows cannot both set up.
      if (!needsSetup(ctx.db)) throw alreadySetUp();
      writeSetting(ctx.db, 'office', office);
      writeSetting(ctx.db, 'standard', preset?.standard ?? blankStandard());
      const created = insertUser(ctx, admin.username, hash, { ...admin.user, role: 'admin', active: true });
      appendAudit(ctx.db, { at: nowIso(ctx), actorId: created.id, action: 'setup.completed', entity: 'office', entityId: null, data: { presetId } });
      ctx.session.setToken(createSession(ctx, created.id));
      return created;
    });
    return withOffice(ctx, user, false);
  },
  'setup.backups': (ctx, { folder }) => ctx.backup.listFolder(folder, stillFresh),
  'setup.restore': async (ctx, { folder, file }) => {
    const { complaints } = await ctx.backup.restoreFresh(folder, file, stillFresh);
    // The restored users sign in again; no session carries over from the fresh install.
    ctx.session.setToken(null);
    // The restored data may have the LAN server switched on.
    await ctx.lan?.apply();
    return { complaints };
  },
  'setup.nextSteps': (ctx) => nextSteps(ctx.db),
  'setup.dismissNextSteps': (ctx) =>
    write(ctx.db, () => {
      dismissNextSteps(ctx.db);
      return nextSteps(ctx.db);
    }),
};

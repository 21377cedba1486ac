import type { LanStatus } from '../../../shared/schemas/server';
import { appendAudit } from '../audit/chain';
import { requireUser, write, type Ctx, type Handlers } from '../context';
import { TanggapError } from '../errors';
import { readLanSettings, writeLanSettings } from './settings';

const unavailable = (ctx: Ctx): LanStatus => ({
  available: false,
  settings: readLanSettings(ctx.db),
  interfaces: [],
  running: false,
  url: null,
  fingerprint: null,
  qr: null,
  error: null,
});

export const serverHandlers: Pick<Handlers, 'server.status' | 'server.update'> = {
  'server.status': (ctx) => (ctx.lan ? ctx.lan.status() : unavailable(ctx)),
  'server.update': async (ctx, settings) => {
    const actor = requireUser(ctx);
    if (!ctx.lan) {
      throw new TanggapError('conflict', 'Tanggap di sini berjalan tanpa server jaringan. Buka aplikasi desktop Tanggap di komputer kantor untuk menjadikannya server.');
    }
    if (settings.enabled) {
      if (!settings.address) throw new TanggapError('validation', 'Pilih alamat jaringan komputer ini yang dipakai komputer lain.', 'address');
      const known = ctx.lan.status().interfaces.map((i) => i.address);
      if (!known.includes(settings.address)) {
        throw new TanggapError(
          'validation',
          known.length
            ? `Alamat ${settings.address} bukan alamat jaringan komputer ini. Pilih salah satu: ${known.join(', ')}.`
            : 'Komputer ini tidak tersambung ke jaringan kantor. Sambungkan kabel LAN atau Wi-Fi, lalu muat ulang halaman ini.',
          'address',
        );
      }
    }
    write(ctx.db, () => {
      writeLanSettings(ctx.db, settings);
      appendAudit(ctx.db, { at: ctx.now().toISOString(), actorId: actor.id, action: 'server.settings', entity: 'settings', entityId: null, data: { ...settings } });
    });
    return ctx.lan.apply();
  },
};

import * as z from 'zod';
// The one locale by name: `z.locales` would bring every language zod has into the bundles.
import { id } from 'zod/locales';

// Indonesian fallback messages for every schema; specific fields say more below.
z.config(id());

export const text = (label: string, max = 200) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    .min(1, { error: `${label} wajib diisi.` })
    .max(max, { error: `${label} paling panjang ${max} karakter.` });

export const optionalText = (label: string, max = 200) =>
  z
    .string({ error: `${label} harus berupa teks.` })
    .trim()
    .max(max, { error: `${label} paling panjang ${max} karakter.` })
    .default('');

export const isoInstant = z.iso.datetime({ offset: true, error: 'Waktu tidak valid.' });
export const idSchema = z.number().int().positive();
export const empty = z.object({}).strict();

// Two people may edit the same record at once: a read gives its rowVersion, and an
// update carries the one the user started from, so the core refuses a change made
// over someone else's (0: not stored yet, the defaults).
export const versionSchema = z
  .number({ error: 'Versi data tidak terbaca. Muat ulang halaman ini, lalu ulangi isian Anda.' })
  .int({ error: 'Versi data tidak terbaca. Muat ulang halaman ini, lalu ulangi isian Anda.' })
  .nonnegative({ error: 'Versi data tidak terbaca. Muat ulang halaman ini, lalu ulangi isian Anda.' });
export const withVersion = <T extends z.ZodType>(schema: T) => z.intersection(schema, z.object({ rowVersion: versionSchema }));

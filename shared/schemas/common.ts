import { z } from 'zod';

// Indonesian fallback messages for every schema; specific fields say more below.
z.config(z.locales.id());

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

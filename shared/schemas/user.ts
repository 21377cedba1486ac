import * as z from 'zod';
import { isYmd } from '../time/workingTime';
import { ROLES } from '../domain';
import { idSchema, optionalText, text } from './common';

export const usernameSchema = z
  .string({ error: 'Nama pengguna wajib diisi.' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'Nama pengguna wajib diisi.', abort: true })
  .regex(/^[a-z0-9._-]{3,32}$/, {
    error: 'Nama pengguna 3–32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.',
  });

// Passwords anyone tries first: one character over and over, a run of the digits, the
// alphabet or the keyboard (either way), and the few words most often chosen.
const RUNS = ['01234567890123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'].flatMap((r) => [r, [...r].reverse().join('')]);
const COMMON_PASSWORDS = new Set(['password', 'password1', 'password123', 'katasandi', 'kata sandi', 'katasandi1', 'qwerty123', 'admin123', 'iloveyou', 'bismillah', 'rahasia1', 'rahasia123']);
const guessablePassword = (password: string): boolean => {
  const p = password.toLowerCase();
  return /^(.)\1*$/su.test(p) || RUNS.some((r) => r.includes(p)) || COMMON_PASSWORDS.has(p);
};

export const passwordSchema = z
  .string({ error: 'Kata sandi wajib diisi.' })
  .min(8, { error: 'Kata sandi minimal 8 karakter.' })
  .max(128, { error: 'Kata sandi paling panjang 128 karakter.' })
  .refine((p) => !guessablePassword(p), {
    error: 'Kata sandi ini mudah ditebak (satu huruf berulang, urutan angka atau huruf, atau kata yang umum dipakai). Pakai gabungan kata dan angka yang hanya Anda ketahui.',
  });

// Typed as printed ("19780512 200312 1 004") or run together: kept as its 18 digits. Its
// first eight are the holder's date of birth (PNS and PPPK alike), so they must be a date.
const NIP_EXAMPLE = 'contoh 19780512 200312 1 004';
const isBirthDate = (nip: string) => nip >= '1900' && isYmd(`${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`);
export const nipSchema = optionalText('NIP', 24)
  .transform((v) => v.replace(/\s+/g, ''))
  .refine((v) => v === '' || /^\d{18}$/.test(v), { error: `NIP harus 18 angka, ${NIP_EXAMPLE}.`, abort: true })
  .refine((v) => v === '' || isBirthDate(v), {
    error: `Delapan angka pertama NIP adalah tanggal lahir (tahun, bulan, tanggal), tetapi yang diketik bukan tanggal. Periksa lagi NIP-nya, ${NIP_EXAMPLE}.`,
  });

export const userFieldsSchema = z
  .object({
    name: text('Nama lengkap', 120),
    nip: nipSchema,
    jabatan: text('Jabatan', 120),
    pangkat: optionalText('Pangkat/golongan', 80),
    role: z.enum(ROLES, { error: 'Pilih peran pengguna.' }),
    seksi: optionalText('Seksi', 80),
    active: z.boolean().default(true),
  })
  .refine((u) => u.role !== 'kasi' || u.seksi !== '', {
    error: 'Kasi/Kasubbag wajib memiliki seksi, contoh: Seksi Pelayanan.',
    path: ['seksi'],
  });

export const newUserSchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  user: userFieldsSchema,
});

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  name: z.string(),
  nip: z.string(),
  jabatan: z.string(),
  pangkat: z.string(),
  role: z.enum(ROLES),
  seksi: z.string(),
  active: z.boolean(),
});
export type User = z.infer<typeof userSchema>;
/** A user as the Admin's list shows them: locked out until when, after too many wrong passwords. */
// openDispositions: the dispositions a Kasi still works on, which switching the account off
// or giving it another role hands back to their disposers.
export const listedUserSchema = userSchema.extend({ lockedUntil: z.string().nullable(), openDispositions: z.number().int().nonnegative() });
export type UserFields = z.infer<typeof userFieldsSchema>;

import * as z from 'zod';
// The one locale by name: `z.locales` would bring every language zod has into the bundles.
import { id } from 'zod/locales';
import { numberId } from '../text/numbers';
import { FIRST_YEAR, LAST_YEAR } from '../time/workingTime';

// Indonesian fallback messages for every schema; specific fields say more below.
z.config(id());

// Characters that are never meant in a field, only pasted with it or slipped in: control
// characters but tab and line feed (a CR is dropped, so every line ends in LF), zero-width
// spaces, soft hyphens, the byte-order mark and other blanks that show nothing, and the
// bidirectional marks, overrides and isolates that make a name read backwards on screen.
// Removed, not refused: the rest of the text stays, and a field that held nothing else is
// empty (and refused as such where it is required). Joiners (U+200C, U+200D) stay inside
// text (emoji sequences need them); a field of joiners and spaces alone is empty.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u200B\u200E\u200F\u2060\u2800\u3164\uFEFF\u202A-\u202E\u2066-\u2069]|\u034F/g;
export const withoutInvisible = (value: string) => {
  const kept = value.replace(INVISIBLE, '');
  return /^[\s\u200C\u200D]*$/.test(kept) ? '' : kept;
};

// A PNG or JPEG as a data: URL whose first bytes are what its type says (PNG's signature,
// JPEG's FF D8 FF): another kind of file renamed .png is refused, not saved to show broken.
const IMAGE_DATA_URL = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]{12})[A-Za-z0-9+/]*=*$/;
export function isPngOrJpeg(dataUrl: string): boolean {
  const m = IMAGE_DATA_URL.exec(dataUrl);
  if (!m) return false;
  const head = atob(m[2]!);
  return head.startsWith(m[1] === 'png' ? '\x89PNG\r\n\x1a\n' : '\xff\xd8\xff');
}

// "5.000 karakter", as numbers are written in Indonesian.
const chars = (max: number) => `${numberId(max)} karakter`;

export const text = (label: string, max = 200) =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? `${label} wajib diisi.` : `${label} harus berupa teks.`) })
    .overwrite(withoutInvisible)
    .trim()
    .min(1, { error: `${label} wajib diisi.` })
    .max(max, { error: `${label} paling panjang ${chars(max)}.` });

export const optionalText = (label: string, max = 200) =>
  z
    .string({ error: `${label} harus berupa teks.` })
    .overwrite(withoutInvisible)
    .trim()
    .max(max, { error: `${label} paling panjang ${chars(max)}.` })
    .default('');

// Text that says something: at least `min` characters besides spaces and the joiners that
// show nothing on their own (U+200C, U+200D, which withoutInvisible keeps inside text).
export const saysAtLeast = (min: number) => (v: string) => [...v.replace(/[\s\u200C\u200D]/g, '')].length >= min;

// The year and the month of the register's filters and of the reports (name: how the
// field is called in its messages, "Tahun rekap"). A month filters only with its year.
export const yearField = (name = 'Tahun') =>
  z
    .number({ error: `Pilih ${name.toLowerCase()}.` })
    .int({ error: `${name} ditulis dengan angka, misalnya 2026.` })
    .min(FIRST_YEAR, { error: `${name} paling awal ${FIRST_YEAR}.` })
    .max(LAST_YEAR, { error: `${name} paling akhir ${LAST_YEAR}.` });
const MONTH_RANGE = { error: 'Bulan 1–12.' };
export const monthField = (missing = 'Bulan ditulis dengan angka 1–12.') => z.number({ error: missing }).int(MONTH_RANGE).min(1, MONTH_RANGE).max(12, MONTH_RANGE);
export const monthWithYear: [(q: { year?: number | undefined; month?: number | undefined }) => boolean, { error: string; path: PropertyKey[] }] = [
  (q) => q.month === undefined || q.year !== undefined,
  { error: 'Bulan dipilih tanpa tahun: pilih tahunnya juga.', path: ['month'] },
];

// A password typed to log in, to sign or to close the kiosk (missing: what to do when empty).
export const passwordField = (missing: string) =>
  z.string({ error: missing }).min(1, { error: missing }).max(128, { error: 'Kata sandi paling panjang 128 karakter.' });

export const isoInstant = z.iso.datetime({ offset: true, error: 'Waktu tidak valid.' });
// An id comes from a screen that read it: a wrong one means the screen is out of date.
export const idSchema = z.number({ error: 'Nomor data tidak terbaca; muat ulang halaman, lalu ulangi.' }).int().positive();
export const empty = z.object({}).strict();

// Two people may edit the same record at once: a read gives its rowVersion, and an
// update carries the one the user started from, so the core refuses a change made
// over someone else's (0: not stored yet, the defaults).
export const versionSchema = z
  .number({ error: 'Versi data tidak terbaca. Muat ulang halaman ini, lalu ulangi isian Anda.' })
  .int({ error: 'Versi data tidak terbaca. Muat ulang halaman ini, lalu ulangi isian Anda.' })
  .nonnegative({ error: 'Versi data tidak terbaca. Muat ulang halaman ini, lalu ulangi isian Anda.' });
export const withVersion = <T extends z.ZodType>(schema: T) => z.intersection(schema, z.object({ rowVersion: versionSchema }));

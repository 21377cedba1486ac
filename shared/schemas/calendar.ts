import * as z from 'zod';
import { TIME_ZONES } from '../domain';
import { validateCalendar } from '../time/workingTime';
import { text } from './common';

// The office calendar as the admin edits it: work week, breaks, Ramadan hours,
// holidays, cuti bersama and one-off closures. Shape checks here; the meaning
// (close after open, breaks inside hours, …) is checked by the clock module.

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Jam harus berbentuk JJ:MM, contoh 07:30.' });
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Tanggal harus berbentuk TTTT-BB-HH.' });

const daySchema = z
  .object({ open: hhmm, close: hhmm, breaks: z.array(z.object({ start: hhmm, end: hhmm })).max(3) })
  .nullable();

const weekSchema = z.object({ 1: daySchema, 2: daySchema, 3: daySchema, 4: daySchema, 5: daySchema, 6: daySchema, 7: daySchema });

export const CLOSURE_KINDS = ['libur_nasional', 'cuti_bersama', 'libur_kantor'] as const;
export const CLOSURE_KIND_LABEL: Record<(typeof CLOSURE_KINDS)[number], string> = {
  libur_nasional: 'Libur nasional',
  cuti_bersama: 'Cuti bersama',
  libur_kantor: 'Libur kantor',
};

export const CLOSURE_KIND_CHOICE = { error: 'Pilih jenis libur: libur nasional, cuti bersama atau libur kantor.' };

export const closureSchema = z.object({
  date: ymd,
  name: text('Nama hari libur', 120),
  kind: z.enum(CLOSURE_KINDS, CLOSURE_KIND_CHOICE),
});

export const calendarSchema = z
  .object({
    timeZone: z.enum(TIME_ZONES, { error: 'Pilih zona waktu: WIB, WITA atau WIT.' }),
    week: weekSchema,
    special: z
      .array(z.object({ from: ymd, to: ymd, name: text('Nama jadwal khusus', 80), week: weekSchema }))
      .max(20, { error: 'Kalender memuat paling banyak 20 jadwal khusus; hapus dulu jadwal yang sudah lewat.' }),
    closures: z.array(closureSchema).max(400, { error: 'Kalender memuat paling banyak 400 hari libur; hapus dulu hari libur tahun-tahun yang sudah lewat.' }),
  })
  .superRefine((cal, ctx) => {
    for (const issue of validateCalendar(cal)) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) });
    }
  });

import * as z from 'zod';
import { idSchema } from '../schemas/common';
import { ROLES } from '../domain';
import { AUDIT_CATEGORIES } from './labels';
import { isYmd } from '../time/workingTime';

const ymd = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `Tanggal ${label} harus ditulis tttt-bb-hh.` })
    .refine(isYmd, {
      error: `Tanggal ${label} tidak ada di kalender.`,
    });

// Who did what to which complaint and when: the filters of the audit page and its CSV.
const filterFields = z.object({
  actorId: idSchema.optional(),
  // As printed on the tanda terima, e.g. 0001/PGD/2026.
  registerNo: z.string().trim().max(40, { error: 'Nomor register paling panjang 40 karakter.' }).optional(),
  // Local dates in the office time zone, both days included.
  from: ymd('"Dari"').optional(),
  to: ymd('"Sampai"').optional(),
  category: z.enum(AUDIT_CATEGORIES).optional(),
});
const ordered = (f: { from?: string | undefined; to?: string | undefined }) => !f.from || !f.to || f.from <= f.to;
const orderError = { error: 'Tanggal "Dari" tidak boleh sesudah tanggal "Sampai".', path: ['to'] };

export const auditFilterSchema = filterFields.refine(ordered, orderError);
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const AUDIT_PAGE_MAX = 200;

export const auditListInputSchema = filterFields
  .extend({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(AUDIT_PAGE_MAX, { error: `Paling banyak ${AUDIT_PAGE_MAX} baris per halaman.` }).default(50),
  })
  .refine(ordered, orderError);

export const auditRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  actorRole: z.enum(ROLES).nullable(),
  action: z.string(),
  label: z.string(),
  target: z.string(),
  detail: z.string(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

export const auditListSchema = z.object({
  total: z.number().int(),
  rows: z.array(auditRowSchema),
  // Everyone who can appear as the one who acted, for the Pengguna filter (the Camat
  // may not list users otherwise).
  actors: z.array(z.object({ id: z.number().int(), name: z.string(), role: z.enum(ROLES), active: z.boolean() })),
});

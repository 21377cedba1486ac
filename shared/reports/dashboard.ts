import * as z from 'zod';
import { monthField, monthWithYear, yearField } from '../schemas/common';
import { SKM_GRADES } from '../skm';
import { recapStepSchema } from './recap';

// The Camat's page: this month at a glance, a 12-month trend and the slowest steps.
// Every number is a link to the complaints behind it (see `RegisterLink`).

const count = z.number().int().min(0);

export const dashboardQuerySchema = z
  .object({
    // Both absent: the current month in the office's time zone; a year alone: its December.
    year: yearField().optional(),
    month: monthField().optional(),
  })
  .refine(...monthWithYear);

const keyedSchema = z.object({ key: z.string(), label: z.string(), received: count, open: count, late: count });

export const dashboardSchema = z.object({
  year: z.number().int(),
  month: z.number().int(),
  periodLabel: z.string(),
  // Received and finished this month; open, late and at risk (standard clock) right now.
  received: count,
  finished: count,
  open: count,
  late: count,
  atRisk: count,
  bySeksi: z.array(keyedSchema),
  byChannel: z.array(keyedSchema),
  // The 12 months ending with this one, oldest first; key "2026-11", label "Nov 2026".
  // lateAtEnd: as of now for the month running (`running`), null for a month not begun.
  trend: z.array(z.object({ key: z.string(), label: z.string(), received: count, finished: count, lateAtEnd: count.nullable(), running: z.boolean() })),
  // Steps of the standard, slowest first (average working time against their limit).
  slowestSteps: z.array(recapStepSchema),
  // The month's satisfaction index (SKM); null value and grade while nobody responded.
  ikm: z.object({ value: z.number().nullable(), grade: z.enum(SKM_GRADES).nullable(), respondents: count }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

import * as z from 'zod';
import { EVENT_KINDS, type ClientEvent } from '../events';

// An event as the core pushes it (shared/events.ts lists the kinds and says where they go).
export const clientEventSchema: z.ZodType<ClientEvent> = z.object({
  kind: z.enum(EVENT_KINDS),
  at: z.string(),
  complaintId: z.number().int().positive().nullable(),
  registerNo: z.string().nullable(),
  message: z.string(),
  forMe: z.boolean(),
});

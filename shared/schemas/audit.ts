import * as z from 'zod';

// A checkpoint states "the audit trail had this many rows, the last one being this"
// at a moment (each backup writes one, into the database and into the backup folder).
export const auditCheckpointCheckSchema = z.object({
  at: z.string(),
  rows: z.number().int(),
  // Where it was read: the office database, or the log beside the backups.
  source: z.enum(['basis_data', 'folder_cadangan']),
  // cocok: the trail still holds that row unchanged; terpotong: the trail is now shorter;
  // berubah: the row at that place is different; kunci_lain: sealed on another computer, not checkable here.
  state: z.enum(['cocok', 'terpotong', 'berubah', 'kunci_lain']),
});
export type AuditCheckpointCheck = z.infer<typeof auditCheckpointCheckSchema>;

export const auditVerdictSchema = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  // The first row (or the place) where the trail stops being trustworthy, in plain words.
  // `at` and `what`: when that row was written and what it says it records ("Pengaduan
  // dicatat oleh Dewi Lestari"), as the log on screen shows it; null where the row is gone.
  firstBroken: z.object({ id: z.number().int(), reason: z.string(), at: z.string().nullable(), what: z.string().nullable() }).nullable(),
  // Every row in the trail now (`rows`: those walked, up to the first broken one).
  total: z.number().int(),
  // Rows carrying this computer's seal (a keyed code the database file alone cannot recompute).
  sealedHere: z.number().int(),
  // Rows written before sealing began or sealed on another computer (a restored backup):
  // they are held in place by the sealed rows after them.
  carried: z.number().int(),
  checkpoints: z.array(auditCheckpointCheckSchema),
  // Each complaint's current record compared with the state its last recorded event saw.
  complaints: z.object({
    checked: z.number().int(),
    changed: z.array(z.object({ id: z.number().int(), registerNo: z.string() })),
  }),
});
export type AuditVerdict = z.infer<typeof auditVerdictSchema>;

import * as z from 'zod';
import { signatureViewSchema } from '../documents/common';

// The end of a report the office hands in (the buku rekap, the IKM, the monthly report to
// SP4N-LAPOR!), printed or in Excel: the place and the day it is printed, and the head of
// office's block to sign by hand, as a letter's: "Kejayan, 6 Desember 2026 / CAMAT
// KEJAYAN, / … / name / pangkat / NIP". The signer is whoever is appointed Plt./Plh. that
// day, else the head of office; with neither, a dotted line to write the name on.
export const reportSignOffSchema = z.object({
  placeDate: z.string(),
  signature: signatureViewSchema,
});
export type ReportSignOff = z.infer<typeof reportSignOffSchema>;

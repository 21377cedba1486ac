import * as z from 'zod';
import { ROLES, WET_SIGNING_ROLES, type Role } from './domain';
import { empty, idSchema, isoInstant, passwordField, saysAtLeast, text, versionSchema, withVersion } from './schemas/common';
import {
  complaintDetailSchema,
  complaintInputSchema,
  complaintQuerySchema,
  SIMILAR_MAX,
  similarComplaintSchema,
  similarQuerySchema,
} from './schemas/complaint';
import { officeDraftSchema, officeProfileSchema, storedOfficeSchema } from './schemas/office';
import { nextStepsSchema, setupInputSchema } from './schemas/setup';
import { listedUserSchema, newUserSchema, passwordSchema, userFieldsSchema, userSchema, usernameSchema } from './schemas/user';
import { receiptViewSchema } from './documents/receipt';
import { dispositionSheetViewSchema } from './documents/dispositionSheet';
import { documentWithContentSchema, issuedDocumentSchema } from './documents/issued';
import {
  actingOfficialInputSchema,
  actingOfficialSchema,
  archiveInputSchema,
  deliverInputSchema,
  documentSettingsInputSchema,
  documentSettingsSchema,
  draftInputSchema,
  returnDocumentSchema,
  reviseInputSchema,
  signatureImageSchema,
  scanAwaitedSchema,
  signatureQueueItemSchema,
  signInputSchema,
  printWetInputSchema,
  signWetInputSchema,
  verifyInputSchema,
  verifyResultSchema,
} from './schemas/documents';
import { CLOSURE_KIND_CHOICE, CLOSURE_KINDS, calendarSchema } from './schemas/calendar';
import { serviceStandardSchema } from './standards/schema';
import { recapQuerySchema, recapSchema } from './reports/recap';
import { dashboardQuerySchema, dashboardSchema } from './reports/dashboard';
import { exportJobIdSchema, exportStartedSchema, exportStatusSchema, laporQuerySchema, recapCsvInputSchema, registerExportInputSchema } from './reports/exports';
import { auditVerdictSchema } from './schemas/audit';
import { importJobIdSchema, importPreviewInputSchema, importPreviewSchema, importRunInputSchema, importStartedSchema, importStatusSchema } from './schemas/import';
import {
  kioskExitInputSchema,
  kioskStateSchema,
  skmKioskInputSchema,
  skmPeriodQuerySchema,
  skmSubmitInputSchema,
  skmSummarySchema,
} from './schemas/skm';
import { auditFilterSchema, auditListInputSchema, auditListSchema } from './audit/list';
import {
  backupEntrySchema,
  backupSettingsSchema,
  backupStatusSchema,
  restoreInputSchema,
  restoreResultSchema,
  setupFolderSchema,
  setupRestoreInputSchema,
} from './schemas/backup';
import { lanSettingsSchema, lanStatusSchema } from './schemas/server';
import {
  advanceInputSchema,
  assigneeSchema,
  dispositionIdSchema,
  disposeInputSchema,
  exitInputSchema,
  followUpInputSchema,
  journeySchema,
  officeTasksQuerySchema,
  officeTasksPageSchema,
  registerRowSchema,
  resumeInputSchema,
  returnDispositionSchema,
  takeOverInputSchema,
  taskCountsSchema,
  taskSchema,
  undoStepInputSchema,
} from './schemas/workflow';

// Who may make a call: 'public' needs no session, 'user' any signed-in role,
// otherwise the listed roles.
export type Access = 'public' | 'user' | readonly Role[];

interface CallSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}
const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access): CallSpec<I, O> => ({
  input,
  output,
  access,
});

const HANDLERS = ['staf', 'kasi', 'sekcam', 'camat'] as const;

export const fileSchema = z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() });

// mustChangePassword: the Admin set this password; every call but changing it is refused.
// signsForHead: signs on screen for the head of office today (the Camat, the Sekcam, a Kasi
// appointed Plt./Plh. for today), so the signature queue is theirs; signing checks it again.
// hostTime: the core's clock when it answered. A PC on the office's network may have its own
// clock set wrong (a flat CMOS battery); its forms take today from this one.
const sessionUserSchema = userSchema.extend({ officeName: z.string(), mustChangePassword: z.boolean(), signsForHead: z.boolean(), hostTime: isoInstant });

const presetSchema = z.object({ id: z.string(), label: z.string(), office: officeDraftSchema });

// The events the core pushes to open screens (the other half of the contract) are
// listed in shared/events.ts.
export { EVENT_KINDS, type ClientEvent, type EventKind } from './events';
export { clientEventSchema } from './schemas/events';

// THE list of calls between renderer and core. Every transport validates input with
// these schemas and checks `access` before the handler runs; main/core must provide
// a handler for each (the compiler enforces it).
export const contract = {
  'setup.status': call(empty, z.object({ needsSetup: z.boolean(), officeName: z.string() }), 'public'),
  'setup.presets': call(empty, z.array(presetSchema), 'public'),
  'setup.complete': call(setupInputSchema, sessionUserSchema, 'public'),
  // A fresh install restored from a backup instead of set up; refused once set up.
  'setup.backups': call(setupFolderSchema, z.array(backupEntrySchema), 'public'),
  'setup.restore': call(setupRestoreInputSchema, z.object({ complaints: z.number().int() }), 'public'),
  // The admin's "Langkah berikutnya" card after setup: what is still to do, until dismissed.
  'setup.nextSteps': call(empty, nextStepsSchema, ['admin']),
  'setup.dismissNextSteps': call(empty, nextStepsSchema, ['admin']),

  'auth.login': call(
    z.object({ username: usernameSchema, password: passwordField('Kata sandi wajib diisi.') }),
    sessionUserSchema,
    'public',
  ),
  'auth.logout': call(empty, z.object({ ok: z.literal(true) }), 'public'),
  'auth.me': call(empty, sessionUserSchema.nullable(), 'public'),
  'auth.changePassword': call(
    z.object({
      oldPassword: z.string().min(1, { error: 'Kata sandi lama wajib diisi.' }).max(128, { error: 'Kata sandi lama paling panjang 128 karakter.' }),
      newPassword: passwordSchema,
    }),
    z.object({ ok: z.literal(true) }),
    'user',
  ),

  // Every read of a record that two people may edit gives its rowVersion, and its update
  // carries the one the user started from; a stale one is refused ('conflict').
  'office.get': call(empty, withVersion(storedOfficeSchema), 'user'),
  'office.update': call(withVersion(officeProfileSchema), withVersion(officeProfileSchema), ['admin']),

  'users.list': call(empty, z.array(withVersion(listedUserSchema)), ['admin']),
  // Lifts the lock wrong passwords set, the password unchanged.
  'users.unlock': call(z.object({ id: idSchema }), z.object({ ok: z.literal(true) }), ['admin']),
  'users.create': call(newUserSchema, withVersion(userSchema), ['admin']),
  'users.update': call(z.object({ id: idSchema, rowVersion: versionSchema, user: userFieldsSchema }), withVersion(userSchema), ['admin']),
  'users.resetPassword': call(z.object({ id: idSchema, password: passwordSchema }), z.object({ ok: z.literal(true) }), [
    'admin',
  ]),

  'complaints.create': call(complaintInputSchema, complaintDetailSchema, ['staf']),
  'complaints.list': call(
    complaintQuerySchema,
    z.object({ rows: z.array(registerRowSchema), total: z.number().int(), years: z.array(z.number().int()) }),
    HANDLERS,
  ),
  'complaints.get': call(z.object({ id: idSchema }), complaintDetailSchema, HANDLERS),
  'complaints.kelengkapanChecklist': call(empty, z.array(z.string()), HANDLERS),
  // Possible duplicates of a complaint being entered (no reporter data in the answer).
  'complaints.similar': call(similarQuerySchema, z.array(similarComplaintSchema).max(SIMILAR_MAX), ['staf']),
  'complaints.intakeRules': call(empty, z.object({ backdateDays: z.number().int() }), ['staf']),
  'complaints.receipt': call(z.object({ id: idSchema }), receiptViewSchema, HANDLERS),
  'complaints.receiptDocx': call(z.object({ id: idSchema }), fileSchema, HANDLERS),
  'complaints.attachment': call(z.object({ id: idSchema }), fileSchema, HANDLERS),

  'complaints.personalData': call(
    z.object({ id: idSchema, reason: text('Alasan membuka data pribadi pelapor', 300).refine(saysAtLeast(5), { error: 'Tulis alasan membuka data pribadi pelapor (minimal 5 huruf).' }) }),
    complaintDetailSchema.shape.reporter,
    HANDLERS,
  ),

  'workflow.journey': call(z.object({ id: idSchema }), journeySchema, HANDLERS),
  'workflow.advance': call(advanceInputSchema, journeySchema, HANDLERS),
  'workflow.takeOver': call(takeOverInputSchema, journeySchema, HANDLERS),
  'workflow.undoStep': call(undoStepInputSchema, journeySchema, HANDLERS),
  'workflow.dispose': call(disposeInputSchema, journeySchema, HANDLERS),
  'workflow.withdrawDisposition': call(dispositionIdSchema, journeySchema, HANDLERS),
  'workflow.returnDisposition': call(returnDispositionSchema, journeySchema, ['kasi']),
  'workflow.followUp': call(followUpInputSchema, journeySchema, HANDLERS),
  'workflow.exit': call(exitInputSchema, journeySchema, ['staf', 'sekcam', 'camat']),
  'workflow.resume': call(resumeInputSchema, journeySchema, ['staf', 'sekcam', 'camat']),
  'workflow.assignees': call(empty, z.array(assigneeSchema), ['staf', 'sekcam', 'camat']),
  'tasks.mine': call(empty, z.array(taskSchema), HANDLERS),
  'tasks.office': call(officeTasksQuerySchema, officeTasksPageSchema, ['sekcam', 'camat']),
  'tasks.counts': call(empty, taskCountsSchema, HANDLERS),

  'standard.get': call(empty, withVersion(serviceStandardSchema), 'user'),
  'standard.update': call(withVersion(serviceStandardSchema), withVersion(serviceStandardSchema), ['admin']),
  'calendar.get': call(empty, withVersion(calendarSchema), 'user'),
  'calendar.update': call(withVersion(calendarSchema), withVersion(calendarSchema), ['admin']),
  'calendar.importIcs': call(
    z.object({
      text: z.string().min(1, { error: 'Berkas iCal kosong.' }).max(1_000_000, { error: 'Berkas iCal paling besar 1 MB.' }),
      kind: z.enum(CLOSURE_KINDS, CLOSURE_KIND_CHOICE).default('libur_nasional'),
    }),
    z.object({ added: z.number().int(), skipped: z.number().int(), errors: z.array(z.string()) }),
    ['admin'],
  ),

  // The paper trail: every document issued for a complaint, frozen once issued.
  'documents.list': call(z.object({ complaintId: idSchema }), z.array(issuedDocumentSchema), HANDLERS),
  'documents.get': call(z.object({ id: idSchema }), documentWithContentSchema, HANDLERS),
  'documents.docx': call(z.object({ id: idSchema }), fileSchema, HANDLERS),
  'documents.scan': call(z.object({ id: idSchema }), fileSchema, HANDLERS),
  'documents.draft': call(draftInputSchema, issuedDocumentSchema, HANDLERS),
  'documents.revise': call(reviseInputSchema, issuedDocumentSchema, HANDLERS),
  'documents.paraf': call(z.object({ id: idSchema }), issuedDocumentSchema, HANDLERS),
  'documents.return': call(returnDocumentSchema, issuedDocumentSchema, HANDLERS),
  // A Kasi only on a day he acts for the head of office (Plt./Plh.): the handlers check the date.
  'documents.sign': call(signInputSchema, issuedDocumentSchema, ['kasi', 'sekcam', 'camat']),
  // A signature by hand: the draft printed for it (numbered, without the DRAF mark), then its scan.
  'documents.printWet': call(printWetInputSchema, issuedDocumentSchema, WET_SIGNING_ROLES),
  'documents.signWet': call(signWetInputSchema, issuedDocumentSchema, WET_SIGNING_ROLES),
  'documents.scansAwaited': call(empty, z.array(scanAwaitedSchema), WET_SIGNING_ROLES),
  'documents.signatureQueue': call(empty, z.array(signatureQueueItemSchema), ['kasi', 'sekcam', 'camat']),
  'documents.verify': call(verifyInputSchema, verifyResultSchema, 'user'),
  'documents.blankDispositionSheet': call(empty, z.object({ view: dispositionSheetViewSchema, file: fileSchema }), HANDLERS),
  'documents.deliver': call(deliverInputSchema, journeySchema, HANDLERS),
  'documents.archive': call(archiveInputSchema, journeySchema, HANDLERS),
  'documents.settings': call(empty, withVersion(documentSettingsSchema), 'user'),
  'documents.updateSettings': call(withVersion(documentSettingsInputSchema), withVersion(documentSettingsSchema), ['admin']),

  'officials.list': call(empty, z.array(actingOfficialSchema), 'user'),
  'officials.add': call(actingOfficialInputSchema, z.array(actingOfficialSchema), ['admin']),
  'officials.remove': call(z.object({ id: idSchema }), z.array(actingOfficialSchema), ['admin']),
  // A Kasi keeps one too, for the days he is appointed Plt./Plh.
  'auth.signature': call(empty, z.object({ image: signatureImageSchema }), ['kasi', 'sekcam', 'camat']),
  'auth.setSignature': call(z.object({ image: signatureImageSchema }), z.object({ image: signatureImageSchema }), ['kasi', 'sekcam', 'camat']),

  // Who opened whose reporter identity, by register number (never the reporter's data).
  'audit.personalDataViews': call(
    empty,
    z.array(z.object({ at: z.string(), actorName: z.string(), actorRole: z.enum(ROLES), registerNo: z.string(), complaintId: z.number().int(), reason: z.string() })),
    ['admin', 'camat'],
  ),
  'backup.status': call(empty, backupStatusSchema, ['admin']),
  'backup.updateSettings': call(withVersion(backupSettingsSchema), backupStatusSchema, ['admin']),
  'backup.now': call(empty, backupStatusSchema, ['admin']),
  'backup.restore': call(restoreInputSchema, restoreResultSchema, ['admin']),

  // Reports the office hands in, and the Camat's page.
  'reports.recap': call(recapQuerySchema, recapSchema, HANDLERS),
  // The buku rekap as files: every table as one sheet, or one table as CSV.
  'reports.recapXlsx': call(recapQuerySchema, fileSchema, HANDLERS),
  'reports.recapCsv': call(recapCsvInputSchema, fileSchema, HANDLERS),
  // The month's report to SP4N-LAPOR! and the Inspektorat (no reporter's data).
  'reports.laporXlsx': call(laporQuerySchema, fileSchema, ['staf', 'sekcam', 'camat']),
  // The register for a filter as XLSX, built as a job: start, poll, fetch.
  'complaints.exportXlsx': call(registerExportInputSchema, exportStartedSchema, HANDLERS),
  'exports.status': call(exportJobIdSchema, exportStatusSchema, HANDLERS),
  'exports.cancel': call(exportJobIdSchema, z.object({ ok: z.literal(true) }), HANDLERS),
  'exports.file': call(exportJobIdSchema, fileSchema, HANDLERS),
  'reports.dashboard': call(dashboardQuerySchema, dashboardSchema, ['sekcam', 'camat']),

  // Survei Kepuasan Masyarakat (PermenPANRB 14/2017): the Staf enters a questionnaire or
  // opens the kiosk; the IKM per period for the Staf and the leaders.
  'skm.submit': call(skmSubmitInputSchema, z.object({ id: idSchema }), ['staf']),
  'skm.summary': call(skmPeriodQuerySchema, skmSummarySchema, ['staf', 'sekcam', 'camat']),
  'skm.exportXlsx': call(skmPeriodQuerySchema, fileSchema, ['staf', 'sekcam', 'camat']),
  // Ends the Staf's session on this PC and leaves a kiosk token that only the kiosk calls take.
  'skm.kioskStart': call(empty, z.object({ ok: z.literal(true) }), ['staf']),
  // Public so the kiosk token (no user) reaches them; the core refuses any other token.
  'skm.kioskState': call(empty, kioskStateSchema, 'public'),
  'skm.kioskSubmit': call(skmKioskInputSchema, z.object({ ok: z.literal(true) }), 'public'),
  'skm.kioskExit': call(kioskExitInputSchema, z.object({ ok: z.literal(true) }), 'public'),

  // "Server kantor" (Admin): this PC serves the office's other PCs over the LAN with TLS.
  // Without a host (a core used on its own) the status says it is not available.
  'server.status': call(empty, lanStatusSchema, ['admin']),
  'server.update': call(lanSettingsSchema, lanStatusSchema, ['admin']),

  // Import of the old register (Excel/CSV) or an SP4N-LAPOR! export: a preview that writes
  // nothing (sheets, suggested column mapping, every row's outcome), then a confirmed run
  // as a job with progress and a report of imported and skipped rows.
  'import.preview': call(importPreviewInputSchema, importPreviewSchema, ['admin', 'staf']),
  'import.start': call(importRunInputSchema, importStartedSchema, ['admin', 'staf']),
  'import.status': call(importJobIdSchema, importStatusSchema, ['admin', 'staf']),

  'audit.verify': call(empty, auditVerdictSchema, ['admin', 'camat']),
  // Who did what to which complaint and when: register numbers and action labels, never complaint text.
  'audit.list': call(auditListInputSchema, auditListSchema, ['admin', 'camat']),
  'audit.export': call(auditFilterSchema, fileSchema, ['admin', 'camat']),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type CallArgs<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;

export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

export const ERROR_CODES = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'locked',
  'rate_limited',
  'too_large',
  'unknown_call',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export const apiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  field: z.string().optional(),
  fields: z.record(z.string(), z.string()).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export { ROLES };

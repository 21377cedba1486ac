import * as z from 'zod';
import { ATTACHMENT_MAX_COUNT, CLOCKS, OFFICE_PAGE_SIZE, RISKS, SIFAT, STATUSES, TASK_FILTERS } from '../domain';
import { attachmentUploadSchema, attachmentMetaSchema, complaintRowSchema } from './complaint';
import { idSchema, optionalText, saysAtLeast, text } from './common';
import { closingSatisfactionSchema } from './skm';

// The journey of a complaint through the office's Standar Pelayanan: what the
// renderer sends to move it, and what it gets back to show the timeline and queues.

// The instruction checklist of the lembar disposisi.
export const INSTRUCTIONS = ['tanggapan_saran', 'proses_lanjut', 'koordinasi', 'untuk_diketahui', 'arsip'] as const;
export type Instruction = (typeof INSTRUCTIONS)[number];
export const INSTRUCTION_LABEL: Record<Instruction, string> = {
  tanggapan_saran: 'Tanggapan dan saran',
  proses_lanjut: 'Proses lebih lanjut',
  koordinasi: 'Koordinasikan/konfirmasikan',
  untuk_diketahui: 'Untuk diketahui',
  arsip: 'Arsip',
};

export const EXITS = ['tidak_lengkap', 'bukan_kewenangan', 'ditolak', 'dicabut'] as const;
export type Exit = (typeof EXITS)[number];
export const EXIT_LABEL: Record<Exit, string> = {
  tidak_lengkap: 'Berkas tidak lengkap (minta pelapor melengkapi)',
  bukan_kewenangan: 'Bukan kewenangan (teruskan ke instansi lain)',
  ditolak: 'Tolak pengaduan',
  dicabut: 'Dicabut oleh pelapor',
};

export const FOLLOW_UP_KINDS = ['klarifikasi', 'tindakan', 'usulan_jawaban'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const FOLLOW_UP_LABEL: Record<FollowUpKind, string> = {
  klarifikasi: 'Catatan klarifikasi',
  tindakan: 'Tindakan yang dilakukan',
  usulan_jawaban: 'Usulan jawaban',
};

// The step the caller's screen shows: the core refuses when the complaint has moved on
// (another desk completed it meanwhile), rather than completing the step now running.
// Optional for API callers; the app's screens always send it.
const seenStep = idSchema.optional();

// satisfaction: the reporter's statement, when this completes the standard's last step.
export const advanceInputSchema = z.object({ id: idSchema, step: seenStep, note: optionalText('Catatan', 1000), satisfaction: closingSatisfactionSchema.optional() });

// Completing a step that belongs to someone else: the reason is part of the record.
export const takeOverInputSchema = z.object({
  id: idSchema,
  step: seenStep,
  reason: text('Alasan mengambil alih', 1000).refine(saysAtLeast(5), { error: 'Tulis alasan mengambil alih langkah ini, minimal 5 huruf.' }),
  satisfaction: closingSatisfactionSchema.optional(),
});
export type TakeOverInput = z.input<typeof takeOverInputSchema>;

// step: the step whose completion the screen offers to undo.
export const undoStepInputSchema = z.object({ id: idSchema, step: seenStep });

export const disposeInputSchema = z.object({
  id: idSchema,
  step: seenStep,
  to: z
    .array(idSchema, { error: 'Pilih Kasi tujuan disposisi.' })
    .min(1, { error: 'Pilih minimal satu Kasi tujuan disposisi.' })
    .max(8, { error: 'Paling banyak 8 tujuan disposisi.' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Tujuan disposisi tidak boleh ganda.' }),
  sifat: z.enum(SIFAT, { error: 'Pilih sifat disposisi.' }),
  instructions: z
    .array(z.enum(INSTRUCTIONS, { error: 'Instruksi disposisi tidak dikenal; centang dari daftar instruksi.' }), { error: 'Pilih instruksi disposisi.' })
    .min(1, { error: 'Centang minimal satu instruksi disposisi.' })
    .refine((list) => new Set(list).size === list.length, { error: 'Instruksi disposisi tidak boleh ganda.' }),
  note: optionalText('Catatan disposisi', 1000),
});
export type DisposeInput = z.input<typeof disposeInputSchema>;

export const dispositionIdSchema = z.object({ dispositionId: idSchema });
export const returnDispositionSchema = z.object({
  dispositionId: idSchema,
  reason: text('Alasan pengembalian', 1000).refine(saysAtLeast(5), {
    error: 'Tulis alasan pengembalian minimal 5 huruf.',
  }),
});

export const FOLLOW_UP_MAX = 4000;
export const followUpInputSchema = z.object({
  id: idSchema,
  kind: z.enum(FOLLOW_UP_KINDS, { error: 'Pilih jenis catatan tindak lanjut.' }),
  text: text('Isi catatan', FOLLOW_UP_MAX).refine(saysAtLeast(5), { error: 'Isi catatan minimal 5 huruf.' }),
  attachments: z
    .array(attachmentUploadSchema)
    .max(ATTACHMENT_MAX_COUNT, { error: `Lampiran paling banyak ${ATTACHMENT_MAX_COUNT} berkas.` })
    .default([]),
});
export type FollowUpInput = z.input<typeof followUpInputSchema>;

export const exitInputSchema = z
  .object({
    id: idSchema,
    step: seenStep,
    exit: z.enum(EXITS, { error: 'Pilih jenis penyelesaian.' }),
    note: text('Alasan atau keterangan', 1000),
    forwardTo: optionalText('Diteruskan kepada', 200),
  })
  .refine((v) => v.exit !== 'bukan_kewenangan' || v.forwardTo !== '', {
    error: 'Tulis pimpinan instansi yang berwenang, tujuan penerusan, contoh: Kepala Dinas Sosial.',
    path: ['forwardTo'],
  });
export type ExitInput = z.input<typeof exitInputSchema>;

export const resumeInputSchema = z.object({ id: idSchema, note: text('Keterangan kelengkapan', 1000) });

// A file waiting for the reporter: its clocks stand still until it is withdrawn.
export const pauseInfoSchema = z.object({ since: z.string(), withdrawAt: z.string() });

// The office list, sorted by either clock (late first), optionally narrowed, a page at a time.
export const officeTasksQuerySchema = z.object({
  sort: z.enum(CLOCKS, { error: 'Urutan tugas hanya menurut batas langkah atau batas standar.' }).default('langkah'),
  filter: z.enum(TASK_FILTERS, { error: 'Saringan tugas tidak dikenal; pilih dari daftar saringan.' }).optional(),
  // (A type's own message is its checks' too.)
  offset: z.number({ error: 'Halaman tugas tidak terbaca; muat ulang halaman.' }).int().min(0).default(0),
  limit: z.number({ error: 'Jumlah baris per halaman 1–200.' }).int().min(1).max(200).default(OFFICE_PAGE_SIZE),
});
export type OfficeTasksQuery = z.infer<typeof officeTasksQuerySchema>;

// The menu's numbers: the user's Tugas saya, documents waiting for their signature, and
// how many of the complaints they watch (their own tasks; a leader, the office) are late.
// signsForHead: as on the session user, but now: a Kasi appointed Plt./Plh. (or no longer)
// while signed in gets or loses his signature queue without signing in again.
// toScan: letters printed to be signed by hand whose scan the user may record (documents.scansAwaited).
export const taskCountsSchema = z.object({ mine: z.number().int(), toSign: z.number().int(), toScan: z.number().int(), late: z.number().int(), signsForHead: z.boolean() });
export type TaskCounts = z.infer<typeof taskCountsSchema>;

// A row of the register with both clocks' states (null when closed, paused or not started).
export const registerRowSchema = complaintRowSchema.extend({ stepRisk: z.enum(RISKS).nullable(), standardRisk: z.enum(RISKS).nullable() });
export type RegisterRow = z.infer<typeof registerRowSchema>;

const executorSchema = z.enum(['staf', 'kasi', 'sekcam', 'camat', 'tim_pengelola']);

export const taskSchema = z.object({
  complaintId: idSchema,
  registerNo: z.string(),
  subject: z.string(),
  status: z.enum(STATUSES),
  stepNo: z.number().int(),
  activity: z.string(),
  executor: executorSchema,
  startedAt: z.string(),
  dueAt: z.string(),
  remainingMinutes: z.number().int(),
  /**
   * Whole working days the step is behind its due, as the office counts them (workingDaysBehind:
   * the days opened after the day the due is shown on); 0 before the due, on that day, and
   * while the file waits for the reporter.
   */
  daysBehind: z.number().int().min(0),
  /**
   * Whole working days ahead of the step's due (workingDaysAhead: the working days after today
   * up to the day the due is shown on); 0 on that day, after it, and while the file waits.
   */
  daysLeft: z.number().int().min(0),
  risk: z.enum(RISKS),
  /** The whole standard's due and state; null while its clock has not started (or the file is paused). */
  standardDueAt: z.string().nullable(),
  standardRisk: z.enum(RISKS).nullable(),
  escalated: z.boolean(),
  paused: z.boolean(),
  pause: pauseInfoSchema.nullable(),
  disposition: z.object({ id: idSchema, sifat: z.enum(SIFAT), opened: z.boolean(), fromName: z.string() }).nullable(),
  /**
   * Not the step itself but a part of it a Kasi returned to this user, who disposed it: to
   * be disposed again to another Kasi while the other disposition runs on. stepNo is then
   * the disposition step's, executor the user's role, and the clock the running step's.
   */
  returned: z.boolean(),
});
export type Task = z.infer<typeof taskSchema>;

// A page of the office list and how many complaints the whole list holds.
export const officeTasksPageSchema = z.object({ rows: z.array(taskSchema), total: z.number().int() });
export type OfficeTasksPage = z.infer<typeof officeTasksPageSchema>;

// 'advance' completes a step that needs no paper ('takeOver' does so in place of the
// step's executor, with a reason); the others complete a step only
// through its document: a draft (penyusunan jawaban), the executor's paraf, the signature,
// a delivery record (penyampaian), where the file is kept (arsip).
export const ACTIONS = [
  'advance',
  'takeOver',
  'dispose',
  'followUp',
  'resume',
  'draft',
  'paraf',
  'sign',
  'deliver',
  'archive',
  ...EXITS.map((e) => `exit:${e}` as const),
] as const;
export type Action = (typeof ACTIONS)[number];

export const journeySchema = z.object({
  id: idSchema,
  status: z.enum(STATUSES),
  standardName: z.string(),
  standardVersion: z.number().int(),
  clockStartedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  escalated: z.boolean(),
  paused: z.boolean(),
  pause: pauseInfoSchema.nullable(),
  /** The whole standard's state while open and running; null otherwise. */
  standardRisk: z.enum(RISKS).nullable(),
  /**
   * While the file waits for the reporter (paused): the working minutes each clock had left
   * when it stopped (negative when already past its due; null for a clock not started). dueAt
   * and the running step's dueAt are then the dues from before the pause, worked out again
   * when the file is completed: a screen shows these minutes instead of those dates.
   */
  suspended: z.object({ stepMinutesLeft: z.number().int().nullable(), standardMinutesLeft: z.number().int().nullable() }).nullable(),
  exitNote: z.string(),
  current: z
    .object({
      stepNo: z.number().int(),
      activity: z.string(),
      executor: executorSchema,
      dueAt: z.string(),
      remainingMinutes: z.number().int(),
      daysBehind: z.number().int().min(0),
      daysLeft: z.number().int().min(0),
      risk: z.enum(RISKS),
    })
    .nullable(),
  steps: z.array(
    z.object({
      no: z.number().int(),
      activity: z.string(),
      stage: z.string(),
      executor: executorSchema,
      duration: z.string(),
      output: z.string(),
      startedAt: z.string().nullable(),
      dueAt: z.string().nullable(),
      completedAt: z.string().nullable(),
      completedByName: z.string(),
      onTime: z.boolean().nullable(),
      escalated: z.boolean(),
      note: z.string(),
    }),
  ),
  dispositions: z.array(
    z.object({
      id: idSchema,
      fromName: z.string(),
      onBehalf: z.boolean(),
      toId: idSchema,
      toName: z.string(),
      toJabatan: z.string(),
      sifat: z.enum(SIFAT),
      instructions: z.array(z.enum(INSTRUCTIONS)),
      note: z.string(),
      createdAt: z.string(),
      openedAt: z.string().nullable(),
      state: z.enum(['aktif', 'ditarik', 'dikembalikan', 'selesai']),
      returnReason: z.string(),
      /** Returned while another disposition runs, and not yet disposed again by its disposer (or the Camat). */
      returnAwaits: z.boolean(),
      /** Whether the viewer may withdraw it now (its sender or the Camat, before it is opened). */
      mayWithdraw: z.boolean(),
      /** Whether the viewer may return it now (its Kasi, while the step it was sent for runs). */
      mayReturn: z.boolean(),
    }),
  ),
  followUps: z.array(
    z.object({
      id: idSchema,
      kind: z.enum(FOLLOW_UP_KINDS),
      text: z.string(),
      byName: z.string(),
      at: z.string(),
      attachments: z.array(attachmentMetaSchema),
    }),
  ),
  actions: z.array(z.enum(ACTIONS)),
  /** The step this user completed last and may still undo (nothing was recorded after it), or null. */
  undo: z.object({ stepNo: z.number().int(), completedAt: z.string() }).nullable(),
  /** Who must act now when it is not this user, and why; null when the step is theirs or nothing runs. */
  waitingFor: z.object({ who: z.string(), why: z.string() }).nullable(),
  /** The document that answers this complaint under its standard, or null when none is drafted. */
  answerKind: z.enum(['surat_tanggapan', 'berita_acara', 'laporan_tindak_lanjut']).nullable(),
  /** Kelengkapan items of the complaint's standard not ticked at intake. */
  kelengkapanMissing: z.array(z.string()),
  delivery: z
    .object({ channel: z.string(), deliveredAt: z.string(), recipient: z.string(), note: z.string(), byName: z.string() })
    .nullable(),
  archiveLocation: z.string(),
  satisfaction: z.enum(['puas', 'tidak_puas']).nullable(),
  /**
   * The reporter's statement is settled: given, or recorded by a signed berita acara as not
   * asked. The closing asks for it only when it is not.
   */
  statementSettled: z.boolean(),
  /** When the SKM questionnaire entered for this complaint was saved; null while there is none. */
  skmAt: z.string().nullable(),
});
export type Journey = z.infer<typeof journeySchema>;

export const assigneeSchema = z.object({ id: idSchema, name: z.string(), jabatan: z.string(), seksi: z.string() });

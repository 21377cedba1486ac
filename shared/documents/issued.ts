import * as z from 'zod';
import { idSchema } from '../schemas/common';
import { receiptViewSchema } from './receipt';
import { letterViewSchema } from './letter';
import { dispositionSheetViewSchema } from './dispositionSheet';
import { controlCardViewSchema } from './controlCard';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, PAGE_MM } from './kinds';
import { draftContentSchema } from '../schemas/documents';

// What the renderer gets of an issued document: its record (status, number, paraf,
// signature) and, when asked for one document, the frozen content to print.

export const documentContentSchema = z.discriminatedUnion('family', [
  z.object({ family: z.literal('receipt'), view: receiptViewSchema }),
  z.object({ family: z.literal('letter'), view: letterViewSchema }),
  z.object({ family: z.literal('disposition'), view: dispositionSheetViewSchema }),
  z.object({ family: z.literal('control_card'), view: controlCardViewSchema }),
]);
export type DocumentContent = z.infer<typeof documentContentSchema>;

export const DOCUMENT_ACTIONS = ['revise', 'paraf', 'return', 'sign', 'sign_wet'] as const;
export type DocumentAction = (typeof DOCUMENT_ACTIONS)[number];

export const SIGNER_CAPACITIES = ['', 'a.n.', 'Plt.', 'Plh.'] as const;

export const wetSignerSchema = z.object({ id: idSchema, name: z.string(), capacity: z.enum(SIGNER_CAPACITIES) });
export type WetSigner = z.infer<typeof wetSignerSchema>;

/**
 * The parts of a disposition a Kasi returned in the complaint's running step that still wait
 * for their disposer, which completing the step would end (the history then records that they
 * were not disposed again): the step, the parts (who returned each, who disposed it, why), and
 * whether this user may dispose them first. `by`: this user's actions on the document that
 * complete the step, whose dialogs warn of it.
 */
export const stepLapseSchema = z.object({
  stepNo: z.number().int(),
  parts: z.array(z.object({ id: idSchema, toName: z.string(), fromName: z.string(), returnReason: z.string() })),
  canRedispose: z.boolean(),
  by: z.array(z.enum(DOCUMENT_ACTIONS)),
});
export type StepLapse = z.infer<typeof stepLapseSchema>;

export const issuedDocumentSchema = z.object({
  id: idSchema,
  complaintId: idSchema.nullable(),
  registerNo: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  version: z.number().int().positive(),
  /** Changes with every change to this row (a return, a signature, a newer version): what a revise must name. */
  rowVersion: z.number().int().nonnegative(),
  status: z.enum(DOCUMENT_STATUSES),
  /** Outgoing number once signed; '' before. */
  number: z.string(),
  page: z.enum(Object.keys(PAGE_MM) as [keyof typeof PAGE_MM, ...(keyof typeof PAGE_MM)[]]),
  createdAt: z.string(),
  createdByName: z.string(),
  supersedesId: idSchema.nullable(),
  supersededById: idSchema.nullable(),
  parafs: z.array(z.object({ name: z.string(), jabatan: z.string(), at: z.string() })),
  returned: z.object({ reason: z.string(), byName: z.string(), at: z.string() }).nullable(),
  /** A lembar disposisi whose dispositions were returned or withdrawn, all or some: what no longer holds; null otherwise. */
  notInForce: z.string().nullable(),
  signedAt: z.string().nullable(),
  signerName: z.string(),
  signerCapacity: z.enum(SIGNER_CAPACITIES),
  verifyCode: z.string(),
  viewSha256: z.string(),
  docxSha256: z.string(),
  hasScan: z.boolean(),
  actions: z.array(z.enum(DOCUMENT_ACTIONS)),
  /** With the action sign_wet: whom the paper may be printed for, to sign it by hand. */
  wetSigners: z.array(wetSignerSchema),
  /**
   * A draft's paper for a signature by hand: the outgoing number it took, and once printed
   * (null on a new version not printed again yet) for whom, when and by whom; while the
   * draft may be signed, its content and DOCX are that paper's. Null on any other document.
   */
  wetPaper: z
    .object({
      number: z.string(),
      printed: z.object({ signer: wetSignerSchema, at: z.string(), byName: z.string() }).nullable(),
    })
    .nullable(),
  /**
   * When some of this user's actions on the document complete the running step while returned
   * parts wait in it; null otherwise, and for a user who may not open the complaint (the parts
   * name who returned them and why).
   */
  stepLapse: stepLapseSchema.nullable(),
  /**
   * A draft still holding, as a paragraph, the sentence it was given because no handler noted
   * what was done ("Pengaduan Saudara telah kami tindak lanjuti.", shared/documents/standIn.ts):
   * that sentence, for those who paraf and sign it to be told; null otherwise.
   */
  standIn: z.string().nullable(),
});
export type IssuedDocument = z.infer<typeof issuedDocumentSchema>;

/**
 * How a signature given now would read: the capacity (own name, a.n., Plt., Plh.) and the
 * letter's signature block, its lines above the signature ("Plh. CAMAT PEGANTENAN",
 * "KEPALA SEKSI PEMERINTAHAN,") and the name under it.
 */
export const signingAsSchema = z.object({
  capacity: z.enum(SIGNER_CAPACITIES),
  caption: z.array(z.string()),
  name: z.string(),
  /** Whether his signature specimen is in place: without it the signature on screen is refused. */
  specimen: z.boolean(),
});
export type SigningAs = z.infer<typeof signingAsSchema>;

// `content`: the document as it stands; a draft printed to be signed by hand, as printed;
// a draft this user may sign on screen, with his signature block (in a.n., Plt. or Plh.
// where he signs so) rather than the head of office's, still marked DRAF and unnumbered.
// `draft`: what the drafter wrote (letters still being drafted, and the content a
// correction starts from); null for forms built from the complaint. `previousDraft`: that
// of the version this one replaced, for what changed since; sent with it, as opening that
// version is an opening of its own (audited for a rahasia complaint). `complaintOpen`:
// whether this user may open the document's complaint (a Kasi acting for the head of
// office signs letters of complaints that are not his), so no link leads to a refusal.
// `signingAs`: with the action sign, how this user's signature would read if given now,
// for the form to say before he signs; null otherwise, and when his capacity would be
// refused (the signature then is, with the reason).
export const documentWithContentSchema = issuedDocumentSchema.extend({
  content: documentContentSchema,
  draft: draftContentSchema.nullable(),
  previousDraft: draftContentSchema.nullable(),
  complaintOpen: z.boolean(),
  signingAs: signingAsSchema.nullable(),
});
export type DocumentWithContent = z.infer<typeof documentWithContentSchema>;

import { SIGNED_KINDS } from '../../../shared/documents/kinds';
import { randomInt } from 'node:crypto';
import { DOCUMENT_KIND_LABEL, type DocumentKind, type SignedKind } from '../../../shared/documents/kinds';
import type { DocumentAction, DocumentContent, IssuedDocument, SigningAs, StepLapse, WetSigner } from '../../../shared/documents/issued';
import { WET_SIGNING_ROLES, type Role, type Status } from '../../../shared/domain';
import type { ServiceStandard } from '../../../shared/standards/schema';
import type { ComplaintDetail } from '../../../shared/schemas/complaint';
import type { OfficeProfile } from '../../../shared/schemas/office';
import type { DraftContent, Outcome } from '../../../shared/schemas/documents';
import { CLOSING_SATISFACTION_MISSING, type ClosingSatisfaction } from '../../../shared/schemas/skm';
import { localDate, yearOf } from '../../../shared/time/workingTime';
import { formatTanggalWaktu } from '../../../shared/time/format';
import { listWords } from '../../../shared/text/words';
import { appendAudit } from '../audit/chain';
import { nextNumber } from '../complaints/numbering';
import { recordComplaintEvent } from '../complaints/events';
import type { CoreDeps, SessionUser } from '../context';
import { write } from '../context';
import type { Db } from '../db/open';
import { complaintAccess } from '../access';
import { TanggapError } from '../errors';
import { getOffice } from '../office/settings';
import { awaitingReturns, backToDrafting, backToParaf, completeStep, loadState, type ComplaintState, type Loaded } from '../workflow/engine';
import { answerKindOf, mayActOnStep, mayRedispose } from '../workflow/rules';
import { standardVersion } from '../workflow/standard';
import { complaintFacts, docContext } from './facts';
import { controlCardView, dispositionSheetView, receiptView } from './kinds/forms';
import { buildLetterView, initialDraft, kelengkapanDeadline, LETTER_KINDS, type LetterKind, type LetterParams, type Signing } from './kinds/letters';
import { KINDS, renderDocx } from './registry';
import { NOT_IN_FORCE, sheetStamp } from '../../../shared/documents/dispositionSheet';
import { standInOf } from '../../../shared/documents/standIn';
import { formatOutgoingNumber } from './settings';
import { actingAt, actingCapacity, capacityIfAny, capacityOf, requireSignerData, signatureView, signerUser, signsForHead, userName, type Capacity, type SignerUser } from './signer';
import { carryWetNumber, contentOf, draftOf, getDoc, insertDocument, latestOf, markSuperseded, paramsOf, printedPaperOf, sha256, standingPaperOf, storeDocx, wetPaperOf, type DocRow, type WetPaperRow } from './store';
import { pluck, stmt } from '../db/statements';
import { staleEdit } from '../versions';

// The paper trail of a complaint: documents issued by the journey (tanda terima and
// kartu kendali at intake, lembar disposisi and a new kartu kendali at each disposition,
// letters at the side exits), the answer drafted, initialled and signed, and the
// delivery and archive records. Functions without "async" run inside the caller's
// write transaction.

const isLetterKind = (k: DocumentKind): k is LetterKind => (LETTER_KINDS as readonly string[]).includes(k);
const JOURNEY_STAGES = ['penyusunan_jawaban', 'paraf', 'penandatanganan'];

function issueForm(
  db: Db,
  complaintId: number | null,
  kind: DocumentKind,
  content: DocumentContent,
  by: number | null,
  at: string,
  supersedes: DocRow | null = null,
  params?: Record<string, unknown>,
): number {
  const page = KINDS[kind].page(docContext(db).settings);
  return insertDocument(db, { complaintId, kind, status: 'final', page, content, supersedes, createdBy: by, at, params });
}

/** Tanda terima and kartu kendali, frozen as the complaint is registered; `read`: the complaint as the officer who recorded it has just read it. */
export function issueIntakeDocuments(db: Db, complaintId: number, by: number, at: string, read?: ComplaintDetail): void {
  const facts = complaintFacts(db, complaintId);
  issueForm(db, complaintId, 'tanda_terima', { family: 'receipt', view: receiptView(db, complaintId, read, facts) }, by, at);
  issueForm(db, complaintId, 'kartu_kendali', { family: 'control_card', view: controlCardView(db, complaintId, [], facts) }, by, at);
}

/** The lembar disposisi of one disposition (all its recipients ticked) and the kartu kendali with "Kepada" filled. */
export function issueDispositionDocuments(db: Db, complaintId: number, dispositionIds: number[], by: number, at: string): void {
  issueForm(db, complaintId, 'lembar_disposisi', { family: 'disposition', view: dispositionSheetView(db, complaintId, dispositionIds) }, by, at, null, { dispositionIds });
  reissueControlCard(db, complaintId, by, at);
}

/**
 * The kartu kendali issued again for the dispositions now running: each new disposition's
 * sheet names only its own addressees, but the card follows the complaint, so after a part
 * was returned or withdrawn it names every Kasi still at work on it, and not the one who
 * returned theirs. With none running, nothing: the disposition step runs again, and its
 * next disposition issues the card.
 */
export function reissueControlCard(db: Db, complaintId: number, by: number, at: string): void {
  const running = pluck(db, "SELECT id FROM dispositions WHERE complaint_id = ? AND state = 'aktif' ORDER BY id").all(complaintId) as number[];
  if (running.length === 0) return;
  const card = controlCardView(db, complaintId, running);
  issueForm(db, complaintId, 'kartu_kendali', { family: 'control_card', view: card }, by, at, latestOf(db, complaintId, 'kartu_kendali'));
}

function insertLetterDraft(db: Db, kind: LetterKind, complaintId: number, draft: DraftContent, params: LetterParams, by: SessionUser, at: string, supersedes: DocRow | null): number {
  const compiledBy = kind === 'laporan_tindak_lanjut' ? signerUser(db, by.id) : null;
  const view = buildLetterView(db, { kind, complaintId, draft, params, compiledBy }, at, null);
  return insertDocument(db, {
    complaintId,
    kind,
    status: 'draf',
    page: KINDS[kind].page(docContext(db).settings),
    content: { family: 'letter', view },
    draft,
    params: { ...params, compiledBy: compiledBy?.id ?? null },
    supersedes,
    createdBy: by.id,
    at,
  });
}

// A checklist item that asks who the reporter is ("Fotocopy KTP/SIM/KK atau identitas
// pengadu", "Nama dan alamat lengkap pengadu", "Alamat pemohon").
const IDENTITY_ITEM = /\b(?:KTP|SIM|KK|identitas|nama|alamat)\b/i;

/** Surat penerusan (bukan kewenangan) and pemberitahuan kelengkapan (tidak lengkap): drafts for the head's signature. */
export function draftExitLetter(db: Db, l: Loaded, exit: 'bukan_kewenangan' | 'tidak_lengkap', by: SessionUser, at: string, forwardTo = '', reason = ''): number {
  const c = complaintFacts(db, l.c.id);
  const params: LetterParams =
    exit === 'bukan_kewenangan'
      ? { forwardTo, reason }
      : {
          // The checklist's items not ticked (for an anonymous reporter, not those that would
          // name them: a KTP, a name and address), then what the officer found wanting in
          // their own words ("belum ditandatangani Ketua RT"), which the checklist may not name.
          missing: [
            ...c.standard.kelengkapanChecklist.filter((item) => !c.kelengkapan.includes(item) && !(c.anonymous && IDENTITY_ITEM.test(item))),
            ...(reason.trim() ? [reason] : []),
          ],
          deadline: kelengkapanDeadline(db, at, c.standard.autoWithdrawHariKerja),
          reason,
        };
  const kind = exit === 'bukan_kewenangan' ? 'surat_penerusan' : 'pemberitahuan_kelengkapan';
  const id = insertLetterDraft(db, kind, l.c.id, initialDraft(db, kind, l.c.id, params, null), params, by, at, null);
  recordComplaintEvent(db, {
    complaintId: l.c.id,
    at,
    actorId: by.id,
    words: `Draf ${DOCUMENT_KIND_LABEL[kind].toLowerCase()} disusun; menunggu tanda tangan`,
    action: 'document.drafted',
    data: { documentId: id, kind },
  });
  return id;
}

// ── Who may do what with a document ─────────────────────────────────────────────

interface DocScope {
  l: Loaded | null;
  /** The answer of a complaint still in its penyusunan, paraf or signing steps. */
  journeyBound: boolean;
  actsOnStep: boolean;
  /** Whether the user sees the document's complaint (complaintAccess), asked once at most. */
  sees(): boolean;
}

// Only an answer (surat tanggapan, berita acara, laporan) follows the complaint's steps;
// exit letters and forms are not tied to a step, so their state need not be loaded.
const ANSWER_KINDS: readonly DocumentKind[] = ['surat_tanggapan', 'berita_acara', 'laporan_tindak_lanjut'];

// The stage of the step an answer is bound to: the standard's answer of an open complaint
// not waiting for the reporter, at its drafting, initialling or signing step. Null for a
// draft not bound to the journey.
function boundStage(kind: DocumentKind, c: Pick<ComplaintState, 'closed_at' | 'status' | 'step_no'>, standard: ServiceStandard): string | null {
  const stage = c.step_no === null ? undefined : standard.steps[c.step_no - 1]?.stage;
  const bound = kind === answerKindOf(standard) && c.closed_at === null && c.status !== 'tidak_lengkap' && stage !== undefined && JOURNEY_STAGES.includes(stage);
  return bound ? stage : null;
}

// `see`: whether the user sees the document's complaint, when the caller knows it already
// (from requireDocument or requireComplaint); else complaintAccess is asked the first time
// a rule needs it (a Kasi's actions, the lapse warning), and only then.
function scopeOf(db: Db, user: SessionUser, row: DocFacts, see?: boolean): DocScope {
  const l = row.complaint_id === null || !ANSWER_KINDS.includes(row.kind) ? null : loadState(db, row.complaint_id);
  const complaintId = row.complaint_id;
  let sees = see;
  return {
    l,
    journeyBound: !!l && boundStage(row.kind, l.c, l.standard) !== null,
    actsOnStep: !!l && mayActOnStep(user, l.state),
    sees: () => (sees ??= complaintId === null || complaintAccess(db, user, complaintId).see),
  };
}

// The answer of a complaint closed without any version of it signed (withdrawn, say): nobody
// works on it any more, and a paper printed for it no longer stands. A correction of a signed
// answer still goes on after the closing.
function abandonedAnswer(db: Db, row: Pick<DocFacts, 'complaint_id' | 'kind'>, closed: boolean, answerKind: DocumentKind | null): boolean {
  return closed && row.kind === answerKind && !stmt(db, 'SELECT 1 FROM issued_documents WHERE complaint_id = ? AND kind = ? AND signed_at IS NOT NULL LIMIT 1').get(row.complaint_id, row.kind);
}
const givenUp = (db: Db, row: DocRow, l: Loaded | null) => !!l && abandonedAnswer(db, row, l.state.closed, l.state.answerKind);
const answerState = (db: Db, row: DocRow) => (row.complaint_id === null || !ANSWER_KINDS.includes(row.kind) ? null : loadState(db, row.complaint_id));

/** The draft's paper for a signature by hand, printed or not, while the draft is still to be signed. */
export const standingPaper = (db: Db, row: DocRow, l = answerState(db, row)) => (givenUp(db, row, l) ? null : standingPaperOf(db, row));
/** The draft's printed paper, with its letter as printed, while the draft is still to be signed. */
export const printedPaper = (db: Db, row: DocRow) => (givenUp(db, row, answerState(db, row)) ? null : printedPaperOf(db, row));

const drafterOf = (l: Loaded, role: Role) =>
  l.standard.steps.some((s) => s.stage === 'penyusunan_jawaban' && [s.executor, ...s.alternates].some((e) => e === role || e === 'tim_pengelola'));

function hasParaf(db: Db, docId: number, userId: number) {
  return !!stmt(db, 'SELECT 1 FROM document_parafs WHERE document_id = ? AND user_id = ?').get(docId, userId);
}

function pendingCorrection(db: Db, row: DocFacts) {
  return !!stmt(db, "SELECT 1 FROM issued_documents WHERE supersedes_id = ? AND status = 'draf'").get(row.id);
}

// What the document rules read of a document.
type DocFacts = Pick<DocRow, 'id' | 'complaint_id' | 'kind' | 'status' | 'superseded_by' | 'returned_at'>;

type DraftRow = DocFacts & Pick<DocRow, 'version' | 'created_at'> & { c_subject: string | null; c_register: string | null; c_closed: string | null; c_status: Status | null; c_step: number | null; c_version: number | null };

// Drafts not yet signed or issued, nor replaced by a newer version, nor returned for
// correction (they wait for that newer version), with the complaint columns the queue rule reads.
const DRAFT_COLUMNS = `d.id, d.complaint_id, d.kind, d.status, d.superseded_by, d.returned_at, d.version, d.created_at, c.subject AS c_subject, c.register_no AS c_register,
       c.closed_at AS c_closed, c.status AS c_status, c.step_no AS c_step, c.standard_version_id AS c_version`;
const DRAFT_OPEN = `d.status = 'draf' AND d.superseded_by IS NULL AND d.returned_at IS NULL`;
const OPEN_DRAFTS = `SELECT ${DRAFT_COLUMNS} FROM issued_documents d LEFT JOIN complaints c ON c.id = d.complaint_id WHERE ${DRAFT_OPEN}`;

// The open drafts of signed kinds, oldest first: the signature queue's candidates.
function signedDrafts(db: Db): DraftRow[] {
  return stmt(db, `${OPEN_DRAFTS} AND d.kind IN (${SIGNED_KINDS.map(() => '?').join(',')}) ORDER BY d.created_at, d.id`).all(...SIGNED_KINDS) as DraftRow[];
}

// The open drafts of one complaint, of every kind, oldest first, as signedDrafts reads them;
// those of a signed kind (isSignedKind) are the complaint's part of signedDrafts.
export function complaintDrafts(db: Db, complaintId: number): DraftRow[] {
  return stmt(db, `${OPEN_DRAFTS} AND d.complaint_id = ? ORDER BY d.created_at, d.id`).all(complaintId) as DraftRow[];
}

// Where an open draft stands for its signature, from its complaint's own columns: 'free'
// when no journey binds it (a letter of no complaint or of a side exit, a correction, the
// answer of a complaint closed with a version signed), 'step' when bound at the signing step,
// 'off' when bound at another step or given up (the answer of a complaint closed without
// one signed); undefined when the columns cannot say (documentActions then decides).
function signingStand(db: Db, r: DraftRow): 'free' | 'step' | 'off' | undefined {
  if (r.complaint_id === null || !ANSWER_KINDS.includes(r.kind)) return 'free';
  if (r.c_version === null || r.c_status === null) return undefined;
  const standard = standardVersion(db, r.c_version);
  const stage = boundStage(r.kind, { closed_at: r.c_closed, status: r.c_status, step_no: r.c_step }, standard);
  if (stage === null) return abandonedAnswer(db, r, r.c_closed !== null, answerKindOf(standard)) ? 'off' : 'free';
  return stage === 'penandatanganan' ? 'step' : 'off';
}

// The signature queue's rule for one draft, for a user who signs for the head of office
// (signsForHead): any draft not bound to a complaint's journey, and a bound one at its
// signing step when documentActions says so. Decided from the complaint's own columns, so
// only the latter load their complaints.
function queueHolds(db: Db, user: SessionUser, r: DraftRow, at: string, signsUnbound = unboundSigner(db, user, at)): boolean {
  const stand = signingStand(db, r);
  if (stand === undefined) return documentActions(db, user, r, at).includes('sign');
  if (stand === 'free') return signsUnbound(r.kind);
  return stand === 'step' && documentActions(db, user, r, at).includes('sign');
}

// Whether the user may sign a draft outside the journey, where its kind alone says whether
// the Sekcam may sign it a.n. the head: his capacity asked once per answer, not per draft.
function unboundSigner(db: Db, user: SessionUser, at: string): (kind: DocumentKind) => boolean {
  const tz = getOffice(db).timeZone;
  const signs = new Map<boolean, boolean>();
  return (kind) => {
    const onBehalf = KINDS[kind].onBehalf;
    if (!signs.has(onBehalf)) signs.set(onBehalf, capacityIfAny(db, user, tz, at, () => onBehalf) !== null);
    return KINDS[kind].signed && signs.get(onBehalf)!;
  };
}

// The drafts this user may sign now, oldest first: the signature queue and its count in the
// menu. For a user who signs for the head of office (signsForHead): its callers have asked.
export function signableDrafts(db: Db, user: SessionUser, at: string): DraftRow[] {
  const signsUnbound = unboundSigner(db, user, at);
  return signedDrafts(db).filter((r) => queueHolds(db, user, r, at, signsUnbound));
}

// Open drafts whose last paper for a signature by hand was printed (not a number carried
// over to a new version still to be printed), with that paper's facts (not its letter).
const PRINTED_DRAFTS = `SELECT ${DRAFT_COLUMNS},
       w.number AS p_number, w.signer_id AS p_signer, w.capacity AS p_capacity, w.printed_at AS p_printed_at, w.printed_by AS p_printed_by
     FROM issued_documents d JOIN wet_papers w ON w.id = (SELECT max(id) FROM wet_papers WHERE document_id = d.id) LEFT JOIN complaints c ON c.id = d.complaint_id
     WHERE ${DRAFT_OPEN} AND w.printed_at IS NOT NULL
     ORDER BY w.printed_at, d.id`;
type PrintedDraft = DraftRow & { p_number: string; p_signer: number; p_capacity: Capacity; p_printed_at: string; p_printed_by: number | null };

/**
 * The letters printed to be signed by hand whose scan `user` may record now (sign_wet), the
 * oldest print first: what the Staf still has to upload once the signed sheets come back.
 * Those in `user`'s own signature queue are left to it (it says they were printed), so one
 * letter is not counted twice in a signer's menu. From the complaints' own columns, as the
 * queue is: the menu's numbers ask it at every change.
 */
export function scansAwaited(db: Db, user: SessionUser, at: string, inQueue: ReadonlySet<number> = new Set()): PrintedDraft[] {
  if (!WET_SIGNING_ROLES.includes(user.role)) return [];
  return (stmt(db, PRINTED_DRAFTS).all() as PrintedDraft[]).filter((r) => {
    if (inQueue.has(r.id)) return false;
    const stand = signingStand(db, r);
    return stand === undefined ? documentActions(db, user, r, at).includes('sign_wet') : stand !== 'off';
  });
}

/** Whether the user's signature queue (signableDrafts) holds the draft on `at`: who is told it awaits his signature. */
export const inSignatureQueue = (db: Db, user: SessionUser, r: DraftRow, at: string) => signsForHead(db, user, at) && queueHolds(db, user, r, at);

/** What `user` may do with the document on `at`; `see`: whether he sees its complaint, when the caller knows (see scopeOf). */
export function documentActions(db: Db, user: SessionUser, row: DocFacts, at: string, see?: boolean): DocumentAction[] {
  return actionsIn(db, user, row, at, scopeOf(db, user, row, see));
}

function actionsIn(db: Db, user: SessionUser, row: DocFacts, at: string, s: DocScope): DocumentAction[] {
  const spec = KINDS[row.kind];
  const stage = s.l?.step?.stage;
  const leader = user.role === 'camat' || user.role === 'sekcam';
  // The office's time zone, read at most once for the two questions below.
  let tz: OfficeProfile['timeZone'] | undefined;
  const timeZone = () => (tz ??= getOffice(db).timeZone);
  // A Kasi signs only in the head's place, on a day he is appointed Plt./Plh.; standing in
  // for the head he may also return the draft, as the head may.
  const acting = () => actingAt(db, user.id, at, timeZone());
  const inHeadsPlace = () => (leader || user.role === 'kasi') && acting();
  // Offered only in a capacity the signature would be given in (the Sekcam a.n. the head
  // only where this document allows it), so no one is offered a signature he is refused.
  const mayCapacity = () => capacityIfAny(db, user, timeZone(), at, () => onBehalfAllowed(row, s)) !== null;
  const actions: DocumentAction[] = [];
  if (row.superseded_by !== null) return actions;
  if (row.status === 'draf') {
    if (s.l && abandonedAnswer(db, row, s.l.state.closed, s.l.state.answerKind)) return actions;
    if (s.journeyBound) {
      if (s.actsOnStep || drafterOf(s.l!, user.role)) actions.push('revise');
      if (stage === 'paraf' && s.actsOnStep && !hasParaf(db, row.id, user.id)) actions.push('paraf');
      if ((stage === 'paraf' || stage === 'penandatanganan') && (s.actsOnStep || (stage === 'penandatanganan' && inHeadsPlace()))) actions.push('return');
      if (stage === 'penandatanganan' && spec.signed) {
        if (((leader && s.actsOnStep) || inHeadsPlace()) && mayCapacity()) actions.push('sign');
        if (WET_SIGNING_ROLES.includes(user.role)) actions.push('sign_wet');
      }
    } else if (spec.signed) {
      if (spec.drafters.includes(user.role)) actions.push('revise');
      if (leader || inHeadsPlace()) actions.push('return');
      if ((leader || inHeadsPlace()) && mayCapacity()) actions.push('sign');
      if (WET_SIGNING_ROLES.includes(user.role)) actions.push('sign_wet');
    } else if (spec.drafters.includes(user.role) || (s.l && drafterOf(s.l, user.role))) {
      actions.push('revise');
    }
  } else if ((row.status === 'ditandatangani' || row.status === 'ditandatangani_basah') && spec.drafters.includes(user.role) && !pendingCorrection(db, row)) {
    // A signed letter is corrected by a new version that replaces it once signed.
    actions.push('revise');
  }
  // A Kasi reaches a draft of a complaint not his only as the acting head's signer
  // (requireDocument): he signs it or returns it, and does nothing else with it.
  const asSigner = (a: DocumentAction) => a === 'sign' || a === 'return';
  const mine = user.role === 'kasi' && row.complaint_id !== null && !actions.every(asSigner) && !s.sees() ? actions.filter(asSigner) : actions;
  // A draft returned for correction waits for its new version: nobody initials, signs or returns it.
  return row.status === 'draf' && row.returned_at !== null ? mine.filter((a) => a === 'revise') : mine;
}

export function requireAction(db: Db, user: SessionUser, row: DocRow, action: DocumentAction, at: string) {
  if (documentActions(db, user, row, at).includes(action)) return;
  const words: Record<DocumentAction, string> = {
    revise: 'mengubah',
    paraf: 'memaraf',
    return: 'mengembalikan',
    sign: 'menandatangani',
    sign_wet: 'mengurus tanda tangan basah untuk',
  };
  if (row.superseded_by !== null) throw new TanggapError('conflict', `Versi ${row.version} sudah diganti versi baru; buka versi terbaru.`);
  // Said of a draft printed to be signed by hand, whose sheet is then void.
  const printed = () => (wetPaperOf(db, row.id)?.printed_at ? ' Lembar yang dicetak untuk tanda tangan basah tidak berlaku lagi.' : '');
  const signing = action === 'sign' || action === 'sign_wet';
  if (signing && (row.status === 'ditandatangani' || row.status === 'ditandatangani_basah')) {
    throw new TanggapError('conflict', `Dokumen ini sudah ditandatangani dengan nomor ${row.number}.${printed()}`);
  }
  if (row.status !== 'draf' && action !== 'revise') throw new TanggapError('conflict', 'Dokumen ini sudah terbit atau ditandatangani dan tidak dapat diubah; buat koreksi sebagai versi baru.');
  if (row.returned_at !== null && action !== 'revise') {
    throw new TanggapError('conflict', `Draf ini sudah dikembalikan untuk diperbaiki (${row.returned_reason}); tunggu versi barunya.${printed()}`);
  }
  throw new TanggapError('forbidden', `Anda tidak dapat ${words[action]} dokumen ini pada tahap pengaduan sekarang.`);
}

// ── Drafting, revising, paraf, return ───────────────────────────────────────────

export function draftAnswer(deps: CoreDeps, user: SessionUser, complaintId: number, kind: LetterKind, outcome: Outcome, reason: string, satisfaction: ClosingSatisfaction | null, at: string): number {
  const { db } = deps;
  const l = loadState(db, complaintId);
  if (kind !== l.state.answerKind) {
    throw new TanggapError('validation', `Menurut Standar Pelayanan pengaduan ini, jawabannya berupa ${DOCUMENT_KIND_LABEL[l.state.answerKind ?? 'surat_tanggapan'].toLowerCase()}.`, 'kind');
  }
  if (kind === 'berita_acara' && !satisfaction) throw new TanggapError('validation', CLOSING_SATISFACTION_MISSING, 'satisfaction');
  const params: LetterParams = { outcome, reason };
  const id = insertLetterDraft(db, kind, complaintId, initialDraft(db, kind, complaintId, params, satisfaction), params, user, at, null);
  recordComplaintEvent(db, { complaintId, at, actorId: user.id, words: `Draf ${DOCUMENT_KIND_LABEL[kind].toLowerCase()} disusun`, action: 'document.drafted', data: { documentId: id, kind } });
  return id;
}

/**
 * The document a revise starts from, as the user opened it: refused when it changed since
 * (returned, signed, replaced by a newer version or a correction begun by someone else).
 * Call inside the write transaction.
 */
export function currentDraft(db: Db, id: number, rowVersion: number, actorId: number): DocRow {
  const row = getDoc(db, id);
  const successor = stmt(db, 'SELECT created_by, created_at FROM issued_documents WHERE supersedes_id = ? ORDER BY id DESC LIMIT 1').get(id) as
    | { created_by: number | null; created_at: string }
    | undefined;
  if (row.row_version === rowVersion && !successor) return row;
  const changes = [
    successor && { by: successor.created_by, at: successor.created_at },
    row.signed_at && { by: row.signer_id, at: row.signed_at },
    row.returned_at && { by: row.returned_by, at: row.returned_at },
  ].filter((c): c is { by: number | null; at: string } => !!c);
  const last = changes.sort((a, b) => b.at.localeCompare(a.at))[0];
  throw staleEdit(db, last?.by ?? null, last?.at ?? null, actorId);
}

export function revise(deps: CoreDeps, user: SessionUser, row: DocRow, content: DraftContent, at: string): number {
  const { db } = deps;
  requireAction(db, user, row, 'revise', at);
  if (!isLetterKind(row.kind) || row.complaint_id === null) throw new TanggapError('conflict', 'Dokumen jenis ini dibuat dari data pengaduan dan tidak diubah dengan tangan.');
  if (row.kind === 'berita_acara' && !content.satisfaction) throw new TanggapError('validation', CLOSING_SATISFACTION_MISSING, 'content.satisfaction');
  const id = insertLetterDraft(db, row.kind, row.complaint_id, content, paramsOf<LetterParams>(row), user, at, row);
  if (row.status === 'draf') carryWetNumber(db, row.id, id);
  // The answer's new version is initialled again: from a later paraf or the signing step the
  // complaint goes back to the first paraf step.
  const back = row.status === 'draf' ? backToParaf(deps, row.complaint_id, row.kind, at) : null;
  recordComplaintEvent(db, {
    complaintId: row.complaint_id,
    at,
    actorId: user.id,
    words: `${DOCUMENT_KIND_LABEL[row.kind]} diubah menjadi versi ${row.version + 1}${back ? `; kembali ke langkah ${back.no} (${back.activity}) agar versi baru diparaf lagi` : ''}`,
    action: 'document.revised',
    data: back ? { documentId: id, supersedes: row.id, backToStep: back.no } : { documentId: id, supersedes: row.id },
  });
  return id;
}

/**
 * Whether `action` on a document of kind `kind` completes the running step of its complaint
 * (`l`): a paraf at a paraf step, a signature (on screen or by hand) at the signing step, each
 * of the standard's answer while the complaint is open; a side exit's letter never does.
 * paraf() and commitSignature() complete the step exactly when this says so, and stepLapseOf
 * warns with it before.
 */
function completesStep(l: Loaded, kind: DocumentKind, action: DocumentAction): boolean {
  const stage = action === 'paraf' ? 'paraf' : action === 'sign' || action === 'sign_wet' ? 'penandatanganan' : null;
  return stage !== null && l.step?.stage === stage && kind === l.state.answerKind && !l.state.closed;
}

/**
 * The returned parts waiting in the complaint's running step when some of `actions` (this
 * user's on the document) complete it: null when none does, when no part waits, and for a user
 * who may not open the complaint (a Kasi signing as Plt./Plh.), to whom the parts' names and
 * reasons are not shown.
 */
function stepLapseOf(db: Db, user: SessionUser, row: DocFacts, actions: readonly DocumentAction[], s: DocScope): StepLapse | null {
  const l = s.l;
  if (row.complaint_id === null || !l || actions.length === 0) return null;
  const by = actions.filter((a) => completesStep(l, row.kind, a));
  if (by.length === 0 || !l.step || !s.sees()) return null;
  const parts = awaitingReturns(db, row.complaint_id);
  if (parts.length === 0) return null;
  return {
    stepNo: l.step.no,
    parts: parts.map((r) => ({ id: r.id, toName: r.returnedBy, fromName: r.disposer, returnReason: r.reason })),
    canRedispose: mayRedispose(user, l.state),
    by,
  };
}

/** The paraf of the current step's executor on the current version completes the step. */
export function paraf(deps: CoreDeps, user: SessionUser, row: DocRow, at: string): void {
  const { db } = deps;
  requireAction(db, user, row, 'paraf', at);
  stmt(db, 'INSERT INTO document_parafs (document_id, user_id, at) VALUES (?, ?, ?)').run(row.id, user.id, at);
  recordComplaintEvent(db, {
    complaintId: row.complaint_id!,
    at,
    actorId: user.id,
    words: `${DOCUMENT_KIND_LABEL[row.kind]} versi ${row.version} diparaf`,
    action: 'document.paraf',
    data: { documentId: row.id, viewSha256: row.view_sha256 },
  });
  const l = loadState(db, row.complaint_id!);
  if (completesStep(l, row.kind, 'paraf')) completeStep(deps, l, user, at, `Paraf ${DOCUMENT_KIND_LABEL[row.kind].toLowerCase()} versi ${row.version}`);
}

export function returnDocument(deps: CoreDeps, user: SessionUser, row: DocRow, reason: string, at: string): void {
  const { db } = deps;
  requireAction(db, user, row, 'return', at);
  stmt(db, 'UPDATE issued_documents SET returned_reason = ?, returned_by = ?, returned_at = ? WHERE id = ?').run(reason, user.id, at, row.id);
  const audit = { at, actorId: user.id, action: 'document.returned', data: { documentId: row.id } };
  if (row.complaint_id === null) {
    appendAudit(db, { ...audit, entity: 'complaint', entityId: null });
    return;
  }
  // The answer goes back to its drafter: his drafting step runs again.
  const back = backToDrafting(deps, row.complaint_id, row.kind, at);
  recordComplaintEvent(db, {
    ...audit,
    complaintId: row.complaint_id,
    words: `${DOCUMENT_KIND_LABEL[row.kind]} versi ${row.version} dikembalikan untuk diperbaiki${back ? `; kembali ke langkah ${back.no} (${back.activity})` : ''}`,
    note: reason,
    data: back ? { documentId: row.id, backToStep: back.no } : audit.data,
  });
}

// ── Signing ─────────────────────────────────────────────────────────────────────

/** "Sri Wahyuni (Plh. Camat Pegantenan)", "Drs. Imam Santoso, M.Si. (Camat Pegantenan)": a signer in the capacity he signs in. */
export const signerWords = (db: Db, name: string, capacity: Capacity) => `${name} (${capacity ? `${capacity} ` : ''}${getOffice(db).headTitle})`;
/** signerWords of the user `id`. */
export const signerWordsOf = (db: Db, id: number, capacity: Capacity) => signerWords(db, userName(db, id), capacity);

// Crockford base32 without I, L, O, U: read aloud or typed from paper without confusion.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function newVerifyCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]!).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}
export const normaliseCode = (code: string) => {
  const c = code.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return c.length === 12 ? `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}` : c;
};

// Printed in the box at the foot of a letter signed on screen, above its "Kode periksa". Its
// reader (the reporter, another office) has no Tanggap: the office checks the code for him,
// in its "Periksa dokumen".
const notCertified = (officeName: string) =>
  `Ditandatangani di aplikasi Tanggap; ini bukan tanda tangan elektronik tersertifikasi (BSrE). Keaslian dapat ditanyakan kepada ${officeName} dengan menyebut kode periksa di bawah ini.`;

/**
 * On screen: the caller signs with their specimen. By hand: the paper printed on `printedAt`
 * (printForWetSigning; a print since makes it void) was signed, and `scan` stores the uploaded
 * scan (inside the signing transaction), giving its id.
 */
export type SignHow = { onScreen: true } | { onScreen: false; printedAt: string; scan: (docId: number, at: string) => number };

interface SignPlan {
  row: DocRow;
  signer: SignerUser;
  capacity: Capacity;
  year: number;
  seq: number;
  number: string;
  content: DocumentContent;
  code: string;
  /** The draft's paper for a signature by hand as the plan found it. */
  paper: WetPaperRow | null;
  /** The plan's number is the paper's, taken when it was first printed; else the counter's next. */
  keepsNumber: boolean;
}

// Whether the Sekcam may sign this document a.n. the head of office: the signing step
// names the Sekcam, or (not bound to a journey) the kind of letter allows it.
function onBehalfAllowed(row: DocFacts, s: DocScope): boolean {
  return s.journeyBound ? [s.l!.step!.executor, ...s.l!.step!.alternates].includes('sekcam') : KINDS[row.kind].onBehalf;
}

/**
 * Who may have signed a printed draft by hand, as offered when its scan is uploaded: the
 * head of office, whoever acts for them on the day (Plt./Plh.), and the Sekcam a.n. the
 * head where this document allows it. Active accounts with a NIP only (a signature block
 * cannot go without one), the head first.
 */
export function wetSigners(db: Db, user: SessionUser, row: DocFacts, at: string): WetSigner[] {
  const office = getOffice(db);
  const date = localDate(at, office.timeZone);
  const onBehalf = onBehalfAllowed(row, scopeOf(db, user, row));
  const candidates = stmt(
    db,
    `SELECT id FROM users WHERE active = 1 AND (role IN ('camat', 'sekcam') OR id IN (SELECT user_id FROM acting_officials WHERE from_date <= ? AND to_date >= ?))
     ORDER BY role <> 'camat', id`,
  ).all(date, date) as { id: number }[];
  const signers: WetSigner[] = [];
  for (const { id } of candidates) {
    const u = signerUser(db, id);
    try {
      requireSignerData(u, false);
      signers.push({ id, name: u.name, capacity: capacityOf(db, u, office, at, onBehalf) });
    } catch (err) {
      if (!(err instanceof TanggapError)) throw err;
    }
  }
  return signers;
}

/**
 * How `user`'s signature on `row` would read if he signed it on screen at `at`, as planSigning
 * writes it: null without the action sign (`actions`: documentActions of this user and row).
 */
export function signingAs(db: Db, user: SessionUser, row: DocFacts, actions: readonly DocumentAction[], at: string): SigningAs | null {
  if (!actions.includes('sign')) return null;
  const office = getOffice(db);
  const capacity = capacityIfAny(db, user, office.timeZone, at, () => onBehalfAllowed(row, scopeOf(db, user, row)));
  if (capacity === null) return null;
  const signer = signerUser(db, user.id);
  const { caption, name } = signatureView(signer, office, capacity);
  // A berita acara names the head's side PIHAK PERTAMA above his block.
  return { capacity, caption: row.kind === 'berita_acara' ? ['PIHAK PERTAMA,', ...caption] : caption, name, specimen: signer.signature_image !== '' };
}

/**
 * The draft as it reads to `user` about to sign it on screen (`as`, signingAs): with his own
 * block, in the capacity he signs in, where the draft carries the block of whoever was
 * expected to sign it (the head of office): a Plt./Plh. or the Sekcam a.n. sees the letter
 * he signs. Null when the draft's block is his already.
 */
export function draftForSigner(db: Db, user: SessionUser, row: DocRow, as: SigningAs | null, at: string): DocumentContent | null {
  if (!as || !isLetterKind(row.kind) || row.complaint_id === null) return null;
  const drafted = contentOf(row);
  // The head's block ends the letter's signatures (after PIHAK KEDUA's on a berita acara):
  // when it reads as his would, the draft stands as it is.
  const head = drafted.family === 'letter' ? drafted.view.signatures.at(-1) : undefined;
  if (head && head.name === as.name && head.caption.join('\n') === as.caption.join('\n')) return null;
  const view = buildLetterView(db, { kind: row.kind, complaintId: row.complaint_id, draft: draftOf(row)!, params: paramsOf<LetterParams>(row) }, at, null, {
    user: signerUser(db, user.id),
    capacity: as.capacity,
  });
  return { family: 'letter', view };
}

/** draftForSigner of a draft for `user` now, from what he may do with it (its DOCX as he reads it). */
export function draftForSignerNow(db: Db, user: SessionUser, row: DocRow, at: string): DocumentContent | null {
  // Only who signs for the head may sign on screen: nobody else's download loads the complaint for it.
  if (row.status !== 'draf' || !signsForHead(db, user, at)) return null;
  return draftForSigner(db, user, row, signingAs(db, user, row, documentActions(db, user, row, at), at), at);
}

// The letter as `user` signs it on screen at `at`, or as printed on `at` for the official
// `signerId` to sign by hand: numbered with the number the draft's paper took in the same
// year (its month as of `at`), else with the yearly counter's next.
function planSigning(db: Db, user: SessionUser, row: DocRow, at: string, how: { onScreen: true } | { onScreen: false; signerId: number }, verification: Signing['verification']): SignPlan {
  const office = getOffice(db);
  const onScreen = how.onScreen;
  let signer: SignerUser;
  let capacity: Capacity;
  if (how.onScreen) {
    signer = signerUser(db, user.id);
    capacity = capacityOf(db, signer, office, at, onBehalfAllowed(row, scopeOf(db, user, row)));
  } else {
    // A scan records the signature of whoever signed the paper, not of whoever uploads it.
    const chosen = wetSigners(db, user, row, at).find((w) => w.id === how.signerId);
    if (!chosen) {
      throw new TanggapError(
        'validation',
        `Pilih penandatangan dari daftar: ${office.headTitle}, Plt./Plh. yang tercatat hari ini, atau Sekretaris a.n. pimpinan bila dokumen ini mengizinkannya.`,
        'signerId',
      );
    }
    signer = signerUser(db, chosen.id);
    capacity = chosen.capacity;
  }
  requireSignerData(signer, onScreen);
  const year = yearOf(at, office.timeZone);
  const paper = wetPaperOf(db, row.id) ?? null;
  // A number taken in a year gone by is not given to a letter dated in the next.
  const keepsNumber = paper?.year === year;
  const current = stmt(db, "SELECT value FROM counters WHERE name = 'surat_keluar' AND year = ?").get(year) as { value: number } | undefined;
  const seq = keepsNumber ? paper.seq : (current?.value ?? 0) + 1;
  const month = Number(localDate(at, office.timeZone).slice(5, 7));
  const number = formatOutgoingNumber(docContext(db).settings.numberPatterns[row.kind as SignedKind], seq, office.unitCode, year, month);
  const draft = draftOf(row)!;
  const signing: Signing = { user: signer, capacity, at, number, verification: verification && { ...verification, text: notCertified(office.name) } };
  const view = buildLetterView(db, { kind: row.kind as LetterKind, complaintId: row.complaint_id!, draft, params: paramsOf<LetterParams>(row) }, at, onScreen ? signing : { ...signing, user: { ...signer, signature_image: '' }, verification: null });
  return { row, signer, capacity, year, seq, number, content: { family: 'letter', view }, code: verification?.code ?? '', paper, keepsNumber };
}

// The plan of a signature by hand: the letter exactly as printed on `printedAt`, the last print.
// A Plt./Plh. signs by his appointment on the print's date (one deleted since was an error);
// the head of office and the Sekcam a.n. by their office.
function printedPlan(db: Db, row: DocRow, printedAt: string): SignPlan & { docx: Buffer } {
  const paper = printedPaper(db, row);
  if (!paper) {
    throw new TanggapError(
      'conflict',
      'Cetak dulu naskahnya dengan "Cetak untuk tanda tangan basah": naskah itu bernomor, tanpa tanda DRAF, dengan blok tanda tangan pejabat yang menandatanganinya. Unggah hasil pindai naskah itu setelah ditandatangani.',
    );
  }
  const signer = signerUser(db, paper.signer_id);
  const capacity = paper.capacity ?? '';
  if (paper.printed_at !== printedAt) {
    const office = getOffice(db);
    throw new TanggapError(
      'conflict',
      `Naskah ini sudah dicetak ulang pada ${formatTanggalWaktu(paper.printed_at, office.timeZone)} untuk ditandatangani ${signerWords(db, signer.name, capacity)}; lembar yang dicetak sebelumnya tidak berlaku lagi. Unggah hasil pindai lembar cetakan terakhir itu setelah ditandatangani.`,
    );
  }
  if ((capacity === 'Plt.' || capacity === 'Plh.') && actingCapacity(db, paper.signer_id, localDate(paper.printed_at, getOffice(db).timeZone)) !== capacity) {
    throw new TanggapError(
      'conflict',
      `${signer.name} tidak lagi tercatat sebagai ${capacity} ${getOffice(db).headTitle} pada tanggal cetak naskah ini. Periksa Pejabat Plt./Plh. di Pengaturan, lalu cetak ulang naskahnya untuk pejabat yang menandatanganinya.`,
    );
  }
  const { year, seq, number, view, docx } = paper;
  return { row, signer, capacity, year, seq, number, content: JSON.parse(view) as DocumentContent, code: '', paper, keepsNumber: true, docx };
}

class NumberTaken extends Error {}

// Runs `attempt` until its plan's number holds: an outgoing number is rendered into the DOCX
// before the write transaction, so when another letter took it meanwhile (NumberTaken), the
// letter is planned and rendered again with the next one.
async function withNextNumber(attempt: () => Promise<void>, busy: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof NumberTaken)) throw err;
    }
  }
  throw new TanggapError('conflict', busy);
}

/**
 * Prints a draft to be signed by hand by `signerId` (one of wetSigners): the letter as it
 * will stand, without the DRAF mark, with his signature block (without a specimen or a
 * code) and the outgoing number, taken now from the yearly counter unless the draft's paper
 * has one of this year already (printed before, or kept from the version this one
 * replaces). Printed again (another signer, a lost sheet), it keeps its number and takes the
 * new date; the sheet printed before is void.
 */
export async function printForWetSigning(deps: CoreDeps, user: SessionUser, id: number, signerId: number): Promise<void> {
  const { db } = deps;
  await withNextNumber(async () => {
    const at = deps.now().toISOString();
    const row = getDoc(db, id);
    requireAction(db, user, row, 'sign_wet', at);
    const plan = planSigning(db, user, row, at, { onScreen: false, signerId }, null);
    const docx = await renderDocx(plan.content);
    write(db, () => {
      requirePlanHolds(db, plan);
      const view = JSON.stringify(plan.content);
      stmt(db,
        `INSERT INTO wet_papers (document_id, year, seq, number, signer_id, capacity, printed_at, printed_by, view, docx, docx_sha256)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(row.id, plan.year, plan.seq, plan.number, plan.signer.id, plan.capacity, at, user.id, view, docx, sha256(docx));
      const again = plan.paper?.printed_at ? 'dicetak ulang' : 'dicetak';
      recordComplaintEvent(db, {
        complaintId: row.complaint_id!,
        at,
        actorId: user.id,
        words: `${DOCUMENT_KIND_LABEL[row.kind]} versi ${row.version} ${again} untuk ditandatangani basah oleh ${signerWords(db, plan.signer.name, plan.capacity)}, dengan nomor ${plan.number}`,
        action: 'document.printed_wet',
        data: { documentId: row.id, number: plan.number, signerId: plan.signer.id, capacity: plan.capacity, viewSha256: sha256(view), docxSha256: sha256(docx) },
      });
    });
  }, 'Penomoran surat sedang sibuk; coba cetak lagi.');
}

// Inside the write transaction: the draft is still as the plan read it (not signed, replaced,
// changed or returned meanwhile, its paper not printed again), and the plan's number is the
// counter's next one, which it takes, or the paper's.
function requirePlanHolds(db: Db, plan: SignPlan): void {
  const fresh = getDoc(db, plan.row.id);
  const paper = wetPaperOf(db, plan.row.id) ?? null;
  if (fresh.status !== 'draf' || fresh.superseded_by !== null || fresh.view_sha256 !== plan.row.view_sha256 || paper?.id !== plan.paper?.id) {
    throw new TanggapError('conflict', 'Dokumen ini baru saja diubah, dicetak ulang atau ditandatangani orang lain; muat ulang dan periksa lagi.');
  }
  // Returned for correction while the signature was being prepared.
  if (fresh.returned_at !== null) throw new TanggapError('conflict', 'Draf ini baru saja dikembalikan untuk diperbaiki dan tidak ditandatangani; tunggu versi barunya.');
  if (!plan.keepsNumber && nextNumber(db, 'surat_keluar', plan.year) !== plan.seq) throw new NumberTaken();
}

/**
 * Signs a draft: the number is taken from the yearly counter (or is the one its paper for a
 * signature by hand took, see printForWetSigning), the content frozen with the signature
 * and verification code (by hand: the paper as printed), the DOCX stored with both SHA-256
 * and the signature appended to the audit chain, all in one transaction. Numbers never
 * repeat, and none is skipped but that of a paper printed and then never signed (its letter
 * withdrawn, or left to a new year), as a paper agenda marks a number void.
 */
export async function signDocument(deps: CoreDeps, user: SessionUser, id: number, how: SignHow): Promise<void> {
  const { db } = deps;
  const onScreen = how.onScreen;
  const code = onScreen ? newVerifyCode() : '';
  // qrcode loads with the first signature, not at start.
  const qr = onScreen ? await (await import('qrcode')).default.toDataURL(`TANGGAP-PERIKSA:${code}`, { errorCorrectionLevel: 'M', margin: 1, width: 240 }) : '';
  await withNextNumber(async () => {
    const at = deps.now().toISOString();
    const row = getDoc(db, id);
    requireAction(db, user, row, onScreen ? 'sign' : 'sign_wet', at);
    const printed = how.onScreen ? null : printedPlan(db, row, how.printedAt);
    const plan = printed ?? planSigning(db, user, row, at, { onScreen: true }, { code, qr, text: '' });
    const docx = printed?.docx ?? (await renderDocx(plan.content));
    write(db, () => commitSignature(deps, user, plan, docx, at, how));
  }, 'Penomoran surat sedang sibuk; coba tandatangani lagi.');
}

function commitSignature(
  deps: CoreDeps,
  user: SessionUser,
  plan: SignPlan,
  docx: Buffer,
  at: string,
  how: SignHow,
) {
  const { db } = deps;
  const onScreen = how.onScreen;
  requirePlanHolds(db, plan);
  const view = JSON.stringify(plan.content);
  const scanId = how.onScreen ? null : how.scan(plan.row.id, at);
  stmt(db,
    `UPDATE issued_documents SET status = ?, view = ?, view_sha256 = ?, docx = ?, docx_sha256 = ?, number = ?, signer_id = ?, signer_capacity = ?,
       signed_at = ?, verify_code = ?, scan_attachment_id = ? WHERE id = ?`,
  ).run(onScreen ? 'ditandatangani' : 'ditandatangani_basah', view, sha256(view), docx, sha256(docx), plan.number, plan.signer.id, plan.capacity, at, plan.code || null, scanId, plan.row.id);
  // A correction replaces the signed version once it is signed itself.
  if (plan.row.supersedes_id !== null) {
    const old = getDoc(db, plan.row.supersedes_id);
    if (old.superseded_by === null) markSuperseded(db, old.id, plan.row.id);
  }
  const complaintId = plan.row.complaint_id;
  const draft = draftOf(plan.row);
  // The statement becomes the complaint's; one not asked is none (also over a corrected one).
  if (complaintId !== null && plan.row.kind === 'berita_acara' && draft?.satisfaction) {
    stmt(db, 'UPDATE complaints SET satisfaction = ? WHERE id = ?').run(draft.satisfaction === 'tidak_ditanyakan' ? null : draft.satisfaction, complaintId);
  }
  const by = `oleh ${signerWords(db, plan.signer.name, plan.capacity)}`;
  const words = onScreen ? `ditandatangani ${by}` : `ditandatangani basah ${by}; hasil pindai diunggah`;
  const audit = {
    at,
    actorId: user.id,
    action: onScreen ? 'document.signed' : 'document.signed_wet',
    data: { documentId: plan.row.id, number: plan.number, signerId: plan.signer.id, capacity: plan.capacity, viewSha256: sha256(view), docxSha256: sha256(docx), code: plan.code },
  };
  if (complaintId === null) appendAudit(db, { ...audit, entity: 'complaint', entityId: null });
  else recordComplaintEvent(db, { ...audit, complaintId, words: `${DOCUMENT_KIND_LABEL[plan.row.kind]} nomor ${plan.number} ${words}` });
  if (complaintId !== null) {
    const l = loadState(db, complaintId);
    if (completesStep(l, plan.row.kind, onScreen ? 'sign' : 'sign_wet')) {
      // A letter signed by hand: the step is the official's who signed the paper; the
      // note names whoever recorded its scan.
      if (onScreen) completeStep(deps, l, user, at, `Ditandatangani di aplikasi ${by}`);
      else completeStep(deps, l, user, at, `Ditandatangani basah ${by}; hasil pindai diunggah oleh ${user.name}`, { doneBy: plan.signer.id });
    }
  }
}

// ── Delivery and archive ───────────────────────────────────────────────────────

/** The answer handed over: an unsigned answer (laporan) is issued as it stands. */
export function answerForDelivery(db: Db, l: Loaded): DocRow | null {
  if (!l.state.answerKind) return null;
  const row = latestOf(db, l.c.id, l.state.answerKind);
  if (!row) return null;
  if (row.status === 'draf' && KINDS[row.kind].signed) {
    throw new TanggapError('conflict', `${DOCUMENT_KIND_LABEL[row.kind]} belum ditandatangani; jawaban baru dapat disampaikan setelah ditandatangani.`);
  }
  if (row.status === 'draf') stmt(db, "UPDATE issued_documents SET status = 'final' WHERE id = ?").run(row.id);
  return row;
}

// ── Reading ────────────────────────────────────────────────────────────────────

/** The register number of the document's complaint, '' for one outside a complaint. */
export const registerNoOf = (db: Db, row: Pick<DocRow, 'complaint_id'>) =>
  row.complaint_id === null ? '' : (stmt(db, 'SELECT register_no FROM complaints WHERE id = ?').get(row.complaint_id) as { register_no: string }).register_no;

// A lembar disposisi names the dispositions it carries (params.dispositionIds; a sheet issued
// before it did names none): those since returned or withdrawn no longer hold.
function sheetNotInForce(db: Db, row: DocRow): string | null {
  const ids = paramsOf<{ dispositionIds?: number[] }>(row).dispositionIds ?? [];
  if (ids.length === 0) return null;
  const rows = stmt(db, 'SELECT d.state, u.name FROM dispositions d JOIN users u ON u.id = d.to_user WHERE d.id IN (SELECT value FROM json_each(?)) ORDER BY d.id').all(
    JSON.stringify(ids),
  ) as { state: string; name: string }[];
  const namesIn = (state: string) => rows.filter((r) => r.state === state).map((r) => r.name);
  const [returned, withdrawn] = [namesIn('dikembalikan'), namesIn('ditarik')];
  if (returned.length + withdrawn.length === 0) return null;
  const what = [returned.length > 0 && `kepada ${listWords(returned, 'dan')} dikembalikan`, withdrawn.length > 0 && `kepada ${listWords(withdrawn, 'dan')} ditarik`].filter(Boolean);
  const all = returned.length + withdrawn.length === rows.length;
  return `${all ? NOT_IN_FORCE.all : NOT_IN_FORCE.part}: disposisi ${what.join('; disposisi ')}.`;
}

/** The document as `user` reads it; `see`: whether he sees its complaint, when the caller knows (see scopeOf). */
export function toIssued(db: Db, user: SessionUser, row: DocRow, at: string, see?: boolean): IssuedDocument {
  const name = (id: number | null) => (id === null ? '' : userName(db, id));
  const parafs = stmt(db, 'SELECT u.name, u.jabatan, p.at FROM document_parafs p JOIN users u ON u.id = p.user_id WHERE p.document_id = ? ORDER BY p.id')
    .all(row.id) as { name: string; jabatan: string; at: string }[];
  const registerNo = registerNoOf(db, row);
  const scope = scopeOf(db, user, row, see);
  const actions = actionsIn(db, user, row, at, scope);
  const paper = standingPaper(db, row, scope.l);
  return {
    id: row.id,
    complaintId: row.complaint_id,
    registerNo,
    kind: row.kind,
    title: DOCUMENT_KIND_LABEL[row.kind],
    version: row.version,
    rowVersion: row.row_version,
    status: row.status,
    number: row.number,
    page: row.page,
    createdAt: row.created_at,
    createdByName: name(row.created_by),
    supersedesId: row.supersedes_id,
    supersededById: row.superseded_by,
    parafs,
    returned: row.returned_at ? { reason: row.returned_reason, byName: name(row.returned_by), at: row.returned_at } : null,
    notInForce: row.kind === 'lembar_disposisi' ? sheetNotInForce(db, row) : null,
    signedAt: row.signed_at,
    signerName: name(row.signer_id),
    signerCapacity: row.signer_capacity,
    verifyCode: row.verify_code ?? '',
    viewSha256: row.view_sha256,
    docxSha256: row.docx_sha256,
    hasScan: row.scan_attachment_id !== null,
    actions,
    wetSigners: actions.includes('sign_wet') ? wetSigners(db, user, row, at) : [],
    wetPaper: paper
      ? {
          number: paper.number,
          printed:
            paper.printed_at && paper.signer_id !== null
              ? { signer: { id: paper.signer_id, name: name(paper.signer_id), capacity: paper.capacity ?? '' }, at: paper.printed_at, byName: name(paper.printed_by) }
              : null,
        }
      : null,
    stepLapse: stepLapseOf(db, user, row, actions, scope),
    standIn: row.status === 'draf' ? standInOf(draftOf(row)?.body ?? []) : null,
  };
}

/** Whether the complaint's signed berita acara (its last version) records that the reporter was not asked. */
export function statementNotAsked(db: Db, complaintId: number): boolean {
  const row = stmt(db, "SELECT draft FROM issued_documents WHERE complaint_id = ? AND kind = 'berita_acara' AND signed_at IS NOT NULL AND superseded_by IS NULL ORDER BY id DESC LIMIT 1").get(
    complaintId,
  ) as Pick<DocRow, 'draft'> | undefined;
  return !!row && draftOf(row)?.satisfaction === 'tidak_ditanyakan';
}

/** The stored DOCX; one issued before its bytes were rendered is rendered from its frozen view once. */
export async function docxOf(db: Db, row: DocRow): Promise<Buffer> {
  // Made again with its stamp, and not kept: the file as issued stays as it was.
  const stamp = row.kind === 'lembar_disposisi' ? sheetStamp(sheetNotInForce(db, row)) : null;
  if (stamp) return renderDocx(contentOf(row), { stamp });
  if (row.docx) return row.docx;
  const bytes = await renderDocx(contentOf(row));
  write(db, () => storeDocx(db, row.id, bytes));
  return getDoc(db, row.id).docx ?? bytes;
}

export { contentOf, getDoc };

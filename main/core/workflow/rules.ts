import { ROLE_LABEL, type Executor, type OfficeWords, type Role, type Status } from '../../../shared/domain';
import type { Action } from '../../../shared/schemas/workflow';
import type { ServiceStandard, Stage, Step } from '../../../shared/standards/schema';
import { listWords } from '../../../shared/text/words';

// The state machine in one place: who may do what to a complaint in its current
// state. Every mutation checks `allowedActions`, and the renderer shows the same
// list as buttons, so the screen and the core cannot disagree.

export const STAGE_STATUS: Record<Stage, Status> = {
  diterima: 'diterima',
  verifikasi: 'diverifikasi',
  disposisi: 'didisposisi',
  tindak_lanjut: 'ditindaklanjuti',
  penyusunan_jawaban: 'tanggapan_disusun',
  paraf: 'diparaf',
  penandatanganan: 'ditandatangani',
  penyampaian: 'dikirim',
  arsip: 'diarsipkan',
};

// The stages in which the file is still being checked: only then can it be sent
// back as incomplete.
const CHECK_STAGES: readonly Stage[] = ['diterima', 'verifikasi', 'disposisi'];

export interface JourneyState {
  status: Status;
  closed: boolean;
  step: Step | null;
  acting: Executor | null;
  escalated: boolean;
  // Active dispositions of this complaint: their recipients.
  dispositionTo: number[];
  // Who disposed a part that came back (a disposition returned while another stays
  // active) and has not disposed that part again yet: its task is to send it elsewhere.
  returnedTo: number[];
  // The document that answers the complaint under its standard, and whether a draft of it
  // is waiting (penyusunan, paraf and signing steps complete only through it).
  answerKind: AnswerKind | null;
  hasDraft: boolean;
  // That draft was returned for correction: nothing goes on with it until its new version.
  draftReturned: boolean;
  // The stage of the step after the current one, or null at the last step.
  nextStage: Stage | null;
}

export type AnswerKind = 'surat_tanggapan' | 'berita_acara' | 'laporan_tindak_lanjut';

/** Berita acara where the standard says so (Waru); a signed surat tanggapan where a step signs; else the laporan. */
export function answerKindOf(standard: ServiceStandard): AnswerKind | null {
  if (standard.resolutionRecord) return 'berita_acara';
  if (standard.steps.some((s) => s.stage === 'penandatanganan')) return 'surat_tanggapan';
  if (standard.steps.some((s) => s.stage === 'penyusunan_jawaban')) return 'laporan_tindak_lanjut';
  return null;
}

// What completes the current step. A run of penyusunan steps ("Kasi asks the staf to
// prepare the letter", then "Staf prepares it") needs the draft only at its last step.
export type StepNeed = 'dispose' | 'draft' | 'paraf' | 'sign' | 'deliver' | 'archive' | 'advance';
export function stepNeed(s: Pick<JourneyState, 'step' | 'answerKind' | 'nextStage'>): StepNeed {
  const stage = s.step?.stage;
  if (stage === 'disposisi') return 'dispose';
  if (stage === 'penyampaian') return 'deliver';
  if (stage === 'arsip') return 'archive';
  if (!s.answerKind) return 'advance';
  if (stage === 'penyusunan_jawaban') return s.nextStage === 'penyusunan_jawaban' ? 'advance' : 'draft';
  if (stage === 'paraf') return 'paraf';
  if (stage === 'penandatanganan') return s.answerKind === 'laporan_tindak_lanjut' ? 'advance' : 'sign';
  return 'advance';
}

const HANDLER_ROLES: readonly Role[] = ['staf', 'kasi', 'sekcam', 'camat'];

// May this user complete the current step? The Camat leads the office and may
// always act; a tim pengelola step is open to every handler; Sekcam disposes on
// behalf of the Camat; a Kasi acts only on what was disposed to them.
export function mayActOnStep(user: { id: number; role: Role }, s: JourneyState): boolean {
  if (!s.step || s.closed || s.status === 'tidak_lengkap') return false;
  if (user.role === 'camat') return true;
  const roles = executorsOf(s.step, s.acting);
  if (roles.has('tim_pengelola') && HANDLER_ROLES.includes(user.role)) return true;
  if (user.role === 'sekcam' && s.step.stage === 'disposisi' && roles.has('camat')) return true;
  if (!roles.has(user.role as Executor)) return false;
  if (user.role === 'kasi' && s.dispositionTo.length > 0) return s.dispositionTo.includes(user.id);
  return true;
}

const executorsOf = (step: Step, acting: Executor | null) => new Set<Executor>([step.executor, ...step.alternates, ...(acting ? [acting] : [])]);

// Is the user the step's own executor: named by the standard (or as its alternate),
// the one it was escalated to, or a member of the tim pengelola it belongs to? Anyone
// else who may act on it (the Camat on a Kasi's step) takes it over, with a reason.
export function isStepExecutor(user: { id: number; role: Role }, s: JourneyState): boolean {
  if (!s.step || !mayActOnStep(user, s)) return false;
  const roles = executorsOf(s.step, s.acting);
  return roles.has(user.role as Executor) || (roles.has('tim_pengelola') && HANDLER_ROLES.includes(user.role));
}

// The roles that dispose and may send a returned part elsewhere (the assignees' list is theirs).
const DISPOSER_ROLES: readonly Role[] = ['staf', 'sekcam', 'camat'];

/**
 * May this user dispose again the part of the complaint a Kasi returned, while the other
 * Kasi's disposition runs on? Its disposer may, and the Camat, who leads the office. The
 * step in progress is left as it is: the new disposition is added beside the active one.
 */
export function mayRedispose(user: { id: number; role: Role }, s: JourneyState): boolean {
  if (s.closed || !s.step || s.status === 'tidak_lengkap' || s.step.stage === 'disposisi') return false;
  if (s.returnedTo.length === 0 || s.dispositionTo.length === 0 || !DISPOSER_ROLES.includes(user.role)) return false;
  return user.role === 'camat' || s.returnedTo.includes(user.id);
}

export function allowedActions(user: { id: number; role: Role }, s: JourneyState): Action[] {
  const actions: Action[] = [];
  if (s.status === 'tidak_lengkap') {
    if (['staf', 'sekcam', 'camat'].includes(user.role)) actions.push('resume', 'exit:dicabut');
    return actions;
  }
  if (s.closed || !s.step) return actions;
  const acts = mayActOnStep(user, s);
  if (acts) {
    const need = stepNeed(s);
    // A step that works on the answer starts by drafting it when there is no draft yet.
    let action: Action = need;
    if (need === 'draft' || need === 'paraf' || need === 'sign') action = s.hasDraft ? (need === 'draft' ? 'advance' : need) : 'draft';
    // A returned draft is revised first (a document action): the step waits for its new version.
    const waitsForRevision = s.draftReturned && (need === 'draft' || need === 'paraf' || need === 'sign');
    // Completing someone else's step is a deliberate take-over, never the plain button.
    if (!waitsForRevision) actions.push(action === 'advance' && !isStepExecutor(user, s) ? 'takeOver' : action);
  }
  if (mayRedispose(user, s)) actions.push('dispose');
  const recipient = user.role === 'kasi' && s.dispositionTo.includes(user.id);
  if ((acts || recipient) && !['diterima', 'verifikasi', 'disposisi'].includes(s.step.stage)) actions.push('followUp');
  const checker = acts || user.role === 'sekcam' || user.role === 'camat';
  if (checker && user.role !== 'kasi' && CHECK_STAGES.includes(s.step.stage)) actions.push('exit:tidak_lengkap');
  if (user.role === 'camat' || user.role === 'sekcam') actions.push('exit:bukan_kewenangan', 'exit:ditolak');
  if (['staf', 'sekcam', 'camat'].includes(user.role)) actions.push('exit:dicabut');
  return actions;
}

// Why an action is refused, in words the user can act on: 'conflict' when the
// complaint's state does not allow it now, 'forbidden' when the role never may.
/** Why `user` may not take `action` now, in the office's words (`w`: its head and secretary). */
export function refusal(action: Action, s: JourneyState, user: { id: number; role: Role }, w: OfficeWords): { code: 'conflict' | 'forbidden'; message: string } {
  const conflict = (message: string) => ({ code: 'conflict' as const, message });
  if (s.closed) return conflict('Pengaduan ini sudah selesai atau ditutup; tidak ada langkah yang dapat dilakukan lagi.');
  if (s.status === 'tidak_lengkap' && action !== 'resume' && action !== 'exit:dicabut') {
    return conflict('Pengaduan menunggu kelengkapan berkas dari pelapor. Catat dulu bahwa berkas sudah dilengkapi.');
  }
  if (action === 'resume') return conflict('Pengaduan ini tidak sedang menunggu kelengkapan berkas.');
  if (action === 'exit:ditolak' || action === 'exit:bukan_kewenangan') {
    return { code: 'forbidden', message: `Hanya ${w.head} atau ${w.secretary} yang dapat menolak pengaduan atau meneruskannya ke instansi lain.` };
  }
  const step = s.step;
  if (!step) return conflict('Pengaduan ini tidak memiliki langkah yang berjalan.');
  const need = stepNeed(s);
  const completes = action === 'advance' || action === 'takeOver';
  if (completes && need !== 'advance') {
    const how: Record<Exclude<StepNeed, 'advance'>, string> = {
      dispose: 'disposisi: pilih Kasi tujuan, sifat dan instruksi',
      draft: 'draf jawaban: susun dulu drafnya',
      paraf: 'paraf pada draf jawaban',
      sign: 'tanda tangan pada draf jawaban',
      deliver: 'catatan penyampaian: kapan, kepada siapa dan dengan cara apa jawaban diserahkan',
      archive: 'catatan tempat arsip (ordner/box)',
    };
    if (need !== 'draft' || !s.hasDraft) return conflict(`Langkah ${step.no} diselesaikan dengan ${how[need]}.`);
    if (s.draftReturned) return conflict('Draf jawaban dikembalikan untuk diperbaiki: ubah draf itu (versi baru) dulu, lalu selesaikan langkah ini.');
  }
  if (completes && mayActOnStep(user, s)) {
    const executor = isStepExecutor(user, s);
    return conflict(
      executor
        ? `Anda pelaksana langkah ${step.no}; selesaikan langkah ini tanpa mengambil alih.`
        : `Langkah ${step.no} menjadi tugas ${executorWords(s, w)}. Bila Anda harus menyelesaikannya, ambil alih langkah ini dan tuliskan alasannya.`,
    );
  }
  if (action !== 'advance' && action !== 'dispose' && ['draft', 'paraf', 'sign', 'deliver', 'archive'].includes(action)) {
    const wanted = stepNeed(s);
    const startsWithDraft = (wanted === 'paraf' || wanted === 'sign') && !s.hasDraft;
    if (action !== wanted && !(action === 'draft' && startsWithDraft)) {
      return conflict(`Pengaduan sedang pada langkah ${step.no} (${step.activity}); tindakan ini tidak dapat dilakukan sekarang.`);
    }
    if (action === 'draft' && s.hasDraft) return conflict('Draf jawaban sudah ada; ubah draf itu (versi baru) alih-alih menyusun draf lain.');
  }
  if (action === 'dispose' && s.returnedTo.length > 0 && s.dispositionTo.length > 0 && step.stage !== 'disposisi') {
    return {
      code: 'forbidden',
      message: `Bagian disposisi yang dikembalikan hanya dapat didisposisikan lagi oleh pemberi disposisinya atau ${w.head}. Hubungi mereka bila bagian itu perlu segera ditangani.`,
    };
  }
  if (action === 'dispose' && step.stage !== 'disposisi') {
    return conflict(`Pengaduan sedang pada langkah ${step.no} (${step.activity}); disposisi tidak dapat dibuat sekarang.`);
  }
  if (action === 'exit:tidak_lengkap') return conflict('Berkas hanya dapat dinyatakan tidak lengkap pada tahap penerimaan dan pemeriksaan.');
  return {
    code: 'forbidden',
    message: `Langkah ${step.no} (${step.activity}) menjadi tugas ${executorWord(s.acting ?? step.executor, s, w)}; peran Anda tidak dapat melakukannya.`,
  };
}

const executorWords = (s: JourneyState, w: OfficeWords) => (s.step ? listWords([...executorsOf(s.step, s.acting)].map((e) => executorWord(e, s, w)), 'atau') : '');

export interface WaitingFor {
  /** Who must act now (a role, or the Kasi by name). */
  who: string;
  /** Why it is them: the standard's executor, the disposition, the escalation or the pause. */
  why: string;
}

/**
 * Who must act on the complaint now when it is not this user, and why; null when the
 * step is the user's own or nothing runs. `names` gives the names of the Kasi a
 * disposition went to.
 */
export function waitingFor(user: { id: number; role: Role }, s: JourneyState, names: (ids: number[]) => string, w: OfficeWords): WaitingFor | null {
  if (s.closed) return null;
  if (s.status === 'tidak_lengkap') {
    return { who: 'Pelapor', why: 'Berkas pengaduan belum lengkap; waktu penanganan berhenti sampai pelapor melengkapinya dan Staf mencatatnya.' };
  }
  const step = s.step;
  if (!step || isStepExecutor(user, s)) return null;
  const label = `Langkah ${step.no} (${STAGE_WORD[step.stage]})`;
  if (s.escalated && s.acting) {
    const to = executorWord(s.acting, s, w);
    return { who: to, why: `Batas waktu langkah ${step.no} terlampaui, sehingga langkah ini dialihkan kepada ${to} (eskalasi).` };
  }
  const roles = executorsOf(step, s.acting);
  if (roles.has('kasi') && s.dispositionTo.length > 0) {
    // The Kasi by name, beside the step's other executors (Pegantenan's paraf: the Sekcam or the Kasi).
    const others = [...roles].filter((r) => r !== 'kasi').map((r) => executorWord(r, s, w));
    if (others.length === 0) return { who: names(s.dispositionTo), why: `${label} dikerjakan oleh Kasi yang menerima disposisi.` };
    return {
      who: listWords([...others, ...s.dispositionTo.map((id) => names([id]))], 'atau'),
      why: `Menurut Standar Pelayanan, ${label.toLowerCase()} dikerjakan oleh ${listWords([...others, 'Kasi yang menerima disposisi'], 'atau')}.`,
    };
  }
  const who = executorWords(s, w);
  return { who, why: `Menurut Standar Pelayanan, ${label.toLowerCase()} dikerjakan oleh ${who}.` };
}

const STAGE_WORD: Record<Stage, string> = {
  diterima: 'penerimaan',
  verifikasi: 'pemeriksaan berkas',
  disposisi: 'disposisi',
  tindak_lanjut: 'tindak lanjut',
  penyusunan_jawaban: 'penyusunan jawaban',
  paraf: 'paraf',
  penandatanganan: 'penandatanganan',
  penyampaian: 'penyampaian jawaban',
  arsip: 'pengarsipan',
};

const EXECUTOR_WORD: Record<Exclude<Executor, 'camat' | 'sekcam'>, string> = {
  staf: ROLE_LABEL.staf,
  kasi: 'Kasi yang menerima disposisi',
  tim_pengelola: 'Tim Pengelola Pengaduan',
};
/**
 * An executor in the office's words (`w`: its head and secretary). Without a disposition (a
 * standard with no disposition step, such as Waru's, where any Kasi may take the step), the
 * Kasi is no particular one.
 */
export function executorWord(e: Executor, s: Pick<JourneyState, 'dispositionTo'>, w: OfficeWords): string {
  if (e === 'camat') return w.head;
  if (e === 'sekcam') return w.secretary;
  return e === 'kasi' && s.dispositionTo.length === 0 ? 'Kasi' : EXECUTOR_WORD[e];
}


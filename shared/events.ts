// What the core pushes to open screens, beside the calls of the contract (which
// re-exports this list): over IPC in the desktop app (channel EVENT_CHANNEL) and as
// server-sent events from GET /api/events in a browser.
//
// - disposition.new: a disposition addressed to the signed-in Kasi
// - disposition.returned: a disposition the signed-in user gave came back
// - complaint.closed: a complaint disposed to the signed-in Kasi was refused, forwarded or withdrawn
// - document.awaitingParaf / document.awaitingSignature: an answer waits for this user's paraf or signature
// - step.atRisk / step.late: a step this user must act on is running out of time or past its due
// - queues.changed: some complaint, step or disposition changed; open queues and menu counts reload
export const EVENT_KINDS = [
  'disposition.new',
  'disposition.returned',
  'complaint.closed',
  'document.awaitingParaf',
  'document.awaitingSignature',
  'step.atRisk',
  'step.late',
  'queues.changed',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

// One event; clientEventSchema (shared/schemas/events.ts) checks it where it is received,
// apart from these words so that a screen showing events does not load zod with them.
export interface ClientEvent {
  kind: EventKind;
  at: string;
  complaintId: number | null;
  registerNo: string | null;
  /** Indonesian one-liner for a notification; never the reporter's name, NIK, phone or address. */
  message: string;
  /** Addressed to the signed-in user personally (a notification is shown for these). */
  forMe: boolean;
}

/**
 * The page a notice of the event opens when clicked: the complaint it concerns; for a letter
 * awaiting the signature of someone who may not open its complaint (a Kasi appointed
 * Plt./Plh., told without the complaint), his signature queue; null when there is none.
 */
export function noticePath(e: Pick<ClientEvent, 'kind' | 'complaintId'>): string | null {
  if (e.complaintId !== null) return `/pengaduan/${e.complaintId}`;
  return e.kind === 'document.awaitingSignature' ? '/tanda-tangan' : null;
}

/** The IPC channel main → window (the preload spells it out; its test checks they match). */
export const EVENT_CHANNEL = 'tanggap:event';
/** The SSE stream of a browser session. */
export const EVENTS_URL = '/api/events';

/** Short Indonesian titles for a notification of each personal event. */
export const EVENT_TITLE: Record<EventKind, string> = {
  'disposition.new': 'Disposisi baru',
  'disposition.returned': 'Disposisi dikembalikan',
  'complaint.closed': 'Pengaduan ditutup',
  'document.awaitingParaf': 'Menunggu paraf Anda',
  'document.awaitingSignature': 'Menunggu tanda tangan Anda',
  'step.atRisk': 'Batas waktu hampir habis',
  'step.late': 'Batas waktu terlampaui',
  'queues.changed': 'Antrean berubah',
};

import { COMPLAINT_KINDS, kindNoun, type ComplaintKind } from '../domain';

// A draft is started from what the handlers noted (usulan jawaban, else every tindakan and
// klarifikasi). Where none noted anything, it gets one sentence saying the complaint was
// followed up, and nothing of what was done: the drafter, those who paraf and the signer
// are told while a draft still holds it as a paragraph of its own.

/** The stand-in of a letter (surat tanggapan, {tindak_lanjut}): "Pengaduan Saudara telah kami tindak lanjuti." */
export const letterStandIn = (kind: ComplaintKind) => `${kindNoun(kind, true)} Saudara telah kami tindak lanjuti.`;
/** The stand-in of a record's own section (berita acara, laporan tindak lanjut). */
export const RECORD_STAND_IN = 'Pengaduan telah ditindaklanjuti.';

const STAND_INS: readonly string[] = [...COMPLAINT_KINDS.map(letterStandIn), RECORD_STAND_IN];

/** The stand-in sentence a draft's body still holds as a paragraph, or null. */
export function standInOf(body: readonly string[]): string | null {
  return body.map((p) => p.trim()).find((p) => STAND_INS.includes(p)) ?? null;
}

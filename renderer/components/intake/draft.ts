import type { DefaultValues } from 'react-hook-form';
import type { ComplaintInput } from '../../../shared/schemas/complaint';
import { readPrivate, writePrivate } from '../../lib/privateStore';

// The intake form's unsaved text, kept per user in this tab's session storage (it holds
// the NIK) so a reload or an ended session loses nothing; logout clears it. Attachments stay out: their base64 would soon
// outgrow the browser's storage; the draft remembers their names so the officer
// knows which files to pick again.

// What the form starts from: the kategori stays unchosen so the officer picks one.
export type IntakeValues = DefaultValues<Omit<ComplaintInput, 'attachments'>>;

export interface IntakeDraft {
  values: IntakeValues;
  attachmentNames: string[];
}

export const EMPTY_INTAKE = {
  kind: 'pengaduan',
  channel: 'langsung',
  reporter: { name: '', address: '', nik: '', phone: '', email: '', anonymous: false, confidential: false },
  subject: '',
  description: '',
  loss: '',
  expectation: '',
  incidentPlace: '',
  incidentDate: '',
  laporTrackingId: '',
  receivedDate: '',
  receivedTime: '',
  letterNo: '',
  letterDate: '',
  kelengkapan: [] as string[],
} satisfies IntakeValues;

const keyOf = (userId: number) => `draf-pengaduan:${userId}`;

const TEXT_FIELDS = [
  'subject',
  'description',
  'loss',
  'expectation',
  'incidentPlace',
  'incidentDate',
  'laporTrackingId',
  'receivedDate',
  'receivedTime',
  'letterNo',
  'letterDate',
] as const;
const REPORTER_TEXT = ['name', 'address', 'nik', 'phone', 'email'] as const;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

// Whether the form holds anything worth keeping (the preset choices alone are not).
export function hasContent(v: IntakeValues, attachmentNames: string[] = []): boolean {
  return (
    TEXT_FIELDS.some((f) => str(v[f]).trim() !== '') ||
    REPORTER_TEXT.some((f) => str(v.reporter?.[f]).trim() !== '') ||
    !!v.category ||
    (v.kelengkapan?.length ?? 0) > 0 ||
    attachmentNames.length > 0
  );
}

// Only the chosen channel's own fields are kept: a letter number typed before the channel
// was switched to WhatsApp is dropped, so a reload brings back nothing that cannot be seen.
export function ownChannelOnly(v: IntakeValues): IntakeValues {
  return {
    ...v,
    laporTrackingId: v.channel === 'sp4n_lapor' ? v.laporTrackingId : '',
    letterNo: v.channel === 'surat' ? v.letterNo : '',
    letterDate: v.channel === 'surat' ? v.letterDate : '',
  };
}

export function loadDraft(userId: number): IntakeDraft | null {
  const raw = readPrivate(keyOf(userId));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<IntakeDraft>;
    const v = (parsed.values ?? {}) as Partial<IntakeValues>;
    // Merged onto the empty form so a draft written by an older version still fits.
    const values: IntakeValues = ownChannelOnly({
      ...EMPTY_INTAKE,
      ...v,
      reporter: { ...EMPTY_INTAKE.reporter, ...(v.reporter ?? {}) },
      kelengkapan: Array.isArray(v.kelengkapan) ? v.kelengkapan.filter((k): k is string => typeof k === 'string') : [],
    });
    const attachmentNames = Array.isArray(parsed.attachmentNames) ? parsed.attachmentNames.filter((n): n is string => typeof n === 'string') : [];
    return hasContent(values, attachmentNames) ? { values, attachmentNames } : null;
  } catch {
    return null;
  }
}

export function saveDraft(userId: number, draft: IntakeDraft) {
  const kept = { ...draft, values: ownChannelOnly(draft.values) };
  writePrivate(keyOf(userId), hasContent(kept.values, kept.attachmentNames) ? JSON.stringify(kept) : null);
}

export function clearDraft(userId: number) {
  writePrivate(keyOf(userId), null);
}
